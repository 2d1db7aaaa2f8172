package zhtext

import "strings"

// Which year a clause of a report speaks of. A report compares itself with
// the year before ("2023年受理41件，2024年受理52件", "去年受理37件，今年52
// 件"); numbers of the other year are not the report's figures, nor the
// counts of its rates. Both the importer's figure reading and the check's
// rate rules ask here.

// PreviousYearWords name the year before the report's.
var PreviousYearWords = []string{"上年", "去年", "上一年", "同期", "上年度"}

// ThisYearWords name the report's own year within a clause.
var ThisYearWords = []string{"今年", "本年", "当年", "全年"}

// FourDigits reads a year written as four ASCII digits, the whole of s.
func FourDigits(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	v := 0
	for i := 0; i < 4; i++ {
		if !IsASCIIDigit(s[i]) {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// LedByAnotherYear says whether a clause, up to a number in it, opens
// with another year ("2023年全县收到行政复议申请41件", "去年受理37件",
// "（上年结转8件）") and does not go on to name the report's own: its
// numbers are that year's. year 0 (not known) leaves years written in
// digits alone.
func LedByAnotherYear(clause string, year int) bool {
	c := trimLeadingBlanks(clause)
	// It runs for every number: a clause that starts with neither a digit
	// nor the first character of a previous-year word (上, 去, 同) is let go
	// at once.
	if c == "" || !(c[0] >= '1' && c[0] <= '2') && !strings.HasPrefix(c, "上") && !strings.HasPrefix(c, "去") && !strings.HasPrefix(c, "同") {
		return false
	}
	other := false
	for _, w := range PreviousYearWords {
		if strings.HasPrefix(c, w) {
			other = true
			break
		}
	}
	if !other && year != 0 {
		v, ok := leadingYear(c)
		other = ok && v != year
	}
	if !other {
		return false
	}
	for _, w := range ThisYearWords {
		if strings.Contains(c, w) {
			return false
		}
	}
	return true
}

// LedByThisYear says whether a clause opens with the report's own year:
// one of ThisYearWords, 本年度, or the year in digits ("2024年调解成功率…").
func LedByThisYear(clause string, year int) bool {
	c := trimLeadingBlanks(clause)
	for _, w := range ThisYearWords {
		if strings.HasPrefix(c, w) {
			return true
		}
	}
	if year != 0 {
		v, ok := leadingYear(c)
		return ok && v == year
	}
	return false
}

// leadingYear reads the year a clause opens with in digits ("2024年…").
func leadingYear(c string) (int, bool) {
	if len(c) < 4+len("年") || !strings.HasPrefix(c[4:], "年") {
		return 0, false
	}
	return FourDigits(c[:4])
}

// trimLeadingBlanks drops the ASCII and ideographic spaces a clause may
// open with. An explicit loop, not strings.TrimLeft: with a non-ASCII
// cutset that decodes every rune, and this runs for every number.
func trimLeadingBlanks(c string) string {
	for {
		if strings.HasPrefix(c, " ") {
			c = c[1:]
		} else if strings.HasPrefix(c, "\u3000") {
			c = c[len("\u3000"):]
		} else {
			return c
		}
	}
}

// comparisonMarkers open a comparison with another period: 较上年, 比去年
// 同期, 与2023年(相比).
var comparisonMarkers = []string{"较", "比", "与"}

// comparedChange may stand between a comparison and its number: "比上年多
// 20件" as well as "比上年增加20件".
var comparedChange = append([]string{"多", "少"}, ChangeWords...)

// AfterComparison says whether a number is the other side of a comparison
// with another year, given the text of its clause up to the number
// ("较上年的450件", "比去年同期的230件", "与2019年的125件相比") or a change
// against it ("同比增加20件", "较上年增加8件"): neither is a count of the
// report's year, and the clause goes on with this year's. year 0 (not
// known) leaves years written in digits alone.
func AfterComparison(prefix string, year int) bool {
	change := endsWithChange(prefix)
	// It runs for every number: one that follows neither a change word nor
	// 的, 年, 期, 度 or 比 (as in 同比) is let go at once.
	if !change && !strings.HasSuffix(prefix, "的") && !strings.HasSuffix(prefix, "年") &&
		!strings.HasSuffix(prefix, "期") && !strings.HasSuffix(prefix, "度") && !strings.HasSuffix(prefix, "比") {
		return false
	}
	tail, ok := comparedTail(prefix, year)
	if !ok {
		return false
	}
	if change {
		return true // "比去年同期的230件减少34件": the change
	}
	tail = strings.TrimPrefix(tail, "同期")
	tail = strings.TrimPrefix(tail, "的")
	return trimLeadingBlanks(tail) == ""
}

// endsWithChange: s ends with a change word, perhaps with 了.
func endsWithChange(s string) bool {
	s = strings.TrimSuffix(s, "了")
	for _, w := range comparedChange {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// comparedTail finds the last comparison with another year in prefix and
// returns the text after its year words.
func comparedTail(prefix string, year int) (string, bool) {
	best, tail := -1, ""
	if i := strings.LastIndex(prefix, "同比"); i >= 0 {
		best, tail = i, prefix[i+len("同比"):]
	}
	for _, m := range comparisonMarkers {
		i := strings.LastIndex(prefix, m)
		if i <= best {
			continue
		}
		if t, ok := afterAnotherYear(prefix[i+len(m):], year); ok {
			best, tail = i, t
		}
	}
	return tail, best >= 0
}

// afterAnotherYear: s opens with words naming another year than the
// report's (上年, 去年同期, 2019年); it returns what follows them.
func afterAnotherYear(s string, year int) (string, bool) {
	for _, w := range PreviousYearWords {
		if strings.HasPrefix(s, w) {
			return strings.TrimPrefix(s[len(w):], "度"), true
		}
	}
	if v, ok := leadingYear(s); ok && year != 0 && v != year {
		return strings.TrimPrefix(s[4+len("年"):], "度"), true
	}
	return "", false
}
