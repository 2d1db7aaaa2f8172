package render

// The .docx is written directly as OOXML with archive/zip and encoding/xml.
//
// Library survey (2025, recorded so nobody repeats it): a maintained Go
// library would have to set w:rFonts eastAsia, exact line spacing,
// w:firstLineChars and add a footer part holding a PAGE field, under a
// licence we can ship (no AGPL, no commercial).
//   - gomutex/godocx (MIT): has types for rFonts, spacing and
//     footerReference, but no API to create a footer part or a field; only
//     an unmaintained fork (mrlijnden/godocx) adds headers/footers.
//   - Luna-CY/go-office (BSD-3): can add footers, but run properties have
//     no rFonts (so no eastAsia font) and runs cannot hold fields.
//   - unidoc/unioffice: has footers and PAGE fields, but is commercial.
//   - baliance/gooxml (AGPL-3, archived) and fumiama/go-docx (AGPL-3):
//     licence excluded.
// So the parts below are written by hand: a few hundred lines of XML we
// control fully, deterministic (fixed zip timestamps) so golden tests can
// compare document.xml and styles.xml.
//
// Layout decisions that are not obvious from GB/T 9704-2012:
//   - 28 characters a line: the 156 mm text block holds 442.2 pt, but 28
//     characters of 16 pt need 448 pt, so Word and LibreOffice break after
//     27. Word's fix, a w:docGrid with charSpace, renders far too wide in
//     LibreOffice 7, so instead every run is condensed by 0.25 pt
//     (w:spacing w:val="-5" in the document defaults): 28 × 15.75 pt =
//     441 pt fits in both.
//   - LibreOffice ignores w:firstLineChars, so the indent is also given in
//     twips (w:firstLine="640", two 16 pt characters).
//   - The page number's em-dashes sit 7 mm below the text block (GB/T 9704
//     7.5): the footer distance is the 35 mm bottom margin less 7 mm less
//     the 14 pt footer line.
//
// To look at a rendered page:
//   go run . export -o /tmp/r.docx examples/sample-report.yaml
//   soffice --headless -env:UserInstallation=file:///tmp/lo --convert-to pdf --outdir /tmp /tmp/r.docx
//   pdftoppm -png -r 60 -f 1 -l 1 /tmp/r.pdf /tmp/page

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"time"

	"nianbao/exportdata"
	"nianbao/model"
)

// Page geometry in twips (1/20 pt; 1 mm = 56.6929 twips), from GB/T 9704.
const (
	pageWidth    = 11906 // A4 210 mm
	pageHeight   = 16838 // A4 297 mm
	marginTop    = 2098  // 37 mm
	marginBottom = 1984  // 35 mm
	marginLeft   = 1587  // 28 mm
	marginRight  = 1474  // 26 mm
	footerDist   = 1307  // 35 mm − 7 mm − 14 pt line
	headerDist   = 851   // 15 mm; there is no header, Word wants a value
	footerIndent = 280   // one 4号 (14 pt) character from the edge
)

// Fonts. The GB2312-suffixed names are what offices have installed; each
// has a fallback in fontTable.xml (w:altName) for machines that only have
// the Windows fonts.
const (
	fontLatin   = "Times New Roman"
	fontBody    = "仿宋_GB2312"
	fontTitle   = "方正小标宋简体"
	fontHeading = "黑体"
	fontKai     = "楷体_GB2312"
	fontSong    = "宋体"
)

// zipTime is the fixed timestamp of every zip entry so the same report
// always gives the same bytes.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// part is one file inside the package.
type part struct {
	name, contentType string
	data              []byte
}

