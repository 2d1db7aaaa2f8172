package render

import (
	"context"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Page geometry the .docx promises (GB/T 9704-2012 §5.2.1 and §7.1), in
// PDF points. The type area is 156 mm × 225 mm: 28 characters of 3号
// (16 pt) condensed by 0.25 pt, and 22 lines at exactly 28.95 pt.
const (
	mmPt      = 72 / 25.4
	stdTop    = 37 * mmPt
	stdBottom = 35 * mmPt
	stdLeft   = 28 * mmPt
	stdRight  = 26 * mmPt
	bodyPitch = 16 - 0.25 // character advance of condensed 3号 text
	linePitch = 28.95
)

// TestDOCXInLibreOffice converts the sample to PDF with LibreOffice and
// measures the page with poppler's glyph boxes (pdftotext -bbox-layout):
// the file opens, carries the text, numbers the pages, and keeps the type
// area GB/T 9704 asks for — 28 characters of text on every full line (a
// closing mark hanging past the margin is not text), 22 lines on every
// full page, and text inside the margins.
//
// The font is pinned: a private fontconfig file maps every family the
// document names to Noto Serif CJK SC, so the measurement does not change
// with whichever other CJK fonts a machine has (fonts-wqy-zenhei, say).
//
// Needs: apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk.
// To keep PNGs of the pages for looking at them, set NIANBAO_PAGE_PNG to a
// directory: NIANBAO_PAGE_PNG=/tmp go test ./render -run LibreOffice
func TestDOCXInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: LibreOffice conversion takes seconds")
	}
	soffice := lookPath("soffice", "libreoffice")
	pdftotext := lookPath("pdftotext")
	if soffice == "" || pdftotext == "" {
		t.Skip("LibreOffice (soffice) or pdftotext not installed; install libreoffice-writer-nogui and poppler-utils to run this test")
	}
	fontFile := notoSerifCJK()
	if fontFile == "" {
		t.Skip("Noto Serif CJK SC not installed; install fonts-noto-cjk to run this test")
	}
	dir := t.TempDir()
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	// Enough prose of one section to fill at least one whole page.
	r.SetText("shortcomings", longProse(60))
	docx := filepath.Join(dir, "report.docx")
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if _, err := ExportFile(docx, FormatDOCX, tpl, r, Options{}, true); err != nil {
		t.Fatal(err)
	}
	pdf := convertToPDF(t, soffice, dir, docx, fontFile)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	txt, err := exec.CommandContext(ctx, pdftotext, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(txt)), "")
	for _, want := range []string{r.DisplayTitle(tpl), "一、上一年度推进法治政府建设的主要举措和成效", "暂无。", "2025年3月1日", "—1—", "—2—"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}

	layout, err := exec.CommandContext(ctx, pdftotext, "-bbox-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	pages, err := parseBBoxLayout(layout)
	if err != nil {
		t.Fatal(err)
	}
	m := measure(pages)
	t.Logf("pages %d; text per full line %v; body lines per page %v; text box x %.1f–%.1f y %.1f–%.1f pt (type area x %.1f–%.1f y %.1f–%.1f)",
		len(pages), m.fullLineChars, m.linesPerPage, m.minX, m.maxX, m.minY, m.maxY,
		stdLeft, m.pageW-stdRight, stdTop, m.pageH-stdBottom)

	// 28 characters of text a full line. A line may hold 27 when the
	// line-breaking rules pull a character down (a closing mark may not
	// start a line), never more than 28; without the 0.25 pt condensing
	// LibreOffice sets 27 on every line and this fails.
	total, at28 := 0, m.fullLineChars[28]
	for n, c := range m.fullLineChars {
		total += c
		if n > 28 || n < 26 {
			t.Errorf("%d full lines hold %d characters of text; want 28 (27 where a line may not break)", c, n)
		}
	}
	if total < 20 || at28*10 < total*8 {
		t.Errorf("full lines: %d of %d hold 28 characters of text (%v); want at least 80%%", at28, total, m.fullLineChars)
	}

	// 22 lines on every page the text runs over, none more.
	if len(m.linesPerPage) < 3 {
		t.Fatalf("want at least 3 pages, got %d", len(m.linesPerPage))
	}
	for i, n := range m.linesPerPage[:len(m.linesPerPage)-1] {
		if n > 22 {
			t.Errorf("page %d holds %d body lines; the type area has room for 22", i+1, n)
		}
	}
	if full := m.linesPerPage[1]; full != 22 {
		t.Errorf("page 2 (all prose) holds %d body lines, want 22", full)
	}
	if m.offPitch > 0 {
		t.Errorf("%d body lines are not on the 28.95 pt grid of the line before them", m.offPitch)
	}

	// Text inside the type area: left edge on the margin, nothing past the
	// right margin but hanging closing marks, nothing above or below.
	if math.Abs(m.minX-stdLeft) > 1.5 {
		t.Errorf("left text edge at %.1f pt, want the 28 mm margin (%.1f pt)", m.minX, stdLeft)
	}
	if right := m.pageW - stdRight; m.maxX > right+1 || m.maxX < right-bodyPitch {
		t.Errorf("right text edge at %.1f pt, want the 26 mm margin (%.1f pt)", m.maxX, right)
	}
	if m.minY < stdTop-1 {
		t.Errorf("text starts %.1f pt from the top, above the 37 mm margin (%.1f pt)", m.minY, stdTop)
	}
	if bottom := m.pageH - stdBottom; m.maxY > bottom+1 {
		t.Errorf("body text reaches %.1f pt, below the 35 mm margin (%.1f pt)", m.maxY, bottom)
	}

	if png := os.Getenv("NIANBAO_PAGE_PNG"); png != "" {
		if pdftoppm := lookPath("pdftoppm"); pdftoppm != "" {
			out, err := exec.CommandContext(ctx, pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "3", pdf, filepath.Join(png, "nianbao-page")).CombinedOutput()
			if err != nil {
				t.Errorf("pdftoppm: %v %s", err, out)
			}
			t.Logf("page images written to %s/nianbao-page-*.png", png)
		}
	}
}

