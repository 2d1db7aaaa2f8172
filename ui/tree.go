package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/ui/progress"
)

// sectionStatus is the mark shown before a section in the tree, worked
// out by package progress (plain mode says the same in words). Each has
// its own glyph so the tree reads without colour.
type sectionStatus = progress.Status

const (
	statusOptional = progress.Optional
	statusDone     = progress.Done
	statusStarted  = progress.Started
	statusMissing  = progress.Missing
	statusProblem  = progress.Problem
)

// glyph returns single-width marks only: East Asian "ambiguous" symbols
// such as ● or ○ take two cells in CJK locales and would break the tree.
func glyph(s sectionStatus) string {
	switch s {
	case statusOptional:
		return "-"
	case statusDone:
		return "✓"
	case statusStarted:
		return "~"
	case statusMissing:
		return "✗"
	case statusProblem:
		return "!"
	}
	return "?"
}

// meaning is a mark's line in the help's legend.
func meaning(s sectionStatus) string {
	switch s {
	case statusOptional:
		return "选填，未写"
	case statusDone:
		return "已完成"
	case statusStarted:
		return "已开始，字数或必填数字不足"
	case statusMissing:
		return "必填，尚未填写"
	case statusProblem:
		return "检查发现错误"
	}
	return ""
}

// treeModel is the section tree on the left. Row 0 is the 报告信息 entry
// (metadata form); row i+1 is section i of the flattened template.
type treeModel struct {
	c             *common
	width, height int
	cursor        int
	current       int // row being edited
	offset        int
	focused       bool
	status        []sectionStatus
	short         []string // per section: its tree label, see shortTitles
}

func newTree(c *common) *treeModel {
	return &treeModel{c: c, status: make([]sectionStatus, len(c.sections)), short: shortTitles(c)}
}

// shortTitles gives each section the title the narrow tree shows after
// its printed number (none when it is not printed), with the opening
// words it shares with a sibling left
// out ("一、…的主要举措和成效", "二、…存在的不足和原因"), so titles that
// start alike ("上一年度推进法治政府建设…") do not all truncate to the
// same text. Shared openings of fewer than four characters stay.
func shortTitles(c *common) []string {
	const minShared = 4
	siblings := map[string][]int{} // parent id → indexes in c.sections
	for i, s := range c.sections {
		parent := ""
		if p := c.tmpl.Parent(s.ID); p != nil {
			parent = p.ID
		}
		siblings[parent] = append(siblings[parent], i)
	}
	out := make([]string, len(c.sections))
	for _, group := range siblings {
		for _, i := range group {
			title := []rune(c.sections[i].Title)
			shared := 0
			for _, j := range group {
				if j != i {
					shared = max(shared, commonPrefix(title, []rune(c.sections[j].Title)))
				}
			}
			label := string(title)
			if shared >= minShared && shared < len(title) {
				label = "…" + string(title[shared:])
			}
			out[i] = label
		}
	}
	return out
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func (t *treeModel) SetSize(w, h int) { t.width, t.height = w, h; t.scroll() }

func (t *treeModel) rows() int { return len(t.c.sections) + 1 + len(t.c.leftovers) }

// setCurrent marks the row being edited and moves the tree cursor there,
// so focusing the tree starts from where the drafter is.
func (t *treeModel) setCurrent(row int) {
	t.current, t.cursor = row, row
	t.scroll()
}

func (t *treeModel) scroll() {
	if t.height <= 0 {
		return
	}
	t.offset = scrollOffset(t.cursor, t.offset, t.height, t.rows())
}

// treeKey is everything the tree's drawing depends on. Statuses are few,
// so they are packed into the key rather than tracked.
type treeKey struct {
	cursor, current, offset, width, height int
	focused                                bool
	status                                 string
	metaInvalid                            bool
}

func (t *treeModel) cacheKey() treeKey {
	var b strings.Builder
	for _, s := range t.status {
		b.WriteByte(byte('0' + s))
	}
	return treeKey{t.cursor, t.current, t.offset, t.width, t.height, t.focused, b.String(), t.c.metaInvalid != ""}
}

// Update moves the tree cursor; opening a row is the root's (enter).
func (t *treeModel) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	next, moved := moveListCursor(k, t.c.keys, t.cursor, t.height, t.rows())
	switch {
	case moved:
		t.cursor = next
	case k.String() == "home":
		t.cursor = 0
	case k.String() == "end":
		t.cursor = t.rows() - 1
	}
	t.cursor = max(0, min(t.cursor, t.rows()-1))
	t.scroll()
	return nil
}

func (t *treeModel) View() string {
	st := t.c.styles.Tree
	lines := make([]string, 0, t.height)
	for row := t.offset; row < t.rows() && len(lines) < t.height; row++ {
		// Two non-colour marks: ">" is the tree cursor (or the section being
		// edited when the tree is not focused), "*" the edited section.
		lead := "  "
		switch {
		case t.focused && row == t.cursor:
			lead = "> "
		case row == t.current && t.focused:
			lead = "* "
		case row == t.current:
			lead = "> "
		}
		var text string
		style := st.Item
		if row == 0 {
			text = lead + "  报告信息"
			if t.c.metaInvalid != "" {
				text = lead + st.Mark[statusProblem].Render(glyph(statusProblem)) + " 报告信息"
			}
			style = st.Meta
		} else if j := row - 1 - len(t.c.sections); j >= 0 {
			// "#" and not "※": the latter is East Asian ambiguous width.
			text = lead + "# " + t.c.leftovers[j].title
			style = st.Meta
		} else {
			s := t.c.sections[row-1]
			mark := t.status[row-1]
			text = lead + st.Mark[mark].Render(glyph(mark)) + " " +
				strings.Repeat(" ", s.Level-1) + t.c.numbers[s.ID] + t.short[row-1]
		}
		text = ansi.Truncate(text, t.width, "…")
		switch {
		case t.focused && row == t.cursor:
			style = st.Selected
		case row == t.current:
			style = st.Current
		}
		lines = append(lines, style.Render(text))
	}
	for len(lines) < t.height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func (t *treeModel) ShortHelp() []key.Binding {
	k := t.c.keys
	return []key.Binding{k.Up, k.Down, withHelp(k.Enter, "打开"), withHelp(k.Back, "回到正文")}
}

func (t *treeModel) FullHelp() [][]key.Binding { return [][]key.Binding{t.ShortHelp()} }

// withHelp relabels a binding for one context (enter opens here, saves there).
func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}
