package render

import "nianbao/exportdata"

// Fixed parts of the .docx package. Element order inside w:pPr, w:rPr and
// w:settings follows the OOXML schema sequence: Word refuses (offers to
// "repair") a file whose children are out of order even when LibreOffice
// reads it.

import (
	"slices"
	"strings"

	"nianbao/model"
)

const (
	ctDocument  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	ctFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
)

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`<Relationship Id="rId4" Type="` + exportdata.DocxRelType + `" Target="` + exportdata.DocxPartName + `"/>` +
	`</Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>nianbao</Application></Properties>`

// fontSet is the typefaces GB/T 9704 asks for, under one set of names.
type fontSet struct {
	Body, Title, Heading, Kai, Song string
	// TitleBold stands in for 小标宋's heavier strokes when the title is
	// set in 宋体.
	TitleBold bool
}

const fontLatin = "Times New Roman"

// fontSets: the GB2312 names are what government office PCs have
// installed; a fresh Windows 10/11 has only 仿宋, 楷体, 黑体 and 宋体, and
// LibreOffice ignores w:altName, so a unit without the GB2312 fonts picks
// the Windows names (template "fonts: windows" or --fonts windows) rather
// than relying on a fallback.
var fontSets = map[model.FontNames]fontSet{
	model.FontsGB2312:  {Body: "仿宋_GB2312", Title: "方正小标宋简体", Heading: "黑体", Kai: "楷体_GB2312", Song: "宋体"},
	model.FontsWindows: {Body: "仿宋", Title: "宋体", Heading: "黑体", Kai: "楷体", Song: "宋体", TitleBold: true},
}

func fontsOf(n model.FontNames) fontSet {
	if fs, ok := fontSets[n]; ok {
		return fs
	}
	return fontSets[model.FontsGB2312]
}

// fontInfo is a fontTable entry: the alternative name Word tries, and
// panose, charset (86 = GB2312), family and pitch, which Word and WPS use
// to pick a similar installed font when the named one is missing.
type fontInfo struct{ alt, panose, charset, family, pitch string }

var fontInfos = map[string]fontInfo{
	fontLatin:   {"", "02020603050405020304", "00", "roman", "variable"},
	"仿宋_GB2312": {"FangSong", "02010609030101010101", "86", "modern", "fixed"},
	"楷体_GB2312": {"KaiTi", "02010609030101010101", "86", "modern", "fixed"},
	"方正小标宋简体":   {"SimSun", "02000000000000000000", "86", "auto", "variable"},
	"仿宋":        {"FangSong", "02010609060101010101", "86", "modern", "fixed"},
	"楷体":        {"KaiTi", "02010609060101010101", "86", "modern", "fixed"},
	"黑体":        {"SimHei", "02010609060101010101", "86", "modern", "fixed"},
	"宋体":        {"SimSun", "02010600030101010101", "86", "auto", "variable"},
}

