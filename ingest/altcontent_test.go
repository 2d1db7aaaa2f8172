package ingest

import (
	"strings"
	"testing"
)

const mcNSDecl = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"`

// textBox is a run holding a text box as Word writes it: the drawing and
// its VML copy for old readers, both with the box's paragraphs.
func textBox(style string, paras ...string) string {
	var ps strings.Builder
	for _, p := range paras {
		ps.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + p + `</w:t></w:r></w:p>`)
	}
	box := `<w:txbxContent>` + ps.String() + `</w:txbxContent>`
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>` + box +
		`</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>` + box +
		`</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

// A text box's text is read once, from the drawing, on lines of its own
// after the text before it; a paragraph style inside the box is not its
// anchor paragraph's; a Fallback with no Choice before it is read.
func TestDocxTextBoxesReadOnce(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + ` ` + mcNSDecl + `><w:body>` +
		`<w:p><w:r><w:t>某县2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>框前文字。</w:t></w:r>` + textBox("Heading1", "全年办理行政处罚案件926件", "抽查案卷150卷") + `<w:r><w:t>框后文字。</w:t></w:r></w:p>` +
		`<w:p>` + textBox("Normal", "只有一个框") + `</w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Fallback><w:t>只有旧格式</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`</w:body></w:document>`
	d, err := Read("文本框.docx", buildDocx(t, docxParts(doc, "")))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range d.Lines {
		if l.Level != 0 {
			t.Errorf("line %q took the box's heading style", l.Text)
		}
	}
	wantLines(t, d,
		"某县2024年度法治政府建设情况报告",
		"框前文字。", "全年办理行政处罚案件926件", "抽查案卷150卷", "框后文字。",
		"只有一个框",
		"只有旧格式",
	)
}

// A header's text box (a 征求意见稿 stamp) is read once too.
func TestDocxHeaderTextBoxReadOnce(t *testing.T) {
	header := `<?xml version="1.0"?><w:hdr ` + wordNSDecl + ` ` + mcNSDecl + `><w:p>` + textBox("Header", "征求意见稿") + `</w:p></w:hdr>`
	d, err := Read("页眉.docx", hiddenDocx(t, map[string]string{"word/header1.xml": header}))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range d.Hidden {
		if h.Kind == HiddenHeader && h.Text != "征求意见稿" {
			t.Errorf("header text %q", h.Text)
		}
	}
}
