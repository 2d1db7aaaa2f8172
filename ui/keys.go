package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the editor itself handles, with Chinese help. Keys
// typed into the prose editor and inputs belong to those widgets; the root
// only takes keys that cannot be text (ctrl, function keys) while typing.
type KeyMap struct {
	NextSection  key.Binding // guided: next required section
	PrevSection  key.Binding
	NextAny      key.Binding // any section, optional ones included
	PrevAny      key.Binding
	SwitchPane   key.Binding // prose ⇄ figures
	BackPane     key.Binding
	FocusTree    key.Binding
	Up           key.Binding
	Down         key.Binding
	Enter        key.Binding
	Back         key.Binding
	Guidance     key.Binding
	Findings     key.Binding
	Preview      key.Binding
	Help         key.Binding
	Save         key.Binding
	SaveAs       key.Binding
	Quit         key.Binding
	Interrupt    key.Binding // ctrl+c: quit like ctrl+q
	ExtEditor    key.Binding
	Meta         key.Binding
	Export       key.Binding
	Previous     key.Binding // attach last year's report
	Mask         key.Binding // in the findings: mask the number or name a publish finding is about
	PageUp       key.Binding
	PageDown     key.Binding
	ConfirmSave  key.Binding
	ConfirmDrop  key.Binding
	ConfirmAbort key.Binding
}

// DefaultKeyMap returns the bindings documented in the README.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return KeyMap{
		NextSection:  b([]string{"ctrl+n"}, "ctrl+n", "下一必填节"),
		PrevSection:  b([]string{"ctrl+p"}, "ctrl+p", "上一必填节"),
		NextAny:      b([]string{"alt+down", "ctrl+down"}, "alt+↓", "下一节(含选填)"),
		PrevAny:      b([]string{"alt+up", "ctrl+up"}, "alt+↑", "上一节(含选填)"),
		SwitchPane:   b([]string{"tab"}, "tab", "正文/数字"),
		BackPane:     b([]string{"shift+tab"}, "shift+tab", "上一栏"),
		FocusTree:    b([]string{"ctrl+t", "esc"}, "ctrl+t/esc", "目录"),
		Up:           b([]string{"up", "k"}, "↑", "上移"),
		Down:         b([]string{"down", "j"}, "↓", "下移"),
		Enter:        b([]string{"enter"}, "enter", "打开"),
		Back:         b([]string{"esc"}, "esc", "返回"),
		Guidance:     b([]string{"ctrl+g"}, "ctrl+g", "说明 显示/隐藏"),
		Findings:     b([]string{"f2", "ctrl+f"}, "F2", "检查结果"),
		Preview:      b([]string{"f3", "ctrl+o"}, "F3", "预览"),
		Help:         b([]string{"f1"}, "F1", "全部按键"),
		Save:         b([]string{"ctrl+s"}, "ctrl+s", "保存"),
		SaveAs:       b([]string{"f6", "alt+s"}, "F6", "另存为"),
		Quit:         b([]string{"ctrl+q"}, "ctrl+q", "退出"),
		Interrupt:    b([]string{"ctrl+c"}, "ctrl+c", "退出"),
		ExtEditor:    b([]string{"ctrl+e"}, "ctrl+e", "用外部编辑器"),
		Meta:         b([]string{"f4"}, "F4", "报告信息"),
		Export:       b([]string{"f5"}, "F5", "导出…"),
		Previous:     b([]string{"f7"}, "F7", "附上去年报告"),
		Mask:         b([]string{"m"}, "m", "遮盖"),
		PageUp:       b([]string{"pgup"}, "PgUp", "上翻"),
		PageDown:     b([]string{"pgdown"}, "PgDn", "下翻"),
		ConfirmSave:  b([]string{"s", "y", "enter"}, "s", "保存并退出"),
		ConfirmDrop:  b([]string{"d", "n"}, "d", "不保存退出"),
		ConfirmAbort: b([]string{"esc", "c"}, "esc", "取消"),
	}
}
