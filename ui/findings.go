package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/check"
	"nianbao/ui/cjkwrap"
)

// findingsPanel lists the latest check result; enter jumps to a finding.
type findingsPanel struct {
	c             *common
	items         []check.Finding
	cursor        int
	offset        int
	focused       bool
	width, height int
}

// jumpMsg asks the root to open a section (and figure) from a finding.
// quote is text the finding names (its first “…”), where the cursor goes;
// for a publish finding, publish is the finding (its message masks the
// text, so the cursor is put by its position instead).
type jumpMsg struct {
	section, figure, quote string
	publish                check.Finding
}

// findingQuote is the first passage a finding's message quotes in “…”,
// the text the drafter has to change.
func findingQuote(f check.Finding) string {
	_, rest, ok := strings.Cut(f.Message, "“")
	if !ok {
		return ""
	}
	q, _, ok := strings.Cut(rest, "”")
	if !ok {
		return ""
	}
	return q
}

func newFindings(c *common) *findingsPanel { return &findingsPanel{c: c} }

func (p *findingsPanel) SetSize(w, h int) { p.width, p.height = w, h; p.scroll() }

func (p *findingsPanel) setResult(res check.Result) {
	// Most serious first, then in report order (check returns report order).
	p.items = p.items[:0]
	for sev := check.Error; sev >= check.Info; sev-- {
		for _, f := range res.Findings {
			if f.Severity == sev {
				p.items = append(p.items, f)
			}
		}
	}
	p.cursor = max(0, min(p.cursor, len(p.items)-1))
	p.scroll()
}

func (p *findingsPanel) scroll() {
	p.offset = scrollOffset(p.cursor, p.offset, p.height-1, len(p.items))
}

func (p *findingsPanel) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	keys := p.c.keys
	if next, ok := moveListCursor(k, keys, p.cursor, p.height, len(p.items)); ok {
		p.cursor = next
		p.scroll()
		return nil
	}
	switch {
	case key.Matches(k, keys.Enter) && len(p.items) > 0:
		f := p.items[p.cursor]
		sec := f.Section
		if sec == "" && len(f.Sections) > 0 {
			sec = f.Sections[0] // a summarised finding: go to its first place
		}
		j := jumpMsg{section: sec, figure: f.Figure}
		if check.IsPublishRule(f.Rule) {
			j.publish = f
		} else {
			j.quote = findingQuote(f)
		}
		return func() tea.Msg { return j }
	case key.Matches(k, keys.Mask) && p.canMask():
		f := p.items[p.cursor]
		return func() tea.Msg { return maskMsg{f: f} }
	}
	p.cursor = max(0, min(p.cursor, len(p.items)-1))
	p.scroll()
	return nil
}

// rowsWanted is how many rows the panel needs to show every finding: the
// header, one row each, and the selected finding's wrapped rows when the
// panel has the keyboard.
func (p *findingsPanel) rowsWanted(width int, focused bool) int {
	n := 1 + len(p.items)
	if focused && p.cursor < len(p.items) {
		n += len(p.selectedRows(width)) - 1
	}
	return n
}

// selectedRows is the selected finding wrapped to width.
func (p *findingsPanel) selectedRows(width int) []string {
	f := p.items[p.cursor]
	where := ""
	if i := p.c.index[f.Section]; f.Section != "" {
		where = p.c.numbers[p.c.sections[i].ID] + " "
	}
	return cjkwrap.Lines("> ["+f.Severity.Label()+"] "+where+f.Message, max(1, width))
}

func (p *findingsPanel) View() string {
	st := p.c.styles.Finding
	errs, warns := 0, 0
	for _, f := range p.items {
		switch f.Severity {
		case check.Error:
			errs++
		case check.Warning:
			warns++
		case check.Info:
		}
	}
	head := fmt.Sprintf("检查结果：%d 个错误，%d 个警告，共 %d 条", errs, warns, len(p.items))
	if len(p.items) == 0 {
		head = "检查结果：未发现问题"
	}
	lines := []string{st.Header.Render(ansi.Truncate(head, p.width, "…"))}
	if p.focused && p.cursor < len(p.items) {
		// Scroll further so the selected finding's wrapped rows fit.
		need := len(p.selectedRows(p.width))
		for p.offset < p.cursor && p.cursor-p.offset+need > p.height-1 {
			p.offset++
		}
	}
	for i := p.offset; i < len(p.items) && len(lines) < p.height; i++ {
		f := p.items[i]
		where := ""
		if i := p.c.index[f.Section]; f.Section != "" {
			where = p.c.numbers[p.c.sections[i].ID] + " "
		}
		lead := "  "
		if p.focused && i == p.cursor {
			lead = "> "
		}
		text := ansi.Truncate(lead+"["+f.Severity.Label()+"] "+where+f.Message, p.width, "…")
		style := st.Info
		switch f.Severity {
		case check.Error:
			style = st.Error
		case check.Warning:
			style = st.Warning
		case check.Info:
		}
		if p.focused && i == p.cursor {
			// The selected finding is shown whole, wrapped over as many
			// rows as it needs (up to the panel), so no message is ever
			// readable only in part.
			full := p.selectedRows(p.width)
			for _, row := range full[:min(len(full), max(1, p.height-1))] {
				if len(lines) < p.height {
					lines = append(lines, st.Selected.Render(row))
				}
			}
			continue
		}
		lines = append(lines, style.Render(text))
	}
	for len(lines) < p.height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:max(0, min(len(lines), p.height))], "\n")
}

func (p *findingsPanel) ShortHelp() []key.Binding {
	k := p.c.keys
	// The panel's own actions first: on a narrow screen the help line
	// drops keys from the end, and ↑↓ and esc are the ones guessed anyway.
	keys := []key.Binding{withHelp(k.Enter, "跳到该处")}
	if p.canMask() {
		keys = append(keys, withHelp(k.Mask, "遮盖号码或姓名"))
	}
	return append(keys, k.Up, k.Down, withHelp(k.Back, "回到正文"), withHelp(k.Findings, "关闭"))
}

func (p *findingsPanel) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
