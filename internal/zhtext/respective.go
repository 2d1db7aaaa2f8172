package zhtext

import (
	"strings"
	"unicode/utf8"
)

// RespectivePair is one item of a list whose values follow 分别: in
// "审结率、纠错率分别为92.3%和10.4%" 审结率 goes with 92.3% and 纠错率 with
// 10.4%. Offsets are bytes of the string the pairs were found in.
type RespectivePair struct {
	SubjectStart, SubjectEnd int
	Value                    Number
}

// respectiveVerbs may stand between 分别 and the first value, longest
// first.
var respectiveVerbs = []string{"保持在", "达到了", "达到", "约为", "为", "是", "达", "在", "占", "有"}

// respectiveSeparators may stand between two items, or two values.
var respectiveSeparators = []string{"以及", "、", "和", "与", "及", "，", ","}

// maxRespectiveItems bounds a list: more items than these are a table run
// into a line, whose pairing would be guesswork.
const maxRespectiveItems = 8

// RespectivePairs pairs the items before each 分别 in s with the values
// after it, in order. A list is paired only when it has as many items as
// values, at least two, each item a short run of Chinese characters
// (“受理、审结行政复议案件分别为52件和48件”); anything else yields nothing,
// so a caller falls back on its reading without the list.
func RespectivePairs(s string) []RespectivePair {
	var out []RespectivePair
	for off := 0; ; {
		k := strings.Index(s[off:], "分别")
		if k < 0 {
			return out
		}
		at := off + k
		off = at + len("分别")
		items := respectiveItems(s, at)
		if len(items) < 2 {
			continue
		}
		values := respectiveValues(s, off, len(items))
		if len(values) != len(items) {
			continue
		}
		for i, it := range items {
			out = append(out, RespectivePair{SubjectStart: it[0], SubjectEnd: it[1], Value: values[i]})
		}
	}
}

// respectiveItems splits the words of the clause before 分别 at byte at
// into items: at 、, and at the last 和/与/及 of the last item.
func respectiveItems(s string, at int) [][2]int {
	// The clause start, but over 、, which ClauseStart counts as a break.
	cs := at
	for cs > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:cs])
		if r != '、' && (IsClauseBreak(r) || IsSentenceEnd(r)) {
			break
		}
		cs -= w
	}
	var items [][2]int
	start := cs
	for i := cs; i < at; {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == '、' {
			items = append(items, [2]int{start, i})
			start = i + w
		}
		i += w
	}
	last := [2]int{start, at}
	// "审结率和纠错率": the last item may hold the last two.
	for _, c := range []string{"以及", "和", "与", "及"} {
		if j := strings.LastIndex(s[last[0]:last[1]], c); j > 0 && last[0]+j+len(c) < last[1] {
			items = append(items, [2]int{last[0], last[0] + j})
			last[0] += j + len(c)
			break
		}
	}
	items = append(items, last)
	if len(items) > maxRespectiveItems {
		return nil
	}
	for _, it := range items {
		n := utf8.RuneCountInString(s[it[0]:it[1]])
		if n == 0 || n > 16 || !AllHan(s[it[0]:it[1]]) {
			return nil
		}
	}
	return items
}

// respectiveValues reads up to n values after 分别 ending at byte i, with
// separators between them.
func respectiveValues(s string, i, n int) []Number {
	for _, v := range respectiveVerbs {
		if strings.HasPrefix(s[i:], v) {
			i += len(v)
			break
		}
	}
	var out []Number
	for len(out) <= n {
		num, ok := ScanNumber(s, i)
		if !ok {
			return out
		}
		out = append(out, num)
		i = num.End
		sep := ""
		for _, c := range respectiveSeparators {
			if strings.HasPrefix(s[i:], c) {
				sep = c
				break
			}
		}
		if sep == "" {
			return out
		}
		i += len(sep)
	}
	return nil // more values than items
}

// AllHan reports whether every character of s is a Chinese character.
func AllHan(s string) bool {
	for _, r := range s {
		if !IsHan(r) {
			return false
		}
	}
	return true
}
