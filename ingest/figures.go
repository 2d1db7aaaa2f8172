package ingest

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// appendNumberMatches appends to dst every number with its unit in prose: "142件",
// "6.5 %", "200余次", "15万余人次". Years and dates ("2023年", "8月") have
// no listed unit and are never figures. Each match is laid out as
// regexp's FindAllStringSubmatchIndex would give it for
//
//	(\d+(?:,\d{3})*(?:\.\d+)?)\s*(余|多)?\s*(万|亿)?\s*(余|多)?\s*(UNIT)
//
// with UNIT zhtext.UnitAlternation(): whole match, digits, first 余/多,
// 万/亿, second 余/多, unit. It is written out by hand because it runs on
// every number of every check, where the regular expression was a tenth
// of the check's time; TestNumberMatchesEqualsRegexp holds the two equal.
//
// Each match is an array; the figure reader keeps one buffer for all
// its paragraphs.
func appendNumberMatches(dst [][12]int, s string) [][12]int {
	for i := nextDigit(s, 0); i < len(s); i = nextDigit(s, i+1) {
		if i > 0 && isASCIIDigit(s[i-1]) {
			continue
		}
		m, ok := numberAt(s, i)
		if !ok {
			continue
		}
		dst = append(dst, m)
		i = m[1] - 1
	}
	return dst
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// nextDigit is the index of the first ASCII digit in s at or after i,
// len(s) when there is none. Report prose is mostly three-byte
// characters with a digit every few dozen, so it tests eight bytes at a
// time: a word holds a digit when some byte lies in '0'…'9'.
func nextDigit(s string, i int) int {
	const ones, highs = lowBits, highBits
	for ; i+8 <= len(s); i += 8 {
		w := load8(s[i : i+8])
		// A byte b is a digit when b&0x7F ≥ 0x30, b&0x7F ≤ 0x39 and its
		// high bit is clear; each test sets that byte's high bit, exactly
		// (the additions never carry between bytes of w&^highs).
		low := w &^ highs
		ge := low + ones*(0x80-0x30) // high bit set when low byte ≥ 0x30
		le := ones*(0x80+0x39) - low // high bit set when low byte ≤ 0x39
		if ge&le&^w&highs != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if isASCIIDigit(s[i]) {
			return i
		}
	}
	return len(s)
}

// numberAt matches the pattern of appendNumberMatches at byte i, which holds a
// digit; false when no unit follows.
func numberAt(s string, i int) ([12]int, bool) {
	j := i
	for j < len(s) && isASCIIDigit(s[j]) {
		j++
	}
	// Digit groups: ",ddd" repeated, as zhtext reads them.
	for zhtext.GroupingCommaAt(s, j) {
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && isASCIIDigit(s[j+1]) {
		j += 2
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
	}
	m := [12]int{i, -1, i, j, -1, -1, -1, -1, -1, -1, -1, -1}
	if !qualifiedUnit(s, spaces(s, j), &m, 0) {
		return m, false
	}
	return m, true
}

// qualifiers are the optional words between a number and its unit, in
// pattern order; each is tried present before absent, as the regular
// expression's greedy optional groups are.
var qualifiers = [3][]string{{"余", "多"}, {"万", "亿"}, {"余", "多"}}

// qualifiedUnit matches qualifiers[q:] and then the unit at byte j,
// recording the groups in m (group q+2 for qualifiers[q], 5 for the unit).
func qualifiedUnit(s string, j int, m *[12]int, q int) bool {
	if q == len(qualifiers) {
		u := unitAt(s[j:])
		if u == "" {
			return false
		}
		m[10], m[11], m[1] = j, j+len(u), j+len(u)
		return true
	}
	for _, w := range qualifiers[q] {
		if strings.HasPrefix(s[j:], w) {
			if qualifiedUnit(s, spaces(s, j+len(w)), m, q+1) {
				m[2*q+4], m[2*q+5] = j, j+len(w)
				return true
			}
			break // the words of one group share no prefix
		}
	}
	m[2*q+4], m[2*q+5] = -1, -1
	return qualifiedUnit(s, j, m, q+1)
}

// spaces skips what \s matches: ASCII space, tab, newline, form feed and
// carriage return.
func spaces(s string, j int) int {
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
		j++
	}
	return j
}

// numberUnits is zhtext's unit alternation as a list, in its order: the
// first that s starts with is the unit, as regexp's leftmost-first
// alternation takes it.
//
// They are bucketed by first byte, each bucket in that order, so a
// number is tried against the few units that can start where it ends.
var numberUnits = func() (by [256][]string) {
	for _, u := range strings.Split(zhtext.UnitAlternation(), "|") {
		by[u[0]] = append(by[u[0]], u)
	}
	return by
}()

func unitAt(s string) string {
	if s == "" {
		return ""
	}
	for _, u := range numberUnits[s[0]] {
		if strings.HasPrefix(s, u) {
			return u
		}
	}
	return ""
}

// unitAliases lists the units in prose that state a figure of the given
// template unit. Nothing looser: "行政处罚2685项" in a list of powers is not
// a count of penalty cases. Cases are also counted in 起 and 宗 ("查办行政
// 处罚案件1560起", "受理行政复议案件63宗").
var unitAliases = map[string][]string{
	"件":  zhtext.CaseUnits,
	"场":  {"场", "场次", "次"},
	"人次": {"人次"},
	"%":  {"%", "％"},
	"卷":  {"卷"},
}

// negations in a clause mean the number is about what did not happen
// ("不予受理…1件", "未审结1件", "尚未办结2件": 未 covers 尚未, so it is
// not searched for again; 未 first, the commonest).
var negations = []string{"未", "不予", "没有"}

// changeWords mean a number is a change, not a level ("同比下降5%"), unless
// the clause says it fell *to* the number ("降至3.5%").
var changeWords = append([]string{"同比"}, zhtext.ChangeWords...)

type numHit struct {
	section   string
	paragraph *paragraphInfo
	sentence  string
	clause    string // from the previous clause break to the end of the number
	// phrase widens clause back over 、 lists ("审查规范性文件、重大决策和
	// 合同共计186件") when no other number stands in between.
	phrase string
	prefix string // sentence up to the end of the number
	// after runs from the number to the end of its clause ("7项决策进行
	// 审查"); empty when another number comes first, since the words
	// there then belong to that number.
	after string
	// allAfter is after run on into a next clause about all of the
	// things counted (clauseAfterWithAll), "" when there is none: tried
	// only for a number that no figure takes by its own clause, so that
	// "全年行政应诉案件31件，均由负责人出庭应诉" stays the case count.
	allAfter string
	// prev and lead are the sentence before and the paragraph's lead
	// sentence: where a figure's subject may stand when the number's own
	// sentence only has the verb ("…合法性审查…。共审查上会议题316个").
	prev, lead string
	// earlier is the paragraph before the number's sentence (a window
	// of it), where the subject in force is looked for (inForce).
	earlier string
	// negated is set when the clause denies or qualifies the number away
	// (see negations); such a number states no figure.
	negated bool
	value   model.Number
	unit    string
	// allOf is set when the figure was named only by the next clause,
	// about all of the things counted (allAfter): see ProseFigure.AtLeast.
	allOf bool
	// partOf is 1 + the index in the hits of the whole this count is a
	// part of, 0 when it is none (see partOfWhole): the figure its
	// words name is the whole's.
	partOf int
}

// extractFigures fills the template's figures from prose. A figure is
// filled only when the number's unit fits, its own clause names the figure
// and the sentence up to the number holds every keyword; when the sentence
// lies outside the figure's section it must name that section's subject
// too. Plans are skipped: their numbers are targets, not results.
func extractFigures(t *model.Template, r *model.Report) (map[string]model.Number, map[string]string, *FigureReading) {
	reading := ReadFigureReading(t, r)
	read := reading.figures
	figs := make(map[string]model.Number, len(read))
	srcs := make(map[string]string, len(read))
	for id, p := range read {
		figs[id], srcs[id] = p.Value, p.Sentence
	}
	return figs, srcs, reading
}

// ReadFigures is extractFigures with where each value was read: the
// editor and the check read a draft's prose with it, so they see exactly
// the numbers import would take. The map is the caller's to keep, but
// not to change when it came from a FigureReading.
func ReadFigures(t *model.Template, r *model.Report) map[string]ProseFigure {
	return ReadFigureReading(t, r).figures
}

// FigureReading is one ReadFigures, with the texts it read. A document's
// figures are read twice, by the importer and then by the check of what
// it imported; the second reading of the same texts is the first one
// (For), which saved a tenth of checking a report.
type FigureReading struct {
	t       *model.Template
	ids     []string // t.Flatten()'s section ids when read
	texts   []string // per section, "" for the plans it skips
	figures map[string]ProseFigure
}

// For is the reading of r's prose against t: this one when nothing it
// read has changed since, and false otherwise.
func (fr *FigureReading) For(t *model.Template, r *model.Report) (map[string]ProseFigure, bool) {
	if fr == nil || fr.t != t {
		return nil, false
	}
	flat := t.Flatten()
	if len(flat) != len(fr.ids) {
		return nil, false
	}
	for i, s := range flat {
		if s.ID != fr.ids[i] || !isPlans(s) && r.Text(s.ID) != fr.texts[i] {
			return nil, false
		}
	}
	return fr.figures, true
}

// ReadFigureReading reads r's prose as ReadFigures does and keeps the
// texts read.
func ReadFigureReading(t *model.Template, r *model.Report) *FigureReading {
	// Collect hits section by section in template order.
	flat := t.Flatten() // once: it walks and allocates, and the loops below run per number
	fr := &FigureReading{t: t, ids: make([]string, len(flat)), texts: make([]string, len(flat))}
	for i, s := range flat {
		fr.ids[i] = s.ID
	}
	fr.figures = readFigures(t, r, flat, fr.texts)
	return fr
}

func readFigures(t *model.Template, r *model.Report, flat []*model.Section, texts []string) map[string]ProseFigure {
	sc := scratchPool.Get().(*figureScratch)
	defer sc.release()
	sc.year = r.Year
	cands, byUnit := cachedCandidates(t, flat)
	sc.byUnit = byUnit
	for i, s := range flat {
		if isPlans(s) {
			continue
		}
		texts[i] = r.Text(s.ID)
		numbersIn(sc, s.ID, texts[i])
	}
	hits := sc.hits
	if len(hits) == 0 {
		// No number at all; a count may still be stated as none.
		figs := map[string]ProseFigure{}
		writtenZeros(cands, flat, texts, figs)
		noCases(cands, flat, texts, sc.year, figs)
		return figs
	}
	assigned := make([][]*figureCand, len(hits))
	var memo keywordMemo
	for i := range hits {
		h := &hits[i]
		top := bestCandidates(byUnit[h.unit], h, &memo)
		if top == nil && h.allAfter != "" && !namesOtherCount(h.clause) {
			// No figure by the number's own clause: the next one, about
			// all of them, may name it ("审核各类文件86件，均出具合法性审查意见"),
			// unless the clause says it counts another thing ("公平竞争
			// 审查47件，均出具审查意见").
			h.after = h.allAfter
			top = slices.DeleteFunc(bestCandidates(byUnit[h.unit], h, &memo), func(g *figureCand) bool {
				return kindOfOther(h.clause, g, byUnit[h.unit])
			})
			if len(top) == 0 {
				top = nil
			}
			h.allOf = top != nil
		}
		assigned[i] = top
	}
	for i := range hits {
		// A part that drew an opinion gives the figure its words name to
		// its whole: all of the whole was reviewed, not the part.
		if w := hits[i].partOf; w > 0 && assigned[i] != nil {
			for _, c := range assigned[i] {
				if !slices.Contains(assigned[w-1], c) {
					assigned[w-1] = append(assigned[w-1], c)
				}
			}
			assigned[i] = nil
		}
	}
	// Each candidate takes the first hit assigned to it in its own
	// section, else the first anywhere else, in document order: found in
	// one pass over the hits, not one per candidate.
	own := make(map[*figureCand]int, len(cands)) // the hit's index
	other := make(map[*figureCand]int, len(cands))
	for i := range hits {
		h := &hits[i]
		for _, a := range assigned[i] {
			first := other
			if h.section == a.sec.ID {
				first = own
			}
			if _, ok := first[a]; !ok {
				first[a] = i
			}
		}
	}
	figs := map[string]ProseFigure{}
	for _, c := range cands {
		if _, done := figs[c.fig.ID]; done {
			continue
		}
		i, ok := own[c]
		if !ok {
			i, ok = other[c]
		}
		if !ok {
			continue
		}
		h := &hits[i]
		figs[c.fig.ID] = ProseFigure{Value: h.value, Unit: h.unit, Sentence: h.sentence, Section: h.section, AtLeast: h.allOf}
		if p, ok := headRoleParts(hits, assigned, i, c); ok {
			figs[c.fig.ID] = p
		}
	}
	correctedByOutcomes(cands, hits, figs)
	allOfCounts(hits, assigned, byUnit, figs)
	writtenZeros(cands, flat, texts, figs)
	noCases(cands, flat, texts, sc.year, figs)
	return figs
}

// allOfCounts fills a count no number states from a count of its own
// section that the next clause says all went through it: "受理行政复议案件
// 52件，均已审结" decided 52, "调解矛盾纠纷930件，全部调解成功" settled 930,
// "行政应诉案件23件，均由行政机关负责人出庭应诉" gave 23 appearances. The
// clause (numHit.allAfter) must hold the words of the figure that the
// count's own figure lacks. A clause that denies it ("均未审结", "均无败诉")
// or leaves some out ("除3件正在审理外，均已审结") is no such clause.
func allOfCounts(hits []numHit, assigned [][]*figureCand, byUnit map[string][]*figureCand, figs map[string]ProseFigure) {
	for i := range hits {
		h := &hits[i]
		if h.allAfter == "" || h.negated || len(assigned[i]) != 1 {
			continue
		}
		f := assigned[i][0]
		if f.fig.Kind != model.KindCount || f.sec.ID != h.section {
			continue
		}
		all := h.allAfter[len(h.after):]
		if !zhtext.HasPrefixAny(strings.TrimLeft(all, "，,已并"), allOfWords) || zhtext.ContainsAnyWord(all, allOfDenials) {
			// A rate of 100% is no such clause: the rate rules weigh it.
			// "均无败诉", "全部零败诉" say none of them, not all.
			continue
		}
		for _, g := range byUnit[h.unit] {
			if _, done := figs[g.fig.ID]; done || g == f || g.sec != f.sec || g.fig.Kind != model.KindCount {
				continue
			}
			if countsOnFrom(g, f) && namesAllOf(all, g, f) {
				figs[g.fig.ID] = ProseFigure{Value: h.value, Unit: h.unit, Sentence: h.sentence, Section: h.section, AtLeast: true}
			}
		}
	}
}

// countsOnFrom says whether g counts the same things as f further along
// their way: g cannot exceed f (调解成功 of 调解受理, 负责人出庭 of 应诉案件),
// or the two share a keyword, their subject (审结 and 收案 of 行政复议).
// "重大行政决策事项12件，均经过合法性审查" gives no 合法性审查件数: the
// decisions are some of what was reviewed, and the figure would be a
// fraction of the true one.
func countsOnFrom(g, f *figureCand) bool {
	if slices.Contains(g.fig.LE, f.fig.ID) {
		return true
	}
	for _, k := range g.fig.Keywords {
		if slices.Contains(f.fig.Keywords, k) {
			return true
		}
	}
	return false
}

// kindOfOther says whether clause, a count's own, counts a kind another
// figure of g's section names by a keyword g lacks: "出台规范性文件19件，全部
// 经过合法性审查" counts normative documents, some of what was reviewed,
// and gives no 合法性审查件数; "审核各类文件86件，均出具合法性审查意见" counts
// everything reviewed and does.
func kindOfOther(clause string, g *figureCand, cands []*figureCand) bool {
	for _, f := range cands {
		if f == g || f.sec != g.sec {
			continue
		}
		for _, k := range f.fig.Keywords {
			if !slices.Contains(g.fig.Keywords, k) && utf8.RuneCountInString(k) >= 3 && zhtext.ContainsWide(clause, k) {
				return true
			}
		}
	}
	return false
}

// allOfDenials say, in a clause about all of a count, that none of them
// went through what it names.
var allOfDenials = []string{"未", "不", "无", "零", "没有", "非", "免"}

// namesAllOf says whether clause names g by every keyword of g that f,
// the count's own figure, does not share: 审结 of 行政复议审结数 beside
// 行政复议收案数.
func namesAllOf(clause string, g, f *figureCand) bool {
	own := 0
	for _, k := range g.keys {
		shared := false
		for _, fk := range f.keys {
			for _, v := range fk.vars {
				shared = shared || zhtext.ContainsAnyWord(v, k.vars)
			}
		}
		if shared {
			continue
		}
		if !zhtext.ContainsAnyWord(clause, k.vars) {
			return false
		}
		own++
	}
	return own > 0
}

// headRoleParts reads a count of the heads' appearances in court that a
// sentence gives head by head ("主要负责人出庭应诉5件，其他负责人出庭15件"):
// the sum of the hit taken (hits[first]) and the later ones of its sentence
// the candidate also takes, when each names a particular head
// (particularHead). A count of the heads in general is the whole and the
// others its parts: before them ("行政机关负责人出庭应诉31件，主要负责人出庭
// 12件") it is the hit taken, after them ("主要负责人出庭12件，负责人出庭应诉
// 共31件") it replaces it. Counts after a 其中 are parts too: no sum.
func headRoleParts(hits []numHit, assigned [][]*figureCand, first int, c *figureCand) (ProseFigure, bool) {
	h := &hits[first]
	if c.fig.Kind != model.KindCount || !slices.Contains(c.fig.Keywords, "负责人出庭") || !particularHead(h.clause) {
		return ProseFigure{}, false
	}
	sum := h.value.Value
	parts := []string{h.clause}
	last := h
	for j := first + 1; j < len(hits) && hits[j].sentence == h.sentence && hits[j].section == h.section; j++ {
		d := &hits[j]
		if !slices.Contains(assigned[j], c) || d.negated || !zhtext.SameCountUnit(d.unit, h.unit) {
			continue
		}
		if zhtext.ContainsWide(d.prefix[min(len(last.prefix), len(d.prefix)):], "其中") {
			return ProseFigure{}, false
		}
		if !particularHead(d.clause) {
			// The heads in general after particular ones: the whole.
			return ProseFigure{Value: d.value, Unit: d.unit, Sentence: d.sentence, Section: d.section}, true
		}
		sum += d.value.Value
		parts = append(parts, d.clause)
		last = d
	}
	if len(parts) < 2 || fewerCasesBeside(hits, assigned, first, sum) {
		return ProseFigure{}, false
	}
	return ProseFigure{Value: model.NumberOf(sum), Unit: h.unit, Sentence: h.sentence, Section: h.section,
		Parts: strings.Join(parts, "+")}, true
}

// fewerCasesBeside says whether the sentence of hits[first] counts fewer
// lawsuits (a count a figure named by 应诉 alone takes) than sum: the
// heads' appearances then overlap, or were counted by hearing, and their
// sum is no count of the cases attended. It is left unmade.
func fewerCasesBeside(hits []numHit, assigned [][]*figureCand, first int, sum float64) bool {
	sent, sec := hits[first].sentence, hits[first].section
	lo := first
	for lo > 0 && hits[lo-1].sentence == sent && hits[lo-1].section == sec {
		lo--
	}
	for k := lo; k < len(hits) && hits[k].sentence == sent && hits[k].section == sec; k++ {
		for _, a := range assigned[k] {
			if slices.Contains(a.fig.Keywords, "应诉") && !slices.Contains(a.fig.Keywords, "负责人出庭") && hits[k].value.Value < sum {
				return true
			}
		}
	}
	return false
}

// particularHead says whether a clause counting heads' appearances names
// particular heads (主要负责人, 其他负责人, 分管负责人, 部门负责人, or a head
// by title: 县长, 副局长) rather than the heads in general (负责人, 行政机关
// 负责人, 全年负责人).
func particularHead(clause string) bool {
	if zhtext.ContainsAnyWord(clause, headTitles) {
		return true
	}
	i := strings.Index(clause, "负责人")
	if i < 0 {
		return false
	}
	before := clause[:i]
	if zhtext.HasSuffixAny(before, []string{"机关", "全年", "共", "累计", "年内"}) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && r >= 0x4E00 && r <= 0x9FFF // a word stands right before 负责人
}

// bestCandidates are the figures h scores highest for (nil: none).
func bestCandidates(cands []*figureCand, h *numHit, memo *keywordMemo) []*figureCand {
	memo.reset()
	var top []*figureCand
	bestScore := 0
	for _, c := range cands {
		sc := c.score(h, memo)
		if sc == 0 {
			continue
		}
		if sc > bestScore {
			top, bestScore = []*figureCand{c}, sc
		} else if sc == bestScore {
			top = append(top, c)
		}
	}
	return top
}

// correctedByOutcomes fills a 纠错 count that no number states from a
// sentence of its section listing the review decisions one by one ("审结
// 48件，其中维持36件、撤销5件、确认违法2件、责令履行1件"): the sum of two or
// more correcting outcomes (zhtext.CorrectionOutcomes), as the office would
// add them up by hand for its totals. Only a sentence of a paragraph about
// 复议 that also counts a decision correcting nothing (维持, 驳回, 终止),
// says the rest were one ("其余维持") or states the 纠错率 is read: the
// list is then the whole breakdown, not two examples. A sentence about
// lawsuits (诉讼, 判决, 法院, 应诉, 败诉) is not: a court's 撤销 is a lost
// case.
func correctedByOutcomes(cands []*figureCand, hits []numHit, figs map[string]ProseFigure) {
	for _, c := range cands {
		if _, done := figs[c.fig.ID]; done || c.fig.Kind != model.KindCount || !slices.Contains(c.fig.Keywords, "纠错") {
			continue
		}
		for i := 0; i < len(hits); {
			j := i + 1
			for j < len(hits) && hits[j].sentence == hits[i].sentence && hits[j].section == hits[i].section {
				j++
			}
			if hits[i].section == c.sec.ID {
				if p, ok := outcomeSum(hits[i:j], c.fig.Unit); ok {
					figs[c.fig.ID] = p
					break
				}
			}
			i = j
		}
	}
}

// outcomeSum is correctedByOutcomes's sum over one sentence's numbers.
func outcomeSum(hs []numHit, unit string) (ProseFigure, bool) {
	sent := hs[0].sentence
	// 复议 may stand in the sentence before, in the same paragraph ("审结
	// 行政复议案件48件。其中维持36件；撤销5件、确认违法2件…": the reader
	// splits sentences at ；).
	if !zhtext.ContainsWide(sent, "复议") && !zhtext.ContainsWide(hs[0].paragraph.text, "复议") || zhtext.ContainsAnyWord(sent, lawsuitWords) {
		return ProseFigure{}, false
	}
	// The breakdown is whole when the sentence states the 纠错率, counts a
	// decision correcting nothing, or says the rest were one ("其余维持").
	whole := zhtext.ContainsWide(sent, "纠错率")
	if i := zhtext.IndexWide(sent, "其余"); i >= 0 && zhtext.ContainsAnyWord(clauseAfter(sent[i:]), zhtext.UncorrectingOutcomes) {
		whole = true
	}
	var sum float64
	var parts []string
	written := "" // the unit as the outcomes write it
	for _, h := range hs {
		if h.negated || !zhtext.SameCountUnit(h.unit, unit) {
			continue
		}
		words := wordsBeforeNumber(h.clause)
		switch {
		case zhtext.ContainsWide(words, "纠错"):
			return ProseFigure{}, false // a 纠错 count the reader did not take: not a sum to make
		case zhtext.ContainsAnyWord(words, zhtext.UncorrectingOutcomes):
			whole = true
		case zhtext.CorrectionIn(words) != "":
			sum += h.value.Value
			parts = append(parts, zhtext.CorrectionIn(words)+h.clause[len(words):])
			if written == "" {
				written = h.unit
			}
		}
	}
	if len(parts) < 2 || !whole {
		return ProseFigure{}, false
	}
	return ProseFigure{Value: model.NumberOf(sum), Unit: written, Sentence: sent, Section: hs[0].section,
		Parts: strings.Join(parts, "+")}, true
}

// wordsBeforeNumber is a number's clause without the number and what
// follows it (its qualifiers and unit): "撤销5件" gives "撤销".
func wordsBeforeNumber(clause string) string {
	i := len(clause)
	for i > 0 && !isASCIIDigit(clause[i-1]) {
		i--
	}
	for i > 0 && (isASCIIDigit(clause[i-1]) || clause[i-1] == ',' || clause[i-1] == '.') {
		i--
	}
	return clause[:i]
}

// lawsuitWords mark a sentence about court cases, whose 撤销 and 确认违法
// are judgments against the government.
var lawsuitWords = []string{"诉讼", "判决", "法院", "应诉", "败诉"}

// figureCand is a figure with what scoring a number against it needs,
// worked out once per read rather than once per number.
type figureCand struct {
	fig *model.Figure
	sec *model.Section
	// keys are the figure's keywords less its unit ("场" in [普法, 场] is
	// the unit, checked by the unit bucket).
	keys []figureKey
	// lastIn lists every wording of every keyword, unit included, for
	// lastIndexEnd.
	lastIn []string
	// kin are the wordings and clause forms of the other keywords of
	// every figure sharing a topic with this one (审结, 收, 纠错 for
	// 行政复议): what a sentence about the topic in force may count
	// before this figure's number (see onlyNames).
	kin []string
}

type figureKey struct {
	word  int      // the keyword's index in the template's keyword list, for keywordMemo
	vars  []string // the keyword's wordings (synonyms)
	forms []string // its clause forms for the figure's unit
	topic bool     // shared by several figures: names the subject only
	// others are the caseSubjects that are not this topic's, for inForce;
	// nil for a keyword that is no topic.
	others []string
}

// figureCandidates lists the template's figures in template order, and
// buckets them by every prose unit that states them (see proseUnits),
// so a number is scored only against figures its unit can state.
func figureCandidates(t *model.Template, flat []*model.Section) ([]*figureCand, map[string][]*figureCand) {
	topics := topicKeywords(t)
	words := map[string]int{}
	var cands []*figureCand
	byUnit := map[string][]*figureCand{}
	for _, s := range flat {
		for _, f := range s.Figures {
			c := &figureCand{fig: f, sec: s}
			for _, k := range f.Keywords {
				c.lastIn = append(c.lastIn, variants(k)...)
				if !isUnitWord(k, f.Unit) {
					w, seen := words[k]
					if !seen {
						w = len(words)
						words[k] = w
					}
					key := figureKey{word: w, vars: variants(k), forms: clauseFormsOf(k, f.Unit), topic: topics[k]}
					if key.topic {
						key.others = otherSubjects(key.vars)
					}
					c.keys = append(c.keys, key)
				}
			}
			cands = append(cands, c)
			for _, u := range proseUnits(f) {
				byUnit[u] = append(byUnit[u], c)
			}
		}
	}
	for _, c := range cands {
		for _, d := range cands {
			if sharesTopic(c, d) {
				for _, k := range d.keys {
					if !k.topic {
						c.kin = append(append(c.kin, k.vars...), k.forms...)
					}
				}
			}
		}
	}
	return cands, byUnit
}

// sharesTopic says whether figures c and d are named by topic keywords
// of one subject (行政复议 and 复议 are one).
func sharesTopic(c, d *figureCand) bool {
	for _, k := range c.keys {
		for _, l := range d.keys {
			if k.topic && l.topic && slices.ContainsFunc(k.vars, func(v string) bool { return overlaps(v, l.vars) }) {
				return true
			}
		}
	}
	return false
}

// overlaps says whether word contains one of words or is contained in it.
func overlaps(word string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(word, w) || strings.Contains(w, word) })
}

