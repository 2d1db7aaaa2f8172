package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/maphash"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"nianbao/internal/inflate"
	"nianbao/internal/xmlscan"
	"nianbao/model"
)

// Limits for .docx files. A real report has a few dozen zip entries, a
// document.xml under 1 MB and XML nested a dozen levels deep; the limits are
// generous for that and small enough that a hostile file fails fast.
const (
	maxZipEntries     = 2000
	maxEntrySize      = 32 << 20 // one XML part, uncompressed
	maxTotalSize      = 64 << 20 // all parts read, uncompressed
	maxParagraphRunes = 1 << 20
)

const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// docxReader reads the parts of one .docx, charging every byte read to one
// budget so a zip bomb runs out of budget instead of memory.
type docxReader struct {
	name   string
	data   []byte // the whole file, which entries are inflated from
	files  map[string]*zip.File
	budget int64
	nested bool // the .docx is another's altChunk: its own chunks are not read
}

func readDocx(name string, data []byte) (*Document, error) {
	dr, err := openDocx(name, data)
	if err != nil {
		return nil, err
	}
	return dr.document()
}

// openDocx validates the zip package and indexes its entries.
func openDocx(name string, data []byte) (*docxReader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &model.Error{File: name, Msg: "不是有效的 .docx 文件（zip 结构损坏或文件不完整）：" + zipReason(err)}
	}
	if len(zr.File) > maxZipEntries {
		return nil, &model.Error{File: name, Msg: fmt.Sprintf(".docx 文件中的条目过多（%d 个，上限 %d 个），不像是正常的 Word 文档", len(zr.File), maxZipEntries)}
	}
	dr := &docxReader{name: name, data: data, files: map[string]*zip.File{}, budget: maxTotalSize}
	for _, f := range zr.File {
		dr.files[f.Name] = f
	}
	if dr.files["word/document.xml"] == nil {
		return nil, &model.Error{File: name, Msg: "不是 Word 文档：.docx 中缺少 word/document.xml（可能是其他 zip 文件改了扩展名）"}
	}
	return dr, nil
}

// document reads the paragraphs, their outline levels and the hidden
// content.
func (dr *docxReader) document() (*Document, error) {
	name := dr.name
	styles := map[string]styleInfo{}
	if dr.files["word/styles.xml"] != nil {
		raw, err := dr.part("word/styles.xml")
		if err != nil {
			return nil, err
		}
		if styles, err = cachedStyles(name, raw); err != nil {
			return nil, err
		}
	}
	raw, err := dr.part("word/document.xml")
	if err != nil {
		return nil, err
	}
	notes, err := dr.notes()
	if err != nil {
		return nil, err
	}
	paras, err := parseParagraphs(name, raw, notes)
	if err != nil {
		return nil, err
	}
	if paras, err = dr.expandChunks(paras); err != nil {
		return nil, err
	}
	if dr.files["word/numbering.xml"] != nil {
		raw, err := dr.part("word/numbering.xml")
		if err != nil {
			return nil, err
		}
		lists, err := parseNumbering(name, raw)
		if err != nil {
			return nil, err
		}
		numberLists(paras, styles, lists)
	}
	paras, tables := joinTableRows(paras)
	paras = splitBreaks(paras, styles)
	if len(paras) > MaxLines {
		return nil, tooManyLines(name, len(paras))
	}
	doc := &Document{Name: name, Format: FormatDocx, Tables: tables}
	blank := true
	for i, p := range paras {
		ln := Line{No: i + 1, Text: trimRight(strings.TrimLeftFunc(p.text.String(), isSpace))}
		lvl, title := p.level(styles)
		ln.Level, ln.Title, ln.Contents = lvl, title, p.contents(styles)
		doc.Lines = append(doc.Lines, ln)
		blank = blank && isBlankText(ln.Text)
	}
	if blank {
		return nil, &model.Error{File: name, Msg: "Word 文档中没有文字，没有可导入的内容；如果是扫描件（只有图片），请先用文字识别（OCR）转换为文字"}
	}
	if doc.Hidden, err = dr.collectHidden(paras); err != nil {
		return nil, err
	}
	return doc, nil
}

func zipReason(err error) string {
	switch {
	case errors.Is(err, zip.ErrFormat):
		return "格式错误"
	case errors.Is(err, zip.ErrAlgorithm):
		return "使用了不支持的压缩算法"
	case errors.Is(err, zip.ErrChecksum):
		return "校验和不符"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "文件被截断"
	}
	return err.Error()
}