// Names lists the set's Chinese typefaces once each, in order of use.
func (fs fontSet) Names() []string {
	var out []string
	for _, n := range []string{fs.Body, fs.Title, fs.Heading, fs.Kai, fs.Song} {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

var fontTables = map[model.FontNames]string{}

func fontTableXML(n model.FontNames) string {
	if x, ok := fontTables[n]; ok {
		return x
	}
	return fontTables[model.FontsGB2312]
}

func buildFontTable(fs fontSet) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:fonts ` + nsW + `>`)
	for _, name := range append([]string{fontLatin}, fs.Names()...) {
		fi := fontInfos[name]
		b.WriteString(`<w:font w:name="` + name + `">`)
		if fi.alt != "" {
			b.WriteString(`<w:altName w:val="` + fi.alt + `"/>`)
		}
		b.WriteString(`<w:panose1 w:val="` + fi.panose + `"/><w:charset w:val="` + fi.charset + `"/><w:family w:val="` + fi.family + `"/><w:pitch w:val="` + fi.pitch + `"/></w:font>`)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

func init() {
	for n, fs := range fontSets {
		fontTables[n] = buildFontTable(fs)
		styleSheets[n] = buildStyles(fs)
	}
}

// Paragraph properties shared by styles.
const (
	// No widow control: see buildStyles.
	paraDefaults = `<w:widowControl w:val="0"/>`
	noIndent     = `<w:ind w:firstLine="0" w:firstLineChars="0"/>`
	// 28.95 pt exact = 579 twips: 22 lines in the 225 mm text block.
	exactLine = `<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>`
)

// stylesXML carries all formatting, so document.xml holds only text and
// style names and a drafter who changes a style in Word changes every
// paragraph of that kind. Headings use Word's built-in ids so the
// navigation pane shows the outline. Built once per font set.
func stylesXML(n model.FontNames) string {
	if x, ok := styleSheets[n]; ok {
		return x
	}
	return styleSheets[model.FontsGB2312]
}

var styleSheets = map[model.FontNames]string{}

func buildStyles(fs fontSet) string {
	titleBold := ""
	if fs.TitleBold {
		titleBold = `<w:b/><w:bCs/>`
	}
	return xmlHeader + `<w:styles ` + nsW + `>` +
		`<w:docDefaults>` +
		`<w:rPrDefault><w:rPr>` +
		`<w:rFonts w:ascii="` + fontLatin + `" w:eastAsia="` + fs.Body + `" w:hAnsi="` + fontLatin + `" w:cs="` + fontLatin + `"/>` +
		// Condense 0.25 pt so 28 characters fit the 156 mm line (see docx.go).
		`<w:spacing w:val="-5"/><w:kern w:val="0"/>` +
		`<w:sz w:val="32"/><w:szCs w:val="32"/>` +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>` +
		`</w:rPr></w:rPrDefault>` +
		// Widow control off, said explicitly: Word turns it on by default
		// and LibreOffice and WPS differ, and it would move single lines
		// and break the 22-line page of GB/T 9704 §5.2.3. The signature is
		// kept with the text by keepNext instead.
		`<w:pPrDefault><w:pPr>` + paraDefaults + exactLine + `</w:pPr></w:pPrDefault>` +
		`</w:docDefaults>` +

		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
		`<w:pPr>` + paraDefaults + exactLine + `<w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/></w:pPr></w:style>` +

		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		// 22 pt does not fit a 28.95 pt exact line without clipping; 35 pt is
		// the usual title line in office templates.
		`<w:pPr><w:spacing w:before="0" w:after="0" w:line="700" w:lineRule="exact"/>` + noIndent + `<w:jc w:val="center"/><w:outlineLvl w:val="9"/></w:pPr>` +
		`<w:rPr><w:rFonts w:ascii="` + fontLatin + `" w:eastAsia="` + fs.Title + `" w:hAnsi="` + fontLatin + `"/>` + titleBold + `<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +

		headingStyleXML(1, fs.Heading) +
		headingStyleXML(2, fs.Kai) +
		headingStyleXML(3, fs.Body) +
		headingStyleXML(4, fs.Body) +

		// 主送机关: flush left, no indent (§7.3.2).
		`<w:style w:type="paragraph" w:styleId="Addressee"><w:name w:val="Salutation"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr>` + noIndent + `<w:jc w:val="left"/></w:pPr></w:style>` +

		// Unit and date: each paragraph sets its own indent and alignment
		// (§7.3.5, see signatureLines); the style has no first-line indent.
		`<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepLines/>` + noIndent + `<w:jc w:val="right"/></w:pPr></w:style>` +

		`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:spacing w:before="0" w:after="0" w:line="280" w:lineRule="exact"/>` + noIndent + `</w:pPr>` +
		`<w:rPr><w:rFonts w:ascii="` + fs.Song + `" w:eastAsia="` + fs.Song + `" w:hAnsi="` + fs.Song + `" w:cs="` + fs.Song + `"/><w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
		`</w:styles>`
}

// headingStyleXML is a heading paragraph style and its character twin
// (HeadingNChar), used when the heading runs into its first paragraph.
// Headings are indented two characters like body text, as in printed
// official documents, and are not bold: the typeface marks the level.
func headingStyleXML(level int, font string) string {
	n := itoa(level)
	rPr := `<w:rPr><w:rFonts w:eastAsia="` + font + `"/></w:rPr>`
	return `<w:style w:type="paragraph" w:styleId="Heading` + n + `"><w:name w:val="heading ` + n + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Heading` + n + `Char"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:outlineLvl w:val="` + itoa(level-1) + `"/></w:pPr>` + rPr + `</w:style>` +
		`<w:style w:type="character" w:styleId="Heading` + n + `Char"><w:name w:val="Heading ` + n + ` Char"/><w:link w:val="Heading` + n + `"/>` + rPr + `</w:style>`
}
