package check

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// Rates stated in prose (“受理X件，成功Y件，成功率Z%”) are checked against
// the counts around them. The rule is built for precision: a finding is an
// error only when the sentence itself names the numerator and a base and no
// base the sentence offers explains the rate; when the base had to be taken
// from the previous sentence, when offices commonly compute the rate over a
// base the text does not state (纠错率 over cases decided), or when the
// counts are so far from the rate that they were probably mispaired, it is
// a warning (prose.rate-doubt) that says so.

// rateVerbs may stand between a rate and its value (“败诉率为8.69%”,
// “办复率、满意率均为100%”), longest first.
var rateVerbs = []string{
	"保持在", "稳定在", "控制在", "下降至", "下降到", "下降为", "提高至", "提高到", "提升至", "提升到",
	"上升至", "上升到", "均达到", "均保持", "达到了", "达到", "仅为", "高达", "均为", "均达",
	"降至", "降到", "升至", "增至", "保持", "为", "达", "是", "在",
}

// changeTo are the verbs after which a comparison states the current rate:
// “由上年的9.1%降至4.2%” reports 4.2%, not 9.1%.
var changeTo = []string{
	"下降至", "下降到", "下降为", "减少至", "减少到", "增加至", "增加到", "增长至", "增长到",
	"提高至", "提高到", "提高为", "提升至", "提升到", "上升至", "上升到", "调整为",
	"降至", "降到", "降为", "减至", "升至", "升到", "增至", "变为",
}

// changeWords in a rate's own word make it a rate of change (增长率, 同比
// 下降), which is no ratio of the counts around it.
var changeWords = append([]string{"增幅", "降幅", "同比", "环比", "变化", "增速"}, zhtext.ChangeWords...)

// boundedStems end the words of rates that are shares of a whole and so
// cannot exceed 100% (a completion rate such as 完成目标任务107.39% can).
var boundedStems = []string{
	"成功", "办结", "结案", "审结", "纠错", "败诉", "胜诉", "应诉", "出庭", "到庭", "满意", "办复",
	"覆盖", "备案", "审查", "公开", "答复", "回复", "及时", "知晓", "合格", "达标", "通过", "履行",
	"化解", "采纳", "调解", "参与", "参训", "受理", "撤诉", "调撤", "公示", "录入",
}

// doubtfulBaseStems are rates offices compute over a base the sentence
// often leaves out: 纠错率 over cases decided, not received; 败诉率 over
// judgments; 出庭应诉率 over hearings. Against a received count alone a
// mismatch is a warning.
var doubtfulBaseStems = []string{"纠错", "败诉", "胜诉", "出庭", "撤诉", "调撤"}

// decidedWords label a count that can be the base of those rates.
var decidedWords = []string{"审结", "办结", "结案", "判决", "审理", "作出", "决定", "开庭", "应诉", "出庭"}

// carriedWords say a count is of cases carried over into this year;
// carryWords, which also take a bare 上年 or 往年 ("上年未结6件"), label
// cases carried over: they belong to the base of an 办结率 together with
// the cases received.
var (
	carriedWords = []string{"结转", "未结", "旧存", "积存", "遗留", "存量"}
	carryWords   = append([]string{"上年", "往年"}, carriedWords...)
)

// complementWords label the rest of a whole (调解不成功10件): numerator
// plus such a count is a base.
var complementWords = []string{"未", "不", "失败", "撤回", "终止"}

// rateMatch is a rate stated in prose: “成功率99.27%”, “败诉率为8.69%”.
type rateMatch struct {
	start int    // byte offset of the rate's word in the line
	end   int    // just past the value and its qualifier
	word  string // the Chinese characters before 率, at most 8
	value zhtext.Number
	// partsOverBase is set when the sentence gives the numerator in parts
	// whose sum no count of it reaches (numeratorParts): which of them the
	// rate is over is a guess, and a mismatch a warning.
	partsOverBase bool
}

// findRates scans s[a:b] for rates; offsets are in s. It is hand-written
// rather than a regular expression because it runs on every sentence that
// mentions a rate and backtracking over Chinese text was the largest cost
// of a check.
func findRates(s string, a, b int) []rateMatch {
	var out []rateMatch
	for off := a; off < b; {
		k := strings.Index(s[off:b], "率")
		if k < 0 {
			return out
		}
		pos := off + k
		off = pos + len("率")
		if strings.HasPrefix(s[off:], "先") {
			continue // 率先 is “take the lead”
		}
		ws := pos
		for n := 0; n < 8 && ws > a; n++ {
			r, w := utf8.DecodeLastRuneInString(s[:ws])
			if !zhtext.IsHan(r) {
				break
			}
			ws -= w
		}
		if ws == pos || zhtext.ContainsAnyWord(s[ws:pos], changeWords) {
			continue
		}
		i := valueStart(s, off, b)
		if i < 0 {
			continue
		}
		n, ok := zhtext.ScanNumber(s, i)
		if !ok || !zhtext.IsPercentSign(firstRune(n.Unit)) || n.End > b {
			continue
		}
		out = append(out, rateMatch{start: ws, end: n.End, word: s[ws:pos], value: n})
		if len(out) > maxSentenceRates {
			return out // a table run into one line; the caller gives up on it
		}
		off = n.End
	}
	return out
}

// respectiveRates are the rates of a list whose values follow 分别
// (“审结率、纠错率分别为92.3%和10.4%”), each item with its own value;
// findRates reads none of them, as no value follows their words.
func respectiveRates(s string, a, b int) []rateMatch {
	var out []rateMatch
	for _, p := range zhtext.RespectivePairs(s[a:b]) {
		item := s[a+p.SubjectStart : a+p.SubjectEnd]
		word, ok := strings.CutSuffix(item, "率")
		if !ok || word == "" || !zhtext.IsPercentSign(firstRune(p.Value.Unit)) || zhtext.ContainsAnyWord(word, changeWords) {
			continue
		}
		word = lastRunes(word, 8) // as findRates reads at most 8 characters
		ws := a + p.SubjectEnd - len("率") - len(word)
		v := p.Value
		v.Start, v.QualStart, v.End = v.Start+a, v.QualStart+a, v.End+a
		out = append(out, rateMatch{start: ws, end: v.End, word: word, value: v})
	}
	return out
}

