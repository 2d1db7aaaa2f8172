package plain

import (
	"fmt"
	"strconv"
	"strings"
)

// option is one numbered answer to a question; keys are the letters that
// pick it besides its number, as in the full editor's dialogs.
type option struct {
	label string
	keys  []string
}

// choose asks a question with numbered answers and returns the index of
// the one picked. deflt is picked by an empty line (-1: none). With one
// answer there is nothing to choose: it says what will happen instead.
func (s *session) choose(question string, opts []option, deflt int) (int, error) {
	if question != "" {
		s.say(question)
	}
	if len(opts) == 1 {
		s.say("将" + opts[0].label + "。")
		return 0, nil
	}
	for i, o := range opts {
		line := fmt.Sprintf("%d. %s", i+1, o.label)
		if len(o.keys) > 0 {
			line += "（或输入 " + strings.Join(o.keys, " / ") + "）"
		}
		if i == deflt {
			line += "，直接回车即选此项"
		}
		s.say(line)
	}
	for {
		ans, err := s.ask(fmt.Sprintf("请输入 1 到 %d 的编号：", len(opts)))
		if err != nil {
			return 0, err
		}
		a := strings.ToLower(strings.TrimSpace(ans))
		if a == "" && deflt >= 0 {
			return deflt, nil
		}
		if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(opts) {
			return n - 1, nil
		}
		for i, o := range opts {
			for _, k := range o.keys {
				if a == k {
					return i, nil
				}
			}
		}
		if a == "" {
			s.say("需要选择一项。")
		} else {
			s.sayf("没有“%s”这个选项。", ans)
		}
	}
}
