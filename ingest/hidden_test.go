package ingest

import (
	"strings"
	"testing"
)

const wordNSDecl = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// hiddenDocx has one paragraph of each kind of hidden content, in order:
// line 1 plain, 2 a comment anchor, 3 a tracked insertion, 4 a tracked
// deletion, 5 hidden text, 6 a paragraph whose mark alone is hidden and
// inserted (no hidden text), 7 a run with w:vanish turned off.
func hiddenDocx(t *testing.T, extra map[string]string) []byte {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		`<w:p><w:r><w:t>某县2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>全年办理行政复议案件32件。</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>` +
		`<w:p><w:r><w:t>审结30件，</w:t></w:r><w:ins w:id="1" w:author="x"><w:r><w:t>纠错3件，</w:t></w:r><w:r><w:t>纠错率10%。</w:t></w:r></w:ins></w:p>` +
		`<w:p><w:r><w:t>调解成功</w:t></w:r><w:del w:id="2" w:author="x"><w:r><w:delText>申请人身份证号341802198503121237</w:delText></w:r></w:del></w:p>` +
		`<w:p><w:r><w:t>公开可见的文字</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>只在文件里的文字</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:rPr><w:vanish/><w:ins w:id="3" w:author="x"/></w:rPr></w:pPr><w:r><w:t>段落标记隐藏</w:t></w:r></w:p>` +
		`<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>并未隐藏</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	parts := docxParts(doc, "")
	for k, v := range extra {
		parts[k] = []byte(v)
	}
	return buildDocx(t, parts)
}

func TestDocxHiddenContent(t *testing.T) {
	comments := `<?xml version="1.0"?><w:comments ` + wordNSDecl + `><w:comment w:id="7" w:author="张三"><w:p><w:r><w:t>这个数字再核对一下</w:t></w:r></w:p></w:comment></w:comments>`
	header := `<?xml version="1.0"?><w:hdr ` + wordNSDecl + `><w:p><w:r><w:t>征求意见稿</w:t></w:r></w:p></w:hdr>`
	footer := `<?xml version="1.0"?><w:ftr ` + wordNSDecl + `><w:p><w:r><w:t>— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>1</w:t></w:r><w:r><w:t> —</w:t></w:r></w:p></w:ftr>`
	doc, err := Read("隐藏.docx", hiddenDocx(t, map[string]string{
		"word/comments.xml": comments, "word/header1.xml": header, "word/header2.xml": header, "word/footer1.xml": footer,
	}))
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		kind string
		line int
		text string
	}
	var hs []got
	for _, h := range doc.Hidden {
		hs = append(hs, got{h.Kind, h.Line, h.Text})
	}
	want := []got{
		{HiddenInsert, 3, "纠错3件，纠错率10%。"},
		{HiddenDelete, 4, "申请人身份证号341802198503121237"},
		{HiddenVanish, 5, "只在文件里的文字"},
		{HiddenComment, 2, "这个数字再核对一下"},
		{HiddenHeader, 0, "征求意见稿"}, // two header parts with one text: listed once
	}
	if len(hs) != len(want) {
		t.Fatalf("hidden = %v, want %v", hs, want)
	}
	for i := range want {
		if hs[i] != want[i] {
			t.Errorf("hidden[%d] = %v, want %v", i, hs[i], want[i])
		}
	}
	// The text import reads is unchanged: insertions and hidden text stay,
	// the deletion stays out.
	var lines []string
	for _, l := range doc.Lines {
		lines = append(lines, l.Text)
	}
	text := strings.Join(lines, "\n")
	for _, s := range []string{"纠错3件，纠错率10%。", "只在文件里的文字", "并未隐藏"} {
		if !strings.Contains(text, s) {
			t.Errorf("imported text lacks %q", s)
		}
	}
	if strings.Contains(text, "341802198503121237") {
		t.Error("deleted text was imported")
	}
}

func TestDocxWithoutHiddenContent(t *testing.T) {
	doc, err := Read("样例.docx", buildDocx(t, docxParts(sampleDocumentXML, sampleStylesXML)))
	if err != nil {
		t.Fatal(err)
	}
	// The sample has one tracked deletion (删掉的文字) and nothing else.
	if len(doc.Hidden) != 1 || doc.Hidden[0].Kind != HiddenDelete || doc.Hidden[0].Text != "删掉的文字" {
		t.Errorf("hidden = %+v", doc.Hidden)
	}
}

func TestPageNumberOnly(t *testing.T) {
	for s, want := range map[string]bool{
		"— 1 —": true, "第 3 页 共 9 页": true, "1/9": true, "- 12 -": true, "": true,
		"某县司法局": false, "内部资料 1": false, "征求意见稿": false,
	} {
		if got := pageNumberOnly(s); got != want {
			t.Errorf("pageNumberOnly(%q) = %v, want %v", s, got, want)
		}
	}
}

// A tracked move leaves its text at both places, in w:t: the old place
// (w:moveFrom) is read as a deletion and the new one (w:moveTo) as an
// insertion, so the text is imported once, where it now stands.
func TestDocxTrackedMoveReadOnce(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		`<w:p><w:r><w:t>某县2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:p><w:moveFromRangeStart w:id="1" w:name="move1"/><w:moveFrom w:id="2" w:author="x"><w:r><w:t>全年办理行政复议案件32件。</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="1"/><w:r><w:t>其他工作。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>复议工作：</w:t></w:r><w:moveToRangeStart w:id="3" w:name="move1"/><w:moveTo w:id="4" w:author="x"><w:r><w:t>全年办理行政复议案件32件。</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="3"/></w:p>` +
		`</w:body></w:document>`
	d, err := Read("移动.docx", buildDocx(t, docxParts(doc, "")))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Text(); got != "某县2024年度法治政府建设情况报告\n其他工作。\n复议工作：全年办理行政复议案件32件。\n" {
		t.Errorf("lines %s", got)
	}
	kinds := map[string]string{}
	for _, h := range d.Hidden {
		kinds[h.Kind] += h.Text
	}
	if kinds[HiddenDelete] != "全年办理行政复议案件32件。" || kinds[HiddenInsert] != "全年办理行政复议案件32件。" {
		t.Errorf("hidden %v", kinds)
	}
}