// valueStart finds where the value of a rate begins after 率 at byte i:
// past verbs (为, 达到, 保持在), a comparison with last year (由上年的9.1%降
// 至), and a qualifier (约, 近, 超过). -1 when no value follows.
func valueStart(s string, i, b int) int {
	i = skipBlank(s, i)
	for range 3 {
		v := prefixIn(s[i:b], rateVerbs)
		if v == "" {
			break
		}
		i = skipBlank(s, i+len(v))
	}
	if w := prefixIn(s[i:b], []string{"由", "从", "较", "比"}); w != "" {
		// The first per-cent is last year's; the value follows a verb of
		// change after it.
		p := strings.IndexAny(s[i:min(b, i+90)], "%％")
		if p < 0 {
			return -1
		}
		_, pw := utf8.DecodeRuneInString(s[i+p:])
		j := skipBlank(s, i+p+pw)
		v := prefixIn(s[j:b], changeTo)
		if v == "" {
			return -1
		}
		i = skipBlank(s, j+len(v))
	}
	for _, q := range []string{"不低于", "不少于", "超过", "接近", "将近", "大约", "约", "近", "逾", "超"} {
		if strings.HasPrefix(s[i:b], q) {
			i += len(q)
			break
		}
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); !zhtext.IsDigit(r) {
		return -1
	}
	return i
}

func skipBlank(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !zhtext.IsBlank(r) {
			break
		}
		i += w
	}
	return i
}