// candidateCache keeps the figure candidates of the templates read last:
// a folder check or the editor's live check reads many reports against
// one template, and working the candidates out was a tenth of a check.
// Entries are checked against the template before use (see matches), so
// a template edited in place (the template editor does) is never read
// with stale candidates.
//
// Sixteen templates: a season's folder holds a few.
var candidateCache = newBoundedCache[*model.Template, *candidateSet](16)

type candidateSet struct {
	cands  []*figureCand
	byUnit map[string][]*figureCand
	// What the candidates were worked out from, per candidate: the
	// figure's unit, keywords and section id as they were then.
	units    []string
	keywords [][]string
	secIDs   []string
}

func cachedCandidates(t *model.Template, flat []*model.Section) ([]*figureCand, map[string][]*figureCand) {
	set, ok := candidateCache.get(t)
	if ok && set.matches(flat) {
		return set.cands, set.byUnit
	}
	cands, byUnit := figureCandidates(t, flat)
	set = &candidateSet{cands: cands, byUnit: byUnit}
	for _, c := range cands {
		set.units = append(set.units, c.fig.Unit)
		set.keywords = append(set.keywords, slices.Clone(c.fig.Keywords))
		set.secIDs = append(set.secIDs, c.sec.ID)
	}
	candidateCache.put(t, set)
	return cands, byUnit
}

