package followup

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// FigureInfo is what the change check needs to know of a template figure.
type FigureInfo struct {
	ID, Label, Unit string
	Percent         bool     // a rate, where changes may be in percentage points
	Keywords        []string // words that name the figure in prose
}

// ChangeProblem is a stated year-on-year change that last year's figures
// contradict.
type ChangeProblem struct {
	Section  string
	Sentence string
	Claim    string // the words that state the change
	Figure   string // figure id
	Message  string // Chinese, with the arithmetic
	Stated   float64
	Computed float64
}

const num = `(\d+(?:\.\d+)?)`
const units = `(%|％|个百分点|百分点|件|人次|场次|场|次|人|万元|亿元|元|个|家|份|卷|项|倍)`

// Statements of change. "较上年"-style comparisons name last year; a claim
// against another year ("比2020年") is not about last year's report and is
// skipped by the year check in CheckChanges.
var (
	cmpWords  = `(?:同比|较上年|比上年|较去年|比去年|与上年相比|与去年相比|较上一年|比上一年|较(?P<y1>\d{4})年|比(?P<y2>\d{4})年|与(?P<y3>\d{4})年相比)(?:同期)?[，,]?`
	verbUp    = "增长|增加|上升|提高|提升|增多|多|上涨"
	verbDown  = "下降|减少|降低|回落|减少了|少|下滑"
	reByDelta = regexp.MustCompile(cmpWords + `(?P<verb>` + verbUp + `|` + verbDown + `)了?(?P<qual>约|近|超过|逾|达到|达)?(?P<amount>\d+(?:\.\d+)?)(?P<unit>` + units[1:])
	reDouble  = regexp.MustCompile(`(?:` + cmpWords + `)?翻了?(?P<times>一|两|二|三)番`)
	reTimes   = regexp.MustCompile(`是(上年|去年|上一年)(?:同期)?的` + num + `倍`)
	reFromTo  = regexp.MustCompile(`由(上年|去年|上一年|\d{4}年)(?:同期)?的?` + num + units + `?[，,]?(降至|降到|下降至|下降到|降低至|降低到|减少至|减少到|减至|回落至|回落到|增至|增加至|增加到|增长至|增长到|上升至|上升到|升至|提高至|提高到|提升至|提升到)` + num + units + `?`)
	// a number and its unit just before a statement of change
	reValue = regexp.MustCompile(num + `\s*(%|％|件|人次|场次|场|次|人|万元|亿元|元|个|家|份|卷|项)`)
)

func isUp(verb string) bool {
	for _, v := range strings.Split(verbUp, "|") {
		if verb == v {
			return true
		}
	}
	return false
}

func sameUnit(u, figUnit string, percent bool) bool {
	if u == "%" || u == "％" {
		return percent
	}
	return !percent && (figUnit == "" || u == figUnit || strings.HasSuffix(figUnit, u))
}

// changeChecker holds one report pair's figures.
type changeChecker struct {
	figs      []FigureInfo
	cur, prev map[string]model.Number
	prevYear  int // 0 when unknown
}

// figureFor finds the one figure whose value this year is v in unit u; when
// several have it, the one whose keywords the clause names. "" when none or
// still ambiguous: a claim is checked only when it clearly names a figure.
func (c *changeChecker) figureFor(v float64, u, clause string, values map[string]model.Number) string {
	var ids []string
	for _, f := range c.figs {
		if x, ok := values[f.ID]; ok && x.Value == v && sameUnit(u, f.Unit, f.Percent) {
			ids = append(ids, f.ID)
		}
	}
	if len(ids) > 1 {
		var named []string
		for _, id := range ids {
			if f := c.info(id); len(f.Keywords) > 0 && allIn(f.Keywords, clause) {
				named = append(named, id)
			}
		}
		ids = named
	}
	if len(ids) != 1 {
		return ""
	}
	return ids[0]
}

