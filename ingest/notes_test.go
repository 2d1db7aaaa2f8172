package ingest

import "testing"

// notesDocx has a footnote and an endnote referenced from the body, a
// footnote referenced twice, and the separators Word writes.
func notesDocx(t testing.TB) []byte {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		`<w:p><w:r><w:t>某县2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>全年受理行政复议申请52件</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r><w:r><w:t>，审结48件。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>调解成功率97.9%。</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
		`<w:p><w:r><w:t>没有脚注的段落。</w:t></w:r><w:r><w:footnoteReference w:id="9"/></w:r></w:p>` +
		`</w:body></w:document>`
	footnotes := `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + wordNSDecl + `>` +
		`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 含上年结转3件；</w:t></w:r></w:p><w:p><w:r><w:t>申请人张三的联系电话13912345678</w:t></w:r></w:p></w:footnote>` +
		`</w:footnotes>`
	endnotes := `<?xml version="1.0" encoding="UTF-8"?><w:endnotes ` + wordNSDecl + `>` +
		`<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>` +
		`<w:endnote w:id="1"><w:p><w:r><w:t>数据来源：县司法局统计</w:t></w:r></w:p></w:endnote>` +
		`</w:endnotes>`
	parts := docxParts(doc, "")
	parts["word/footnotes.xml"] = []byte(footnotes)
	parts["word/endnotes.xml"] = []byte(endnotes)
	return buildDocx(t, parts)
}

// Footnotes and endnotes are printed text: each is read into its
// paragraph at its mark, once, so import keeps it and the check (the
// publish scan too) reads it on its line.
func TestDocxNotesReadAtTheirMarks(t *testing.T) {
	doc, err := Read("脚注.docx", notesDocx(t))
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, doc,
		"某县2024年度法治政府建设情况报告",
		"全年受理行政复议申请52件（注：含上年结转3件； 申请人张三的联系电话13912345678），审结48件。",
		"调解成功率97.9%。（注：数据来源：县司法局统计）",
		"没有脚注的段落。",
	)
}
