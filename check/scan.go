package check

import (
	"sort"
	"strings"
	"sync"

	"nianbao/internal/zhtext"
)

// The prose and writing rules run line by line. Most of them are decided
// by a character and its neighbours, so one pass over a reused rune buffer
// does the work; regular expressions run only on the rare sentence that
// states a rate. This keeps a typical report well under 200 µs.

// scanState is what the line scanner remembers between lines of one text.
type scanState struct {
	heads       [5]int // last heading number seen at levels 1–4
	enumLast    int    // last 一是/二是 number of the previous paragraph, 0 if none
	inPlans     bool   // the line belongs to next year's plans
	detectPlans bool   // find the plans part by its heading (free text)
	sectionHead bool   // the line is the first line of a recognised section
}

// scanText runs the prose rules over one section of a draft. Drafts have
// no line numbers: findings carry the section only.
func (c *collector) scanText(text string, inPlans bool) {
	st := scanState{inPlans: inPlans}
	for line := range strings.Lines(text) {
		c.line(strings.TrimRight(line, "\r\n"), 0, &st)
	}
}

// scanTextAt runs the prose rules over a section of a document whose text
// is not available line by line: every finding gets the section's line.
func (c *collector) scanTextAt(text string, at int, inPlans bool) {
	st := scanState{inPlans: inPlans}
	for line := range strings.Lines(text) {
		c.line(strings.TrimRight(line, "\r\n"), at, &st)
	}
}

type sectionStart struct {
	line int
	id   string
}

func sectionStarts(m map[string]int) []sectionStart {
	out := make([]sectionStart, 0, len(m))
	for id, l := range m {
		if l > 0 {
			out = append(out, sectionStart{l, id})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].line != out[j].line {
			return out[i].line < out[j].line
		}
		return out[i].id < out[j].id
	})
	return out
}

// scanDocument runs the prose and writing rules over a whole document.
// starts (may be nil) attributes lines to sections; plans marks the
// sections holding next year's plans. Without them the plans part is
// found by its heading.
func (c *collector) scanDocument(text string, starts []sectionStart, plans map[string]bool) {
	st := scanState{detectPlans: true}
	for _, s := range starts {
		if plans[s.id] {
			st.detectPlans = false
		}
	}
	if c.year == 0 {
		c.year = titleYear(text)
	}
	n, next := 0, 0
	for line := range strings.Lines(text) {
		n++
		st.sectionHead = false
		for next < len(starts) && starts[next].line <= n {
			c.section = starts[next].id
			c.sec = c.secIndex[c.section]
			if !st.detectPlans {
				st.inPlans = plans[c.section]
			}
			st.sectionHead = starts[next].line == n
			next++
		}
		c.line(strings.TrimRight(line, "\r\n"), n, &st)
	}
}

// titleYear reads the report year from a document's title line.
func titleYear(text string) int {
	n := 0
	for line := range strings.Lines(text) {
		if n++; n > 40 {
			break
		}
		if strings.Contains(line, "报告") && strings.Contains(line, "法治") {
			if y, ok := firstYear(line); ok {
				return y
			}
		}
	}
	return 0
}

// line runs every line-level rule. at is the line number findings carry (0
// in drafts).
func (c *collector) line(s string, at int, st *scanState) {
	if strings.TrimSpace(s) == "" {
		return
	}
	level, num, label := headingOf(s)
	if level > 0 {
		c.numbering(level, num, label, at, st)
		if st.detectPlans && level == 1 {
			st.inPlans = isPlansHeading(s)
		}
		// A run-in heading ("（一）依法全面履行政府职能。1.持续深化…", as
		// many reports write one and nianbao prints one) starts its first
		// item in the same line: that item counts, or the next line's
		// "2." would be missing its "1.".
		if l, n, lb := headingOf(runIn(s)); l > level {
			c.numbering(l, n, lb, at, st)
		}
		st.enumLast = 0
	}
	c.runes = zhtext.AppendRunes(c.runes[:0], s)
	seen := c.scanRunes(at, st)
	c.publish(seen, at)
	if seen&seenPlaceholderStart != 0 {
		if p := placeholderIn(s); p != "" {
			c.placeholder(p, at)
		}
	}
	if seen&seenRate != 0 && seen&seenPercent != 0 {
		c.proseRates(s, at)
	}
	if seen&seenQizhong != 0 && strings.Contains(s, "其中") {
		c.partWhole(s, at)
		if seen&seenPercent != 0 && strings.Contains(s, "占") {
			c.shares(s, at)
		}
	}
	if !st.inPlans && seen&seenYear != 0 {
		c.countYears(s, at)
		if level == 1 && c.year > 0 {
			c.headingYear(s, at)
		}
	}
	if st.inPlans && c.year > 0 && seen&seenYear != 0 {
		c.plansYears(s, at, level > 0 || st.sectionHead)
	}
}

