package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"nianbao/ui/keymap"
)

// KeyMap is every key the editor itself handles, with Chinese help. Keys
// typed into the prose editor and inputs belong to those widgets; the root
// only takes keys that cannot be text (ctrl, function keys) while typing.
type KeyMap struct {
	// Common is what both editors bind alike (save, quit, help, the quit
	// question…); see ui/keymap.
	keymap.Common

	NextSection key.Binding // guided: next required section
	PrevSection key.Binding
	NextAny     key.Binding // any section, optional ones included
	PrevAny     key.Binding
	SwitchPane  key.Binding // prose ⇄ figures
	FocusTree   key.Binding
	Guidance    key.Binding
	Findings    key.Binding
	Preview     key.Binding
	SaveAs      key.Binding
	ExtEditor   key.Binding
	Meta        key.Binding
	Export      key.Binding
	Previous    key.Binding // attach last year's report
	Mask        key.Binding // in the findings: mask the number or name a publish finding is about
}

// DefaultKeyMap returns the bindings documented in the README.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, h string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, h))
	}
	return KeyMap{
		Common:      keymap.Default(),
		NextSection: b([]string{"ctrl+n"}, "ctrl+n", "下一必填节"),
		PrevSection: b([]string{"ctrl+p"}, "ctrl+p", "上一必填节"),
		NextAny:     b([]string{"alt+down", "ctrl+down"}, "alt+↓", "下一节(含选填)"),
		PrevAny:     b([]string{"alt+up", "ctrl+up"}, "alt+↑", "上一节(含选填)"),
		SwitchPane:  b([]string{"tab"}, "tab", "正文/数字"),
		FocusTree:   b([]string{"ctrl+t", "esc"}, "ctrl+t/esc", "目录"),
		Guidance:    b([]string{"ctrl+g"}, "ctrl+g", "说明 显示/隐藏"),
		Findings:    b([]string{"f2", "ctrl+f"}, "F2", "检查结果"),
		Preview:     b([]string{"f3", "ctrl+o"}, "F3", "预览"),
		SaveAs:      b([]string{"f6", "alt+s"}, "F6", "另存为"),
		ExtEditor:   b([]string{"ctrl+e"}, "ctrl+e", "用外部编辑器"),
		Meta:        b([]string{"f4"}, "F4", "报告信息"),
		Export:      b([]string{"f5"}, "F5", "导出…"),
		Previous:    b([]string{"f7"}, "F7", "附上去年报告"),
		Mask:        b([]string{"m"}, "m", "遮盖"),
	}
}
