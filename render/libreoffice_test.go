package render

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// TestDOCXInLibreOffice converts the sample to PDF with LibreOffice and
// reads it back with pdftotext: the file opens, has pages, carries the
// text, numbers the pages and sets 28 characters a line.
//
// Needs: apt-get install libreoffice-writer poppler-utils fonts-noto-cjk.
// To keep a PNG of page 1 for looking at it, set NIANBAO_PAGE_PNG to a
// directory: NIANBAO_PAGE_PNG=/tmp go test ./render -run LibreOffice
func TestDOCXInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: LibreOffice conversion takes seconds")
	}
	soffice := lookPath("soffice", "libreoffice")
	pdftotext := lookPath("pdftotext")
	if soffice == "" || pdftotext == "" {
		t.Skip("LibreOffice (soffice) or pdftotext not installed; install libreoffice-writer and poppler-utils to run this test")
	}
	dir := t.TempDir()
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	docx := filepath.Join(dir, "report.docx")
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if _, err := ExportFile(docx, FormatDOCX, tpl, r, Options{}, true); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Its own profile and HOME, so a running LibreOffice or a parallel test
	// does not lock the conversion.
	cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "pdf", "--outdir", dir, docx)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := filepath.Join(dir, "report.pdf")
	txt, err := exec.CommandContext(ctx, pdftotext, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimRight(string(txt), "\f"), "\f")
	if len(pages) == 0 || strings.TrimSpace(pages[0]) == "" {
		t.Fatal("PDF has no pages with text")
	}
	flat := strings.Join(strings.Fields(string(txt)), "")
	for _, want := range []string{r.DisplayTitle(tpl), "一、上一年度推进法治政府建设的主要举措和成效", "暂无。", "2025年3月1日", "—1—"} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if len(pages) > 1 && !strings.Contains(flat, "—2—") {
		t.Error("second page has no page number")
	}

	// 28 characters a line. Lines that end in punctuation may squeeze a
	// 28th character in anyway, so count: full lines made only of Chinese
	// characters must mostly have 28, not 27 (without the 0.25 pt
	// condensing in the styles LibreOffice sets 27).
	lengths := map[int]int{}
	for _, line := range strings.Split(string(txt), "\n") {
		line = strings.TrimSpace(line)
		n := 0
		for _, c := range line {
			if c < 0x2000 || unicode.IsSpace(c) {
				n = -1
				break
			}
			n++
		}
		lengths[n]++
	}
	if lengths[28] < 3 || lengths[27] >= lengths[28] || lengths[29] > 0 {
		if out, _ := exec.Command("fc-list", ":lang=zh", "family").Output(); len(out) > 0 {
			t.Errorf("full lines: %d of 28 characters, %d of 27, %d of 29; want mostly 28", lengths[28], lengths[27], lengths[29])
		} else {
			t.Logf("no Chinese fonts installed; line length not checked (%v)", lengths)
		}
	}

	if png := os.Getenv("NIANBAO_PAGE_PNG"); png != "" {
		if pdftoppm := lookPath("pdftoppm"); pdftoppm != "" {
			out, err := exec.CommandContext(ctx, pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "2", pdf, filepath.Join(png, "nianbao-page")).CombinedOutput()
			if err != nil {
				t.Errorf("pdftoppm: %v %s", err, out)
			}
			t.Logf("page images written to %s/nianbao-page-*.png", png)
		}
	}
}

func lookPath(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}
