package ingest

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// FigureLines, found by one search of the cleaned text per figure, are
// the lines a search of each kept line finds: the first line holding the
// figure's sentence. Text files number their lines from 1, so the kept
// line k of Result.Text is line k+1.
func TestFigureLinesAreFirstLineHoldingSentence(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.txt"))
	paths = append(paths, filepath.Join("testdata", "defects.txt"), filepath.Join("testdata", "defects-gbk.txt"))
	figures := 0
	for _, path := range paths {
		doc, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Import(doc, loadTemplate(t, "standard"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(res.Text, "\n")
		for id, sent := range res.Report.Sources {
			want := 0
			for k, l := range lines {
				if strings.Contains(l, sent) {
					want = k + 1
					break
				}
			}
			if got := res.FigureLines[id]; got != want {
				t.Errorf("%s: figure %s at line %d, want %d (%q)", path, id, got, want, sent)
			}
			figures++
		}
	}
	if figures == 0 {
		t.Fatal("no figure read: the test shows nothing")
	}
}

func TestIndexByASCIIEqualsIndex(t *testing.T) {
	pieces := []string{"办理", "案件", "1", "2", "件", "，", "。", "a", "12件", "\n"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 50000 {
		var s, sub strings.Builder
		for range rng.IntN(12) {
			s.WriteString(pieces[rng.IntN(len(pieces))])
		}
		for range rng.IntN(4) {
			sub.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if got, want := indexByASCII(s.String(), sub.String()), strings.Index(s.String(), sub.String()); got != want {
			t.Fatalf("indexByASCII(%q, %q) = %d, want %d", s.String(), sub.String(), got, want)
		}
	}
}

// A report typed with full-width digits gives its figures' sentences as
// written, on the lines the ASCII-typed report gives.
func TestFullWidthFigureLines(t *testing.T) {
	data := "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n（一）化解行政争议\n全年收到行政复议申请５２件，审结４８件。\n（二）普法\n全年组织普法活动１３６场。\n"
	fold := strings.NewReplacer("５", "5", "２", "2", "４", "4", "８", "8", "１", "1", "３", "3", "６", "6")
	read := func(text string) *Result {
		doc, err := Read("r.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Import(doc, loadTemplate(t, "standard"))
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	full, ascii := read(data), read(fold.Replace(data))
	for _, id := range []string{"review_received", "review_decided", "publicity_events"} {
		if full.Report.Figures[id] != ascii.Report.Figures[id] || full.FigureLines[id] != ascii.FigureLines[id] || full.FigureLines[id] == 0 {
			t.Errorf("%s: full-width %v at line %d, ASCII %v at line %d", id,
				full.Report.Figures[id], full.FigureLines[id], ascii.Report.Figures[id], ascii.FigureLines[id])
		}
		if s := full.Report.Sources[id]; !strings.Contains(data, s) || s == "" {
			t.Errorf("%s: source %q is not the sentence as written", id, s)
		}
	}
}