func allIn(words []string, s string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func (c *changeChecker) info(id string) FigureInfo {
	for _, f := range c.figs {
		if f.ID == id {
			return f
		}
	}
	return FigureInfo{ID: id}
}

// aboutLastYear says a comparison names last year: 同比/较上年, or a year
// that is the previous report's.
func (c *changeChecker) aboutLastYear(year string) bool {
	if year == "" {
		return true
	}
	y, _ := strconv.Atoi(year)
	return c.prevYear != 0 && y == c.prevYear
}

// subject finds the figure a statement of change at sentence[start:] is
// about: the number written just before it ("收案132件，同比增长10%").
func (c *changeChecker) subject(sentence string, start int) string {
	before := sentence[:start]
	locs := reValue.FindAllStringSubmatchIndex(before, -1)
	if len(locs) == 0 {
		return ""
	}
	m := locs[len(locs)-1]
	gap := before[m[1]:]
	if utf8.RuneCountInString(gap) > 6 || strings.ContainsAny(gap, "0123456789") {
		return ""
	}
	v, err := strconv.ParseFloat(before[m[2]:m[3]], 64)
	if err != nil {
		return ""
	}
	return c.figureFor(v, before[m[4]:m[5]], before, c.cur)
}

// CheckChanges reads statements of change in this year's sentences and
// checks them against both years' figures. It says nothing when it cannot
// tell which figure a statement is about, or when last year's value is
// unknown.
func CheckChanges(sentences []Sentence, figs []FigureInfo, cur, prev map[string]model.Number, prevYear int) []ChangeProblem {
	c := &changeChecker{figs: figs, cur: cur, prev: prev, prevYear: prevYear}
	var out []ChangeProblem
	for _, s := range sentences {
		for _, sent := range splitSentences(s.Text) {
			for _, p := range c.sentence(zhtext.FoldDigits(sent)) {
				p.Section, p.Sentence = s.Section, strings.TrimSpace(sent)
				out = append(out, p)
			}
		}
	}
	return out
}

// mayCompare is a cheap test that a sentence can hold a comparison with
// last year, so the patterns run on few sentences of a long report.
func mayCompare(s string) bool {
	for _, w := range []string{"同比", "上年", "去年", "上一年"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return strings.Contains(s, "年") && strings.ContainsAny(s, "较比与")
}

func (c *changeChecker) sentence(sent string) []ChangeProblem {
	var out []ChangeProblem
	if !mayCompare(sent) && !strings.Contains(sent, "倍") && !strings.Contains(sent, "番") {
		return nil
	}
	for _, m := range reByDelta.FindAllStringSubmatchIndex(sent, -1) {
		if !c.aboutLastYear(pick(reByDelta, sent, m, "y1", "y2", "y3")) {
			continue
		}
		if p, ok := c.delta(sent, m); ok {
			out = append(out, p)
		}
	}
	for _, m := range reDouble.FindAllStringSubmatchIndex(sent, -1) {
		if !c.aboutLastYear(pick(reDouble, sent, m, "y1", "y2", "y3")) {
			continue
		}
		// 翻一番 is ×2, 翻两番 ×4: doublings, said loosely, hence ±10%.
		want := map[string]float64{"一": 2, "两": 4, "二": 4, "三": 8}[pick(reDouble, sent, m, "times")]
		if p, ok := c.ratio(sent, m[0], sent[m[0]:m[1]], want, want/10); ok {
			out = append(out, p)
		}
	}
	for _, m := range reTimes.FindAllStringSubmatchIndex(sent, -1) {
		x, _ := strconv.ParseFloat(sent[m[4]:m[5]], 64)
		if p, ok := c.ratio(sent, m[0], sent[m[0]:m[1]], x, zhtext.Step(sent[m[4]:m[5]])/2); ok {
			out = append(out, p)
		}
	}
	for _, m := range reFromTo.FindAllStringSubmatchIndex(sent, -1) {
		if p, ok := c.fromTo(sent, m); ok {
			out = append(out, p)
		}
	}
	return out
}

// pick returns the first non-empty named group among names.
func pick(re *regexp.Regexp, s string, m []int, names ...string) string {
	for _, n := range names {
		if g := re.SubexpIndex(n); g > 0 && m[2*g] >= 0 {
			return s[m[2*g]:m[2*g+1]]
		}
	}
	return ""
}

// delta checks "同比增长10%", "较上年增加12件", "上升2.1个百分点".
func (c *changeChecker) delta(sent string, m []int) (ChangeProblem, bool) {
	claim := sent[m[0]:m[1]]
	verb := pick(reByDelta, sent, m, "verb")
	qual := pick(reByDelta, sent, m, "qual")
	amountText := pick(reByDelta, sent, m, "amount")
	unit := pick(reByDelta, sent, m, "unit")
	amount, _ := strconv.ParseFloat(amountText, 64)
	id := c.subject(sent, m[0])
	if id == "" {
		return ChangeProblem{}, false
	}
	curN := c.cur[id]
	prevN, ok := c.prev[id]
	if !ok {
		return ChangeProblem{}, false
	}
	cur, p0 := curN.Value, prevN.Value
	f := c.info(id)
	ec, ep := inputErr(curN, f.Percent), inputErr(prevN, f.Percent)
	signed := amount
	if !isUp(verb) {
		signed = -amount
	}
	prob := ChangeProblem{Claim: claim, Figure: id, Stated: signed}
	values := fmt.Sprintf("%s去年为%s%s、今年为%s%s", f.Label, fmtNum(p0), unitText(f), fmtNum(cur), unitText(f))
	switch {
	case unit == "个百分点" || unit == "百分点":
		if !f.Percent {
			return ChangeProblem{}, false
		}
		prob.Computed = cur - p0
		if agrees(qual, signed, amountText, prob.Computed, ec+ep) {
			return ChangeProblem{}, false
		}
		prob.Message = fmt.Sprintf("“%s”与去年报告的数字不符：%s，%s − %s = %s个百分点", claim, values, fmtNum(cur), fmtNum(p0), fmtNum(prob.Computed))
	case unit == "%" || unit == "％":
		if p0 == 0 {
			return ChangeProblem{}, false
		}
		prob.Computed = (cur - p0) / p0 * 100
		if agrees(qual, signed, amountText, prob.Computed, 100*(ec/p0+math.Abs(cur)*ep/(p0*p0))) {
			return ChangeProblem{}, false
		}
		if f.Percent && agrees(qual, signed, amountText, cur-p0, ec+ep) {
			prob.Computed = cur - p0
			prob.Message = fmt.Sprintf("“%s”：%s，是%s%s个百分点，不是%s%s%%（按百分比算是%s%.1f%%）；请写作“%s%s个百分点”",
				claim, values, verb, fmtNum(math.Abs(cur-p0)), verb, amountText, verb, math.Abs(cur-p0)/p0*100, verb, amountText)
			break
		}
		prob.Message = fmt.Sprintf("“%s”与去年报告的数字不符：%s，(%s − %s) ÷ %s = %.1f%%", claim, values, fmtNum(cur), fmtNum(p0), fmtNum(p0), prob.Computed)
	case unit == "倍":
		return ChangeProblem{}, false // "增长2倍" is read both ways; reRatio handles "是上年的2倍"
	default:
		if f.Percent || !sameUnit(unit, f.Unit, false) {
			return ChangeProblem{}, false
		}
		prob.Computed = cur - p0
		if agrees(qual, signed, amountText, prob.Computed, ec+ep) {
			return ChangeProblem{}, false
		}
		prob.Message = fmt.Sprintf("“%s”与去年报告的数字不符：%s，%s − %s = %s%s", claim, values, fmtNum(cur), fmtNum(p0), fmtNum(prob.Computed), unit)
	}
	return prob, true
}

func unitText(f FigureInfo) string {
	if f.Percent {
		return "%"
	}
	return f.Unit
}

// ratio checks "翻一番" (×2) and "是上年的3倍" against this year ÷ last year.
func (c *changeChecker) ratio(sent string, start int, claim string, want, tol float64) (ChangeProblem, bool) {
	id := c.subject(sent, start)
	if id == "" {
		return ChangeProblem{}, false
	}
	prevN, ok := c.prev[id]
	if !ok || prevN.Value == 0 {
		return ChangeProblem{}, false
	}
	f := c.info(id)
	cur, p0 := c.cur[id].Value, prevN.Value
	got := cur / p0
	slack := inputErr(c.cur[id], f.Percent)/p0 + cur*inputErr(prevN, f.Percent)/(p0*p0)
	if math.Abs(got-want) <= tol+slack+1e-9 {
		return ChangeProblem{}, false
	}
	return ChangeProblem{Claim: claim, Figure: id, Stated: want, Computed: got,
		Message: fmt.Sprintf("“%s”与去年报告的数字不符：%s去年为%s%s、今年为%s%s，%s ÷ %s = %.2f倍", claim, f.Label, fmtNum(p0), unitText(f), fmtNum(cur), unitText(f), fmtNum(cur), fmtNum(p0), got)}, true
}

// fromTo checks "由上年的9.1%降至4.2%": the figure is the one whose value
// this year is the second number; the first must be last year's value.
func (c *changeChecker) fromTo(sent string, m []int) (ChangeProblem, bool) {
	claim := sent[m[0]:m[1]]
	yearWord := sent[m[2]:m[3]]
	if strings.HasSuffix(yearWord, "年") && yearWord != "去年" && yearWord != "上年" && yearWord != "上一年" {
		if !c.aboutLastYear(strings.TrimSuffix(yearWord, "年")) {
			return ChangeProblem{}, false
		}
	}
	fromText, toText := sent[m[4]:m[5]], sent[m[10]:m[11]]
	from, _ := strconv.ParseFloat(fromText, 64)
	to, _ := strconv.ParseFloat(toText, 64)
	unit := ""
	if m[12] >= 0 {
		unit = sent[m[12]:m[13]]
	} else if m[6] >= 0 {
		unit = sent[m[6]:m[7]]
	}
	if unit == "" || unit == "个百分点" || unit == "百分点" || unit == "倍" {
		return ChangeProblem{}, false
	}
	id := c.figureFor(to, unit, sent[:m[1]], c.cur)
	if id == "" {
		return ChangeProblem{}, false
	}
	prevN, ok := c.prev[id]
	f := c.info(id)
	if !ok || matches(from, fromText, prevN.Value, inputErr(prevN, f.Percent)) ||
		matches(prevN.Value, prevN.Text, from, 0) {
		return ChangeProblem{}, false
	}
	p0 := prevN.Value
	return ChangeProblem{Claim: claim, Figure: id, Stated: from, Computed: p0,
		Message: fmt.Sprintf("“%s”：去年报告中%s为%s%s，不是%s%s", claim, f.Label, fmtNum(p0), unitText(f), fromText, unit)}, true
}
