package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/ui/cjkwrap"
)

// prompt is a question the drafter must answer before editing goes on: a
// recovery file was found, another nianbao has the draft open, the draft's
// template has a newer version, the file changed on disk. Nothing happens
// until one of its choices is pressed, so no file is deleted or rewritten
// behind the drafter's back.
type prompt struct {
	title   string
	lines   []string     // wrapped to the dialog
	items   []promptItem // one row each, the label shortened to fit
	after   []string     // wrapped, below the items
	choices []choice
}

// promptItem is a row such as "· 主要举措和成效：5 → 15 字": the value
// must stay whole, so the label gives way on a narrow screen.
type promptItem struct{ label, value string }

// choice is one answer: the keys that pick it, its label, and what it does.
type choice struct {
	keys  []string
	label string // shown as "[keys[0]] label"
	do    func() tea.Cmd
}

// promptFunc builds a prompt when its turn comes, or returns nil when the
// question no longer applies (e.g. migration after the drafter restored a
// recovery file written against the new template).
type promptFunc func() *prompt

// promptView draws the prompt as a dialog, wrapping its lines to the pane.
func (a *App) promptView() string {
	p := a.dialogs.prompt
	if p == nil {
		return ""
	}
	w := max(10, a.lay.innerW-6)
	wrap := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			if l == "" {
				out = append(out, "")
				continue
			}
			out = append(out, cjkwrap.Lines(l, w)...)
		}
		return out
	}
	lines, after := wrap(p.lines), wrap(p.after)
	var items []string
	for _, it := range p.items {
		room := w - 2 - ansi.StringWidth(it.value)
		items = append(items, "· "+ansi.Truncate(it.label, max(2, room), "…")+it.value)
	}
	var labels []string
	for _, c := range p.choices {
		labels = append(labels, "["+c.keys[0]+"] "+c.label)
	}
	choices := cjkwrap.Lines(strings.Join(labels, "    "), w)
	// On a short pane the answers always show; then the items (what
	// differs), then as much explanation as fits; the footnote goes first.
	room := a.lay.innerH - 6 - len(choices)
	if len(lines)+len(items)+len(after) > room {
		after = nil
	}
	if over := len(lines) + len(items) - room; over > 0 {
		keep := max(1, len(lines)-over)
		if keep < len(lines) {
			lines = append(lines[:keep-1:keep-1], "……")
		}
	}
	if over := len(lines) + len(items) - room; over > 0 && len(items) > 0 {
		keep := max(0, len(items)-over-1)
		items = append(items[:keep:keep], "……")
	}
	body := append(append(append(lines, items...), after...), "")
	body = append(body, choices...)
	return a.dialog(ansi.Truncate(p.title, w, "…"), strings.Join(body, "\n"))
}

// promptLabels is the help line while a prompt is shown.
func (a *App) promptLabels() string {
	if a.dialogs.prompt == nil {
		return ""
	}
	var labels []string
	for _, c := range a.dialogs.prompt.choices {
		labels = append(labels, c.keys[0]+" "+c.label)
	}
	return strings.Join(labels, " • ")
}
