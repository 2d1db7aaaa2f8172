package followup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// sentenceEnd lists the runes that end a sentence for matching purposes. The
// semicolon is included: reports chain independent measures with "；".
func sentenceEnd(r rune) bool {
	return zhtext.IsSentenceEnd(r) || zhtext.IsSemicolon(r) || r == '\n'
}

// Sentence is a piece of text with where it came from.
type Sentence struct {
	Section string // section id
	Text    string
}

// Sentences splits text into sentences, also at 一是/二是 markers so a
// long paragraph of enumerated measures yields one sentence per measure.
func Sentences(section, text string) []Sentence {
	var out []Sentence
	for _, piece := range splitSentences(text) {
		for _, p := range splitEnum(piece) {
			if p = zhtext.TrimBlank(p); zhtext.CountHan(p) >= 4 {
				out = append(out, Sentence{Section: section, Text: p})
			}
		}
	}
	return out
}

func splitSentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if sentenceEnd(r) {
			out = append(out, text[start:i+utf8.RuneLen(r)])
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// enumAt says whether s[i:] starts an enumerated point (一是 … 十是) that
// follows the start of the text or a punctuation mark, and returns its
// length in bytes.
func enumAt(s string, i int) int {
	if first, _ := utf8.DecodeRuneInString(s[i:]); !strings.ContainsRune("一二三四五六七八九十", first) {
		return 0 // most positions: no need to look back
	}
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if zhtext.IsHan(prev) || zhtext.IsDigit(prev) || unicode.IsLetter(prev) {
			return 0
		}
	}
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		j += n
	}
	if j == i || !strings.HasPrefix(s[j:], "是") {
		return 0
	}
	return j + len("是") - i
}

// splitEnum cuts a sentence at its 一是/二是 markers; the text before the
// first marker (a lead-in such as "重点做好以下工作：") is kept as its own
// piece so the caller can decide about it.
func splitEnum(s string) []string {
	var cuts []int
	for i := range s {
		if n := enumAt(s, i); n > 0 {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		return []string{s}
	}
	out := []string{s[:cuts[0]]}
	for k, c := range cuts {
		end := len(s)
		if k+1 < len(cuts) {
			end = cuts[k+1]
		}
		out = append(out, s[c+enumAt(s, c):end])
	}
	return out
}

// trimPunct drops leading and trailing sentence punctuation, blanks and
// line ends (not % or a closing quote, which belong to the words, nor an
// opening bracket, which starts a （一） heading).
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return zhtext.IsBlank(r) || zhtext.IsLineEnd(r) || zhtext.IsSentenceEnd(r) || zhtext.IsSemicolon(r) ||
			r == '，' || r == ',' || r == '：' || r == ':' || r == '、'
	})
}

// Shorten cuts s to at most n runes, marking the cut.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