// matches says whether the template still has exactly the figures, in
// the same sections, with the same units and keywords, that the set was
// worked out from.
func (set *candidateSet) matches(flat []*model.Section) bool {
	i := 0
	for _, s := range flat {
		for _, f := range s.Figures {
			if i >= len(set.cands) {
				return false
			}
			c := set.cands[i]
			if c.fig != f || c.sec != s || set.secIDs[i] != s.ID || set.units[i] != f.Unit || !slices.Equal(set.keywords[i], f.Keywords) {
				return false
			}
			i++
		}
	}
	return i == len(set.cands)
}

// score is how specifically hit states the figure; 0 when it does not.
// The caller has matched the unit already.
func (c *figureCand) score(h *numHit, memo *keywordMemo) int {
	if h.negated {
		return 0
	}
	own := h.section == c.sec.ID
	// The subject may stand a sentence away only in the figure's own
	// section and only for a figure named by one keyword: with two
	// ([行政复议, 收]) the generic one ("办理") must not borrow the
	// subject from another sentence ("办理法律援助案件247件").
	wide := own && len(c.keys) == 1
	score, distinct, named := 0, 0, 0
	borrowed := false
	for _, k := range c.keys {
		m := memo.of(k, h)
		n := int(m.length)
		// A keyword in the phrase or after the number is in the prefix or
		// after it; the wider searches run only when it is not.
		// In its own section the subject may also stand in the
		// section's title ("依法决策和合法性审查情况" over "审查各类文件47件").
		inContext := n > 0 || m.nearby(k, h) || wide && (m.before(k, h) || zhtext.ContainsAnyWord(c.sec.Title, k.vars))
		if !inContext && own && k.topic && m.inForce(k, h) {
			// The subject shared by several figures is still the
			// paragraph's ("受理行政复议申请23件。审结19件"): the clause must
			// then name nothing but the figure's own count (onlyNames).
			inContext, borrowed = true, true
		}
		if n == 0 {
			n = min(1, max(lengthIn(h.phrase, k.forms), lengthIn(h.after, k.forms)))
			// A clause form stands in for a keyword of its own only when
			// another keyword carries the subject ("行政复议案件52件");
			// alone it needs the keyword nearby ("审查" needs 合法性审查).
			inContext = inContext || n > 0 && len(c.keys) > 1
		}
		if !inContext {
			return 0
		}
		score += n
		if !k.topic {
			distinct++
			if n > 0 {
				named++
			}
		}
	}
	// The clause itself must name the figure: by a keyword that tells it
	// from its neighbours (收 vs 审结 for 行政复议) when there is one.
	// "驳回行政复议申请9件" names the subject, not which count it is.
	if score == 0 || distinct > 0 && named == 0 || borrowed && !c.onlyNames(h) {
		return 0
	}
	// A number outside the figure's section needs its paragraph to name
	// the section's subject, or to be a table row, which its label names.
	// Asked last: it searches the whole paragraph (once per section,
	// remembered), the tests above only the clause.
	if !own && !h.paragraph.mentions(c.sec) && !h.paragraph.isTableRow() {
		return 0
	}
	if i := lastIndexEnd(h.clause, c.lastIn); i >= 0 {
		gap := h.clause[i:]
		for _, w := range changeWords {
			if zhtext.ContainsWide(gap, w) && !strings.ContainsAny(gap, "至到") {
				return 0
			}
		}
	}
	return score
}

