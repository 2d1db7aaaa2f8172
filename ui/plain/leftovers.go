package plain

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// A leftover is drafted text that belongs to no section: 已移除章节 parts a
// migration kept and 未归类内容 an import could not place. They never print;
// the drafter reads them, writes what is needed into a section, then
// deletes them. They are numbered after the sections.
type leftover struct {
	removed int // index into Report.Removed; -1 for Report.Unmatched
	title   string
	text    string
}

func (s *session) leftovers() []leftover {
	r := s.report
	var out []leftover
	for i, rs := range r.Removed {
		if strings.TrimSpace(rs.Text) == "" {
			continue
		}
		title := strings.TrimSpace(rs.Title)
		if title == "" {
			title = rs.ID
		}
		out = append(out, leftover{removed: i, title: "已移除章节“" + title + "”", text: rs.Text})
	}
	if strings.TrimSpace(r.Unmatched) != "" {
		out = append(out, leftover{removed: -1, title: "未归类内容", text: r.Unmatched})
	}
	return out
}

func (s *session) listLeftovers() {
	ls := s.leftovers()
	if len(ls) == 0 {
		return
	}
	s.sayf("另有 %d 处不属于任何章节的内容，不会打印：", len(ls))
	for j, l := range ls {
		s.sayf("%d. %s：%d 字", len(s.sections)+j+1, l.title, utf8.RuneCountInString(l.text))
	}
}

// pickLeftover reads leftover j and makes it the one x deletes.
func (s *session) pickLeftover(j int) {
	l := s.leftovers()[j]
	s.cur, s.leftover = -1, j
	s.sayf("第 %d 项：%s，不会打印。", len(s.sections)+j+1, l.title)
	paras := paragraphs(l.text)
	s.sayf("共 %d 段，%d 字：", len(paras), utf8.RuneCountInString(l.text))
	for i, p := range paras {
		s.sayf("第 %d 段：%s", i+1, p)
	}
	s.say("把需要的内容用 t 写进合适的章节后，回到这里输入 x 删去这部分。")
}

// deleteLeftover removes the leftover picked last, after a yes.
func (s *session) deleteLeftover() error {
	ls := s.leftovers()
	if s.leftover < 0 || s.leftover >= len(ls) {
		s.say("x 删去不属于任何章节的内容：请先输入它的编号。")
		return nil
	}
	l := ls[s.leftover]
	n, err := s.choose(fmt.Sprintf("删去%s（%d 字）？保存后无法找回。", l.title, utf8.RuneCountInString(l.text)),
		[]option{{label: "删去", keys: []string{"y"}}, {label: "保留", keys: []string{"n"}}}, -1)
	if err != nil || n == 1 {
		return err
	}
	if l.removed < 0 {
		s.report.Unmatched = ""
	} else {
		s.report.Removed = slices.Delete(s.report.Removed, l.removed, l.removed+1)
	}
	s.leftover = -1
	s.edited()
	s.say("已删去" + l.title + "（尚未保存，输入 s 保存）。")
	return nil
}
