package zhtext

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// AppendRunes appends the characters of s to dst, as `for _, r := range s`
// gives them (an invalid byte is utf8.RuneError). Report text is mostly
// three-byte characters, which it decodes inline; the range loop calls
// the runtime's decoder for each, and the check converts every line.
func AppendRunes(dst []rune, s string) []rune {
	// Room for the most runes s can hold, one per byte, so the loop
	// stores without append's capacity test.
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	for i := 0; i < len(s); n++ {
		if r, ok := ThreeByteAt(s, i); ok {
			dst[n] = r
			i += 3
			continue
		}
		if s[i] < utf8.RuneSelf {
			dst[n] = rune(s[i])
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		dst[n] = r
		i += w
	}
	return dst[:n]
}

// RuneCount is utf8.RuneCountInString, with AppendRunes's inline
// three-byte path.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		switch {
		case s[i] < utf8.RuneSelf:
			i++
		case isThreeByte(s, i):
			i += 3
		default:
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
	}
	return n
}

// ThreeByteAt decodes the character at s[i] when it is a valid three-byte
// one led by E1–EC or EE–EF: with those leads any two continuation bytes
// make a valid character (E0 has overlong forms and ED the surrogates,
// which are left to utf8). That is all of Chinese text but a few symbols,
// and all of its punctuation, decoded without a call to utf8 for scans
// that run over every character.
//
// It is written to be inlined (the loops that call it run per character):
// b0-0xE1 <= 0x0E is the lead's range, and (b1^0x80)|(b2^0x80) < 0x40
// says both others are continuation bytes.
func ThreeByteAt(s string, i int) (rune, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	b0, b1, b2 := s[i], s[i+1]^0x80, s[i+2]^0x80
	if b0-0xE1 > 0xEF-0xE1 || b0 == 0xED || b1|b2 >= 0x40 {
		return 0, false
	}
	return rune(b0&0x0F)<<12 | rune(b1)<<6 | rune(b2), true
}

func isThreeByte(s string, i int) bool {
	_, ok := ThreeByteAt(s, i)
	return ok
}

// IndexWide is strings.Index(s, sub). For a sub that starts with a
// three-byte character (Chinese text) it searches for that character's
// last byte, one of sixty-four continuation bytes, where strings.Index
// searches for its lead byte, which a sixth of all Chinese characters
// share (是 and 年 lead with E5 and E6, the commonest), and checks the
// bytes around. The keyword searches that run for every number of a
// report go through it.
func IndexWide(s, sub string) int {
	if len(sub) < 3 || sub[0] < 0xE0 || sub[0] > 0xEF {
		return strings.Index(s, sub)
	}
	return IndexAnchored(s, sub, 2)
}

// IndexAnchored is strings.Index(s, sub), found by searching s for
// sub[k], a byte the caller knows to be rare in s, and comparing the
// bytes around each place it occurs. k must be an index into sub.
func IndexAnchored(s, sub string, k int) int {
	// A match starting at p has sub[k] at p+k, and p+len(sub) must not
	// pass the end.
	end := len(s) - len(sub) + k + 1
	for from := k; from < end; {
		j := strings.IndexByte(s[from:end], sub[k])
		if j < 0 {
			return -1
		}
		start := from + j - k
		// The first byte before the call: most places the rare byte
		// occurs are another character's (a continuation byte is
		// shared by a sixty-fourth of all characters).
		if s[start] == sub[0] && s[start:start+len(sub)] == sub {
			return start
		}
		from += j + 1
	}
	return -1
}

// ContainsWide is strings.Contains through IndexWide.
func ContainsWide(s, sub string) bool { return IndexWide(s, sub) >= 0 }

// RuneAt is utf8.DecodeRuneInString(s[i:]) for i inside s, with
// ThreeByteAt's characters decoded inline. It is too big for Go to
// inline; the loops that decode every character of a report (AppendRunes,
// check's placeholderIn) write its two cases out instead.
func RuneAt(s string, i int) (rune, int) {
	if r, ok := ThreeByteAt(s, i); ok {
		return r, 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// IndexAny is strings.IndexAny(s, chars) for a set of a few characters
// with some beyond ASCII (“。：”, “。！？!?”): one strings.Index per
// character, where strings.IndexAny decodes every character of s and
// looks it up in the set. Each character starts with a byte that is
// never inside another's (ASCII or a lead byte), so the first place its
// bytes occur is where strings.IndexAny finds it, stray bytes or not.
// TestIndexAnyEqualsStrings holds the two equal.
func IndexAny(s, chars string) int {
	first := -1
	for i, w := 0, 0; i < len(chars); i += w {
		_, w = utf8.DecodeRuneInString(chars[i:])
		if j := strings.Index(s, chars[i:i+w]); j >= 0 && (first < 0 || j < first) {
			first = j
			s = s[:j] // a later character can only come first before it
		}
	}
	return first
}