func isPlans(s *model.Section) bool {
	return s.ID == "plans" || hasKeyword(s, "下一步") || hasKeyword(s, "下一年度")
}

// proseUnits lists the units in prose that state figure f, each once: the
// template unit or its aliases, and the units one of f's keywords allows
// (extraUnits).
func proseUnits(f *model.Figure) []string {
	units := unitAliases[f.Unit]
	if units == nil {
		units = []string{f.Unit}
	}
	for _, k := range f.Keywords {
		for _, u := range extraUnits[k][f.Unit] {
			if !slices.Contains(units, u) {
				units = append(slices.Clip(units), u)
			}
		}
	}
	return units
}

func isUnitWord(k, unit string) bool {
	if k == unit {
		return true
	}
	for _, a := range unitAliases[unit] {
		if a == k {
			return true
		}
	}
	return false
}

func variants(k string) []string {
	if v, ok := synonyms[k]; ok {
		return v
	}
	return []string{k}
}

// mentionsStrong says whether a paragraph names a section's subject with a
// specific keyword (four characters or more: 行政复议, 法治宣传), which is
// what lets a figure be taken from text filed under another section. A
// passing "普法讲座" in a paragraph about business is not enough.
func mentionsStrong(s string, keywords []string) bool {
	for _, k := range keywords {
		if runeLen(k) >= 4 && zhtext.ContainsWide(s, k) {
			return true
		}
	}
	return false
}

