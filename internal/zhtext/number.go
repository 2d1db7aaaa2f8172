package zhtext

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Qualifier says how a stated number bounds the true value.
type Qualifier int

// Qualifiers. Exact is the zero value.
const (
	Exact Qualifier = iota
	Over            // the true value is at least this: 以上, 超过, 逾, 不少于, 300余件, 20多个
	Under           // the true value is at most this: 近, 将近, 不足, 不到, 以下, 不超过
	About           // roughly this: 约, 大约, 左右
)

// String is the stable English name used in JSON evidence.
func (q Qualifier) String() string {
	switch q {
	case Exact:
		return "exact"
	case Over:
		return "over"
	case Under:
		return "under"
	case About:
		return "about"
	}
	return "qualifier(" + strconv.Itoa(int(q)) + ")"
}

// Number is a number read from prose.
type Number struct {
	Value      float64   // with 万 or 亿 applied
	Text       string    // the digits as written, folded to ASCII, without thousands separators: "1927", "99.27"
	Decimals   int       // digits after the decimal point as written
	Multiplier string    // "万", "亿" or ""
	Unit       string    // see UnitAt; "" when none follows
	Qualifier  Qualifier // from the words on either side
	QualWord   string    // the qualifying word as written (“约”, “以上”), "" for Exact
	Ordinal    bool      // 第3次: a position, not a count
	// Start is the byte offset of the first digit; QualStart that of a
	// qualifier before it (Start when there is none); End is just past the
	// unit and any qualifier after it.
	Start, QualStart, End int
}

// prefixQualifiers may stand just before a number, longest first.
var prefixQualifiers = []struct {
	word string
	q    Qualifier
}{
	{"不少于", Over}, {"不低于", Over}, {"不超过", Under}, {"不高于", Under},
	{"将近", Under}, {"接近", Under}, {"大约", About}, {"超过", Over}, {"多于", Over},
	{"高于", Over}, {"低于", Under}, {"少于", Under}, {"不足", Under}, {"不到", Under},
	{"约", About}, {"近", Under}, {"逾", Over}, {"超", Over},
}

// suffixQualifiers may follow a number and its unit.
var suffixQualifiers = []struct {
	word string
	q    Qualifier
}{
	{"以上", Over}, {"之多", Over}, {"以下", Under}, {"以内", Under}, {"左右", About},
}

// digitAt returns the digit rune at s[i:] and its width, or 0, 0.
func digitAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if IsASCIIDigit(s[i]) {
		return rune(s[i]), 1
	}
	if s[i] == 0xEF {
		if r, w := utf8.DecodeRuneInString(s[i:]); r >= '０' && r <= '９' {
			return r, w
		}
	}
	return 0, 0
}

// startsNumber reports whether a number starts at byte i of s: a digit not
// preceded by a digit or a decimal point.
func startsNumber(s string, i int) bool {
	if r, _ := digitAt(s, i); r == 0 {
		return false
	}
	if i == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(s[:i])
	return !IsDigit(p) && p != '.' && p != '．'
}

// ScanNumber reads the number that starts at byte i of s (see the package
// documentation for what it understands). ok is false when no number starts
// there.
func ScanNumber(s string, i int) (n Number, ok bool) {
	if !startsNumber(s, i) {
		return Number{}, false
	}
	j := i
	plain := true // ASCII digits only: Text is a substring, no allocation
	for {
		if r, w := digitAt(s, j); r != 0 {
			plain = plain && w == 1
			j += w
			continue
		}
		// “1,200”: a comma followed by exactly three digits and no fourth.
		if GroupingCommaAt(s, j) {
			plain = false
			j++
			continue
		}
		break
	}
	n.Start, n.QualStart = i, i
	if w := decimalPointAt(s, j); w > 0 {
		if r, _ := digitAt(s, j+w); r != 0 {
			plain = plain && w == 1
			j += w
			for {
				r, dw := digitAt(s, j)
				if r == 0 {
					break
				}
				plain = plain && dw == 1
				n.Decimals++
				j += dw
			}
		}
	}
	if plain {
		n.Text = s[i:j]
	} else {
		n.Text = foldNumber(s[i:j])
	}
	v, err := strconv.ParseFloat(n.Text, 64)
	if err != nil {
		return Number{}, false
	}
	n.Value = v
	// The words after the number: 余/多, 万/亿, 余/多 again, a unit.
	k := skipBlanks(s, j, 2)
	if q, w := vagueAt(s, k); w > 0 {
		n.Qualifier, n.QualWord, k = q, s[k:k+w], k+w
	}
	switch {
	case strings.HasPrefix(s[k:], "万") && !strings.HasPrefix(s[k:], "万元"):
		n.Value *= 1e4
		n.Multiplier = "万"
		k += len("万")
	case strings.HasPrefix(s[k:], "亿") && !strings.HasPrefix(s[k:], "亿元"):
		n.Value *= 1e8
		n.Multiplier = "亿"
		k += len("亿")
	}
	if n.Multiplier != "" {
		if q, w := vagueAt(s, k); w > 0 {
			n.Qualifier, n.QualWord, k = q, s[k:k+w], k+w
		}
	}
	n.End = j
	if u := UnitAt(s[k:]); u != "" {
		n.Unit = u
		if u == "万元" || u == "亿元" {
			n.Multiplier = u[:len("万")]
			if u == "万元" {
				n.Value *= 1e4
			} else {
				n.Value *= 1e8
			}
			n.Unit = "元"
		}
		k += len(u)
		n.End = k
	} else if n.Multiplier != "" || n.Qualifier != Exact {
		n.End = k
	}
	for _, sq := range suffixQualifiers {
		if strings.HasPrefix(s[n.End:], sq.word) {
			if n.Qualifier == Exact {
				n.Qualifier, n.QualWord = sq.q, sq.word
			}
			n.End += len(sq.word)
			break
		}
	}
	// The words before it: 约, 近, 超过 … or 第.
	before := strings.TrimRightFunc(s[:i], IsBlank)
	if strings.HasSuffix(before, "第") {
		n.Ordinal = true
	}
	for _, pq := range prefixQualifiers {
		if strings.HasSuffix(before, pq.word) {
			n.Qualifier, n.QualWord = pq.q, pq.word
			n.QualStart = len(before) - len(pq.word)
			break
		}
	}
	return n, true
}

