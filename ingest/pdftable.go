package ingest

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// columnGap is the run of spaces pdftotext's layout mode puts between the
// cells of a table row: wider than any space it puts inside a sentence.
var columnGap = regexp.MustCompile(`\s{2,}`)

// layoutSpan is one cell of a laid-out line and the columns it covers, in
// character cells from the page's left edge (a Chinese character is two).
type layoutSpan struct {
	text       string
	start, end int
}

// layoutSpans splits a laid-out line, indented by indent cells, at its
// column gaps, with where each cell stands; nil when it has none (a line
// of prose). A cell whose last word is a number or a year
// after a single space ("（含简易程序案件 850", "2025年度 2026年度") is two
// cells: layout mode leaves one space only where a wide cell runs up to
// the next column.
func layoutSpans(trimmed string, indent int) []layoutSpan {
	gaps := columnGap.FindAllStringIndex(trimmed, -1)
	if len(gaps) == 0 {
		return nil
	}
	var spans []layoutSpan
	// add appends the cells of trimmed[from:to], a part between gaps, in
	// order: the ones split off its end are found last first.
	add := func(from, to int) {
		n := len(spans)
		part := trimmed[from:to]
		for {
			k := strings.LastIndexByte(part, ' ')
			if k <= 0 || !splitsAtSpace(part[:k], part[k+1:]) {
				break
			}
			start := indent + cells(trimmed[:from+k+1])
			spans = append(spans, layoutSpan{text: part[k+1:], start: start, end: start + cells(part[k+1:])})
			part = part[:k]
		}
		start := indent + cells(trimmed[:from])
		spans = append(spans, layoutSpan{text: squeezeSpaces(part), start: start, end: start + cells(part)})
		slices.Reverse(spans[n:])
	}
	from := 0
	for _, g := range gaps {
		add(from, g[0])
		from = g[1]
	}
	add(from, len(trimmed))
	return spans
}

// splitsAtSpace says whether a cell with one space between head and tail
// is two cells: the tail is a number, or both sides are years.
func splitsAtSpace(head, tail string) bool {
	if strings.TrimSpace(head) == "" || strings.ContainsRune(tail, ' ') {
		return false
	}
	if isNumberCell(tail) {
		// "2024 年" and "23 件" are one cell spread out; a number after
		// a number ("850 926") or after words ("…程序 850") is not.
		return true
	}
	last := head[strings.LastIndexByte(head, ' ')+1:]
	return isYearHeader(tail) && isYearHeader(last)
}

// maxRowRunes bounds a table row that lastNumberCell splits: a line of a
// report's prose holds some 28 characters and its spaces.
const maxRowRunes = 30

// lastNumberCell splits a table row whose label ran up to its number ("行政
// 机关负责人出庭应诉 55": one space, no column gap) at that space; nil for
// any other line.
func lastNumberCell(l pdfLine) []layoutSpan {
	// A line of prose fills the width; a row that lost its gap is short.
	if utf8.RuneCountInString(l.raw) > maxRowRunes {
		return nil
	}
	i := strings.LastIndexByte(l.raw, ' ')
	if i <= 0 || !isNumberCell(l.raw[i+1:]) {
		return nil
	}
	start := l.indent + cells(l.raw[:i+1])
	return []layoutSpan{{text: squeezeSpaces(l.raw[:i]), start: l.indent, end: l.indent + cells(l.raw[:i])},
		{text: l.raw[i+1:], start: start, end: l.end}}
}

// pdfCell is a cell of a table row being read from a PDF: its columns
// and its text on the row's own line and on the lines a wrapped cell ran
// onto above and below it.
type pdfCell struct {
	start, end        int
	above, own, below []string
}

func (c *pdfCell) text() []string {
	return append(append(append([]string(nil), c.above...), c.own...), c.below...)
}

// pdfRow is a row of a table read from a PDF and the line it stands on.
type pdfRow struct {
	line  int
	cells []*pdfCell
}

// rowOf makes a row of line k of lines, nil when the line is not one: cells
// apart by column gaps, or, inside a table (inTable), a short line whose
// label ran up to its number.
func rowOf(lines []pdfLine, k int, inTable bool) *pdfRow {
	l := lines[k]
	spans := l.spans
	if spans == nil && inTable {
		spans = lastNumberCell(l)
	}
	if spans == nil {
		return nil
	}
	r := &pdfRow{line: k}
	for _, sp := range spans {
		r.cells = append(r.cells, &pdfCell{start: sp.start, end: sp.end, own: []string{sp.text}})
	}
	return r
}

// isCellFragment says whether a line may be part of a table cell wrapped
// over lines ("全县办理行政处罚案件数量" above the line with its numbers,
// "案件）" below it): short, and neither a heading nor the end of a
// sentence.
func isCellFragment(l pdfLine) bool {
	return l.spans == nil && !l.startsHeader && utf8.RuneCountInString(l.text) <= maxRowRunes &&
		!strings.ContainsAny(l.text, "。！？；")
}