// topicKeywords are keywords shared by several figures (行政复议 in 收案 and
// 审结): they name the subject, not the figure.
func topicKeywords(t *model.Template) map[string]bool {
	n := map[string]int{}
	for _, f := range t.Figures() {
		for _, k := range f.Keywords {
			n[k]++
		}
	}
	out := map[string]bool{}
	for k, c := range n {
		if c > 1 {
			out[k] = true
		}
	}
	return out
}

// keywordMemo remembers, for one number, what is known of each template
// keyword around it: the candidates of a number share keywords (行政复议
// names three figures), and each search covers up to a window of text.
type keywordMemo struct {
	words []wordAround
}

// wordAround is what one keyword's wordings do around a number. The
// tri-states are 0 not yet searched, 1 absent, 2 present.
type wordAround struct {
	known   bool
	length  int8 // lengthIn the phrase or after the number
	near    int8 // in the prefix or after the number
	earlier int8 // in the previous or the lead sentence
	current int8 // the last subject named before the number's sentence
}

// reset forgets the previous number; the slice is kept for the next.
func (m *keywordMemo) reset() {
	clear(m.words)
}

func (m *keywordMemo) of(k figureKey, h *numHit) *wordAround {
	if k.word >= len(m.words) {
		m.words = append(m.words, make([]wordAround, k.word+1-len(m.words))...)
	}
	w := &m.words[k.word]
	if !w.known {
		w.known = true
		if !h.paragraph.hasWord(k) {
			w.near, w.earlier = 1, 1 // in none of the windows either
			return w
		}
		w.length = int8(min(127, max(lengthIn(h.phrase, k.vars), lengthIn(h.after, k.vars))))
	}
	return w
}

func (w *wordAround) nearby(k figureKey, h *numHit) bool {
	if w.near == 0 {
		w.near = tri(zhtext.ContainsAnyWord(h.prefix, k.vars) || zhtext.ContainsAnyWord(h.after, k.vars))
	}
	return w.near == 2
}

func (w *wordAround) before(k figureKey, h *numHit) bool {
	if w.earlier == 0 {
		w.earlier = tri(zhtext.ContainsAnyWord(h.prev, k.vars) || zhtext.ContainsAnyWord(h.lead, k.vars))
	}
	return w.earlier == 2
}

// inForce says whether k, a subject several figures share, is the last
// subject the paragraph named before the number's sentence, and the
// sentence up to the number's clause names no other: "…行政复议申请23件；
// 依法受理21件。审结19件" is about 行政复议, "…行政复议…。受理信访12件" and
// "…行政复议…。全年行政应诉案件31件。审结…" are not.
func (w *wordAround) inForce(k figureKey, h *numHit) bool {
	if w.current == 0 {
		lead := h.prefix[:len(h.prefix)-len(h.clause)]
		w.current = tri(h.earlier != "" && !zhtext.ContainsAnyWord(lead, k.others) &&
			lastIndexEnd(h.earlier, k.vars) > lastIndexEnd(h.earlier, k.others))
	}
	return w.current == 2
}

// otherSubjects is caseSubjects less the words of a topic's own subject,
// given by its wordings (复议 is 行政复议's).
func otherSubjects(vars []string) []string {
	out := make([]string, 0, len(caseSubjects))
	for _, s := range caseSubjects {
		if !overlaps(s, vars) {
			out = append(out, s)
		}
	}
	return out
}

// onlyNames says whether h's sentence, up to its number, counts nothing
// but the topic in force: the number's own words are one of the figure's
// non-topic keywords with filler around it ("审结19件", "依法审结案件19件",
// "纠错率15.8%"), and the clauses before it count only the topic's other
// figures and review decisions ("审结19件，其中维持14件…，纠错率15.8%").
// A sentence naming anything more ("办理法律援助案件247件", "受理群众诉求
// 3456件，办结3420件") counts another thing, whatever the paragraph's
// subject.
func (c *figureCand) onlyNames(h *numHit) bool {
	words := wordsBeforeNumber(h.clause)
	for _, k := range c.keys {
		if !k.topic {
			words = removeAll(words, k.vars)
		}
	}
	// "作出撤销、变更、确认违法等纠错决定41件": the decisions named are the
	// 纠错's own kinds.
	if !isFiller(removeAll(removeAll(words, zhtext.CorrectionOutcomes), zhtext.UncorrectingOutcomes)) {
		return false
	}
	lead := h.prefix[:len(h.prefix)-len(h.clause)]
	return isFiller(removeAll(removeAll(removeAll(lead, c.kin), zhtext.CorrectionOutcomes), zhtext.UncorrectingOutcomes))
}

