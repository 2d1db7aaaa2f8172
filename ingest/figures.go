package ingest

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// numRe finds a number with its unit in prose: "142件", "6.5 %", "200余次",
// "15万余人次". Years and dates ("2023年", "8月") have no listed unit and
// are never figures.
var numRe = lazyRegexp(`(\d+(?:,\d{3})*(?:\.\d+)?)\s*(余|多)?\s*(万|亿)?\s*(余|多)?\s*(` + zhtext.UnitAlternation() + `)`)

// numAtRe is numRe anchored: tried only where a digit run starts, which
// finds the same matches as numRe.FindAll (a match never starts inside a
// run of digits when the run's start fails) at a fraction of the cost.
var numAtRe = lazyRegexp(`^(\d+(?:,\d{3})*(?:\.\d+)?)\s*(余|多)?\s*(万|亿)?\s*(余|多)?\s*(` + zhtext.UnitAlternation() + `)`)

// numberMatches is numRe.FindAllStringSubmatchIndex(s, -1).
func numberMatches(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			continue
		}
		m := numAtRe().FindStringSubmatchIndex(s[i:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1] - 1
	}
	return out
}

// unitAliases lists the units in prose that state a figure of the given
// template unit. Nothing looser: "行政处罚2685项" in a list of powers is not
// a count of penalty cases.
var unitAliases = map[string][]string{
	"件":  {"件"},
	"场":  {"场", "场次", "次"},
	"人次": {"人次"},
	"%":  {"%", "％"},
	"卷":  {"卷"},
}

// negations in a clause mean the number is about what did not happen
// ("不予受理…1件", "未审结1件").
var negations = []string{"不予", "未", "没有", "尚未"}

// changeWords mean a number is a change, not a level ("同比下降5%"), unless
// the clause says it fell *to* the number ("降至3.5%").
var changeWords = []string{"同比", "增长", "增加", "减少", "下降", "上升", "提高", "降低", "提升"}

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
	// prev and lead are the sentence before and the paragraph's lead
	// sentence: where a figure's subject may stand when the number's own
	// sentence only has the verb ("…合法性审查…。共审查上会议题316个").
	prev, lead string
	// negated is set when the clause denies or qualifies the number away
	// (see negations); such a number states no figure.
	negated bool
	value   model.Number
	unit    string
}

// extractFigures fills the template's figures from prose. A figure is
// filled only when the number's unit fits, its own clause names the figure
// and the sentence up to the number holds every keyword; when the sentence
// lies outside the figure's section it must name that section's subject
// too. Plans are skipped: their numbers are targets, not results.
func extractFigures(t *model.Template, r *model.Report) (map[string]model.Number, map[string]string) {
	read := ReadFigures(t, r)
	figs := make(map[string]model.Number, len(read))
	srcs := make(map[string]string, len(read))
	for id, p := range read {
		figs[id], srcs[id] = p.Value, p.Sentence
	}
	return figs, srcs
}

// ReadFigures is extractFigures with where each value was read: the
// editor and the check read a draft's prose with it, so they see exactly
// the numbers import would take.
func ReadFigures(t *model.Template, r *model.Report) map[string]ProseFigure {
	// Collect hits section by section in template order.
	topics := topicKeywords(t)
	flat := t.Flatten() // once: it walks and allocates, and the loops below run per number
	var hits []numHit
	for _, s := range flat {
		if isPlans(s) {
			continue
		}
		hits = append(hits, numbersIn(s.ID, r.Text(s.ID))...)
	}
	type cand struct {
		fig   *model.Figure
		sec   *model.Section
		score int
	}
	assigned := make([][]cand, len(hits))
	for i, h := range hits {
		var top []cand
		bestScore := 0
		for _, s := range flat {
			for _, f := range s.Figures {
				sc := figureScore(f, s, h, topics)
				if sc == 0 {
					continue
				}
				if sc > bestScore {
					top, bestScore = []cand{{f, s, sc}}, sc
				} else if sc == bestScore {
					top = append(top, cand{f, s, sc})
				}
			}
		}
		assigned[i] = top
	}
	figs := map[string]ProseFigure{}
	// Own section first, then anywhere else, first hit in document order.
	for _, s := range flat {
		for _, f := range s.Figures {
			for pass := 0; pass < 2; pass++ {
				if _, done := figs[f.ID]; done {
					break
				}
				for i, h := range hits {
					if (pass == 0) != (h.section == s.ID) {
						continue
					}
					for _, c := range assigned[i] {
						if c.fig == f {
							figs[f.ID] = ProseFigure{Value: h.value, Unit: h.unit, Sentence: h.sentence, Section: h.section}
						}
					}
					if _, done := figs[f.ID]; done {
						break
					}
				}
			}
		}
	}
	return figs
}

