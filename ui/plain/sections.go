package plain

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/check"
	"nianbao/model"
	"nianbao/ui/progress"
)

// command runs one line typed at the main prompt.
func (s *session) command(line string) error {
	word, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	if n, err := strconv.Atoi(line); err == nil {
		return s.pick(n)
	}
	switch strings.ToLower(word) {
	case "":
		s.say("请输入命令；输入 ? 查看命令。")
	case "?", "？", "h", "help":
		s.help()
	case "l":
		s.list()
	case "n":
		return s.pick(s.cur + 2)
	case "r":
		if s.needSection() {
			s.readText(s.sections[s.cur])
		}
	case "g":
		if s.needSection() {
			s.guidance(s.sections[s.cur])
		}
	case "t":
		if s.needSection() {
			return s.writeText(s.sections[s.cur])
		}
	case "f":
		if s.needSection() {
			return s.editFigures(s.sections[s.cur], arg)
		}
	case "e":
		if s.needSection() {
			s.external(s.sections[s.cur])
		}
	case "m":
		return s.editMeta()
	case "x":
		return s.deleteLeftover()
	case "c":
		s.readCheck()
	case "s":
		_, err := s.save()
		return err
	case "q":
		return s.quit()
	default:
		s.sayf("没有“%s”这个命令；输入 ? 查看命令。", line)
	}
	return nil
}

func (s *session) help() {
	s.say("命令：",
		"数字：选择该编号的章节并读出它",
		"l：读出章节列表",
		"n：下一节",
		"r：读出本节正文",
		"g：读出本节写作提示",
		"t：写本节正文（可替换或追加，单独一行“.”结束）",
		"f：逐项填写本节数字；f 2 只填第 2 项",
		"e：用外部编辑器（$VISUAL 或 $EDITOR）编辑本节正文",
		"m：填写报告信息（单位、年度、标题、成文日期、联系人）",
		"x：删去选中的不属于任何章节的内容（已移除章节、未归类内容）",
		"c：检查全文并读出结果",
		"s：保存",
		"q：退出（有未保存的修改时会询问）",
		"?：读出本命令列表")
}

func (s *session) needSection() bool {
	if s.cur < 0 {
		s.say("还没有选择章节：请先输入章节编号（l 读出章节列表）。")
		return false
	}
	return true
}

// overview is said once at start: which draft, how far along, the list.
func (s *session) overview() {
	r := s.report
	name := s.path
	if name == "" {
		name = "未命名（第一次保存时询问文件名）"
	}
	s.say("草稿：" + name)
	s.say("标题：" + r.DisplayTitle(s.tmpl))
	if strings.TrimSpace(r.Unit) == "" || r.Year == 0 {
		s.say("报告信息还没填完（单位或年度为空）：输入 m 填写。")
	}
	s.list()
}

func (s *session) list() {
	e, w, _ := s.result.Counts()
	s.sayf("章节共 %d 节，完整度 %s%%，错误 %d 条，警告 %d 条：", len(s.sections), percent(s.result.Completeness), e, w)
	for i, sec := range s.sections {
		s.sayf("%d. %s：%s", i+1, s.heading(sec), s.status(i))
	}
	s.listLeftovers()
	s.say("输入编号选择章节。")
}

// heading is a section's title after the number it prints with
// (model.PrintedNumbers; none while an optional section is empty).
func (s *session) heading(sec *model.Section) string {
	return s.tmpl.PrintedNumbers(s.report.Written)[sec.ID] + sec.Title
}

// pick selects section n (1-based) and reads it: heading, status, text
// and figures. Guidance is read on request (g), it is long.
func (s *session) pick(n int) error {
	if k := n - len(s.sections) - 1; k >= 0 && k < len(s.leftovers()) {
		s.pickLeftover(k)
		return nil
	}
	if n < 1 || n > len(s.sections) {
		if s.cur == len(s.sections)-1 && n == len(s.sections)+1 {
			s.say("已是最后一节。")
			return nil
		}
		s.sayf("没有第 %d 节：章节编号是 1 到 %d。", n, len(s.sections))
		return nil
	}
	s.cur, s.leftover = n-1, -1
	sec := s.sections[s.cur]
	s.report.Cursor = sec.ID
	need := "选填"
	if sec.Required {
		need = "必填"
	}
	if sec.MinChars > 0 {
		need += fmt.Sprintf("，至少 %d 字", sec.MinChars)
	}
	s.sayf("第 %d 节：%s。%s，%s。", n, s.heading(sec), s.status(s.cur), need)
	if k := len(sec.Sections); k > 0 {
		s.sayf("本节下有 %d 个小节（第 %d 到 %d 节），状态按其中最差的一节计。", k, n+1, s.lastDescendant(sec)+1)
	}
	s.readText(sec)
	s.readFigures(sec)
	hint := "输入 t 写正文"
	if len(sec.Figures) > 0 {
		hint += "，f 填数字"
	}
	if strings.TrimSpace(sec.Guidance) != "" {
		hint += "，g 查看写作提示"
	}
	s.say(hint + "。")
	return nil
}