// DOCX writes the report as a Word document laid out per GB/T 9704-2012.
func DOCX(w io.Writer, t *model.Template, r *model.Report, opts Options) error {
	d := layout(t, r, opts)
	data, err := payload(t, d, r, opts)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, p := range docxParts(d, opts, data) {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// docxParts lists the package parts, [Content_Types].xml first as some
// readers expect. The draft data rides in the custom document properties
// (exportdata says why there).
func docxParts(d *document, opts Options, data []byte) []part {
	footers := []string{"footer1.xml"}
	if opts.PageNumbers == PageNumbersOutside {
		footers = append(footers, "footer2.xml")
	}
	parts := []part{
		{"_rels/.rels", "", []byte(packageRels)},
		{"docProps/core.xml", ctCore, coreXML(d)},
		{"docProps/app.xml", ctApp, []byte(appXML)},
		{exportdata.DocxPartName, exportdata.DocxContentType, exportdata.DocxCustomXML(data)},
		{"word/document.xml", ctDocument, documentXML(d, opts)},
		{"word/styles.xml", ctStyles, []byte(stylesXML)},
		{"word/settings.xml", ctSettings, settingsXML(opts)},
		{"word/fontTable.xml", ctFontTable, []byte(fontTableXML)},
	}
	switch opts.PageNumbers {
	case PageNumbersCentered:
		parts = append(parts, part{"word/footer1.xml", ctFooter, footerXML("center", 0, 0)})
	default:
		parts = append(parts,
			part{"word/footer1.xml", ctFooter, footerXML("right", 0, footerIndent)},
			part{"word/footer2.xml", ctFooter, footerXML("left", footerIndent, 0)})
	}
	parts = append(parts, part{"word/_rels/document.xml.rels", "", documentRels(footers)})
	return append([]part{{"[Content_Types].xml", "", contentTypes(parts)}}, parts...)
}

// xmlBuf writes XML text. Element names are constants in this file; only
// character data and attribute values come from the draft, and both go
// through esc.
type xmlBuf struct{ bytes.Buffer }

func (b *xmlBuf) s(parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}

// esc escapes text for element content and attribute values. xml.EscapeText
// also turns characters XML 1.0 forbids (stray control codes pasted from
// other programs) into U+FFFD, so the part stays well-formed.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func documentXML(d *document, opts Options) []byte {
	var b xmlBuf
	b.s(xmlHeader, `<w:document `, nsW, `><w:body>`)
	if d.Title != "" {
		para(&b, "Title", "", d.Title)
		para(&b, "", "", "") // GB/T 9704: one blank line between title and body
	}
	for _, bl := range d.Blocks {
		switch {
		case bl.RunIn:
			b.s(`<w:p>`)
			run(&b, headingCharStyle(bl.Level), bl.Number+bl.Heading)
			run(&b, "", bl.Text)
			b.s(`</w:p>`)
		case bl.IsHeading():
			para(&b, headingStyle(bl.Level), "", bl.Number+bl.Heading)
		default:
			para(&b, "", "", bl.Text)
		}
	}
	if d.Unit != "" || d.Date != "" {
		para(&b, "", "", "") // the signature starts one line below the text
		if d.Unit != "" {
			para(&b, "Signature", "", d.Unit)
		}
		if d.Date != "" {
			para(&b, "Signature", "", d.Date)
		}
	}
	b.s(`<w:sectPr>`)
	b.s(`<w:footerReference w:type="default" r:id="rIdFooter1"/>`)
	if opts.PageNumbers == PageNumbersOutside {
		b.s(`<w:footerReference w:type="even" r:id="rIdFooter2"/>`)
	}
	b.s(`<w:pgSz w:w="`, itoa(pageWidth), `" w:h="`, itoa(pageHeight), `"/>`)
	b.s(`<w:pgMar w:top="`, itoa(marginTop), `" w:right="`, itoa(marginRight), `" w:bottom="`, itoa(marginBottom),
		`" w:left="`, itoa(marginLeft), `" w:header="`, itoa(headerDist), `" w:footer="`, itoa(footerDist), `" w:gutter="0"/>`)
	b.s(`<w:cols w:space="425"/>`)
	b.s(`</w:sectPr></w:body></w:document>`)
	return b.Bytes()
}

// para writes a one-run paragraph; an empty text gives an empty line.
func para(b *xmlBuf, style, runStyle, text string) {
	b.s(`<w:p>`)
	if style != "" {
		b.s(`<w:pPr><w:pStyle w:val="`, style, `"/></w:pPr>`)
	}
	if text != "" {
		run(b, runStyle, text)
	}
	b.s(`</w:p>`)
}

func run(b *xmlBuf, style, text string) {
	b.s(`<w:r>`)
	if style != "" {
		b.s(`<w:rPr><w:rStyle w:val="`, style, `"/></w:rPr>`)
	}
	b.s(`<w:t`)
	if strings.TrimSpace(text) != text {
		b.s(` xml:space="preserve"`)
	}
	b.s(`>`, esc(text), `</w:t></w:r>`)
}

func headingStyle(level int) string {
	if level > 4 {
		level = 4
	}
	return "Heading" + itoa(level)
}

func headingCharStyle(level int) string { return headingStyle(level) + "Char" }

// footerXML is one footer: "— N —" with the number as a PAGE field, so Word
// and LibreOffice fill in each page's number.
func footerXML(jc string, left, right int) []byte {
	var b xmlBuf
	b.s(xmlHeader, `<w:ftr `, nsW, `><w:p><w:pPr><w:pStyle w:val="Footer"/>`)
	if left > 0 || right > 0 {
		b.s(`<w:ind w:left="`, itoa(left), `" w:right="`, itoa(right), `" w:firstLine="0" w:firstLineChars="0"/>`)
	}
	b.s(`<w:jc w:val="`, jc, `"/></w:pPr>`)
	b.s(`<w:r><w:t xml:space="preserve">— </w:t></w:r>`)
	b.s(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	b.s(`<w:r><w:t xml:space="preserve"> —</w:t></w:r>`)
	b.s(`</w:p></w:ftr>`)
	return b.Bytes()
}

func settingsXML(opts Options) []byte {
	var b xmlBuf
	b.s(xmlHeader, `<w:settings `, nsW, `>`)
	b.s(`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>`)
	if opts.PageNumbers == PageNumbersOutside {
		// Two footers: footer1 (default) on odd pages, footer2 on even.
		b.s(`<w:evenAndOddHeaders/>`)
	}
	// No punctuation compression: it would change the 28-characters line.
	b.s(`<w:characterSpacingControl w:val="doNotCompress"/>`)
	b.s(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	b.s(`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>`)
	b.s(`</w:settings>`)
	return b.Bytes()
}

func coreXML(d *document) []byte {
	var b xmlBuf
	b.s(xmlHeader, `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.s(`<dc:title>`, esc(d.Title), `</dc:title>`)
	b.s(`<dc:creator>`, esc(d.Unit), `</dc:creator>`)
	b.s(`<dc:language>zh-CN</dc:language>`)
	b.s(`</cp:coreProperties>`)
	return b.Bytes()
}

func contentTypes(parts []part) []byte {
	var b xmlBuf
	b.s(xmlHeader, `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.s(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.s(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, p := range parts {
		if p.contentType != "" {
			b.s(`<Override PartName="/`, p.name, `" ContentType="`, p.contentType, `"/>`)
		}
	}
	b.s(`</Types>`)
	return b.Bytes()
}

func documentRels(footers []string) []byte {
	var b xmlBuf
	b.s(xmlHeader, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	rel := func(id, typ, target string) {
		b.s(`<Relationship Id="`, id, `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/`, typ, `" Target="`, target, `"/>`)
	}
	rel("rIdStyles", "styles", "styles.xml")
	rel("rIdSettings", "settings", "settings.xml")
	rel("rIdFontTable", "fontTable", "fontTable.xml")
	for i, f := range footers {
		rel("rIdFooter"+itoa(i+1), "footer", f)
	}
	b.s(`</Relationships>`)
	return b.Bytes()
}

func itoa(n int) string { return strconv.Itoa(n) }
