package zhtext

import (
	"strings"
	"unicode/utf8"
)

// HeadingNumber is the number a report's heading opens with, as drafters
// and scrapers write them (full-width or ASCII brackets, 、 or a comma or
// a dot after the number):
//
//	level 1: 一、 一， 一． and 第一部分
//	level 2: （一）
//	level 3: 1. 1、 1，
//	level 4: （1） and the decimal subheading 1.2
//
// The importer finds a report's outline with it and the check reads the
// numbering of headings with it, so the two never disagree on what is a
// heading: "一、二季度" is a range of quarters and "1.5万人次" an amount to
// both.
type HeadingNumber struct {
	Level int
	// Index is the number's value: 一 = 1, and 2 for the decimal
	// subheading 1.2.
	Index int
	// Prefix is the line up to the heading's text: the blanks before the
	// number, the number, its mark and the blanks after it.
	Prefix string
}

// Label is the number as written, without the blanks around it: "一、",
// "（一）", "1.2".
func (h HeadingNumber) Label() string { return strings.Trim(h.Prefix, " \t\u3000") }

// ParseHeading recognises a heading number at the start of s; false when
// s opens with none. It looks only at the line's first characters:
// most lines open with no numeral, bracket, digit or 第 and are passed
// over at once.
func ParseHeading(s string) (HeadingNumber, bool) {
	i := skipHeadingBlanks(s, 0, true)
	r, w := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == '(' || r == '（':
		return bracketHeading(s, i+w)
	case r == '第':
		return partHeading(s, i+w)
	case NumeralValue(r) != 0:
		return numeralHeading(s, i)
	case IsDigit(r):
		if h, ok, decimal := decimalHeading(s, i); decimal {
			return h, ok
		}
		return digitHeading(s, i)
	}
	return HeadingNumber{}, false
}

// headingMarks are the marks after a heading's number.
const headingMarks = "、,，.．"

// numeralHeading is "一、": one to three numerals, blanks, a mark, and no
// numeral after it ("一、二季度" is a range of quarters).
func numeralHeading(s string, i int) (HeadingNumber, bool) {
	j, n := runOf(s, i, isNumeral)
	if n > 3 {
		return HeadingNumber{}, false
	}
	k := skipHeadingBlanks(s, j, false)
	end, ok := markAt(s, k, headingMarks)
	if !ok {
		return HeadingNumber{}, false
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); NumeralValue(r) != 0 {
		return HeadingNumber{}, false
	}
	return HeadingNumber{Level: 1, Index: ParseNumeral(s[i:j]), Prefix: s[:end]}, true
}

// bracketHeading is "（一）" (level 2) or "（1）" (level 4) after the
// opening bracket at byte j: one to three numerals or one or two digits,
// the closing bracket, and an optional mark after it.
func bracketHeading(s string, j int) (HeadingNumber, bool) {
	j = skipHeadingBlanks(s, j, false)
	level, end, n := 2, 0, 0
	var index int
	if r, _ := utf8.DecodeRuneInString(s[j:]); NumeralValue(r) != 0 {
		end, n = runOf(s, j, isNumeral)
		if n > 3 {
			return HeadingNumber{}, false
		}
		index = ParseNumeral(s[j:end])
	} else {
		level = 4
		end, n = runOf(s, j, IsDigit)
		if n == 0 || n > 2 {
			return HeadingNumber{}, false
		}
		index = digitsValue(s[j:end])
	}
	k := skipHeadingBlanks(s, end, false)
	k, ok := markAt(s, k, ")）")
	if !ok {
		return HeadingNumber{}, false
	}
	k = skipHeadingBlanks(s, k, false)
	if after, ok := markAt(s, k, headingMarks); ok {
		k = after
	}
	return HeadingNumber{Level: level, Index: index, Prefix: s[:k]}, true
}

