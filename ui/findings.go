package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/check"
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

// jumpMsg asks the root to open a section (and figure) from a finding;
// for a publish finding, at the text it is about.
type jumpMsg struct {
	section, figure string
	publish         check.Finding
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
			style = st.Selected
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
	keys := []key.Binding{k.Up, k.Down, withHelp(k.Enter, "跳到该处")}
	if p.canMask() {
		keys = append(keys, withHelp(k.Mask, "遮盖号码或姓名"))
	}
	return append(keys, withHelp(k.Back, "回到正文"), withHelp(k.Findings, "关闭"))
}

func (p *findingsPanel) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
