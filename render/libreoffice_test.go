package render

import (
	"context"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"nianbao/model"
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

	// GB/T 9704 §7.3.1: the title, too long for one line, breaks into
	// balanced lines at word boundaries.
	title := titleBoxes(pages[0])
	checkTitleLines(t, title, []string{"示例县人民政府2024年度", "法治政府建设情况报告"}, true)

	// §7.3.5.1 (the default): date 右空四字, unit centred over it, on the
	// page of the last lines of text. This fixture ends 17 lines into page
	// 5, so without keeping, unit and date would take lines 22 and 23 and
	// the date would stand alone on page 6; kept, the last heading and
	// paragraph go over with them.
	checkSignature(t, pages, r.Unit, "2025年3月1日", model.SignatureSealed)

	// §7.5: the page number's dash 7 mm below the type area, odd and even.
	checkPageNumberDash(t, pdf, pages, 1, 2)

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

// TestPDFExportInLibreOffice exports through the product's own PDF path
// (render.PDF: the docx converted by LibreOffice headless) a report that
// asks for the other layouts: unsealed signature (§7.3.5.2), a typed line
// break in the title, a 主送机关 line and the contact line. The PDF must
// hold the whole text, break the title where it was typed and place the
// signature by §7.3.5.2.
func TestPDFExportInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: LibreOffice conversion takes seconds")
	}
	pdftotext := lookPath("pdftotext")
	if _, err := (LibreOffice{}).Find(); err != nil || pdftotext == "" {
		t.Skip("LibreOffice (soffice) or pdftotext not installed; install libreoffice-writer-nogui and poppler-utils to run this test")
	}
	fontFile := notoSerifCJK()
	if fontFile == "" {
		t.Skip("Noto Serif CJK SC not installed; install fonts-noto-cjk to run this test")
	}
	dir := t.TempDir()
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	// A unit clearly longer than the date, so §7.3.5.2's main rule holds
	// whatever the digits' width in the pinned font.
	r.Unit = "示例县人民政府办公室"
	r.Title = "示例县人民政府\n2024年度法治政府建设情况报告"
	r.Signature = model.SignatureUnsealed
	r.Addressee = "市人民政府"
	// One line, short of the margin, so justification cannot stretch it.
	punct := "推进“一件事”‘证照分离’改革——成效明显……"
	r.SetText("other", "附表：\t办理件数\t办结率\n"+punct)
	out := filepath.Join(dir, "report.pdf")
	// Latin text in DejaVu Serif, Chinese in Noto Serif CJK SC: a quote
	// set in the Western font is 6.6 pt wide instead of a full 16 pt.
	latin := dejaVuSerif()
	opts := Options{WithContact: true, LibreOffice: LibreOffice{Env: pinnedFontEnv(t, dir, fontFile, latin)}}
	if _, err := ExportFile(out, FormatPDF, tpl, r, opts, true); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("export wrote no PDF: %v %.20q", err, data)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	txt, err := exec.CommandContext(ctx, pdftotext, out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	// The whole text: every paragraph the layout prints, in order. Page
	// numbers (—2—) are cut out: they fall inside a paragraph that runs
	// over a page.
	flat := regexp.MustCompile(`—\d+—`).ReplaceAllString(strings.Join(strings.Fields(string(txt)), ""), "")
	d := layout(tpl, r, opts)
	want := append([]string{}, d.TitleLines...)
	want = append(want, d.Addressee)
	for _, bl := range d.Blocks {
		want = append(want, strings.Join(strings.Fields(bl.Number+bl.Heading+bl.Text), ""))
	}
	want = append(want, d.Unit, d.Date, "（联系人：县司法局王明0000-1234567）")
	at := 0
	for _, w := range want {
		i := strings.Index(flat[at:], w)
		if i < 0 {
			t.Errorf("PDF text lacks %q (or has it out of order); it goes on: %.300q", w, flat[at:])
			continue
		}
		at += i + len(w)
	}

	layoutXML, err := exec.CommandContext(ctx, pdftotext, "-bbox-layout", out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	pages, err := parseBBoxLayout(layoutXML)
	if err != nil {
		t.Fatal(err)
	}
	checkTitleLines(t, titleBoxes(pages[0]), []string{"示例县人民政府", "2024年度法治政府建设情况报告"}, false)
	checkSignature(t, pages, r.Unit, "2025年3月1日", model.SignatureUnsealed)

	// The addressee is flush left on the line after the blank line below
	// the title (§7.3.2).
	for _, l := range pages[0].Lines {
		if l.text() == "市人民政府：" {
			if math.Abs(l.XMin-stdLeft) > 1.5*mmPt {
				t.Errorf("主送机关 starts at %.1f pt, want the left margin %.1f pt", l.XMin, stdLeft)
			}
		}
	}
	// Full-width punctuation is set full width, in the Chinese font: the
	// (unjustified) line of Chinese text and marks advances one character
	// a mark; four quotes in DejaVu Serif would take 37 pt off it.
	// (LibreOffice does so with or without w:hint; Word needs the hint,
	// which TestDOCXEastAsianHint checks in the XML.)
	if latin == "" {
		t.Log("DejaVu Serif not installed (fonts-dejavu-core): width of full-width marks not measured")
	}
	for _, p := range pages {
		for _, l := range p.Lines {
			if latin == "" || !strings.HasPrefix(l.text(), "推进“") {
				continue
			}
			if l.text() != punct {
				t.Errorf("the marks line %q is not %q on one line", l.text(), punct)
			}
			n := utf8.RuneCountInString(l.text())
			if adv := (l.XMax - l.XMin) / float64(n); math.Abs(adv-bodyPitch) > 0.3 {
				t.Errorf("%q: %.2f pt a character, want %.2f: a mark fell into the Western font", l.text(), adv, bodyPitch)
			} else {
				t.Logf("full-width marks: %.2f pt a character over %q", adv, l.text())
			}
		}
	}
	// The tab is a real tab: the columns after it start on tab stops, not
	// one character after the text before them.
	for _, p := range pages {
		for _, l := range p.Lines {
			if strings.HasPrefix(l.text(), "附表") && len(l.Words) < 2 {
				t.Errorf("tabbed line set as one word %q: the tab was not kept", l.text())
			}
		}
	}
}

// pinnedFontEnv writes a fontconfig file that maps every family to the
// family of fontFile and returns the environment that makes LibreOffice
// use it, so measurements do not depend on which CJK fonts a machine has.
// With latinFile, Times New Roman maps to that file's family instead, so
// a mark set in the Western font shows by its width.
func pinnedFontEnv(t *testing.T, dir, fontFile, latinFile string) []string {
	t.Helper()
	conf := filepath.Join(dir, "fonts.conf")
	dirs := fmt.Sprintf("<dir>%s</dir>", filepath.Dir(fontFile))
	rules := `<match target="pattern">
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>`
	if latinFile != "" {
		dirs += fmt.Sprintf("<dir>%s</dir>", filepath.Dir(latinFile))
		rules = `<match target="pattern">
    <test name="family"><string>Times New Roman</string></test>
    <edit name="family" mode="assign" binding="strong"><string>DejaVu Serif</string></edit>
  </match>
  <match target="pattern">
    <test name="family" compare="not_eq"><string>DejaVu Serif</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>`
	}
	pinned := fmt.Sprintf(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  %s
  <cachedir>%s</cachedir>
  %s
</fontconfig>
`, dirs, filepath.Join(dir, "fontcache"), rules)
	if err := os.WriteFile(conf, []byte(pinned), 0o644); err != nil {
		t.Fatal(err)
	}
	return []string{"HOME=" + dir, "FONTCONFIG_FILE=" + conf}
}

// dejaVuSerif is the file holding DejaVu Serif (fonts-dejavu-core), or "".
func dejaVuSerif() string {
	out, err := exec.Command("fc-list", "-f", "%{file}\n", "DejaVu Serif:style=Book").Output()
	if err != nil {
		return ""
	}
	for _, f := range strings.Fields(string(out)) {
		if strings.HasSuffix(f, "DejaVuSerif.ttf") {
			return f
		}
	}
	return ""
}

// titleBoxes are the 2号 lines at the top of the first page.
func titleBoxes(p bboxPage) []bboxLine {
	var out []bboxLine
	for _, l := range p.Lines {
		if h := l.YMax - l.YMin; h > 24 && h < 34 {
			out = append(out, l)
		}
	}
	return out
}

// checkTitleLines wants the title set on the given lines, centred, and
// when nianbao chose the breaks, none shorter than half the longest
// (GB/T 9704 §7.3.1: balanced, words whole). Breaks the drafter typed are
// theirs to balance.
func checkTitleLines(t *testing.T, lines []bboxLine, want []string, balanced bool) {
	t.Helper()
	var got []string
	longest := 0.0
	for _, l := range lines {
		got = append(got, l.text())
		longest = math.Max(longest, l.XMax-l.XMin)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("title lines %q, want %q", got, want)
	}
	for _, l := range lines {
		w := l.XMax - l.XMin
		if balanced && w < longest/2 {
			t.Errorf("title line %q is %.1f pt wide, less than half the longest (%.1f pt)", l.text(), w, longest)
		}
		centre := (l.XMin + l.XMax) / 2
		if mid := (stdLeft + 595.3 - stdRight) / 2; math.Abs(centre-mid) > 1.5*mmPt {
			t.Errorf("title line %q centred at %.1f pt, want %.1f pt", l.text(), centre, mid)
		}
	}
}

// checkSignature measures the 落款 against GB/T 9704 §7.3.5 within 1.5 mm:
// where unit and date sit across the line (counted in character cells of
// the 28-character grid from the left margin), how many lines below the
// text, and that they share a page with the last lines of text.
func checkSignature(t *testing.T, pages []bboxPage, unit, date string, sig model.Signature) {
	t.Helper()
	const tol = 1.5 * mmPt
	// The signature is the last body line reading as the unit (the title
	// may hold the unit too), followed by the date.
	page, at := -1, -1
	for pi, p := range pages {
		for li, l := range p.Lines {
			if l.body() && l.text() == unit {
				page, at = pi, li
			}
		}
	}
	if page < 0 || at+1 >= len(pages[page].Lines) || pages[page].Lines[at+1].text() != date {
		t.Fatalf("unit %q followed by date %q not found on the page", unit, date)
	}
	u, d := pages[page].Lines[at], pages[page].Lines[at+1]
	var last bboxLine
	for _, l := range pages[page].Lines[:at] {
		if l.body() {
			last = l
		}
	}
	if last.Words == nil {
		t.Errorf("the signature stands alone on page %d: no text above it", page+1)
	}
	cell := func(n float64) float64 { return stdLeft + n*bodyPitch }
	blank := 0
	switch sig {
	case model.SignatureSealed:
		// 成文日期右空四字; the unit centred over the date.
		if e := d.XMax - cell(lineChars-4); math.Abs(e) > tol {
			t.Errorf("sealed: date ends %.1f pt off 右空四字 (%.1f pt)", e, cell(lineChars-4))
		}
		if e := (u.XMin+u.XMax)/2 - (d.XMin+d.XMax)/2; math.Abs(e) > tol {
			t.Errorf("sealed: unit centred %.1f pt off the date's centre", e)
		}
		blank = sealedBlankLines
	case model.SignatureUnsealed:
		// Unit 右空二字; the date's first character two characters right
		// of the unit's. A date longer than the unit is 右空二字 instead,
		// the unit keeping its step of two characters to the left.
		if d.XMax-d.XMin > u.XMax-u.XMin+tol {
			if e := d.XMax - cell(lineChars-2); math.Abs(e) > tol {
				t.Errorf("unsealed, long date: date ends %.1f pt off 右空二字 (%.1f pt)", e, cell(lineChars-2))
			}
		} else if e := u.XMax - cell(lineChars-2); math.Abs(e) > tol {
			t.Errorf("unsealed: unit ends %.1f pt off 右空二字 (%.1f pt)", e, cell(lineChars-2))
		}
		if e := d.XMin - (u.XMin + 2*bodyPitch); math.Abs(e) > tol {
			t.Errorf("unsealed: date starts %.1f pt off two characters right of the unit", e)
		}
		blank = unsealedBlankLines
	}
	t.Logf("signature (%s): unit x %.1f–%.1f, date x %.1f–%.1f, unit %.2f lines below the text",
		sig, u.XMin, u.XMax, d.XMin, d.XMax, (u.YMin-last.YMin)/linePitch)
	if last.Words != nil {
		if e := u.YMin - last.YMin - float64(blank+1)*linePitch; math.Abs(e) > tol {
			t.Errorf("unit sits %.1f pt off %d blank line(s) below the text", e, blank)
		}
	}
	if e := d.YMin - u.YMin - linePitch; math.Abs(e) > tol {
		t.Errorf("date sits %.1f pt off the line below the unit", e)
	}
}

// checkPageNumberDash finds the first dash of the page number on the
// given pages by its ink (rendered at 288 dpi) and wants its stroke 7 mm
// (± 1 mm) below the type area's bottom edge (GB/T 9704 §7.5). Glyph boxes
// would not do: they give the font's ascent and descent, not the stroke.
func checkPageNumberDash(t *testing.T, pdf string, pages []bboxPage, numbers ...int) {
	t.Helper()
	pdftoppm := lookPath("pdftoppm")
	if pdftoppm == "" {
		t.Log("pdftoppm not installed: page-number height not measured")
		return
	}
	const scale = 4.0 // pixels per point at 288 dpi
	for _, n := range numbers {
		if n > len(pages) {
			t.Fatalf("no page %d", n)
		}
		var dash *bboxLine
		for i, l := range pages[n-1].Lines {
			if pageNumber(l.text()) {
				dash = &pages[n-1].Lines[i]
			}
		}
		if dash == nil {
			t.Errorf("page %d has no page number", n)
			continue
		}
		// The first dash only: the digits would add their own ink.
		x0, y0 := dash.XMin, dash.YMin-5
		w, h := 10.0, dash.YMax-dash.YMin+10
		dir := t.TempDir()
		out, err := exec.Command(pdftoppm, "-gray", "-r", "288", "-f", itoa(n), "-l", itoa(n),
			"-x", itoa(int(x0*scale)), "-y", itoa(int(y0*scale)), "-W", itoa(int(w*scale)), "-H", itoa(int(h*scale)),
			pdf, filepath.Join(dir, "dash")).CombinedOutput()
		if err != nil {
			t.Fatalf("pdftoppm: %v %s", err, out)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "dash*.pgm"))
		if len(files) != 1 {
			t.Fatalf("pdftoppm wrote %v", files)
		}
		rows, err := darkRows(files[0])
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			t.Errorf("page %d: no ink where the page number's dash should be", n)
			continue
		}
		sum := 0.0
		for _, r := range rows {
			sum += float64(r)
		}
		stroke := y0 + (sum/float64(len(rows))+0.5)/scale
		below := (stroke - (pages[n-1].Height - stdBottom)) / mmPt
		t.Logf("page %d: page-number dash %.2f mm below the type area", n, below)
		if math.Abs(below-7) > 1 {
			t.Errorf("page %d: page-number dash %.2f mm below the type area, want 7 ± 1 mm", n, below)
		}
	}
}

// darkRows reads a binary PGM (P5, 8 bit) and returns the rows holding ink.
func darkRows(path string) ([]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var w, h, maxv int
	var magic string
	n, err := fmt.Sscan(string(data), &magic, &w, &h, &maxv)
	if err != nil || n != 4 || magic != "P5" || maxv != 255 {
		return nil, fmt.Errorf("%s: not an 8-bit PGM (%v)", path, err)
	}
	px := data[len(data)-w*h:]
	var rows []int
	for y := 0; y < h; y++ {
		for _, v := range px[y*w : (y+1)*w] {
			if v < 128 {
				rows = append(rows, y)
				break
			}
		}
	}
	return rows, nil
}
