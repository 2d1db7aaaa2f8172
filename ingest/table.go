package ingest

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/internal/xmlscan"
	"nianbao/internal/zhtext"
)

// A table is read a row to a line, its cells joined by CellSep, so a row
// such as "收到行政复议申请 | 96件" reads as the clause a reader makes of it
// and its number is found with its words. Read a cell to a line, as the
// readers did before, the number stood on a line of its own, away from
// every keyword, and the figure was reported missing.
//
// A full-width space joins the cells: it is how a Chinese document spaces
// words apart, and none of the prose rules takes it for a typing error.
const CellSep = "　"

// Bounds past which a table is taken for layout (a whole report set in
// one cell, a letterhead grid), not data, and read paragraph by
// paragraph as before: a data table's cells are short.
const (
	maxCellParagraphs = 3
	maxCellRunes      = 120
)

// isDataTable says whether rows (cells, each a list of its paragraphs'
// texts) look like a table of data: at least two cells in some row, a
// number in some cell, and no cell holding prose. A table of words only
// (a 版记 block: 抄送 | 印发) is left as it was read.
func isDataTable(rows [][][]string) bool {
	wide, number := false, false
	for _, row := range rows {
		filled := 0
		for _, cell := range row {
			if len(cell) > maxCellParagraphs {
				return false
			}
			n := 0
			for _, p := range cell {
				n += utf8.RuneCountInString(p)
			}
			if n > maxCellRunes {
				return false
			}
			if n > 0 {
				filled++
			}
			if len(cell) > 0 && !number {
				number = isNumberCell(strings.Join(cell, ""))
			}
		}
		wide = wide || filled >= 2
	}
	return wide && number
}

// tableLines flattens a data table into one line a row, as a reader reads
// it out:
//   - a cell holding only a number takes the unit its row label or its
//     column header gives in brackets ("数量（件）", "纠错率（%）"), or its
//     row's cell in a column headed 单位, or "%" when its row label names a
//     rate;
//   - in a row with no label of its own (the numbers under a header of
//     names, "收案 | 审结" over "96 | 88"), and in a column headed by a
//     year ("2024年 | 2025年"), each number is written after its column's
//     header, so that it keeps its words and its year;
//   - so are the numbers of a total row ("合计"), which are the whole's;
//     the rows of each unit above it keep their bare numbers;
//   - nothing is dropped: every cell's text stays in its row's line, the
//     header row included.
//
// The lines are the rows', in order: an empty row gives "". cells holds
// each cell's text with its paragraphs joined.
func tableLines(cells [][]string) []string {
	var header []string
	if len(cells) > 1 && !rowHasNumber(cells[0]) {
		header = cells[0]
	}
	unitCol := -1 // a column of units ("指标 | 单位 | 数值")
	for c, head := range header {
		if h := zhtext.TrimBlank(head); h == "单位" || h == "计量单位" {
			unitCol = c
		}
	}
	var out []string
	for r, row := range cells {
		if r == 0 && header != nil {
			out = append(out, joinRow(row))
			continue
		}
		label := rowLabel(row)
		rowUnit := bracketUnit(label)
		if rowUnit == "" && isRateLabel(label) {
			rowUnit = "%"
		}
		if unitCol >= 0 && unitCol < len(row) {
			if u := zhtext.TrimBlank(row[unitCol]); zhtext.UnitAt(u) == u && u != "" {
				// The unit goes with the row's numbers, and its cell with it.
				rowUnit = u
				row = append(append([]string(nil), row[:unitCol]...), append([]string{""}, row[unitCol+1:]...)...)
				if label == u {
					label = rowLabel(row)
				}
			}
		}
		// A row headed by a year ("2024年 | 80") gives that year's
		// numbers: each is written with its column's words and the year,
		// which then needs no cell of its own.
		yearRow := header != nil && isYearHeader(label) && rowHasNumber(row)
		parts := make([]string, 0, len(row))
		for c, cell := range row {
			cell = zhtext.TrimBlank(cell)
			bare := isBareNumber(cell)
			switch {
			case cell == "":
				continue
			case !isNumberCell(cell):
				if cell == label && rowUnit != "" {
					// The unit is written with the row's numbers, where the
					// reader looks for it; the words stay next to them.
					cell = withoutBracket(cell)
				}
				if yearRow && cell == label {
					continue
				}
				parts = append(parts, cell)
				continue
			}
			head := ""
			if header != nil && c < len(header) {
				head = zhtext.TrimBlank(header[c])
			}
			if bare && !strings.ContainsAny(cell, "%％") {
				unit := rowUnit
				if unit == "" {
					unit = bracketUnit(head)
				}
				cell += unit
			}
			switch {
			case yearRow:
				cell = withoutBracket(head) + label + cell
			case header != nil && (label == "" || IsTotalLabel(label) || isYearHeader(head)):
				cell = withoutBracket(head) + cell
			}
			parts = append(parts, cell)
		}
		out = append(out, strings.Join(parts, CellSep))
	}
	return out
}

