package render

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// Title lines. GB/T 9704-2012 §7.3.1: a title that needs more than one line
// breaks 词意完整，排列对称，长短适宜 — words whole, the lines balanced, in a
// trapezoid or diamond. The title of an annual report is mostly known
// words: the unit's name, the year and the phrases of the title pattern;
// those are the only places a line may break, unless a single word is
// longer than a line.

// titleLineChars is how many 2号 (22 pt) characters the 156 mm line holds:
// 442.25 pt / 21.75 pt (22 pt condensed by 0.25 pt, see docx.go) = 20.3.
const titleLineChars = 20

// titlePhrases are the words of the standard title patterns, longest
// first so the longest match wins.
var titlePhrases = []string{
	"推进法治政府建设", "法治政府建设", "党政主要负责人", "第一责任人", "推进法治建设",
	"法治政府", "法治建设", "依法行政", "年度报告", "人民政府", "工作情况",
	"关于", "年度", "建设", "情况", "工作", "报告", "履行", "职责",
}

// placeSuffixes end a place name inside a unit's name (示例县|人民政府,
// 示例市|司法局): a line may break after them.
var placeSuffixes = []string{"自治区", "自治州", "自治县", "特别行政区", "省", "市", "州", "盟", "县", "旗", "区", "镇", "乡", "街道"}

// placeFalseSplits are words that start with a place suffix and must not
// be cut after it (市场监督管理局, 区域).
var placeFalseSplits = []string{"市场", "市政", "市容", "市委", "县域", "县委", "区域", "区划", "区委", "省委", "乡村"}

// titleToken is an unbreakable piece of a title line.
type titleToken struct {
	text  string
	width float64 // in full-width characters
}

// charWidth is a character's advance in full-width characters: Latin
// letters and digits are half-width.
func charWidth(r rune) float64 {
	if r < 0x2E80 && r != '—' && r != '…' && r != '“' && r != '”' && r != '‘' && r != '’' {
		return 0.5
	}
	return 1
}

func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += charWidth(r)
	}
	return w
}

// breakTitle turns the title's typed lines (titleLines) into its printed
// lines: a break the drafter typed is kept, and each typed line longer
// than maxChars is broken at word boundaries into balanced lines.
func breakTitle(lines []string, unit string, maxChars float64) []string {
	var out []string
	for _, line := range lines {
		out = append(out, balanceLine(line, unit, maxChars)...)
	}
	return out
}

