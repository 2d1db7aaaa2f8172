package review

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"nianbao/internal/officetest"
)

// rangesOf maps each comment id to the text between its range start and
// end in document.xml.
func rangesOf(t *testing.T, doc string) map[string]string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	open := map[string]*strings.Builder{}
	out := map[string]string{}
	inT := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			id := ""
			for _, a := range e.Attr {
				if a.Name.Local == "id" {
					id = a.Value
				}
			}
			switch e.Name.Local {
			case "commentRangeStart":
				open[id] = &strings.Builder{}
			case "commentRangeEnd":
				if b, ok := open[id]; ok {
					out[id] = b.String()
					delete(open, id)
				}
			case "t":
				inT = true
			}
		case xml.EndElement:
			if e.Name.Local == "t" {
				inT = false
			}
		case xml.CharData:
			if inT {
				for _, b := range open {
					b.Write(e)
				}
			}
		}
	}
	return out
}

func TestAnnotateAnchorsComments(t *testing.T) {
	lines := []string{"青山县2024年度法治政府建设情况报告", "一、主要举措和成效", "全年受理纠纷120件，调解成功110件，成功率98%。", "二、存在的不足和原因", "执法文书不够规范。"}
	src := Plain(lines)
	ann, err := Annotate(src, []Comment{
		{Anchor: "全年受理纠纷120件，调解成功110件，成功率98%。", Text: "[prose.rate] 错误：成功率应为 91.67%"},
		{Anchor: "二、存在的不足和原因", Text: "[section.short] 警告：内容过短"},
		{Anchor: "文中没有的句子", Text: "[report.x] 提示：落在标题上"},
	}, []string{"审查意见", "结论：未通过"}, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if ann.Anchored != 2 {
		t.Errorf("anchored %d, want 2", ann.Anchored)
	}
	parts := officetest.Unzip(t, ann.Docx)
	ranges := rangesOf(t, parts["word/document.xml"])
	want := map[string]string{"0": lines[2], "1": lines[3], "2": lines[0]}
	for id, text := range want {
		if ranges[id] != text {
			t.Errorf("comment %s covers %q, want %q", id, ranges[id], text)
		}
	}
	if n := strings.Count(parts["word/document.xml"], "<w:commentReference "); n != 3 {
		t.Errorf("%d comment references, want 3", n)
	}
	c := parts["word/comments.xml"]
	if strings.Count(c, `w:author="`+Author+`"`) != 3 || !strings.Contains(c, "成功率应为 91.67%") {
		t.Errorf("comments.xml:\n%s", c)
	}
	if !strings.Contains(parts["[Content_Types].xml"], `PartName="/word/comments.xml"`) ||
		!strings.Contains(parts["word/_rels/document.xml.rels"], `Target="comments.xml"`) {
		t.Error("comments part not declared")
	}
	// The report's own paragraphs follow the summary page unchanged.
	doc := parts["word/document.xml"]
	for _, l := range lines {
		if !strings.Contains(doc, l) {
			t.Errorf("lost %q", l)
		}
	}
	if strings.Index(doc, "审查意见") > strings.Index(doc, lines[0]) || !strings.Contains(doc, `<w:br w:type="page"/>`) {
		t.Error("summary page not in front")
	}
	// A second review of the annotated copy adds after the existing ids.
	again, err := Annotate(ann.Docx, []Comment{{Anchor: lines[4], Text: "再次"}}, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	p2 := officetest.Unzip(t, again.Docx)
	if !strings.Contains(p2["word/comments.xml"], `w:id="3"`) || strings.Count(p2["word/comments.xml"], "<w:comment ") != 4 {
		t.Errorf("existing comments not kept:\n%s", p2["word/comments.xml"])
	}
}

func TestAnnotateRefusesNonDocx(t *testing.T) {
	if _, err := Annotate([]byte("not a zip"), nil, nil, time.Now()); err == nil {
		t.Error("no error for a non-docx")
	}
}

// docxOf wraps body XML in a minimal .docx.
func docxOf(t *testing.T, body string) []byte {
	t.Helper()
	plain := officetest.Unzip(t, Plain([]string{"占位"}))
	doc := plain["word/document.xml"]
	i, j := strings.Index(doc, "<w:body>")+len("<w:body>"), strings.Index(doc, "<w:sectPr>")
	plain["word/document.xml"] = doc[:i] + body + doc[j:]
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range plain {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(data))
	}
	_ = zw.Close()
	return buf.Bytes()
}

// TestCommentOnQuotedWords: a finding that quotes words of the paragraph
// is anchored on exactly those words, across runs and entities, and the
// split runs keep their formatting.
func TestCommentOnQuotedWords(t *testing.T) {
	body := `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>受理纠纷120件，</w:t></w:r><w:r><w:t xml:space="preserve">调解成功110件，调解成功率98%，R&amp;D 投入。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>第二段没有引文。</w:t></w:r></w:p>`
	ann, err := Annotate(docxOf(t, body), []Comment{
		{Anchor: "受理纠纷120件", Text: "率", Quotes: Quotes("“调解成功率98%”与同一句中的数字不符")},
		{Anchor: "受理纠纷120件", Text: "跨两段", Quotes: []string{"120件，调解成功"}},
		{Anchor: "受理纠纷120件", Text: "实体", Quotes: []string{"R&D"}},
		{Anchor: "第二段", Text: "整段", Quotes: []string{"文中没有"}},
	}, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	parts := officetest.Unzip(t, ann.Docx)
	ranges := rangesOf(t, parts["word/document.xml"])
	want := map[string]string{"0": "调解成功率98%", "1": "120件，调解成功", "2": "R&D", "3": "第二段没有引文。"}
	for id, text := range want {
		if ranges[id] != text {
			t.Errorf("comment %s covers %q, want %q", id, ranges[id], text)
		}
	}
	// The bold run split for comment 1 is bold on both sides.
	if n := strings.Count(parts["word/document.xml"], "<w:b/>"); n < 2 {
		t.Errorf("split run lost its formatting: %d bold runs", n)
	}
	if got := paragraphText(t, parts["word/document.xml"]); !strings.Contains(got, "受理纠纷120件，调解成功110件，调解成功率98%，R&D 投入。") {
		t.Errorf("text changed by the split: %q", got)
	}
}

func paragraphText(t *testing.T, doc string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	inT := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inT = e.Name.Local == "t"
		case xml.EndElement:
			inT = false
		case xml.CharData:
			if inT {
				b.Write(e)
			}
		}
	}
	return b.String()
}