// attach puts fragment line l into row r, on the side given: into the cell
// under it, or as a cell of its own between the row's cells (a header
// cell set higher or lower than its neighbours). It reports false, and
// changes nothing, when the line reaches over two cells or past the
// row's neighbouring cells: then it is no part of the row.
func (r *pdfRow) attach(l pdfLine, above bool) bool {
	start, end := l.indent, l.end
	at := len(r.cells) // where a cell of its own would go
	for i, c := range r.cells {
		if end <= c.start {
			at = i
			break
		}
		if start >= c.end {
			continue
		}
		// Overlaps c: it must lie within c's neighbours.
		if i+1 < len(r.cells) && end > r.cells[i+1].start || i > 0 && start < r.cells[i-1].end {
			return false
		}
		if above {
			c.above = append(c.above, l.text)
		} else {
			c.below = append(c.below, l.text)
		}
		return true
	}
	c := &pdfCell{start: start, end: end}
	if above {
		c.above = []string{l.text}
	} else {
		c.below = []string{l.text}
	}
	r.cells = append(r.cells[:at], append([]*pdfCell{c}, r.cells[at:]...)...)
	return true
}

// pdfTables finds the tables among laid-out lines: two or more rows
// (lines split by column gaps; blank lines between them allowed), at
// least half of them holding a number, that isDataTable takes for data.
// A cell wrapped over lines is put back together: a short line right
// above or below a row, with no blank line between, goes into the cell
// it stands under. Each row becomes one line as tableLines reads it,
// standing alone; every other line is left as it is.
func pdfTables(lines []pdfLine) ([]pdfLine, int) {
	out := make([]pdfLine, 0, len(lines))
	tables := 0
	done := 0 // lines before done are in out
	for i := 0; i < len(lines); {
		first := rowOf(lines, i, false)
		if first == nil {
			out = append(out, lines[i])
			i++
			continue
		}
		// Fragments right above the first row: the top of its cells (a
		// header's "2025" over "年"), as many as fit.
		from := i
		for from > done && isCellFragment(lines[from-1]) && !lines[from].blankBefore {
			from--
		}
		for ; from < i; from++ {
			if r := rowOf(lines, i, false); attachAll(r, lines[from:i]) {
				first = r
				break
			}
		}
		rows := []*pdfRow{first}
		j := i + 1
		for ; j < len(lines); j++ {
			if r := rowOf(lines, j, true); r != nil {
				rows = append(rows, r)
				continue
			}
			l := lines[j]
			if !isCellFragment(l) {
				break
			}
			last := rows[len(rows)-1]
			if !l.blankBefore && last.attach(l, false) {
				continue
			}
			// The top of the next row's cells: the fragments up to it.
			k := j
			for k < len(lines) && isCellFragment(lines[k]) && (k == j || !lines[k].blankBefore) {
				k++
			}
			if k == len(lines) || lines[k].blankBefore {
				break
			}
			next := rowOf(lines, k, true)
			if next == nil || !attachAll(next, lines[j:k]) {
				break
			}
			rows = append(rows, next)
			j = k
		}
		grid := make([][][]string, len(rows))
		numbered := make([]bool, len(rows))
		numbers := 0
		for r, row := range rows {
			grid[r] = make([][]string, len(row.cells))
			own := make([]string, 0, len(row.cells))
			for c, cell := range row.cells {
				grid[r][c] = cell.text()
				own = append(own, cell.own...)
			}
			if numbered[r] = rowHasNumber(own); numbered[r] {
				numbers++
			}
		}
		if len(rows) < 2 || numbers*2 < len(rows) || !isDataTable(grid) {
			// Not a table from line i. One may start at a later row of
			// these, where the rows after it are half numbers: the first
			// such row is tried next, and the lines before it are left as
			// they are. Trying every line instead made a long run of
			// gapped lines quadratic (two thousand took seconds).
			next := j
			if numbers*2 < len(rows) {
				for p := 1; p < len(rows)-1; p++ {
					if numbered[p-1] {
						numbers--
					}
					if lines[rows[p].line].spans != nil && numbers*2 >= len(rows)-p {
						next = rows[p].line
						break
					}
				}
			}
			out = append(out, lines[i:next]...)
			i = next
			continue
		}
		tables++
		out = out[:len(out)-(i-from)] // the fragments above are the first row's
		for k, text := range tableLines(joinCells(grid)) {
			l := lines[rows[k].line]
			l.text, l.row = text, true
			out = append(out, l)
		}
		i, done = j, j
	}
	return out, tables
}

// attachAll puts the fragment lines above row r into it, top to bottom; false
// when one does not fit (see attach).
func attachAll(r *pdfRow, frags []pdfLine) bool {
	for _, l := range frags {
		if !r.attach(l, true) {
			return false
		}
	}
	return true
}
