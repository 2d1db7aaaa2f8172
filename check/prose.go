package check

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// rateVerbs may stand between a rate and its value: “败诉率为8.69%”.
var rateVerbs = []string{"保持在", "下降至", "下降到", "下降为", "提高至", "提高到", "提升至", "提升到", "上升至", "达到", "仅为", "高达", "降至", "降到", "升至", "保持", "为", "达", "是", "约"}

// proseUnitsByLength lists count units, longest first, so 人次 wins over 人.
var countUnits = []string{"人次", "件", "宗", "起", "个", "项", "次", "场", "人", "名", "家", "份", "条", "户", "篇", "卷"}

// rateMatch is a rate stated in prose: “成功率99.27%”, “败诉率为8.69%”.
type rateMatch struct {
	start     int    // byte offset of the rate's word
	word      string // the Chinese characters before 率, at most 8
	valueText string
	value     float64
}

// findRates scans a sentence for rates. It is hand-written rather than a
// regular expression because it runs on every sentence that mentions a rate
// and backtracking over Chinese text was the largest cost of a check.
func findRates(s string) []rateMatch {
	var out []rateMatch
	for off := 0; ; {
		k := strings.Index(s[off:], "率")
		if k < 0 {
			return out
		}
		pos := off + k
		off = pos + len("率")
		ws := pos
		for n := 0; n < 8 && ws > 0; n++ {
			r, w := utf8.DecodeLastRuneInString(s[:ws])
			if !isHan(r) {
				break
			}
			ws -= w
		}
		if ws == pos {
			continue
		}
		rest := s[off:]
		for _, v := range rateVerbs {
			if strings.HasPrefix(rest, v) {
				rest = rest[len(v):]
				break
			}
		}
		rest = strings.TrimLeft(rest, " ")
		numEnd := numberPrefix(rest)
		if numEnd == 0 {
			continue
		}
		after := strings.TrimLeft(rest[numEnd:], " ")
		if !strings.HasPrefix(after, "%") && !strings.HasPrefix(after, "％") {
			continue
		}
		v, err := strconv.ParseFloat(rest[:numEnd], 64)
		if err != nil {
			continue
		}
		out = append(out, rateMatch{start: ws, word: s[ws:pos], valueText: rest[:numEnd], value: v})
	}
}

// numberPrefix returns the length of the number (123 or 12.5) s starts with.
func numberPrefix(s string) int {
	i := 0
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	if i == 0 {
		return 0
	}
	if i+1 < len(s) && s[i] == '.' && isASCIIDigit(s[i+1]) {
		i++
		for i < len(s) && isASCIIDigit(s[i]) {
			i++
		}
	}
	return i
}

type proseCount struct {
	value       float64
	text, unit  string
	label       string // the words before the number, back to the previous punctuation or count
	start, end  int
	approximate bool
}

// proseRates checks every rate in a line against counts in the same
// sentence. It stays silent unless the sentence itself names both the
// numerator (a count whose words contain the rate's own word: 调解成功…件 for
// 成功率) and a possible denominator (another count in the same unit, no
// smaller than the numerator): a rate whose base is stated in an earlier
// sentence cannot be checked from prose alone.
func (c *collector) proseRates(line string, at int) {
	if strings.ContainsFunc(line, func(r rune) bool { return r >= '０' && r <= '９' }) {
		line = asciiDigits(line)
	}
	done := 0 // sentences before this offset were checked already
	for off := 0; ; {
		k := strings.Index(line[off:], "率")
		if k < 0 {
			return
		}
		pos := off + k
		off = pos + len("率")
		if pos < done {
			continue
		}
		start, end := sentenceAround(line, pos, done)
		done = end
		if sentence := line[start:end]; strings.Contains(sentence, "%") || strings.Contains(sentence, "％") {
			c.sentenceRates(sentence, at)
		}
	}
}

// sentenceEndChars are the characters that end a sentence.
const sentenceEndChars = "。！？!?"

// sentenceAround returns the bounds of the sentence containing pos. from
// is where the previous sentence examined ended (0 for none): no sentence
// end lies between it and the start of this one, so the backward search
// stops there. Both searches stop at the nearest sentence end, which keeps
// a line of many rates linear instead of quadratic.
func sentenceAround(line string, pos, from int) (start, end int) {
	from = min(from, pos)
	start = from
	if k := strings.LastIndexAny(line[from:pos], sentenceEndChars); k >= 0 {
		_, w := utf8.DecodeRuneInString(line[from+k:])
		start = from + k + w
	}
	end = len(line)
	if k := strings.IndexAny(line[pos:], sentenceEndChars); k >= 0 {
		end = pos + k
	}
	return start, end
}