func TestQuotes(t *testing.T) {
	got := Quotes("“三是”前缺少“一是”（“经常。三是普”）")
	if strings.Join(got, "|") != "经常。三是普|三是|一是" {
		t.Errorf("quotes %q", got)
	}
	if Quotes("没有引号") != nil {
		t.Error("quotes from a message without any")
	}
}

// A finding on a table row (read as one line, cells joined by a
// full-width space) anchors on the row's first cell, which is a paragraph
// of its own in the file, not on prose that merely holds its words.
func TestAnchorOnTableRow(t *testing.T) {
	lines := []string{"青山县2024年度法治政府建设情况报告", "全年审结48件，情况见下表。", "审结", "48", "纠错率", "1.04%"}
	ann, err := Annotate(Plain(lines), []Comment{
		{Anchor: "纠错率　1.04%", Text: "[prose.rate] 错误：纠错率应为 10.42%"},
		{Anchor: "审结　48件", Text: "[x] 提示：表格行"},
	}, nil, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if ann.Anchored != 2 {
		t.Errorf("anchored %d, want 2", ann.Anchored)
	}
	ranges := rangesOf(t, officetest.Unzip(t, ann.Docx)["word/document.xml"])
	for id, want := range map[string]string{"0": "纠错率", "1": "审结"} {
		if ranges[id] != want {
			t.Errorf("comment %s covers %q, want %q", id, ranges[id], want)
		}
	}
}

// TestAnchorOnSymbol: a finding quoting a character Word stores as w:sym
// (the ★ of 秘密★1年, from the Insert Symbol dialog) anchors on its own
// paragraph and words, as the importer reads them, not on the first
// paragraph.
func TestAnchorOnSymbol(t *testing.T) {
	body := `<w:p><w:r><w:t>首段没有密级。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>标注：秘密</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0AB"/></w:r><w:r><w:t>1年，不得公开。</w:t></w:r></w:p>`
	ann, err := Annotate(docxOf(t, body), []Comment{
		{Anchor: "标注：秘密★1年，不得公开。", Text: "[publish.secret] 错误：含密级标志“秘密★1年”", Quotes: []string{"秘密★1年"}},
	}, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if ann.Anchored != 1 {
		t.Errorf("anchored %d, want 1", ann.Anchored)
	}
	// Between the marks: the two texts around the symbol (rangesOf reads
	// w:t only) and the w:sym itself.
	doc := officetest.Unzip(t, ann.Docx)["word/document.xml"]
	if got := rangesOf(t, doc)["0"]; got != "秘密1年" {
		t.Errorf("comment covers %q, want the marking", got)
	}
	start, end := strings.Index(doc, "commentRangeStart"), strings.Index(doc, "commentRangeEnd")
	if sym := strings.Index(doc, "<w:sym"); !(start < sym && sym < end) {
		t.Errorf("the symbol is outside the comment's range (%d, %d, %d)", start, sym, end)
	}
}
