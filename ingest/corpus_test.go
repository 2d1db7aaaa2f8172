package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

const corpusDir = "../../shared/corpus"

func loadTemplate(t testing.TB, id string) *model.Template {
	t.Helper()
	tpl, err := templates.Embedded(id)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

// TestCorpus imports the published reports of the reference corpus: every
// top-level part must map to a template section and no report character may
// be lost.
func TestCorpus(t *testing.T) {
	cases := []struct {
		file, template string
		unit           string
		mapping        map[int]string     // heading line → section
		figures        map[string]float64 // figures that must be read
	}{
		{"dongchangfu-sfj-2023.txt", "department", "东昌府区司法局",
			map[int]string{4: "measures", 5: "leadership", 6: "decisions", 7: "enforcement", 8: "disputes", 9: "disputes", 10: "publicity", 11: "shortcomings", 15: "plans"},
			map[string]float64{"litigation_loss_rate": 3.5, "publicity_events": 200}},
		{"dongchangfu-sfj-2023.txt", "standard", "东昌府区司法局",
			map[int]string{4: "measures", 5: "measures", 6: "decisions", 8: "disputes", 11: "shortcomings", 15: "plans"},
			map[string]float64{"review_received": 142, "review_correction_rate": 6.5, "head_appearance_rate": 100, "litigation_loss_rate": 3.5}},
		{"jixi-county-2023.txt", "standard", "绩溪县",
			map[int]string{16: "measures", 18: "leadership", 26: "functions", 34: "decisions", 40: "enforcement", 48: "disputes", 54: "publicity", 56: "supervision", 60: "shortcomings", 70: "plans", 84: "other"},
			map[string]float64{"litigation_cases": 23, "litigation_lost": 2, "litigation_loss_rate": 8.69, "mediation_received": 1927, "mediation_succeeded": 1913, "mediation_success_rate": 99.27, "major_decisions": 29, "normative_docs_filed": 20}},
	}
	for _, c := range cases {
		t.Run(c.file+"/"+c.template, func(t *testing.T) {
			path := filepath.Join(corpusDir, c.file)
			if _, err := os.Stat(path); err != nil {
				t.Skip("corpus absent:", err)
			}
			doc, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(doc, loadTemplate(t, c.template))
			if err != nil {
				t.Fatal(err)
			}
			r := res.Report
			t.Logf("unit=%q year=%d title=%q override=%q", r.Unit, r.Year, res.Title, r.Title)
			for _, m := range res.Mapping {
				t.Logf("map L%d level%d %-8s %-12s %q", m.Line, m.Level, m.How, m.Section, clipRunes(m.Heading, 30))
			}
			for _, id := range sortedIDs(r.Figures) {
				t.Logf("figure %s = %s  ← %q", id, r.Figures[id].Text, clipRunes(r.Sources[id], 60))
			}
			for _, d := range res.Dropped {
				t.Logf("dropped L%d %s: %q", d.Line, d.Reason, d.Text)
			}
			t.Logf("unmatched %d chars: %q", len([]rune(r.Unmatched)), r.Unmatched)
			t.Logf("section lines %v", res.SectionLines)
			for _, m := range res.Mapping {
				if m.Level == 1 && m.Section == "" {
					t.Errorf("top-level part %q not mapped", m.Heading)
				}
				if want, ok := c.mapping[m.Line]; ok && m.Section != want {
					t.Errorf("line %d %q → %q, want %q", m.Line, clipRunes(m.Heading, 20), m.Section, want)
				}
			}
			for id, want := range c.figures {
				if got := r.Figures[id]; got.Value != want {
					t.Errorf("figure %s = %v, want %v", id, got.Value, want)
				}
			}
			if r.Unit != c.unit || r.Year != 2023 || strings.TrimSpace(r.Unmatched) != "" {
				t.Errorf("unit %q year %d unmatched %q", r.Unit, r.Year, r.Unmatched)
			}
			assertNoLoss(t, doc, res)
		})
	}
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func sortedIDs[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// assertNoLoss compares the multiset of non-space characters of the source
// (minus the recorded dropped pieces) with what the import kept: section
// texts, title, unmatched text, the date and the heading text the mapping
// records as removed.
func assertNoLoss(t *testing.T, doc *Document, res *Result) {
	t.Helper()
	src := map[rune]int{}
	count(src, doc.Text(), 1)
	for _, d := range res.Dropped {
		count(src, d.Text, -1)
	}
	got := map[rune]int{}
	r := res.Report
	for _, s := range r.Sections {
		count(got, s, 1)
	}
	count(got, r.Unmatched, 1)
	count(got, res.Title, 1)
	count(got, res.Date, 1)
	count(got, res.Signature, 1)
	for _, m := range res.Mapping {
		count(got, m.Removed, 1)
	}
	var diff []string
	for k, v := range src {
		if got[k] != v {
			diff = append(diff, string(k)+":"+itoa(v)+"→"+itoa(got[k]))
		}
	}
	for k, v := range got {
		if _, ok := src[k]; !ok {
			diff = append(diff, string(k)+":0→"+itoa(v))
		}
	}
	if len(diff) > 0 {
		sort.Strings(diff)
		t.Errorf("characters differ (source→imported): %s", strings.Join(diff, " "))
	}
}

func count(m map[rune]int, s string, d int) {
	for _, r := range s {
		if !isSpace(r) {
			m[r] += d
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
