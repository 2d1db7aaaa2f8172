package ingest

import (
	"bytes"
	"unicode/utf16"

	"nianbao/exportdata"
	"nianbao/model"
)

// Kind is a document's real format, told from its bytes. Offices rename
// files freely: a ".docx" that is really a Word 97 file, a ".doc" that is a
// saved web page, a ".txt" exported as RTF. The extension only breaks ties
// between text formats (Markdown or plain text).
type Kind int

// The kinds Detect tells apart.
const (
	KindText      Kind = iota // UTF-8, GBK/GB18030 or UTF-16 text (and Markdown)
	KindDocx                  // Office Open XML (zip with word/document.xml)
	KindODT                   // OpenDocument text (zip whose mimetype says so)
	KindOLE2                  // Word 97–2003 .doc or WPS .wps (compound file)
	KindRTF                   // Rich Text Format
	KindPDF                   // Portable Document Format
	KindHTML                  // a saved web page
	KindMHTML                 // a web page saved as a single file (.mht/.mhtml)
	KindSheet                 // a spreadsheet or presentation, not a report
	KindImage                 // a picture (often a scan)
	KindArchive               // another zip or compressed archive
	KindEncrypted             // a .docx (or other Office Open XML file) with an open password
)

// Label names a kind in messages.
func (k Kind) Label() string {
	switch k {
	case KindText:
		return "文本"
	case KindDocx:
		return "Word 文档（.docx）"
	case KindODT:
		return "OpenDocument 文档（.odt）"
	case KindOLE2:
		return "旧版 Word 或 WPS 文档（.doc/.wps）"
	case KindRTF:
		return "RTF 文档"
	case KindPDF:
		return "PDF 文件"
	case KindHTML:
		return "网页"
	case KindMHTML:
		return "单文件网页（.mht）"
	case KindSheet:
		return "表格或演示文稿"
	case KindImage:
		return "图片"
	case KindArchive:
		return "压缩包"
	case KindEncrypted:
		return "设置了打开密码的 Office 文档"
	}
	return "未知格式"
}

// NeedsOffice says whether reading k takes LibreOffice.
func (k Kind) NeedsOffice() bool {
	return k == KindODT || k == KindOLE2 || k == KindRTF
}

var (
	zipMagic   = []byte("PK\x03\x04")
	zipEmpty   = []byte("PK\x05\x06")
	ole2Magic  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	odfMime    = []byte("mimetypeapplication/vnd.oasis.opendocument.")
	odfText    = []byte("mimetypeapplication/vnd.oasis.opendocument.text")
	imageMagic = [][]byte{
		{0x89, 'P', 'N', 'G'}, {0xFF, 0xD8, 0xFF}, []byte("GIF8"), []byte("II*\x00"), []byte("MM\x00*"), []byte("BM"),
	}
	archiveMagic = [][]byte{{0x1F, 0x8B}, []byte("Rar!"), {'7', 'z', 0xBC, 0xAF}}
)

// Detect tells a document's format from its first bytes.
func Detect(data []byte) Kind {
	switch {
	case bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, zipEmpty):
		return zipKind(data)
	case bytes.HasPrefix(data, ole2Magic):
		return ole2Kind(data)
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return KindRTF
	case bytes.HasPrefix(skipBOM(data), []byte("%PDF")):
		return KindPDF
	case looksMHTML(data):
		return KindMHTML
	case looksHTML(data):
		return KindHTML
	}
	for _, m := range imageMagic {
		if bytes.HasPrefix(data, m) && !(m[0] == 'B' && !bmpHeader(data)) {
			return KindImage
		}
	}
	for _, m := range archiveMagic {
		if bytes.HasPrefix(data, m) {
			return KindArchive
		}
	}
	return KindText
}

// bmpHeader guards the two-letter BMP magic: a text file may start "BM".
func bmpHeader(data []byte) bool {
	return len(data) > 14 && data[6] == 0 && data[7] == 0 && data[8] == 0 && data[9] == 0
}

func skipBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}) }

// zipKind looks inside a zip without unpacking it: OpenDocument stores its
// mimetype uncompressed as the first entry, so its name and value sit in the
// first hundred bytes; Office Open XML names its main part in the central
// directory.
func zipKind(data []byte) Kind {
	head := data[:min(len(data), 128)]
	if bytes.Contains(head, odfText) {
		return KindODT
	}
	if bytes.Contains(head, odfMime) {
		return KindSheet // an .ods or .odp
	}
	switch {
	case bytes.Contains(data, []byte("word/document.xml")):
		return KindDocx
	case bytes.Contains(data, []byte("xl/workbook.xml")) || bytes.Contains(data, []byte("ppt/presentation.xml")):
		return KindSheet
	case bytes.Contains(data, []byte("[Content_Types].xml")):
		// An Office file whose parts are named oddly: the .docx reader gives
		// the precise reason.
		return KindDocx
	}
	// Any other zip goes to the .docx reader, which says which part is
	// missing: the better message for a renamed or broken file.
	return KindDocx
}

