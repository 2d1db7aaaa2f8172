package followup

import (
	"math"
	"regexp"
	"strings"

	"nianbao/internal/zhtext"
)

// bigram is two adjacent Han characters; Chinese words are mostly one or
// two characters long, so shared bigrams approximate shared words without a
// segmenter.
type bigram [2]rune

func bigrams(s string) map[bigram]bool {
	out := map[bigram]bool{}
	for _, b := range bigramSeq(s) {
		if b != (bigram{}) {
			out[b] = true
		}
	}
	return out
}

// bigramSeq lists the bigrams of s in order, with a zero bigram wherever a
// stop word, punctuation or a digit breaks the text.
func bigramSeq(s string) []bigram {
	var out []bigram
	var prev rune
	for _, r := range stopWords.Replace(s) {
		if !zhtext.IsHan(r) {
			if prev != 0 {
				out = append(out, bigram{})
			}
			prev = 0
			continue
		}
		if prev != 0 {
			out = append(out, bigram{prev, r})
		}
		prev = r
	}
	return out
}

// runs counts the separate stretches of seq found in g: words shared in two
// places of a plan ("执法人员" … "考试") say more than one long word.
func runs(seq []bigram, g map[bigram]bool) int {
	n, in := 0, false
	for _, b := range seq {
		hit := b != (bigram{}) && g[b]
		if hit && !in {
			n++
		}
		in = hit
	}
	return n
}

// stopList are the words every paragraph of every report uses (推进, 加强,
// 法治, 工作 …): sharing them says nothing about following a plan. They are
// cut out before bigrams are made, so no bigram spans one either.
var stopList = []string{
	"进一步", "加强", "推进", "推动", "深化", "持续", "不断", "全面", "深入", "扎实",
	"积极", "认真", "切实", "着力", "坚持", "健全", "完善", "提升", "提高", "强化",
	"落实", "开展", "工作", "建设", "法治", "政府", "依法", "行政", "我县", "我市",
	"我区", "我局", "全县", "全市", "全区", "年度", "上年", "今年", "明年", "下一步",
	"重点", "机制", "水平", "能力", "实施", "组织", "相关", "有关", "各项", "以及",
	"进行", "做好", "抓好", "继续", "努力", "全年", "共计", "主要", "方面", "情况",
	"我们", "将在", "围绕", "加大", "力度", "有效", "规范", "一步", "各类", "不少于",
	"实现", "推行", "建立", "制定", "组织", "开展", "确保", "逐步", "稳步", "大力",
}

var stopWords = func() *strings.Replacer {
	var args []string
	for _, w := range stopList {
		args = append(args, w, "|")
	}
	return strings.NewReplacer(args...)
}()

// specificHan counts the Han characters left once the stop words are cut
// out: a plan with almost none ("继续做好各项工作") has nothing to follow up.
func specificHan(s string) int { return zhtext.CountHan(stopWords.Replace(s)) }

// keyTerms are domain names whose presence in both years is strong evidence
// that a plan was taken up: they are specific measures, not slogans.
var keyTerms = []string{
	"合法性审查", "公平竞争审查", "备案审查", "重大行政决策", "规范性文件", "法律顾问", "公职律师",
	"行政执法三项制度", "执法公示", "全过程记录", "法制审核", "包容审慎", "首违不罚", "轻微免罚",
	"综合行政执法", "执法证", "执法监督", "案卷评查", "行政复议", "行政应诉", "出庭应诉",
	"府院联动", "行政争议", "人民调解", "枫桥经验", "信访", "营商环境", "放管服", "权责清单",
	"政务公开", "一网通办", "数字政府", "应急预案", "民法典", "八五普法", "谁执法谁普法",
	"法治文化", "法治宣传", "普法责任制", "述法", "法治督察", "示范创建", "乡镇", "街道",
	"村居", "法律明白人", "公共法律服务", "矛盾纠纷", "行政许可", "证明事项", "告知承诺",
	"双随机", "裁量权基准", "涉企行政检查", "信用修复", "信用监管", "柔性执法", "说理式执法",
	"法治素养", "旁听庭审", "法治副校长", "以案释法", "诉源治理", "行政复议体制改革", "合同审查",
	"一件事一次办", "执法记录仪", "法治文化", "宪法宣传",
}

// quoted finds names in 《》 and “” — titles of rules and named campaigns.
var quoted = regexp.MustCompile(`《[^》]{2,40}》|“[^”]{2,20}”`)

// Index holds this year's sentences, which sentences contain each bigram,
// and how common each bigram is, so rare shared words weigh more than
// common ones.
type Index struct {
	sentences []Sentence
	post      map[bigram][]int32 // sentences containing each bigram
	df        map[bigram]int
	n         int // documents df counts over
	// scratch for Best, one slot per sentence
	score  []float64
	shared []int32
}

// NewIndex indexes this year's sentences.
func NewIndex(sentences []Sentence) *Index {
	ix := &Index{sentences: sentences, post: map[bigram][]int32{}, df: map[bigram]int{}, n: len(sentences),
		score: make([]float64, len(sentences)), shared: make([]int32, len(sentences))}
	for i, s := range sentences {
		for b := range bigrams(s.Text) {
			ix.post[b] = append(ix.post[b], int32(i))
			ix.df[b]++
		}
	}
	return ix
}

