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