// TestMeasureCountsHangingMarkAsMargin checks the measurement itself on
// made-up boxes: a 29th glyph that is a closing mark hanging past the
// margin is not counted as text, a first line's indent counts towards its
// 28, and the last line of a paragraph is not a full line.
func TestMeasureCountsHangingMarkAsMargin(t *testing.T) {
	const w, h = 595.3, 841.9
	right := w - stdRight
	line := func(y, x0 float64, text string, hang bool) bboxLine {
		n := utf8.RuneCountInString(text)
		x1 := x0 + float64(n)*bodyPitch
		if hang {
			x1 = right + bodyPitch - 1
		}
		return bboxLine{XMin: x0, XMax: x1, YMin: y, YMax: y + 20.8, Words: []bboxWord{{Text: text}}}
	}
	full28 := strings.Repeat("法", 28)
	hanging := strings.Repeat("法", 28) + "。"
	indented := strings.Repeat("法", 26)
	p := bboxPage{Width: w, Height: h, Lines: []bboxLine{
		line(stdTop, stdLeft+2*bodyPitch, indented, false),
		line(stdTop+linePitch, stdLeft, hanging, true),
		line(stdTop+2*linePitch, stdLeft, full28, false),
		line(stdTop+3*linePitch, stdLeft, "法治。", false),
	}}
	m := measure([]bboxPage{p})
	if m.fullLineChars[28] != 3 || len(m.fullLineChars) != 1 {
		t.Errorf("full-line counts %v, want three lines of 28", m.fullLineChars)
	}
	if m.linesPerPage[0] != 4 || m.offPitch != 0 {
		t.Errorf("lines per page %v, off pitch %d; want 4 and 0", m.linesPerPage, m.offPitch)
	}
	if m.maxX > right+0.01 {
		t.Errorf("hanging mark moved the right text edge to %.1f (margin %.1f)", m.maxX, right)
	}
}

// convertToPDF runs LibreOffice headless with its own profile, HOME and a
// fontconfig file that pins every family to one font file's family.
func convertToPDF(t *testing.T, soffice, dir, docx, fontFile string) string {
	t.Helper()
	cache := filepath.Join(dir, "fontcache")
	conf := filepath.Join(dir, "fonts.conf")
	pinned := fmt.Sprintf(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>%s</dir>
  <cachedir>%s</cachedir>
  <match target="pattern">
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
</fontconfig>
`, filepath.Dir(fontFile), cache)
	if err := os.WriteFile(conf, []byte(pinned), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Its own profile and HOME, so a running LibreOffice or a parallel test
	// does not lock the conversion.
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "pdf", "--outdir", dir, docx)
	cmd.Env = append(os.Environ(), "HOME="+dir, "FONTCONFIG_FILE="+conf)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := strings.TrimSuffix(docx, filepath.Ext(docx)) + ".pdf"
	if _, err := os.Stat(pdf); err != nil {
		t.Fatalf("soffice wrote no PDF: %v", err)
	}
	if fonts := lookPath("pdffonts"); fonts != "" {
		out, _ := exec.Command(fonts, pdf).Output()
		if strings.Contains(string(out), "CJK") && !strings.Contains(string(out), "SerifCJK") {
			t.Fatalf("the pinned font was not used:\n%s", out)
		}
	}
	return pdf
}

// notoSerifCJK is the file holding Noto Serif CJK SC, or "".
func notoSerifCJK() string {
	out, err := exec.Command("fc-list", "-f", "%{file}\n", "Noto Serif CJK SC").Output()
	if err != nil {
		return ""
	}
	for _, f := range strings.Fields(string(out)) {
		if strings.Contains(f, "Serif") {
			return f
		}
	}
	return ""
}

// longProse is prose written for this test, n sentences in one paragraph.
func longProse(n int) string {
	parts := []string{
		"部分乡镇合法性审查力量薄弱，审查人员多为兼职，专业能力有待提高",
		"行政执法人员培训覆盖面不够广，基层执法规范化水平参差不齐",
		"普法宣传形式较为单一，针对重点人群的精准普法还需加强",
		"行政复议案件办理周期偏长，调解和解的作用发挥不够充分",
		"数字法治建设起步较晚，执法监督平台的数据共享仍不顺畅",
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(parts[i%len(parts)])
		if i%3 == 2 {
			b.WriteString("。")
		} else {
			b.WriteString("；")
		}
	}
	return b.String()
}

// The parts of poppler's -bbox-layout XHTML the measurement reads.
type bboxWord struct {
	Text string `xml:",chardata"`
}

type bboxLine struct {
	XMin  float64    `xml:"xMin,attr"`
	YMin  float64    `xml:"yMin,attr"`
	XMax  float64    `xml:"xMax,attr"`
	YMax  float64    `xml:"yMax,attr"`
	Words []bboxWord `xml:"word"`
}

type bboxPage struct {
	Width  float64    `xml:"width,attr"`
	Height float64    `xml:"height,attr"`
	Lines  []bboxLine `xml:"flow>block>line"`
}

func parseBBoxLayout(data []byte) ([]bboxPage, error) {
	var doc struct {
		Pages []bboxPage `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("pdftotext -bbox-layout: %v", err)
	}
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("pdftotext -bbox-layout: no pages")
	}
	return doc.Pages, nil
}

