package zhtext

import (
	"strings"
	"unicode/utf8"
)

// IsHan reports a Chinese ideograph. The ranges are written out rather than
// looked up in unicode.Han because this runs on every character of a check.
func IsHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FA1F
}

// CountHan is the number of Chinese ideographs (IsHan) in s: how long a
// sentence is in the words that carry its meaning, leaving out digits,
// punctuation and Latin letters.
func CountHan(s string) int {
	n := 0
	for _, r := range s {
		if IsHan(r) {
			n++
		}
	}
	return n
}

// IsDigit reports an ASCII or a full-width digit.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// IsASCIIDigit reports 0–9 in a byte, for scanners that work on bytes.
func IsASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// DigitValue is the value of an ASCII or full-width digit, -1 otherwise.
func DigitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// hasFullWidthNumber is the cheap test FoldDigits makes first: most text
// has nothing to fold and is returned as is, without allocating.
func hasFullWidthNumber(s string) bool {
	// ０–９ are EF BC 90–99, ％ is EF BC 85 and ． is EF BC 8E in UTF-8;
	// looking for the lead byte is many times faster than decoding runes.
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xEF)
		if k < 0 || i+k+2 >= len(s) {
			return false
		}
		i += k
		if s[i+1] == 0xBC {
			if b := s[i+2]; b >= 0x90 && b <= 0x99 || b == 0x85 || b == 0x8E {
				return true
			}
		}
		i++
	}
}

// FoldDigits rewrites full-width digits, the full-width decimal point
// between digits and the full-width per-cent sign as ASCII, so
// “成功率９８．５％” reads like “成功率98.5%”. The full-width point is folded
// only between digits: elsewhere it is a heading separator (“一．”).
func FoldDigits(s string) string {
	if !hasFullWidthNumber(s) {
		return s
	}
	out, _ := foldDigits(s, false)
	return out
}

// HasFullWidthDigit reports whether s holds one of ０–９ (EF BC 90–99).
func HasFullWidthDigit(s string) bool {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xBC)
		if k < 0 {
			return false
		}
		i += k
		if i > 0 && i+1 < len(s) && s[i-1] == 0xEF && s[i+1] >= 0x90 && s[i+1] <= 0x99 {
			return true
		}
		i++
	}
}

// FoldDigitsWithOffsets is FoldDigits that also gives, for each byte
// offset of the folded text and its end, the offset in s it stands for: a
// match found in the folded text is then quoted from s as written.
func FoldDigitsWithOffsets(s string) (string, []int) {
	return foldDigits(s, true)
}

// foldDigits is FoldDigits, with the offsets when offsets is set.
func foldDigits(s string, offsets bool) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	var at []int
	if offsets {
		at = make([]int, 0, len(s)+1)
	}
	prevDigit := false
	for i, r := range s {
		n := b.Len()
		switch {
		case r >= '０' && r <= '９':
			b.WriteByte(byte('0' + r - '０'))
		case r == '％':
			b.WriteByte('%')
		case r == '．' && prevDigit:
			next, _ := utf8.DecodeRuneInString(s[i+len("．"):])
			if IsDigit(next) {
				b.WriteByte('.')
			} else {
				b.WriteRune(r)
			}
		case r == utf8.RuneError:
			// An invalid byte is kept as it is, byte for byte.
			_, w := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+w])
		default:
			b.WriteRune(r)
		}
		for ; offsets && n < b.Len(); n++ {
			at = append(at, i)
		}
		prevDigit = r >= '0' && r <= '9' || r >= '０' && r <= '９'
	}
	if offsets {
		at = append(at, len(s))
	}
	return b.String(), at
}

// IsSpace reports a visible blank between words: ASCII space and tab, the
// no-break space, the typographic spaces of U+2000–U+200A (en, em, thin,
// hair …), the narrow no-break and medium mathematical spaces, and the
// ideographic space U+3000 that Chinese drafters indent with. Word
// processors and web pages leave all of them; a rule that knows only ' '
// misreads “一是…\u2002二是…”.
func IsSpace(r rune) bool {
	switch {
	case r > '\u3000':
		return false // ideographs and full-width forms: one comparison for most of a report
	case r == ' ', r == '\t', r == '\u00a0', r == '\u3000', r == '\u202f', r == '\u205f', r == '\u1680':
		return true
	case r >= '\u2000' && r <= '\u200a':
		return true
	}
	return false
}

// IsInvisible reports the zero-width characters (zero-width space and
// joiners, word joiner, byte order mark) that pasted text carries: they take
// no cell and must be skipped when matching words.
func IsInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// IsBlank is IsSpace or IsInvisible.
func IsBlank(r rune) bool { return IsSpace(r) || IsInvisible(r) }

// IsCounted says whether r counts as a character of the text, as drafters
// and the templates' minimum lengths count them: anything but blanks and
// line ends.
func IsCounted(r rune) bool {
	return !IsBlank(r) && !IsLineEnd(r)
}

// CountChars is the number of characters of s that IsCounted: what the
// editor shows as 字数 and what section.short compares with min_chars.
func CountChars(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if PlainWideAt(s, i) {
			n++
			i += 3
			continue
		}
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = RuneAt(s, i) // full-width punctuation, mostly
		}
		if IsCounted(r) {
			n++
		}
		i += w
	}
	return n
}

// PlainWideAt reports whether s holds at byte i a valid three-byte
// character from U+4000–U+CFFF or U+E000–U+EFFF: most of a Chinese report,
// and never a blank, a line end, a control character, a quote or a
// mark that any rule looks for (those lead with C2, E1, E2, E3 or EF).
// Loops over a report's every character skip such a character by its
// bytes instead of decoding it.
func PlainWideAt(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	// One load for the lead and one test for both continuation bytes:
	// this is the step of the loops over every character.
	return plainWideLead[s[i]] && (s[i+1]^0x80)|(s[i+2]^0x80) < 0x40
}

// plainWideLead marks the lead bytes of PlainWideAt's characters.
var plainWideLead = func() (t [256]bool) {
	for b := 0xE4; b <= 0xEC; b++ {
		t[b] = true
	}
	t[0xEE] = true
	return t
}()

func isContinuation(b byte) bool { return b&0xC0 == 0x80 }

// IsLineEnd reports the characters that end a line: \n, \r, and the
// vertical tab and form feed some word processors export.
func IsLineEnd(r rune) bool { return r == '\n' || r == '\r' || r == '\v' || r == '\f' }

// TrimBlank trims IsBlank characters and line ends from both sides of s.
// The readers trim every paragraph and sentence, most of which start and
// end with a character or punctuation: each end is tested by its bytes
// first, and decoded only when it may be a blank.
func TrimBlank(s string) string {
	i := 0
	for i < len(s) {
		if b := s[i]; b < utf8.RuneSelf {
			if !isASCIIBlank(b) {
				break
			}
			i++
			continue
		}
		r, w := RuneAt(s, i)
		if !IsBlank(r) {
			break
		}
		i += w
	}
	j := len(s)
	for j > i {
		if b := s[j-1]; b < utf8.RuneSelf {
			if !isASCIIBlank(b) {
				break
			}
			j--
			continue
		}
		if j-3 >= i && PlainWideAt(s, j-3) {
			break
		}
		r, w := utf8.DecodeLastRuneInString(s[i:j])
		if !IsBlank(r) {
			break
		}
		j -= w
	}
	return s[i:j]
}

// isASCIIBlank reports the ASCII bytes IsBlank or IsLineEnd holds: space,
// tab, line feed, vertical tab, form feed and carriage return.
func isASCIIBlank(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }
