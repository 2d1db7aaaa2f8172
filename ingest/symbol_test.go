package ingest

import "testing"

func sym(font, char string) string {
	return `<w:r><w:sym w:font="` + font + `" w:char="` + char + `"/></w:r>`
}

// Characters inserted as symbols are read where they stand: the star of
// a secrecy marking in Wingdings, a Unicode star in an ordinary font, a
// bullet in Symbol; a symbol in a tracked deletion is deleted text, and a
// code with no known character gives none.
func TestDocxSymbolsRead(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		`<w:p><w:r><w:t>秘密</w:t></w:r>` + sym("Wingdings", "F0AB") + `<w:r><w:t>1年</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>机密</w:t></w:r>` + sym("宋体", "2605") + `<w:r><w:t>长期</w:t></w:r></w:p>` +
		`<w:p>` + sym("Symbol", "F0B7") + `<w:r><w:t>健全制度</w:t></w:r>` + sym("WINGDINGS", "AB") + `</w:p>` +
		`<w:p><w:r><w:t>删去</w:t></w:r><w:del w:id="1" w:author="x">` + sym("Wingdings", "F0FC") + `</w:del>` + sym("Wingdings", "F0E0") + sym("X", "E001") + sym("Wingdings", "zz") + `</w:p>` +
		`</w:body></w:document>`
	d, err := Read("符号.docx", buildDocx(t, docxParts(doc, "")))
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, d, "秘密★1年", "机密★长期", "•健全制度★", "删去")
	if len(d.Hidden) != 1 || d.Hidden[0].Kind != HiddenDelete || d.Hidden[0].Text != "✓" || d.Hidden[0].Line != 4 {
		t.Errorf("hidden = %+v, want the deleted ✓ at line 4", d.Hidden)
	}
}