// What scanRunes saw in a line, so the rarer, costlier rules run only on
// lines that can match.
const (
	seenPlaceholderStart = 1 << iota // a character a placeholder starts with
	seenRate                         // 率
	seenPercent                      // % or ％
	seenYear                         // 年
	seenQizhong                      // 其, as in 其中
)

func (c *collector) placeholder(p string, at int) {
	if c.placeheld != nil {
		c.placeheld[c.section] = true
	}
	msg := sprintf("留有占位内容“%s”，请填写实际内容", p)
	if c.section != "" && c.t != nil && !c.docMode {
		if s := c.t.Section(c.section); s != nil {
			msg = "章节" + sectionName(c.t, c.r, s) + "中" + msg
		}
	}
	c.add(Finding{Rule: RulePlaceholder, Section: c.section, Line: at, Message: msg})
}

// at returns the rune at i in the current line, 0 outside it.
func (c *collector) at(i int) rune {
	if i < 0 || i >= len(c.runes) {
		return 0
	}
	return c.runes[i]
}

// context is a short excerpt around [i, j) for messages.
func (c *collector) context(i, j int) string {
	a, b := max(i-3, 0), min(j+3, len(c.runes))
	return strings.TrimSpace(string(c.runes[a:b]))
}

func (c *collector) example(at int, i, j int) func() string {
	return func() string {
		if c.docMode && at > 0 {
			return sprintf("第 %d 行“%s”", at, c.context(i, j))
		}
		return "“" + c.context(i, j) + "”"
	}
}

// quietRunes is a bitmap of the characters below U+10000 that scanRunes
// passes over: none of its cases matches them, whatever surrounds them.
// Built on first use from the same predicates the cases use, so a rune
// added to a case is loud at once; TestScannedExplicitNamesEveryCase holds the list of
// explicit cases here in step with the switch.
var quietRunes = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var q [0x10000 / 64]uint64
	for r := rune(0); r < 0x10000; r++ {
		if !scannedByClass(r) {
			q[r>>6] |= 1 << (r & 63)
		}
	}
	// The explicit list is cleared afterwards rather than searched for
	// each of the 65,536 runes, which cost every process about 18 million
	// instructions at its first check.
	for _, r := range scannedExplicit {
		q[r>>6] &^= 1 << (r & 63)
	}
	return &q
})

// scannedByClass says whether a case of scanRunes that takes a class of
// characters, not characters named one by one, can fire on r.
func scannedByClass(r rune) bool {
	return pubTriggers.Has(r) || zhtext.IsSpace(r) || isBlankUnitStart(r) || isDigit(r) || isNumeral(r)
}

// scannedExplicit are the characters scanRunes's switches name one by one.
const scannedExplicit = "率年%％Xx_TC×Ｘ○＿□待此请填单键其,;:?!()."

