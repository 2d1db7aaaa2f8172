package plain

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/check"
)

// readCheck checks the whole draft and reads the verdict, then each
// finding on its own line, most serious first, with where to go.
func (s *session) readCheck() {
	s.recheck()
	res := s.result
	e, w, i := res.Counts()
	s.sayf("检查结果：%s。完整度 %s%%，错误 %d 条，警告 %d 条，提示 %d 条。", res.Verdict(false), percent(res.Completeness), e, w, i)
	n := 0
	for sev := check.Error; sev >= check.Info; sev-- {
		for _, f := range res.Findings {
			if f.Severity != sev {
				continue
			}
			n++
			s.sayf("%d. %s：%s%s", n, f.Severity.Label(), f.Message, s.where(f))
		}
	}
	if n > 0 {
		s.say("输入章节编号转到该节修改。")
	}
}

// where says how to reach a finding: the section's number, and the figure
// command when it is about a figure field.
func (s *session) where(f check.Finding) string {
	id := f.Section
	if id == "" && len(f.Sections) > 0 {
		id = f.Sections[0] // a summarised finding: its first place
	}
	i, ok := s.index[id]
	if !ok {
		if f.Rule == check.RuleMeta || f.Rule == check.RuleYearTitle {
			return "（输入 m 修改报告信息）"
		}
		return ""
	}
	at := fmt.Sprintf("（第 %d 节", i+1)
	if sec := s.sections[i]; !strings.Contains(f.Message, sec.Title) {
		at += " " + s.heading(sec) // the message does not name it
	}
	at += fmt.Sprintf("，输入 %d 转到", i+1)
	for j, fig := range s.sections[i].Figures {
		if fig.ID == f.Figure {
			return at + fmt.Sprintf("，再输入 f %d 改这项数字）", j+1)
		}
	}
	return at + "）"
}

// percent writes completeness as the full editor's status bar does (the
// check already rounds it down).
func percent(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
