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

// synonyms widens a template keyword to the wordings reports use for it.
var synonyms = map[string][]string{
	"收":    {"收", "受理"},
	"受理":   {"受理", "调处", "收到", "收案", "新收", "接收"},
	"行政复议": {"行政复议", "复议"},
	"应诉":   {"应诉", "行政诉讼", "诉讼案件"},
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
	prefix    string // sentence up to the end of the number
	value     model.Number
	unit      string
}

// extractFigures fills the template's figures from prose. A figure is
// filled only when the number's unit fits, its own clause names the figure
// and the sentence up to the number holds every keyword; when the sentence
// lies outside the figure's section it must name that section's subject
// too. Plans are skipped: their numbers are targets, not results.
func extractFigures(t *model.Template, r *model.Report) (map[string]model.Number, map[string]string) {
	// Collect hits section by section in template order.
	topics := topicKeywords(t)
	var hits []numHit
	for _, s := range t.Flatten() {
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
		for _, s := range t.Flatten() {
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
	figs := map[string]model.Number{}
	srcs := map[string]string{}
	// Own section first, then anywhere else, first hit in document order.
	for _, s := range t.Flatten() {
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
							figs[f.ID] = h.value
							srcs[f.ID] = h.sentence
						}
					}
					if _, done := figs[f.ID]; done {
						break
					}
				}
			}
		}
	}
	return figs, srcs
}

func isPlans(s *model.Section) bool {
	return s.ID == "plans" || hasKeyword(s, "下一步") || hasKeyword(s, "下一年度")
}

// figureScore is how specifically hit states figure f of section s; 0 when
// it does not.
func figureScore(f *model.Figure, s *model.Section, h numHit, topics map[string]bool) int {
	if !unitFits(f.Unit, h.unit) {
		return 0
	}
	if h.section != s.ID && !h.paragraph.mentions(s) {
		return 0
	}
	for _, n := range negations {
		if strings.Contains(h.clause, n) {
			return 0
		}
	}
	score, distinct, named := 0, 0, 0
	for _, k := range f.Keywords {
		if isUnitWord(k, f.Unit) {
			continue // "场" in [普法, 场] is the unit, already checked
		}
		if !containsVariant(h.prefix, k) {
			return 0
		}
		n := longestVariant(h.clause, k)
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
	for _, sent := range sentences(para) {
		for _, m := range numRe().FindAllStringSubmatchIndex(sent, -1) {
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
			source := sent
			if len(source) > maxSourceBytes {
				source = sent[from:runeStart(sent, m[1]+keywordWindow)]
			}
			out = append(out, numHit{section: section, paragraph: info, sentence: strings.TrimFunc(source, isSpace),
				clause: prefix[start:], prefix: prefix, value: n, unit: unit})
			if len(out) > maxHits {
				return out
			}
		}
	}
	return out
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
