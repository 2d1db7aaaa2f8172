package templateeditor

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"nianbao/ui/keymap"
	"nianbao/ui/textedit"
)

// KeyMap holds every key of the template editor with Chinese help. The
// keys both editors have (save, quit, help, undo, the quit question) come
// from keymap.Common, so they mean the same as in the drafting editor.
// Which ones the help line shows depends on the state (see keyHelp).
type KeyMap struct {
	keymap.Common
	AddSibling, AddChild   key.Binding
	Edit, Rename, RenameID key.Binding
	Info                   key.Binding
	ToggleRequired         key.Binding
	MoveUp, MoveDown       key.Binding
	Indent, Outdent        key.Binding
	Arrange                key.Binding // K J > < in one help entry; never matched
	Delete                 key.Binding
	Figures, Rules         key.Binding
	AddFigure              key.Binding
	Cycle                  key.Binding
	Yes, No                key.Binding // the delete question
	NextField, PrevField   key.Binding
	Submit, Cancel         key.Binding
	FormSave               key.Binding // ctrl+s in a form: accept it, then save
	Newline                key.Binding // in a multi-line field; handled by textedit
	Flip, Choose           key.Binding // a 是/否 field, a choice field
	FormHelp, FormQuit     key.Binding // F1 and ctrl+q: in a form q and ? are text
	ResetRule              key.Binding
}

// DefaultKeyMap is the editor's key layout. Letters rather than shift+arrow
// combinations, because terminals (and tmux) pass those on unreliably;
// outside a form no key types text, so q and ? are free as well as ctrl+q
// and F1.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	c := keymap.Default()
	formHelp, formQuit := c.Help, c.Quit
	c.Quit = keymap.Extend(c.Quit, "q/ctrl+q", "q")
	c.Help = keymap.Extend(c.Help, "F1/?", "?")
	c.Back = keymap.Extend(keymap.WithHelp(c.Back, "返回章节"), "esc", "f")
	c.PageUp = keymap.WithHelp(c.PageUp, "检查结果上翻")
	c.PageDown = keymap.WithHelp(c.PageDown, "检查结果下翻")
	return KeyMap{
		Common:         c,
		AddSibling:     b([]string{"a"}, "a", "新增同级章节"),
		AddChild:       b([]string{"A"}, "A", "新增下级章节"),
		Edit:           b([]string{"e", "enter"}, "e", "编辑"),
		Rename:         b([]string{"r"}, "r", "改标题"),
		RenameID:       b([]string{"i"}, "i", "改 id"),
		Info:           b([]string{"t"}, "t", "模板名称和标题格式"),
		ToggleRequired: b([]string{" "}, "空格", "必填/选填"),
		MoveUp:         b([]string{"K", "alt+up"}, "K", "移到前面"),
		MoveDown:       b([]string{"J", "alt+down"}, "J", "移到后面"),
		Indent:         b([]string{">", "tab"}, ">", "降一级"),
		Outdent:        b([]string{"<", "shift+tab"}, "<", "升一级"),
		Arrange:        b([]string{"K", "J", ">", "<"}, "K J > <", "移动/升降级"),
		Delete:         b([]string{"d", "delete"}, "d", "删除"),
		Figures:        b([]string{"f"}, "f", "数字"),
		Rules:          b([]string{"R"}, "R", "规则级别"),
		AddFigure:      b([]string{"a"}, "a", "新增数字"),
		Cycle:          b([]string{" ", "enter", "right", "l"}, "空格", "改级别"),
		ResetRule:      b([]string{"backspace", "0"}, "0", "恢复默认"),
		Yes:            b([]string{"y"}, "y", "删除"),
		No:             b([]string{"n", "esc"}, "n", "取消"),
		NextField:      b([]string{"tab"}, "tab", "下一栏"),
		PrevField:      c.BackPane,
		Submit:         b([]string{"enter"}, "enter", "确定"),
		Cancel:         b([]string{"esc"}, "esc", "取消"),
		FormSave:       keymap.WithHelp(c.Save, "确定并保存"),
		Newline:        textedit.DefaultKeyMap().Newline,
		Flip:           b([]string{" ", "left", "right"}, "空格", "是/否"),
		Choose:         b([]string{" ", "right"}, "空格/←→", "换一项"),
		FormHelp:       formHelp,
		FormQuit:       formQuit,
	}
}

// keyHelp adapts a list of bindings to help.KeyMap.
type keyHelp struct {
	short, full []key.Binding
	keep        int // the last keep entries of short survive cutting (save, quit, help)
	perColumn   int // rows of the full help; see helpView
}

func (k keyHelp) ShortHelp() []key.Binding { return k.short }

// FullHelp lays the keys out in columns of perColumn rows.
func (k keyHelp) FullHelp() [][]key.Binding {
	per := max(k.perColumn, 1)
	var cols [][]key.Binding
	for i := 0; i < len(k.full); i += per {
		cols = append(cols, k.full[i:min(i+per, len(k.full))])
	}
	return cols
}