// readText reads a section's text as numbered paragraphs.
func (s *session) readText(sec *model.Section) {
	text := s.report.Text(sec.ID)
	if strings.TrimSpace(text) == "" {
		s.say("正文：空。")
		return
	}
	paras := paragraphs(text)
	s.sayf("正文共 %d 段，%d 字：", len(paras), utf8.RuneCountInString(text))
	for i, p := range paras {
		s.sayf("第 %d 段：%s", i+1, p)
	}
}

// paragraphs are the non-blank lines of a text.
func paragraphs(text string) []string {
	var out []string
	for l := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func (s *session) readFigures(sec *model.Section) {
	if len(sec.Figures) == 0 {
		return
	}
	s.sayf("数字共 %d 项：", len(sec.Figures))
	for i, f := range sec.Figures {
		s.sayf("%d. %s", i+1, s.figureLine(f))
	}
}

// figureLine is "标签：值 单位", or says the value is missing; with what
// the text states, as the full editor's figure panel shows it beside the
// field (a figure the text states is given, typed or not).
func (s *session) figureLine(f *model.Figure) string {
	p, stated := s.result.Prose[f.ID]
	if n, ok := s.report.Figure(f.ID); ok {
		line := f.Label + "：" + n.Text + " " + f.Unit
		switch {
		case stated && p.Differs(n):
			line += fmt.Sprintf("，与文中的 %s %s不符（“%s”）", p.Value.Text, p.Unit, p.Quote())
		case stated:
			line += "，与文中一致"
		}
		return line
	}
	if stated {
		return fmt.Sprintf("%s：数字栏未填，文中写的是 %s %s（“%s”），按文中计", f.Label, p.Value.Text, p.Unit, p.Quote())
	}
	line := f.Label + "：未填写（单位 " + f.Unit
	if f.Required {
		line += "，必填"
	}
	return line + "）"
}

func (s *session) guidance(sec *model.Section) {
	g := strings.TrimSpace(sec.Guidance)
	if g == "" {
		s.say("本节没有写作提示。")
		return
	}
	s.say("写作提示：")
	for _, l := range paragraphs(g) {
		s.say(strings.TrimSpace(l))
	}
}

// status is a section's state in words. It is the full editor's outline
// mark (package progress): a part made of subsections is as far along as
// its worst one.
func (s *session) status(i int) string {
	st := s.statusOf(i)
	sec := s.sections[i]
	if len(sec.Sections) == 0 {
		switch n := s.errors(sec.ID); {
		case st == progress.Started:
			if why := s.short(sec); why != "" {
				return "未写完（" + why + "）"
			}
		case st == progress.Problem && n > 0:
			return fmt.Sprintf("有错误（%d 条，输入 c 检查全文读出）", n)
		}
	}
	return word(st)
}

// short says what a section written but not done lacks, as a screen
// reader should hear it: "27 字，至少 150 字", "缺必填数字：合法性审查件数".
func (s *session) short(sec *model.Section) string {
	var parts []string
	if n := utf8.RuneCountInString(s.report.Text(sec.ID)); n < sec.MinChars {
		parts = append(parts, fmt.Sprintf("%d 字，至少 %d 字", n, sec.MinChars))
	}
	var missing []string
	for _, f := range progress.MissingFigures(sec, s.report, progress.Facts{Stated: s.stated}) {
		missing = append(missing, f.Label)
	}
	if len(missing) > 0 {
		parts = append(parts, "缺必填数字："+strings.Join(missing, "、"))
	}
	return strings.Join(parts, "；")
}

func word(st progress.Status) string {
	switch st {
	case progress.Optional:
		return "选填，未写"
	case progress.Done:
		return "已完成"
	case progress.Started:
		return "未写完（字数或必填数字不足）"
	case progress.Missing:
		return "未填写"
	case progress.Problem:
		return "有错误"
	}
	return ""
}

func (s *session) statusOf(i int) progress.Status {
	sec := s.sections[i]
	facts := progress.Facts{Chars: utf8.RuneCountInString(s.report.Text(sec.ID)), Errors: s.errors(sec.ID), Stated: s.stated}
	own := progress.Own(sec, s.report, facts)
	if len(sec.Sections) == 0 {
		return own
	}
	worst := progress.Optional
	for _, ch := range sec.Sections {
		worst = max(worst, s.statusOf(s.index[ch.ID]))
	}
	return progress.Part(sec, own, worst, facts)
}

// stated says whether the prose states a figure, as the last check read
// it: a figure the text states is given, as in the full editor.
func (s *session) stated(id string) bool {
	_, ok := s.result.Prose[id]
	return ok
}

func (s *session) errors(id string) int {
	n := 0
	for _, f := range s.result.Findings {
		if f.Severity == check.Error && f.Section == id {
			n++
		}
	}
	return n
}

// lastDescendant is the list index of the last section inside sec.
func (s *session) lastDescendant(sec *model.Section) int {
	for len(sec.Sections) > 0 {
		sec = sec.Sections[len(sec.Sections)-1]
	}
	return s.index[sec.ID]
}