// A sentence stating more rates or counts than these is a table run into
// one line, not prose: pairing its counts with its rates would be guesswork,
// and every rate is compared with every count, so the caps also keep a
// hostile line from making the check quadratic.
const (
	maxSentenceRates  = 10
	maxSentenceCounts = 40
)

func (c *collector) sentenceRates(s string, at int) {
	rates := findRates(s)
	if len(rates) == 0 || len(rates) > maxSentenceRates {
		return
	}
	counts := proseCounts(s)
	if len(counts) < 2 || len(counts) > maxSentenceCounts {
		return
	}
	for _, m := range rates {
		word, statedText, stated := m.word, m.valueText, m.value
		if stated > 100 {
			continue // completion rates such as 完成目标任务107.39% have no count base here
		}
		num := numeratorFor(word, counts, m.start)
		if num < 0 {
			continue
		}
		n := counts[num]
		denom := -1
		consistent := false
		for k, d := range counts {
			if k == num || d.approximate || d.unit != n.unit || d.value < n.value || d.value <= 0 {
				continue
			}
			if rateConsistent(stated, 100*n.value/d.value, decimalsOf(statedText), 0.1) {
				consistent = true
				break
			}
			if denom < 0 || (d.start < n.start && (counts[denom].start > n.start || d.start > counts[denom].start)) {
				denom = k // prefer the count just before the numerator: 受理X件，成功Y件
			}
		}
		if consistent || denom < 0 {
			continue
		}
		d := counts[denom]
		computed := 100 * n.value / d.value
		if computed < stated/2 || computed > stated*2 {
			// Far apart means we most likely paired the wrong counts (a
			// subtotal of another kind, “办理案件1286件，其中调解成功52件，
			// 调解成功率96%”), not that the drafter erred: stay silent.
			continue
		}
		st := stated
		c.add(Finding{Rule: RuleProseRate, Section: c.section, Line: at,
			Message: sprintf("“%s率%s%%”与同一句中的数字不符：%s%s ÷ %s%s = %s%%",
				lastRunes(word, 4), statedText, n.text, n.unit, d.text, d.unit, fmtRate(computed)),
			Stated: &st, Computed: &computed})
	}
}

// numeratorFor finds the count a rate word refers to: the closest count
// before the rate whose words contain the rate's own word, trying the
// longest ending first (出庭应诉率 → 出庭应诉, not the 应诉案件 total).
func numeratorFor(word string, counts []proseCount, ratePos int) int {
	rs := []rune(word)
	for k := min(4, len(rs)); k >= 2; k-- {
		stem := string(rs[len(rs)-k:])
		best := -1
		for i, n := range counts {
			if n.start >= ratePos || n.approximate {
				continue
			}
			if strings.Contains(n.label, stem) {
				best = i
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

func lastRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[len(rs)-n:])
}

// proseCounts finds the counts in a sentence: a number, an optional 万 or
// 亿, an optional 余 or 多 (which makes it approximate) and a unit.
func proseCounts(s string) []proseCount {
	var out []proseCount
	prevEnd := 0
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) || i > 0 && (isASCIIDigit(s[i-1]) || s[i-1] == '.') {
			continue
		}
		n := numberPrefix(s[i:])
		j := i + n
		v, err := strconv.ParseFloat(s[i:j], 64)
		if err != nil {
			continue
		}
		textEnd := j
		switch {
		case strings.HasPrefix(s[j:], "万"):
			v *= 1e4
			j += len("万")
			textEnd = j
		case strings.HasPrefix(s[j:], "亿"):
			v *= 1e8
			j += len("亿")
			textEnd = j
		}
		approx := false
		if strings.HasPrefix(s[j:], "余") || strings.HasPrefix(s[j:], "多") {
			approx = true
			j += len("余")
		}
		unit := ""
		for _, u := range countUnits {
			if strings.HasPrefix(s[j:], u) {
				unit = u
				break
			}
		}
		if unit == "" {
			i = j - 1
			continue
		}
		end := j + len(unit)
		if unit == "个" && (strings.HasPrefix(s[end:], "月") || strings.HasPrefix(s[end:], "工作日")) {
			prevEnd, i = end, end-1
			continue // 连续55个月 is a duration
		}
		start := prevEnd
		if k := strings.LastIndexAny(s[prevEnd:i], "，,、；;：:（("); k >= 0 {
			_, w := utf8.DecodeRuneInString(s[prevEnd+k:])
			start = prevEnd + k + w
		}
		label := s[start:i]
		for _, w := range []string{"约", "近", "超", "逾", "超过", "不足", "将近", "第"} {
			if strings.HasSuffix(label, w) {
				approx = true
			}
		}
		out = append(out, proseCount{value: v, text: s[i:textEnd], unit: unit, label: label,
			start: i, end: end, approximate: approx})
		prevEnd, i = end, end-1
	}
	return out
}