// isFiller says whether s holds nothing but clauseFiller, numbers, case
// units and punctuation.
func isFiller(s string) bool {
	s = removeAll(removeAll(s, clauseFiller), zhtext.CaseUnits)
	return strings.TrimFunc(s, func(r rune) bool {
		return isSpace(r) || r >= '0' && r <= '9' || strings.ContainsRune(".,%，、；;：:（）()", r)
	}) == ""
}

func removeAll(s string, words []string) string {
	for _, w := range words {
		if strings.Contains(s, w) {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	return s
}

func tri(b bool) int8 {
	if b {
		return 2
	}
	return 1
}

// lastIndexEnd is the byte offset just after the last occurrence of any
// of words in clause, -1 when none occurs.
func lastIndexEnd(clause string, words []string) int {
	end := -1
	for _, v := range words {
		if i := strings.LastIndex(clause, v); i >= 0 && i+len(v) > end {
			end = i + len(v)
		}
	}
	return end
}

// figureScratch holds one reading's numbers and matches; the buffers
// are kept between readings (scratchPool), since a real-size report
// states hundreds of numbers and growing the slices for each report was
// a third of the reader's allocation.
type figureScratch struct {
	hits    []numHit
	matches [][12]int
	spans   [][2]int
	infos   []paragraphInfo // a block the hits' paragraphs are taken from
	// year is the report's: a number stated as another year's is not one
	// of its figures (ofAnotherYear).
	year int
	// byUnit buckets the template's figures by the units that state them:
	// a number in a unit no figure is stated in (个, 项, 家…, most of a
	// report's numbers) is passed over before its clause is worked out.
	byUnit map[string][]*figureCand
}

// newInfo is a paragraphInfo for para, taken from a block of them: a
// report has a few dozen paragraphs with numbers, each was an allocation.
// A block is never grown, so the hits' pointers into it stay valid; a
// full one is left to them and a new one started.
func (sc *figureScratch) newInfo(para string) *paragraphInfo {
	if len(sc.infos) == cap(sc.infos) {
		sc.infos = make([]paragraphInfo, 0, 32)
	}
	sc.infos = append(sc.infos, paragraphInfo{text: para})
	return &sc.infos[len(sc.infos)-1]
}

var scratchPool = sync.Pool{New: func() any { return new(figureScratch) }}

// release returns the buffers to the pool, cleared so that they hold on
// to no report's text.
func (sc *figureScratch) release() {
	clear(sc.hits)
	sc.hits, sc.matches, sc.spans, sc.infos, sc.byUnit = sc.hits[:0], sc.matches[:0], sc.spans[:0], nil, nil
	scratchPool.Put(sc)
}

// numbersIn splits a section's prose into sentences and appends its
// numbers to sc.hits, the first maxHits of them.
func numbersIn(sc *figureScratch, section, text string) {
	limit := len(sc.hits) + maxHits
	for len(text) > 0 && len(sc.hits) <= limit {
		para := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			para, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if zhtext.HasFullWidthDigit(para) {
			numbersInFullWidth(sc, limit, section, para)
			continue
		}
		numbersInParagraph(sc, limit, section, para)
	}
	sc.hits = sc.hits[:min(len(sc.hits), limit)]
}

// numbersInFullWidth is numbersInParagraph for a paragraph typed with
// full-width digits ("受理行政复议申请５２件"), which the check's rate and
// part-of-whole rules read as ASCII: the numbers are read from the folded
// paragraph, as theirs are, and each sentence is quoted as it is written,
// so the source line of a figure is still found.
func numbersInFullWidth(sc *figureScratch, limit int, section, para string) {
	folded, at := zhtext.FoldDigitsWithOffsets(para)
	from := len(sc.hits)
	numbersInParagraph(sc, limit, section, folded)
	for i := from; i < len(sc.hits); i++ {
		h := &sc.hits[i]
		if k := strings.Index(folded, h.sentence); k >= 0 {
			h.sentence = para[at[k]:at[k+len(h.sentence)]]
		}
	}
}

// Bounds that keep extraction linear on hostile input. A report states a
// few hundred numbers, and the words that identify a number stand within a
// sentence's reach of it.
const (
	maxHits        = 5000
	keywordWindow  = 600  // bytes before a number searched for its keywords
	maxSourceBytes = 3000 // longer "sentences" are cut around the number
)

// paragraphInfo remembers which sections a paragraph names strongly, so a
// paragraph with many numbers is searched once per section, not once per
// number.
type paragraphInfo struct {
	text   string
	strong map[string]bool
	// words tells, by figureKey.word, whether any of a keyword's
	// wordings occurs in the paragraph (0 not yet searched, 1 no, 2 yes).
	words []int8
	// row is isTableRow's answer, 0 until asked: score asks it for every
	// figure of another section its paragraph does not name.
	row int8
}

// hasWord says whether any of k's wordings occurs in the paragraph. Every
// window a number's keywords are looked for in (its phrase, prefix,
// clause end, the sentence before, the lead sentence) lies inside its
// paragraph, so a keyword the paragraph lacks is in none of them: one
// search of the paragraph then stands for all of its numbers' window
// searches, and four in five keywords tried for a number are absent from
// its paragraph (the corpus reports).
func (p *paragraphInfo) hasWord(k figureKey) bool {
	if k.word >= len(p.words) {
		p.words = append(p.words, make([]int8, k.word+1-len(p.words))...)
	}
	if p.words[k.word] == 0 {
		p.words[k.word] = tri(zhtext.ContainsAnyWord(p.text, k.vars))
	}
	return p.words[k.word] == 2
}

func (p *paragraphInfo) mentions(s *model.Section) bool {
	if p.strong == nil {
		p.strong = map[string]bool{}
	}
	v, ok := p.strong[s.ID]
	if !ok {
		v = mentionsStrong(p.text, s.Keywords)
		p.strong[s.ID] = v
	}
	return v
}

// isTableRow says whether the paragraph is a row of a data table (its
// cells joined by CellSep, no sentence in it): a row names its figure by
// its label ("行政处罚案件（件）　850　926"), whatever part of the report the
// table stands in, so a figure of another section is read from it.
func (p *paragraphInfo) isTableRow() bool {
	if p.row == 0 {
		p.row = tri(strings.Contains(p.text, CellSep) && !strings.ContainsAny(p.text, "。，；,;"))
	}
	return p.row == 2
}

// numbersInParagraph appends para's numbers to sc.hits, stopping once it
// holds more than limit.
func numbersInParagraph(sc *figureScratch, limit int, section, para string) {
	// Most paragraphs state no number with a unit; they are not split.
	// A match never spans a sentence end (no part of the pattern matches
	// 。；！？ or a line end within a paragraph), so the paragraph's
	// matches are each sentence's.
	sc.matches = appendNumberMatches(sc.matches[:0], para)
	all := sc.matches
	if len(all) == 0 {
		return
	}
	info := sc.newInfo(para)
	sc.spans = appendSentenceSpans(sc.spans[:0], para)
	spans := sc.spans
	next := 0 // the next match to place
	lists := respectiveLists{sentence: -1}
	for si, sp := range spans {
		at, sent := sp[0], para[sp[0]:sp[1]]
		sentFirst := len(sc.hits) // the sentence's first hit
		prev, lead, earlier := "", "", ""
		if si > 0 {
			prev = clip(para[spans[si-1][0]:spans[si-1][1]], keywordWindow)
			lead = clip(para[spans[0][0]:spans[0][1]], keywordWindow)
			earlier = clip(para[:at], keywordWindow)
		}
		for ; next < len(all) && all[next][0] < sp[1]; next++ {
			m := &all[next]
			for k := range m {
				if m[k] >= 0 {
					m[k] -= at
				}
			}
			digits := strings.ReplaceAll(sent[m[2]:m[3]], ",", "")
			mult := ""
			if m[6] >= 0 {
				mult = sent[m[6]:m[7]]
			}
			unit := sent[m[10]:m[11]]
			if unit == "元" && mult == "万" {
				unit, mult = "万元", ""
			}
			if mult == "亿" || sc.byUnit != nil && len(sc.byUnit[unit]) == 0 {
				continue // never a count in these reports, or no figure's unit
			}
			if unit == "个" && zhtext.IsDurationAfterGe(sent[m[11]:]) {
				continue // “3个工作日”, “连续55个月”: a duration, not a count
			}
			n, err := model.ParseNumber(digits)
			if err != nil || ofAnotherYear(sent[:m[0]], sc.year) {
				continue
			}
			if mult == "万" {
				n = model.NumberOf(n.Value * 10000)
			}
			from := runeStart(sent, m[0]-keywordWindow)
			prefix := sent[from:m[1]]
			start, ws := clauseStarts(prefix, m[0]-from)
			if c := prefix[start : m[0]-from]; zhtext.LedByAnotherYear(c, sc.year) || zhtext.AfterComparison(c, sc.year) {
				continue // another year's count, or a change against it
			}
			phrase := prefix[start:]
			if ws < start && !strings.ContainsAny(prefix[ws:start], "0123456789０１２３４５６７８９") {
				phrase = prefix[ws:]
			}
			if p := comparedFrom(prefix, start, m[0]-from, sc.year); p >= 0 {
				phrase = prefix[p:]
			}
			clause, after := prefix[start:], clauseAfter(sent[m[1]:])
			allAfter := ""
			if !unitBefore(sc.hits[sentFirst:], unit) {
				// Only the first count of its unit: after a list
				// ("其中规范性文件3件、其他文件16件，均经合法性审查") the
				// clause is about all of them, not the last.
				allAfter = clauseAfterWithAll(sent[m[1]:], after)
			}
			if item, ok := lists.item(si, sent, m[2]); ok {
				// "审结率、纠错率分别为92.3%和10.4%": the value is its
				// own item's, whatever the words nearest before it.
				clause, phrase, after, allAfter = item, item, "", ""
			}
			source := sent
			if len(source) > maxSourceBytes {
				source = sent[from:runeStart(sent, m[1]+keywordWindow)]
			}
			h := numHit{section: section, paragraph: info, sentence: zhtext.TrimBlank(source),
				clause: clause, phrase: phrase, prefix: prefix, after: after, allAfter: allAfter, prev: prev, lead: lead, earlier: earlier, value: n, unit: unit}
			h.negated = isNegated(h.clause, h.after)
			h.partOf = partOfWhole(sc.hits[sentFirst:], &h, sentFirst)
			sc.hits = append(sc.hits, h)
			if len(sc.hits) > limit {
				return
			}
		}
	}
}

// partOfWhole finds the whole that h, a count in a 其中 clause that says
// an opinion was raised on it ("全年审核各类文件86件，其中12件提出合法性审查
// 意见"), is a part of: the last count before it in its sentence, in the
// same unit and larger. It gives 1 + the whole's index in the hits (its
// index in before plus offset), or 0 when h is no such part. The words
// after the part name the work all of the whole went through, so the
// figure they name is the whole's; a 其中 clause that names its figure
// before the number ("其中合法性审查12件") is left alone.
func partOfWhole(before []numHit, h *numHit, offset int) int {
	lead, ok := strings.CutPrefix(zhtext.TrimBlank(wordsBeforeNumber(h.clause)), "其中")
	if !ok || utf8.RuneCountInString(lead) > 1 || h.negated || !zhtext.RaisesOpinion(h.after) {
		return 0
	}
	for i := len(before) - 1; i >= 0; i-- {
		w := &before[i]
		if w.unit == h.unit && !w.negated && w.value.Value > h.value.Value {
			return offset + i + 1
		}
	}
	return 0
}

// respectiveLists holds the 分别 lists (zhtext.RespectivePairs) of the
// sentence last asked about, found once per sentence.
type respectiveLists struct {
	sentence int
	pairs    []zhtext.RespectivePair
}

// item is the item of a 分别 list whose value starts at byte digits of
// sent, the paragraph's sentence si; each sentence is searched once.
func (l *respectiveLists) item(si int, sent string, digits int) (string, bool) {
	if l.sentence != si {
		l.sentence, l.pairs = si, nil
		if strings.Contains(sent, "分别") {
			l.pairs = zhtext.RespectivePairs(sent)
		}
	}
	for _, p := range l.pairs {
		if p.Value.Start == digits {
			return sent[p.SubjectStart:p.SubjectEnd], true
		}
	}
	return "", false
}

// ofAnotherYear says whether a number stands right after the name of a
// year other than the report's ("2024年80件", "上年80件", "去年同期80件",
// "上年的9.1%"):
// it is that year's count, as a table's year columns and a comparison
// ("较2024年80件") give it, not the report year's figure. year 0 (not
// known) leaves the years written in digits alone.
func ofAnotherYear(before string, year int) bool {
	// "由上年的9.1%降至4.5%": the year's name may take a 的 (last byte 84).
	if n := len(before); n > 0 && before[n-1] == 0x84 {
		before = strings.TrimSuffix(before, "的")
	}
	// Every word here ends in 年, 期 or 度 (last bytes B4, 9F, A6): most
	// numbers follow none of them and are let go at one byte.
	if n := len(before); n == 0 || before[n-1] != 0xB4 && before[n-1] != 0x9F && before[n-1] != 0xA6 {
		return false
	}
	for _, w := range zhtext.PreviousYearWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	rest, ok := strings.CutSuffix(before, "年")
	if !ok {
		rest, ok = strings.CutSuffix(before, "年度")
	}
	if !ok || year == 0 || len(rest) < 4 {
		return false
	}
	v, ok := zhtext.FourDigits(rest[len(rest)-4:])
	if !ok || len(rest) > 4 && zhtext.IsASCIIDigit(rest[len(rest)-5]) {
		return false
	}
	return v != year
}

// comparedFrom finds, for a number whose clause opens with the report's
// year ("去年全县收到行政复议申请37件，今年52件"), the start of the clause
// before it when that one is led by another year: the two are a
// comparison, and the first names what both count. -1 otherwise. start is
// where the number's clause begins in prefix, at where the number does.
func comparedFrom(prefix string, start, at, year int) int {
	c := prefix[start:at]
	if start == 0 || !strings.HasPrefix(c, "今年") && !strings.HasPrefix(c, "本年") {
		return -1
	}
	prev, _ := clauseStarts(prefix, start-1)
	_, w := utf8.DecodeLastRuneInString(prefix[:start])
	if prev >= start-w || !zhtext.LedByAnotherYear(prefix[prev:start-w], year) {
		return -1
	}
	return prev
}

// isNegated says whether a number's clause holds one of the negations: it
// is decided once per number, not once per figure the number is tried on.
func isNegated(clause, after string) bool {
	for _, n := range negations {
		if zhtext.ContainsWide(clause, n) || zhtext.ContainsWide(after, n) {
			return true
		}
	}
	return false
}

// clauseAfter is the rest of a number's clause after it, up to the next
// clause break; "" when a digit comes first (the words are the next
// number's) or the clause runs on past the keyword window.
func clauseAfter(s string) string {
	for i, r := range s {
		if i > keywordWindow {
			return ""
		}
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			return ""
		case endsClause(r):
			return s[:i]
		}
	}
	return s
}

// endsClause says whether r ends the clause a number's words are read in.
func endsClause(r rune) bool {
	return zhtext.IsClauseBreak(r) || r == '）' || r == ')' || r == '\n' || zhtext.IsSentenceEnd(r)
}

// clauseAfterWithAll is after (clauseAfter(s)) run on into the next
// clause when that one says what was done with all of the things counted
// ("审核各类文件86件，均出具合法性审查意见", "出台规范性文件12件，全部报送备案",
// or a rate of 100%, see fullRateClause): its words name the count when
// the clause's own name no figure. "" when
// there is no such clause: one with a number, or a negation ("均未发生",
// which says nothing of what the count is), is left out.
func clauseAfterWithAll(s, after string) string {
	rest := s[len(after):]
	sep := ""
	for _, c := range []string{"，", ","} {
		if strings.HasPrefix(rest, c) {
			sep = c
		}
	}
	if sep == "" {
		return ""
	}
	next := rest[len(sep):]
	if words, ok := fullRateClause(next); ok {
		return s[:len(after)+len(sep)+len(words)]
	}
	// "已全部审结", "并全部报送备案": all of them, said after 已 or 并.
	w := prefixOf(next, []string{"已", "并"})
	if zhtext.HasPrefixAny(next[len(w):], allOfWords) {
		next = next[len(w):]
		sep += w
	} else {
		return ""
	}
	more := clauseAfterDeadline(next)
	if more == "" || zhtext.ContainsAnyWord(more, negations) {
		return ""
	}
	return s[:len(after)+len(sep)+len(more)]
}

// clauseAfterDeadline is clauseAfter, reading past a time limit ("全部在
// 30日内报送备案", "均在15个工作日内完成审查"): it says when all of them
// were done, and is no other count.
func clauseAfterDeadline(s string) string {
	for i := 0; i < len(s) && i <= keywordWindow; {
		if !isASCIIDigit(s[i]) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if r >= '０' && r <= '９' {
				return ""
			}
			if endsClause(r) {
				return s[:i]
			}
			i += w
			continue
		}
		k := i
		for k < len(s) && isASCIIDigit(s[k]) {
			k++
		}
		unit := ""
		for _, u := range deadlineUnits {
			if strings.HasPrefix(s[k:], u+"内") {
				unit = u + "内"
				break
			}
		}
		if unit == "" {
			return "" // another number: the words are its
		}
		i = k + len(unit)
	}
	if len(s) > keywordWindow {
		return ""
	}
	return s
}

