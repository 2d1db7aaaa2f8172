package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

// figureLine is the 1-based line of "  id:" in a saved draft, 0 if absent.
func figureLine(data []byte, id string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "  "+id+":") {
			return i + 1
		}
	}
	return 0
}

// checkFigureLines runs `nianbao check --format json` on path and returns
// the line of each figure finding of rule, by figure id.
func checkFigureLines(t *testing.T, path, rule string) map[string]int {
	t.Helper()
	code, out, errOut := run(t, "check", "--format", "json", path)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	var rep struct {
		Files []struct {
			Findings []struct {
				Rule   string `json:"rule"`
				Figure string `json:"figure"`
				Line   int    `json:"line"`
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range rep.Files[0].Findings {
		if f.Rule == rule && f.Figure != "" {
			got[f.Figure] = f.Line
		}
	}
	return got
}

// TestSavedFiguresOnePerLine (issue 20): a new draft is saved with
// "figures: {}"; once figures are filled they used to stay in that flow
// style, all on one line, so a diff showed every figure changed and check
// pointed every figure finding at that one line. Now each figure is written
// on its own line and check's findings carry that line; a draft written in
// flow style still reads.
func TestSavedFiguresOnePerLine(t *testing.T) {
	tp, err := templates.LookupID("standard")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "草稿.yaml")
	r := model.NewReport(tp)
	r.Unit, r.Year = "青山县人民政府", 2025
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "figures: {}") {
		t.Fatalf("a new draft no longer starts with an empty flow map, so this test no longer covers the bug:\n%s", data)
	}

	r, err = model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{"major_decisions": "-3", "legality_reviews": "-5", "normative_docs_filed": "-7"}
	for id, v := range bad {
		n, err := model.ParseNumber(v)
		if err != nil {
			t.Fatal(err)
		}
		r.SetFigure(id, n)
	}
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "figures: {") {
		t.Errorf("figures saved in flow style:\n%s", data)
	}
	lines := map[int]bool{}
	for id := range bad {
		n := figureLine(data, id)
		if n == 0 {
			t.Fatalf("%s is not on a line of its own:\n%s", id, data)
		}
		lines[n] = true
	}
	if len(lines) != len(bad) {
		t.Errorf("figures share lines: %v", lines)
	}

	got := checkFigureLines(t, path, "figure.bounds")
	for id := range bad {
		if want := figureLine(data, id); got[id] != want {
			t.Errorf("finding on %s at line %d, want its own line %d (all: %v)", id, got[id], want, got)
		}
	}

	// A draft written in flow style by hand or by an older nianbao reads
	// and checks as before, and its next save is block style.
	flow := filepath.Join(dir, "旧稿.yaml")
	writeFile(t, flow, []byte("template: {id: standard, version: 1}\nunit: 青山县人民政府\nyear: 2025\nfigures: {major_decisions: -3, legality_reviews: -5}\n"))
	if got := checkFigureLines(t, flow, "figure.bounds"); got["major_decisions"] != 4 || got["legality_reviews"] != 4 {
		t.Errorf("flow-style draft: findings %v, want both figures on line 4", got)
	}
	old, err := model.LoadReport(flow)
	if err != nil {
		t.Fatal(err)
	}
	if old.Figures["legality_reviews"].Value != -5 {
		t.Errorf("flow-style figures read as %v", old.Figures)
	}
	old.SetText("measures", "全年推进依法行政。")
	if err := old.Save(flow); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(flow)
	if figureLine(data, "major_decisions") == 0 || figureLine(data, "legality_reviews") == 0 {
		t.Errorf("a flow-style draft keeps its figures on one line after a save:\n%s", data)
	}
}