func isPlans(s *model.Section) bool {
	return s.ID == "plans" || hasKeyword(s, "下一步") || hasKeyword(s, "下一年度")
}

// figureScore is how specifically hit states figure f of section s; 0 when
// it does not.
func figureScore(f *model.Figure, s *model.Section, h numHit, topics map[string]bool) int {
	if !unitFitsFigure(f, h.unit) {
		return 0
	}
	if h.negated {
		return 0
	}
	own := h.section == s.ID
	if !own && !h.paragraph.mentions(s) {
		return 0
	}
	var keys []string
	for _, k := range f.Keywords {
		if !isUnitWord(k, f.Unit) { // "场" in [普法, 场] is the unit, already checked
			keys = append(keys, k)
		}
	}
	// The subject may stand a sentence away only in the figure's own
	// section and only for a figure named by one keyword: with two
	// ([行政复议, 收]) the generic one ("办理") must not borrow the
	// subject from another sentence ("办理法律援助案件247件").
	wide := own && len(keys) == 1
	score, distinct, named := 0, 0, 0
	for _, k := range keys {
		inContext := containsVariant(h.prefix, k) || containsVariant(h.after, k) ||
			wide && (containsVariant(h.prev, k) || containsVariant(h.lead, k))
		n := max(lengthIn(h.phrase, variants(k)), lengthIn(h.after, variants(k)))
		if n == 0 {
			forms := clauseFormsOf(k, f.Unit)
			n = min(1, max(lengthIn(h.phrase, forms), lengthIn(h.after, forms)))
			// A clause form stands in for a keyword of its own only when
			// another keyword carries the subject ("行政复议案件52件");
			// alone it needs the keyword nearby ("审查" needs 合法性审查).
			inContext = inContext || n > 0 && len(keys) > 1
		}
		if !inContext {
			return 0
		}
		score += n
		if !topics[k] {
			distinct++
			if n > 0 {
				named++
			}
		}
	}
	// The clause itself must name the figure: by a keyword that tells it
	// from its neighbours (收 vs 审结 for 行政复议) when there is one.
	// "驳回行政复议申请9件" names the subject, not which count it is.
	if score == 0 || distinct > 0 && named == 0 {
		return 0
	}
	if i := lastKeywordEnd(h.clause, f.Keywords); i >= 0 {
		gap := h.clause[i:]
		for _, w := range changeWords {
			if strings.Contains(gap, w) && !strings.ContainsAny(gap, "至到") {
				return 0
			}
		}
	}
	return score
}

// unitFitsFigure says whether a unit written in prose states figure f:
// the template unit, its aliases, or a unit one of f's keywords allows.
func unitFitsFigure(f *model.Figure, stated string) bool {
	if unitFits(f.Unit, stated) {
		return true
	}
	for _, k := range f.Keywords {
		for _, u := range extraUnits[k][f.Unit] {
			if u == stated {
				return true
			}
		}
	}
	return false
}