// part reads one entry through a limit; the sizes in the zip headers are
// never trusted, only the bytes actually inflated.
func (dr *docxReader) part(path string) ([]byte, error) {
	f := dr.files[path]
	limit := min(int64(maxEntrySize), dr.budget)
	if data, ok := dr.inflated(f, limit); ok {
		dr.budget -= int64(len(data))
		return data, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &model.Error{File: dr.name, Msg: fmt.Sprintf(".docx 中的 %s 无法解压：%s", path, zipReason(err))}
	}
	defer rc.Close()
	data, err := readAllSized(rc, limit, sizeHint(f))
	if err != nil {
		return nil, &model.Error{File: dr.name, Msg: fmt.Sprintf(".docx 中的 %s 无法解压（文件可能已损坏或被截断）：%s", path, zipReason(err))}
	}
	if int64(len(data)) > limit {
		return nil, &model.Error{File: dr.name, Msg: fmt.Sprintf(".docx 中的 %s 解压后过大（超过 %d MB），疑似压缩炸弹，已停止读取", path, limit>>20)}
	}
	dr.budget -= int64(len(data))
	return data, nil
}

// inflated is entry f read whole by inflate.Decode, straight from the
// file's bytes: twice as fast as archive/zip's streaming reader, which was
// a sixth of checking a .docx. It is taken only when the entry is deflated,
// decodes without error to exactly the size the zip directory gives (at
// most limit, and within sizeHint's ratio, so a lying header cannot make
// it allocate much) and matches the directory's CRC-32. Anything else —
// a stored entry, a bad stream, a lying header — returns false, and the
// caller reads the entry through archive/zip, whose errors say what is
// wrong: the fast path never decides what a file holds or why it fails.
func (dr *docxReader) inflated(f *zip.File, limit int64) ([]byte, bool) {
	size := f.UncompressedSize64
	if f.Method != zip.Deflate || size > uint64(limit) || size > sizeHint(f) || f.Flags&0x1 != 0 {
		return nil, false // 0x1: encrypted
	}
	off, err := f.DataOffset()
	if err != nil || off < 0 || f.CompressedSize64 > uint64(len(dr.data)) || uint64(off) > uint64(len(dr.data))-f.CompressedSize64 {
		return nil, false
	}
	src := dr.data[off : uint64(off)+f.CompressedSize64]
	out, err := inflate.Decode(make([]byte, 0, size), src, int(size))
	if err != nil || uint64(len(out)) != size || crc32.ChecksumIEEE(out) != f.CRC32 {
		return nil, false
	}
	return out, true
}

// sizeHint is the size an entry's header claims, capped at a ratio to its
// compressed size that real XML reaches, so that a lying header cannot
// make readAllSized allocate much.
func sizeHint(f *zip.File) uint64 {
	return min(f.UncompressedSize64, 16*f.CompressedSize64+4096)
}

// readAllSized reads r up to limit+1 bytes. The hint (sizeHint) only sizes
// the first buffer: io.ReadAll's doubling from 512 bytes copied a 300 KB
// document.xml about ten times.
func readAllSized(r io.Reader, limit int64, claimed uint64) ([]byte, error) {
	buf := make([]byte, 0, min(claimed, uint64(limit))+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := min(int64(cap(buf)), limit+1)
		n, err := r.Read(buf[len(buf):want])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return buf, nil
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// xmlTokens walks an XML part of a .docx with depth and token limits and
// turns every error of the walk into one Chinese message. restart puts
// fn's state back when the walk starts over (see xmlscan.Walk).
func xmlTokens(name, part string, data []byte, fn func(tok *xmlscan.Token, depth int) error, restart func()) error {
	err := xmlscan.Walk(data, xmlscan.Generous, charsetReader, fn, restart)
	var limit *xmlscan.LimitError
	var bad *xmlscan.DecodeError
	switch {
	case errors.Is(err, xmlscan.ErrUnclosed):
		return &model.Error{File: name, Msg: fmt.Sprintf(".docx 中的 %s 不完整（XML 未闭合），文件可能已损坏", part)}
	case errors.As(err, &limit) && limit.Depth:
		return &model.Error{File: name, Msg: fmt.Sprintf(".docx 中的 %s 嵌套过深（超过 %d 层），不像是正常的 Word 文档", part, limit.Limit)}
	case errors.As(err, &limit):
		return &model.Error{File: name, Msg: fmt.Sprintf(".docx 中的 %s 内容过多（超过 %d 个 XML 单元），不像是正常的报告", part, limit.Limit)}
	case errors.As(err, &bad):
		return &model.Error{File: name, Msg: fmt.Sprintf(".docx 中的 %s 不是有效的 XML，文件可能已损坏：%v", part, bad.Err)}
	}
	return err
}

// charsetReader lets XML parts declare a Chinese encoding (some
// converters write encoding="GBK"); Word itself always writes UTF-8.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "gbk", "gb2312", "gb18030", "cp936":
		return transform.NewReader(input, simplifiedchinese.GB18030.NewDecoder()), nil
	}
	return nil, fmt.Errorf("不支持的编码“%s”", label)
}

