package check

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// Character classes used by the line scanner. The Chinese-text ones live
// in zhtext, shared with ingest and ui; the punctuation classes here are the
// check's own (which half-width marks count as misused).

func isHan(r rune) bool { return zhtext.IsHan(r) }

func isDigit(r rune) bool { return zhtext.IsDigit(r) }

func isCJKPunct(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '？', '！', '“', '”', '‘', '’', '（', '）', '《', '》', '【', '】', '「', '」', '—', '…', '·':
		return true
	}
	return false
}

func isCJKClose(r rune) bool {
	switch r {
	case '”', '’', '）', '》', '】', '」':
		return true
	}
	return false
}

func isCJKOpen(r rune) bool {
	switch r {
	case '“', '‘', '（', '《', '【', '「':
		return true
	}
	return false
}

// leftOfPunct and rightOfPunct say whether a half-width , ; : ? ! sits in
// Chinese text: after a Chinese character (or a number ending a Chinese
// phrase, as in “8.69%,低于”) and before Chinese or a number.
func leftOfPunct(r rune) bool {
	return isHan(r) || isCJKClose(r) || isDigit(r) || r == '%' || r == '％'
}

func rightOfPunct(r rune) bool { return isHan(r) || isCJKOpen(r) || isDigit(r) }

// enumBoundary is what may come before 一是: the start of the paragraph or
// punctuation, so 统一是 and 唯一是 are not taken for an enumeration.
func enumBoundary(r rune) bool {
	switch r {
	case 0, '。', '；', '，', '：', '！', '？', ';', ',', ':', '!', '?', '）', ')', '”', '、', '.':
		return true
	}
	return zhtext.IsBlank(r)
}

func isNumeral(r rune) bool { return numeralValue(r) > 0 }

func numeralValue(r rune) int { return zhtext.NumeralValue(r) }

// numeralBefore reads the Chinese numeral ending at rs[i]; width is how
// many runes it has.
func numeralBefore(rs []rune, i int) (n, width int) {
	a := i
	for a > 0 && i-a < 2 && isNumeral(rs[a-1]) {
		a--
	}
	for ; a <= i; a++ {
		if n = zhtext.ParseNumeralRunes(rs[a : i+1]); n > 0 {
			return n, i - a + 1
		}
	}
	return 0, 0
}

func numeral(n int) string { return model.ChineseNumeral(n) }

func headingLabel(level, n int) string { return model.HeadingNumber(level, n) }

// labelLike is heading number n written as label is written: a report
// that numbers its items "1、" is told that "1、" is missing, not the
// standard "1.", so the message does not read as a second complaint
// about its separators. It falls back to the standard form when label
// holds no number.
func labelLike(label string, level, n int) string {
	rs := []rune(label)
	start, end := -1, -1
	for i, r := range rs {
		if isNumeral(r) || r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			if start < 0 {
				start = i
			}
			end = i + 1
		} else if start >= 0 {
			break
		}
	}
	if start < 0 {
		return headingLabel(level, n)
	}
	var num string
	switch r := rs[start]; {
	case isNumeral(r):
		num = numeral(n)
	case r >= '０' && r <= '９':
		num = zhtext.FullWidthNumber(n)
	default:
		num = strconv.Itoa(n)
	}
	return string(rs[:start]) + num + string(rs[end:])
}

// headingOf recognises a numbered heading at the start of a line (see
// zhtext.ParseHeading, which the importer finds the outline with) and
// returns its level, number and the label as written.
func headingOf(s string) (level, n int, label string) {
	h, ok := zhtext.ParseHeading(s)
	if !ok || h.Index == 0 {
		return 0, 0, ""
	}
	return h.Level, h.Index, h.Label()
}

// runIn is what follows a run-in heading on its line: the text after the
// heading's closing 。 or ：, "" when the heading has the line to itself.
func runIn(heading string) string {
	i := zhtext.IndexAny(heading, "。：")
	if i < 0 {
		return ""
	}
	_, w := utf8.DecodeRuneInString(heading[i:])
	return heading[i+w:]
}

// unitAt returns the unit starting at rs[j] — a count unit, “%” or an
// amount — or "" when there is none or the character only begins an
// ordinary word (“县 人民政府”).
func unitAt(rs []rune, j int) string {
	if j >= len(rs) {
		return ""
	}
	var buf [4]rune
	k := copy(buf[:], rs[j:min(j+4, len(rs))])
	s := string(buf[:k])
	if zhtext.UnitWordAt(s) {
		return ""
	}
	return zhtext.UnitAt(s)
}

// placeholderMarks are the marks a placeholder repeats (××, ○○, □□).
// TestPlaceholderStartsNameEveryCase holds the list to placeholderIn's
// case for them.
const placeholderMarks = "×Ｘ○＿□"

// placeholderPhrase is a prompt a template leaves to be replaced, and
// where it counts as one.
type placeholderPhrase struct {
	text string
	fits func(s string, i int) bool // s holds text at byte i
}

func anywhere(string, int) bool { return true }

