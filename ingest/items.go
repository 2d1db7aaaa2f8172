package ingest

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// countItems is how many 一是/二是 points a paragraph states:
// len(itemRe().FindAllStringIndex(t, -1)), written out because it runs on
// every paragraph of every document read, where the backtracking
// expression was a tenth of reading a text report. A point is 是 after
// one to three numerals, standing at the start or after 。；;，,：: and
// optional ASCII blanks; TestCountItemsEqualsRegexp holds the two equal.
func countItems(t string) int {
	n := 0
	for from := 0; ; {
		i := zhtext.IndexWide(t[from:], "是")
		if i < 0 {
			return n
		}
		i += from
		from = i + len("是")
		j, numerals := i, 0
		for j > 0 && numerals <= 3 {
			r, w := utf8.DecodeLastRuneInString(t[:j])
			if zhtext.NumeralValue(r) == 0 {
				break
			}
			j -= w
			numerals++
		}
		if numerals == 0 || numerals > 3 {
			continue
		}
		for j > 0 && strings.IndexByte(" \t\n\f\r", t[j-1]) >= 0 {
			j--
		}
		if j == 0 {
			n++
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(t[:j]); r == '。' || zhtext.IsSemicolon(r) || r == '，' || r == ',' || r == '：' || r == ':' {
			n++
		}
	}
}