// helpView is the help line, or with F1 the full list. The short line is
// cut from its middle, never its end, so the help key itself always shows;
// the full list takes as many rows as it needs to fit the width, so no
// column is dropped.
func (m *Model) helpView() string {
	kh := m.keyHelp()
	h := m.help
	h.Width = 0 // measure whole lines; help.Model would cut at Width
	if m.help.ShowAll && len(kh.full) > 0 {
		for kh.perColumn = 6; kh.perColumn < len(kh.full); kh.perColumn++ {
			if lipgloss.Width(h.FullHelpView(kh.FullHelp())) <= m.width {
				break
			}
		}
		return h.FullHelpView(kh.FullHelp())
	}
	short := kh.short
	keep := max(kh.keep, 1)
	for len(short) > keep+1 && lipgloss.Width(h.ShortHelpView(short)) > m.width {
		cut := len(short) - keep - 1
		short = append(short[:cut:cut], short[cut+1:]...)
	}
	// ansi, not runewidth: the line carries colour codes on a terminal.
	return ansi.Truncate(h.ShortHelpView(short), max(m.width, 1), "…")
}

// help lists the keys that work in the current state, so the help line
// never offers a key that does nothing.
func (m *Model) keyHelp() keyHelp {
	kh := m.stateKeys()
	// The short line offers undo and redo only when they would do
	// something; F1's full list always has them, so they can be found.
	for i, b := range kh.short {
		switch {
		case sameBinding(b, m.keys.Undo):
			kh.short[i].SetEnabled(len(m.undo) > 0)
		case sameBinding(b, m.keys.Redo):
			kh.short[i].SetEnabled(len(m.redo) > 0)
		}
	}
	return kh
}

func sameBinding(a, b key.Binding) bool { return a.Help() == b.Help() }

// stateKeys lists the keys of the current state, all enabled.
func (m *Model) stateKeys() keyHelp {
	k := m.keys
	switch m.state {
	case stateTree:
		// Most used first, the help key last: the line is cut from the
		// middle (helpView).
		short := []key.Binding{k.AddSibling, k.AddChild, k.Edit, k.Undo, k.Delete, k.ToggleRequired,
			k.Arrange, k.Figures, k.Rules, k.Save, k.Quit, k.Help}
		full := []key.Binding{k.Up, k.Down, k.AddSibling, k.AddChild, k.Edit, k.Rename, k.RenameID,
			k.ToggleRequired, k.MoveUp, k.MoveDown, k.Indent, k.Outdent, k.Delete, k.Figures, k.Rules,
			k.Info, k.Undo, k.Redo, k.PageUp, k.PageDown, k.Save, k.Quit, k.Help}
		return keyHelp{short: short, full: full, keep: 3}
	case stateFigures:
		short := []key.Binding{k.AddFigure, k.Edit, k.Delete, k.Undo, k.Back, k.Up, k.Down, k.MoveUp, k.MoveDown, k.Save, k.Help}
		full := []key.Binding{k.Up, k.Down, k.AddFigure, k.Edit, k.MoveUp, k.MoveDown, k.Delete, k.Undo, k.Redo,
			k.Back, k.PageUp, k.PageDown, k.Save, k.Quit, k.Help}
		return keyHelp{short: short, full: full, keep: 2}
	case stateRules:
		short := []key.Binding{k.Cycle, k.ResetRule, k.Undo, k.Back, k.Up, k.Down, k.Save, k.Help}
		full := []key.Binding{k.Up, k.Down, k.Cycle, k.ResetRule, k.Undo, k.Redo, k.Back, k.PageUp, k.PageDown, k.Save, k.Quit, k.Help}
		return keyHelp{short: short, full: full, keep: 2}
	case stateForm:
		// What enter does depends on the field: in a multi-line field it
		// starts a new paragraph, and the line says how to accept instead.
		var short []key.Binding
		switch m.form.kindOfFocus() {
		case fieldArea:
			short = []key.Binding{k.Newline, k.FormSave, k.NextField, k.PrevField, k.Cancel}
		case fieldToggle:
			short = []key.Binding{k.Flip, k.Submit, k.FormSave, k.NextField, k.PrevField, k.Cancel}
		case fieldChoice:
			short = []key.Binding{k.Choose, k.Submit, k.FormSave, k.NextField, k.PrevField, k.Cancel}
		default:
			short = []key.Binding{k.Submit, k.FormSave, k.NextField, k.PrevField, k.Cancel}
		}
		full := append(append([]key.Binding(nil), short...), k.FormHelp, k.FormQuit)
		return keyHelp{short: short, full: full}
	case stateConfirmDelete:
		return keyHelp{short: []key.Binding{k.Yes, k.No}}
	case stateConfirmQuit:
		return keyHelp{short: []key.Binding{k.ConfirmSave, k.ConfirmDrop, k.ConfirmAbort}}
	}
	return keyHelp{}
}
