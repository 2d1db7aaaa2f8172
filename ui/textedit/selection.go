package textedit

import (
	tea "github.com/charmbracelet/bubbletea"
)

// CopyMsg reports text copied or cut into the editor's own clipboard. The
// widget never writes to the terminal itself; a parent that wants the
// system clipboard too hands msg.Text to termcursor.Copy.
type CopyMsg struct{ Text string }

// selRange returns the selection in document order.
func (s *state) selRange() (Pos, Pos) {
	if s.cur.less(s.anchor) {
		return s.cur, s.anchor
	}
	return s.anchor, s.cur
}

// hasSel reports a non-empty selection.
func (s *state) hasSel() bool { return s.sel && s.anchor != s.cur }

// insertText types, pastes or commits an IME string at the cursor,
// replacing the selection. ownStep makes it a separate undo step (pastes,
// Enter) instead of merging with neighbouring typing.
func (s *state) insertText(rs []rune, ownStep bool) {
	rs = normalize(rs)
	if len(rs) == 0 {
		return
	}
	from, to := s.cur, s.cur
	if s.hasSel() {
		from, to = s.selRange()
	}
	kind := editType
	if ownStep {
		kind = editOther
	}
	s.apply(kind, from, to, rs)
}

// deleteOr deletes the selection if there is one, otherwise the text
// between the cursor and target(cursor).
func (s *state) deleteOr(kind editKind, target func(Pos) Pos) {
	if s.hasSel() {
		a, b := s.selRange()
		s.apply(editOther, a, b, nil)
		return
	}
	s.sel = false
	s.apply(kind, s.cur, target(s.cur), nil)
}

// copySelection puts the selection in the clipboard (and deletes it for
// cut). Without a selection it does nothing, leaving ctrl+c to the parent.
func (s *state) copySelection(cut bool) tea.Cmd {
	if !s.hasSel() {
		return nil
	}
	a, b := s.selRange()
	s.clip = s.slice(a, b)
	text := string(s.clip)
	if cut {
		s.apply(editOther, a, b, nil)
	}
	return func() tea.Msg { return CopyMsg{Text: text} }
}

// HasSelection reports whether text is selected (so the parent knows
// ctrl+c will copy rather than fall through).
func (m Model) HasSelection() bool { return m.s != nil && m.s.hasSel() }

// SelectedText returns the selected text, or "".
func (m Model) SelectedText() string {
	if m.s == nil || !m.s.hasSel() {
		return ""
	}
	a, b := m.s.selRange()
	return string(m.s.slice(a, b))
}

// Clipboard returns the editor's own clipboard.
func (m Model) Clipboard() string {
	if m.s == nil {
		return ""
	}
	return string(m.s.clip)
}

// SetClipboard fills the editor's own clipboard, e.g. to share it between
// the editors of several sections.
func (m *Model) SetClipboard(text string) { m.ensure().clip = []rune(text) }

// InsertString inserts text at the cursor as one undo step, as a paste
// would.
func (m *Model) InsertString(text string) {
	s := m.ensure()
	s.insertText([]rune(text), true)
	s.scrollToCursor()
}