// partHeading is "第一部分" after the 第 at byte j. Run straight into
// words that make a sentence ("第一部分执法人员参加了培训。", the first
// group of them), it is prose.
func partHeading(s string, j int) (HeadingNumber, bool) {
	end, n := runOf(s, j, isNumeral)
	if n == 0 || n > 3 || !strings.HasPrefix(s[end:], "部分") {
		return HeadingNumber{}, false
	}
	end += len("部分")
	k := skipHeadingBlanks(s, end, true)
	if after, ok := markAt(s, k, headingMarks+":："); ok {
		k = after
	}
	if k == end && partRunsOn(s[k:]) {
		return HeadingNumber{}, false
	}
	return HeadingNumber{Level: 1, Index: ParseNumeral(s[j : end-len("部分")]), Prefix: s[:k]}, true
}

// partRunsOn says whether the words right after "第一部分" make a
// sentence, not a part's title: they hold a clause break or a full stop.
func partRunsOn(rest string) bool { return strings.ContainsAny(rest, "。，；,;！？") }

// digitHeading is "1." or "1、": one or two digits, blanks, a mark, and
// no digit or end of line after it ("1.5万", "3、4月" are numbers).
func digitHeading(s string, i int) (HeadingNumber, bool) {
	j, n := runOf(s, i, IsDigit)
	if n > 2 {
		return HeadingNumber{}, false
	}
	k := skipHeadingBlanks(s, j, false)
	end, ok := markAt(s, k, headingMarks)
	if !ok {
		return HeadingNumber{}, false
	}
	if r, _ := utf8.DecodeRuneInString(s[end:]); IsDigit(r) || end == len(s) {
		return HeadingNumber{}, false
	}
	return HeadingNumber{Level: 3, Index: digitsValue(s[i:j]), Prefix: s[:end]}, true
}

// decimalHeading reads "1.2 推进依法决策", the second level below "1.", as
// reports numbered the Western way write it. decimal is true when s opens
// with digits, a dot and a digit: then it is a decimal subheading or no
// heading at all, never a "1." one. An amount ("1.5万件", "1.2 亿元") or a
// date opening a sentence ("12.4国家宪法日期间") is no heading.
func decimalHeading(s string, i int) (h HeadingNumber, ok, decimal bool) {
	j, n := runOf(s, i, IsDigit)
	dot, isDot := markAt(s, j, ".．")
	if !isDot {
		return HeadingNumber{}, false, false
	}
	if r, _ := utf8.DecodeRuneInString(s[dot:]); !IsDigit(r) {
		return HeadingNumber{}, false, false
	}
	if n > 2 {
		return HeadingNumber{}, false, true
	}
	end, m := runOf(s, dot, IsDigit)
	if m > 2 {
		end = dot + secondDigitEnd(s, dot)
	}
	k := skipHeadingBlanks(s, end, true)
	rest := s[k:]
	r, _ := utf8.DecodeRuneInString(rest)
	part, sub := digitsValue(s[i:j]), digitsValue(s[dot:end])
	if r < 0x4E00 || r > 0x9FFF || strings.ContainsRune(amountStarts, r) || !decimalHeadingShape(part, sub, rest) {
		return HeadingNumber{}, false, true
	}
	return HeadingNumber{Level: 4, Index: sub, Prefix: s[:k]}, true, true
}

// secondDigitEnd is the width of the first two digits at byte i.
func secondDigitEnd(s string, i int) int {
	_, w1 := utf8.DecodeRuneInString(s[i:])
	_, w2 := utf8.DecodeRuneInString(s[i+w1:])
	return w1 + w2
}

// amountStarts are the characters that follow a decimal number in an
// amount ("1.5万件", "2.3倍", "1.2亿元"), never a subheading's first word.
const amountStarts = "万亿千百十倍余多个件次人名场户元项家所份卷条个年月日天时分秒"

// decimalHeadingShape says whether a line numbered part.sub reads as a
// subheading rather than a date opening a sentence ("12.4国家宪法日期间，…",
// "3.15消费者权益日当天…"): both numbers are single digits, and the title
// is short, on a line of its own or run into its paragraph up to the first
// full stop ("1.2 强化合法性审查，推进依法决策。一是…").
func decimalHeadingShape(part, sub int, rest string) bool {
	if part > 9 || sub > 9 {
		return false
	}
	title := rest
	if i := strings.IndexAny(rest, "。：；;！？"); i >= 0 {
		title = rest[:i]
	}
	return utf8.RuneCountInString(title) <= 30 && !opensWithOccasion(title)
}

