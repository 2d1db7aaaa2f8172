// Package review writes a received report back as a .docx with the
// checker's findings as Word comments, anchored on the paragraph they are
// about, and a summary page in front, so the office can send each unit its
// own marked-up copy. The original document's XML is kept byte for byte
// except where the comment marks and the summary are inserted.
package review

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"nianbao/internal/wordsym"
)

// Author is the name every comment carries.
const Author = "法治政府建设年度报告检查"

const initials = "检查"

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// Comment is one finding to attach.
type Comment struct {
	// Anchor is text of the paragraph to attach to (a line of the report as
	// the checker read it, or a section title); "" or not found attaches to
	// the first paragraph of the report.
	Anchor string
	Text   string
	// Quotes are words the finding quotes; the first found in the
	// paragraph narrows the comment to those words.
	Quotes []string
}

// Annotated is what Annotate did.
type Annotated struct {
	Docx     []byte
	Anchored int // comments whose anchor was found
}

// ErrNoParagraphs: the .docx has no paragraph of its own to anchor a
// comment on (an empty file, or one whose text is all in altChunks, which
// Word imports when it opens the file).
var ErrNoParagraphs = errors.New("文档中没有段落（Word 文件是空的）")

// Annotate adds comments and a summary page to a .docx.
func Annotate(docx []byte, comments []Comment, summary []string, now time.Time) (*Annotated, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("不是有效的 .docx 文件：%v", err)
	}
	parts := map[string][]byte{}
	var order []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s 无法解压：%v", f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, 64<<20))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s 无法解压：%v", f.Name, err)
		}
		parts[f.Name] = data
		order = append(order, f.Name)
	}
	doc, ok := parts["word/document.xml"]
	if !ok {
		return nil, fmt.Errorf("不是 Word 文档：缺少 word/document.xml")
	}
	if !bindsW(doc) {
		return nil, fmt.Errorf("word/document.xml 没有使用常见的 w: 前缀，暂不能添加批注")
	}
	paras, err := paragraphs(doc)
	if err != nil {
		return nil, err
	}
	firstID := nextCommentID(parts["word/comments.xml"])
	var ins []insertion
	anchored := 0
	for i, c := range comments {
		id := strconv.Itoa(firstID + i)
		k := find(paras, c.Anchor)
		if k >= 0 {
			anchored++
		} else {
			k = firstText(paras)
		}
		p := paras[k]
		startMark := `<w:commentRangeStart w:id="` + id + `"/>`
		endMark := `<w:commentRangeEnd w:id="` + id + `"/><w:r><w:commentReference w:id="` + id + `"/></w:r>`
		if start, end, ok := p.span(c.Quotes); ok {
			// On the quoted words themselves: the runs are split there.
			ins = append(ins, start.mark(startMark), end.mark(endMark))
			continue
		}
		ins = append(ins, insertion{p.contentStart, startMark}, insertion{p.end, endMark})
	}
	if len(summary) > 0 {
		// Right after <w:body>: the first paragraph may sit in a table.
		at := paras[0].start
		if i := bytes.Index(doc, []byte("<w:body>")); i >= 0 {
			at = i + len("<w:body>")
		}
		ins = append(ins, insertion{at, summaryXML(summary)})
	}
	parts["word/document.xml"] = splice(doc, ins)
	parts["word/comments.xml"] = commentsXML(parts["word/comments.xml"], comments, firstID, now)
	if !contains(order, "word/comments.xml") {
		order = append(order, "word/comments.xml")
	}
	parts["[Content_Types].xml"] = withOverride(parts["[Content_Types].xml"])
	parts["word/_rels/document.xml.rels"] = withRelationship(parts["word/_rels/document.xml.rels"])
	if !contains(order, "word/_rels/document.xml.rels") {
		order = append(order, "word/_rels/document.xml.rels")
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(parts[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return &Annotated{Docx: out.Bytes(), Anchored: anchored}, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// bindsW says whether the document binds the w: prefix to WordprocessingML,
// which the inserted marks use.
func bindsW(doc []byte) bool {
	head := doc[:min(len(doc), 4096)]
	return bytes.Contains(head, []byte(`xmlns:w="`+wordNS+`"`)) || bytes.Contains(head, []byte(`xmlns:w='`+wordNS+`'`))
}

// para is one <w:p> of the body with the byte offsets marks go at.
type para struct {
	start        int // before <w:p
	contentStart int // after <w:p …> and its <w:pPr>, where a range starts
	end          int // before </w:p>
	text         string
	segs         []textSeg // the <w:t> texts, for ranges inside the paragraph
}

// paragraphs finds the outermost paragraphs of document.xml and their text.
func paragraphs(doc []byte) ([]para, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []para
	var cur *para
	var text strings.Builder
	depth, pDepth, inT, inPPr := 0, 0, false, false
	var run *runInfo
	rDepth, rPrStart := 0, -1
	nested := 0 // paragraphs inside this one (text boxes): no ranges there
	for {
		before := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("word/document.xml 不是有效的 XML：%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			if t.Name.Space != "w" {
				name = ""
			}
			switch {
			case name == "p" && cur == nil:
				cur = &para{start: before, contentStart: int(dec.InputOffset())}
				pDepth = depth
				text.Reset()
			case name == "p":
				nested++
			case name == "pPr" && cur != nil && depth == pDepth+1:
				inPPr = true
			case name == "t" && cur != nil:
				inT = true
			case name == "r" && cur != nil && run == nil:
				run, rDepth = &runInfo{}, depth
			case name == "rPr" && run != nil && depth == rDepth+1:
				rPrStart = before
			case name == "sym" && cur != nil:
				// A character from Word's symbol dialog (秘密★1年), read as
				// the importer reads it, so the finding's quote is found.
				text.WriteString(wordsym.Text(attrW(t, "font"), attrW(t, "char")))
			}
		case xml.EndElement:
			name := t.Name.Local
			if t.Name.Space != "w" {
				name = ""
			}
			switch {
			case name == "pPr" && inPPr && depth == pDepth+1:
				inPPr = false
				cur.contentStart = int(dec.InputOffset())
			case name == "t":
				inT = false
			case name == "rPr" && run != nil && depth == rDepth+1 && rPrStart >= 0:
				run.rPr = string(doc[rPrStart:dec.InputOffset()])
				rPrStart = -1
			case name == "r" && run != nil && depth == rDepth:
				run = nil
			case name == "p" && cur != nil && depth > pDepth:
				nested--
			case name == "p" && cur != nil && depth == pDepth:
				cur.end = before
				cur.text = text.String()
				out = append(out, *cur)
				cur = nil
			}
			depth--
		case xml.CharData:
			if inT && cur != nil {
				if run != nil && nested == 0 {
					if seg, ok := newSeg(doc[before:dec.InputOffset()], before, text.Len(), run); ok {
						cur.segs = append(cur.segs, seg)
					}
				}
				text.Write(t)
			}
		}
	}
	if len(out) == 0 {
		return nil, ErrNoParagraphs
	}
	return out, nil
}

// attrW is the value of a start element's w: attribute, "" when absent.
func attrW(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Space == "w" && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

var spaces = regexp.MustCompile(`[\s\x{3000}\x{00a0}]+`)

func squash(s string) string { return spaces.ReplaceAllString(s, "") }

// find is the first paragraph whose text holds the anchor (or, for a
// paragraph split differently, is held by it), ignoring white space.
func find(ps []para, anchor string) int {
	a := squash(anchor)
	if a == "" {
		return -1
	}
	// A table row is read as one line, its cells joined by a full-width
	// space; in a .docx each cell is a paragraph of its own, and prose
	// elsewhere may hold the same words. The row's paragraph (in a copy of
	// the text as read), else its first cell's, stands exactly for it.
	if first, _, ok := strings.Cut(strings.TrimSpace(anchor), "\u3000"); ok && squash(first) != "" {
		for _, want := range []string{a, squash(first)} {
			for i, p := range ps {
				if squash(p.text) == want {
					return i
				}
			}
		}
	}
	for i, p := range ps {
		if strings.Contains(squash(p.text), a) {
			return i
		}
	}
	for i, p := range ps {
		if t := squash(p.text); len([]rune(t)) >= 8 && strings.Contains(a, t) {
			return i
		}
	}
	return -1
}

func firstText(ps []para) int {
	for i, p := range ps {
		if squash(p.text) != "" {
			return i
		}
	}
	return 0
}

type insertion struct {
	at   int
	text string
}

// splice inserts texts at byte offsets; at one offset, insertions keep
// their order, so a range that ends where another starts stays nested.
func splice(doc []byte, ins []insertion) []byte {
	byAt := map[int][]string{}
	for _, in := range ins {
		byAt[in.at] = append(byAt[in.at], in.text)
	}
	var out bytes.Buffer
	prev := 0
	offsets := make([]int, 0, len(byAt))
	for at := range byAt {
		offsets = append(offsets, at)
	}
	sortInts(offsets)
	for _, at := range offsets {
		out.Write(doc[prev:at])
		for _, s := range byAt[at] {
			out.WriteString(s)
		}
		prev = at
	}
	out.Write(doc[prev:])
	return out.Bytes()
}

func sortInts(v []int) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j] < v[j-1]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// summaryXML is the summary page: a heading, one paragraph a line, and a
// page break before the report itself.
func summaryXML(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">` + esc(l) + `</w:t></w:r></w:p>`)
			continue
		}
		b.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + esc(l) + `</w:t></w:r></w:p>`)
	}
	b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	return b.String()
}

