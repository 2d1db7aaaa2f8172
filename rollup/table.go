package rollup

import (
	"strconv"
	"strings"
)

// Sheet names and fixed headings, shared by the writers and by
// ReadPrevious, which reads last year's file back.
const (
	sheetUnits   = "汇总"
	sheetReturns = "退回修改"
	sheetRoster  = "报送情况"
	sheetChanges = "同比核对"
	sheetNotes   = "说明"
	headUnit     = "单位"
	totalLabel   = "合计"
)

// headCounted heads the last column: whether a row counts in the totals.
const headCounted = "计入合计"

// fixedHeads are the columns before the figures.
var fixedHeads = []string{"名次", headUnit, "年度", "模板", "结论", "完整度（%）", "错误", "警告"}

// Heads is the header row of the units table.
func (t *Table) Heads() []string {
	h := append([]string{}, fixedHeads...)
	for _, c := range t.Columns {
		h = append(h, c.Header())
	}
	return append(h, "文件", headCounted)
}

// cellText is a cell as text: a number as written, 无此项工作, or "".
func cellText(c Cell) string {
	switch c.State {
	case Value:
		return formatNumber(c.Value)
	case NoWork:
		return NoWorkText
	}
	return ""
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// rowTexts is one unit's row as text, for CSV and HTML.
func (t *Table) rowTexts(r Row) []string {
	out := []string{strconv.Itoa(r.Rank), r.Unit, "", r.Template, r.Verdict(), "", "", ""}
	if r.Year > 0 {
		out[2] = strconv.Itoa(r.Year)
	}
	if r.Readable {
		out[5] = formatNumber(r.Completeness)
		out[6], out[7] = strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings)
	}
	for _, c := range r.Cells {
		out = append(out, cellText(c))
	}
	return append(out, r.File, r.Counted())
}

// totalTexts is the totals row as text.
func (t *Table) totalTexts() []string {
	out := []string{"", totalLabel, "", "", "", "", "", ""}
	for _, tot := range t.Totals {
		out = append(out, cellText(tot.Cell))
	}
	return append(out, "", "")
}

// problemsText joins a row's reasons for a cell.
func problemsText(r Row) string { return strings.Join(r.Problems, "\n") }
