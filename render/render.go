// Package render turns a report draft into the documents that leave
// nianbao: a .docx laid out per GB/T 9704-2012 (the file that is printed,
// signed and sent up), Markdown, standalone HTML and plain text. Every format
// is built from the same layout (layout.go) so numbering, skipped sections
// and run-in headings agree across formats. It never touches a terminal.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"nianbao/model"
)

// Format is an output format.
type Format string

// The output formats.
const (
	FormatDOCX     Format = "docx"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatText     Format = "txt"
	FormatPDF      Format = "pdf" // the docx converted by LibreOffice
)

// Formats lists every format, the default first.
var Formats = []Format{FormatDOCX, FormatMarkdown, FormatHTML, FormatText, FormatPDF}

// ForPublication says whether a format is what offices post on the
// portal: the Word file, its PDF and the web page. Markdown and plain text
// are working copies. Exports for publication are stopped while publish
// findings remain (personal data, secrecy markings, draft labels).
func ForPublication(f Format) bool {
	switch f {
	case FormatMarkdown, FormatText:
		return false
	}
	return true
}

// CarryingFormats are the formats whose file carries the draft's data out
// of sight (see package exportdata). A PDF is the portal's copy, converted
// from the Word file, and is read back by its text alone.
var CarryingFormats = []Format{FormatDOCX, FormatMarkdown, FormatHTML, FormatText}

// Ext is the file extension with its dot.
func (f Format) Ext() string { return "." + string(f) }

// Name is the format as shown to users.
func (f Format) Name() string {
	switch f {
	case FormatDOCX:
		return "Word 文档"
	case FormatMarkdown:
		return "Markdown"
	case FormatHTML:
		return "HTML 网页"
	case FormatText:
		return "纯文本"
	case FormatPDF:
		return "PDF"
	}
	return string(f)
}

// ParseFormat accepts a format name as typed on the command line, with the
// common aliases (markdown, htm, text, word).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), ".")) {
	case "docx", "word":
		return FormatDOCX, nil
	case "md", "markdown":
		return FormatMarkdown, nil
	case "html", "htm":
		return FormatHTML, nil
	case "txt", "text":
		return FormatText, nil
	case "pdf":
		return FormatPDF, nil
	}
	return "", fmt.Errorf("不支持的导出格式“%s”，可用：docx、md、html、txt、pdf", s)
}

// FormatFromPath picks the format from a file name's extension.
func FormatFromPath(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("无法从文件名“%s”判断导出格式：请加扩展名（.docx、.md、.html、.txt、.pdf）或用 --format 指定", path)
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return "", fmt.Errorf("无法从扩展名“%s”判断导出格式：可用 .docx、.md、.html、.txt、.pdf", ext)
	}
	return f, nil
}

// PageNumbers says where the docx page number sits.
type PageNumbers int

const (
	// PageNumbersOutside puts odd page numbers at the right and even ones at
	// the left, one character in from the edge, as GB/T 9704 7.5 prescribes
	// for documents printed on both sides. It is the zero value.
	PageNumbersOutside PageNumbers = iota
	// PageNumbersCentered centres every page number, which some offices
	// prefer for single-sided printing.
	PageNumbersCentered
)

// ParsePageNumbers reads the --page-numbers flag.
func ParsePageNumbers(s string) (PageNumbers, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "outside", "外侧":
		return PageNumbersOutside, nil
	case "center", "centre", "centered", "居中":
		return PageNumbersCentered, nil
	}
	return 0, fmt.Errorf("页码位置“%s”无效，应为 outside（单页居右、双页居左）或 center（居中）", s)
}

// Options adjust an export.
type Options struct {
	PageNumbers PageNumbers // docx only
	// Date overrides the draft's date (成文日期); either 2025-03-01 or
	// 2025年3月1日. Empty means the draft's own date.
	Date string
	// WithContact prints the contact line under the date (docx and pdf)
	// and keeps it in the carried draft data (every format): for the copy
	// sent up, never for the one published. Without it the export holds
	// no contact at all, on the page or out of sight.
	WithContact bool
	// Fonts overrides the template's choice of font names (docx and pdf).
	Fonts model.FontNames
	// LibreOffice converts to PDF; its zero value finds soffice on PATH.
	LibreOffice LibreOffice
}

// Write renders the report in format f.
func Write(w io.Writer, f Format, t *model.Template, r *model.Report, opts Options) error {
	switch f {
	case FormatDOCX:
		return DOCX(w, t, r, opts)
	case FormatMarkdown:
		return Markdown(w, t, r, opts)
	case FormatHTML:
		return HTML(w, t, r, opts)
	case FormatText:
		return Text(w, t, r, opts)
	case FormatPDF:
		return PDF(w, t, r, opts)
	}
	return fmt.Errorf("不支持的导出格式“%s”", f)
}

// OverwriteError is returned by ExportFile when the output file exists
// and nianbao did not write it, or it changed since nianbao wrote it (edited
// by hand in Word after the last export): replacing it could lose work.
type OverwriteError struct {
	Path    string
	Changed bool // nianbao wrote it, and it changed since
}

func (e *OverwriteError) Error() string {
	why := "不是 nianbao 导出的文件"
	if e.Changed {
		why = "在上次导出后被修改过（可能在 Word 中改过）"
	}
	return fmt.Sprintf("%s %s；为免丢失其中的内容，未覆盖。确认要覆盖请使用 --force（会先备份为 .bak）", e.Path, why)
}

// ErrSameFile is returned when the output path is the draft itself.
var ErrSameFile = errors.New("输出文件与草稿是同一个文件，导出会覆盖草稿")

// ExportFile renders the report and writes it to path atomically. It will
// not replace a file that nianbao did not write, or that changed since it
// wrote it, unless force is set, and then backs it up first; it never
// replaces the draft itself. It returns the backup's path, if one was made.
func ExportFile(path string, f Format, t *model.Template, r *model.Report, opts Options, force bool) (backup string, err error) {
	if draft := r.File(); draft != "" && same(path, draft) {
		return "", fmt.Errorf("%s：%w", path, ErrSameFile)
	}
	origin, err := model.CheckExport(path)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := Write(&buf, f, t, r, opts); err != nil {
		return "", err
	}
	switch origin {
	case model.ExportChanged, model.ExportForeign:
		if !force {
			return "", &OverwriteError{Path: path, Changed: origin == model.ExportChanged}
		}
		if backup, err = model.BackupFile(path); err != nil {
			return "", fmt.Errorf("覆盖前无法备份 %s：%w", path, err)
		}
	case model.ExportAbsent, model.ExportOurs:
	}
	if err := model.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return backup, err
	}
	_ = model.RecordExport(path, buf.Bytes())
	return backup, nil
}

func same(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	aa, _ := filepath.Abs(a)
	ab, _ := filepath.Abs(b)
	return aa == ab
}

// DefaultOutput is the output path for a draft: the draft's name with the
// format's extension, next to it.
func DefaultOutput(draft string, f Format) string {
	ext := filepath.Ext(draft)
	return strings.TrimSuffix(draft, ext) + f.Ext()
}