func (l bboxLine) text() string {
	var b strings.Builder
	for _, w := range l.Words {
		b.WriteString(w.Text)
	}
	return b.String()
}

// body says whether the line is set in the 3号 body size (title lines are
// 2号, the page number 4号).
func (l bboxLine) body() bool {
	h := l.YMax - l.YMin
	return h > 18 && h < 23 && !pageNumber(l.text())
}

func pageNumber(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "—") && strings.HasSuffix(s, "—")
}

// fullWidth says whether every character of s is a full-width one (CJK
// text and punctuation), so its advance is one character each.
func fullWidth(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < 0x2000 {
			return false
		}
	}
	return true
}

// hangingMark lists the closing marks LibreOffice and Word let hang past
// the right margin at the end of a line.
const hangingMark = "。，、；：？！）”’》」』】"

type measurement struct {
	pageW, pageH           float64
	fullLineChars          map[int]int // characters of text (indent included) → full lines
	linesPerPage           []int
	offPitch               int
	minX, maxX, minY, maxY float64
}

func measure(pages []bboxPage) measurement {
	m := measurement{fullLineChars: map[int]int{}, minX: math.Inf(1), minY: math.Inf(1)}
	for pi, p := range pages {
		m.pageW, m.pageH = p.Width, p.Height
		left, right := stdLeft, p.Width-stdRight
		var body []bboxLine
		for _, l := range p.Lines {
			if pageNumber(l.text()) {
				continue
			}
			m.minY = math.Min(m.minY, l.YMin)
			if l.body() {
				body = append(body, l)
			}
		}
		m.linesPerPage = append(m.linesPerPage, len(body))
		for i, l := range body {
			text := l.text()
			xMax := l.XMax
			if xMax > right+1 && strings.ContainsRune(hangingMark, lastRune(text)) {
				// The hanging mark is outside the type area by design.
				_, size := utf8.DecodeLastRuneInString(text)
				text = text[:len(text)-size]
				xMax -= bodyPitch
			}
			m.minX = math.Min(m.minX, l.XMin)
			m.maxX = math.Max(m.maxX, xMax)
			m.maxY = math.Max(m.maxY, l.YMax)
			if i > 0 {
				gap := (l.YMin - body[i-1].YMin) / linePitch
				if math.Abs(gap-math.Round(gap)) > 0.02 {
					m.offPitch++
				}
			}
			// A full line is one its paragraph goes on from: the next body
			// line (here or at the top of the next page) starts at the
			// margin, with no first-line indent.
			next, ok := nextBodyLine(pages, pi, i, body)
			if !ok || math.Abs(next.XMin-left) > 1.5 || !fullWidth(text) {
				continue
			}
			indent := int(math.Round((l.XMin - left) / bodyPitch))
			m.fullLineChars[indent+utf8.RuneCountInString(text)]++
		}
	}
	return m
}

func nextBodyLine(pages []bboxPage, pi, i int, body []bboxLine) (bboxLine, bool) {
	if i+1 < len(body) {
		return body[i+1], true
	}
	if pi+1 < len(pages) {
		for _, l := range pages[pi+1].Lines {
			if l.body() {
				return l, true
			}
		}
	}
	return bboxLine{}, false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func lookPath(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}
