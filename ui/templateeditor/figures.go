package templateeditor

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/model"
)

func (m *Model) currentFigure() *model.Figure {
	s := m.current()
	if s == nil || len(s.Figures) == 0 {
		return nil
	}
	m.figCursor = min(max(m.figCursor, 0), len(s.Figures)-1)
	return s.Figures[m.figCursor]
}

func (m *Model) updateFigures(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	f := m.currentFigure()
	keys := m.keys
	switch {
	case key.Matches(k, keys.Back):
		m.state = stateTree
	case key.Matches(k, keys.Quit):
		_, cmd := m.quit()
		return cmd
	case key.Matches(k, keys.Up):
		m.figCursor--
	case key.Matches(k, keys.Down):
		m.figCursor++
	case key.Matches(k, keys.AddFigure):
		m.openFigureForm(nil)
	case f == nil:
		m.status = "这一节还没有数字：按 a 新增"
	case key.Matches(k, keys.Edit):
		m.openFigureForm(f)
	case key.Matches(k, keys.MoveUp), key.Matches(k, keys.MoveDown):
		delta, done := 1, "已下移数字“"+f.Label+"”"
		if key.Matches(k, keys.MoveUp) {
			delta, done = -1, "已上移数字“"+f.Label+"”"
		}
		id := f.ID
		_ = m.edit("移动数字“"+f.Label+"”", func() error { return m.t.MoveFigure(id, delta) })
		m.figCursor += delta
		m.changed(done)
	case key.Matches(k, keys.Delete):
		m.delFig = true
		m.back, m.state = stateFigures, stateConfirmDelete
	}
	return nil
}

func (m *Model) deleteFigure() {
	f := m.currentFigure()
	if f == nil {
		return
	}
	var touched []string
	err := m.edit("删除数字“"+f.Label+"”", func() error {
		var err error
		touched, err = m.t.RemoveFigure(f.ID)
		return err
	})
	if err != nil {
		m.status = err.Error()
		return
	}
	msg := "已删除数字“" + f.Label + "”"
	if len(touched) > 0 {
		msg += "，并删除了数字 " + strings.Join(touched, "、") + " 中引用它的关系"
	}
	m.changed(msg)
}

var kindOptions = []string{string(model.KindCount), string(model.KindPercent), string(model.KindAmount)}
var kindNames = []string{"数量 count", "比率 percent", "金额 amount"}

// Field order of the figure form; applyFigureForm reads by these indexes.
const (
	ffLabel = iota
	ffID
	ffUnit
	ffKind
	ffRequired
	ffMin
	ffMax
	ffNumerator
	ffDenominators
	ffTolerance
	ffLE
	ffKeywords
)

func fnum(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func (m *Model) openFigureForm(f *model.Figure) {
	title, kind := "新增数字", formAddFigure
	x := &model.Figure{Kind: model.KindCount}
	if f != nil {
		title, kind, x = "编辑数字 "+f.ID, formEditFigure, f
	}
	num, dens, tol := "", "", ""
	if x.Rate != nil {
		num, dens = x.Rate.Numerator, strings.Join(x.Rate.Denominators, "、")
		if x.Rate.Tolerance > 0 {
			tol = strconv.FormatFloat(x.Rate.Tolerance, 'f', -1, 64)
		}
	}
	note, placeholder := "改 id 时引用它的比率和不超过关系随之更新；留空则不变", ""
	if f == nil {
		m.newID = m.newFigureID()
		note, placeholder = figureIDNote, m.newID
	}
	m.form = newForm(title, m.formWidth()).
		text("名称", x.Label, "").
		text("id", x.ID, note).placeholder(placeholder).
		text("单位", x.Unit, "件、人次、%、万元…").
		choice("类型", kindOptions, kindNames, string(x.Kind)).
		toggle("必填", x.Required).
		text("下限", fnum(x.Min), "留空为不限").
		text("上限", fnum(x.Max), "留空为不限").
		text("比率分子", num, "数字 id；只用于比率").
		text("比率分母", dens, "数字 id，可写多个，用、分隔").
		text("容差", tol, "百分点，留空为 0.1").
		text("不超过", strings.Join(x.LE, "、"), "数字 id，用、分隔").
		text("关键词", strings.Join(x.Keywords, "、"), "正文中识别这个数字的词，须全部出现；用、分隔")
	m.formKind = kind
	m.back, m.state = stateFigures, stateForm
}

func ids(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ' ' })
}

