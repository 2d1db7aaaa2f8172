package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"nianbao/internal/zhtext"

	"nianbao/model"
)

// PDFTimeout bounds one pdftotext run; a damaged PDF can make it loop.
var PDFTimeout = 60 * time.Second

// readPDF reads a PDF's text layer through poppler's pdftotext in layout
// mode, then rebuilds paragraphs: the PDF only knows lines on a page, and
// a report whose paragraphs arrive as fifty-character fragments would have
// every heading and figure sentence cut in pieces.
func readPDF(name string, data []byte) (*Document, error) {
	key := cacheKey(data, ".txt")
	text, ok := cached(key)
	if !ok {
		var err error
		if text, err = pdfToText(data); err != nil {
			return nil, withFile(err, name)
		}
		store(key, text)
	}
	if !utf8.Valid(text) {
		text = bytes.ToValidUTF8(text, []byte("\uFFFD"))
	}
	paras, tables := pdfParagraphs(string(text))
	if len(paras) == 0 {
		return nil, &model.Error{File: name, Msg: "这个 PDF 没有文字层，可能是扫描件：请先用文字识别（OCR）软件转成文字（如 WPS 的“PDF 转 Word”），或向报送单位索取 Word 版本"}
	}
	if len(paras) > MaxLines {
		return nil, tooManyLines(name, len(paras))
	}
	doc := &Document{Name: name, Format: FormatPDF, Encoding: "UTF-8", Tables: tables}
	for i, p := range paras {
		doc.Lines = append(doc.Lines, Line{No: i + 1, Text: p})
	}
	return doc, nil
}

func pdfToText(data []byte) ([]byte, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, &model.Error{Msg: fmt.Sprintf("这是 PDF 文件，需要 poppler 的 pdftotext 才能读取，但没有找到它：请安装（Debian/Ubuntu/麒麟/统信：sudo apt install %s），或向报送单位索取 Word 版本", popplerPackage)}
	}
	f, err := os.CreateTemp("", "nianbao-*.pdf")
	if err != nil {
		return nil, &model.Error{Msg: "无法创建临时文件来读取 PDF：" + model.OSReason(err)}
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, &model.Error{Msg: "无法写入临时文件来读取 PDF：" + model.OSReason(err)}
	}
	ctx, cancel := context.WithTimeout(context.Background(), PDFTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", "-eol", "unix", f.Name(), "-")
	ownProcessGroup(cmd)
	cmd.Cancel = func() error { killProcessGroup(cmd); return nil }
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil, &model.Error{Msg: fmt.Sprintf("读取 PDF 超时（%s 内没有完成，已终止）：文件可能已损坏", PDFTimeout)}
	}
	if err != nil {
		msg := strings.ToLower(stderr.String())
		var ee *exec.ExitError
		switch {
		case strings.Contains(msg, "password"):
			return nil, &model.Error{Msg: "这个 PDF 设置了打开密码，无法读取：请向报送单位索取未加密的版本"}
		case errors.As(err, &ee):
			return nil, &model.Error{Msg: "PDF 文件已损坏或不完整，pdftotext 无法读取"}
		}
		return nil, &model.Error{Msg: "无法运行 pdftotext：" + err.Error()}
	}
	return out.Bytes(), nil
}

// pageNumber matches the footer lines of an official document ("— 1 —",
// "- 2 -", "第 3 页 共 9 页", a bare "4").
var pageNumber = regexp.MustCompile(`^(?:[—–\-－]\s*\d+\s*[—–\-－]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3})$`)

// pdfLine is one laid-out line: its text and where it starts and ends, in
// character cells (a Chinese character is two).
type pdfLine struct {
	text         string
	indent, end  int
	blankBefore  bool
	startsHeader bool
	// spans are the line's cells between column gaps, when it has two
	// or more; row marks a line read as a table row, which stands alone.
	spans []layoutSpan
	row   bool
	raw   string // the line as laid out, its spaces kept
}

