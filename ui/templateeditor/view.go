package templateeditor

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"nianbao/check"
	"nianbao/lint"
	"nianbao/model"
	"nianbao/ui/keymap"
)

const lintLines = 3 // findings shown in the lint panel at once

// The smallest terminal the editor draws in, the drafting editor's: below
// it the panes would wrap and the screen would be unreadable.
const minWidth, minHeight = 60, 16

func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

func (m *Model) treeWidth() int {
	return min(max(m.width*2/5, 24), 56)
}

// View implements tea.Model. It also tells the output writer where the
// text cursor of the field being edited is, for the input method.
func (m *Model) View() string {
	if m.quitting {
		m.term.Disable()
		return ""
	}
	if m.tooSmall() {
		m.term.Set(0, 0, false)
		msg := fmt.Sprintf("窗口太小（%d×%d）。请把终端放大到至少 %d×%d。ctrl+q 退出。", m.width, m.height, minWidth, minHeight)
		return wrap(msg, max(m.width, 4))
	}
	st := m.styles
	header := m.header()
	status := m.statusLine()
	helpLine := m.helpView()
	lintBox := m.lintView()
	used := lipgloss.Height(header) + lipgloss.Height(status) + lipgloss.Height(helpLine) + lipgloss.Height(lintBox)
	bodyH := max(6, m.height-used)
	innerH := bodyH - st.Pane.GetVerticalFrameSize()

	leftW := m.treeWidth()
	rightW := max(20, m.width-leftW)
	left, right := st.Pane, st.PaneFocus
	if m.state == stateTree {
		left, right = st.PaneFocus, st.Pane
	}
	// lipgloss's Width counts padding but not the border.
	lw := leftW - left.GetHorizontalBorderSize()
	rw := rightW - right.GetHorizontalBorderSize()
	lc, rc := lw-left.GetHorizontalPadding(), rw-right.GetHorizontalPadding()
	tree := left.Width(lw).Height(innerH).Render(clip(m.treeView(lc, innerH), innerH, lc))
	var detail string
	m.cur = cursorCell{}
	switch m.state {
	case stateForm:
		fv := m.form.view(st, innerH)
		detail = fv.text
		if fv.ok {
			// Inside the right pane: past the tree, the border and the
			// padding; below the header and the top border.
			m.cur = cursorCell{
				x:  lipgloss.Width(tree) + right.GetBorderLeftSize() + right.GetPaddingLeft() + fv.col,
				y:  lipgloss.Height(header) + right.GetBorderTopSize() + fv.row,
				ok: true,
			}
		}
	case stateRules:
		detail = m.rulesView(rc, innerH)
	default:
		detail = m.detailView(rc)
	}
	m.term.Set(m.cur.x, m.cur.y, m.cur.ok)
	details := right.Width(rw).Height(innerH).Render(clip(detail, innerH, rc))
	body := lipgloss.JoinHorizontal(lipgloss.Top, tree, details)
	return lipgloss.JoinVertical(lipgloss.Left, header, body, lintBox, status, helpLine)
}

// cursorCell is the screen cell of the text cursor after the last View.
type cursorCell struct {
	x, y int
	ok   bool // a field with a text cursor is being edited
}

func (m *Model) header() string {
	dirty := ""
	if m.dirty() {
		dirty = "  [未保存]"
	}
	name := m.t.Name
	if name != "" {
		name = "  " + name
	}
	// One row whatever the path's length: a wrapped header would push
	// every pane (and the terminal cursor's row) down. The file name and
	// the unsaved mark outlast the folders and the template's name.
	path := m.opts.Path
	line := func() string {
		return fmt.Sprintf("模板编辑：%s  id %s  第 %d 版%s%s", path, m.t.ID, m.t.Version, dirty, name)
	}
	if runewidth.StringWidth(line()) > m.width && filepath.Base(path) != path {
		path = "…" + string(filepath.Separator) + filepath.Base(path)
	}
	return m.styles.Header.Render(runewidth.Truncate(line(), max(m.width, 1), "…"))
}

// clip keeps a pane's content inside its box, so a long guidance text or
// tree never pushes the layout.
func clip(s string, h, w int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…") // styled lines: escape codes take no cells
		}
	}
	return strings.Join(lines, "\n")
}

