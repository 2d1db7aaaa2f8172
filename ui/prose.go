package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// proseEditor is the multi-line editor a section's prose is typed into.
// It is an interface so the root never depends on the widget's internals:
// the cached CJK editor in ui/textedit sits behind it.
type proseEditor interface {
	SetValue(string)
	Value() string
	SetSize(width, height int)
	Focus() tea.Cmd
	Blur()
	Focused() bool
	Update(tea.Msg) tea.Cmd
	View() string
	// CursorPosition is the insertion point inside View, for the IME cursor.
	CursorPosition() (row, col int)
	// Len is the number of runes, cheap enough to call per key.
	Len() int
	// Chars is the number of characters as drafters and check count them
	// (zhtext.CountChars: no blanks, no paragraph breaks), as cheap.
	Chars() int
	// Version changes whenever the text changes, so the root can tell an
	// edit from a cursor move without comparing texts.
	Version() uint64
	KeyMap() help.KeyMap
	// HasSelection says ctrl+c means copy rather than quit.
	HasSelection() bool
	// EndUndoStep makes the next edit a new undo step.
	EndUndoStep()
	// CursorToText puts the cursor at the start of the first occurrence of
	// s; false when the text does not hold it.
	CursorToText(s string) bool
	// Replace replaces Value()[start:end] (byte offsets) with text as one
	// undo step.
	Replace(start, end int, text string)
	// CursorTo moves the cursor to a byte offset in Value().
	CursorTo(offset int)
}
