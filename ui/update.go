package ui

import (
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/ui/termcursor"
	"nianbao/ui/textedit"
)

// Update handles window size and the program's own messages first, then
// global keys, then hands the message to the active child only.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.width, a.c.height = msg.Width, msg.Height
		a.relayout()
		if a.state == statePreview {
			a.preview.refresh()
		}
		return a, nil
	case tea.KeyMsg:
		if a.lay.tooSmall && a.overlayKeys() != nil && !key.Matches(msg, a.c.keys.Quit, a.c.keys.Interrupt, a.c.keys.Save) {
			// The screen shows only "窗口太小". Text typed now still goes
			// into the draft, as in a terminal editor: a drafter who goes on
			// typing while a pane shrinks loses nothing. A question (quit,
			// recovery, save as) cannot be read, so a letter typed as text
			// must not answer it.
			return a, nil
		}
		return a, a.handleKey(msg)
	case textedit.CopyMsg:
		a.copied(msg.Text)
		return a, nil
	case rootMsg:
		return a, msg.update(a)
	}
	return a, a.updateActive(msg)
}

// updateActive passes a non-key message (cursor blinks, pastes) to the
// child that has focus.
func (a *App) updateActive(msg tea.Msg) tea.Cmd {
	switch a.state {
	case stateMeta:
		return a.meta.Update(msg)
	case stateEdit:
		switch a.focus {
		case focusProse:
			return a.updateProse(msg)
		case focusFigures:
			return a.updateFigures(msg)
		case focusTree, focusFindings:
		}
	case statePreview:
		return a.preview.Update(msg)
	case stateLeftover:
		return a.updateLeftover(msg)
	case stateSaveAs, statePrevious:
		return a.dialogs.Update(msg)
	case stateHelp, stateConfirmQuit, statePrompt:
	}
	return nil
}

// handleKey splits a key by state: a dialog or the full help takes every
// key; otherwise the keys that work everywhere come first, then the
// screen's own.
func (a *App) handleKey(k tea.KeyMsg) tea.Cmd {
	if overlay := a.overlayKeys(); overlay != nil {
		return overlay(k)
	}
	a.status.clear()
	if cmd, ok := a.globalKey(k); ok {
		return cmd
	}
	return a.screenKey(k)
}

// overlayKeys is the handler of a screen that takes every key, or nil.
func (a *App) overlayKeys() func(tea.KeyMsg) tea.Cmd {
	switch a.state {
	case statePrompt:
		return a.updatePrompt
	case stateConfirmQuit:
		return a.updateConfirm
	case stateSaveAs:
		return a.updateSaveAs
	case statePrevious:
		return a.updatePreviousInput
	case stateHelp:
		return a.updateHelp
	case stateMeta, stateEdit, statePreview, stateLeftover:
	}
	return nil
}

func (a *App) updateHelp(k tea.KeyMsg) tea.Cmd {
	if key.Matches(k, a.c.keys.Quit, a.c.keys.Interrupt) {
		return a.requestQuit()
	}
	if a.help.scroll(k, a.c.keys, a.lay.innerH) {
		a.state = a.back
		return a.focusCmd()
	}
	return nil
}

// globalKey handles the keys that work on every editing screen (the
// section walk, the form, the preview, a leftover). ok is false when k is
// none of them.
func (a *App) globalKey(k tea.KeyMsg) (cmd tea.Cmd, ok bool) {
	keys := a.c.keys
	switch {
	case key.Matches(k, keys.Interrupt) && a.hasSelection():
		return a.screenKey(k), true // ctrl+c copies the selection
	case k.String() == "?" && a.focusIsList():
		return a.openHelp(), true
	case key.Matches(k, keys.ExtEditor) && a.state == stateEdit && a.focus == focusProse:
		if externalEditor() == "" {
			a.status.fail("未设置外部编辑器：请先设置环境变量 EDITOR（例如 EDITOR=nano），再按 ctrl+e")
			return nil, true
		}
		return a.externalEdit(), true
	case k.String() == "ctrl+t" && a.focus != focusTree:
		return a.setFocus(focusTree), true
	}
	for _, g := range globalKeys {
		if key.Matches(k, g.binding(&a.c.keys)) {
			return g.do(a), true
		}
	}
	return nil, false
}

