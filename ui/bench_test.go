package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// prose makes Chinese text of about n characters in ~80-character
// paragraphs with full-width punctuation, like a real report.
func prose(n int) string {
	const para = "一是深入推进严格规范公正文明执法，全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年办理行政处罚案件一百二十件。"
	var b strings.Builder
	count := 0
	for count < n {
		r := []rune(para)
		if rest := n - count; rest < len(r) {
			r = r[:rest]
		}
		b.WriteString(string(r))
		count += len(r)
		if count < n {
			b.WriteString("\n")
			count++
		}
	}
	return b.String()
}

// BenchmarkAppKeystroke is one key through the whole program — tree, status
// bar, figures, findings panel — with N characters in the report, spread
// over every section. Insert and delete alternate so the size stays put.
func BenchmarkAppKeystroke(b *testing.B) {
	for _, n := range []int{2000, 10000, 50000} {
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			tm := stdTemplate(b)
			r := model.NewReport(tm)
			r.Unit, r.Year = "绩溪县", 2024
			secs := tm.Flatten()
			for _, s := range secs {
				r.SetText(s.ID, prose(n/len(secs)))
			}
			a := newTestApp(b, r, tm, "", 100, 30)
			a.openSection(a.c.index["disputes"], focusProse) // the section with most figures
			a.showFindings = true
			a.relayout()
			ins := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("字")}
			del := tea.KeyMsg{Type: tea.KeyBackspace}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				if i%2 == 0 {
					a.Update(ins)
				} else {
					a.Update(del)
				}
				_ = a.View()
			}
		})
	}
}

// BenchmarkAppKeystrokeLongSection types into one 20,000-character section
// (a pasted chapter of last year's report) with the cursor in the middle.
func BenchmarkAppKeystrokeLongSection(b *testing.B) {
	tm := stdTemplate(b)
	r := model.NewReport(tm)
	r.Unit, r.Year = "绩溪县", 2024
	r.SetText("enforcement", prose(20000))
	a := newTestApp(b, r, tm, "", 100, 30)
	a.openSection(a.c.index["enforcement"], focusProse)
	for range 60 {
		a.Update(tea.KeyMsg{Type: tea.KeyPgUp}) // move the cursor towards the middle
	}
	ins := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("字")}
	del := tea.KeyMsg{Type: tea.KeyBackspace}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			a.Update(ins)
		} else {
			a.Update(del)
		}
		_ = a.View()
	}
}