// deadlineUnits are the units of a time limit, longest first.
var deadlineUnits = []string{"个工作日", "工作日", "个月", "小时", "日", "天"}

// fullRateClause reads a clause that gives a rate of 100% of the things
// just counted ("审查上会议题86个，合法性审查覆盖率100%", "制定规范性文件7件，
// 备案率达100%"): every one of them went through what the rate names. It
// gives the clause's words before the rate, with nothing else numbered in
// it and no negation.
func fullRateClause(next string) (string, bool) {
	end := len(next)
	if i := zhtext.IndexAny(next, "，,；;。！？"); i >= 0 {
		end = i
	}
	clause := next[:end]
	rest, ok := strings.CutSuffix(clause, "100%")
	if !ok {
		rest, ok = strings.CutSuffix(clause, "100％")
	}
	if !ok {
		return "", false
	}
	for _, v := range []string{"达到", "均为", "均达", "为", "达"} {
		if r, ok := strings.CutSuffix(rest, v); ok {
			rest = r
			break
		}
	}
	words, ok := strings.CutSuffix(rest, "率")
	if !ok || words == "" || strings.ContainsAny(words, "0123456789０１２３４５６７８９") || zhtext.ContainsAnyWord(words, negations) {
		return "", false
	}
	return words, true
}

