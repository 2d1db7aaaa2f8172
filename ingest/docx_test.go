package ingest

import (
	"archive/zip"
	"bytes"
	"sort"
	"strings"
	"testing"
)

// sampleStylesXML declares headings the ways Word and WPS do: a built-in
// heading style by name, a Chinese-named style ("标题 2") and a custom style
// that carries an outline level, plus the Title style.
const sampleStylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>
<w:style w:type="paragraph" w:styleId="MyBase"><w:name w:val="我的标题"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="我的小标题"/><w:basedOn w:val="MyBase"/></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文缩进"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
</w:styles>`

func wp(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	// Split the text over two runs, as Word does after any edit.
	rs := []rune(text)
	half := len(rs) / 2
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + string(rs[:half]) + `</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>` + string(rs[half:]) + `</w:t></w:r></w:p>`
}

// The headings carry no typed numbers (Word numbers them automatically), so
// levels come from styles alone.
var sampleDocumentXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><w:body>` +
	wp("Title", "青山县2024年度法治政府建设工作报告") +
	wp("", "2024年，青山县扎实推进依法行政各项工作，现将有关情况报告如下。") +
	wp("1", "上一年度主要举措和成效") +
	wp("a3", "健全依法决策机制") +
	wp("Body", "全年开展合法性审查156件，向县人大常委会报送备案规范性文件9件。") +
	`<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>化解行政争议</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>全年收到行政复议申请40件，</w:t></w:r><w:del><w:r><w:delText>删掉的文字</w:delText></w:r></w:del><w:r><w:t>审结36件。</w:t></w:r><w:r><m:t>x</m:t></w:r></w:p>` +
	wp("MyHead", "普法宣传教育") +
	`<w:tbl><w:tr><w:tc>` + wp("", "全年组织普法活动120场。") + `</w:tc></w:tr></w:tbl>` +
	wp("1", "存在的不足和原因") +
	`<w:p><w:r><w:t>乡镇法治力量较弱。</w:t><w:br/><w:t>执法培训不够系统。</w:t></w:r></w:p>` +
	wp("1", "下一步工作打算") +
	wp("", "继续完善合法性审查机制。") +
	wp("1", "其他需要报告的情况") +
	wp("", "暂无。") +
	`<w:sectPr/></w:body></w:document>`

func docxParts(document, styles string) map[string][]byte {
	parts := map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"word/document.xml":   []byte(document),
	}
	if styles != "" {
		parts["word/styles.xml"] = []byte(styles)
	}
	return parts
}

func buildDocx(t testing.TB, parts map[string][]byte) []byte {
	t.Helper()
	return buildDocxWith(t, parts, zip.Deflate)
}

// buildDocxWith is buildDocx with every entry written by method
// (zip.Deflate as Word writes them, zip.Store).
func buildDocxWith(t testing.TB, parts map[string][]byte, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(parts[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestImportDocx(t *testing.T) {
	data := buildDocx(t, docxParts(sampleDocumentXML, sampleStylesXML))
	doc, res := importString(t, "报告.docx", data, "standard")
	if doc.Format != FormatDocx {
		t.Fatalf("format %s", doc.Format)
	}
	r := res.Report
	if res.Title != "青山县2024年度法治政府建设工作报告" || r.Title != res.Title || r.Unit != "青山县" || r.Year != 2024 {
		t.Errorf("title %q override %q unit %q year %d", res.Title, r.Title, r.Unit, r.Year)
	}
	want := map[string]string{
		"上一年度主要举措和成效": "measures",
		"健全依法决策机制":    "decisions",
		"化解行政争议":      "disputes",
		"普法宣传教育":      "publicity",
		"存在的不足和原因":    "shortcomings",
		"下一步工作打算":     "plans",
		"其他需要报告的情况":   "other",
	}
	for _, m := range res.Mapping {
		t.Logf("L%d level%d %s → %s", m.Line, m.Level, m.Heading, m.Section)
		if m.Heading == "开头段落" {
			continue
		}
		if w, ok := want[m.Heading]; !ok || w != m.Section {
			t.Errorf("heading %q → %q, want %q", m.Heading, m.Section, w)
		}
		delete(want, m.Heading)
	}
	if len(want) != 0 {
		t.Errorf("headings not seen: %v", want)
	}
	levels := map[string]int{}
	for _, h := range res.Headings {
		levels[h.Text] = h.Level
	}
	if levels["健全依法决策机制"] != 2 || levels["化解行政争议"] != 2 || levels["普法宣传教育"] != 2 || levels["存在的不足和原因"] != 1 {
		t.Errorf("levels %v", levels)
	}
	if got := r.Text("disputes"); got != "全年收到行政复议申请40件，审结36件。" {
		t.Errorf("disputes %q (deleted text and math must be skipped)", got)
	}
	if got := r.Text("shortcomings"); got != "乡镇法治力量较弱。\n执法培训不够系统。" {
		t.Errorf("shortcomings %q", got)
	}
	if r.Text("publicity") != "全年组织普法活动120场。" || r.Text("other") != "暂无。" {
		t.Errorf("publicity %q other %q", r.Text("publicity"), r.Text("other"))
	}
	for id, v := range map[string]float64{"legality_reviews": 156, "normative_docs_filed": 9, "review_received": 40, "review_decided": 36, "publicity_events": 120} {
		if r.Figures[id].Value != v {
			t.Errorf("figure %s = %v, want %v", id, r.Figures[id], v)
		}
	}
	if !strings.HasPrefix(r.Text("measures"), "2024年，青山县") {
		t.Errorf("opening not in measures: %q", r.Text("measures"))
	}
}

// Two documents alike but for their styles.xml, read one after the other
// and again: each gets the heading levels of its own styles, whatever the
// styles cache holds from the other.
func TestDocxStylesNotShared(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		wp("X", "普法宣传教育") + wp("", "全年组织普法活动120场。") + `</w:body></w:document>`
	styles := func(outline string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
			`<w:style w:type="paragraph" w:styleId="X"><w:name w:val="自定义"/><w:pPr><w:outlineLvl w:val="` + outline + `"/></w:pPr></w:style></w:styles>`
	}
	heading := buildDocx(t, docxParts(doc, styles("1"))) // outline 1: a level-2 heading
	body := buildDocx(t, docxParts(doc, styles("9")))    // outline 9: body text
	for round := range 2 {
		for _, c := range []struct {
			data []byte
			want int
		}{{heading, 2}, {body, 0}} {
			d, err := Read("a.docx", c.data)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Lines[0].Level; got != c.want {
				t.Errorf("round %d: level %d, want %d", round, got, c.want)
			}
		}
	}
}
