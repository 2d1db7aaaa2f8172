package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/ui/cjkwrap"
)

// A leftover is drafted text that belongs to no section of the template:
// the 已移除章节 parts a migration kept, and 未归类内容 an import could not
// place. They are listed below the sections in the tree and open in an
// editor like a section, so the drafter can move the text where it
// belongs; a part emptied this way disappears when the draft is saved.
// They never print in the report.
type leftover struct {
	removed int // index into Report.Removed; -1 for Report.Unmatched
	title   string
}

// leftoverEditorKey keys a leftover's editor in App.prose apart from
// section ids, which are ASCII slugs and never start with this rune.
const leftoverEditorKey = "※"

func (l leftover) key() string {
	if l.removed < 0 {
		return leftoverEditorKey + "unmatched"
	}
	return fmt.Sprintf("%s%d", leftoverEditorKey, l.removed)
}

// leftoversOf lists the report's leftovers in the order they are shown.
func leftoversOf(r *model.Report) []leftover {
	var out []leftover
	for i, rs := range r.Removed {
		title := strings.TrimSpace(rs.Title)
		if title == "" {
			title = rs.ID
		}
		out = append(out, leftover{removed: i, title: "已移除：" + title})
	}
	if strings.TrimSpace(r.Unmatched) != "" {
		out = append(out, leftover{removed: -1, title: "未归类内容"})
	}
	return out
}

func leftoverText(r *model.Report, l leftover) string {
	if l.removed < 0 {
		return r.Unmatched
	}
	return r.Removed[l.removed].Text
}

// setLeftoverText writes an edited leftover back. Emptied parts stay in
// the list until save so indices hold while editing; Report encoding
// skips them (see pruneLeftovers).
func setLeftoverText(r *model.Report, l leftover, text string) {
	if l.removed < 0 {
		r.Unmatched = text
		return
	}
	r.Removed[l.removed].Text = text
}

// pruneLeftovers drops emptied parts from a snapshot about to be saved.
func pruneLeftovers(r *model.Report) {
	kept := r.Removed[:0:0]
	for _, rs := range r.Removed {
		if strings.TrimSpace(rs.Text) != "" {
			kept = append(kept, rs)
		}
	}
	r.Removed = kept
	if strings.TrimSpace(r.Unmatched) == "" {
		r.Unmatched = ""
	}
}

// leftoverEditor returns the editor of leftover j, creating it on first use.
func (a *App) leftoverEditor(j int) proseEditor {
	l := a.c.leftovers[j]
	return a.prose.get(l.key(), func() string { return leftoverText(a.c.report, l) })
}

// openLeftover shows leftover j in the right pane.
func (a *App) openLeftover(j int) tea.Cmd {
	if j < 0 || j >= len(a.c.leftovers) {
		return nil
	}
	a.blurAll()
	a.leftover = j
	a.state = stateLeftover
	a.focus = focusProse
	a.tree.setCurrent(1 + len(a.c.sections) + j)
	a.relayout()
	return tea.Batch(a.leftoverEditor(j).Focus(), a.autosaveNow())
}

// leftoverHead is the explanation above a leftover's text.
func (a *App) leftoverHead() []string {
	l := a.c.leftovers[a.leftover]
	st := a.c.styles.Section
	note := "新模板已没有这一章节，原有内容保留在这里，不会打印。可剪切（选中后 ctrl+x）粘贴到合适的章节；清空后保存，此项即消失。"
	if l.removed < 0 {
		note = "导入时未能归入任何章节的文字，不会打印。可剪切（选中后 ctrl+x）粘贴到合适的章节；清空后保存，此项即消失。"
	}
	lines := []string{st.Title.Render(ansi.Truncate(l.title, a.lay.innerW, "…"))}
	for _, g := range cjkwrap.Lines(note, a.lay.innerW) {
		lines = append(lines, st.Guidance.Render(g))
	}
	return lines
}

func (a *App) leftoverView() string {
	head := a.leftoverHead()
	ed := a.leftoverEditor(a.leftover)
	ed.SetSize(a.lay.innerW, max(1, a.lay.innerH-len(head)))
	return strings.Join(head, "\n") + "\n" + ed.View()
}

// updateLeftover feeds keys to the leftover's editor.
func (a *App) updateLeftover(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case a.focus == focusTree:
			return a.updateTree(k)
		case key.Matches(k, a.c.keys.Back):
			return a.setFocus(focusTree) // focusCmd blurs the editor
		}
	}
	ed := a.leftoverEditor(a.leftover)
	before := ed.Version()
	cmd := ed.Update(msg)
	if ed.Version() == before {
		return cmd
	}
	return tea.Batch(cmd, a.edited())
}

// syncLeftover copies a leftover editor's text into the report.
func (a *App) syncLeftover(key, text string) {
	for _, l := range a.c.leftovers {
		if l.key() == key {
			setLeftoverText(a.c.report, l, text)
			return
		}
	}
}
