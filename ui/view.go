package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"nianbao/ui/keymap"
)

// View draws the screen and tells the output writer where the insertion
// point is, for the IME cursor.
func (a *App) View() string {
	c := a.c
	if c.width <= 0 || c.height <= 0 {
		return ""
	}
	l := a.lay
	if l.tooSmall {
		a.env.cursor.Set(0, 0, false)
		return a.tooSmallView()
	}
	st := c.styles
	treeStyle := st.Pane
	if a.focus == focusTree {
		treeStyle = st.PaneFocused
	}
	left := a.treeFrame(treeStyle)
	right := a.rightView()
	var b strings.Builder
	b.Grow(c.width * c.height * 4)
	for i := 0; i < l.mainH; i++ {
		if i < len(left) {
			b.WriteString(left[i])
		}
		if i < len(right) {
			b.WriteString(right[i])
		}
		b.WriteByte('\n')
	}
	info := a.statusInfo()
	bar := renderStatus(st, c.width, info)
	b.WriteString(bar)
	b.WriteByte('\n')
	if long := messageLine(st, c.width, info, bar); long != "" {
		// Until the next key the message takes the help line's row.
		b.WriteString(long)
	} else {
		b.WriteString(a.helpLine())
	}
	a.placeCursor()
	return b.String()
}

// treeFrame reuses the last drawn tree while nothing in it changed: the
// tree does not change while typing.
func (a *App) treeFrame(s lipgloss.Style) []string {
	key := a.tree.cacheKey()
	if a.cache.tree == nil || key != a.cache.treeKey {
		a.cache.tree, a.cache.treeKey = frame(s, a.lay.treeW, a.lay.mainH, a.tree.View()), key
	}
	return a.cache.tree
}

func (a *App) rightView() []string {
	st := a.c.styles
	l := a.lay
	paneStyle := st.Pane
	if a.focus != focusTree && a.focus != focusFindings {
		paneStyle = st.PaneFocused
	}
	var content string
	switch a.state {
	case stateMeta:
		content = a.meta.View()
	case stateEdit:
		content = a.sectionView()
	case statePreview:
		content = a.preview.View()
	case stateHelp:
		content = a.fullHelpView()
	case stateConfirmQuit:
		content = a.dialog(keymap.QuitQuestion, keymap.QuitChoices) // the template editor asks the same
	case stateSaveAs:
		content = a.dialog("保存为（相对于当前目录）：", a.dialogs.fileName.View())
	case statePrompt:
		content = a.promptView()
	case stateLeftover:
		content = a.leftoverView()
	case statePrevious:
		content = a.dialog("附上去年的报告（草稿 .yaml，或 .docx、.txt 等文档）：", a.dialogs.previous.View())
	}
	out := frame(paneStyle, l.rightW, l.paneH, content)
	if a.shown.findings {
		fs := st.Pane
		if a.focus == focusFindings {
			fs = st.PaneFocused
		}
		out = append(out, frame(fs, l.rightW, l.findingsH, a.findings.View())...)
	}
	return out
}

func (a *App) sectionView() string {
	st := a.c.styles
	l := a.lay
	s := a.current()
	req := "（选填）"
	if s.Required {
		req = "（必填）"
	}
	if a.cache.sectionHead == "" {
		// Title and guidance change only with the section or the size.
		var h strings.Builder
		h.WriteString(st.Section.Title.Render(ansi.Truncate(a.c.heading(s)+req, l.innerW, "…")))
		for _, g := range a.cache.guidance {
			h.WriteString("\n" + st.Section.Guidance.Render(g))
		}
		a.cache.sectionHead = h.String()
	}
	var b strings.Builder
	b.WriteString(a.cache.sectionHead)
	b.WriteByte('\n')
	b.WriteString(a.editor(a.cur).View())
	if l.figureRows > 0 {
		b.WriteByte('\n')
		b.WriteString(st.Section.Rule.Render(ruleLine("数字（tab 切换）", l.innerW)))
		b.WriteByte('\n')
		b.WriteString(a.figures.View())
	}
	if l.planRows > 0 {
		b.WriteByte('\n')
		b.WriteString(a.plansView())
	}
	return b.String()
}

func ruleLine(title string, w int) string {
	s := "── " + title + " "
	return ansi.Truncate(s+strings.Repeat("─", max(0, w-ansi.StringWidth(s))), w, "")
}