func (ix *Index) weight(b bigram) float64 {
	return math.Log(float64(ix.n+2) / (float64(ix.df[b]) + 0.5))
}

// Match is the sentence of this year that best follows up a plan.
type Match struct {
	Sentence Sentence
	Score    float64 // 0–1: share of the plan's weighted words found
	Shared   int     // distinct bigrams shared
	Runs     int     // separate stretches of the plan they come from
	Terms    []string
}

// Followed is the verdict: enough of the plan's specific words in one
// sentence, or a named rule or campaign of the plan mentioned again with
// some of its words.
func (m Match) Followed() bool {
	if m.Shared >= 3 && m.Runs >= 2 && m.Score >= followThreshold {
		return true
	}
	return len(m.Terms) > 0 && m.Shared >= 2 && m.Score >= followThreshold/2
}

// followThreshold was chosen on the labelled pairs in the tests: plans
// taken up in other words score 0.3–0.8, plans left out under 0.25.
const followThreshold = 0.3

// Best finds the sentence that best follows up plan p. It walks only the
// sentences that share a bigram with the plan.
func (ix *Index) Best(p Plan) Match {
	seq := bigramSeq(p.Text)
	terms := keyTermsOf(p.Text)
	type weighted struct {
		b bigram
		w float64
	}
	var ws []weighted // in the plan's order, so sums do not depend on map order
	seen := map[bigram]bool{}
	total := 0.0
	for _, b := range seq {
		if b == (bigram{}) || seen[b] {
			continue
		}
		seen[b] = true
		w := ix.weight(b)
		for _, t := range terms {
			if strings.Contains(t, string(b[:])) {
				w *= 1.5 // words of a named measure count more
				break
			}
		}
		ws = append(ws, weighted{b, w})
		total += w
	}
	var best Match
	if total == 0 {
		return best
	}
	var touched []int32
	for _, x := range ws {
		for _, i := range ix.post[x.b] {
			if ix.shared[i] == 0 {
				touched = append(touched, i)
			}
			ix.score[i] += x.w
			ix.shared[i]++
		}
	}
	bestAt := int32(-1)
	for _, i := range touched {
		if sc := ix.score[i] / total; sc > best.Score || sc == best.Score && i < bestAt {
			best.Score, best.Shared, bestAt = sc, int(ix.shared[i]), i
		}
	}
	for _, i := range touched {
		ix.score[i], ix.shared[i] = 0, 0
	}
	if bestAt < 0 {
		return best
	}
	best.Sentence = ix.sentences[bestAt]
	best.Runs = runs(seq, bigrams(best.Sentence.Text))
	for _, t := range quotedNames(p.Text) {
		if strings.Contains(best.Sentence.Text, t) {
			best.Terms = append(best.Terms, t)
		}
	}
	return best
}

// keyTermsOf lists the key terms and quoted names of a plan; their words
// weigh more.
func keyTermsOf(s string) []string {
	var out []string
	for _, t := range keyTerms {
		if strings.Contains(s, t) {
			out = append(out, t)
		}
	}
	return append(out, quotedNames(s)...)
}

// quotedNames lists the names in 《》 and “” (without the marks): a rule or
// campaign named again is a trace even in few words.
func quotedNames(s string) []string {
	var out []string
	for _, q := range quoted.FindAllString(s, -1) {
		out = append(out, strings.Trim(q, "《》“”"))
	}
	return out
}

// PlanStatus is one of last year's plans and what this year says about it.
type PlanStatus struct {
	Plan     Plan
	Followed bool
	Match    Match // the best sentence, followed or not
}

// FollowUp matches each plan against this year's sentences.
func FollowUp(plans []Plan, this []Sentence) []PlanStatus {
	ix := NewIndex(this)
	// The plans count as documents for how common a word is: a word all
	// plans share ("法治") weighs little, and a short report does not make
	// every word of a plan look rare.
	ix.n = len(this) + len(plans)
	for _, p := range plans {
		for b := range bigrams(p.Text) {
			ix.df[b]++
		}
	}
	out := make([]PlanStatus, len(plans))
	for i, p := range plans {
		m := ix.bestOfPieces(p)
		out[i] = PlanStatus{Plan: p, Followed: m.Followed(), Match: m}
	}
	return out
}

// A piece of a plan counts on its own only with enough specific words: the
// short slogans that open plan items ("聚焦依法决策，完善决策程序") match
// any report's text.
const (
	pieceMinHan    = 10
	pieceMinShared = 4
)

// bestOfPieces matches a plan sentence by sentence: a plan item often
// holds several measures ("聚焦依法决策。落实……。推动……。"), and one of
// them taken up is a trace. Scoring the whole item against one sentence
// would call every long plan unfollowed.
func (ix *Index) bestOfPieces(p Plan) Match {
	best := ix.Best(p)
	if best.Followed() {
		return best
	}
	for _, s := range splitSentences(p.Text) {
		if specificHan(s) < pieceMinHan || strings.TrimSpace(s) == strings.TrimSpace(p.Text) {
			continue
		}
		m := ix.Best(Plan{Text: s})
		if m.Followed() && m.Shared >= pieceMinShared {
			return m
		}
		if !best.Followed() && m.Score > best.Score {
			best = m
		}
	}
	return best
}