// plansYears checks the years written in next year's plans. A heading must
// name the year after the report year; in the text, a paragraph opening
// with a year (“2024年，我县将…”) must name it too, and no year beyond it may
// appear except in ranges (2021—2025年), titles (《…》) and long-term
// targets (到2025年, 2025年底前). Years before the report year are context
// and are left alone.
func (c *collector) plansYears(s string, at int, heading bool) {
	want := c.year + 1
	body := strings.TrimLeft(s, " \t\u3000")
	headEnd := 0 // the heading part of the line; a run-in heading ends at its first 。
	if lvl, _, label := headingOf(body); lvl > 0 {
		body = body[len(label):]
		heading = true
	}
	if heading {
		headEnd = len(body)
		if k := strings.Index(body, "。"); k >= 0 {
			headEnd = k
		}
	}
	book := 0
	for i := 0; i+4 < len(body); i++ {
		switch {
		case strings.HasPrefix(body[i:], "《"):
			book++
		case strings.HasPrefix(body[i:], "》"):
			book--
		}
		if !isASCIIDigit(body[i]) || i > 0 && isASCIIDigit(body[i-1]) {
			continue
		}
		if !(isASCIIDigit(body[i+1]) && isASCIIDigit(body[i+2]) && isASCIIDigit(body[i+3])) || !strings.HasPrefix(body[i+4:], "年") {
			continue
		}
		y, _ := strconv.Atoi(body[i : i+4])
		after := body[i+4+len("年"):]
		before := body[:i]
		if y < 1949 || y > 2200 || y == want || book > 0 || isRangeEnd(before) || isRangeStart(after) || isTarget(before, after) {
			continue
		}
		var msg string
		switch {
		case i < headEnd:
			msg = sprintf("下一年度安排的标题写的是“%d年”，报告年度为 %d 年，应为 %d 年", y, c.year, want)
		case i == 0 && (strings.HasPrefix(after, "，") || strings.HasPrefix(after, ",") || strings.HasPrefix(after, "度，") || strings.HasPrefix(after, "度,")):
			msg = sprintf("下一年度安排以“%d年”开头，报告年度为 %d 年，安排应针对 %d 年", y, c.year, want)
		case y > want:
			msg = sprintf("下一年度安排中出现“%d年”，报告年度为 %d 年，安排应针对 %d 年", y, c.year, want)
		default:
			continue
		}
		c.add(Finding{Rule: RuleYearPlans, Section: c.section, Line: at, Message: msg})
		return // one finding per line is enough
	}
}

// isRangeEnd: the year closes a range such as 2021—2025年 or 2023年至2025年.
func isRangeEnd(before string) bool {
	b := strings.TrimSuffix(before, "年")
	for _, sep := range []string{"—", "–", "-", "~", "～", "至", "到", "－"} {
		if strings.HasSuffix(b, sep) {
			b = strings.TrimSuffix(strings.TrimSuffix(b, sep), "年")
			return len(b) >= 4 && isASCIIDigit(b[len(b)-1])
		}
	}
	return false
}

// isRangeStart: the year opens a range (2024年—2026年).
func isRangeStart(after string) bool {
	for _, sep := range []string{"—", "–", "-", "~", "～", "至", "到", "－"} {
		if strings.HasPrefix(after, sep) {
			rest := strings.TrimPrefix(after, sep)
			return len(rest) > 0 && isASCIIDigit(rest[0])
		}
	}
	return false
}

// isTarget: a long-term target (到2025年, 2025年底前) is not a plans year.
func isTarget(before, after string) bool {
	for _, w := range []string{"到", "至", "截至", "截止", "于", "在"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	for _, w := range []string{"底", "前", "末", "以前", "之前", "以后", "目标"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}