func (a *App) dialog(title, body string) string {
	l := a.lay
	box := a.c.styles.Dialog.Render(title + "\n\n" + body)
	return lipgloss.Place(l.innerW, l.innerH, lipgloss.Center, lipgloss.Center, box)
}

func (a *App) tooSmallView() string {
	c := a.c
	msg := fmt.Sprintf("窗口太小（%d×%d）。请把终端放大到至少 %d×%d；其间的输入照常记入草稿。ctrl+q 退出。", c.width, c.height, minWidth, minHeight)
	lines := strings.Split(lipgloss.NewStyle().Width(c.width).Render(msg), "\n")
	if len(lines) > c.height {
		lines = lines[:c.height]
	}
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], c.width, "")
	}
	return strings.Join(lines, "\n")
}

func (a *App) statusInfo() statusInfo {
	return statusInfo{
		path:         a.file.path,
		isNew:        !a.file.onDisk,
		dirty:        a.dirty(),
		saving:       a.file.saving,
		checked:      a.live.checked,
		completeness: a.live.result.Completeness,
		sectionChars: a.live.lens[a.cur],
		totalChars:   a.live.total,
		message:      a.status.text,
		isError:      a.status.isErr,
	}
}

// placeCursor sets the IME cursor target from the layout: where the
// focused editor or input draws its insertion point.
func (a *App) placeCursor() {
	l := a.lay
	x0 := l.treeW + l.frameX
	y0 := l.frame
	switch {
	case a.state == stateEdit && a.focus == focusProse:
		row, col := a.editor(a.cur).CursorPosition()
		a.env.cursor.Set(x0+col, y0+1+l.guidanceRows+row, true)
	case a.state == stateEdit && a.focus == focusFigures:
		row, col, ok := a.figures.cursorCell()
		a.env.cursor.Set(x0+col, y0+1+l.guidanceRows+l.editorRows+1+row, ok)
	case a.state == stateLeftover && a.focus == focusProse:
		row, col := a.leftoverEditor(a.leftover).CursorPosition()
		a.env.cursor.Set(x0+col, y0+len(a.leftoverHead())+row, true)
	case a.state == stateMeta && a.focus != focusTree:
		row, col := a.meta.cursorCell()
		a.env.cursor.Set(x0+col, y0+row, true)
	default:
		a.env.cursor.Set(0, 0, false)
	}
}

// keyList adapts a list of bindings to help.KeyMap.
type keyList struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyList) ShortHelp() []key.Binding  { return k.short }
func (k keyList) FullHelp() [][]key.Binding { return k.full }

// activeKeys is the help for what has focus, then the keys that work
// everywhere.
func (a *App) activeKeys() keyList {
	k := a.c.keys
	var child []key.Binding
	switch a.state {
	case stateMeta:
		child = a.meta.ShortHelp()
		if a.focus == focusTree {
			child = a.tree.ShortHelp()
		}
	case stateEdit:
		switch a.focus {
		case focusProse:
			child = []key.Binding{k.NextSection, k.PrevSection, k.SwitchPane, k.FocusTree}
		case focusFigures:
			child = a.figures.ShortHelp()
		case focusTree:
			child = a.tree.ShortHelp()
		case focusFindings:
			child = a.findings.ShortHelp()
		}
	case statePreview:
		child = a.preview.ShortHelp()
	case stateHelp:
		child = []key.Binding{withHelp(k.Up, "滚动"), withHelp(k.Back, "返回")}
	case stateConfirmQuit:
		child = []key.Binding{k.ConfirmSave, k.ConfirmDrop, k.ConfirmAbort}
	case stateSaveAs:
		child = []key.Binding{withHelp(k.Enter, "保存"), withHelp(k.Back, "取消")}
	case statePrompt:
	case stateLeftover:
		child = []key.Binding{k.NextSection, k.FocusTree}
	case statePrevious:
		child = a.previousKeys()
	}
	short := child
	for _, g := range []key.Binding{k.Save, k.Findings, k.Preview, k.Help, k.Quit} {
		if !hasKey(short, g) {
			short = append(short, g)
		}
	}
	return keyList{short: short, full: [][]key.Binding{
		{k.NextSection, k.PrevSection, k.NextAny, k.PrevAny, k.SwitchPane, k.BackPane},
		{k.FocusTree, k.Up, k.Down, k.Enter, k.Meta, k.Guidance},
		{k.Save, k.SaveAs, k.Export, k.Findings, k.Preview, k.ExtEditor, k.Help, k.Quit, k.Previous},
	}}
}

