package textedit

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds the editor's bindings. Help texts are Chinese because they
// are shown to drafters in the help line. Printable keys and pastes are not
// bindings: they always insert text.
type KeyMap struct {
	Left, Right, Up, Down           key.Binding
	WordLeft, WordRight             key.Binding
	LineStart, LineEnd              key.Binding
	DocStart, DocEnd                key.Binding
	PageUp, PageDown                key.Binding
	SelectLeft, SelectRight         key.Binding
	SelectUp, SelectDown            key.Binding
	SelectWordLeft, SelectWordRight key.Binding
	SelectLineStart, SelectLineEnd  key.Binding
	SelectDocStart, SelectDocEnd    key.Binding
	SelectAll                       key.Binding
	Newline                         key.Binding
	Backspace, Delete               key.Binding
	DeleteWordBackward              key.Binding
	Undo, Redo                      key.Binding
	Copy, Cut, Paste                key.Binding
}

// DefaultKeyMap returns the bindings a Word user expects. ctrl+c copies only
// while text is selected; otherwise the widget ignores it and the parent
// may use it.
func DefaultKeyMap() KeyMap {
	b := func(help string, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Left:               b("←", "左移", "left"),
		Right:              b("→", "右移", "right"),
		Up:                 b("↑", "上一行", "up"),
		Down:               b("↓", "下一行", "down"),
		WordLeft:           b("ctrl+←", "上一词", "ctrl+left", "alt+left", "alt+b"),
		WordRight:          b("ctrl+→", "下一词", "ctrl+right", "alt+right", "alt+f"),
		LineStart:          b("home", "行首", "home"),
		LineEnd:            b("end", "行尾", "end"),
		DocStart:           b("ctrl+home", "到开头", "ctrl+home"),
		DocEnd:             b("ctrl+end", "到末尾", "ctrl+end"),
		PageUp:             b("pgup", "上翻一屏", "pgup"),
		PageDown:           b("pgdn", "下翻一屏", "pgdown"),
		SelectLeft:         b("shift+←", "向左选择", "shift+left"),
		SelectRight:        b("shift+→", "向右选择", "shift+right"),
		SelectUp:           b("shift+↑", "向上选择", "shift+up"),
		SelectDown:         b("shift+↓", "向下选择", "shift+down"),
		SelectWordLeft:     b("ctrl+shift+←", "按词向左选择", "ctrl+shift+left"),
		SelectWordRight:    b("ctrl+shift+→", "按词向右选择", "ctrl+shift+right"),
		SelectLineStart:    b("shift+home", "选择到行首", "shift+home"),
		SelectLineEnd:      b("shift+end", "选择到行尾", "shift+end"),
		SelectDocStart:     b("ctrl+shift+home", "选择到开头", "ctrl+shift+home"),
		SelectDocEnd:       b("ctrl+shift+end", "选择到末尾", "ctrl+shift+end"),
		SelectAll:          b("ctrl+a", "全选", "ctrl+a"),
		Newline:            b("enter", "换段", "enter", "ctrl+j"),
		Backspace:          b("backspace", "删除前一字", "backspace", "ctrl+h"),
		Delete:             b("delete", "删除后一字", "delete"),
		DeleteWordBackward: b("ctrl+w", "删除前一词", "ctrl+w", "alt+backspace"),
		Undo:               b("ctrl+z", "撤销", "ctrl+z"),
		Redo:               b("ctrl+y", "重做", "ctrl+y"),
		Copy:               b("ctrl+c", "复制所选", "ctrl+c"),
		Cut:                b("ctrl+x", "剪切所选", "ctrl+x"),
		Paste:              b("ctrl+v", "粘贴", "ctrl+v"),
	}
}

// ShortHelp implements help.KeyMap: the keys a newcomer needs first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Undo, k.Redo, k.SelectAll, k.Copy, k.Cut, k.Paste}
}

// FullHelp implements help.KeyMap, one column per kind of key.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Left, k.Right, k.Up, k.Down, k.WordLeft, k.WordRight},
		{k.LineStart, k.LineEnd, k.DocStart, k.DocEnd, k.PageUp, k.PageDown},
		{k.SelectLeft, k.SelectRight, k.SelectUp, k.SelectDown, k.SelectWordLeft, k.SelectWordRight},
		{k.SelectLineStart, k.SelectLineEnd, k.SelectDocStart, k.SelectDocEnd, k.SelectAll},
		{k.Newline, k.Backspace, k.Delete, k.DeleteWordBackward},
		{k.Undo, k.Redo, k.Copy, k.Cut, k.Paste},
	}
}
