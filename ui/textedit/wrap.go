package textedit

import (
	"unicode"

	"github.com/mattn/go-runewidth"

	"nianbao/internal/zhtext"
)

// tabCells is how many cells a tab kept in the text occupies. Tabs are kept
// (so Value returns what SetValue got) but drawn as spaces, because a raw
// tab would move the terminal cursor to a stop the layout cannot predict.
const tabCells = 4

// cellCond measures runes the way terminals and lipgloss do: East Asian
// ambiguous characters (“ ” … —) are one cell. runewidth's default condition
// follows the locale and would call them two cells under zh_CN.UTF-8, which
// would make our rows disagree with the renderer's truncation.
var cellCond = &runewidth.Condition{EastAsianWidth: false, StrictEmojiNeutral: true}

// runeCells is the width of r in terminal cells. It is called for every
// character drawn and wrapped, so the ranges that make up nearly all of a
// Chinese report (ASCII, ideographs, CJK and full-width punctuation) are
// answered without runewidth's table search.
func runeCells(r rune) int {
	switch {
	case r == '\t':
		return tabCells
	case r < 0x20:
		return 0
	case r < 0x7f:
		return 1
	case r >= 0x4e00 && r <= 0x9fff, r >= 0x3400 && r <= 0x4dbf:
		return 2 // CJK unified ideographs
	case r >= 0x3000 && r <= 0x3029, r >= 0xff01 && r <= 0xff60:
		return 2 // CJK symbols and punctuation, full-width forms
	}
	return cellCond.RuneWidth(r)
}

// cellsOf is the width of rs in cells.
func cellsOf(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += runeCells(r)
	}
	return n
}

// noStart and noEnd are the Chinese line-breaking sets (行首禁则, 行尾禁则),
// shared with the preview wrapper through zhtext.
func noStart(r rune) bool { return zhtext.NoBreakBefore(r) }

func noEnd(r rune) bool { return zhtext.NoBreakAfter(r) }

// tokenRune reports characters of digit and Latin runs ("2024", "12.5%",
// "PDF") that should stay on one row: half-width letters, digits and the
// ASCII punctuation that glues them together.
func tokenRune(r rune) bool {
	if r > ' ' && r < 0x7f {
		return true
	}
	if r < 0x80 {
		return false
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && cellCond.RuneWidth(r) == 1
}

// breakQuality grades a break before text[i]: 2 obeys every rule, 1 only
// splits a Latin or digit token, 0 breaks a punctuation rule.
func breakQuality(text []rune, i int) int {
	prev, next := text[i-1], text[i]
	if noStart(next) || noEnd(prev) {
		return 0
	}
	if tokenRune(prev) && tokenRune(next) {
		return 1
	}
	return 2
}

// wrapRows splits one paragraph into visual rows no wider than w cells and
// returns the rune offset where each row starts (the first is always 0).
//
// Line breaking follows the Chinese rules by pulling characters down, never
// by hanging punctuation past the edge: a row never exceeds w, which both the
// pane border and the cursor cell rely on. When the greedy break would put
// closing punctuation at a row start or opening punctuation at a row end, the
// break moves left until it is legal; a digit or Latin token is moved whole
// to the next row when that is possible. If no legal break exists in the row
// (a token or punctuation run wider than the pane), rules are relaxed in that
// order and finally the row is cut where it is full.
//
// When the last row is full, an empty row follows it so the cursor after the
// last character has a cell to sit in (the cursor at the end of a full row
// shows at the start of the next row).
func wrapRows(text []rune, w int, dst []int32) []int32 {
	if w < 1 {
		w = 1
	}
	rows := append(dst[:0], 0)
	start, n := 0, len(text)
	for start < n {
		cells, end := 0, start
		for end < n {
			c := runeCells(text[end])
			if cells+c > w && end > start {
				break
			}
			cells += c
			end++
		}
		if end >= n {
			if cells >= w {
				rows = append(rows, int32(n))
			}
			break
		}
		end = bestBreak(text, start, end)
		rows = append(rows, int32(end))
		start = end
	}
	return rows
}

// bestBreak picks the break before or at end (exclusive row end) for a row
// starting at start, preferring the best quality nearest to end.
func bestBreak(text []rune, start, end int) int {
	q := breakQuality(text, end)
	if q == 2 {
		return end
	}
	fallback := -1
	if q == 1 {
		fallback = end
	}
	for i := end - 1; i > start; i-- {
		switch breakQuality(text, i) {
		case 2:
			return i
		case 1:
			if fallback < 0 {
				fallback = i
			}
		}
	}
	if fallback > 0 {
		return fallback
	}
	return end
}

// rowEnd is the offset just past row r of a paragraph with the given row
// starts and length.
func rowEnd(rows []int32, r, n int) int {
	if r+1 < len(rows) {
		return int(rows[r+1])
	}
	return n
}
