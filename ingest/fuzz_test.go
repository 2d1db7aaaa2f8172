package ingest

import (
	"testing"
)

// FuzzImport feeds arbitrary bytes through reading and import: any input
// must give a draft or a clear error, never a panic.
func FuzzImport(f *testing.F) {
	f.Add("a.txt", []byte(defectReport))
	f.Add("a.md", []byte("---\nunit: 某县\nyear: 2024\n---\n# 标题\n## 一、基本情况\n(1)文字\n1.文字。正文\n"))
	f.Add("a.docx", buildDocx(f, docxParts(sampleDocumentXML, sampleStylesXML)))
	f.Add("notes.docx", notesDocx(f))
	f.Add("a.txt", []byte("一、\n（一）\n1.\n(1)\n一是二是"))
	tpl := loadTemplate(f, "standard")
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Read(name, data)
		if err != nil {
			return
		}
		if _, err := Import(doc, tpl); err != nil {
			t.Fatal(err)
		}
	})
}