// globalKeys are the keys that work everywhere, tried in order, so a key
// bound twice does the first thing. The table is fixed (it picks each
// binding from the editor's KeyMap) so that looking a key up allocates
// nothing.
var globalKeys = [...]struct {
	binding func(*KeyMap) key.Binding
	do      func(*App) tea.Cmd
}{
	{func(k *KeyMap) key.Binding { return k.Quit }, (*App).requestQuit},
	{func(k *KeyMap) key.Binding { return k.Interrupt }, (*App).requestQuit},
	{func(k *KeyMap) key.Binding { return k.Save }, func(a *App) tea.Cmd { a.endUndoStep(); return a.save() }},
	{func(k *KeyMap) key.Binding { return k.SaveAs }, (*App).saveAs},
	{func(k *KeyMap) key.Binding { return k.Export }, func(a *App) tea.Cmd { a.endUndoStep(); return a.export() }},
	{func(k *KeyMap) key.Binding { return k.Help }, (*App).openHelp},
	{func(k *KeyMap) key.Binding { return k.Findings }, (*App).toggleFindings},
	{func(k *KeyMap) key.Binding { return k.Preview }, func(a *App) tea.Cmd { a.endUndoStep(); return a.togglePreview() }},
	{func(k *KeyMap) key.Binding { return k.Meta }, (*App).openMeta},
	{func(k *KeyMap) key.Binding { return k.Previous }, (*App).askPrevious},
	{func(k *KeyMap) key.Binding { return k.NextSection }, func(a *App) tea.Cmd { return a.walk(1, true) }},
	{func(k *KeyMap) key.Binding { return k.PrevSection }, func(a *App) tea.Cmd { return a.walk(-1, true) }},
	{func(k *KeyMap) key.Binding { return k.NextAny }, func(a *App) tea.Cmd { return a.walk(1, false) }},
	{func(k *KeyMap) key.Binding { return k.PrevAny }, func(a *App) tea.Cmd { return a.walk(-1, false) }},
	{func(k *KeyMap) key.Binding { return k.Guidance }, (*App).toggleGuidance},
}

// screenKey passes a key to the screen shown.
func (a *App) screenKey(k tea.KeyMsg) tea.Cmd {
	switch a.state {
	case stateMeta:
		return a.updateMeta(k)
	case stateEdit:
		return a.updateEdit(k)
	case statePreview:
		if key.Matches(k, a.c.keys.Back) {
			return a.togglePreview()
		}
		return a.preview.Update(k)
	case stateLeftover:
		return a.updateLeftover(k)
	case stateHelp, stateConfirmQuit, stateSaveAs, statePrompt, statePrevious:
	}
	return nil
}

// hasSelection says the prose editor shown has text selected, so ctrl+c
// copies rather than quits.
func (a *App) hasSelection() bool {
	switch {
	case a.focus != focusProse:
		return false
	case a.state == stateEdit:
		return a.editor(a.cur).HasSelection()
	case a.state == stateLeftover:
		return a.leftoverEditor(a.leftover).HasSelection()
	}
	return false
}

func (a *App) openHelp() tea.Cmd {
	a.back, a.state, a.help.offset = a.state, stateHelp, 0
	return nil
}

func (a *App) toggleGuidance() tea.Cmd {
	a.shown.guidance = !a.shown.guidance
	a.relayout()
	return nil
}

// walk moves to the next or previous section; guided walks only required
// ones. At either end it says so instead of wrapping, and the tree is
// always there for optional sections.
func (a *App) walk(dir int, guided bool) tea.Cmd {
	from := a.cur
	if a.state == stateMeta {
		a.applyMeta()
		from = -1
		if dir < 0 {
			return nil
		}
	}
	next := from + dir
	if guided {
		next = a.nextRequired(from, dir)
	}
	if next < 0 || next >= len(a.c.sections) {
		if dir > 0 {
			a.status.say("已是最后一个必填章节；选填章节请在目录（ctrl+t）中选择")
		} else {
			a.status.say("已是第一个章节")
		}
		return nil
	}
	return a.openSection(next, focusProse)
}

func (a *App) updateMeta(k tea.KeyMsg) tea.Cmd {
	if a.focus == focusTree {
		return a.updateTree(k)
	}
	if key.Matches(k, a.c.keys.Back) {
		a.applyMeta()
		return a.setFocus(focusTree)
	}
	return a.meta.Update(k)
}

func (a *App) updateEdit(k tea.KeyMsg) tea.Cmd {
	keys := a.c.keys
	switch a.focus {
	case focusTree:
		return a.updateTree(k)
	case focusFindings:
		if key.Matches(k, keys.Back) {
			return a.setFocus(focusProse)
		}
		return a.findings.Update(k)
	case focusProse:
		switch {
		case key.Matches(k, keys.Back):
			return a.setFocus(focusTree)
		case key.Matches(k, keys.SwitchPane):
			if a.figures.len() > 0 {
				a.figures.focus = 0
				return a.setFocus(focusFigures)
			}
			a.status.say("本节没有数字栏")
			return nil
		case key.Matches(k, keys.BackPane):
			if n := a.figures.len(); n > 0 {
				a.figures.focus = n - 1
				return a.setFocus(focusFigures)
			}
			return nil
		}
		return a.updateProse(k)
	case focusFigures:
		switch {
		case key.Matches(k, keys.Back):
			return a.setFocus(focusTree)
		case key.Matches(k, keys.SwitchPane):
			if a.figures.focus+1 < a.figures.len() {
				return a.figures.Focus(a.figures.focus + 1)
			}
			return a.setFocus(focusProse)
		case key.Matches(k, keys.BackPane):
			if a.figures.focus > 0 {
				return a.figures.Focus(a.figures.focus - 1)
			}
			return a.setFocus(focusProse)
		}
		return a.updateFigures(k)
	}
	return nil
}