// unitBefore says whether one of hits counts in unit.
func unitBefore(hits []numHit, unit string) bool {
	for i := range hits {
		if hits[i].unit == unit {
			return true
		}
	}
	return false
}

// allOfWords open a clause about every one of the things just counted.
var allOfWords = []string{"均", "全部", "全都", "一律", "皆"}

// clip cuts s to at most n bytes at a rune boundary, keeping its end: the
// words nearest the next sentence.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[runeStart(s, len(s)-n):]
}

// runeStart moves byte offset i (clamped to s) back to a rune boundary.
func runeStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// clauseStarts finds where the clause holding byte offset i begins, after
// the last of ，,；;：:、（( before i, and where its phrase begins: the same
// without the list mark 、. A bracket closed before i is part of the clause,
// whatever it holds. It scans bytes backwards, since it runs for
// every number and the clause breaks are ASCII or three bytes long.
func clauseStarts(s string, i int) (clause, phrase int) {
	clause = -1
	depth := 0 // brackets closed before i: a parenthetical inside the clause
	for k := i - 1; k >= 0; k-- {
		b, list := s[k], false
		switch {
		case b == ')' || k >= 2 && s[k-2] == 0xEF && s[k-1] == 0xBC && b == 0x89: // ）
			depth++
			continue
		case depth > 0:
			// "行政处罚案件（含简易程序，普通程序）926件": what the bracket
			// holds qualifies the words before it, whose clause goes on.
			if b == '(' || k >= 2 && s[k-2] == 0xEF && s[k-1] == 0xBC && b == 0x88 {
				depth--
			}
			continue
		case b == ',' || b == ';' || b == ':' || b == '(':
		case k >= 2 && s[k-2] == 0xEF && s[k-1] == 0xBC && (b == 0x8C || b == 0x9B || b == 0x9A || b == 0x88): // ，；：（
		case k >= 2 && s[k-2] == 0xE3 && s[k-1] == 0x80 && b == 0x81: // 、
			list = true
		default:
			continue
		}
		if clause < 0 {
			clause = k + 1
		}
		if !list {
			return clause, k + 1
		}
		k -= 2
	}
	return max(clause, 0), 0
}

// sentenceByte marks the bytes a sentence stop starts with: the ASCII
// stops and line end, and the lead bytes of 。 (E3) and ！？； (EF).
var sentenceByte = [256]bool{'!': true, '?': true, ';': true, '\n': true, 0xE3: true, 0xEF: true}

// appendSentenceSpans splits prose at full stops, semicolons and line ends,
// keeping the stop, and gives each non-blank sentence as byte offsets
// [start, end). It scans bytes, not runes: every stop is ASCII or a
// three-byte character, and this runs over all of a draft's prose.
//
// The spans are appended to out: the figure reader keeps one buffer.
func appendSentenceSpans(out [][2]int, text string) [][2]int {
	start := 0
	add := func(end int) {
		if !isBlankText(text[start:end]) {
			out = append(out, [2]int{start, end})
		}
		start = end
	}
	for i := 0; i < len(text); {
		if zhtext.PlainWideAt(text, i) {
			i += 3 // most characters: a Chinese character is no stop
			continue
		}
		b := text[i]
		if !sentenceByte[b] {
			i++
			continue
		}
		switch {
		case b == '!' || b == '?' || b == ';' || b == '\n':
			add(i + 1)
			i++
		default: // E3 or EF: decoded inline, since this runs for every comma
			r, ok := zhtext.ThreeByteAt(text, i)
			if !ok {
				i++
				continue
			}
			if zhtext.IsSentenceEnd(r) || zhtext.IsSemicolon(r) {
				add(i + 3)
			}
			i += 3
		}
	}
	if start < len(text) {
		add(len(text))
	}
	return out
}