// placeholderPhrases are the prompts by their first character, each
// character's in the order they are tried (a longer one before its
// prefix).
var placeholderPhrases = func() map[rune][]placeholderPhrase {
	m := map[rune][]placeholderPhrase{}
	for _, p := range []placeholderPhrase{
		// 有待补充 is prose (“有待补充完善”), not a prompt.
		{"待补充", func(s string, i int) bool { return !strings.HasSuffix(s[:i], "有") }},
		{"待填写", anywhere},
		{"此处填写", anywhere},
		{"请填写", anywhere}, {"请补充", anywhere}, {"请在此处", anywhere},
		{"填写内容", anywhere},
		// An empty content control as Word shows it: the office's template
		// had a field there that the unit never filled.
		{"单击或点击此处输入", anywhere}, {"单击此处输入", anywhere}, {"单击或点击以输入", anywhere},
		// Word's bracketed prompts: [键入文档标题], ［键入文字］.
		{"键入", func(s string, i int) bool { return strings.HasSuffix(s[:i], "[") || strings.HasSuffix(s[:i], "［") }},
	} {
		r, _ := utf8.DecodeRuneInString(p.text)
		m[r] = append(m[r], p)
	}
	return m
}()

// placeholderWideStarts are the characters beyond ASCII a placeholder
// starts with: placeholderIn passes over every other one at a glance.
var placeholderWideStarts = func() *zhtext.RuneSet {
	starts := placeholderMarks
	for r := range placeholderPhrases {
		starts += string(r)
	}
	return zhtext.NewRuneSet(starts)
}()

// mayStartPlaceholder says whether the placeholder scan has anything to
// look at where rune r stands before next in a line: a doubled mark or
// letter (XX, ××, __), TODO's T, an English prompt's C, or the first two
// characters of a prompt. scanRunes asks it of each such character, so
// that placeholderIn runs only on the lines that can hold one, not on
// every line with 单 or 请.
func mayStartPlaceholder(r, next rune) bool {
	switch {
	case r == 'X' || r == 'x' || r == '_' || strings.ContainsRune(placeholderMarks, r):
		return next == r
	case r == 'T':
		return next == 'O'
	case r == 'C':
		return true
	}
	for _, p := range placeholderPhrases[r] {
		if _, w := utf8.DecodeRuneInString(p.text); strings.HasPrefix(p.text[w:], string(next)) {
			return true
		}
	}
	return false
}

// placeholderIn returns the first placeholder left in s: XXX, ××, ○○,
// underscores, or words such as 待补充 and 此处填写. It is one pass over s
// that looks further only at the few characters a placeholder starts with.
func placeholderIn(s string) string {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch b {
			case 'X', 'x', '_':
				j := i
				for j < len(s) && s[j] == b {
					j++
				}
				if j-i >= 2 && (b == '_' || !isASCIILetter(byteAt(s, i-1)) && !isASCIILetter(byteAt(s, j)) && !maskedName(s, i, j)) {
					return s[i:j]
				}
				i = j
				continue
			case 'T':
				if strings.HasPrefix(s[i:], "TODO") {
					return "TODO"
				}
			case 'C':
				// An empty content control of English Word.
				for _, p := range wordPromptsEN {
					if strings.HasPrefix(s[i:], p) {
						return p
					}
				}
			}
			i++
			continue
		}
		r, w := rune(0), 3
		if v, ok := zhtext.ThreeByteAt(s, i); ok {
			r = v // zhtext.RuneAt, written out: this runs over most lines
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if !placeholderWideStarts.Has(r) {
			i += w // nearly every character: one lookup, not the switch below
			continue
		}
		rest := s[i:]
		switch r {
		case '×', 'Ｘ', '○', '＿', '□':
			if r2, _ := utf8.DecodeRuneInString(s[i+w:]); r2 == r {
				j := i + 2*w
				for strings.HasPrefix(s[j:], s[i:i+w]) {
					j += w
				}
				if r == '＿' || !maskedName(s, i, j) {
					return s[i : i+2*w]
				}
				i = j
				continue
			}
		default:
			for _, p := range placeholderPhrases[r] {
				if strings.HasPrefix(rest, p.text) && p.fits(s, i) {
					return p.text
				}
			}
		}
		i += w
	}
	return ""
}

// unfilledAfter are the characters after which a mark is a blank to fill
// (“××县”, “××件”, “××年”) even when a surname stands before it.
const unfilledAfter = "县市区镇乡村局委办厅省州旗年月日元万亿号"

// maskedName says whether the marks at s[i:j] hide a name rather than
// hold a place: after a common surname or 某 (“某××公司”), and not before
// a unit, a digit or a place or office word.
func maskedName(s string, i, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	// The surnames the name rule of the publication scan knows.
	if prev != '某' && !surnameSet.Has(prev) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if next == utf8.RuneError && j < len(s) || zhtext.IsDigit(next) || zhtext.IsPercentSign(next) ||
		zhtext.IsCountUnitRune(next) || strings.ContainsRune(unfilledAfter, next) {
		return false
	}
	return true
}

// wordPromptsEN are the prompts English Word shows in an empty content
// control.
var wordPromptsEN = []string{"Click or tap here to enter", "Click here to enter", "Click or tap to enter", "Choose an item"}

func byteAt(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	return s[i]
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