// ole2Kind tells a Word or WPS document from an Excel or PowerPoint file
// in the same container by the names of the streams in its directory,
// which are stored as UTF-16.
func ole2Kind(data []byte) Kind {
	// Word stores a .docx saved with an open password as a compound file
	// holding the encrypted package; LibreOffice cannot open it without
	// the password, and headless it may wait for one.
	if containsUTF16(data, "EncryptedPackage") {
		return KindEncrypted
	}
	if containsUTF16(data, "Workbook") || containsUTF16(data, "PowerPoint Document") {
		if !containsUTF16(data, "WordDocument") {
			return KindSheet
		}
	}
	return KindOLE2
}

func containsUTF16(data []byte, s string) bool {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	return bytes.Contains(data, b)
}

// looksMHTML recognises a web page saved as one MIME file: headers first,
// a multipart/related body.
func looksMHTML(data []byte) bool {
	// Every header below starts with one of these letters; checked first
	// so that a text report is not lowercased to find out.
	if len(data) == 0 || !bytes.ContainsRune([]byte("fFmMcCsS"), rune(data[0])) {
		return false
	}
	head := bytes.ToLower(data[:min(len(data), 2048)])
	if !bytes.HasPrefix(head, []byte("from:")) && !bytes.HasPrefix(head, []byte("mime-version:")) &&
		!bytes.HasPrefix(head, []byte("content-type:")) && !bytes.HasPrefix(head, []byte("content-location:")) &&
		!bytes.HasPrefix(head, []byte("snapshot-content-location:")) && !bytes.HasPrefix(head, []byte("subject:")) {
		return false
	}
	return bytes.Contains(head, []byte("multipart/related"))
}

// Formats read through a converter or natively besides text, Markdown and
// .docx.
const (
	FormatDoc  Format = "doc" // .doc or .wps, through LibreOffice
	FormatRTF  Format = "rtf"
	FormatODT  Format = "odt"
	FormatPDF  Format = "pdf"
	FormatHTML Format = "html" // saved web pages and nianbao's own HTML exports
)

// Label names the converted and web formats in messages ("" for the
// others, which callers describe with their encoding).
func (f Format) Label() string {
	switch f {
	case FormatDoc:
		return "旧版 Word/WPS 文档，经 LibreOffice 转换"
	case FormatRTF:
		return "RTF 文档，经 LibreOffice 转换"
	case FormatODT:
		return "OpenDocument 文档，经 LibreOffice 转换"
	case FormatPDF:
		return "PDF，经 pdftotext 提取文字"
	case FormatHTML:
		return "网页"
	}
	return ""
}

// readConverted reads the formats that are not text and not .docx; ok is
// false for those, which Read handles itself.
func readConverted(name string, data []byte) (doc *Document, ok bool, err error) {
	k := Detect(data)
	switch k {
	case KindOLE2, KindRTF, KindODT:
		doc, err = readOffice(name, data, k)
	case KindPDF:
		doc, err = readPDF(name, data)
	case KindHTML:
		if exportdata.IsNianbaoHTML(data) {
			// nianbao's own export: its blocks map to source lines and it
			// carries the draft's data.
			doc, err = readHTML(name, data)
		} else {
			doc, err = readWebPage(name, data)
		}
	case KindMHTML:
		doc, err = readMHTML(name, data)
	case KindSheet, KindImage, KindArchive, KindEncrypted:
		err = notAReport(name, k)
	default:
		return nil, false, nil
	}
	return doc, true, err
}

func notAReport(name string, k Kind) error {
	msg := "这是" + k.Label() + "，不是报告文档"
	switch k {
	case KindImage:
		msg += "；如果是报告的扫描件，请先用文字识别（OCR）转成文字，或向报送单位索取 Word 版本"
	case KindArchive:
		msg += "；请先解压，再检查其中的文件"
	case KindSheet:
		msg += "；年度报告请用 Word、WPS 文字或文本格式报送"
	case KindEncrypted:
		msg = "这个 Office 文档设置了打开密码，无法读取：请向报送单位索取未加密的版本（或输入密码打开后“另存为”不加密的 .docx）"
	}
	return &model.Error{File: name, Msg: msg}
}
