package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/ui/textedit"
)

// texteditEditor puts ui/textedit behind proseEditor. textedit caches the
// wrapped rows and draws only the visible window, so a key costs the same
// in a 50,000-character report as in a short one; the stock textarea
// re-wraps the whole text per key and cuts values over 10,000 lines.
type texteditEditor struct{ m textedit.Model }

func newProseEditor() proseEditor {
	m := textedit.New()
	m.SetPlaceholder("在此输入本节正文。回车另起一段，标题编号自动生成。")
	return &texteditEditor{m: m}
}

// SetValue puts the cursor at the end: opening a section, the drafter
// continues where the text stops.
func (e *texteditEditor) SetValue(s string)          { e.m.SetValue(s); e.m.CursorEnd() }
func (e *texteditEditor) Value() string              { return e.m.Value() }
func (e *texteditEditor) SetSize(w, h int)           { e.m.SetSize(w, h) }
func (e *texteditEditor) Focus() tea.Cmd             { return e.m.Focus() }
func (e *texteditEditor) Blur()                      { e.m.Blur() }
func (e *texteditEditor) Focused() bool              { return e.m.Focused() }
func (e *texteditEditor) View() string               { return e.m.View() }
func (e *texteditEditor) CursorPosition() (int, int) { return e.m.CursorPosition() }
func (e *texteditEditor) Len() int                   { return e.m.Len() }
func (e *texteditEditor) Chars() int                 { return e.m.Chars() }
func (e *texteditEditor) Version() uint64            { return e.m.Version() }
func (e *texteditEditor) KeyMap() help.KeyMap        { return e.m.KeyMap() }
func (e *texteditEditor) HasSelection() bool         { return e.m.HasSelection() }
func (e *texteditEditor) EndUndoStep()               { e.m.EndUndoStep() }

// CursorToText finds s in the text and moves the cursor to it.
func (e *texteditEditor) CursorToText(s string) bool {
	v := e.m.Value()
	i := strings.Index(v, s)
	if s == "" || i < 0 {
		return false
	}
	before := v[:i]
	p := strings.Count(before, "\n")
	line := before[strings.LastIndexByte(before, '\n')+1:]
	e.m.SetCursor(textedit.Pos{P: p, C: utf8.RuneCountInString(line)})
	return true
}

// proseKeyReference is every key of the prose editor, whether or not it
// does something right now, for the F1 list.
func proseKeyReference() help.KeyMap { return textedit.DefaultKeyMap() }

func (e *texteditEditor) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	e.m, cmd = e.m.Update(msg)
	return cmd
}