func (m *Model) treeView(w, h int) string {
	secs := m.t.Flatten()
	if len(secs) == 0 {
		return m.styles.Dim.Render("（没有章节，按 a 新增）")
	}
	m.current()
	nums := m.t.Numbers()
	start := 0
	if m.cursor >= h {
		start = m.cursor - h + 1
	}
	// Titles cut at the end can come out the same (the standard
	// template's 一 and 二 both begin 上一年度推进法治政府建设); those are
	// cut in the middle instead, where they differ at the end.
	prefixes := make([]string, len(secs))
	titles := make([]string, len(secs))
	seen := map[string]int{}
	for i, s := range secs {
		prefixes[i] = strings.Repeat("  ", s.Level-1) + nums[s.ID]
		titles[i] = runewidth.Truncate(s.Title, max(0, w-2-runewidth.StringWidth(prefixes[i])), "…")
		seen[titles[i]]++
	}
	var lines []string
	for i := start; i < len(secs) && len(lines) < h; i++ {
		s := secs[i]
		mark := "  "
		if s.Required {
			mark = m.styles.Required.Render("● ")
		}
		text := prefixes[i] + titles[i]
		if seen[titles[i]] > 1 {
			text = prefixes[i] + cutMiddle(s.Title, w-2-runewidth.StringWidth(prefixes[i]))
		}
		if i == m.cursor {
			text = m.styles.Selected.Render(text)
		}
		lines = append(lines, mark+text)
	}
	return strings.Join(lines, "\n")
}

// cutMiddle fits s into w cells by leaving out its middle: the start
// and the end both show.
func cutMiddle(s string, w int) string {
	if runewidth.StringWidth(s) <= w || w < 3 {
		return runewidth.Truncate(s, max(w, 0), "")
	}
	r := []rune(s)
	head := (w - 1) / 2
	var b strings.Builder
	used := 0
	i := 0
	for ; i < len(r) && used+runewidth.RuneWidth(r[i]) <= head; i++ {
		used += runewidth.RuneWidth(r[i])
	}
	b.WriteString(string(r[:i]))
	b.WriteString("…")
	used++
	j := len(r)
	for tail := 0; j > i && used+tail+runewidth.RuneWidth(r[j-1]) <= w; j-- {
		tail += runewidth.RuneWidth(r[j-1])
	}
	b.WriteString(string(r[j:]))
	return b.String()
}

func (m *Model) detailView(w int) string {
	s := m.current()
	if s == nil {
		return ""
	}
	st := m.styles
	var b strings.Builder
	req := "选填"
	if s.Required {
		req = st.Required.Render("必填")
	}
	mc := "不限"
	if s.MinChars > 0 {
		mc = fmt.Sprintf("%d 字", s.MinChars)
	}
	runIn := ""
	if s.RunIn {
		runIn = " · 标题接排"
	}
	fmt.Fprintf(&b, "%s\nid %s · %s · 最少字数 %s%s\n", st.Header.Render(s.Title), s.ID, req, mc, runIn)
	if len(s.Formerly) > 0 {
		b.WriteString(st.Dim.Render("旧 id："+strings.Join(s.Formerly, "、")+"（旧草稿迁移时内容随之移过来）") + "\n")
	}
	if len(s.Keywords) > 0 {
		b.WriteString(st.Dim.Render(wrap("关键词："+strings.Join(s.Keywords, "、"), w)) + "\n")
	}
	if s.Guidance != "" {
		b.WriteString(st.Dim.Render("填写说明：") + "\n" + wrap(s.Guidance, w) + "\n")
	} else {
		b.WriteString(st.Dim.Render("填写说明：（无）") + "\n")
	}
	b.WriteString("\n")
	hint := "（按 f 编辑数字）"
	if m.state == stateFigures {
		hint = "（a 新增 · e 编辑 · d 删除 · esc 返回）"
	}
	fmt.Fprintf(&b, "%s%s\n", st.Header.Render(fmt.Sprintf("数字 %d 个", len(s.Figures))), st.Dim.Render(hint))
	for i, f := range s.Figures {
		line := figureLine(m.t, f)
		if m.state == stateFigures && i == m.figCursor {
			line = st.Selected.Render("▸ " + line)
		} else {
			line = "  " + line
		}
		b.WriteString(line + "\n")
		if rel := figureNote(m.t, f); rel != "" {
			b.WriteString("    " + st.Dim.Render(rel) + "\n")
		}
	}
	return b.String()
}

var kindLabel = map[model.FigureKind]string{model.KindCount: "数量", model.KindPercent: "比率", model.KindAmount: "金额"}