// foldNumber writes a number with full-width digits or thousands
// separators as plain ASCII digits.
func foldNumber(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case DigitValue(r) >= 0:
			b = append(b, byte('0'+DigitValue(r)))
		case r == '.' || r == '．':
			b = append(b, '.')
		}
	}
	return string(b)
}

// vagueAt reads 余 or 多 after a number: “300余件”, “20多个” state a lower
// bound. 多 is taken only before a unit or 万/亿, so “3多” in other words is
// left alone.
func vagueAt(s string, k int) (Qualifier, int) {
	switch {
	case strings.HasPrefix(s[k:], "余"):
		return Over, len("余")
	case strings.HasPrefix(s[k:], "多"):
		rest := s[k+len("多"):]
		if UnitAt(rest) != "" || strings.HasPrefix(rest, "万") || strings.HasPrefix(rest, "亿") {
			return Over, len("多")
		}
	}
	return Exact, 0
}

// GroupingCommaAt reports whether the ASCII comma at byte i of s groups
// a number's digits, as in “1,204件” and “12,385,000元”: one to three
// digits before it since the number's start or the last such comma, and
// exactly three after. Anything else (“3,4月”, “2023,2024年”, “12345,678”)
// separates two numbers. It is the one rule of a thousands separator: the
// figure reader, the number scanner and the rules that cut a sentence
// into clauses all ask it, so they never disagree on where a number ends.
func GroupingCommaAt(s string, i int) bool {
	if i >= len(s) || s[i] != ',' || !threeDigitsAt(s, i+1) {
		return false
	}
	n := 0
	for j := i; j > 0 && n <= 3; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !IsDigit(r) {
			break
		}
		n++
		j -= w
	}
	return n >= 1 && n <= 3
}

func threeDigitsAt(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !IsASCIIDigit(s[k]) {
			return false
		}
	}
	return i+3 == len(s) || !IsASCIIDigit(s[i+3])
}

// decimalPointAt is the width of the decimal point at byte i, 0 if none.
func decimalPointAt(s string, i int) int {
	if i < len(s) && s[i] == '.' {
		return 1
	}
	if strings.HasPrefix(s[i:], "．") {
		return len("．")
	}
	return 0
}

// skipBlanks skips at most max blank characters from byte i: “6.5 %” still
// carries its unit (the stray space is a typography finding of its own).
func skipBlanks(s string, i, max int) int {
	for n := 0; n < max && i < len(s); n++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

// DecimalsOf is the number of digits after the decimal point of a number
// written as ASCII digits ("12.50" → 2, "120" → 0), as Number.Text holds it.
func DecimalsOf(text string) int {
	if i := strings.IndexByte(text, '.'); i >= 0 {
		return len(text) - i - 1
	}
	return 0
}

// Step is the value of the last digit written: "50" → 1, "12.5" → 0.1. A
// stated value within a step of a computed one may be that value truncated
// or rounded to the digits written.
func Step(text string) float64 { return math.Pow10(-DecimalsOf(text)) }

// NextNumber returns the first number that starts at or after byte from,
// for scanners that look at numbers one by one without collecting them.
func NextNumber(s string, from int) (Number, bool) {
	for i := max(from, 0); i < len(s); i++ {
		// Full-width digits are EF BC 90–99; the full-width comma (EF BC 8C)
		// shares the lead bytes, so look at the third byte too.
		if b := s[i]; !IsASCIIDigit(b) && !(b == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99) {
			continue
		}
		if n, ok := ScanNumber(s, i); ok {
			n.End = max(n.End, i+1)
			return n, true
		}
	}
	return Number{}, false
}

// NumeralValue is the value of a Chinese numeral character, 一 to 十
// (1 to 10); 0 for any other character. It is asked of most characters
// of a report, nearly all outside 一 (U+4E00) … 四 (U+56DB), the lowest
// and highest of them: that test is inlined and the switch runs only
// inside the range.
func NumeralValue(r rune) int {
	if r < '一' || r > '四' {
		return 0
	}
	return numeralValue(r)
}

func numeralValue(r rune) int {
	switch r {
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	case '十':
		return 10
	}
	return 0
}

// FullWidthNumber writes n in full-width digits (１２), as a report that
// numbers its items １．２． is answered in its own digits.
func FullWidthNumber(n int) string {
	return strings.Map(func(d rune) rune {
		if d >= '0' && d <= '9' {
			return d - '0' + '０'
		}
		return d
	}, strconv.Itoa(n))
}