// pdfParagraphs joins laid-out lines into paragraphs. A line runs on into
// the next when it reaches the right margin and the next line starts at
// the left margin (a new paragraph is indented two characters, a heading
// starts with its number, a centred title is indented far).
func pdfParagraphs(text string) (paras []string, tables int) {
	var lines []pdfLine
	for _, page := range strings.Split(text, "\f") {
		// A paragraph runs on across a page break: the blank lines and the
		// page number around it are the page's furniture, not a break.
		blank := false
		first := true
		for _, raw := range strings.Split(page, "\n") {
			body := strings.TrimRightFunc(raw, unicode.IsSpace)
			trimmed := strings.TrimLeftFunc(body, unicode.IsSpace)
			if trimmed == "" {
				blank = !first
				continue
			}
			if pageNumber.MatchString(trimmed) {
				continue
			}
			indent := cells(body[:len(body)-len(trimmed)])
			l := pdfLine{text: squeezeSpaces(trimmed), indent: indent, end: indent + cells(trimmed), blankBefore: blank,
				spans: layoutSpans(trimmed, indent), raw: trimmed}
			if lv, _, _ := matchNumber(l.text); lv > 0 {
				l.startsHeader = true
			}
			lines = append(lines, l)
			blank, first = false, false
		}
	}
	if len(lines) == 0 {
		return nil, 0
	}
	lines, tables = pdfTables(lines)
	// The right margin is where most lines end: body text fills the line,
	// while a line with spread-out characters or a wide table row would
	// push a maximum past it.
	left, widest := lines[0].indent, 0
	for _, l := range lines {
		left = min(left, l.indent)
		widest = max(widest, l.end)
	}
	// Ends are counted in buckets of four cells: justified lines with
	// digits in them end a cell or two apart.
	votes := map[int]int{}
	for _, l := range lines {
		if l.end*10 >= widest*7 { // headings and last lines do not vote
			votes[l.end/4]++
		}
	}
	bucket := 0
	for b, n := range votes {
		if n > votes[bucket] || n == votes[bucket] && b > bucket {
			bucket = b
		}
	}
	right := 0
	for _, l := range lines {
		if l.end/4 == bucket {
			right = max(right, l.end)
		}
	}
	// A few cells of slack: digits and Latin letters are narrower than
	// Chinese, so a full line with numbers ends a little short.
	full := right - 4
	var out []string
	var cur strings.Builder
	prevFull := false
	for i, l := range lines {
		join := i > 0 && prevFull && !l.blankBefore && !l.startsHeader && l.indent <= left+1 && !l.row && !lines[i-1].row
		if !join && cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteString(l.text)
		// A line that stops short of the margin by more than the slack
		// still runs on when it breaks off mid-sentence and is most of a
		// line: full-width punctuation laid out narrower than two cells
		// ends a full line of it early ("…主题普法活动" / "1320 场，…").
		// Not a heading on its own: the line after it is its body. A
		// heading run into its prose ("（四）…。一是…") is prose.
		prevFull = l.end >= full || l.end*100 >= right*85 && !endsSentence(l.text) &&
			(!l.startsHeader || zhtext.IndexAny(l.text, "。！？") >= 0)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out, tables
}

// endsSentence says whether a laid-out line ends where a sentence or a
// clause that closes a paragraph may: at a full stop, a question or
// exclamation mark, a semicolon or a colon, or the closing quote after one.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’」』)）")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？!?；;：:", r)
}

// cells is a string's width in character cells.
func cells(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// squeezeSpaces removes the spaces layout mode puts between Chinese and
// digits or between spread-out characters ("2024 年", "青 山 县"), which the
// author never typed, and collapses the rest to one.
func squeezeSpaces(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if !unicode.IsSpace(rs[i]) {
			b.WriteRune(rs[i])
			continue
		}
		j := i
		for j < len(rs) && unicode.IsSpace(rs[j]) {
			j++
		}
		if j == len(rs) || i == 0 {
			i = j - 1
			continue
		}
		if !(wide(rs[i-1]) || wide(rs[j])) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
