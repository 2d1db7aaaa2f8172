package plain

import (
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"nianbao/model"
)

// pendingText is a block of lines being typed for a section. Until the
// closing "." it lives here, and in the recovery file from the first
// pause, so a killed session or a closed terminal loses none of it.
type pendingText struct {
	section string
	append  bool
	lines   []string
}

func (p *pendingText) typed() bool { return len(p.lines) > 0 }

// applyTo puts the unfinished block into a snapshot for the recovery
// file. It always appends: until the closing "." the drafter has not
// given up the old text, so a replacing block unfinished when the session
// ends keeps both, old text first.
func (p *pendingText) applyTo(r *model.Report) {
	r.SetText(p.section, composeText(r.Text(p.section), p.lines, true))
}

// keepsOld says the recovery file holds old text the drafter meant to
// replace.
func (p *pendingText) keepsOld(r *model.Report) bool {
	return !p.append && p.typed() && strings.TrimSpace(r.Text(p.section)) != ""
}

// composeText is the section's text after a block: the block alone, or
// the old text with the block as new paragraphs after it. Spaces at the
// end of a line are dropped, so a line holding only spaces becomes an
// empty line (a paragraph break), and empty lines at the end go: they
// carry no text, and a line ending in spaces would turn the draft's block
// scalar into an unreadable quoted string. Leading spaces (the full-width
// indent some drafters type) stay.
func composeText(old string, lines []string, appendTo bool) string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, strings.TrimRight(l, " \t\u3000"))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	block := strings.Join(out, "\n")
	if appendTo && block == "" {
		return old
	}
	if !appendTo || strings.TrimSpace(old) == "" {
		return block
	}
	return strings.TrimRight(old, "\n") + "\n" + block
}

// isTerminator is the line that ends a block: a single "." (or "。", the
// same key with a Chinese input method on).
func isTerminator(l string) bool {
	t := strings.TrimSpace(l)
	return t == "." || t == "。"
}

// writeText takes a block of lines for a section, replacing or appending
// to its text as the drafter chooses.
func (s *session) writeText(sec *model.Section) error {
	old := s.report.Text(sec.ID)
	appendTo := false
	if strings.TrimSpace(old) != "" {
		n, err := s.choose(fmt.Sprintf("本节已有正文 %d 字。新输入的内容：", utf8.RuneCountInString(old)), []option{
			{label: "接在原有正文后面", keys: []string{"a"}},
			{label: "替换原有正文", keys: []string{"r"}},
			{label: "取消", keys: []string{"c"}},
		}, -1)
		if err != nil {
			return err
		}
		if n == 2 {
			s.say("正文未改动。")
			return nil
		}
		appendTo = n == 0
	} else {
		s.say("本节还没有正文，输入的内容就是本节正文。")
	}
	s.say("请输入正文，每行一段。单独一行“.”结束输入。")
	s.pending = &pendingText{section: sec.ID, append: appendTo}
	for {
		l, err := s.ask("")
		if err != nil {
			return err // s.pending goes into the recovery file
		}
		if isTerminator(l) {
			break
		}
		// Control characters (an arrow key in a cooked terminal) are
		// not text and would make the draft unreadable as YAML prose.
		s.pending.lines = append(s.pending.lines, clean(l))
		s.changes++
	}
	p := s.pending
	s.pending = nil
	text := composeText(old, p.lines, appendTo)
	if strings.TrimSpace(composeText("", p.lines, false)) == "" {
		s.say("没有输入内容，正文未改动。")
		return nil
	}
	s.report.SetText(sec.ID, text)
	s.edited()
	verb := "替换为"
	if appendTo {
		verb = "追加后共"
	}
	s.sayf("已记下：本节正文%s %d 段，%d 字（尚未保存，输入 s 保存）。%s。", verb, len(paragraphs(text)), utf8.RuneCountInString(text), s.status(s.cur))
	return nil
}

// external opens the section in the drafter's own editor on a temporary
// file and reads it back.
func (s *session) external(sec *model.Section) {
	if s.opts.External == nil {
		s.say("没有设置外部编辑器（环境变量 VISUAL 或 EDITOR）；请用 t 逐行输入。")
		return
	}
	text := s.report.Text(sec.ID)
	f, err := os.CreateTemp("", "nianbao-"+sec.ID+"-*.txt")
	if err != nil {
		s.say("无法创建临时文件：" + err.Error())
		return
	}
	name := f.Name()
	keep := false
	defer func() {
		if !keep {
			os.Remove(name)
		}
	}()
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.say("无法写临时文件：" + err.Error())
		return
	}
	s.say("正在打开外部编辑器，退出编辑器后回到这里。")
	if err := s.opts.External(name); err != nil {
		s.say("外部编辑器出错：" + err.Error() + "（正文未改动）")
		return
	}
	data, err := os.ReadFile(name)
	if err != nil {
		s.say("读不回外部编辑的内容：" + err.Error() + "（正文未改动）")
		return
	}
	if !utf8.Valid(data) {
		// The drafter's work is in that file: keep it for them.
		keep = true
		s.say("外部编辑的内容不是 UTF-8 文字，未采用（正文未改动）。内容留在 " + name + "，请在编辑器中改用 UTF-8 保存后复制回来。")
		return
	}
	got := string(data)
	// Editors add a final newline the drafter did not type.
	if !strings.HasSuffix(text, "\n") {
		got = strings.TrimSuffix(got, "\n")
	}
	if got == text {
		s.say("正文没有变化。")
		return
	}
	s.report.SetText(sec.ID, got)
	s.edited()
	s.sayf("已读回外部编辑的内容：本节正文 %d 字（尚未保存）。", utf8.RuneCountInString(got))
}
