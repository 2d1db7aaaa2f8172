package cli

import (
	"encoding/xml"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/officetest"
)

// TestTableFiguresCheckAsProse: a report whose review figures stand in a
// table instead of a sentence checks as the typed report does, as a web
// page and as the .docx LibreOffice makes of it (Writer's own table XML,
// skipped without LibreOffice).
func TestTableFiguresCheckAsProse(t *testing.T) {
	isolate(t)
	src := filepath.Join("..", "accuracy", "testdata", "county.txt")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const sentence = "全年收到行政复议申请52件，审结48件，纠错5件，纠错率10.4%。"
	text := string(data)
	if !strings.Contains(text, sentence) {
		t.Fatalf("%s no longer holds %q", src, sentence)
	}
	table := "<table border=\"1\"><tr><th>项目</th><th>数量（件、%）</th></tr>" +
		"<tr><td>收到行政复议申请</td><td>52</td></tr><tr><td>审结行政复议案件</td><td>48</td></tr>" +
		"<tr><td>行政复议纠错</td><td>5</td></tr><tr><td>行政复议纠错率</td><td>10.4</td></tr></table>"
	var page strings.Builder
	page.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n")
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, sentence) {
			page.WriteString("<p>" + html.EscapeString(strings.Replace(line, sentence, "全年行政复议情况见下表。", 1)) + "</p>\n" + table + "\n")
			continue
		}
		page.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
	}
	page.WriteString("</body></html>\n")
	dir := t.TempDir()
	web := writeFile(t, filepath.Join(dir, "county.html"), []byte(page.String()))
	want := checkJSON(t, src)
	if want.Verdict == "" {
		t.Fatal("no verdict for the typed report")
	}
	checkAsTyped := func(t *testing.T, f string) {
		got := checkJSON(t, f)
		if got.Verdict != want.Verdict || got.Completeness != want.Completeness || ruleSet(got) != ruleSet(want) {
			t.Errorf("%s: %s %v%% [%s], typed %s %v%% [%s]", filepath.Base(f),
				got.Verdict, got.Completeness, ruleSet(got), want.Verdict, want.Completeness, ruleSet(want))
		}
		out := filepath.Join(dir, filepath.Base(f)+".yaml")
		code, summary, errOut := run(t, "import", "-o", out, f)
		if code != 0 {
			t.Fatalf("import %s: %s", f, errOut)
		}
		if !strings.Contains(summary+errOut, "表格 1 个按行读入") {
			t.Errorf("%s: import summary does not count the table:\n%s%s", filepath.Base(f), summary, errOut)
		}
		draft, _ := os.ReadFile(out)
		for _, fig := range []string{"review_received: 52", "review_decided: 48", "review_corrected: 5", "review_correction_rate: 10.4"} {
			if !strings.Contains(string(draft), fig) {
				t.Errorf("%s: draft lacks %q", filepath.Base(f), fig)
			}
		}
	}
	checkAsTyped(t, web)
	t.Run("libreoffice-docx", func(t *testing.T) {
		checkAsTyped(t, writeFile(t, filepath.Join(dir, "county.docx"), officetest.Convert(t, web, ".docx")))
	})
	// The PDF LibreOffice prints of a Word table, as pdftotext lays it
	// out. (The table of Writer's own import of the page is too narrow to
	// print one word a line; a unit's Word table has its widths.)
	t.Run("libreoffice-pdf", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext 未安装（Debian：apt install poppler-utils）")
		}
		const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
		para := func(s string) string {
			var b strings.Builder
			xml.EscapeText(&b, []byte(s))
			return "<w:p><w:r><w:t>" + b.String() + "</w:t></w:r></w:p>"
		}
		cell := func(s string, w int) string {
			return `<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/></w:tcPr>` + para(s) + `</w:tc>`
		}
		rows := [][2]string{{"项目", "数量（件、%）"}, {"收到行政复议申请", "52"}, {"审结行政复议案件", "48"}, {"行政复议纠错", "5"}, {"行政复议纠错率", "10.4"}}
		tbl := `<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/><w:tblBorders><w:insideH w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>` +
			`<w:tblGrid><w:gridCol w:w="5000"/><w:gridCol w:w="3000"/></w:tblGrid>`
		for _, r := range rows {
			tbl += "<w:tr>" + cell(r[0], 5000) + cell(r[1], 3000) + "</w:tr>"
		}
		tbl += "</w:tbl>"
		var body strings.Builder
		for _, line := range strings.Split(text, "\n") {
			if strings.Contains(line, sentence) {
				body.WriteString(para(strings.Replace(line, sentence, "全年行政复议情况见下表。", 1)) + tbl)
				continue
			}
			body.WriteString(para(line))
		}
		docx := writeFile(t, filepath.Join(dir, "county-word.docx"), zipOf(t, map[string][]byte{
			"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
			"_rels/.rels":         []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
			"word/document.xml":   []byte(`<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body.String() + `</w:body></w:document>`),
		}))
		checkAsTyped(t, docx)
		checkAsTyped(t, writeFile(t, filepath.Join(dir, "county.pdf"), officetest.Convert(t, docx, ".pdf")))
	})
}