func (a *App) updateTree(k tea.KeyMsg) tea.Cmd {
	keys := a.c.keys
	switch {
	case key.Matches(k, keys.Back):
		if a.state == stateMeta {
			a.focus = focusProse
			return a.focusCmd()
		}
		return a.setFocus(focusProse)
	case key.Matches(k, keys.Enter):
		if a.tree.cursor == 0 {
			return a.openMeta()
		}
		if a.state == stateMeta {
			a.applyMeta()
		}
		if j := a.tree.cursor - 1 - len(a.c.sections); j >= 0 {
			return a.openLeftover(j)
		}
		return a.openSection(a.tree.cursor-1, focusProse)
	}
	return a.tree.Update(k)
}

// updateProse feeds the editor and, when the text changed, updates only
// the cheap counters; the full check waits for a pause in typing.
func (a *App) updateProse(msg tea.Msg) tea.Cmd {
	ed := a.editor(a.cur)
	before := ed.Version()
	cmd := ed.Update(msg)
	if ed.Version() == before {
		return cmd
	}
	wasWritten := a.live.lens[a.cur] > 0
	a.live.count(a.cur, ed.Chars())
	if wasWritten != (a.live.lens[a.cur] > 0) {
		// The section starts or stops printing: the numbers after it move.
		a.renumber()
	}
	a.refreshCurrentStatus()
	return tea.Batch(cmd, a.edited())
}

func (a *App) updateFigures(msg tea.Msg) tea.Cmd { return a.figures.Update(msg) }

// toggleFindings opens the findings panel with the keyboard in it. When
// the panel is open but another pane has the keyboard (after a jump, say),
// F2 gives the panel the keyboard again rather than closing it: only F2
// inside the panel closes it.
func (a *App) toggleFindings() tea.Cmd {
	if a.shown.findings && a.state == stateEdit && a.focus != focusFindings {
		return a.setFocus(focusFindings)
	}
	if a.shown.findings {
		a.shown.findings = false
		if a.focus == focusFindings {
			a.focus = focusProse
		}
		a.relayout()
		return a.focusCmd()
	}
	a.shown.findings = true
	if a.state == statePreview {
		a.state = stateEdit
	}
	if a.state == stateEdit {
		return a.setFocus(focusFindings)
	}
	a.relayout()
	return nil
}

func (a *App) togglePreview() tea.Cmd {
	if a.state == statePreview {
		a.state = a.back
		return a.focusCmd()
	}
	a.syncProse()
	a.back, a.state = a.state, statePreview
	a.preview.refresh()
	return nil
}

// jump opens the place a finding points at.
func (a *App) jump(j jumpMsg) tea.Cmd {
	i, ok := a.c.index[j.section]
	if !ok {
		if j.section == "" {
			return a.openMeta()
		}
		return nil
	}
	if j.figure != "" {
		cmd := a.openSection(i, focusFigures)
		if a.focus == focusFigures {
			return tea.Batch(cmd, a.figures.focusID(j.figure))
		}
		return cmd
	}
	cmd := a.openSection(i, focusProse)
	if j.quote != "" && a.focus == focusProse {
		a.editor(a.cur).CursorToText(j.quote)
	}
	a.jumpToPublish(j.publish)
	return cmd
}

// endUndoStep closes the prose editor's undo step: an undo never reaches
// back across a save, a preview or an export.
func (a *App) endUndoStep() {
	if a.state == stateEdit && a.cur >= 0 && a.cur < len(a.c.sections) {
		a.editor(a.cur).EndUndoStep()
	}
}

// copied confirms a copy or cut and hands the text to the terminal's
// clipboard (OSC 52) through the output writer.
func (a *App) copied(text string) {
	a.status.say(termcursor.Copy(a.env.cursor, text))
}

// externalEditor is the drafter's chosen editor command, or "" when none
// is set: nianbao never drops a drafter into vi unasked.
func externalEditor() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return ""
}

// focusIsList says keys are not text right now, so "?" can mean help.
func (a *App) focusIsList() bool {
	return a.state == statePreview || a.focus == focusTree || a.focus == focusFindings
}