// joinRow is a row's cells as they are, joined.
func joinRow(row []string) string {
	parts := make([]string, 0, len(row))
	for _, cell := range row {
		if cell = zhtext.TrimBlank(cell); cell != "" {
			parts = append(parts, cell)
		}
	}
	return strings.Join(parts, CellSep)
}

// rowLabel is a row's first cell that is not a number: what the row is
// about. "" when every cell is a number.
func rowLabel(row []string) string {
	for _, cell := range row {
		if cell = zhtext.TrimBlank(cell); cell != "" && !isNumberCell(cell) {
			return cell
		}
	}
	return ""
}

func rowHasNumber(row []string) bool {
	return slices.ContainsFunc(row, isNumberCell)
}

// isNumberCell: a cell holding a number, bare or with its unit, and
// nothing else.
func isNumberCell(s string) bool {
	s = zhtext.TrimBlank(s)
	return isBareNumber(s) || isStatedNumber(s)
}

// isBareNumber: the cell is a number and nothing else ("96", "1,286",
// "12.5", "12.5%"), full-width digits included.
func isBareNumber(s string) bool {
	s = strings.TrimRight(s, "%％")
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case zhtext.IsDigit(r):
			digits++
		case r == '.' || r == '．' || r == ',' || r == '，':
		default:
			return false
		}
	}
	return digits > 0 && zhtext.IsDigit([]rune(s)[0])
}

// isStatedNumber: the cell is a number with its unit ("96件", "12.5%").
func isStatedNumber(s string) bool {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !zhtext.IsDigit(r) && r != '.' && r != '．' && r != ',' {
			break
		}
		i += w
	}
	if i == 0 {
		return false
	}
	u := zhtext.UnitAt(s[i:])
	return u != "" && i+len(u) == len(s)
}

// bracketUnit is the unit a header or label gives at its end in brackets:
// "数量（件）", "人数(人次)", "纠错率（%）", "（单位：件）", also before a last
// bracket that says something else ("数量（件）（含简易程序）"). "" when
// there is none.
func bracketUnit(s string) string {
	u, _, _ := unitBracket(s)
	return u
}

// unitBracket finds the bracket pair that gives a unit at the end of s:
// the last pair, or the one right before it. It gives the unit and where
// the pair starts and ends in s with its blanks trimmed; "" and -1, -1
// when there is none.
func unitBracket(s string) (unit string, from, to int) {
	s = zhtext.TrimBlank(s)
	end := len(s)
	for range 2 {
		i, inner := lastBracket(s[:end])
		if i < 0 {
			break
		}
		if u := unitOf(inner); u != "" {
			return u, i, end
		}
		end = i
	}
	return "", -1, -1
}

// unitOf is the unit a bracket's text gives: "件", "单位：件", or the count
// unit of a header over counts and rates ("件、%").
func unitOf(in string) string {
	in = zhtext.TrimBlank(in)
	in = strings.TrimPrefix(in, "单位：")
	in = strings.TrimPrefix(in, "单位:")
	if u := zhtext.UnitAt(in); u != "" && u == in {
		return u
	}
	// A header over counts and rates gives both ("数量（件、%）"): the count
	// unit is the one for a count; a rate's row says so by its name.
	count := ""
	for _, u := range strings.FieldsFunc(in, func(r rune) bool { return strings.ContainsRune("、，,/／", r) }) {
		switch {
		case zhtext.CountUnitAt(u) == u && count == "":
			count = u
		case zhtext.CountUnitAt(u) == u:
			return "" // two count units: which one is not said
		case zhtext.UnitAt(u) != u:
			return ""
		}
	}
	return count
}

// lastBracket finds the closing bracket pair s ends with: where it opens
// and the text inside; -1 when s ends with none.
func lastBracket(s string) (int, string) {
	for _, p := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasSuffix(s, p[1]) {
			if i := strings.LastIndex(s[:len(s)-len(p[1])], p[0]); i >= 0 {
				return i, s[i+len(p[0]) : len(s)-len(p[1])]
			}
		}
	}
	return -1, ""
}

// withoutBracket is a header without the unit it gives in brackets; any
// other bracket stays.
func withoutBracket(s string) string {
	u, from, to := unitBracket(s)
	if u == "" {
		return s
	}
	t := zhtext.TrimBlank(s)
	return zhtext.TrimBlank(t[:from] + t[to:])
}

// IsTotalLabel: a table row label that sums the rows above it ("合计",
// "全县合计", "总计"). Its numbers are the whole's, written with their column's words;
// the rows of each unit or department above it are not, and keep none.
func IsTotalLabel(s string) bool {
	s = strings.Map(func(r rune) rune {
		if zhtext.IsBlank(r) {
			return -1
		}
		return r
	}, withoutBracket(s))
	return strings.HasSuffix(s, "合计") || strings.HasSuffix(s, "总计") || s == "共计" || s == "总数"
}

