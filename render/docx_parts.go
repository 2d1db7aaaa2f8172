package render

import "nianbao/exportdata"

// Fixed parts of the .docx package. Element order inside w:pPr, w:rPr and
// w:settings follows the OOXML schema sequence: Word refuses (offers to
// "repair") a file whose children are out of order even when LibreOffice
// reads it.

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

// fontTableXML names a fallback (w:altName) for each Chinese font: the
// GB2312 fonts and 方正小标宋 are common on office PCs but missing on fresh
// Windows installs, which have FangSong, KaiTi, SimHei and SimSun. Charset
// 86 is GB2312.
const fontTableXML = xmlHeader + `<w:fonts ` + nsW + `>` +
	`<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="楷体_GB2312"><w:altName w:val="KaiTi"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

// Paragraph properties shared by styles.
const (
	noIndent = `<w:ind w:firstLine="0" w:firstLineChars="0"/>`
	// 28.95 pt exact = 579 twips: 22 lines in the 225 mm text block.
	exactLine = `<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>`
)

// stylesXML carries all formatting, so document.xml holds only text and
// style names and a drafter who changes a style in Word changes every
// paragraph of that kind. Headings use Word's built-in ids so the
// navigation pane shows the outline.
var stylesXML = xmlHeader + `<w:styles ` + nsW + `>` +
	`<w:docDefaults>` +
	`<w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="` + fontLatin + `" w:eastAsia="` + fontBody + `" w:hAnsi="` + fontLatin + `" w:cs="` + fontLatin + `"/>` +
	// Condense 0.25 pt so 28 characters fit the 156 mm line (see docx.go).
	`<w:spacing w:val="-5"/><w:kern w:val="0"/>` +
	`<w:sz w:val="32"/><w:szCs w:val="32"/>` +
	`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>` +
	`</w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr>` + exactLine + `</w:pPr></w:pPrDefault>` +
	`</w:docDefaults>` +

	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr>` + exactLine + `<w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/></w:pPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	// 22 pt does not fit a 28.95 pt exact line without clipping; 35 pt is
	// the usual title line in office templates.
	`<w:pPr><w:spacing w:before="0" w:after="0" w:line="700" w:lineRule="exact"/>` + noIndent + `<w:jc w:val="center"/><w:outlineLvl w:val="9"/></w:pPr>` +
	`<w:rPr><w:rFonts w:ascii="` + fontLatin + `" w:eastAsia="` + fontTitle + `" w:hAnsi="` + fontLatin + `"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>` +

	headingStyleXML(1, fontHeading) +
	headingStyleXML(2, fontKai) +
	headingStyleXML(3, fontBody) +
	headingStyleXML(4, fontBody) +

	`<w:style w:type="paragraph" w:styleId="Signature"><w:name w:val="Signature"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	// Right-aligned, two characters in from the right margin.
	`<w:pPr><w:ind w:right="640" w:rightChars="200" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/></w:pPr></w:style>` +

	`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:before="0" w:after="0" w:line="280" w:lineRule="exact"/>` + noIndent + `</w:pPr>` +
	`<w:rPr><w:rFonts w:ascii="` + fontSong + `" w:eastAsia="` + fontSong + `" w:hAnsi="` + fontSong + `" w:cs="` + fontSong + `"/><w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
	`</w:styles>`

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
