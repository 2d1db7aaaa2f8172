package ui

import (
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"
)

// TEMPORARY: stock textarea behind proseEditor until ui/textedit lands.
type textareaEditor struct {
	m       textarea.Model
	version uint64
}

func newProseEditor() proseEditor {
	m := textarea.New()
	m.ShowLineNumbers = false
	m.Prompt = ""
	m.MaxHeight = 0
	m.CharLimit = 0
	m.Cursor.SetMode(cursor.CursorStatic)
	return &textareaEditor{m: m}
}

func (e *textareaEditor) SetValue(s string)   { e.m.SetValue(s); e.version++ }
func (e *textareaEditor) Value() string       { return e.m.Value() }
func (e *textareaEditor) SetSize(w, h int)    { e.m.SetWidth(w); e.m.SetHeight(h) }
func (e *textareaEditor) Focus() tea.Cmd      { return e.m.Focus() }
func (e *textareaEditor) Blur()               { e.m.Blur() }
func (e *textareaEditor) Focused() bool       { return e.m.Focused() }
func (e *textareaEditor) View() string        { return e.m.View() }
func (e *textareaEditor) Len() int            { return utf8.RuneCountInString(e.m.Value()) }
func (e *textareaEditor) Version() uint64     { return e.version }
func (e *textareaEditor) KeyMap() help.KeyMap { return taKeys{} }
func (e *textareaEditor) CursorPosition() (int, int) {
	li := e.m.LineInfo()
	return e.m.Line() + li.RowOffset, li.CharOffset
}
func (e *textareaEditor) Update(msg tea.Msg) tea.Cmd {
	before := e.m.Value()
	var cmd tea.Cmd
	e.m, cmd = e.m.Update(msg)
	if e.m.Value() != before {
		e.version++
	}
	return cmd
}

type taKeys struct{}

func (taKeys) ShortHelp() []key.Binding  { return nil }
func (taKeys) FullHelp() [][]key.Binding { return nil }
