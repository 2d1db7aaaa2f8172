package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestCountItemsEqualsRegexp(t *testing.T) {
	texts := []string{"", "一是加强", "一是加强；二是完善。三是", "  二是", "，一二三四是", "，十一是", "是", "一是是", "。\t三是", "主要是", "总体上是", "，一二是，三是"}
	alphabet := []string{"一", "二", "十", "是", "。", "，", ",", ";", ":", " ", "\t", "要", "a", "\u3000"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		texts = append(texts, randomText(rng, alphabet, rng.IntN(12)+1))
	}
	for _, s := range texts {
		if got, want := countItems(s), len(itemRe().FindAllStringIndex(s, -1)); got != want {
			t.Fatalf("countItems(%q) = %d, want %d", s, got, want)
		}
	}
}

// A heading mayNormalize passes over is one normalizeHeading's mapping
// leaves as it is.
func TestMayNormalizeMissesNothing(t *testing.T) {
	alphabet := []string{"法", "治", "、", "“", "”", "‘", "’", "「", "」", "《", "》", "\"", "'", " ", "\t", "\u3000", "\u00a0", "\u2002", "\u200b", "\ufeff", "\u1680", "（", "一", "a", "\n"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		s := randomText(rng, alphabet, rng.IntN(8)+1)
		mapped := strings.Map(func(r rune) rune {
			if isSpace(r) || strings.ContainsRune("“”\"'‘’「」《》", r) {
				return -1
			}
			return r
		}, s)
		if !mayNormalize(s) && mapped != s {
			t.Fatalf("mayNormalize(%q) = false, but normalizing gives %q", s, mapped)
		}
	}
}

// longerThan is runeLen(s) > n, for every length around the bounds.
func TestLongerThanIsRuneCount(t *testing.T) {
	alphabet := []string{"a", "法", "\U0001F600", "é", "\xff"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		s := randomText(rng, alphabet, rng.IntN(40))
		n := rng.IntN(45)
		if got, want := longerThan(s, n), runeLen(s) > n; got != want {
			t.Fatalf("longerThan(%q, %d) = %v, want %v", s, n, got, want)
		}
	}
}

// looksBinary decides as its definition over runes does: control
// characters (other than line ends and tabs) counted against every rune
// of the first 65,536, on the valid UTF-8 it is given.
func TestLooksBinaryMatchesDefinition(t *testing.T) {
	byRune := func(text string) bool {
		if strings.IndexByte(text, 0) >= 0 {
			return true
		}
		n, ctrl := 0, 0
		for _, r := range text {
			n++
			if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
				ctrl++
			}
			if n >= 1<<16 {
				break
			}
		}
		return n > 0 && ctrl*50 > n
	}
	// Valid UTF-8 only: every decoder before looksBinary yields it.
	alphabet := []string{"法", "a", "\x01", "\x7f", "\u0085", "\u009f", "\u00a0", "é", "\n", "\t", "\U0001F600", "\u3000"}
	rng := rand.New(rand.NewPCG(15, 16))
	texts := []string{"", strings.Repeat("法", 70000) + strings.Repeat("\x01", 5000)}
	// Around the end of the sample, which the eight-byte steps must not
	// step over.
	for _, k := range []int{65520, 65528, 65529, 65535, 65536, 65537} {
		texts = append(texts, strings.Repeat("\x01", 1311)+strings.Repeat("a", k-1311)+strings.Repeat("\x7f", 40),
			strings.Repeat("a", k)+strings.Repeat("\x01", 3000), strings.Repeat("é", k/2)+strings.Repeat("\u0085", 1400))
	}
	for range 20000 {
		texts = append(texts, randomText(rng, alphabet, rng.IntN(60)+1), randomText(rng, alphabet[:2], 30)+randomText(rng, alphabet, 10))
	}
	for _, s := range texts {
		if got, want := looksBinary(s), byRune(s); got != want {
			t.Fatalf("looksBinary(%q) = %v, want %v", s, got, want)
		}
	}
}

// randomText joins n pieces of alphabet drawn by rng: the inputs on which
// the hand-written scanners are held equal to what they replace.
func randomText(rng *rand.Rand, alphabet []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}
