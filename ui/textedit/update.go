package textedit

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Update handles keys and mouse while focused. Printable runes, IME commits
// (several runes in one message) and bracketed pastes insert their text
// exactly once; bindings in KeyMap move, select and edit. Mouse coordinates
// are taken relative to the widget's top-left cell: the parent subtracts
// the widget's offset before passing a tea.MouseMsg on.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	s := m.ensure()
	if !s.focused {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		cmd := s.handleKey(msg)
		s.scrollToCursor()
		return m, cmd
	case tea.MouseMsg:
		s.handleMouse(msg)
	}
	return m, nil
}

// handleKey dispatches one key. Text keys come first so that a pasted text
// can never trigger a binding.
func (s *state) handleKey(msg tea.KeyMsg) tea.Cmd {
	if (msg.Type == tea.KeyRunes && !msg.Alt) || msg.Type == tea.KeySpace {
		s.insertText(msg.Runes, msg.Paste)
		return nil
	}
	k := &s.keys
	switch {
	case key.Matches(msg, k.Newline):
		s.insertText([]rune{'\n'}, true)
	case key.Matches(msg, k.Backspace):
		s.deleteOr(editBackspace, s.charLeft)
	case key.Matches(msg, k.Delete):
		s.deleteOr(editDelete, s.charRight)
	case key.Matches(msg, k.DeleteWordBackward):
		s.deleteOr(editOther, s.wordLeft)
	case key.Matches(msg, k.Undo):
		s.undo()
	case key.Matches(msg, k.Redo):
		s.redo()
	case key.Matches(msg, k.SelectAll):
		s.anchor, s.cur, s.eol, s.sel = Pos{}, s.docEnd(), false, true
		s.hist.breakMerge()
	case key.Matches(msg, k.Copy):
		return s.copySelection(false)
	case key.Matches(msg, k.Cut):
		return s.copySelection(true)
	case key.Matches(msg, k.Paste):
		s.insertText(s.clip, true)
	default:
		s.handleMove(msg)
	}
	return nil
}

// handleMove runs the movement and selection bindings.
func (s *state) handleMove(msg tea.KeyMsg) {
	k := &s.keys
	step := func(extend bool, f func(Pos) Pos) {
		s.moveTo(extend, func() { s.cur, s.eol, s.goal = f(s.cur), false, -1 })
	}
	vertical := func(extend bool, n int) { s.moveTo(extend, func() { s.moveRows(n) }) }
	pageMove := func(extend bool, dir int) { s.moveTo(extend, func() { s.page(dir) }) }
	home := func(extend bool) { s.moveTo(extend, func() { s.rowHome(); s.goal = -1 }) }
	end := func(extend bool) { s.moveTo(extend, func() { s.rowEndMove(); s.goal = -1 }) }
	docStart := func(Pos) Pos { return Pos{} }
	docEnd := func(Pos) Pos { return s.docEnd() }
	switch {
	case key.Matches(msg, k.Left):
		s.collapseOr(true, func() { step(false, s.charLeft) })
	case key.Matches(msg, k.Right):
		s.collapseOr(false, func() { step(false, s.charRight) })
	case key.Matches(msg, k.Up):
		vertical(false, -1)
	case key.Matches(msg, k.Down):
		vertical(false, 1)
	case key.Matches(msg, k.WordLeft):
		step(false, s.wordLeft)
	case key.Matches(msg, k.WordRight):
		step(false, s.wordRight)
	case key.Matches(msg, k.LineStart):
		home(false)
	case key.Matches(msg, k.LineEnd):
		end(false)
	case key.Matches(msg, k.DocStart):
		step(false, docStart)
	case key.Matches(msg, k.DocEnd):
		step(false, docEnd)
	case key.Matches(msg, k.PageUp):
		pageMove(false, -1)
	case key.Matches(msg, k.PageDown):
		pageMove(false, 1)
	case key.Matches(msg, k.SelectLeft):
		step(true, s.charLeft)
	case key.Matches(msg, k.SelectRight):
		step(true, s.charRight)
	case key.Matches(msg, k.SelectUp):
		vertical(true, -1)
	case key.Matches(msg, k.SelectDown):
		vertical(true, 1)
	case key.Matches(msg, k.SelectWordLeft):
		step(true, s.wordLeft)
	case key.Matches(msg, k.SelectWordRight):
		step(true, s.wordRight)
	case key.Matches(msg, k.SelectLineStart):
		home(true)
	case key.Matches(msg, k.SelectLineEnd):
		end(true)
	case key.Matches(msg, k.SelectDocStart):
		step(true, docStart)
	case key.Matches(msg, k.SelectDocEnd):
		step(true, docEnd)
	}
}

// handleMouse places the cursor on a left click (extending the selection
// with shift or while dragging) and scrolls on the wheel without moving the
// cursor.
func (s *state) handleMouse(msg tea.MouseMsg) {
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		s.top = max(s.top-3, 0)
	case msg.Button == tea.MouseButtonWheelDown:
		s.top = max(min(s.top+3, s.idx.total()-max(s.height, 1)), 0)
	case msg.Button == tea.MouseButtonLeft &&
		(msg.Action == tea.MouseActionPress || msg.Action == tea.MouseActionMotion):
		extend := msg.Shift || msg.Action == tea.MouseActionMotion
		s.moveTo(extend, func() {
			s.cur, s.eol = s.posAt(msg.Y, msg.X)
			s.goal = -1
		})
		s.scrollToCursor()
	}
}

// moveTo runs a cursor move; with extend it grows the selection from where
// the cursor was, without it drops the selection. Any move ends the current
// undo step.
func (s *state) moveTo(extend bool, f func()) {
	if extend && !s.sel {
		s.anchor, s.sel = s.cur, true
	}
	if !extend {
		s.sel = false
	}
	f()
	s.hist.breakMerge()
}

// collapseOr makes left/right with a selection go to the selection's start
// or end, as word processors do, instead of moving one character.
func (s *state) collapseOr(toStart bool, f func()) {
	if !s.sel || s.anchor == s.cur {
		f()
		return
	}
	a, b := s.selRange()
	s.cur = b
	if toStart {
		s.cur = a
	}
	s.eol, s.goal, s.sel = false, -1, false
	s.hist.breakMerge()
}