// isRateLabel: a row label naming a rate ("纠错率", "败诉率").
func isRateLabel(s string) bool {
	s = withoutBracket(s)
	return strings.HasSuffix(s, "率") || strings.HasSuffix(s, "比例")
}

// yearWords head a column of one year's numbers: the words that name
// another year or the report's own in prose (figures.go), and two that
// only a header uses.
var yearWords = slices.Concat(zhtext.PreviousYearWords, zhtext.ThisYearWords, []string{"本年度", "上年同期"})

// isYearHeader: a column header naming a year ("2025年", "2024年度",
// "上年", "本年").
func isYearHeader(s string) bool {
	s = withoutBracket(zhtext.TrimBlank(s))
	for _, w := range yearWords {
		if s == w {
			return true
		}
	}
	_, ok := zhtext.FourDigits(strings.TrimSuffix(strings.TrimSuffix(s, "度"), "年"))
	return ok
}

// joinCells gives each cell of rows as the text of its paragraphs joined.
func joinCells(rows [][][]string) [][]string {
	cells := make([][]string, len(rows))
	for r, row := range rows {
		cells[r] = make([]string, len(row))
		for c, paras := range row {
			cells[r][c] = strings.Join(paras, "")
		}
	}
	return cells
}

// cellPos is where a .docx paragraph stands in a table: which table of
// the document, and its row and cell there.
type cellPos struct{ table, row, col int }

// tablePlace follows w:tbl, w:tr and w:tc while parseParagraphs reads a
// .docx. A table nested in a cell belongs to the outer cell: its text is
// read into it. Cells are placed by grid column, so a header cell merged
// across two columns (w:gridSpan) leaves the next header above its own
// column.
type tablePlace struct {
	depth, tables, row, col int
	next                    int // the grid column the next cell starts in
}

// maxGridSpan bounds a w:gridSpan: Word's tables have at most 63 columns.
const maxGridSpan = 63

func (tp *tablePlace) start(t *xmlscan.Token) {
	switch name := t.Name.Local; {
	case name == "tbl":
		tp.depth++
		if tp.depth == 1 {
			tp.tables++
			tp.row, tp.col = -1, -1
		}
	case tp.depth != 1:
	case name == "tr":
		tp.row, tp.col, tp.next = tp.row+1, -1, 0
	case name == "tc":
		tp.col = tp.next
		tp.next++
	case name == "gridSpan" && tp.col >= 0:
		if n, err := strconv.Atoi(t.AttrValue("val")); err == nil && n > 1 {
			tp.next = tp.col + min(n, maxGridSpan)
		}
	}
}

func (tp *tablePlace) end() { tp.depth = max(0, tp.depth-1) }

// here is the cell a paragraph starting now stands in, nil outside tables.
func (tp *tablePlace) here() *cellPos {
	if tp.depth == 0 || tp.row < 0 || tp.col < 0 {
		return nil
	}
	return &cellPos{table: tp.tables, row: tp.row, col: tp.col}
}

// joinTableRows replaces the paragraphs of each data table (isDataTable)
// by one paragraph a row (tableLines). The row's paragraph keeps its
// cells' hidden text and comments, so nothing noted of them is lost; a
// layout table's paragraphs are left as they are.
func joinTableRows(ps []*paragraph) ([]*paragraph, int) {
	var out []*paragraph
	tables := 0
	for i := 0; i < len(ps); {
		c := ps[i].cell
		if c == nil {
			out = append(out, ps[i])
			i++
			continue
		}
		j := i
		for j < len(ps) && ps[j].cell != nil && ps[j].cell.table == c.table {
			j++
		}
		rows, data := tableParagraphs(ps[i:j])
		if data {
			tables++
		}
		out = append(out, rows...)
		i = j
	}
	return out, tables
}

// tableParagraphs is joinTableRows for one table's paragraphs; data says
// whether it was read as a data table.
func tableParagraphs(ps []*paragraph) (rows []*paragraph, data bool) {
	var grid [][][]string
	var owners [][]*paragraph // the paragraphs of each row
	for _, p := range ps {
		for len(grid) <= p.cell.row {
			grid, owners = append(grid, nil), append(owners, nil)
		}
		row := grid[p.cell.row]
		for len(row) <= p.cell.col {
			row = append(row, nil)
		}
		if t := strings.ReplaceAll(p.text.String(), "\n", ""); zhtext.TrimBlank(t) != "" {
			row[p.cell.col] = append(row[p.cell.col], t)
		}
		grid[p.cell.row] = row
		owners[p.cell.row] = append(owners[p.cell.row], p)
	}
	if !isDataTable(grid) {
		return ps, false
	}
	var out []*paragraph
	for r, line := range tableLines(joinCells(grid)) {
		np := &paragraph{outline: -1}
		np.text.WriteString(line)
		for _, p := range owners[r] {
			np.hidden = append(np.hidden, p.hidden...)
			np.comments = append(np.comments, p.comments...)
		}
		if line != "" || len(np.hidden) > 0 || len(np.comments) > 0 {
			out = append(out, np)
		}
	}
	return out, true
}
