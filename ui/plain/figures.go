package plain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"nianbao/check"
	"nianbao/model"
)

// clearWords empty a figure; "-" alone is not a number, so it cannot be
// meant as one.
var clearWords = []string{"清除", "-"}

// editFigures asks for the section's figures one per prompt (or only
// figure number arg). A value that is not a number is refused with the
// reason and asked again: the report only ever holds numbers.
func (s *session) editFigures(sec *model.Section, arg string) error {
	figs := sec.Figures
	if len(figs) == 0 {
		s.say("本节没有要填的数字。")
		return nil
	}
	first := 0
	if arg != "" {
		n, err := strconv.Atoi(arg)
		if err != nil || n < 1 || n > len(figs) {
			s.sayf("本节的数字编号是 1 到 %d。", len(figs))
			return nil
		}
		first, figs = n-1, figs[n-1:n]
	}
	s.say("逐项填写数字：只填阿拉伯数字，单位不用填；直接回车保留原值，输入“清除”删去这一项，单独输入“.”结束填写。")
	changed := false
	for i, f := range figs {
		c, stop, err := s.askFigure(first+i+1, f)
		if err != nil {
			return err
		}
		changed = changed || c
		if stop {
			break
		}
	}
	if !changed {
		s.say("数字没有变化。")
		return nil
	}
	s.recheck()
	s.figureFindings(sec)
	return nil
}

// askFigure asks for one figure; stop is set when the drafter ends the
// walk (a lone "."), as a lone "." ends a block of text.
func (s *session) askFigure(n int, f *model.Figure) (changed, stop bool, err error) {
	for {
		prompt := fmt.Sprintf("第 %d 项，%s（单位 %s", n, f.Label, f.Unit)
		old, had := s.report.Figure(f.ID)
		switch {
		case had:
			prompt += "，现在是 " + old.Text
		case f.Required:
			prompt += "，必填，现在未填"
		default:
			prompt += "，现在未填"
		}
		if h, ok := s.report.Hints[f.ID]; ok {
			prompt += "，去年 " + h.Text
		}
		ans, err := s.ask(prompt + "）：")
		if err != nil {
			return false, false, err
		}
		v := strings.TrimSpace(ans)
		switch {
		case v == "":
			return false, false, nil
		case isTerminator(v):
			return false, true, nil
		case slices.Contains(clearWords, v):
			if !had {
				return false, false, nil
			}
			delete(s.report.Figures, f.ID)
			s.touch()
			s.say("已清除：" + f.Label + "。")
			return true, false, nil
		}
		num, err := model.ParseNumber(v)
		if err != nil {
			s.say(err.Error() + "。" + f.Label + "没有改动，请重新输入；直接回车跳过。")
			continue
		}
		if had && num.Text == old.Text {
			return false, false, nil
		}
		s.report.SetFigure(f.ID, num)
		s.touch()
		said := "已记下：" + s.figureLine(f)
		if num.Text != v {
			// Separators and full-width digits are read away; say the
			// number taken, so "8,5" meant as 8.5 is heard as 85.
			said += "（输入的“" + v + "”记为 " + num.Text + "）"
		}
		s.say(said + "。")
		return true, false, nil
	}
}

// figureFindings reads what the check says about the section's figures
// (bounds, rates against their counts, parts larger than the whole), so
// the drafter hears it right after typing them.
func (s *session) figureFindings(sec *model.Section) {
	ids := map[string]bool{}
	for _, f := range sec.Figures {
		ids[f.ID] = true
	}
	var found []check.Finding
	for _, f := range s.result.Findings {
		if ids[f.Figure] {
			found = append(found, f)
		}
	}
	if len(found) == 0 {
		s.say("本节数字检查没有发现问题（尚未保存，输入 s 保存）。")
		return
	}
	s.sayf("本节数字检查发现 %d 条：", len(found))
	for i, f := range found {
		at := ""
		for j, fig := range sec.Figures {
			if fig.ID == f.Figure {
				at = fmt.Sprintf("（输入 f %d 修改）", j+1)
			}
		}
		s.sayf("%d. %s：%s%s", i+1, f.Severity.Label(), f.Message, at)
	}
}

// editMeta asks for the 报告信息 fields one per prompt.
func (s *session) editMeta() error {
	r := s.report
	s.say("填写报告信息：直接回车保留原值，输入“清除”清空。")
	changed := false
	text := func(label string, dst *string, example string) error {
		prompt := label
		if *dst != "" {
			prompt += "（现在是“" + *dst + "”）"
		} else if example != "" {
			prompt += "（例如 " + example + "）"
		}
		ans, err := s.ask(prompt + "：")
		if err != nil {
			return err
		}
		v := strings.TrimSpace(ans)
		switch {
		case v == "":
		case v == "清除":
			if *dst != "" {
				*dst, changed = "", true
				s.touch()
			}
		case v != *dst:
			*dst, changed = v, true
			s.touch()
		}
		return nil
	}
	if err := text("报告单位", &r.Unit, "某某县人民政府"); err != nil {
		return err
	}
	if err := s.askYear(&changed); err != nil {
		return err
	}
	if err := text("标题（不填则为“"+s.tmpl.Title(r.Unit, r.Year)+"”）", &r.Title, ""); err != nil {
		return err
	}
	// The year was asked just above: the example date follows it, as in
	// the full editor's form (a report is written early the next year).
	exampleYear := r.Year
	if exampleYear == 0 {
		exampleYear = model.DefaultYear(s.now())
	}
	if err := text("成文日期", &r.Date, strconv.Itoa(exampleYear+1)+"年3月1日"); err != nil {
		return err
	}
	if err := text("联系人", &r.Contact, "姓名 电话"); err != nil {
		return err
	}
	if !changed {
		s.say("报告信息没有变化。")
		return nil
	}
	s.recheck()
	s.say("已记下报告信息（尚未保存，输入 s 保存）。标题：" + r.DisplayTitle(s.tmpl) + "。")
	return nil
}

// askYear asks for the year until it is a four-digit year, as the full
// editor's form requires.
func (s *session) askYear(changed *bool) error {
	r := s.report
	for {
		deflt := r.Year
		if deflt == 0 {
			deflt = model.DefaultYear(s.now())
		}
		ans, err := s.ask(fmt.Sprintf("年度（直接回车为 %d）：", deflt))
		if err != nil {
			return err
		}
		v := strings.TrimSpace(ans)
		if v == "" {
			v = strconv.Itoa(deflt)
		}
		y, err := strconv.Atoi(v)
		if err != nil || y < 1949 || y > 2200 {
			s.say("年度应当是四位年份，例如 " + strconv.Itoa(model.DefaultYear(s.now())) + "；年度没有改动，请重新输入。")
			continue
		}
		if y != r.Year {
			r.Year, *changed = y, true
			s.touch()
		}
		return nil
	}
}
