package ui

import (
	"strings"
	"testing"

	"nianbao/check"
	"nianbao/model"
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
