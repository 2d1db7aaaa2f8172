package ingest

import (
	"slices"
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// Counts a report states as none in words, not with a 0: "全年零败诉",
// "无行政复议和行政诉讼案件". readFigures asks these after the numbers, for
// the figures no number gave.

// zeroCounts are the counts a report states as none in words ("全年零败诉",
// "无败诉案件", "未发生被纠错案件") as often as with a 0.
var zeroCounts = []string{"败诉", "纠错"}

// zeroWords stand right before such a count (or before 被 and it) to say
// there was none.
var zeroWords = []string{"零", "无一", "无", "未发生", "没有", "均未", "未出现"}

// writtenZeros fills a count of zeroCounts that no number states from a
// sentence of its own section saying there was none, when that sentence
// also holds the figure's other keywords (复议 for a 纠错 count). A rate
// ("败诉率为零") is no count, and a first or second instance alone ("一审零
// 败诉") is only part of the cases.
func writtenZeros(cands []*figureCand, flat []*model.Section, texts []string, figs map[string]ProseFigure) {
	for _, c := range cands {
		if _, done := figs[c.fig.ID]; done || c.fig.Kind != model.KindCount {
			continue
		}
		word := ""
		for _, k := range c.fig.Keywords {
			if slices.Contains(zeroCounts, k) {
				word = k
			}
		}
		i := slices.Index(flat, c.sec)
		if word == "" || i < 0 {
			continue
		}
		if sent, ok := zeroStatement(texts[i], word, c.fig.Keywords); ok {
			figs[c.fig.ID] = ProseFigure{Value: model.NumberOf(0), Unit: c.fig.Unit, Sentence: sent, Section: c.sec.ID}
		}
	}
}

// zeroStatement finds a sentence of text that says there was no word
// (see writtenZeros) and holds every other keyword.
func zeroStatement(text, word string, keywords []string) (string, bool) {
	for off := 0; ; {
		j := zhtext.IndexWide(text[off:], word)
		if j < 0 {
			return "", false
		}
		at := off + j
		off = at + len(word)
		before := strings.TrimSuffix(text[:at], "被")
		if !zhtext.HasSuffixAny(before, zeroWords) || strings.HasPrefix(text[off:], "率") {
			continue
		}
		// The sentence and the clause within a keyword window of the
		// word: text with no stop and the word many times over ("无纠错、"
		// repeated) stays linear.
		win, wat := window(text, at)
		start, end := zhtext.SentenceBounds(win, wat, 0)
		sent := win[start:end]
		clause := win[zhtext.ClauseStart(win, wat):wat]
		if zhtext.ContainsAnyWord(clause, []string{"一审", "二审"}) {
			continue
		}
		all := true
		for _, k := range keywords {
			all = all && (k == word || zhtext.ContainsAnyWord(sent, variants(k)))
		}
		if all {
			return strings.TrimSpace(sent), true
		}
	}
}

// noCaseKinds name, for a figure that counts a kind of case received,
// the words a report says there were none of it with: "无行政复议和行政诉讼
// 案件", "全年未发生行政应诉案件", "未收到行政复议申请". The figure is told by
// its keywords: every one of key is among them.
var noCaseKinds = []struct {
	key      []string
	subjects []string // the kind, alone or in a list with other kinds
	nouns    []string // what the kind's cases are called
	// mark is in every subject: a part without it says nothing of the
	// kind, and is passed over after one search.
	mark string
}{
	{[]string{"行政复议", "收"}, []string{"行政复议", "复议"}, []string{"案件", "申请"}, "复议"},
	{[]string{"应诉"}, []string{"行政诉讼", "行政应诉", "应诉", "诉讼"}, []string{"案件"}, "诉"},
}

// noCaseWords say there was none: 无, 未发生…, right before the kinds.
var noCaseWords = []string{"没有发生", "未发生", "未收到", "未出现", "没有", "无"}

// noCaseFillers may stand between the word of none and the kinds.
var noCaseFillers = []string{"新收", "新增", "新发", "新发生", "一起", "任何"}

// noCaseJoins join the kinds of a list.
var noCaseJoins = []string{"和", "及", "与", "或", "、"}

// noCases fills a count of cases received that no number states with 0
// when the report says there were none of that kind (noCaseKinds), in its
// own section or, since such a sentence often closes the enforcement
// part ("……，无行政复议和行政诉讼案件。"), in any part but the plans.
// The sentence must end the clause at the cases ("无行政复议案件被纠错"
// is about corrections) and be the report year's.
func noCases(cands []*figureCand, flat []*model.Section, texts []string, year int, figs map[string]ProseFigure) {
	for _, c := range cands {
		if _, done := figs[c.fig.ID]; done || c.fig.Kind != model.KindCount {
			continue
		}
		for _, k := range noCaseKinds {
			if !containsAll(c.fig.Keywords, k.key) {
				continue
			}
			own := slices.Index(flat, c.sec)
			order := make([]int, 0, len(flat))
			if own >= 0 {
				order = append(order, own)
			}
			for i := range flat {
				if i != own {
					order = append(order, i)
				}
			}
			for _, i := range order {
				if !zhtext.ContainsWide(texts[i], k.mark) {
					continue
				}
				if sent, ok := noCaseStatement(texts[i], year, k.subjects, k.nouns); ok {
					figs[c.fig.ID] = ProseFigure{Value: model.NumberOf(0), Unit: c.fig.Unit, Sentence: sent, Section: flat[i].ID}
					break
				}
			}
		}
	}
}

func containsAll(list, want []string) bool {
	for _, w := range want {
		if !slices.Contains(list, w) {
			return false
		}
	}
	return true
}

// noCaseStatement finds a sentence of text saying there were no cases of
// one of subjects (see noCases).
func noCaseStatement(text string, year int, subjects, nouns []string) (string, bool) {
	for _, noun := range nouns {
		for off := 0; ; {
			j := zhtext.IndexWide(text[off:], noun)
			if j < 0 {
				break
			}
			at := off + j
			off = at + len(noun)
			if r, _ := utf8.DecodeRuneInString(text[off:]); off < len(text) && !endsClause(r) && r != '、' {
				continue // "无行政复议案件被纠错": the none is of something else
			}
			// The clause back to a comma or a stop, within a keyword
			// window: a list of kinds ("行政复议、行政应诉") runs across 、.
			win, wat := window(text, at)
			start := 0
			if k := strings.LastIndexAny(win[:wat], "，,；;。：:！？\n"); k >= 0 {
				_, w := utf8.DecodeRuneInString(win[k:])
				start = k + w
			}
			clause := win[start:wat]
			i := -1
			for _, w := range noCaseWords {
				if k := strings.LastIndex(clause, w); k >= 0 && (i < 0 || k+len(w) > i) {
					i = k + len(w)
				}
			}
			if i < 0 || zhtext.LedByAnotherYear(clause, year) || !onlyKinds(clause[i:], subjects) {
				continue
			}
			s, e := zhtext.SentenceBounds(win, wat, 0)
			return strings.TrimSpace(win[s:e]), true
		}
	}
	return "", false
}

// onlyKinds says whether words is a list of kinds of case (fillers and
// joins between them) that holds one of subjects: "行政复议和行政诉讼",
// "新发生行政复议、行政应诉".
func onlyKinds(words string, subjects []string) bool {
	all := []string{"行政复议", "行政诉讼", "行政应诉", "复议", "诉讼", "应诉"}
	found := false
	for words != "" {
		w := prefixOf(words, noCaseFillers)
		if w == "" {
			w = prefixOf(words, noCaseJoins)
		}
		if w == "" {
			w = prefixOf(words, all)
			if w == "" {
				return false
			}
			found = found || slices.Contains(subjects, w)
		}
		words = words[len(w):]
	}
	return found
}

// prefixOf is the longest of words s starts with, "" for none.
func prefixOf(s string, words []string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.HasPrefix(s, w) {
			best = w
		}
	}
	return best
}

// window is the part of text within keywordWindow bytes of byte at, on
// character boundaries, and at's offset in it: what the readers of counts
// stated as none look at around each word they find.
func window(text string, at int) (string, int) {
	from := runeStart(text, at-keywordWindow)
	to := runeStart(text, at+keywordWindow)
	return text[from:to], at - from
}
