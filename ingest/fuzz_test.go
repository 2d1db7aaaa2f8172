package ingest

import (
	"archive/zip"
	"strings"
	"testing"
	"time"
)

// FuzzImport feeds arbitrary bytes through reading and import: any input
// must give a draft or a clear error, never a panic.
func FuzzImport(f *testing.F) {
	f.Add("a.txt", []byte(defectReport))
	f.Add("a.md", []byte("---\nunit: 某县\nyear: 2024\n---\n# 标题\n## 一、基本情况\n(1)文字\n1.文字。正文\n"))
	f.Add("a.docx", buildDocx(f, docxParts(sampleDocumentXML, sampleStylesXML)))
	f.Add("notes.docx", notesDocx(f))
	lists := docxParts(`<?xml version="1.0"?><w:document `+wordNSDecl+`><w:body>`+listPara("1", "1", "依法行政")+
		styledPara("Heading1", "主要举措")+`<w:p>`+textBox("Normal", "框中")+`</w:p></w:body></w:document>`, listStyles)
	lists["word/numbering.xml"] = []byte(listNumbering)
	f.Add("lists.docx", buildDocx(f, lists))
	chunked := docxParts(shellDocument(`<w:altChunk r:id="r1"/>`), "")
	chunked["word/_rels/document.xml.rels"] = chunkRels(map[string]string{"r1": "c.html"})
	chunked["word/c.html"] = []byte(`<html><body><p>一、基本情况</p></body></html>`)
	f.Add("chunk.docx", buildDocx(f, chunked))
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

// FuzzDocxParts feeds arbitrary XML as a .docx's document, numbering,
// styles and footnotes parts (the zip itself stays valid, so the parsers
// behind it are reached): any content gives a document or a clear error,
// never a panic or a runaway.
func FuzzDocxParts(f *testing.F) {
	f.Add(`<w:document `+wordNSDecl+`><w:body>`+listPara("1", "1", "依法行政")+`<w:p>`+textBox("Normal", "框中")+
		`<w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>`, listNumbering, listStyles,
		`<w:footnotes `+wordNSDecl+`><w:footnote w:id="1"><w:p><w:r><w:t>注</w:t></w:r></w:p></w:footnote></w:footnotes>`)
	f.Add(sampleDocumentXML, "", sampleStylesXML, "")
	f.Add(`<w:document `+wordNSDecl+`><w:body>`+tableXML(rowXML(cellXML(wp("", "项目")), cellXML(wp("", "数量（件）"))),
		rowXML(cellXML(wp("", "收案"), tableXML(rowXML(cellXML(wp("", "内层"))))), cellXML(wp("", "96"))))+
		`</w:body></w:document>`, "", "", "")
	f.Add(`<w:document `+wordNSDecl+`><w:body>`+tableXML(rowXML(`<w:tc><w:tcPr><w:gridSpan w:val="99999"/></w:tcPr>`+wp("", "项目")+`</w:tc>`, cellXML(wp("", "数量（件）"))))+
		`</w:body></w:document>`, "", "", "")
	f.Add(`<w:document `+wordNSDecl+`><w:body><w:p>`+sym("Wingdings", "F0AB")+sym("Symbol", "B7")+sym("", "2605")+
		`<w:del>`+sym("Wingdings", "F0FC")+`</w:del></w:p></w:body></w:document>`, "", "", "")
	f.Fuzz(func(t *testing.T, document, numbering, styles, footnotes string) {
		parts := docxParts(document, styles)
		for name, part := range map[string]string{"word/numbering.xml": numbering, "word/footnotes.xml": footnotes} {
			if part != "" {
				parts[name] = []byte(part)
			}
		}
		data := buildDocxWith(t, parts, zip.Store) // no compressor per input: the parsers are under test
		type read struct {
			doc *Document
			err error
		}
		done := make(chan read, 1)
		go func() {
			d, err := Read("f.docx", data)
			done <- read{d, err}
		}()
		var r read
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Read ran for 10 s on %d bytes of parts", len(document)+len(numbering)+len(styles)+len(footnotes))
		}
		doc, err := r.doc, r.err
		if err != nil {
			return
		}
		for _, l := range doc.Lines {
			if len(l.Text) > 4*maxParagraphRunes+len(document)+len(numbering)+len(footnotes) {
				t.Fatalf("a line of %d bytes from %d bytes of parts", len(l.Text), len(document)+len(numbering)+len(footnotes))
			}
		}
	})
}

// FuzzPDFParagraphs feeds arbitrary text as pdftotext's layout: the
// paragraphs and tables rebuilt from it never panic and keep every
// Chinese character of its lines but the page numbers.
func FuzzPDFParagraphs(f *testing.F) {
	f.Add("      指标      2025年度 2026年度\n\n全县办理行政处罚案件数量\n（含简易程序 850    926\n案件）\n行政复议案件收案数     41     52\n")
	f.Add("                         2025\n           指标           2026 年\n                          年\n\n行政处罚案件 850     926\n")
	f.Add("项目                 数量（件）\n收到行政复议申请     96\n审结 88\n    表后文字。\n第 1 页 共 2 页\n\f甲乡镇          乙街道\n")
	f.Fuzz(func(t *testing.T, layout string) {
		paras, _ := pdfParagraphs(layout)
		want := map[rune]int{}
		for _, line := range strings.Split(layout, "\n") {
			for _, l := range strings.Split(line, "\f") {
				if !pageNumber.MatchString(strings.TrimSpace(l)) {
					for r, n := range hanCounts(l) {
						want[r] += n
					}
				}
			}
		}
		have := hanCounts(strings.Join(paras, ""))
		for r, n := range want {
			if have[r] < n {
				t.Fatalf("%q: %d of %d lost from %q: %q", r, n-have[r], n, layout, paras)
			}
		}
	})
}