func (c *collector) scanRunes(at int, st *scanState) (seen int) {
	rs := c.runes
	enumPrev := st.enumLast
	enumSeen := false
	quiet := quietRunes()
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r < 0x10000 && quiet[r>>6]&(1<<(r&63)) != 0 {
			continue // most of a report: a character no rule below looks at
		}
		switch r {
		case '率':
			seen |= seenRate
		case '年':
			seen |= seenYear
		case '%', '％':
			seen |= seenPercent
		case 'X', 'x', '_', 'T', 'C', '×', 'Ｘ', '○', '＿', '□', '待', '此', '请', '填', '单', '键':
			if mayStartPlaceholder(r, c.at(i+1)) {
				seen |= seenPlaceholderStart
			}
			if r == 'X' || r == 'x' || r == '×' || r == 'Ｘ' {
				c.placeholderMark(i, at)
			}
		case '其':
			seen |= seenQizhong
			if pubTriggers.Has(r) {
				seen |= c.pub.trigger(rs, i) << pubShift
			}
		default:
			if pubTriggers.Has(r) {
				seen |= c.pub.trigger(rs, i) << pubShift
			}
		}
		switch {
		case r == ',' || r == ';' || r == ':' || r == '?' || r == '!':
			left, right := c.at(i-1), c.at(i+1)
			if leftOfPunct(left) && (rightOfPunct(right) || right == 0 && isHan(left) && r != '?' && r != '!') &&
				!(isDigit(left) && isDigit(right)) {
				c.note(&c.punct, at, c.example(at, i, i+1))
			}
		case r == '.':
			// A half-width full stop: after a word or a per-cent sign and
			// before another sentence or the line's end ("审查312件.规范性
			// 文件…", "达100%."). A decimal point has digits both sides; a
			// web address or a file name has letters after it.
			left, right := c.at(i-1), c.at(i+1)
			if (isHan(left) || isCJKClose(left) || left == '%' || left == '％') && (isHan(right) || isCJKOpen(right) || right == 0) {
				c.note(&c.punct, at, c.example(at, i, i+1))
			}
		case r == '(':
			if isHan(c.at(i-1)) || isCJKPunct(c.at(i-1)) || isHan(c.at(i+1)) {
				c.note(&c.punct, at, c.example(at, i, i+1))
			}
		case r == ')':
			if isHan(c.at(i-1)) || isHan(c.at(i+1)) || isCJKPunct(c.at(i+1)) {
				c.note(&c.punct, at, c.example(at, i, i+1))
			}
		case zhtext.IsSpace(r):
			j := i
			for j < len(rs) && zhtext.IsSpace(rs[j]) {
				j++
			}
			c.spaces(i, j, at)
			i = j - 1
		case r == '%' || r == '％':
			if isDigit(c.at(i-1)) && isDigit(c.at(i+1)) {
				c.add(Finding{Rule: RuleProseDigits, Section: c.section, Line: at,
					Message: sprintf("“%s”中百分号后紧跟另一个数字，可能缺少标点", c.context(i, i+1))})
			}
			if isHan(c.at(i - 1)) {
				c.add(Finding{Rule: RuleProseBlank, Section: c.section, Line: at,
					Message: sprintf("“%s”中“%%”前缺少数字", c.context(i, i+1))})
			}
		case isBlankUnitStart(r) && (r != '人' || c.at(i+1) == '次'):
			c.blankFigure(i, at)
		case isDigit(r):
			j := i
			for j < len(rs) && isDigit(rs[j]) {
				j++
			}
			c.digitRun(i, j, at)
			if hasWideDigit(rs[i:j]) {
				c.note(&c.wideDigits, at, c.example(at, i, j))
			}
			seen |= publishDigits(rs, i, j) << pubShift
			i = j - 1
		case c.at(i+1) == '是' && isNumeral(r):
			n, width := numeralBefore(rs, i)
			if n <= 0 || c.at(i+2) == r && !isHan(c.at(i+3)) || !c.enumStart(i-width+1, n, enumPrev) {
				// 一是一、二是二 (“exactly as it is”) is an idiom, not a list;
				// 一是一套制度 is a list.
				continue
			}
			c.enum(n, enumPrev, i-width+1, i+2, at)
			enumPrev = n
			enumSeen = true
		case enumPrev > 0 && numeralValue(r) == enumPrev+1 && enumBoundary(c.at(i-1)):
			if c.enumHole(i, enumPrev, at) {
				enumPrev++
			}
		}
	}
	if enumSeen {
		st.enumLast = enumPrev
	} else {
		st.enumLast = 0
	}
	return seen
}