// opensWithOccasion says whether a line after a single-digit date reads
// as the day it names: "6.1儿童节期间，…", "5.1劳动节前夕…", "3.5学雷锋日，…",
// "8.1建军节当天走访…". It opens with the short name of a festival or a
// day of observance (up to 节 or 日) that a word of time or a break
// follows, or its first phrase ends with a word of time ("7.1前后"). A
// subheading's title with 节 or 日 in it ("1.2 抓好关键环节", "1.3 做好节日
// 期间执法") is not one.
func opensWithOccasion(title string) bool {
	runes := 0
	for i, r := range title {
		if runes++; runes > 8 {
			break
		}
		if r != '节' && r != '日' {
			continue
		}
		name, after := title[:i+len("节")], title[i+len("节"):]
		if HasSuffixAny(name, notOccasions) {
			continue
		}
		if after == "" || HasPrefixAny(after, occasionTimes) || HasPrefixAny(after, []string{"，", ",", "、", " ", "\u3000"}) {
			return true
		}
	}
	phrase := title
	if i := strings.IndexAny(title, "，,、 \t\u3000"); i >= 0 {
		phrase = title[:i]
	}
	return utf8.RuneCountInString(phrase) <= 12 && HasSuffixAny(phrase, occasionTimes)
}

// occasionTimes are the words that place a sentence around a day.
var occasionTimes = []string{"期间", "当天", "当日", "前夕", "前后", "之际"}

// notOccasions end in 节 or 日 without naming a day.
var notOccasions = []string{"环节", "细节", "章节", "季节", "调节", "情节", "礼节", "关节", "工作日", "每日", "近日", "时日", "节假日", "节日"}

// ParseNumeral reads 一 to 九十九 as official documents write them
// (十, 十二, 二十, 二十三); 0 for anything else ("一十", "十十").
func ParseNumeral(s string) int {
	var rs [4]rune
	n := 0
	for _, r := range s {
		if n == len(rs) {
			return 0
		}
		rs[n] = r
		n++
	}
	return ParseNumeralRunes(rs[:n])
}

// ParseNumeralRunes is ParseNumeral of rs.
func ParseNumeralRunes(rs []rune) int {
	switch len(rs) {
	case 1:
		return NumeralValue(rs[0])
	case 2:
		a, b := NumeralValue(rs[0]), NumeralValue(rs[1])
		switch {
		case a == 10 && b > 0 && b < 10:
			return 10 + b
		case a > 1 && a < 10 && b == 10:
			return a * 10
		}
	case 3:
		a, b, c := NumeralValue(rs[0]), NumeralValue(rs[1]), NumeralValue(rs[2])
		if a > 1 && a < 10 && b == 10 && c > 0 && c < 10 {
			return a*10 + c
		}
	}
	return 0
}

func isNumeral(r rune) bool { return NumeralValue(r) != 0 }

// runOf is the end of the run of characters f accepts from byte i, and
// how many there are.
func runOf(s string, i int, f func(rune) bool) (end, n int) {
	for end = i; end < len(s); n++ {
		r, w := utf8.DecodeRuneInString(s[end:])
		if !f(r) {
			break
		}
		end += w
	}
	return end, n
}

// skipHeadingBlanks is the end of the run of spaces and tabs from byte i, and
// of ideographic spaces (U+3000) too when ideographic is set. It tests
// bytes: every line of a report passes through it.
func skipHeadingBlanks(s string, i int, ideographic bool) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t':
			i++
		case ideographic && i+2 < len(s) && s[i] == 0xE3 && s[i+1] == 0x80 && s[i+2] == 0x80:
			i += 3
		default:
			return i
		}
	}
	return i
}

// markAt is the end of the one character of marks at byte i.
func markAt(s string, i int, marks string) (int, bool) {
	r, w := utf8.DecodeRuneInString(s[i:])
	if w == 0 || r == utf8.RuneError || !strings.ContainsRune(marks, r) {
		return i, false
	}
	return i + w, true
}

// digitsValue is the value of a run of ASCII or full-width digits.
func digitsValue(s string) int {
	v := 0
	for _, r := range s {
		v = v*10 + DigitValue(r)
	}
	return v
}
