package templateeditor

import (
	"errors"
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
	case key.Matches(k, keys.RenameID):
		m.openSectionForm(formSectionID, s)
	case key.Matches(k, keys.Info):
		m.openInfoForm()
	case key.Matches(k, keys.ToggleRequired):
		id, title, req := s.ID, s.Title, map[bool]string{true: "必填", false: "选填"}[!s.Required]
		_ = m.edit(fmt.Sprintf("将“%s”改为%s", title, req), func() error { return m.t.SetRequired(id, !s.Required) })
		m.changed(fmt.Sprintf("“%s”改为%s", title, req))
	case key.Matches(k, keys.MoveUp), key.Matches(k, keys.MoveDown):
		delta := 1
		if key.Matches(k, keys.MoveUp) {
			delta = -1
		}
		id := s.ID
		m.structural(id, m.edit("移动章节“"+s.Title+"”", func() error { return m.t.MoveSection(id, delta) }), "已移动“"+s.Title+"”")
	case key.Matches(k, keys.Indent):
		id := s.ID
		m.structural(id, m.edit("章节“"+s.Title+"”降一级", func() error { return m.t.IndentSection(id) }), "“"+s.Title+"”已降一级")
	case key.Matches(k, keys.Outdent):
		id := s.ID
		m.structural(id, m.edit("章节“"+s.Title+"”升一级", func() error { return m.t.OutdentSection(id) }), "“"+s.Title+"”已升一级")
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
		m.newID = m.newSectionID(kind == formAddChild)
		f = newForm(title, w).text("标题", "", "").text("id", "", idNote).placeholder(m.newID).
			toggle("必填", false).text("最少字数", "", "0 或留空为不限").area("填写说明", "")
	case formRename:
		f = newForm("修改标题", w).text("标题", s.Title, "")
	case formSectionID:
		f = newForm("修改章节 id（旧 id 会记入 formerly，旧草稿迁移时内容随之移过来）", w).
			text("id", s.ID, "英文字母开头，可用字母、数字、_ 和 -")
	default:
		mc := ""
		if s.MinChars > 0 {
			mc = strconv.Itoa(s.MinChars)
		}
		// Field order: see the sf… constants.
		f = newForm("编辑章节 "+s.ID, w).text("标题", s.Title, "").toggle("必填", s.Required).
			text("最少字数", mc, "0 或留空为不限").
			toggle("标题接排", s.RunIn).
			text("关键词", strings.Join(s.Keywords, "、"), "导入已有报告时识别这一节，用、分隔").
			area("填写说明", s.Guidance)
	}
	m.form, m.formKind = f, kind
	m.back, m.state = m.state, stateForm
}

// Field order of the section edit form; applyForm reads by these indexes.
const (
	sfTitle = iota
	sfRequired
	sfMinChars
	sfRunIn
	sfKeywords
	sfGuidance
)

// Field order of the template information form.
const (
	tfName = iota
	tfTitlePattern
	tfDescription
)

func (m *Model) openInfoForm() {
	f := newForm("模板信息", m.formWidth()).
		text("名称", m.t.Name, "如 云溪县法治政府建设年度报告模板").
		text("标题格式", m.t.TitlePattern, "{unit} 为单位，{year} 为年度；留空为默认").
		area("说明", m.t.Description)
	m.form, m.formKind = f, formTemplateInfo
	m.back, m.state = m.state, stateForm
}

// words splits a list typed in a form: Chinese and ASCII commas, 、 and
// semicolons all separate.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == '\n'
	})
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
	case formSubmit, formSubmitSave:
		if err := m.applyForm(); err != nil {
			m.form.err = err.Error()
			return nil
		}
		m.state, m.form = m.back, nil
		if res == formSubmitSave {
			return m.save(false)
		}
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
		var s *model.Section
		err = m.edit("新增章节“"+title+"”", func() error {
			var err error
			id := f.value(1)
			if id == "" {
				id = m.newID
			}
			if s, err = m.t.AddSection(anchor, child, id, title); err != nil {
				return err
			}
			s.Required, s.MinChars, s.Guidance = f.bool(2), mc, f.value(4)
			return nil
		})
		if err != nil {
			return err
		}
		m.selectID(s.ID)
		m.changed(fmt.Sprintf("已新增章节“%s”（id %s；按 i 可改 id）", s.Title, s.ID))
	case formRename:
		s := m.current()
		title := f.value(0)
		if title == "" {
			return fmt.Errorf("请填写标题")
		}
		old, id := s.Title, s.ID
		_ = m.edit(fmt.Sprintf("将章节“%s”改名为“%s”", old, title), func() error { return m.t.RenameSection(id, title) })
		m.changed("已改标题")
	case formSectionID:
		s := m.current()
		old, id, title := s.ID, f.value(0), s.Title
		if err := m.edit(fmt.Sprintf("将章节“%s”的 id 由 %s 改为 %s", title, old, id), func() error {
			return m.t.RenameSectionID(old, id)
		}); err != nil {
			return err
		}
		m.selectID(id)
		m.changed(fmt.Sprintf("章节“%s”的 id 已由 %s 改为 %s；旧 id 记入 formerly，旧草稿迁移时内容随之移过来", title, old, id))
	case formEditSection:
		s := m.current()
		if f.value(sfTitle) == "" {
			return fmt.Errorf("请填写标题")
		}
		mc, err := parseCount(f.value(sfMinChars), "最少字数")
		if err != nil {
			return err
		}
		id, title := s.ID, s.Title
		err = m.edit("修改章节“"+title+"”", func() error {
			return errors.Join(
				m.t.RenameSection(id, f.value(sfTitle)),
				m.t.SetRequired(id, f.bool(sfRequired)),
				m.t.SetMinChars(id, mc),
				m.t.SetRunIn(id, f.bool(sfRunIn)),
				m.t.SetSectionKeywords(id, words(f.value(sfKeywords))),
				m.t.SetGuidance(id, f.value(sfGuidance)))
		})
		if err != nil {
			return err
		}
		m.changed("已修改章节“" + f.value(sfTitle) + "”")
	case formTemplateInfo:
		err := m.edit("修改模板信息", func() error {
			m.t.SetName(f.value(tfName))
			m.t.SetDescription(f.value(tfDescription))
			return m.t.SetTitlePattern(f.value(tfTitlePattern))
		})
		if err != nil {
			return err
		}
		m.changed("已修改模板信息；报告标题示例：" + m.t.Title("云溪县", 2025))
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
		var touched []string
		err := m.edit("删除章节“"+s.Title+"”", func() error {
			var err error
			_, touched, err = m.t.DeleteSection(s.ID)
			return err
		})
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