// titleLines splits a title on the breaks typed into it.
func titleLines(title string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(title, "\r\n", "\n"), "\n") {
		if l = strings.TrimFunc(l, unicode.IsSpace); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// balanceLine breaks one line into the fewest lines that fit, choosing the
// breaks that make the lines most even; a shape that is neither a
// trapezoid nor a diamond (the middle line shortest) is taken only when
// nothing else fits.
func balanceLine(line, unit string, maxChars float64) []string {
	if textWidth(line) <= maxChars {
		return []string{line}
	}
	toks := titleTokens(line, unit, maxChars)
	var best []int
	bestScore := math.Inf(1)
	for lines := 2; lines <= len(toks) && best == nil; lines++ {
		cuts := make([]int, lines-1)
		var try func(k, from int)
		try = func(k, from int) {
			if k == len(cuts) {
				widths := lineWidths(toks, cuts)
				if widths == nil {
					return
				}
				score := spread(widths)
				if !balancedShape(widths) {
					score += 100
				}
				// Between equally even breaks, prefer the upright
				// trapezoid (上短下长), the more common title shape.
				if widths[0] > widths[len(widths)-1] {
					score += 0.001
				}
				if score < bestScore {
					bestScore, best = score, append([]int(nil), cuts...)
				}
				return
			}
			for c := from; c < len(toks)-(len(cuts)-k)+1; c++ {
				cuts[k] = c
				try(k+1, c+1)
			}
		}
		try(0, 1)
	}
	if best == nil {
		return []string{line}
	}
	var out []string
	prev := 0
	for _, c := range append(best, len(toks)) {
		var b strings.Builder
		for _, t := range toks[prev:c] {
			b.WriteString(t.text)
		}
		out = append(out, b.String())
		prev = c
	}
	return out
}

// lineWidths is the width of each line when breaking before the tokens at
// cuts, or nil when a line is too long.
func lineWidths(toks []titleToken, cuts []int) []float64 {
	var widths []float64
	prev := 0
	for _, c := range append(cuts, len(toks)) {
		w := 0.0
		for _, t := range toks[prev:c] {
			w += t.width
		}
		if w > titleLineChars {
			return nil
		}
		widths = append(widths, w)
		prev = c
	}
	return widths
}

func spread(widths []float64) float64 {
	lo, hi := math.Inf(1), 0.0
	for _, w := range widths {
		lo, hi = math.Min(lo, w), math.Max(hi, w)
	}
	return hi - lo
}

// balancedShape accepts lines that only grow, only shrink, or grow then
// shrink (梯形 and 菱形), and rejects an hourglass.
func balancedShape(widths []float64) bool {
	i := 1
	for i < len(widths) && widths[i] >= widths[i-1] {
		i++
	}
	for i < len(widths) && widths[i] <= widths[i-1] {
		i++
	}
	return i == len(widths)
}

// titleTokens cuts a line into words: the unit's name (split after place
// names inside it), a year with its 年度, the phrases of the title
// pattern, and runs of other characters. Opening marks stick to the word
// after them, closing marks and 的 to the word before, so no line starts
// with a closing mark or ends with an opening one.
func titleTokens(line, unit string, maxChars float64) []titleToken {
	var words []string
	rest := line
	var other strings.Builder
	flush := func() {
		if other.Len() > 0 {
			words = append(words, other.String())
			other.Reset()
		}
	}
	for rest != "" {
		if unit != "" && strings.HasPrefix(rest, unit) {
			flush()
			words = append(words, unitWords(unit)...)
			rest = rest[len(unit):]
			continue
		}
		if n := yearWord(rest); n > 0 {
			flush()
			words = append(words, rest[:n])
			rest = rest[n:]
			continue
		}
		if p := phraseAt(rest); p != "" {
			flush()
			words = append(words, p)
			rest = rest[len(p):]
			continue
		}
		r, size := utf8.DecodeRuneInString(rest)
		if unicode.IsSpace(r) {
			flush()
		} else {
			other.WriteRune(r)
		}
		rest = rest[size:]
	}
	flush()
	words = glue(words)
	var toks []titleToken
	for _, w := range words {
		if textWidth(w) <= maxChars {
			toks = append(toks, titleToken{w, textWidth(w)})
			continue
		}
		// A word longer than a line has to be cut somewhere.
		for _, r := range w {
			toks = append(toks, titleToken{string(r), charWidth(r)})
		}
	}
	return toks
}

// glue joins punctuation and 的 to their neighbours: what may not start a
// row (zhtext.NoBreakBefore) joins the word before it, what may not end
// one (zhtext.NoBreakAfter) the word after.
func glue(words []string) []string {
	var out []string
	stickNext := false
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case stickNext && len(out) > 0:
			out[len(out)-1] += w
		case len(out) > 0 && (zhtext.NoBreakBefore(first) || strings.HasPrefix(w, "的")):
			out[len(out)-1] += w
		default:
			out = append(out, w)
		}
		last, _ := utf8.DecodeLastRuneInString(w)
		stickNext = zhtext.NoBreakAfter(last) || w == "关于"
	}
	return out
}

// yearWord is the length of a year at the start of s with the 年度 or 年
// that follows it ("2024年度"), or 0.
func yearWord(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n != 4 {
		return 0
	}
	for _, suffix := range []string{"年度", "年"} {
		if strings.HasPrefix(s[n:], suffix) {
			return n + len(suffix)
		}
	}
	return n
}

func phraseAt(s string) string {
	for _, p := range titlePhrases {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

// unitWords splits a unit's name after the place names in it.
func unitWords(unit string) []string {
	var out []string
	start := 0
	for i := 0; i < len(unit); {
		matched := ""
		for _, suf := range placeSuffixes {
			if strings.HasPrefix(unit[i:], suf) {
				matched = suf
				break
			}
		}
		if matched == "" || i == start {
			_, size := utf8.DecodeRuneInString(unit[i:])
			i += size
			continue
		}
		end := i + len(matched)
		falseSplit := false
		for _, w := range placeFalseSplits {
			if strings.HasPrefix(unit[i:], w) {
				falseSplit = true
			}
		}
		if falseSplit || end == len(unit) {
			i = end
			continue
		}
		out = append(out, unit[start:end])
		start, i = end, end
	}
	return append(out, unit[start:])
}