func prefixIn(s string, words []string) string {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// suffixIn is the one of words s ends with, "" when none.
func suffixIn(s string, words []string) string {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// proseCount is a count stated in prose: a number with a count unit.
type proseCount struct {
	zhtext.Number
	label string // the words before the number, back to the previous clause break or number
	prev  bool   // stated in the sentence before the rate's
	// parts is set on a count the sentence gives only by its parts (see
	// correctedSum): how a message writes it, “撤销5件+确认违法3件”.
	parts string
}

// exact counts may be numerators and bases; “300余件”, “第3次” and “1.2万件”
// (a figure rounded to the 万) may not.
func (p proseCount) exact() bool {
	return p.Qualifier == zhtext.Exact && !p.Ordinal && p.Multiplier == ""
}

// written is the count as a message shows it: “1.5万件”.
func (p proseCount) written() string {
	if p.parts != "" {
		return p.parts
	}
	return p.Text + p.Multiplier + p.Unit
}

// correctedSum gives a 纠错率's numerator when the sentence lists the
// outcomes one by one and names no 纠错 count (“审结60件，其中维持38件、撤销
// 5件、确认违法3件、责令履行2件，综合纠错率16.7%”): pool with the sum of at
// least two correcting outcomes appended.
func correctedSum(pool []proseCount, word string) ([]proseCount, bool) {
	if !strings.HasSuffix(word, "纠错") {
		return nil, false
	}
	var sum proseCount
	var parts []string
	for _, d := range pool {
		if d.prev || !d.exact() || !zhtext.ContainsAnyWord(d.label, zhtext.CorrectionOutcomes) || len(parts) > 0 && !zhtext.SameCountUnit(d.Unit, sum.Unit) {
			continue
		}
		if len(parts) == 0 {
			sum = d
			sum.label = "纠错"
		} else {
			sum.Value += d.Value
		}
		parts = append(parts, zhtext.CorrectionIn(d.label)+d.written())
	}
	if len(parts) < 2 {
		return nil, false
	}
	sum.parts = strings.Join(parts, "+")
	return append(slices.Clip(pool), sum), true
}

// countsIn appends the counts in s[a:b] (offsets in s) to out, at most
// limit+1.
func countsIn(out []proseCount, s string, a, b, limit int, prev bool) []proseCount {
	seg := s[a:b]
	prevEnd := 0
	base := len(out)
	for n, ok := zhtext.NextNumber(seg, 0); ok; n, ok = zhtext.NextNumber(seg, n.End) {
		isCount := zhtext.CountUnitAt(n.Unit) == n.Unit && n.Unit != ""
		if isCount {
			start := max(prevEnd, zhtext.ClauseStart(seg, n.QualStart))
			label := seg[start:n.QualStart]
			n.Start, n.QualStart, n.End = n.Start+a, n.QualStart+a, n.End+a
			out = append(out, proseCount{Number: n, label: label, prev: prev})
			if len(out)-base > limit {
				return out
			}
			prevEnd = n.End - a
			n.End -= a // NextNumber goes on in seg
			continue
		}
		prevEnd = n.End
	}
	return out
}

// dropOtherYears leaves out the counts of another year, in place: those
// in a clause that opens with it ("2023年受理100件", "上年受理100件") and
// in the clauses after it, up to one that opens with the report's own
// year ("2023年受理100件，调解成功90件；2024年调解成功率98%，…"). They are
// no numerator or base of this year's rates. Cases carried over from last
// year (上年结转6件) stay: they belong to an 办结率's base. a is where the
// counts' sentence starts in line.
func dropOtherYears(counts []proseCount, line string, a, year int) []proseCount {
	out := counts[:0]
	for _, n := range counts {
		if inAnotherYear(line, a, n.QualStart, year) {
			continue
		}
		// "较上年的450件", "同比增加20件": the other side of a comparison,
		// or a change against it, in a clause that is this year's.
		if cs := max(zhtext.ClauseStart(line, n.QualStart), a); zhtext.AfterComparison(line[cs:n.QualStart], year) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// inAnotherYear says whether the clause holding byte i of line, or the
// nearest clause before it (back to a) that names a year, speaks of
// another year than the report's.
func inAnotherYear(line string, a, i, year int) bool {
	for i > a {
		cs := max(zhtext.ClauseStart(line, i), a)
		clause := line[cs:i]
		switch {
		case zhtext.ContainsAnyWord(clause, carriedWords):
			// "上年结转6件" states this year's load, and the clauses after
			// it go on with this year.
			return false
		case zhtext.LedByAnotherYear(clause, year):
			return true
		case zhtext.LedByThisYear(clause, year):
			return false
		}
		if cs <= a {
			return false
		}
		_, w := utf8.DecodeLastRuneInString(line[:cs])
		i = cs - w // before the clause break
	}
	return false
}

// A sentence stating more rates or counts than these is a table run into
// one line, not prose: pairing its counts with its rates would be guesswork,
// and every rate is compared with every count, so the caps also keep a
// hostile line from making the check quadratic.
const (
	maxSentenceRates  = 10
	maxSentenceCounts = 40
)

// proseRates checks every rate in a line against the counts of its
// sentence, and of the sentence before when its own lacks them.
func (c *collector) proseRates(line string, at int) {
	line = zhtext.FoldDigits(line)
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
		start, end := zhtext.SentenceBounds(line, pos, done)
		done = end
		if strings.Contains(line[start:end], "%") {
			ps, pe := previousSentence(line, start)
			c.sentenceRates(line, start, end, ps, pe, at)
		}
	}
}

// previousSentence returns the bounds of the sentence before the one
// starting at start (empty when there is none in this line).
func previousSentence(line string, start int) (int, int) {
	if start == 0 {
		return 0, 0
	}
	_, w := utf8.DecodeLastRuneInString(line[:start])
	pe := start - w
	ps, _ := zhtext.SentenceBounds(line, pe, max(0, pe-2000))
	return ps, pe
}

// rateTry is one base tried for a rate: the count pool[index], or the sum
// of pool[index] and pool[plus]. Its text is written only for a finding.
type rateTry struct {
	den         float64
	rate        float64
	index, plus int // plus is -1 for a single count
	// all marks the sum of every exact count of the unit in the rate's own
	// sentence: the outcomes listed one by one (“维持88件，驳回21件，纠错
	// 15件，终止6件”) add up to the cases decided.
	all bool
}

func (t rateTry) single() bool { return t.plus < 0 && !t.all }

func (t rateTry) text(pool []proseCount) string {
	if t.all {
		var parts []string
		for _, d := range pool {
			if !d.prev && d.exact() && zhtext.SameCountUnit(d.Unit, pool[t.index].Unit) {
				parts = append(parts, d.written())
			}
		}
		return strings.Join(parts, "+")
	}
	if t.plus < 0 {
		return pool[t.index].written()
	}
	return pool[t.index].written() + "+" + pool[t.plus].written()
}

func (c *collector) sentenceRates(line string, a, b, pa, pb, at int) {
	rates := findRates(line, a, b)
	if strings.Contains(line[a:b], "分别") {
		rates = append(rates, respectiveRates(line, a, b)...)
	}
	if len(rates) == 0 || len(rates) > maxSentenceRates {
		return
	}
	c.counts = countsIn(c.counts[:0], line, a, b, maxSentenceCounts, false)
	c.counts = dropOtherYears(c.counts, line, a, c.year)
	counts := c.counts
	if len(counts) > maxSentenceCounts {
		return
	}
	var prev []proseCount // the previous sentence's counts, read once
	prevRead := false
	prevCounts := func() []proseCount {
		if !prevRead {
			prev = countsIn(nil, line, pa, pb, maxSentenceCounts, true)
			if len(prev) > maxSentenceCounts {
				prev = nil
			}
			prev = dropOtherYears(prev, line, pa, c.year)
			prevRead = true
		}
		return prev
	}
	for _, m := range rates {
		if m.value.Value > 100 {
			c.rateOver100(line, a, b, m, at)
			continue
		}
		pool, widened := counts, false
		if complementExplains(m.word, pool, m.value) {
			c.explain(line[a:b], m.value)
			continue
		}
		stop := partsStart(line, m.start, b)
		num, stems := numeratorFor(m.word, pool, m.start, stop)
		if choices, ok := numeratorParts(line, m.word, pool, prevCounts, num, stems, m.start, stop); ok {
			if slices.ContainsFunc(choices[1:], func(ch numeratorChoice) bool { return ch.explains(prevCounts(), m.value) }) {
				c.explain(line[a:b], m.value)
				continue
			}
			pool, num = choices[0].pool, choices[0].num
			m.partsOverBase = choices[0].partsOverBase
		}
		if num < 0 {
			// No numerator: a count of the rate's negation and its whole
			// give it (complementExplains failed), before any count of
			// the sentence before is taken for the numerator.
			if tries := complementTries(m.word, counts); len(tries) > 0 {
				if !narrower(m.word, counts[tries[0].negated].label) {
					c.complementMismatch(line, a, b, m, counts, tries, at)
				}
				continue
			}
		}
		var withPrev []proseCount // the previous sentence's counts, then this one's
		own := pool
		loadPrev := func() []proseCount {
			if withPrev == nil {
				withPrev = append(slices.Clip(prevCounts()), own...)
			}
			return withPrev
		}
		if num < 0 {
			if p, ok := correctedSum(pool, m.word); ok {
				if hasCaseBase(p, len(p)-1) {
					// The outcomes and the cases they are of are this
					// sentence's: the sentence before is not searched (as
					// when it is in the pool already).
					c.checkRate(line, a, b, pa, m, p, len(p)-1, true, at, loadPrev)
					continue
				}
				// The sentence lists the outcomes only (“其中维持36件；
				// 撤销5件、确认违法2件，纠错率16.7%”: 维持 is one of them,
				// no base): the cases decided are the sentence before's.
				if w, ok := correctedSum(loadPrev(), m.word); ok && hasCaseBase(w, len(w)-1) {
					c.checkRate(line, a, b, pa, m, w, len(w)-1, true, at, loadPrev)
					continue
				}
				if hasBase(p, len(p)-1) {
					// No count of the cases anywhere: the outcomes' own
					// sum is still a base the rate may be over.
					c.checkRate(line, a, b, pa, m, p, len(p)-1, true, at, loadPrev)
					continue
				}
			}
		}
		if num >= 0 && !hasBase(pool, num) {
			if w := largestBelow(pool, num); w >= 0 && !anyBase(pool, num) {
				switch {
				case partOfNumerator(line, pool, num, w, m.value):
					// The sentence gives the numerator's parts: it is a
					// whole, and a count of the sentence before is no
					// base of it.
					continue
				case wholeBefore(pool, num, w):
					// The sentence names the whole first and the part
					// exceeds it: it decides, whatever the sentence
					// before holds.
					c.numeratorAboveWhole(line, a, b, m, pool, num, w, at)
					continue
				}
			}
		}
		if num < 0 || !hasBase(pool, num) {
			wide := loadPrev()
			if num >= 0 {
				// The sentence names its own numerator and only lacks a
				// base: a count of the sentence before that the rate's
				// words also name is another count (“…调解成功1228件。调解
				// 成功率99%，调解成功1980件…”), not this rate's.
				num += len(wide) - len(pool)
			} else {
				num, _ = numeratorFor(m.word, wide, m.start, stop)
			}
			pool, widened = wide, true
		}
		if num < 0 || narrower(m.word, pool[num].label) {
			continue
		}
		c.checkRate(line, a, b, pa, m, pool, num, widened, at, loadPrev)
	}
}

// narrowingWords name a part of what a count counts: “涉企纠纷调解成功率”
// is over the disputes involving businesses, not over all disputes.
var narrowingWords = []string{
	"涉企", "涉法", "涉诉", "重大", "疑难", "按期", "按时", "及时", "当场", "现场", "线上", "网上", "首次",
	"一次性", "即时", "专项", "企业", "村级", "乡镇", "社区", "行业", "专业", "婚姻", "家庭", "邻里",
	"劳动", "医疗", "交通", "物业", "土地", "征收", "一审", "二审", "集体",
}

// narrower reports a rate word that names a part its numerator's words do
// not: the rate is over a subset whose counts the sentence does not give.
func narrower(word, label string) bool {
	for _, w := range narrowingWords {
		if strings.Contains(word, w) && !strings.Contains(label, w) {
			return true
		}
	}
	return false
}

// hasCaseBase is hasBase for a 纠错 sum (correctedSum): a decision listed
// beside the corrections (维持, 驳回, another correction) is one of the
// cases decided, not their number.
func hasCaseBase(pool []proseCount, num int) bool { return baseAmong(pool, num, true) }

// isDecision says whether a count's words name a review decision, one of
// the outcomes a 纠错 sum is made from or listed beside.
func isDecision(label string) bool {
	return zhtext.ContainsAnyWord(label, zhtext.CorrectionOutcomes) || zhtext.ContainsAnyWord(label, zhtext.UncorrectingOutcomes)
}

// hasBase: the pool holds a count that can be the numerator's base.
func hasBase(pool []proseCount, num int) bool { return baseAmong(pool, num, false) }

// baseAmong is hasBase, leaving out the counts that name a decision when
// noDecisions is set (hasCaseBase).
func baseAmong(pool []proseCount, num int, noDecisions bool) bool {
	n := pool[num]
	for k, d := range pool {
		if k != num && d.exact() && d.Value >= n.Value && d.Value > 0 && !(noDecisions && isDecision(d.label)) {
			return true
		}
	}
	return false
}

// checkRate decides one rate whose numerator is pool[num].
func (c *collector) checkRate(line string, a, b, pa int, m rateMatch, pool []proseCount, num int, widened bool, at int, loadPrev func() []proseCount) {
	n := pool[num]
	stated := m.value
	tries, mixed := basesFor(pool, num)
	explains := func(t rateTry) bool {
		return rateConsistent(stated.Value, t.rate, stated.Decimals, 0.1, stated.Qualifier)
	}
	for _, t := range tries {
		if explains(t) {
			c.explain(line[a:b], stated)
			return
		}
	}
	nameable := anyNameable(tries)
	if !widened {
		// Before calling this sentence wrong, see whether the counts of
		// the previous sentence explain it. If not, the message names the
		// sentence's own base when it has one: a count of the sentence
		// before that comes nearer the stated rate, or gives it with the
		// decimal point moved, is another topic's (“办理行政处罚案件320件。
		// 复议纠错率15%，审结复议案件40件，纠错5件” is 5 ÷ 40, not 5 ÷ 320).
		if wide := loadPrev(); len(wide) > len(pool) {
			wn := num + len(wide) - len(pool)
			more, _ := basesFor(wide, wn)
			for _, t := range more {
				if explains(t) {
					c.explain(line[a:b], stated)
					return
				}
			}
			if !nameable {
				tries, pool, num = more, wide, wn
				nameable = anyNameable(tries)
			}
		}
	}
	if !nameable {
		// Only the sum of every count is left: it may explain a rate but
		// is no base a message can name.
		if w := largestBelow(pool, num); w >= 0 {
			if !partOfNumerator(line, pool, num, w, stated) && mayBeWhole(pool, num, w) {
				c.numeratorAboveWhole(line, a, b, m, pool, num, w, at)
			}
			return
		}
		if len(mixed) > 0 && !(stated.Value == 100 && n.Value >= pool[mixed[len(mixed)-1]].Value) {
			// 100% with at least as many appearances as cases says every
			// case was attended, whatever the unit; anything else counted
			// hearings where cases were meant.
			c.mixedUnits(line, a, b, m, n, mixed, at)
		}
		return
	}
	best, slip := closestBase(pool, tries, stated)
	t := tries[best]
	usedPrev := n.prev || pool[t.index].prev || t.plus >= 0 && pool[t.plus].prev
	computed := t.rate
	sentence := line[a:b]
	if usedPrev {
		sentence = line[pa:b]
	}
	ev := &Evidence{Sentence: strings.TrimSpace(sentence),
		Numbers: []EvidenceNumber{
			{Role: "stated", Text: rateValue(stated), Value: stated.Value, Label: lastRunes(m.word, 6) + "率", Qualifier: stated.Qualifier.String()},
			{Role: "numerator", Text: n.written(), Value: n.Value, Label: n.label},
		}}
	for _, x := range tries {
		ev.Denominators = append(ev.Denominators, Denominator{Text: x.text(pool), Value: x.den, Rate: x.rate})
	}
	far := computed < stated.Value/2 || computed > stated.Value*2
	where := "同一句中的数字"
	if usedPrev {
		where = "前后两句中的数字"
	}
	rule, note := RuleProseRate, ""
	switch {
	case slip:
		note = "，疑为小数点错位"
	case far && (usedPrev || isSubtotal(line, pool, num, t)):
		// Far apart and paired across sentences or with a total of which
		// the numerator is only a part (“办理案件1286件，其中调解成功52件，
		// 调解成功率96%”): the base was most likely not stated.
		return
	case m.partsOverBase:
		rule, note = RuleProseRateDoubt, "；句中分几项写出的件数合计超过了可作分母的件数，分子不能确定，请核对"
	case far:
		rule, note = RuleProseRateDoubt, "，相差悬殊，可能配错了分母，请核对"
	case usedPrev:
		rule, note = RuleProseRateDoubt, "，分子或分母取自前一句，请核对"
	case zhtext.ContainsAnyWord(m.word, doubtfulBaseStems) && !anyLabelHas(pool, num, decidedWords):
		rule, note = RuleProseRateDoubt, "；此类比率常按审结、开庭等未写明的件数计算，请核对"
	}
	st := stated.Value
	c.add(Finding{Rule: rule, Section: c.section, Line: at,
		Message: sprintf("“%s”与%s不符：%s ÷ %s = %s%%%s",
			ratePhrase(m.word, stated), where, n.written(), t.text(pool), fmtRate(computed), note),
		Stated: &st, Computed: &computed, Evidence: ev})
}

// explainedRate is a rate of the text that counts beside it give.
type explainedRate struct {
	sentence string
	value    float64
}

func (c *collector) explain(sentence string, stated zhtext.Number) {
	c.explained = append(c.explained, explainedRate{strings.TrimSpace(sentence), stated.Value})
}

// anyNameable: one of the tries is a base a message can name, not only the
// sum of every count.
func anyNameable(tries []rateTry) bool {
	for _, t := range tries {
		if !t.all {
			return true
		}
	}
	return false
}

// basesFor lists the bases a rate over pool[num] may have: every exact count
// of the numerator's unit no smaller than it; a count plus cases carried
// over (“受理120件，上年结转6件”); the numerator plus its complement (“成功
// 110件，未成功10件”). mixed lists counts in 件 when the numerator is in 次:
// an appearance rate counted in hearings against cases.
func basesFor(pool []proseCount, num int) (tries []rateTry, mixed []int) {
	n := pool[num]
	// A 纠错 sum's fellow outcomes (维持36件 beside 撤销5件、确认违法2件)
	// are parts of the cases decided, not their number.
	fellowOutcome := func(d proseCount) bool { return n.parts != "" && isDecision(d.label) }
	for k, d := range pool {
		if k == num || !d.exact() || d.Value <= 0 {
			continue
		}
		if !zhtext.SameCountUnit(d.Unit, n.Unit) {
			if (n.Unit == "次" || n.Unit == "人次") && zhtext.SameCountUnit(d.Unit, "件") {
				mixed = append(mixed, k)
			}
			continue
		}
		if fellowOutcome(d) {
			continue
		}
		if d.Value >= n.Value {
			tries = append(tries, rateTry{d.Value, 100 * n.Value / d.Value, k, -1, false})
		}
		if zhtext.ContainsAnyWord(d.label, complementWords) {
			s := n.Value + d.Value
			tries = append(tries, rateTry{s, 100 * n.Value / s, num, k, false})
		}
		if !zhtext.ContainsAnyWord(d.label, carryWords) || strings.Contains(d.label, "含") {
			// "审结76件（含上年结转5件）": the carried cases are already in
			// the count beside them.
			continue
		}
		for k2, e := range pool {
			if k2 == k || k2 == num || !e.exact() || !zhtext.SameCountUnit(e.Unit, n.Unit) || zhtext.ContainsAnyWord(e.label, carryWords) {
				continue
			}
			if fellowOutcome(e) {
				continue // 维持52件 plus the carried cases is no count of cases
			}
			s := d.Value + e.Value
			if s >= n.Value {
				tries = append(tries, rateTry{s, 100 * n.Value / s, k2, k, false})
			}
		}
	}
	sum, parts := 0.0, 0
	for _, d := range pool {
		if !d.prev && d.exact() && zhtext.SameCountUnit(d.Unit, n.Unit) && d.parts == "" {
			sum += d.Value
			parts++
		}
	}
	if parts >= 3 && !n.prev {
		tries = append(tries, rateTry{sum, 100 * n.Value / sum, num, -1, true})
	}
	return tries, mixed
}

// closestBase picks the base a message names: one whose rate has the
// stated digits with the decimal point moved (slip), or else the count (or
// received-plus-carried sum) whose rate is nearest the stated one — the base
// the drafter most likely meant. A count of the rate's own sentence is preferred unless one
// of the sentence before is nearer by more than a point.
func closestBase(pool []proseCount, tries []rateTry, stated zhtext.Number) (best int, slip bool) {
	if stated.Qualifier == zhtext.Exact {
		for i, x := range tries {
			if decimalSlip(stated.Value, stated.Decimals, x.rate) {
				return i, true
			}
		}
	}
	dist := func(x rateTry) float64 {
		d := math.Abs(x.rate - stated.Value)
		if pool[x.index].prev {
			d++
		}
		return d
	}
	best = -1
	for i, x := range tries {
		if x.all {
			continue
		}
		if best < 0 || dist(x) < dist(tries[best]) {
			best = i
		}
	}
	return max(best, 0), false
}

// isSubtotal: the numerator is introduced as part of the base (其中).
func isSubtotal(line string, pool []proseCount, num int, t rateTry) bool {
	n := pool[num]
	if strings.Contains(n.label, "其中") {
		return true
	}
	if !t.single() {
		return false
	}
	d := pool[t.index]
	if d.End <= n.QualStart {
		return strings.Contains(line[d.End:n.QualStart], "其中")
	}
	return false
}

// anyLabelHas: a count other than the numerator is labelled with one of words.
func anyLabelHas(pool []proseCount, num int, words []string) bool {
	for k, d := range pool {
		if k != num && zhtext.ContainsAnyWord(d.label, words) {
			return true
		}
	}
	return false
}

// decimalSlip: the stated rate is the computed one with its decimal point
// moved by one or two places (“纠错率1.04%” for 10.42%).
func decimalSlip(stated float64, decimals int, computed float64) bool {
	if stated <= 0 || computed <= 0 {
		return false
	}
	for _, f := range []struct {
		mul   float64
		shift int
	}{{10, -1}, {100, -2}, {0.1, 1}, {0.01, 2}} {
		if rateConsistent(stated*f.mul, computed, max(decimals+f.shift, 0), 0, zhtext.Exact) {
			return true
		}
	}
	return false
}

// largestBelow returns the largest exact count of the numerator's unit in
// the rate's own sentence when every such count is smaller than the
// numerator (“调处纠纷1927件，调解成功2013件，成功率…”), -1 otherwise.
func largestBelow(pool []proseCount, num int) int {
	n := pool[num]
	w := -1
	for k, d := range pool {
		if k == num || d.prev || !d.exact() || !zhtext.SameCountUnit(d.Unit, n.Unit) {
			continue
		}
		if d.Value >= n.Value {
			return -1
		}
		if w < 0 || d.Value > pool[w].Value {
			w = k
		}
	}
	return w
}

// partOfNumerator: the count taken for the rate's numerator is the whole
// and a smaller count after it a part of it, so no part exceeds its whole.
// The rate's words named the whole ("排查化解矛盾纠纷4213件，化解率98.6%，
// 其中调解成功4154件": 4154 ÷ 4213 is the rate), or w follows it as one of
// its parts (其中 between them). A smaller count stated before is the
// whole the sentence names first ("调解纠纷120件，调解成功130件"): that
// part does exceed it, however the rate was worked out.
func partOfNumerator(line string, pool []proseCount, num, w int, stated zhtext.Number) bool {
	n, d := pool[num], pool[w]
	if d.QualStart >= n.End && strings.Contains(line[n.End:d.QualStart], "其中") {
		return true
	}
	for k, e := range pool {
		if k != num && !e.prev && e.exact() && zhtext.SameCountUnit(e.Unit, n.Unit) && e.Value < n.Value && e.Start > n.End &&
			rateConsistent(stated.Value, 100*e.Value/n.Value, stated.Decimals, 0.1, stated.Qualifier) {
			return true
		}
	}
	return false
}

// anyBase: basesFor has a base a message can name for pool[num], a count
// plus cases carried over or the numerator plus its complement among them
// (not only the sum of every count, which parts of it also give).
func anyBase(pool []proseCount, num int) bool {
	tries, _ := basesFor(pool, num)
	return anyNameable(tries)
}

// wholeBefore: the smaller count w is stated before the numerator and may
// be its whole (mayBeWhole: "调解纠纷120件，调解成功130件", "受理法律援助
// 申请300件，办结320件"): the whole the part is said to exceed. A count of
// another subject before it ("败诉2件" before "负责人出庭应诉31件") is not.
func wholeBefore(pool []proseCount, num, w int) bool {
	return pool[w].End <= pool[num].QualStart && mayBeWhole(pool, num, w)
}

// mayBeWhole: the smaller count w can be the whole the numerator exceeds:
// it counts the same subject, or the numerator's words name no subject of
// their own and w is named as the intake ("受理法律援助申请300件，办结320
// 件"). A numerator with a subject of its own is not part of another's
// ("督办重点信访积案2件，办结群众来信31件"), nor one without a subject of
// a count that is no intake ("挂牌督办2件，办结31件").
func mayBeWhole(pool []proseCount, num, w int) bool {
	n, d := pool[num], pool[w]
	if sharesSubject(d.label, n.label) {
		return true
	}
	return utf8.RuneCountInString(strings.TrimSpace(n.label)) <= 4 && zhtext.ContainsAnyWord(d.label, intakeWords)
}

// intakeWords name the cases a period took in, or the problems it found
// (发现问题45个 for an 整改率): the base of its rates.
var intakeWords = append([]string{"排查", "申请", "发现"}, zhtext.IntakeWords...)

// genericPairs are two-character words every count's label may hold; a
// subject shared only through them is none.
var genericPairs = []string{"案件", "全年", "共计", "累计", "全县", "全区", "全市", "各类", "事项"}

// sharesSubject: the labels have a two-character word in common that is
// not one of genericPairs.
func sharesSubject(a, b string) bool {
	ra := []rune(a)
	for i := 0; i+1 < len(ra); i++ {
		pair := string(ra[i : i+2])
		if ra[i] < 0x4E00 || ra[i+1] < 0x4E00 || slices.Contains(genericPairs, pair) {
			continue
		}
		if strings.Contains(b, pair) {
			return true
		}
	}
	return false
}

// numeratorAboveWhole reports a rate's numerator larger than every count
// that could be its base: a part larger than its whole. Cases decided may
// outnumber cases received when some were carried over from last year, so
// for 结案率, 办结率 and 审结率 it is a warning.
func (c *collector) numeratorAboveWhole(line string, a, b int, m rateMatch, pool []proseCount, num, w, at int) {
	n, d := pool[num], pool[w]
	rule, note := RuleProsePart, "：部分不能超过整体"
	switch {
	case anyLabelHas(pool, num, carryWords):
		note = "，加上写明的上年结转件数也不够：部分不能超过整体"
	case zhtext.HasSuffixAny(m.word, []string{"结案", "办结", "审结"}):
		rule, note = RuleProseRateDoubt, "：若含上年结转的案件，请写明结转件数"
	}
	c.add(Finding{Rule: rule, Section: c.section, Line: at,
		Message: sprintf("“%s%s”大于同一句中的“%s%s”，“%s”无从计算%s", n.label, n.written(), d.label, d.written(), ratePhrase(m.word, m.value), note),
		Evidence: &Evidence{Sentence: strings.TrimSpace(line[a:b]), Numbers: []EvidenceNumber{
			{Role: "stated", Text: rateValue(m.value), Value: m.value.Value, Label: lastRunes(m.word, 6) + "率", Qualifier: m.value.Qualifier.String()},
			{Role: "part", Text: n.written(), Value: n.Value, Label: n.label},
			{Role: "whole", Text: d.written(), Value: d.Value, Label: d.label}}}})
}

// rateOver100 reports a share of a whole stated above 100%.
func (c *collector) rateOver100(line string, a, b int, m rateMatch, at int) {
	if !zhtext.HasSuffixAny(m.word, boundedStems) || m.value.Qualifier == zhtext.Under {
		return // 完成率, 增长 and the like may exceed 100%
	}
	st := m.value.Value
	c.add(Finding{Rule: RuleProseRate, Section: c.section, Line: at,
		Message: sprintf("“%s”超过 100%%：这一比率是部分占整体的比例，不能大于 100%%", ratePhrase(m.word, m.value)),
		Stated:  &st,
		Evidence: &Evidence{Sentence: strings.TrimSpace(line[a:b]), Numbers: []EvidenceNumber{
			{Role: "stated", Text: rateValue(m.value), Value: st, Label: lastRunes(m.word, 6) + "率", Qualifier: m.value.Qualifier.String()}}}})
}

// mixedUnits warns about a rate whose numerator is counted in 次 and whose
// only possible base in 件: “应诉案件40件，负责人出庭应诉38次，出庭应诉率95%”.
func (c *collector) mixedUnits(line string, a, b int, m rateMatch, n proseCount, mixed []int, at int) {
	c.add(Finding{Rule: RuleProseRateDoubt, Section: c.section, Line: at,
		Message: sprintf("“%s”的分子“%s”以“%s”计，而案件以“件”计：比率应按件数计算，请核对",
			ratePhrase(m.word, m.value), n.label+n.written(), n.Unit),
		Evidence: &Evidence{Sentence: strings.TrimSpace(line[a:b]), Numbers: []EvidenceNumber{
			{Role: "stated", Text: rateValue(m.value), Value: m.value.Value, Label: lastRunes(m.word, 6) + "率", Qualifier: m.value.Qualifier.String()},
			{Role: "numerator", Text: n.written(), Value: n.Value, Label: n.label}}}})
}

// stemSynonyms are the other words a count behind a rate may be labelled
// with: the cases behind a 结案率 are “办结” or “审结”.
var stemSynonyms = map[string][]string{
	"结案": {"办结", "审结"},
	"办结": {"结案", "审结"},
	"审结": {"办结", "结案"},
	"办复": {"答复", "办理回复"},
}

// partStems name a rate's numerator by the part of its word that tells
// it from the base, tried instead of the shorter endings: the numerator of
// a 出庭应诉率 is the heads' appearances (“负责人出庭38件”), not the
// 应诉案件 its last two characters also name.
var partStems = map[string][]string{
	"出庭应诉": {"出庭", "到庭"},
}

// numeratorFor finds the count a rate word refers to: the closest count
// before the rate whose words contain the rate's own word, trying the
// longest ending first (出庭应诉率 → 出庭应诉, not the 应诉案件 total), then
// the synonyms of its last two characters. When no count before the rate
// names it, the closest after it in its own sentence does, up to stop: a
// rate may come first and its counts after (“办结率98.6%，共受理1420件，
// 办结1400件”, “成功率96.7%（调解3025件，成功2925件）”), but the counts
// after a 其中 that follows the rate break a whole into parts (“办结率98%，
// 其中网上信访100件，办结80件”) and are not the rate's.
//
// It also gives the stems the numerator was named by: the other counts
// they name are parts of the same numerator (see numeratorParts).
func numeratorFor(word string, counts []proseCount, ratePos, stop int) (int, []string) {
	if i, stems := numeratorSide(word, counts, ratePos, -1); i >= 0 {
		return i, stems
	}
	return numeratorSide(word, counts, ratePos, stop)
}

// partsStart is where a breakdown (其中) begins after the rate at pos in
// line[:b], b when there is none.
func partsStart(line string, pos, b int) int {
	if i := strings.Index(line[pos:b], "其中"); i >= 0 {
		return pos + i
	}
	return b
}

// numeratorSide is numeratorFor on one side of the rate: the closest
// count before it (stop < 0), or the closest after it and before stop, of
// the rate's own sentence.
func numeratorSide(word string, counts []proseCount, ratePos, stop int) (int, []string) {
	after := stop >= 0
	rs := []rune(word)
	find := func(stem string) int {
		best := -1
		for i, n := range counts {
			if !n.exact() || (n.Start >= ratePos) != after || after && (n.prev || n.Start >= stop) {
				continue
			}
			if namesAffirmed(n.label, stem) {
				best = i
				if after {
					break // the first after the rate is the closest
				}
			}
		}
		return best
	}
	for k := min(4, len(rs)); k >= 2; k-- {
		ending := string(rs[len(rs)-k:])
		stems, ok := partStems[ending]
		if best := find(ending); best >= 0 {
			return best, append([]string{ending}, stems...)
		}
		if ok {
			for _, stem := range stems {
				if best := find(stem); best >= 0 {
					return best, stems
				}
			}
			// The shorter endings name the base: 应诉 names the cases
			// ("行政应诉案件45件，…出庭应诉率100%"), never the appearances.
			return -1, nil
		}
	}
	if len(rs) >= 2 {
		for _, syn := range stemSynonyms[string(rs[len(rs)-2:])] {
			if best := find(syn); best >= 0 {
				return best, []string{syn}
			}
		}
	}
	return -1, nil
}

// namesAffirmed says whether label names stem other than as its
// negation: "不合格案卷15卷" counts what a 合格率 leaves out, not its
// numerator (see complementExplains).
func namesAffirmed(label, stem string) bool {
	for i := 0; ; {
		j := strings.Index(label[i:], stem)
		if j < 0 {
			return false
		}
		if !negatedAt(label, i+j) {
			return true
		}
		i += j + len(stem)
	}
}

// negatedAt says whether the word at byte i of s follows 不 or 未.
func negatedAt(s string, i int) bool {
	return strings.HasSuffix(s[:i], "不") || strings.HasSuffix(s[:i], "未")
}

// complementExplains says whether the rate is what a sentence's count
// of its negation leaves of a whole: "抽查案卷360卷，评出优秀案卷48卷、合格
// 案卷297卷，不合格案卷15卷，合格率95.8%" is (360 − 15) ÷ 360, as the grades
// above 合格 are 合格 too. Only an exact count of the negated stem and a
// larger count of its unit are used.
func complementExplains(word string, pool []proseCount, stated zhtext.Number) bool {
	for _, t := range complementTries(word, pool) {
		if rateConsistent(stated.Value, t.rate, stated.Decimals, 0.1, stated.Qualifier) {
			return true
		}
	}
	return false
}

// complementTry is one reading of a rate as what a count of its negation
// leaves of a whole: (pool[whole] − pool[negated]) ÷ pool[whole].
type complementTry struct {
	negated, whole int
	rate           float64
	words          string // the negation as the sentence writes it: "不合格"
}

// complementTries lists the readings complementExplains tries: an exact
// count of the rate's negated stem ("不合格6卷" for a 合格率) and each
// larger exact count of its unit.
func complementTries(word string, pool []proseCount) []complementTry {
	var tries []complementTry
	rs := []rune(word)
	for k := min(4, len(rs)); k >= 2; k-- {
		ending := string(rs[len(rs)-k:])
		for ni, n := range pool {
			i := strings.Index(n.label, ending)
			if !n.exact() || i < 0 || !negatedAt(n.label, i) {
				continue
			}
			for wi, w := range pool {
				if w.exact() && w.Value > n.Value && zhtext.SameCountUnit(w.Unit, n.Unit) {
					tries = append(tries, complementTry{ni, wi, (w.Value - n.Value) / w.Value * 100, n.label[i-len("不") : i+len(ending)]})
				}
			}
		}
		if len(tries) > 0 {
			return tries // the longest ending that names a negation
		}
	}
	return nil
}

// complementMismatch reports a rate whose sentence names no numerator,
// only a count of its negation and a whole, that the two do not give:
// "评查案卷120卷，不合格案卷6卷，合格率59%" is (120 − 6) ÷ 120 = 95%. It is
// a warning: the rate was worked out by the reader, not read.
func (c *collector) complementMismatch(line string, a, b int, m rateMatch, pool []proseCount, tries []complementTry, at int) {
	best := tries[0]
	for _, t := range tries[1:] {
		if math.Abs(t.rate-m.value.Value) < math.Abs(best.rate-m.value.Value) {
			best = t
		}
	}
	n, w := pool[best.negated], pool[best.whole]
	st, computed := m.value.Value, best.rate
	ev := &Evidence{Sentence: strings.TrimSpace(line[a:b]), Numbers: []EvidenceNumber{
		{Role: "stated", Text: rateValue(m.value), Value: st, Label: lastRunes(m.word, 6) + "率", Qualifier: m.value.Qualifier.String()},
		{Role: "complement", Text: n.written(), Value: n.Value, Label: n.label},
		{Role: "whole", Text: w.written(), Value: w.Value, Label: w.label}}}
	for _, t := range tries {
		ev.Denominators = append(ev.Denominators, Denominator{Text: pool[t.whole].written() + "−" + pool[t.negated].written(),
			Value: pool[t.whole].Value, Rate: t.rate})
	}
	c.add(Finding{Rule: RuleProseRateDoubt, Section: c.section, Line: at,
		Message: sprintf("“%s”与同一句中的数字不符：（%s − %s%s）÷ %s = %s%%，分子由“%s”的数字推算，请核对",
			ratePhrase(m.word, m.value), w.written(), best.words, n.written(), w.written(), fmtRate(computed), best.words),
		Stated: &st, Computed: &computed, Evidence: ev})
}

func lastRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[len(rs)-n:])
}

// rateValue writes a stated rate with its qualifier where it stood:
// “约96%”, “95%以上”.
func rateValue(n zhtext.Number) string {
	v := n.Text + "%"
	if n.QualWord == "" {
		return v
	}
	if n.QualStart < n.Start {
		return n.QualWord + v
	}
	return v + n.QualWord
}

// ratePhrase is how messages quote a rate: “纠错率1.04%”, “办结率95%以上”.
func ratePhrase(word string, n zhtext.Number) string {
	return lastRunes(word, 4) + "率" + rateValue(n)
}
