// Package ingest turns existing annual reports — plain text (UTF-8 or
// GBK/GB18030), Markdown and .docx — into nianbao drafts: it decodes the
// file, drops web-page leftovers, recognises the title and the numbered
// headings, maps the parts to a template's sections by meaning and lifts the
// figures the prose states. It never touches a terminal.
package ingest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"nianbao/model"
)

// MaxInputSize bounds the file read from disk. A published report is well
// under 1 MB even as .docx with pictures; the limit keeps a mistaken path
// (a video, a disk image) from filling memory.
const MaxInputSize = 32 << 20

// MaxTextSize bounds a plain-text or Markdown report: a long published
// report is about 50 KB; this is two hundred times that.
const MaxTextSize = 10 << 20

// MaxLines bounds the lines (text) or paragraphs (.docx) of a report. A
// published report has a few hundred; every line costs the importer a few
// hundred bytes, so ten million empty lines would cost gigabytes.
const MaxLines = 100_000

// Format says how a document was written.
type Format string

// The formats Read understands.
const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatDocx     Format = "docx"
)

// Line is one paragraph of the source document.
type Line struct {
	No    int    // 1-based line (text) or paragraph (docx) number in the source
	Text  string // without markup, trailing spaces trimmed
	Level int    // heading level given by markup (# or a Word heading style); 0 = none
	Title bool   // marked as the document title by markup (Word "Title" style)
}

// Document is a decoded source document, before cleaning.
type Document struct {
	Name     string // file name as given, for messages
	Format   Format
	Encoding string // "UTF-8", "GB18030", "UTF-16" (text formats only)
	Lines    []Line
	// Meta holds the front matter of a Markdown file (unit, year, title,
	// date, template) as nianbao's own export writes it.
	Meta map[string]string
	// Hidden lists a .docx's comments, tracked changes, hidden text and
	// header and footer text (see hidden.go); empty for other formats.
	Hidden []Hidden
}

// ReadFile reads and decodes a document from disk.
func ReadFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法打开文件：" + model.OSReason(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法读取文件：" + model.OSReason(err)}
	}
	if st.IsDir() {
		return nil, &model.Error{File: path, Msg: "这是一个目录，不是文件"}
	}
	if st.Size() > MaxInputSize {
		return nil, tooLarge(path, st.Size())
	}
	// Read through a limit even after the size check: the file may grow, or
	// be a device that reports no size.
	data, err := io.ReadAll(io.LimitReader(f, MaxInputSize+1))
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法读取文件：" + model.OSReason(err)}
	}
	if len(data) > MaxInputSize {
		return nil, tooLarge(path, int64(len(data)))
	}
	return Read(path, data)
}

func tooLarge(path string, n int64) error {
	return &model.Error{File: path, Msg: fmt.Sprintf("文件过大（%d 字节，上限 %d 字节），不像是一份年度报告", n, MaxInputSize)}
}

// Read decodes a document held in memory; name gives the format by its
// extension (the content is sniffed too) and is used in messages.
func Read(name string, data []byte) (*Document, error) {
	if len(data) > MaxInputSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return readDocx(name, data)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, &model.Error{File: name, Msg: "这是旧版 Word（.doc）或 WPS 文件，暂不支持：请在 Word 或 WPS 中“另存为” .docx 后再导入"}
	case bytes.HasPrefix(data, []byte("%PDF")):
		return nil, &model.Error{File: name, Msg: "暂不支持 PDF 文件：请复制其中的文字保存为 .txt，或用 Word 转换为 .docx 后再导入"}
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return nil, &model.Error{File: name, Msg: "这是 RTF 格式文件，暂不支持：请在 Word 或 WPS 中“另存为” .docx 后再导入"}
	case looksHTML(data):
		return nil, &model.Error{File: name, Msg: "这是网页文件（HTML），不是报告正文：请在浏览器中打开，复制正文保存为 .txt 后再导入，或用 Word 打开后另存为 .docx"}
	case ext == ".docx":
		if len(data) == 0 {
			return nil, &model.Error{File: name, Msg: "文件是空的，不是有效的 .docx 文件"}
		}
		return nil, &model.Error{File: name, Msg: "不是有效的 .docx 文件（文件头不是 zip 格式），可能已损坏或只是改了扩展名；如果是文本文件，请把扩展名改为 .txt"}
	}
	if len(data) > MaxTextSize {
		return nil, &model.Error{File: name, Msg: fmt.Sprintf("文本过长（%d 字节，上限 %d 字节），不像是一份年度报告", len(data), MaxTextSize)}
	}
	text, enc, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	if strings.TrimFunc(text, isSpace) == "" {
		return nil, &model.Error{File: name, Msg: "文件中没有文字（空文件），没有可导入的内容"}
	}
	if n := strings.Count(text, "\n") + 1; n > MaxLines {
		return nil, tooManyLines(name, n)
	}
	doc := &Document{Name: name, Format: FormatText, Encoding: enc}
	if ext == ".md" || ext == ".markdown" {
		doc.Format = FormatMarkdown
		doc.Lines, doc.Meta = markdownLines(text)
	} else {
		doc.Lines = textLines(text)
	}
	return doc, nil
}

func tooManyLines(name string, n int) error {
	return &model.Error{File: name, Msg: fmt.Sprintf("行数或段落数过多（%d 个，上限 %d 个），不像是一份年度报告", n, MaxLines)}
}

// looksHTML says whether data is a web page: it starts, after a byte order
// mark and blank space, with a doctype, an <html> tag or an XML
// declaration followed by one.
func looksHTML(data []byte) bool {
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	if bytes.HasPrefix(head, []byte("<?xml")) {
		if i := bytes.Index(head, []byte("?>")); i >= 0 {
			head = bytes.TrimLeft(head[i+2:], " \t\r\n")
		}
	}
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// textLines splits decoded text into lines, numbering them as an editor
// would, so messages point at the right place.
func textLines(text string) []Line {
	raw := strings.Split(text, "\n")
	out := make([]Line, 0, len(raw))
	for i, l := range raw {
		// Leading spaces are indentation (exported text indents paragraphs
		// with two full-width spaces), not content.
		out = append(out, Line{No: i + 1, Text: strings.TrimFunc(l, isSpace)})
	}
	return out
}

// trimRight drops trailing white space, including the full-width space
// (U+3000) and non-breaking spaces web pages leave behind.
func trimRight(s string) string {
	return strings.TrimRightFunc(s, isSpace)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\v', '\f', '\u00a0', '\u3000', '\u200b', '\ufeff':
		return true
	}
	return false
}

// Text is the whole document as plain text, one paragraph a line.
func (d *Document) Text() string {
	var b strings.Builder
	for _, l := range d.Lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// runeLen counts characters, not bytes: limits and heuristics about line
// length are about what the reader sees.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
