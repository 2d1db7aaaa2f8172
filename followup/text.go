package followup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isHan reports a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// sentenceEnd lists the runes that end a sentence for matching purposes. The
// semicolon is included: reports chain independent measures with "；".
func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', ';', '!', '?', '\n':
		return true
	}
	return false
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
			if p = strings.TrimSpace(p); hanCount(p) >= 4 {
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
		if isHan(prev) || unicode.IsDigit(prev) || unicode.IsLetter(prev) {
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

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if isHan(r) {
			n++
		}
	}
	return n
}

// trimPunct drops leading and trailing sentence punctuation and spaces
// (not % or a closing quote, which belong to the words).
func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("。；;，,：:、！？!?", r)
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
