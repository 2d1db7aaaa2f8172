package ui

import (
	"flag"
	"path/filepath"
	"testing"

	"nianbao/internal/golden"
	"nianbao/model"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata")

// TestGoldenScreens pins a few 80x24 screens (ANSI stripped). Run with
// -update after an intended change and review the diff.
func TestGoldenScreens(t *testing.T) {
	tm := stdTemplate(t)
	filled := func() *model.Report {
		r := draft(t, tm)
		r.SetText("decisions", "全年提请政府常务会议审议的重大行政决策事项12件，均经过合法性审查。\n严格执行规范性文件备案审查制度。")
		r.SetFigure("major_decisions", model.Number{Value: 12, Text: "12"})
		r.Hints = map[string]model.Number{"legality_reviews": {Value: 40, Text: "40"}}
		r.Cursor = "decisions"
		return r
	}
	cases := []struct {
		name string
		r    func() *model.Report
		keys []string
		w, h int
	}{
		{"meta_form", func() *model.Report { return model.NewReport(tm) }, nil, 80, 24},
		{"section", filled, nil, 80, 24},
		{"figure_error", filled, []string{"tab", "tab", "x"}, 80, 24},
		{"findings", filled, []string{"f2"}, 80, 24},
		{"preview", filled, []string{"f3"}, 80, 24},
		{"help", filled, []string{"f1"}, 80, 24},
		{"confirm_quit", filled, []string{"。", "ctrl+q"}, 80, 24},
		{"too_small", filled, nil, 50, 12},
		{"section_100x30", filled, nil, 100, 30},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := newTestApp(t, tc.r(), tm, filepath.Join(t.TempDir(), "绩溪县.yaml"), tc.w, tc.h)
			drain(t, a, a.Init())
			press(t, a, tc.keys...)
			got := screen(a)
			file := filepath.Join("testdata", tc.name+".txt")
			golden.Check(t, file, got, *update)
		})
	}
}
