package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/internal/benchtext"
	"nianbao/model"
)

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
				r.SetText(s.ID, benchtext.Prose(n/len(secs)))
			}
			a := newTestApp(b, r, tm, "", 100, 30)
			a.openSection(a.c.index["disputes"], focusProse) // the section with most figures
			a.shown.findings = true
			a.relayout()
			typeAndErase(b, a)
		})
	}
}

// BenchmarkAppKeystrokeLongSection types into one 20,000-character section
// (a pasted chapter of last year's report) with the cursor in the middle.
func BenchmarkAppKeystrokeLongSection(b *testing.B) {
	tm := stdTemplate(b)
	r := model.NewReport(tm)
	r.Unit, r.Year = "绩溪县", 2024
	r.SetText("enforcement", benchtext.Prose(20000))
	a := newTestApp(b, r, tm, "", 100, 30)
	a.openSection(a.c.index["enforcement"], focusProse)
	for range 60 {
		a.Update(tea.KeyMsg{Type: tea.KeyPgUp}) // move the cursor towards the middle
	}
	typeAndErase(b, a)
}

// typeAndErase is the measured loop: one key through Update and View,
// inserting and deleting in turn so the text keeps its size.
func typeAndErase(b *testing.B, a *App) {
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
