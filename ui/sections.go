package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/ui/progress"
)

// openSection makes section i the one being edited and puts the focus on
// its prose or figures.
func (a *App) openSection(i int, focus focusArea) tea.Cmd {
	if i < 0 || i >= len(a.c.sections) {
		return nil
	}
	if a.prose.editors[a.current().ID] != nil {
		a.editor(a.cur).Blur()
	}
	if a.figures != nil {
		a.figures.Blur()
	}
	a.meta.Blur()
	a.cur = i
	a.c.report.Cursor = a.current().ID
	a.figures = newFigures(a.c, a.current())
	if focus == focusFigures && a.figures.len() == 0 {
		focus = focusProse
	}
	a.state = stateEdit
	a.focus = focus
	a.tree.setCurrent(i + 1)
	a.relayout()
	// A section switch is a natural pause: write the recovery file now
	// rather than waiting for the timer.
	return tea.Batch(a.focusCmd(), a.autosaveNow())
}

// openMeta shows the 报告信息 form in the right pane.
func (a *App) openMeta() tea.Cmd {
	if a.prose.editors[a.current().ID] != nil {
		a.editor(a.cur).Blur()
	}
	a.state = stateMeta
	a.focus = focusProse
	a.tree.setCurrent(0)
	a.tree.focused = false
	return a.meta.focusField(0)
}

// focusCmd gives keyboard focus to the area a.focus names.
func (a *App) focusCmd() tea.Cmd {
	a.tree.focused = a.focus == focusTree
	a.findings.focused = a.focus == focusFindings
	ed := a.editor(a.cur)
	if a.state == stateLeftover {
		ed.Blur()
		lo := a.leftoverEditor(a.leftover)
		if a.focus == focusTree {
			lo.Blur()
			return nil
		}
		return lo.Focus()
	}
	if a.state == stateMeta {
		ed.Blur()
		if a.focus == focusTree {
			a.meta.Blur()
			return nil
		}
		return a.meta.Focus()
	}
	switch a.focus {
	case focusProse:
		a.figures.Blur()
		return ed.Focus()
	case focusFigures:
		ed.Blur()
		return a.figures.Focus(a.figures.focus)
	case focusTree, focusFindings:
		ed.Blur()
		a.figures.Blur()
	}
	return nil
}

// setFocus switches the area and re-lays out, since the figures block is
// one row taller while focused.
func (a *App) setFocus(f focusArea) tea.Cmd {
	a.focus = f
	cmd := a.focusCmd()
	a.relayout()
	return cmd
}

// nextRequired finds the next (dir=1) or previous (dir=-1) required section
// after index from; -1 when there is none. Guided mode walks these.
func (a *App) nextRequired(from, dir int) int {
	for i := from + dir; i >= 0 && i < len(a.c.sections); i += dir {
		if a.c.sections[i].Required {
			return i
		}
	}
	return -1
}

// applyResult takes a finished check into the tree, findings and status.
func (a *App) applyResult(res check.Result) {
	a.live.take(res)
	a.c.prose = res.Prose
	a.figures.proseChanged()
	a.findings.setResult(res)
	if a.shown.findings && a.lay.findingsH != a.findingsHeight(a.lay.mainH, a.c.styles.Pane.GetVerticalFrameSize(), a.lay.innerW) {
		a.relayout() // the panel grows or shrinks with the list
	}
	a.refreshStatuses()
}

// refreshStatuses recomputes every tree mark; sections are few, and it only
// runs on check results, figure changes and section switches.
func (a *App) refreshStatuses() {
	a.renumber()
	for i := len(a.c.sections) - 1; i >= 0; i-- {
		a.tree.status[i] = a.statusOf(i)
	}
}

// refreshCurrentStatus is the per-key version: the edited section and its
// parents only.
func (a *App) refreshCurrentStatus() {
	for i := a.cur; i >= 0; i = a.c.parent[i] {
		a.tree.status[i] = a.statusOf(i)
	}
}

// renumber gives the sections the numbers they print with now, in the
// outline and in the open section's heading.
func (a *App) renumber() {
	a.c.numbers = a.c.tmpl.PrintedNumbers(a.writtenLive)
	a.cache.sectionHead = ""
}

// writtenLive says whether a section has text as the drafter types it
// (the live counts), for its printed number: the report's own text is
// brought up to date only before a save, a check or the preview.
func (a *App) writtenLive(id string) bool {
	i, ok := a.c.index[id]
	return ok && a.live.lens[i] > 0
}

// statusOf derives a section's mark from cheap counters and the last check.
// Children are computed first, so a parent can summarise them.
func (a *App) statusOf(i int) sectionStatus {
	s := a.c.sections[i]
	facts := progress.Facts{Chars: a.live.lens[i], Errors: a.live.errsBySec[s.ID], Stated: a.stated}
	own := progress.Own(s, a.c.report, facts)
	if len(s.Sections) == 0 {
		return own
	}
	worst := statusOptional
	for _, ch := range a.c.children[i] {
		worst = max(worst, a.tree.status[ch])
	}
	return progress.Part(s, own, worst, facts)
}

// stated says whether the prose states a figure, as the last check read it.
func (a *App) stated(id string) bool {
	_, ok := a.c.prose[id]
	return ok
}