type styleInfo struct {
	name     string
	basedOn  string
	outline  int    // 0 = none, else 1-based heading level
	num      numRef // the list the style numbers its paragraphs in
	contents bool   // a table-of-contents style (contentsNameRe)
}

var (
	headingNameRe = lazyRegexp(`^(?i:heading|标题)\s*([1-9])$`)
	headingIDRe   = lazyRegexp(`^(?i:heading)([1-9])$`)
)

// parseStyles reads style names and outline levels so that a paragraph
// styled "Heading 2" / "标题 2" or with an outline level is a heading.
func parseStyles(name string, data []byte) (map[string]styleInfo, error) {
	out := map[string]styleInfo{}
	var cur string
	var inPPr bool
	err := xmlTokens(name, "word/styles.xml", data, func(t *xmlscan.Token, depth int) error {
		switch t.Kind {
		case xmlscan.Start:
			switch t.Name.Local {
			case "style":
				cur = t.AttrValue("styleId")
				out[cur] = styleInfo{}
			case "pPr":
				inPPr = cur != ""
			case "name", "basedOn", "outlineLvl", "numId", "ilvl":
				if cur == "" {
					return nil
				}
				s := out[cur]
				v := t.AttrValue("val")
				switch t.Name.Local {
				case "name":
					s.name = v
					s.contents = contentsNameRe().MatchString(strings.TrimSpace(v))
				case "basedOn":
					s.basedOn = v
				case "outlineLvl":
					if inPPr {
						s.outline = outlineLevel(v)
					}
				case "numId":
					if inPPr {
						s.num.id = v
					}
				case "ilvl":
					if l := listLevel(v); inPPr && l >= 0 {
						s.num.level, s.num.set = l, true
					}
				}
				out[cur] = s
			}
		case xmlscan.End:
			switch t.Name.Local {
			case "style":
				cur = ""
			case "pPr":
				inPPr = false
			}
		}
		return nil
	}, func() { clear(out); cur, inPPr = "", false })
	return out, err
}

// stylesCache keeps the parsed styles.xml of the documents read last. An
// office's batch comes from a few generators (one Word template, one
// version of nianbao), whose styles parts are byte for byte the same, and
// parsing them was a tenth of reading a .docx. Entries are found by hash
// and confirmed by comparing the bytes, so a different part never shares
// an entry; the parsed map is only read, never changed, after parsing.
// Sixty-four parts: a batch comes from a few generators.
var stylesCache = struct {
	seed maphash.Seed
	*boundedCache[uint64, stylesEntry]
}{maphash.MakeSeed(), newBoundedCache[uint64, stylesEntry](64)}

type stylesEntry struct {
	raw    []byte
	styles map[string]styleInfo
}

func cachedStyles(name string, raw []byte) (map[string]styleInfo, error) {
	h := maphash.Bytes(stylesCache.seed, raw)
	if e, ok := stylesCache.get(h); ok && bytes.Equal(e.raw, raw) {
		return e.styles, nil
	}
	styles, err := parseStyles(name, raw)
	if err != nil {
		return nil, err // errors name the file: never cached
	}
	stylesCache.put(h, stylesEntry{raw: bytes.Clone(raw), styles: styles})
	return styles, nil
}

// outlineLevel converts w:outlineLvl (0-based, 9 = body text) to a 1-based
// heading level, 0 for body text.
func outlineLevel(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n >= 9 {
		return 0
	}
	return n + 1
}