func unitFits(figUnit, stated string) bool {
	if al, ok := unitAliases[figUnit]; ok {
		for _, a := range al {
			if a == stated {
				return true
			}
		}
		return false
	}
	return figUnit == stated
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

func containsVariant(s, k string) bool {
	return longestVariant(s, k) > 0
}

func longestVariant(s, k string) int {
	n := 0
	for _, v := range variants(k) {
		if strings.Contains(s, v) && runeLen(v) > n {
			n = runeLen(v)
		}
	}
	return n
}

// mentionsStrong says whether a paragraph names a section's subject with a
// specific keyword (four characters or more: 行政复议, 法治宣传), which is
// what lets a figure be taken from text filed under another section. A
// passing "普法讲座" in a paragraph about business is not enough.
func mentionsStrong(s string, keywords []string) bool {
	for _, k := range keywords {
		if runeLen(k) >= 4 && strings.Contains(s, k) {
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

// lastKeywordEnd is the byte offset just after the last keyword occurrence
// in clause, -1 when none occurs.
func lastKeywordEnd(clause string, keywords []string) int {
	end := -1
	for _, k := range keywords {
		for _, v := range variants(k) {
			if i := strings.LastIndex(clause, v); i >= 0 && i+len(v) > end {
				end = i + len(v)
			}
		}
	}
	return end
}

// numbersIn splits a section's prose into sentences and finds the numbers.
func numbersIn(section, text string) []numHit {
	var out []numHit
	for _, para := range strings.Split(text, "\n") {
		out = append(out, numbersInParagraph(section, para)...)
		if len(out) > maxHits {
			return out[:maxHits]
		}
	}
	return out
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
}

func (p *paragraphInfo) mentions(s *model.Section) bool {
	v, ok := p.strong[s.ID]
	if !ok {
		v = mentionsStrong(p.text, s.Keywords)
		p.strong[s.ID] = v
	}
	return v
}

func numbersInParagraph(section, para string) []numHit {
	var out []numHit
	info := &paragraphInfo{text: para, strong: map[string]bool{}}
	sents := sentences(para)
	for si, sent := range sents {
		prev, lead := "", ""
		if si > 0 {
			prev, lead = clip(sents[si-1], keywordWindow), clip(sents[0], keywordWindow)
		}
		for _, m := range numberMatches(sent) {
			digits := strings.ReplaceAll(sent[m[2]:m[3]], ",", "")
			mult := ""
			if m[6] >= 0 {
				mult = sent[m[6]:m[7]]
			}
			unit := sent[m[10]:m[11]]
			if unit == "元" && mult == "万" {
				unit, mult = "万元", ""
			}
			if mult == "亿" {
				continue // never a count in these reports
			}
			n, err := model.ParseNumber(digits)
			if err != nil {
				continue
			}
			if mult == "万" {
				n = model.NumberOf(n.Value * 10000)
			}
			from := runeStart(sent, m[0]-keywordWindow)
			prefix := sent[from:m[1]]
			start := clauseStart(prefix, m[0]-from)
			phrase := prefix[start:]
			if ws := phraseStart(prefix, m[0]-from); ws < start && !strings.ContainsAny(prefix[ws:start], "0123456789０１２３４５６７８９") {
				phrase = prefix[ws:]
			}
			source := sent
			if len(source) > maxSourceBytes {
				source = sent[from:runeStart(sent, m[1]+keywordWindow)]
			}
			h := numHit{section: section, paragraph: info, sentence: strings.TrimFunc(source, isSpace),
				clause: prefix[start:], phrase: phrase, prefix: prefix, after: clauseAfter(sent[m[1]:]), prev: prev, lead: lead, value: n, unit: unit}
			h.negated = isNegated(h.clause, h.after)
			out = append(out, h)
			if len(out) > maxHits {
				return out
			}
		}
	}
	return out
}

// isNegated says whether a number's clause holds one of the negations: it
// is decided once per number, not once per figure the number is tried on.
func isNegated(clause, after string) bool {
	for _, n := range negations {
		if strings.Contains(clause, n) || strings.Contains(after, n) {
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
		case strings.ContainsRune("，,；;：:、（(）)。！？!?\n", r):
			return s[:i]
		}
	}
	return s
}

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

// clauseStart finds where the clause holding byte offset i begins.
func clauseStart(s string, i int) int {
	j := strings.LastIndexAny(s[:i], "，,；;：:、（(")
	if j < 0 {
		return 0
	}
	_, w := utf8.DecodeRuneInString(s[j:])
	return j + w
}

// phraseStart is clauseStart without the list mark 、.
func phraseStart(s string, i int) int {
	j := strings.LastIndexAny(s[:i], "，,；;：:（(")
	if j < 0 {
		return 0
	}
	_, w := utf8.DecodeRuneInString(s[j:])
	return j + w
}

// sentences splits prose at full stops and line ends, keeping the stop.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if zhtext.IsSentenceEnd(r) || zhtext.IsSemicolon(r) || r == '\n' {
			end := i + len(string(r))
			if s := text[start:end]; strings.TrimFunc(s, isSpace) != "" {
				out = append(out, s)
			}
			start = end
		}
	}
	if s := text[start:]; strings.TrimFunc(s, isSpace) != "" {
		out = append(out, s)
	}
	return out
}
