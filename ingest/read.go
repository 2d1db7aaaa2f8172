// Package ingest turns existing annual reports — plain text (UTF-8 or
// GBK/GB18030), Markdown and .docx — into nianbao drafts: it decodes the
// file, drops web-page leftovers, recognises the title and the numbered
// headings, maps the parts to a template's sections by meaning and lifts the
// figures the prose states. It never touches a terminal.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"nianbao/exportdata"
	"nianbao/internal/zhtext"
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
	// Contents marks an entry of a table of contents Word generated (a
	// "toc 1" paragraph): it repeats a heading and a page number, and is
	// dropped by clean, not read as a second heading.
	Contents bool
}

// Document is a decoded source document, before cleaning.
type Document struct {
	Name     string // file name as given, for messages
	Format   Format
	Encoding string // "UTF-8", "GB18030", "UTF-16" (text formats only)
	// Tables counts the data tables read a row to a line (table.go).
	Tables int
	Lines  []Line
	// Meta holds simple key: value front matter of a Markdown file (older
	// nianbao exports wrote unit, year, title, date and template there).
	Meta map[string]string
	// Carried is the draft data a nianbao export carries out of sight
	// (package exportdata), nil when the file has none; CarriedErr says why
	// data that is there cannot be used.
	Carried    *exportdata.Payload
	CarriedErr error
	// Hidden lists a .docx's comments, tracked changes, hidden text and
	// header and footer text (see hidden.go); empty for other formats.
	Hidden []Hidden
}

// ReadFile reads and decodes a document from disk.
func ReadFile(path string) (*Document, error) {
	f, st, err := model.OpenRegular(path) // a FIFO or device is refused, not waited on
	if err != nil {
		var e *model.Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, &model.Error{File: path, Msg: "无法打开文件：" + model.OSReason(err)}
	}
	defer f.Close()
	if st.IsDir() {
		return nil, &model.Error{File: path, Msg: "这是一个目录，不是文件"}
	}
	if st.Size() > MaxInputSize {
		return nil, tooLarge(path, st.Size())
	}
	// Read through a limit even after the size check: the file may grow, or
	// be a device that reports no size.
	data, err := model.ReadUpTo(f, st.Size(), MaxInputSize)
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
	if doc, ok, err := readConverted(name, data); ok {
		return doc, err
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		dr, err := openDocx(name, data)
		if err != nil {
			return nil, err
		}
		doc, err := dr.document()
		if err == nil {
			doc.carry(dr.carried())
		}
		return doc, err
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
	if isBlankText(text) {
		return nil, &model.Error{File: name, Msg: "文件中没有文字（空文件），没有可导入的内容"}
	}
	if n := strings.Count(text, "\n") + 1; n > MaxLines {
		return nil, tooManyLines(name, n)
	}
	doc := &Document{Name: name, Format: FormatText, Encoding: enc}
	if ext == ".md" || ext == ".markdown" {
		doc.Format = FormatMarkdown
		var carried []byte
		doc.Lines, doc.Meta, carried, doc.Tables = markdownLines(text)
		doc.carry(carried, nil)
	} else {
		body, carried, found := exportdata.SplitTextTrailer(text)
		doc.Lines = textLines(body)
		if found && carried == nil {
			doc.carry(nil, &exportdata.Error{Reason: "文末的草稿数据不完整（缺少结束标记）"})
		} else {
			doc.carry(carried, nil)
		}
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
	head = bytes.TrimLeft(head, " \t\r\n")
	// Markup starts with "<": a report's text is settled without
	// lowercasing its first kilobyte.
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	if hasPrefixFold(head, "<?xml") {
		if i := bytes.Index(head, []byte("?>")); i >= 0 {
			head = bytes.TrimLeft(head[i+2:], " \t\r\n")
		}
	}
	return hasPrefixFold(head, "<!doctype html") || hasPrefixFold(head, "<html")
}

// hasPrefixFold is bytes.HasPrefix ignoring ASCII case; prefix is lower case.
func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// textLines splits decoded text into lines, numbering them as an editor
// would, so messages point at the right place.
func textLines(text string) []Line {
	raw := strings.Split(text, "\n")
	out := make([]Line, 0, len(raw))
	for i, l := range raw {
		// Leading spaces are indentation (exported text indents paragraphs
		// with two full-width spaces), not content.
		out = append(out, Line{No: i + 1, Text: zhtext.TrimBlank(l)})
	}
	return out
}

// trimRight drops trailing white space, including the full-width space
// (U+3000) and non-breaking spaces web pages leave behind.
func trimRight(s string) string {
	return strings.TrimRightFunc(s, isSpace)
}

func isSpace(r rune) bool {
	// zhtext's blanks (every width of space, zero-width marks) and line ends.
	return zhtext.IsBlank(r) || r == '\n' || r == '\r' || r == '\v' || r == '\f'
}

// isBlankText is zhtext.TrimBlank(s) == "" without trimming:
// it stops at the first character that is not a blank, which in prose is
// the first, where trimming decoded both ends through a function value.
func isBlankText(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// runeLen counts characters, not bytes: limits and heuristics about line
// length are about what the reader sees.
func runeLen(s string) int { return zhtext.RuneCount(s) }

// longerThan is runeLen(s) > n without counting when the byte length
// decides it (a character is one to four bytes): the cleaning and
// structure passes ask it of every paragraph, most far from the bound.
func longerThan(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > utf8.UTFMax*n:
		return true
	}
	return zhtext.RuneCount(s) > n
}