type paragraph struct {
	text    strings.Builder
	style   string
	outline int    // from the paragraph's own pPr; -1 when not given
	num     numRef // its own w:numPr
	// hidden and comments are what hidden.go notes: hidden or tracked text
	// in the paragraph, and the ids of comments anchored in it.
	hidden   []*hiddenRun
	comments []string
	// chunk is the relationship id of a w:altChunk standing here, whose
	// paragraphs replace this one (altchunk.go); "" for a paragraph.
	chunk string
	// cell places a paragraph in a table's cell; nil outside tables.
	cell *cellPos
}

var contentsNameRe = lazyRegexp(`^(?i:toc [1-9]|toc heading|contents [1-9]|contents heading)$|^目录\s*[1-9]$`)

// contents tells whether a paragraph is an entry (or the heading) of a
// table of contents Word generated: its style, or one it is based on, is
// one of Word's "toc N" styles (LibreOffice's "Contents N"). The names
// are matched once per style, when styles.xml is parsed.
func (p *paragraph) contents(styles map[string]styleInfo) bool {
	if p.style == "" {
		return false
	}
	id := p.style
	for i := 0; i < 16 && id != ""; i++ {
		s, ok := styles[id]
		if !ok {
			break
		}
		if s.contents {
			return true
		}
		id = s.basedOn
	}
	return isContentsID(p.style)
}

// isContentsID recognises Word's ids of its table-of-contents styles, for
// a file without styles.xml: TOC1 … TOC9, TOCHeading, Contents1 ….
func isContentsID(id string) bool {
	l := strings.ToLower(id)
	digit := func(s string) bool { return len(s) == 1 && s[0] >= '1' && s[0] <= '9' }
	switch {
	case strings.HasPrefix(l, "toc"):
		rest := l[3:]
		return rest == "" || rest == "heading" || digit(rest)
	case strings.HasPrefix(l, "contents"):
		return digit(l[8:])
	}
	return false
}

// level resolves a paragraph's heading level: its own outline level, then
// its style's (following basedOn), then a heading-like style name.
func (p *paragraph) level(styles map[string]styleInfo) (int, bool) {
	if p.outline >= 0 {
		return p.outline, false
	}
	id := p.style
	for i := 0; i < 16 && id != ""; i++ {
		s, ok := styles[id]
		if !ok {
			break
		}
		n := strings.ToLower(strings.TrimSpace(s.name))
		if n == "title" || n == "标题" || id == "Title" {
			return 0, true
		}
		if s.outline > 0 {
			return s.outline, false
		}
		if m := headingNameRe().FindStringSubmatch(strings.TrimSpace(s.name)); m != nil {
			return int(m[1][0] - '0'), false
		}
		id = s.basedOn
	}
	if m := headingIDRe().FindStringSubmatch(p.style); m != nil {
		return int(m[1][0] - '0'), false // no styles.xml: Word's built-in ids
	}
	return 0, false
}