// spaces looks at a run of blanks [i, j): inside a number, before %, or
// where a number was left out (“办理业务 件”).
func (c *collector) spaces(i, j, at int) {
	left, right := c.at(i-1), c.at(j)
	switch {
	case isDigit(left) && (right == '%' || right == '％'):
		c.note(&c.space, at, c.example(at, i, j))
	case isDigit(left) && isDigit(right):
		// Only inside Chinese prose: “共1 927件”, not a date and time
		// (“2024-02-28 15:48”) in a page header.
		a := i - 1
		for a >= 0 && isDigit(c.runes[a]) {
			a--
		}
		b := j
		for b < len(c.runes) && (isDigit(c.runes[b]) || c.runes[b] == '.') {
			b++
		}
		if isHan(c.at(a)) && (isHan(c.at(b)) || c.at(b) == '%' || c.at(b) == '％') {
			c.note(&c.space, at, c.example(at, i, j))
		}
	case isHan(left):
		k := j
		u := unitAt(c.runes, j)
		if u == "" {
			if r := c.at(k); r == '万' || r == '亿' {
				k++ // “覆盖群众 万人次”
			}
			if c.at(k) == '余' {
				k++ // “开展检查 余次”
			}
			if k > j {
				if u = unitAt(c.runes, k); u == "%" || u == "％" {
					u = ""
				}
			}
		}
		if u != "" {
			c.add(Finding{Rule: RuleProseBlank, Section: c.section, Line: at,
				Message: sprintf("“%s”中“%s”前缺少数字", c.context(i, k+len([]rune(u))), string(c.runes[j:k])+u)})
		}
	}
}

// hasWideDigit says whether a run of digits holds a full-width one.
func hasWideDigit(run []rune) bool {
	for _, r := range run {
		if r >= '０' && r <= '９' {
			return true
		}
	}
	return false
}

// digitRun looks at a run of digits [i, j) for numbers run together.
func (c *collector) digitRun(i, j, at int) {
	n := j - i
	next := c.at(j)
	switch {
	case n >= 5 && next == '年' && c.at(i-1) != '.':
		// “20232024年” or “122023年”: a year glued to another number.
	case n >= 8 && (c.runes[i] == '1' && c.runes[i+1] == '9' || c.runes[i] == '2' && c.runes[i+1] == '0') &&
		zhtext.IsCountUnitRune(next) && c.at(i-1) != '.':
		// “20231927件”: a year glued to a count.
	default:
		return
	}
	c.add(Finding{Rule: RuleProseDigits, Section: c.section, Line: at,
		Message: sprintf("“%s”中两个数字连在了一起，可能缺少标点或单位", c.context(i, j))})
}

// enum checks one 一是/二是 against the previous one in the paragraph.
func (c *collector) enum(n, prev, i, j, at int) {
	var msg string
	switch {
	case n == prev+1 || n == 1:
		return
	case n == prev:
		msg = sprintf("“%s是”重复出现", numeral(n))
	case n > prev+1:
		msg = sprintf("“%s是”前缺少“%s是”", numeral(n), numeral(prev+1))
	default:
		msg = sprintf("“%s是”出现在“%s是”之后，顺序颠倒", numeral(n), numeral(prev))
	}
	c.add(Finding{Rule: RuleEnum, Section: c.section, Line: at,
		Message: msg + sprintf("（“%s”）", c.context(i, j))})
}

// numbering checks a heading number against the previous one at its level.
func (c *collector) numbering(level, n int, label string, at int, st *scanState) {
	prev := st.heads[level]
	var msg string
	switch {
	case n == prev+1 || n == 1 && prev != 1:
	case n == prev:
		msg = sprintf("标题编号“%s”重复", label)
	case n > prev+1:
		msg = sprintf("标题编号“%s”前缺少“%s”", label, labelLike(label, level, prev+1))
	default:
		msg = sprintf("标题编号“%s”出现在“%s”之后，顺序颠倒", label, labelLike(label, level, prev))
	}
	if msg != "" {
		c.add(Finding{Rule: RuleNumbering, Section: c.section, Line: at, Message: msg})
	}
	st.heads[level] = n
	for l := level + 1; l < len(st.heads); l++ {
		st.heads[l] = 0
	}
}
