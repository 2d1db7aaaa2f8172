package followup

import (
	"regexp"
	"strings"

	"nianbao/internal/zhtext"
)

// Plan is one item of last year's 下一年度安排.
type Plan struct {
	Text string // the item, numbering and 一是 marker removed
}

// Name is a short form of the plan for messages and the editor's list.
func (p Plan) Name() string { return Shorten(trimPunct(p.Text), 40) }

// numberPrefix matches the numbering a line may start with: 一、 （一）
// (一) 1. 1、 （1） ①.
var numberPrefix = regexp.MustCompile(`^\s*(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+[、.．]|[0-9]{1,2}[.．、]|[①-⑳])\s*`)

// numbered returns a line without its numbering and whether it had any;
// "1.5万元" is a number, not numbering.
func numbered(line string) (string, bool) {
	loc := numberPrefix.FindStringIndex(line)
	if loc == nil {
		return line, false
	}
	rest := line[loc[1]:]
	if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return line, false
	}
	return strings.TrimSpace(rest), true
}

// MaxPlans bounds how many items SplitPlans returns. A real report has
// under thirty; a pasted or hostile text could have a hundred thousand,
// and each item is matched against every sentence of this year.
const MaxPlans = 200

// SplitPlans splits last year's plans into items: each 一是/二是 point is an
// item; otherwise each numbered line (a short heading line takes the
// paragraph under it along); otherwise each sentence. Lead-ins ending with a
// colon and items too short to say anything ("继续做好各项工作。") are left
// out: there is nothing in them to follow up.
func SplitPlans(text string) []Plan {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var out []Plan
	add := func(s string) {
		s = strings.TrimSpace(s)
		if isLeadIn(s) || specificHan(s) < 4 {
			return
		}
		out = append(out, Plan{Text: s})
	}
	for i := 0; i < len(lines) && len(out) < MaxPlans; i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		body, isNumbered := numbered(line)
		if isNumbered {
			if _, nextNumbered := numbered(next(lines, i)); isHeading(body) && next(lines, i) != "" && !nextNumbered {
				nx := next(lines, i)
				i++
				if !hasEnum(nx) {
					add(body + "：" + nx)
					continue
				}
				// The heading names a group; its points are the items.
				body = nx
			}
		}
		if hasEnum(body) {
			for _, p := range splitEnum(body) {
				add(p)
			}
			continue
		}
		if isNumbered { // a numbered line is one item
			add(body)
			continue
		}
		for _, s := range splitSentences(body) {
			add(s)
		}
	}
	return out
}

func next(lines []string, i int) string {
	if i+1 < len(lines) {
		return strings.TrimSpace(lines[i+1])
	}
	return ""
}

func hasEnum(s string) bool {
	for i := range s {
		if enumAt(s, i) > 0 {
			return true
		}
	}
	return false
}

// isHeading says a numbered line is a heading: short and not a sentence.
func isHeading(s string) bool {
	return zhtext.CountHan(s) <= 30 && !strings.ContainsAny(s, "。；;")
}

// isLeadIn says a piece only introduces what follows ("重点抓好以下工作：",
// "2025年，我县将从以下方面推进：").
func isLeadIn(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, "：") || strings.HasSuffix(s, ":") ||
		strings.Contains(s, "以下") && zhtext.CountHan(s) < 30
}
