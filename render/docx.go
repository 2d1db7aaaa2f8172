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
//     7.5). The footer distance runs from the page's bottom edge to the
//     bottom of the 14 pt footer line, and a dash is drawn at the middle of
//     its line: 35 mm − 7 mm − 7 pt. (Taking the line's top for the dash
//     put it 2.5 mm low.)
//   - The signature (落款) is placed by GB/T 9704 §7.3.5 in characters of
//     the 28-character grid (layout.go, signatureLines) and kept with the
//     last text paragraph by keepNext; widow control is off so the 22-line
//     page holds. Title lines are balanced at word boundaries (title.go).
//   - libreoffice_test.go measures all of this on the page LibreOffice
//     renders.
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
	"math"
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
	footerDist   = 1447  // 28 mm − 7 pt: the dash mid-line, 7 mm below the type area
	headerDist   = 851   // 15 mm; there is no header, Word wants a value
	footerIndent = 280   // one 4号 (14 pt) character from the edge
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
		{"word/styles.xml", ctStyles, []byte(stylesXML(d.Fonts))},
		{"word/settings.xml", ctSettings, settingsXML(opts)},
		{"word/fontTable.xml", ctFontTable, []byte(fontTableXML(d.Fonts))},
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
	if len(d.TitleLines) > 0 {
		titlePara(&b, breakTitle(d.TitleLines, d.Unit, titleLineChars))
		emptyPara(&b, false) // GB/T 9704: one blank line between title and body
	}
	if d.Addressee != "" {
		// 主送机关: flush left, under the blank line (§7.3.2).
		para(&b, pPr{style: "Addressee"}, d.Addressee)
	}
	signed := d.Unit != "" || d.Date != ""
	for i, bl := range d.Blocks {
		// The last lines of text go to the page the signature is on, so
		// the signature never stands alone (keepNext chains text, blank
		// lines, unit and date).
		p := pPr{keepNext: signed && i == len(d.Blocks)-1}
		switch {
		case bl.RunIn:
			p.write(&b)
			run(&b, headingCharStyle(bl.Level), bl.Number+bl.Heading)
			run(&b, "", bl.Text)
			b.s(`</w:p>`)
		case bl.IsHeading():
			p.style = headingStyle(bl.Level)
			para(&b, p, bl.Number+bl.Heading)
		default:
			para(&b, p, bl.Text)
		}
	}
	if signed {
		for range signatureBlankLines(d.Signature) {
			emptyPara(&b, true)
		}
		lines := signatureLines(d)
		for i, l := range lines {
			p := pPr{style: "Signature", keepNext: i < len(lines)-1 || d.Contact != "", keepLines: true}
			if l.AlignRight {
				p.indRight, p.jc = sigTwips(l.FromRight), "right"
			} else {
				p.indLeft, p.jc = textWidthTwips-sigTwips(l.FromRight), "left"
			}
			para(&b, p, l.Text)
		}
	}
	if d.Contact != "" {
		// 附注: 居左空二字加圆括号，编排在成文日期下一行 (§7.3.6).
		para(&b, pPr{}, d.Contact)
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

// textWidthTwips is the width of the type area, 156 mm; charTwips is a
// body character's advance (16 pt condensed by 0.25 pt). 28 of them leave
// 25 twips at the right.
const (
	textWidthTwips = pageWidth - marginLeft - marginRight
	charTwips      = 315
)

// sigTwips turns "n characters before the right margin" into a right
// indent, counting character cells from the left margin as the text does.
func sigTwips(fromRight float64) int {
	return textWidthTwips - int(math.Round((lineChars-fromRight)*charTwips))
}

// titlePara writes the title, its lines separated by line breaks inside
// one centred paragraph, so Word treats it as one title.
func titlePara(b *xmlBuf, lines []string) {
	pPr{style: "Title"}.write(b)
	for i, l := range lines {
		b.s(`<w:r>`)
		if hasEastAsianPunct(l) {
			b.s(`<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>`)
		}
		if i > 0 {
			b.s(`<w:br/>`)
		}
		runText(b, l)
		b.s(`</w:r>`)
	}
	b.s(`</w:p>`)
}

// pPr is the paragraph properties a paragraph needs beyond its style,
// written in schema order (pStyle, keepNext, keepLines, ind, jc).
type pPr struct {
	style               string
	keepNext, keepLines bool
	indLeft, indRight   int
	jc                  string
}

// write opens the paragraph with its properties.
func (p pPr) write(b *xmlBuf) {
	b.s(`<w:p>`)
	if p == (pPr{}) {
		return
	}
	b.s(`<w:pPr>`)
	if p.style != "" {
		b.s(`<w:pStyle w:val="`, p.style, `"/>`)
	}
	if p.keepNext {
		b.s(`<w:keepNext/>`)
	}
	if p.keepLines {
		b.s(`<w:keepLines/>`)
	}
	if p.indLeft != 0 || p.indRight != 0 {
		b.s(`<w:ind w:left="`, itoa(p.indLeft), `" w:right="`, itoa(p.indRight), `" w:firstLine="0" w:firstLineChars="0"/>`)
	}
	if p.jc != "" {
		b.s(`<w:jc w:val="`, p.jc, `"/>`)
	}
	b.s(`</w:pPr>`)
}

// para writes a one-run paragraph.
func para(b *xmlBuf, p pPr, text string) {
	p.write(b)
	if text != "" {
		run(b, "", text)
	}
	b.s(`</w:p>`)
}

// emptyPara is a blank line; keep ties it to the next paragraph.
func emptyPara(b *xmlBuf, keep bool) {
	pPr{keepNext: keep}.write(b)
	b.s(`</w:p>`)
}

// run writes one run. Runs with “”‘’…— carry w:hint="eastAsia": those
// characters are shared between Western and Chinese fonts, and without
// the hint Word sets them in Times New Roman (half-width quotes, an
// ellipsis on the baseline; MS-OI29500 §2.1.88).
func run(b *xmlBuf, style, text string) {
	b.s(`<w:r>`)
	hint := hasEastAsianPunct(text)
	if style != "" || hint {
		b.s(`<w:rPr>`)
		if style != "" {
			b.s(`<w:rStyle w:val="`, style, `"/>`)
		}
		if hint {
			b.s(`<w:rFonts w:hint="eastAsia"/>`)
		}
		b.s(`</w:rPr>`)
	}
	runText(b, text)
	b.s(`</w:r>`)
}

// runText writes text as w:t pieces, tabs as real w:tab elements so
// tab-aligned lists keep their columns.
func runText(b *xmlBuf, text string) {
	for i, piece := range strings.Split(text, "\t") {
		if i > 0 {
			b.s(`<w:tab/>`)
		}
		if piece == "" {
			continue
		}
		b.s(`<w:t`)
		if strings.TrimSpace(piece) != piece {
			b.s(` xml:space="preserve"`)
		}
		b.s(`>`, esc(piece), `</w:t>`)
	}
}

// eastAsianPunct are the characters Unicode gives both a Western and an
// East Asian width; Word needs the hint to set them full-width.
const eastAsianPunct = "“”‘’…—·"

func hasEastAsianPunct(s string) bool { return strings.ContainsAny(s, eastAsianPunct) }

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
	dash := `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">`
	b.s(dash, `— </w:t></w:r>`)
	// MERGEFORMAT: WPS drops a PAGE field without it when it saves again.
	b.s(`<w:fldSimple w:instr=" PAGE \* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	b.s(dash, ` —</w:t></w:r>`)
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