// parseParagraphs collects the text of every w:p in document order, with
// its style id and outline level. Deleted text (w:delText) of tracked
// changes is not part of the document and is skipped.
func parseParagraphs(name string, data []byte, notes map[string]string) ([]*paragraph, error) {
	var out []*paragraph
	var cur *paragraph
	var hs hiddenState
	pDepth, inText, inPPr := 0, false, false
	var taken map[string]bool // the notes read in, once the file has any
	if len(notes) > 0 {
		taken = map[string]bool{}
	}
	var alt altContent
	var chunks []*paragraph // altChunks met inside the current paragraph
	// A paragraph inside a text box lies inside the paragraph the box is
	// anchored in; its text goes on lines of its own (boxBreak: a line
	// break is due before the next text), and its style is not the outer
	// paragraph's.
	boxBreak := false
	var tables tablePlace
	// write adds a run's text (w:t or a w:sym) to the current paragraph,
	// after the line break a text box's paragraph owes, within the bound
	// on a paragraph's length.
	write := func(s []byte) error {
		if cur.text.Len()+len(s) > maxParagraphRunes*4 {
			return &model.Error{File: name, Msg: ".docx 中有一个段落过长，不像是正常的报告"}
		}
		if boxBreak {
			cur.text.WriteByte('\n')
			boxBreak = false
		}
		cur.text.Write(s)
		return nil
	}
	err := xmlTokens(name, "word/document.xml", data, func(t *xmlscan.Token, depth int) error {
		if alt.skip(t, depth) {
			return nil
		}
		switch t.Kind {
		case xmlscan.Start:
			if t.Name.Space != "" && t.Name.Space != "w" && t.Name.Space != wordNS {
				return nil
			}
			hs.start(t, cur, inPPr)
			switch t.Name.Local {
			case "tbl", "tr", "tc", "gridSpan":
				if cur == nil {
					tables.start(t)
				}
			case "p":
				if cur == nil {
					cur = &paragraph{outline: -1, cell: tables.here()}
					pDepth = depth
				} else {
					boxBreak = cur.text.Len() > 0
				}
			case "pPr":
				inPPr = cur != nil
			case "pStyle":
				if cur != nil && inPPr && depth == pDepth+2 {
					cur.style = t.AttrValue("val")
				}
			case "outlineLvl":
				if cur != nil && inPPr && depth == pDepth+2 {
					cur.outline = outlineLevel(t.AttrValue("val"))
				}
			case "numId": // in w:pPr/w:numPr
				if cur != nil && inPPr && depth == pDepth+3 {
					cur.num.id = t.AttrValue("val")
				}
			case "ilvl":
				if l := listLevel(t.AttrValue("val")); cur != nil && inPPr && depth == pDepth+3 && l >= 0 {
					cur.num.level, cur.num.set = l, true
				}
			case "t":
				inText = cur != nil
			case "tab":
				if cur != nil && !inPPr {
					cur.text.WriteByte('\t')
				}
			case "br", "cr":
				if cur != nil {
					cur.text.WriteByte('\n')
				}
			case "sym":
				if cur == nil || inPPr {
					break
				}
				if sym := []byte(symbolText(t)); len(sym) > 0 && hs.symbol(cur, sym) {
					if err := write(sym); err != nil {
						return err
					}
				}
			case "altChunk":
				chunk := &paragraph{outline: -1, chunk: t.AttrValue("id")}
				if cur != nil { // inside a paragraph: it stands after it
					chunks = append(chunks, chunk)
				} else {
					out = append(out, chunk)
				}
			default:
				if cur == nil || inPPr {
					break
				}
				if note := takeNote(t, notes, taken); note != "" {
					if cur.text.Len()+len(note) > maxParagraphRunes*4 {
						return &model.Error{File: name, Msg: ".docx 中有一个段落过长，不像是正常的报告"}
					}
					cur.text.WriteString(note)
				}
			}
		case xmlscan.End:
			hs.end(t)
			switch t.Name.Local {
			case "tbl":
				if cur == nil {
					tables.end()
				}
			case "p":
				if cur != nil && depth == pDepth-1 {
					out = append(append(out, cur), chunks...)
					cur, boxBreak, chunks = nil, false, chunks[:0]
					if len(out) > MaxLines {
						return tooManyLines(name, len(out))
					}
				} else if cur != nil {
					boxBreak = true // the box's paragraph ended
				}
			case "pPr":
				inPPr = false
			case "t":
				inText = false
			}
		case xmlscan.Text:
			if inText && cur != nil && hs.movedAway(cur, t.Text) {
				break
			}
			if inText && cur != nil {
				if err := write(t.Text); err != nil {
					return err
				}
				hs.text(cur, t.Text)
			} else if cur != nil {
				hs.deleted(cur, t.Text)
			}
		}
		return nil
	}, func() {
		out, cur, hs = nil, nil, hiddenState{}
		pDepth, inText, inPPr, boxBreak, chunks = 0, false, false, false, nil
		tables = tablePlace{}
		clear(taken)
		alt.reset()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// splitBreaks turns a paragraph with manual line breaks into several, the
// way the text reads. A title's breaks only set its lines (GB/T 9704
// breaks long titles, nianbao's export too), so a title stays one line.
func splitBreaks(ps []*paragraph, styles map[string]styleInfo) []*paragraph {
	var out []*paragraph
	for _, p := range ps {
		s := p.text.String()
		if !strings.Contains(s, "\n") {
			out = append(out, p)
			continue
		}
		if _, title := p.level(styles); title {
			p.text.Reset()
			p.text.WriteString(strings.ReplaceAll(s, "\n", ""))
			out = append(out, p)
			continue
		}
		for i, part := range strings.Split(s, "\n") {
			np := &paragraph{style: p.style, outline: p.outline}
			if i > 0 {
				np.style, np.outline = "", -1
			} else {
				np.hidden, np.comments = p.hidden, p.comments
			}
			np.text.WriteString(part)
			out = append(out, np)
		}
	}
	return out
}
