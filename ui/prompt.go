package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
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

// ask queues prompts; the first one is shown at once.
func (a *App) ask(ps ...promptFunc) tea.Cmd {
	if len(ps) == 0 {
		return nil
	}
	a.dialogs.queue = append(a.dialogs.queue, ps...)
	return a.nextPrompt()
}

// nextPrompt shows the next queued prompt that still applies, or returns
// to where the drafter was.
func (a *App) nextPrompt() tea.Cmd {
	if a.dialogs.next() {
		if a.state != statePrompt {
			a.dialogs.back = a.state
		}
		a.state = statePrompt
		a.blurAll()
		return nil
	}
	if a.state == statePrompt {
		a.state = a.dialogs.back
		if a.state == statePrompt {
			a.state = stateEdit
		}
	}
	return a.focusCmd()
}

// replacePrompt swaps the prompt on screen for another (a second, more
// explicit step of the same question) without touching the queue.
func (a *App) replacePrompt(p *prompt) {
	a.dialogs.prompt = p
	a.state = statePrompt
}

// updatePrompt runs the answer a key picks. The answer changes the root
// at once (it may open save as, rebuild the editor or quit), not through
// a message: a key typed right after would otherwise reach the question
// already answered.
func (a *App) updatePrompt(k tea.KeyMsg) tea.Cmd {
	if a.dialogs.prompt == nil {
		return a.nextPrompt()
	}
	c, ok := a.dialogs.prompt.choiceFor(k)
	if !ok {
		return nil
	}
	// Take the prompt down first: the choice may open another screen
	// (save as), show a confirmation step, rebuild the editor or quit.
	a.dialogs.prompt, a.state = nil, a.dialogs.back
	before := a.state
	cmd := c.do()
	switch {
	case a.dialogs.prompt != nil || a.quitting:
		return cmd
	case len(a.dialogs.queue) > 0:
		return tea.Batch(cmd, a.nextPrompt())
	case a.state == before:
		return tea.Batch(cmd, a.focusCmd())
	}
	return cmd
}

// blurAll takes focus from every input while a prompt owns the keys.
func (a *App) blurAll() {
	if ed := a.prose.editors[a.current().ID]; ed != nil {
		ed.Blur()
	}
	if a.figures != nil {
		a.figures.Blur()
	}
	a.meta.Blur()
	a.dialogs.blur()
	a.tree.focused, a.findings.focused = false, false
}

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
			out = append(out, wrapCJK(l, w)...)
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
	choices := wrapCJK(strings.Join(labels, "    "), w)
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
