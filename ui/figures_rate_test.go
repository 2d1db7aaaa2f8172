package ui

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/check"
	"nianbao/model"
	"nianbao/templates"
)

// TestFiguresPaneAgreesWithCheck: the pane marks a rate 不符 exactly when
// check reports it, e.g. 1913 of 1927 stated as 99 (truncated 99.27) is
// consistent in both.
func TestFiguresPaneAgreesWithCheck(t *testing.T) {
	tm := stdTemplate(t)
	s := tm.Section("disputes")
	cases := []struct {
		name           string
		num, den       float64
		stated         string
		wantMismatched bool
	}{
		{"truncated to integer", 1913, 1927, "99", false},
		{"two decimals truncated", 1913, 1927, "99.27", false},
		{"rounded up", 2, 23, "8.70", false},
		{"truncated", 2, 23, "8.69", false},
		{"wrong", 6196, 7004, "98", true},
		{"one point off", 110, 120, "92.7", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := draft(t, tm)
			r.SetFigure("mediation_succeeded", model.NumberOf(tc.num))
			r.SetFigure("mediation_received", model.NumberOf(tc.den))
			n, err := model.ParseNumber(tc.stated)
			if err != nil {
				t.Fatal(err)
			}
			r.SetFigure("mediation_success_rate", n)
			m := newFigures(newCommon(r, tm), s)
			var note string
			for i := range m.fields {
				if m.fields[i].fig.ID == "mediation_success_rate" {
					note, _ = m.note(&m.fields[i])
				}
			}
			if note == "" {
				t.Fatal("no note for the rate")
			}
			if got := strings.Contains(note, "不符"); got != tc.wantMismatched {
				t.Errorf("pane note %q, want mismatch %v", note, tc.wantMismatched)
			}
			var flagged bool
			for _, f := range check.Report(tm, r).Findings {
				if f.Rule == check.RuleFigureRate && f.Figure == "mediation_success_rate" {
					flagged = true
				}
			}
			if flagged != tc.wantMismatched {
				t.Errorf("check flagged %v, want %v", flagged, tc.wantMismatched)
			}
		})
	}
}

// TestFiguresPaneMarksEqualCheckFindings: over every rate figure of the
// shipped templates and a grid of counts and stated rates (exact, rounded,
// truncated, a little off, a decimal point off, over the other
// denominator), the rows the figures pane draws with 不符 are exactly the
// figures check reports under figure.rate.
func TestFiguresPaneMarksEqualCheckFindings(t *testing.T) {
	counts := [][2]float64{{0, 3}, {1, 3}, {2, 23}, {5, 48}, {44, 48}, {1913, 1927}, {7004, 7004}}
	stated := func(v float64) []string {
		out := []string{
			strconv.FormatFloat(v, 'f', 2, 64),
			strconv.FormatFloat(v, 'f', 1, 64),
			strconv.FormatFloat(v, 'f', 0, 64),
			strconv.FormatFloat(math.Trunc(v), 'f', 0, 64),
			strconv.FormatFloat(math.Trunc(v*100)/100, 'f', 2, 64),
			strconv.FormatFloat(v+0.1, 'f', 2, 64),
			strconv.FormatFloat(v+1, 'f', 1, 64),
			strconv.FormatFloat(v/10, 'f', 2, 64),
		}
		return out
	}
	seen := map[bool]int{} // cases by whether the stated rate was flagged
	for _, name := range []string{"standard", "department"} {
		tm, err := templates.Embedded(name)
		if err != nil {
			t.Fatal(err)
		}
		rates := 0
		for _, s := range tm.Flatten() {
			for _, fig := range s.Figures {
				if fig.Rate == nil {
					continue
				}
				rates++
				for _, c := range counts {
					for di := range fig.Rate.Denominators {
						v := c[0] / c[1] * 100
						for _, text := range stated(v) {
							r := draft(t, tm)
							r.SetFigure(fig.Rate.Numerator, model.NumberOf(c[0]))
							for dj, d := range fig.Rate.Denominators {
								den := c[1]
								if dj != di {
									den = c[1] + 2 // the stated rate is over denominator di
								}
								r.SetFigure(d, model.NumberOf(den))
							}
							n, err := model.ParseNumber(text)
							if err != nil || n.Value > 100 {
								continue
							}
							r.SetFigure(fig.ID, n)
							pane := paneMismatches(tm, r, s)
							flagged := map[string]bool{}
							for _, f := range check.Report(tm, r).Findings {
								if f.Rule == check.RuleFigureRate {
									flagged[f.Figure] = true
								}
							}
							seen[flagged[fig.ID]]++
							for _, f := range s.Figures {
								if pane[f.ID] != flagged[f.ID] {
									t.Errorf("%s %s: %s=%g, denominators %v, stated %s: pane 不符 %v, check %v",
										name, f.ID, fig.Rate.Numerator, c[0], fig.Rate.Denominators, text, pane[f.ID], flagged[f.ID])
								}
							}
						}
					}
				}
			}
		}
		if rates == 0 {
			t.Fatalf("template %s has no rate figures to compare", name)
		}
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Fatalf("the grid must hold both agreeing and mismatched rates: %v", seen)
	}
	t.Logf("cases: %d flagged, %d consistent", seen[true], seen[false])
}

// paneMismatches draws section s's figures pane and returns the figures
// whose row is marked 不符.
func paneMismatches(tm *model.Template, r *model.Report, s *model.Section) map[string]bool {
	m := newFigures(newCommon(r, tm), s)
	m.SetSize(300, len(s.Figures)+2)
	rows := strings.Split(ansi.Strip(m.View()), "\n")
	out := map[string]bool{}
	for i, f := range s.Figures {
		out[f.ID] = i < len(rows) && strings.Contains(rows[i], "不符")
	}
	return out
}
