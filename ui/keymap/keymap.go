// Package keymap holds the key bindings both editors share (the drafting
// editor in package ui and the template editor), so one key means one
// thing everywhere: ctrl+s saves, F1 lists the keys, esc steps back, and
// the quit question takes the same answers. Each editor embeds Common in
// its own KeyMap and adds what only it has; a binding that needs an extra
// key or a different word in one place is derived with Extend or WithHelp,
// never written out again.
package keymap

import "github.com/charmbracelet/bubbles/key"

// Common is every binding both editors have. The field names are those of
// the drafting editor's KeyMap, so embedding Common there keeps k.Save,
// k.Up, ... working unchanged.
type Common struct {
	Up        key.Binding
	Down      key.Binding
	Enter     key.Binding
	Back      key.Binding // esc: one step back (close a pane, cancel a form)
	BackPane  key.Binding // shift+tab: the previous pane or field
	Help      key.Binding
	Save      key.Binding
	Quit      key.Binding
	Interrupt key.Binding // ctrl+c: quit like ctrl+q
	Undo      key.Binding
	Redo      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding

	// The quit question: same keys and words in both editors.
	ConfirmSave  key.Binding
	ConfirmDrop  key.Binding
	ConfirmAbort key.Binding
}

// The quit question's text, for the dialog or status line that asks it.
const (
	QuitQuestion = "有尚未保存的修改。"
	QuitChoices  = "[s] 保存并退出    [d] 不保存退出    [esc] 取消"
)

func bind(keys []string, k, h string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
}

// Default returns the shared bindings with the help texts drafters see.
// Undo and redo are the keys the prose widget (ui/textedit) binds, listed
// here so help can show them in both editors.
func Default() Common {
	return Common{
		Up:          bind([]string{"up", "k"}, "↑", "上移"),
		Down:        bind([]string{"down", "j"}, "↓", "下移"),
		Enter:       bind([]string{"enter"}, "enter", "打开"),
		Back:        bind([]string{"esc"}, "esc", "返回"),
		BackPane:    bind([]string{"shift+tab"}, "shift+tab", "上一栏"),
		Help:        bind([]string{"f1"}, "F1", "全部按键"),
		Save:        bind([]string{"ctrl+s"}, "ctrl+s", "保存"),
		Quit:        bind([]string{"ctrl+q"}, "ctrl+q", "退出"),
		Interrupt:   bind([]string{"ctrl+c"}, "ctrl+c", "退出"),
		Undo:        bind([]string{"ctrl+z"}, "ctrl+z", "撤销"),
		Redo:        bind([]string{"ctrl+y"}, "ctrl+y", "重做"),
		PageUp:      bind([]string{"pgup"}, "PgUp", "上翻"),
		PageDown:    bind([]string{"pgdown"}, "PgDn", "下翻"),
		ConfirmSave: bind([]string{"s", "y", "enter"}, "s", "保存并退出"),
		// Only d, the key shown, drops: the one answer that loses text
		// has no hidden alias (n, typed by habit or in a word, once did).
		ConfirmDrop:  bind([]string{"d"}, "d", "不保存退出"),
		ConfirmAbort: bind([]string{"esc", "c"}, "esc", "取消"),
	}
}

// WithHelp relabels a binding for one context (enter opens here, saves
// there); the keys stay the same.
func WithHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// Extend adds keys to a binding and shows them under helpKey, for an
// editor where a plain letter is free to be a command (the template
// editor's tree takes q and ?, which the prose editor must insert).
func Extend(b key.Binding, helpKey string, keys ...string) key.Binding {
	b.SetKeys(append(append([]string(nil), b.Keys()...), keys...)...)
	b.SetHelp(helpKey, b.Help().Desc)
	return b
}
