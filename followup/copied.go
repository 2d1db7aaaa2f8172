package followup

import (
	"strings"
	"unicode"

	"nianbao/internal/zhtext"
)

// Copy says how much of this year's text repeats last year's.
type Copy struct {
	Share   float64 // 0–1, of this year's Han characters
	Chars   int     // Han characters in repeated sentences
	Example string  // the longest repeated sentence
}

// Repeated is the verdict: a section mostly copied, or a long stretch of it.
func (c Copy) Repeated() bool {
	return c.Chars >= 40 && (c.Share >= 0.5 || c.Chars >= 200)
}

// normalize keeps the words of a sentence: digits (years, counts) and
// punctuation change from year to year in copied text, the words do not.
func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if zhtext.IsHan(r) || unicode.IsLetter(r) {
			return r
		}
		return -1
	}, s)
}

func trigrams(s string) map[string]bool {
	r := []rune(s)
	out := make(map[string]bool, len(r))
	for i := 0; i+3 <= len(r); i++ {
		out[string(r[i:i+3])] = true
	}
	return out
}

// nearCopy is the share of a sentence's character trigrams a sentence of
// last year must contain for the sentence to count as copied with small
// edits ("2023年" → "2024年", a word swapped).
const nearCopy = 0.7

// maxCompared bounds the sentences compared on each side: a section has a
// few dozen, and near-copies are found by comparing every pair.
const maxCompared = 1000

// Copied measures how much of this year's text repeats last year's,
// sentence by sentence: identical once digits and punctuation are set
// aside, or sharing nearly all character trigrams with one of last year's
// sentences. Sentences under ten characters (“暂无。”) are not counted.
func Copied(last, this string) Copy {
	lastNorm := normalize(last)
	var lastGrams []map[string]bool
	for _, s := range splitSentences(last) {
		if len(lastGrams) == maxCompared {
			break
		}
		if n := normalize(s); len([]rune(n)) >= 10 {
			lastGrams = append(lastGrams, trigrams(n))
		}
	}
	var c Copy
	total := 0
	for k, s := range splitSentences(this) {
		if k == maxCompared {
			break // the share is over the sentences compared
		}
		n := normalize(s)
		size := zhtext.CountHan(n)
		total += size
		if size < 10 {
			continue
		}
		if strings.Contains(lastNorm, n) || nearlyIn(trigrams(n), lastGrams) {
			c.Chars += size
			if size > zhtext.CountHan(c.Example) {
				c.Example = strings.TrimSpace(s)
			}
		}
	}
	if total > 0 {
		c.Share = float64(c.Chars) / float64(total)
	}
	return c
}

func nearlyIn(g map[string]bool, in []map[string]bool) bool {
	if len(g) == 0 {
		return false
	}
	for _, h := range in {
		hit := 0
		for t := range g {
			if h[t] {
				hit++
			}
		}
		if float64(hit) >= nearCopy*float64(len(g)) {
			return true
		}
	}
	return false
}
