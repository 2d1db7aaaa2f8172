package templateeditor

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// current is the selected section (nil only for an empty template).
func (m *Model) current() *model.Section {
	secs := m.t.Flatten()
	if len(secs) == 0 {
		return nil
	}
	m.cursor = min(max(m.cursor, 0), len(secs)-1)
	return secs[m.cursor]
}

// selectID moves the cursor to a section, e.g. after it moved.
func (m *Model) selectID(id string) {
	for i, s := range m.t.Flatten() {
		if s.ID == id {
			m.cursor = i
			return
		}
	}
}

// changed is called after every edit: relint and report.
func (m *Model) changed(status string) {
	m.relint()
	m.status = status
}

func (m *Model) updateTree(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	s := m.current()
	keys := m.keys
	switch {
	case key.Matches(k, keys.Quit):
		_, cmd := m.quit()
		return cmd
	case key.Matches(k, keys.Up):
		m.cursor--
	case key.Matches(k, keys.Down):
		m.cursor++
	case key.Matches(k, keys.ScrollLintUp):
		m.lintOffset = max(0, m.lintOffset-3)
	case key.Matches(k, keys.ScrollLintDn):
		m.lintOffset = min(max(0, len(m.findings)-1), m.lintOffset+3)
	case key.Matches(k, keys.AddSibling):
		m.openSectionForm(formAddSibling, nil)
	case key.Matches(k, keys.AddChild) && s != nil:
		m.openSectionForm(formAddChild, nil)
	case s == nil:
		m.status = "模板还没有章节：按 a 新增"
	case key.Matches(k, keys.Edit):
		m.openSectionForm(formEditSection, s)
	case key.Matches(k, keys.Rename):
		m.openSectionForm(formRename, s)
	case key.Matches(k, keys.ToggleRequired):
		_ = m.t.SetRequired(s.ID, !s.Required)
		m.changed(fmt.Sprintf("“%s”改为%s", s.Title, map[bool]string{true: "必填", false: "选填"}[s.Required]))
	case key.Matches(k, keys.MoveUp), key.Matches(k, keys.MoveDown):
		delta := 1
		if key.Matches(k, keys.MoveUp) {
			delta = -1
		}
		m.structural(s.ID, m.t.MoveSection(s.ID, delta), "已移动“"+s.Title+"”")
	case key.Matches(k, keys.Indent):
		m.structural(s.ID, m.t.IndentSection(s.ID), "“"+s.Title+"”已降一级")
	case key.Matches(k, keys.Outdent):
		m.structural(s.ID, m.t.OutdentSection(s.ID), "“"+s.Title+"”已升一级")
	case key.Matches(k, keys.Delete):
		m.delFig = false
		m.back, m.state = stateTree, stateConfirmDelete
	case key.Matches(k, keys.Figures):
		m.state, m.figCursor = stateFigures, 0
	case key.Matches(k, keys.Rules):
		m.state = stateRules
	}
	return nil
}

// structural reports the outcome of a move and keeps the moved section
// selected.
func (m *Model) structural(id string, err error, ok string) {
	if err != nil {
		m.status = err.Error()
		return
	}
	m.selectID(id)
	m.changed(ok)
}

func (m *Model) openSectionForm(kind formKind, s *model.Section) {
	w := m.formWidth()
	var f *form
	switch kind {
	case formAddSibling, formAddChild:
		title := "新增同级章节（放在所选章节之后）"
		if kind == formAddChild {
			title = "新增下级章节（放在所选章节的最后）"
		}
		f = newForm(title, w).text("标题", "", "").text("id", "", "英文，留空自动生成").
			toggle("必填", false).text("最少字数", "", "0 或留空为不限").area("填写说明", "")
	case formRename:
		f = newForm("修改标题", w).text("标题", s.Title, "")
	default:
		mc := ""
		if s.MinChars > 0 {
			mc = strconv.Itoa(s.MinChars)
		}
		f = newForm("编辑章节 "+s.ID, w).text("标题", s.Title, "").toggle("必填", s.Required).
			text("最少字数", mc, "0 或留空为不限").area("填写说明", s.Guidance)
	}
	m.form, m.formKind = f, kind
	m.back, m.state = m.state, stateForm
}

func (m *Model) formWidth() int {
	return max(20, m.width-m.treeWidth()-6)
}

func (m *Model) updateForm(msg tea.Msg) tea.Cmd {
	res, cmd := m.form.update(msg, m.keys)
	switch res {
	case formCancel:
		m.state, m.form = m.back, nil
		m.status = "已取消"
	case formSubmit:
		if err := m.applyForm(); err != nil {
			m.form.err = err.Error()
			return nil
		}
		m.state, m.form = m.back, nil
	}
	return cmd
}

func parseCount(s, what string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s应当是不小于 0 的整数", what)
	}
	return n, nil
}

func (m *Model) applyForm() error {
	f := m.form
	switch m.formKind {
	case formAddSibling, formAddChild:
		title := f.value(0)
		if title == "" {
			return fmt.Errorf("请填写标题")
		}
		mc, err := parseCount(f.value(3), "最少字数")
		if err != nil {
			return err
		}
		anchor, child := "", m.formKind == formAddChild
		if s := m.current(); s != nil {
			anchor = s.ID
		}
		s, err := m.t.AddSection(anchor, child, f.value(1), title)
		if err != nil {
			return err
		}
		s.Required, s.MinChars, s.Guidance = f.bool(2), mc, f.value(4)
		m.selectID(s.ID)
		m.changed(fmt.Sprintf("已新增章节“%s”（id %s）", s.Title, s.ID))
	case formRename:
		s := m.current()
		if f.value(0) == "" {
			return fmt.Errorf("请填写标题")
		}
		_ = m.t.RenameSection(s.ID, f.value(0))
		m.changed("已改标题")
	case formEditSection:
		s := m.current()
		if f.value(0) == "" {
			return fmt.Errorf("请填写标题")
		}
		mc, err := parseCount(f.value(2), "最少字数")
		if err != nil {
			return err
		}
		_ = m.t.RenameSection(s.ID, f.value(0))
		_ = m.t.SetRequired(s.ID, f.bool(1))
		_ = m.t.SetMinChars(s.ID, mc)
		_ = m.t.SetGuidance(s.ID, f.value(3))
		m.changed("已修改章节“" + s.Title + "”")
	case formAddFigure, formEditFigure:
		return m.applyFigureForm()
	}
	return nil
}

func (m *Model) updateConfirmDelete(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Yes):
		m.state = m.back
		if m.delFig {
			m.deleteFigure()
			return nil
		}
		s := m.current()
		_, touched, err := m.t.DeleteSection(s.ID)
		if err != nil {
			m.status = err.Error()
			return nil
		}
		msg := "已删除章节“" + s.Title + "”"
		if len(touched) > 0 {
			msg += "，并删除了数字 " + strings.Join(touched, "、") + " 对被删数字的引用"
		}
		m.changed(msg)
	case key.Matches(k, m.keys.No):
		m.state = m.back
		m.status = "未删除"
	}
	return nil
}