func figureLine(t *model.Template, f *model.Figure) string {
	parts := []string{f.Label, f.ID}
	if f.Unit != "" {
		parts = append(parts, "单位 "+f.Unit)
	}
	parts = append(parts, kindLabel[f.Kind])
	if f.Required {
		parts = append(parts, "必填")
	}
	if f.Min != nil || f.Max != nil {
		parts = append(parts, fmt.Sprintf("范围 %s～%s", orDash(fnum(f.Min)), orDash(fnum(f.Max))))
	}
	return strings.Join(parts, " · ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// figureNote is the dim line under a figure: its relations and keywords.
func figureNote(t *model.Template, f *model.Figure) string {
	name := func(id string) string {
		if g, _ := t.Figure(id); g != nil {
			return g.Label
		}
		return id + "（不存在）"
	}
	var parts []string
	if f.Rate != nil {
		var dens []string
		for _, d := range f.Rate.Denominators {
			dens = append(dens, name(d))
		}
		parts = append(parts, "= "+name(f.Rate.Numerator)+" ÷ "+strings.Join(dens, " 或 "))
	}
	for _, w := range f.LE {
		parts = append(parts, "≤ "+name(w))
	}
	if len(f.Keywords) > 0 {
		parts = append(parts, "关键词 "+strings.Join(f.Keywords, "、"))
	}
	return strings.Join(parts, "；")
}

// rulesView lists the checker's rules with this template's level, in
// columns measured in cells (ids are ASCII, levels Chinese); the selected
// rule's description is shown in full under the list, since a narrow
// pane cuts it in the row.
func (m *Model) rulesView(w, h int) string {
	st := m.styles
	rules := check.Rules()
	idW := 0
	for _, r := range rules {
		idW = max(idW, runewidth.StringWidth(r.ID)+1)
	}
	const levelW = 14
	sel := rules[min(max(m.ruleCursor, 0), len(rules)-1)]
	desc := strings.Split(wrap("说明："+sel.Description, max(4, w)), "\n")
	desc = desc[:min(len(desc), 3)]
	rows := max(1, h-2-len(desc)) // the title and a blank line
	start := max(0, m.ruleCursor-rows+1)
	lines := []string{st.FormTitle.Render("规则级别（本模板对检查规则的设置）")}
	for i := start; i < len(rules) && i < start+rows; i++ {
		r := rules[i]
		lvl := m.t.Rules[r.ID]
		shown := levelName(lvl)
		if lvl == "" {
			shown = "默认（" + sevName(r.Severity) + "）"
		}
		line := runewidth.FillRight(r.ID, idW) + runewidth.FillRight(shown, levelW)
		if w-idW-levelW >= 8 {
			line += r.Description
		}
		line = runewidth.Truncate(line, w, "…")
		if i == m.ruleCursor {
			line = st.Selected.Render(runewidth.FillRight(line, w))
		}
		lines = append(lines, line)
	}
	lines = append(lines, "")
	for _, d := range desc {
		lines = append(lines, st.Dim.Render(d))
	}
	return strings.Join(lines, "\n")
}

func (m *Model) lintView() string {
	st := m.styles
	errs, warns := lint.Counts(m.findings)
	var lines []string
	if errs+warns == 0 {
		lines = append(lines, st.OK.Render("模板检查：没有问题"))
	} else {
		lines = append(lines, fmt.Sprintf("模板检查：%d 个错误，%d 个警告", errs, warns))
		end := min(len(m.findings), m.lintOffset+lintLines)
		for _, f := range m.findings[m.lintOffset:end] {
			sev := st.Warning.Render("警告")
			if f.Severity == lint.Error {
				sev = st.Error.Render("错误")
			}
			pos := ""
			if f.Line > 0 {
				pos = fmt.Sprintf("第 %d 行 ", f.Line)
			}
			lines = append(lines, sev+" "+pos+f.Message)
		}
		if end < len(m.findings) {
			lines = append(lines, st.Dim.Render(fmt.Sprintf("……还有 %d 条（pgdn 查看）", len(m.findings)-end)))
		}
	}
	w := max(20, m.width-st.Pane.GetHorizontalBorderSize())
	return st.Pane.Width(w).Render(clip(strings.Join(lines, "\n"), lintLines+2, w-st.Pane.GetHorizontalPadding()))
}

func (m *Model) statusLine() string {
	switch m.state {
	case stateConfirmDelete:
		if m.delFig {
			if f := m.currentFigure(); f != nil {
				return m.styles.Status.Render(fmt.Sprintf("确定删除数字“%s”吗？y 删除 · n 取消", f.Label))
			}
		}
		s := m.current()
		sub := &model.Template{Sections: []*model.Section{s}}
		return m.styles.Status.Render(fmt.Sprintf("确定删除章节“%s”吗？连同下级共 %d 节、%d 个数字。y 删除 · n 取消",
			s.Title, len(sub.Flatten()), len(sub.Figures())))
	case stateConfirmQuit:
		return m.styles.Status.Render(keymap.QuitQuestion + keymap.QuitChoices)
	}
	return m.status
}