var commentID = regexp.MustCompile(`w:id="(\d+)"`)

// nextCommentID is one past the highest id of comments already there.
func nextCommentID(existing []byte) int {
	next := 0
	for _, m := range commentID.FindAllSubmatch(existing, -1) {
		if n, err := strconv.Atoi(string(m[1])); err == nil && n >= next {
			next = n + 1
		}
	}
	return next
}

func commentsXML(existing []byte, comments []Comment, firstID int, now time.Time) []byte {
	var b strings.Builder
	date := now.UTC().Format("2006-01-02T15:04:05Z")
	for i, c := range comments {
		fmt.Fprintf(&b, `<w:comment w:id="%d" w:author="%s" w:date="%s" w:initials="%s">`, firstID+i, esc(Author), date, esc(initials))
		for k, line := range strings.Split(c.Text, "\n") {
			b.WriteString(`<w:p>`)
			if k == 0 {
				b.WriteString(`<w:r><w:annotationRef/></w:r>`)
			}
			b.WriteString(`<w:r><w:t xml:space="preserve">` + esc(line) + `</w:t></w:r></w:p>`)
		}
		b.WriteString(`</w:comment>`)
	}
	if i := bytes.LastIndex(existing, []byte("</w:comments>")); i >= 0 {
		return append(append(append([]byte{}, existing[:i]...), b.String()...), existing[i:]...)
	}
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:comments xmlns:w="` + wordNS + `">` + b.String() + `</w:comments>`)
}

const commentsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
const commentsRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"

func withOverride(ct []byte) []byte {
	if bytes.Contains(ct, []byte(`PartName="/word/comments.xml"`)) {
		return ct
	}
	o := `<Override PartName="/word/comments.xml" ContentType="` + commentsType + `"/>`
	if i := bytes.LastIndex(ct, []byte("</Types>")); i >= 0 {
		return append(append(append([]byte{}, ct[:i]...), o...), ct[i:]...)
	}
	return ct
}

func withRelationship(rels []byte) []byte {
	if bytes.Contains(rels, []byte(commentsRel+`"`)) {
		return rels
	}
	if len(rels) == 0 {
		rels = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`)
	}
	id := "rIdNianbaoComments"
	r := `<Relationship Id="` + id + `" Type="` + commentsRel + `" Target="comments.xml"/>`
	if i := bytes.LastIndex(rels, []byte("</Relationships>")); i >= 0 {
		return append(append(append([]byte{}, rels[:i]...), r...), rels[i:]...)
	}
	return rels
}