// helpLine is cached by what decides it, since it does not change per key.
func (a *App) helpLine() string {
	hk := helpKey{a.state, a.focus, a.c.width, a.focus == focusFindings && a.findings.canMask()}
	if a.cache.help != "" && hk == a.cache.helpKey {
		return a.cache.help
	}
	if a.state == statePrompt {
		// The prompt's own answers are the only keys that work.
		return ansi.Truncate(a.c.styles.Help.Render(a.promptLabels()), a.c.width, "…")
	}
	keys := a.activeKeys().short
	if a.state == stateConfirmQuit || a.state == stateSaveAs || a.state == statePrevious {
		keys = keys[:min(3, len(keys))]
	}
	unbounded := a.help.model
	unbounded.Width = 0 // measure the whole line; help.Model cuts at Width
	keys = fitHelp(keys, a.c.keys, func(ks []key.Binding) int { return ansi.StringWidth(unbounded.ShortHelpView(ks)) }, a.c.width)
	a.cache.help = ansi.Truncate(a.help.model.ShortHelpView(keys), a.c.width, "…")
	a.cache.helpKey = hk
	return a.cache.help
}

type helpKey struct {
	state appState
	focus focusArea
	width int
	mask  bool // the selected finding offers the mask key
}

// fullHelpView lists every key one per line (help.Model's columns do not
// fit a pane) and explains the tree marks.
func (a *App) fullHelpView() string {
	st := a.c.styles.Section
	var lines []string
	list := func(title string, groups [][]key.Binding) {
		lines = append(lines, st.Title.Render(title))
		var items []string
		for _, g := range groups {
			for _, b := range g {
				if b.Enabled() && b.Help().Key != "" {
					items = append(items, padRight(b.Help().Key, 16)+b.Help().Desc)
				}
			}
		}
		// Two columns when they fit, so the list stays on one screen.
		colW := 32
		if a.lay.innerW >= 2*colW {
			half := (len(items) + 1) / 2
			for i := 0; i < half; i++ {
				row := padRight(items[i], colW)
				if i+half < len(items) {
					row += items[i+half]
				}
				lines = append(lines, " "+row)
			}
		} else {
			for _, it := range items {
				lines = append(lines, " "+it)
			}
		}
		lines = append(lines, "")
	}
	list("按键", a.activeKeys().full)
	// Every prose key, not only those that work at this moment (undo with
	// nothing to undo, copy with no selection): F1 is where keys are found.
	list("正文编辑", proseKeyReference().FullHelp())
	lines = append(lines, st.Title.Render("目录标记"))
	for _, s := range []sectionStatus{statusDone, statusStarted, statusMissing, statusProblem, statusOptional} {
		lines = append(lines, " "+glyph(s)+"  "+meaning(s))
	}
	lines = append(lines, " >  当前章节（目录获得焦点时为光标所在行）",
		" #  已移除章节或未归类内容：不打印，可把文字移到合适的章节", "", "↑↓/PgUp/PgDn 滚动，其他键返回。")
	a.help.offset = max(0, min(a.help.offset, len(lines)-a.lay.innerH))
	lines = lines[a.help.offset:]
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], a.lay.innerW, "…")
	}
	return strings.Join(lines[:min(len(lines), a.lay.innerH)], "\n")
}

// fitHelp drops keys of the pane from the end of the help line until it
// fits the width, so the keys that work everywhere (save, findings,
// preview, help, quit) are never the ones cut off.
func fitHelp(keys []key.Binding, km KeyMap, width func([]key.Binding) int, w int) []key.Binding {
	global := []key.Binding{km.Save, km.Findings, km.Preview, km.Help, km.Quit}
	out := append([]key.Binding(nil), keys...)
	for width(out) > w {
		i := len(out) - 1
		for i >= 0 && hasKey(global, out[i]) {
			i--
		}
		if i < 0 {
			break
		}
		out = append(out[:i], out[i+1:]...)
	}
	return out
}

func hasKey(list []key.Binding, b key.Binding) bool {
	for _, x := range list {
		if x.Help().Key == b.Help().Key {
			return true
		}
	}
	return false
}
