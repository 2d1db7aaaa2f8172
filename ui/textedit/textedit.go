// Package textedit is the multi-line prose editor of the drafting screen: a
// replacement for the bubbles textarea that lays out Chinese correctly (two
// cells per full-width character, 禁则 line breaking) and whose cost per
// keystroke does not grow with the length of the text.
//
// The text is a slice of paragraphs; each caches its wrapped rows, an edit
// rewraps only the paragraphs it touches, and a Fenwick tree over row counts
// maps the cursor to a screen row in O(log n). View draws only the visible
// rows.
//
// Model is a handle: copies share one document, so the usual
// `m.editor, cmd = m.editor.Update(msg)` works and nothing is copied per
// message. A zero Model is usable after New or SetValue; its other methods
// return zero values.
package textedit

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Model is the editor widget.
type Model struct{ s *state }

// state is everything a Model holds; see the package comment for why it is
// behind a pointer.
type state struct {
	paras []para
	idx   rowIndex
	wrapW int // wrap width in cells, at least 1

	width, height int
	nRunes        int
	nChars        int // runes that zhtext.IsCounted, kept with nRunes
	version       uint64

	cur    Pos
	eol    bool // cursor sits at a row boundary but shows at the end of the earlier row (after End)
	goal   int  // goal cell column kept across up/down; -1 when unset
	anchor Pos  // selection's fixed end, valid while selecting
	sel    bool
	top    int // first visible global row

	focused     bool
	hist        history
	clip        []rune
	keys        KeyMap
	styles      Styles
	marks       styleMarks
	placeholder string

	valCache string
	valVer   uint64
}

// New returns an empty editor, 40x6, blurred, with the default keys and
// styles.
func New() Model {
	s := &state{
		paras:  []para{{}},
		wrapW:  40,
		width:  40,
		height: 6,
		goal:   -1,
		keys:   DefaultKeyMap(),
		valVer: ^uint64(0),
	}
	s.hist.max = defaultHistory
	s.setStyles(DefaultStyles())
	s.relayoutAll()
	return Model{s: s}
}

// ensure gives a zero Model a state so mutating methods never panic.
func (m *Model) ensure() *state {
	if m.s == nil {
		*m = New()
	}
	return m.s
}

// SetValue replaces the text, puts the cursor at the start of it, scrolls to
// the top, clears the selection and the undo history. CRLF and lone CR
// become '\n' and control characters other than tab and newline are
// dropped; any other text comes back from Value unchanged.
func (m *Model) SetValue(v string) {
	s := m.ensure()
	s.load(v)
	s.cur, s.eol, s.goal, s.sel, s.top = Pos{}, false, -1, false, 0
	s.hist.clear()
}

// Value returns the text, paragraphs joined by '\n'. It is cached per
// Version, so calling it every frame is cheap while nothing changes.
func (m Model) Value() string {
	s := m.s
	if s == nil {
		return ""
	}
	if s.valVer != s.version {
		s.valCache, s.valVer = s.value(), s.version
	}
	return s.valCache
}

// Len is the length of Value in runes (newlines included).
func (m Model) Len() int {
	if m.s == nil {
		return 0
	}
	return m.s.nRunes
}

// LineCount is the number of paragraphs.
func (m Model) LineCount() int {
	if m.s == nil {
		return 0
	}
	return len(m.s.paras)
}

// Chars is the number of characters as drafters count them (no blanks or
// line ends, zhtext.CountChars), kept up to date per edit.
func (m Model) Chars() int {
	if m.s == nil {
		return 0
	}
	return m.s.nChars
}

// Version increases on every change of the text (typing, paste, undo,
// SetValue); the parent compares it with the one it saw last to mark the
// draft dirty or to schedule a check.
func (m Model) Version() uint64 {
	if m.s == nil {
		return 0
	}
	return m.s.version
}

// SetSize sets the widget's size: width in terminal cells, height in rows.
// Negative sizes count as zero. Changing the width rewraps the whole text
// once.
func (m *Model) SetSize(width, height int) {
	s := m.ensure()
	width, height = max(width, 0), max(height, 0)
	if width != s.width {
		s.width, s.wrapW = width, max(width, 1)
		s.relayoutAll()
	}
	s.height = height
	s.scrollToCursor()
}

// Width and Height return the size set by SetSize.
func (m Model) Width() int {
	if m.s == nil {
		return 0
	}
	return m.s.width
}

// Height returns the height set by SetSize.
func (m Model) Height() int {
	if m.s == nil {
		return 0
	}
	return m.s.height
}

// Focus makes the widget take keys and draw its cursor. There is no blink,
// so the returned command is nil.
func (m *Model) Focus() tea.Cmd {
	m.ensure().focused = true
	return nil
}

// Blur stops the widget taking keys.
func (m *Model) Blur() { m.ensure().focused = false }

// Focused reports whether the widget takes keys.
func (m Model) Focused() bool { return m.s != nil && m.s.focused }

// SetPlaceholder sets the text shown, dimmed, while the editor is empty.
func (m *Model) SetPlaceholder(p string) { m.ensure().placeholder = p }

// KeyMap returns the key bindings for help.Model, with the ones that would
// do nothing right now disabled (copy and cut without a selection, undo
// with nothing to undo, ...) so the help line shows only keys that work.
func (m Model) KeyMap() KeyMap {
	if m.s == nil {
		return DefaultKeyMap()
	}
	s := m.s
	k := s.keys
	enable := func(b *key.Binding, on bool) { b.SetEnabled(b.Enabled() && on) }
	enable(&k.Copy, s.hasSel())
	enable(&k.Cut, s.hasSel())
	enable(&k.Paste, len(s.clip) > 0)
	enable(&k.Undo, len(s.hist.undo) > 0)
	enable(&k.Redo, len(s.hist.redo) > 0)
	return k
}

// SetKeyMap replaces the key bindings (for example to disable some).
func (m *Model) SetKeyMap(k KeyMap) { m.ensure().keys = k }

// SetStyles sets the cursor, selection, placeholder and text styles.
func (m *Model) SetStyles(st Styles) { m.ensure().setStyles(st) }

// Cursor returns the cursor as paragraph and rune offset.
func (m Model) Cursor() Pos {
	if m.s == nil {
		return Pos{}
	}
	return m.s.cur
}

// SetCursor moves the cursor (clamped to the text), clears the selection
// and scrolls it into view.
func (m *Model) SetCursor(p Pos) {
	s := m.ensure()
	s.cur, s.eol, s.goal, s.sel = s.clampPos(p), false, -1, false
	s.hist.breakMerge()
	s.scrollToCursor()
}

// EndUndoStep closes the current undo step, so the next keystroke starts a
// new one. The drafting editor calls it on save, preview and export: an
// undo never reaches back across them.
func (m *Model) EndUndoStep() { m.ensure().hist.breakMerge() }

// CursorEnd moves the cursor to the end of the text.
func (m *Model) CursorEnd() {
	s := m.ensure()
	last := len(s.paras) - 1
	m.SetCursor(Pos{last, len(s.paras[last].text)})
}

// TotalRows is the number of visual rows of the whole text at this width.
func (m Model) TotalRows() int {
	if m.s == nil {
		return 0
	}
	return m.s.idx.total()
}

// ScrollTop is the first visible row, for a scroll bar or percentage.
func (m Model) ScrollTop() int {
	if m.s == nil {
		return 0
	}
	return m.s.top
}