func optFloat(s, what string) (*float64, error) {
	if s == "" {
		return nil, nil
	}
	n, err := model.ParseNumber(s)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", what, err)
	}
	return &n.Value, nil
}

func (m *Model) applyFigureForm() error {
	fm := m.form
	x := model.Figure{
		Label:    fm.value(ffLabel),
		ID:       fm.value(ffID),
		Unit:     fm.value(ffUnit),
		Kind:     model.FigureKind(fm.value(ffKind)),
		Required: fm.bool(ffRequired),
		LE:       ids(fm.value(ffLE)),
		Keywords: words(fm.value(ffKeywords)),
	}
	if x.Label == "" {
		return fmt.Errorf("请填写数字名称")
	}
	var err error
	if x.Min, err = optFloat(fm.value(ffMin), "下限"); err != nil {
		return err
	}
	if x.Max, err = optFloat(fm.value(ffMax), "上限"); err != nil {
		return err
	}
	num, dens := fm.value(ffNumerator), ids(fm.value(ffDenominators))
	if num != "" || len(dens) > 0 {
		if num == "" || len(dens) == 0 {
			return fmt.Errorf("比率需要同时填写分子和分母")
		}
		tol, err := optFloat(fm.value(ffTolerance), "容差")
		if err != nil {
			return err
		}
		x.Rate = &model.Rate{Numerator: num, Denominators: dens}
		if tol != nil {
			x.Rate.Tolerance = *tol
		}
	}
	if m.formKind == formAddFigure {
		if x.ID == "" {
			x.ID = m.newID
		}
		s := m.current()
		var nf *model.Figure
		err := m.edit("新增数字“"+x.Label+"”", func() error {
			var err error
			nf, err = m.t.AddFigure(s.ID, x)
			return err
		})
		if err != nil {
			return err
		}
		m.figCursor = len(m.current().Figures) - 1
		m.changed(fmt.Sprintf("已新增数字“%s”（id %s）", nf.Label, nf.ID))
		return nil
	}
	old := m.currentFigure()
	if x.ID == "" {
		x.ID = old.ID
	}
	var touched []string
	err = m.edit("修改数字“"+old.Label+"”", func() error {
		var err error
		touched, err = m.t.UpdateFigure(old.ID, x)
		return err
	})
	if err != nil {
		return err
	}
	msg := "已修改数字“" + x.Label + "”"
	if len(touched) > 0 {
		msg += "，数字 " + strings.Join(touched, "、") + " 中的引用已随 id 更新"
	}
	m.changed(msg)
	return nil
}

// levels are what the rule list cycles through; "" is the checker's
// default.
var levels = []string{"", "off", "info", "warning", "error"}

func levelName(l string) string {
	switch l {
	case "off":
		return "关闭"
	case "info":
		return "提示"
	case "warning":
		return "警告"
	case "error":
		return "错误"
	}
	return "默认"
}

func sevName(s check.Severity) string {
	switch s {
	case check.Error:
		return "错误"
	case check.Warning:
		return "警告"
	}
	return "提示"
}

func (m *Model) updateRules(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	rules := check.Rules()
	m.ruleCursor = min(max(m.ruleCursor, 0), len(rules)-1)
	r := rules[m.ruleCursor]
	switch {
	case key.Matches(k, m.keys.Back), k.String() == "R":
		m.state = stateTree
	case key.Matches(k, m.keys.Quit):
		_, cmd := m.quit()
		return cmd
	case key.Matches(k, m.keys.Up):
		m.ruleCursor = max(0, m.ruleCursor-1)
	case key.Matches(k, m.keys.Down):
		m.ruleCursor = min(len(rules)-1, m.ruleCursor+1)
	case key.Matches(k, m.keys.ResetRule):
		_ = m.edit("规则 "+r.ID+" 恢复默认级别", func() error { return m.t.SetRule(r.ID, "") })
		m.changed("规则 " + r.ID + " 恢复默认级别")
	case key.Matches(k, m.keys.Cycle):
		cur := m.t.Rules[r.ID]
		next := ""
		for i, l := range levels {
			if l == cur {
				next = levels[(i+1)%len(levels)]
			}
		}
		_ = m.edit("规则 "+r.ID+" 设为"+levelName(next), func() error { return m.t.SetRule(r.ID, next) })
		m.changed("规则 " + r.ID + " 设为" + levelName(next))
	}
	return nil
}
