package ui

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/model"
)

// checkDelay is how long typing must pause before the check runs: the check
// reads the whole report, so running it per key would make typing cost grow
// with the report's length.
const checkDelay = 300 * time.Millisecond

type checkFunc func(*model.Template, *model.Report) check.Result

// checkTickMsg fires checkDelay after an edit; only the latest one (by
// sequence number) starts a check.
type checkTickMsg struct{ seq int }

// checkDoneMsg carries a finished check back to the root.
type checkDoneMsg struct {
	seq int
	res check.Result
}

// checkTickCmd schedules the debounced check for edit number seq.
func checkTickCmd(seq int) tea.Cmd {
	return tea.Tick(checkDelay, func(time.Time) tea.Msg { return checkTickMsg{seq: seq} })
}

// runCheckCmd checks a snapshot off the update loop, so a slow check never
// blocks typing and never races with edits.
func runCheckCmd(fn checkFunc, t *model.Template, snap *model.Report, seq int) tea.Cmd {
	return func() tea.Msg { return checkDoneMsg{seq: seq, res: fn(t, snap)} }
}

// localCheck covers the required-content rules until the check engine
// lands, so the tree marks and completeness work from the start.
func localCheck(t *model.Template, r *model.Report) check.Result {
	var res check.Result
	total, ok := 0, 0
	for _, s := range t.Flatten() {
		if s.Required && len(s.Sections) == 0 {
			total++
			n := utf8.RuneCountInString(strings.TrimSpace(r.Text(s.ID)))
			switch {
			case n == 0:
				res.Findings = append(res.Findings, check.Finding{Rule: "section.missing", Severity: check.Error,
					Section: s.ID, Message: fmt.Sprintf("必填章节“%s”尚未填写", s.Title)})
			case n < s.MinChars:
				res.Findings = append(res.Findings, check.Finding{Rule: "section.short", Severity: check.Warning,
					Section: s.ID, Message: fmt.Sprintf("“%s”只有 %d 字，建议不少于 %d 字", s.Title, n, s.MinChars)})
				ok++
			default:
				ok++
			}
		}
		for _, f := range s.Figures {
			v, has := r.Figure(f.ID)
			if f.Required {
				total++
				if has {
					ok++
				} else {
					res.Findings = append(res.Findings, check.Finding{Rule: "figure.missing", Severity: check.Error,
						Section: s.ID, Figure: f.ID, Message: fmt.Sprintf("必填数字“%s”未填写", f.Label)})
				}
			}
			if has && f.Rate != nil {
				res.Findings = append(res.Findings, rateFinding(r, s, f, v)...)
			}
		}
	}
	if total > 0 {
		res.Completeness = math.Round(float64(ok) / float64(total) * 100)
	}
	return res
}

func rateFinding(r *model.Report, s *model.Section, f *model.Figure, stated model.Number) []check.Finding {
	num, ok := r.Figure(f.Rate.Numerator)
	if !ok {
		return nil
	}
	var first *float64
	for _, d := range f.Rate.Denominators {
		den, ok := r.Figure(d)
		if !ok || den.Value == 0 {
			continue
		}
		v := num.Value / den.Value * 100
		if math.Abs(v-stated.Value) <= f.Rate.EffectiveTolerance() {
			return nil
		}
		if first == nil {
			first = &v
		}
	}
	if first == nil {
		return nil
	}
	sv := stated.Value
	return []check.Finding{{Rule: "figure.rate", Severity: check.Error, Section: s.ID, Figure: f.ID,
		Message:  fmt.Sprintf("“%s”写的是 %s%%，按件数计算为 %.2f%%", f.Label, stated.Text, *first),
		Stated:   &sv,
		Computed: first}}
}
