package rollup

import (
	"io"

	"github.com/xuri/excelize/v2"

	"nianbao/model"
)

// WriteXLSX writes the roll-up as a workbook: the units table (frozen
// header, numbers as numbers with their formats, a totals row), the reports
// to return with the reasons, the roster's missing and late units, last
// year's suspicious changes, and a sheet saying how the totals were made.
func WriteXLSX(w io.Writer, t *Table) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.styles()
	if err := f.SetSheetName("Sheet1", sheetUnits); err != nil {
		return err
	}
	x.units(t)
	x.returns(t)
	if t.Roster || len(t.Duplicates) > 0 {
		x.roster(t)
	}
	if t.Previous {
		x.changes(t)
	}
	x.notes(t)
	if x.err != nil {
		return x.err
	}
	// The first sheet is active in a new workbook; SetActiveSheet would
	// parse every sheet again, the streamed one included.
	return f.Write(w)
}

type xlsxWriter struct {
	f                                        *excelize.File
	err                                      error
	head, count, amount, percent, bold, wrap int
}

// keep records the first error; the writer goes on so one bad cell does
// not hide the others, and WriteXLSX returns it.
func (x *xlsxWriter) keep(err error) {
	if err != nil && x.err == nil {
		x.err = err
	}
}

func (x *xlsxWriter) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.keep(err)
	return id
}

func (x *xlsxWriter) styles() {
	countFmt, amountFmt, percentFmt := "#,##0", "#,##0.00", "0.00"
	x.head = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	x.count = x.style(&excelize.Style{CustomNumFmt: &countFmt})
	x.amount = x.style(&excelize.Style{CustomNumFmt: &amountFmt})
	x.percent = x.style(&excelize.Style{CustomNumFmt: &percentFmt})
	x.bold = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	x.wrap = x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// sheet starts a sheet with a frozen, styled header row.
func (x *xlsxWriter) sheet(name string, heads []string, widths ...float64) {
	if name != sheetUnits {
		_, err := x.f.NewSheet(name)
		x.keep(err)
	}
	row := make([]any, len(heads))
	for i, h := range heads {
		row[i] = h
	}
	x.keep(x.f.SetSheetRow(name, "A1", &row))
	x.keep(x.f.SetCellStyle(name, "A1", cell(len(heads), 1), x.head))
	x.keep(x.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		x.keep(x.f.SetColWidth(name, col, col, w))
	}
}

func (x *xlsxWriter) set(sheet string, col, row int, v any, style int) {
	c := cell(col, row)
	x.keep(x.f.SetCellValue(sheet, c, v))
	if style != 0 {
		x.keep(x.f.SetCellStyle(sheet, c, c, style))
	}
}

func (x *xlsxWriter) figureStyle(c Column) int {
	switch c.Kind {
	case model.KindPercent:
		return x.percent
	case model.KindAmount:
		return x.amount
	}
	return x.count
}

// value writes a figure: a number, the words 无此项工作, or nothing.
func (x *xlsxWriter) value(sheet string, col, row int, c Cell, style int) {
	switch c.State {
	case Value:
		x.set(sheet, col, row, c.Value, style)
	case NoWork:
		x.set(sheet, col, row, NoWorkText, 0)
	}
}

// units writes the big sheet through excelize's stream writer: setting a
// thousand rows cell by cell cost more than checking the reports.
func (x *xlsxWriter) units(t *Table) {
	sw, err := x.f.NewStreamWriter(sheetUnits)
	if err != nil {
		x.keep(err)
		return
	}
	heads := t.Heads()
	widths := []float64{6, 24, 7, 12, 9, 10, 6, 6}
	for range t.Columns {
		widths = append(widths, 14)
	}
	widths = append(widths, 40, 16)
	for i, w := range widths {
		x.keep(sw.SetColWidth(i+1, i+1, w))
	}
	x.keep(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	row := make([]any, len(heads))
	for i, h := range heads {
		row[i] = excelize.Cell{StyleID: x.head, Value: h}
	}
	x.keep(sw.SetRow("A1", row))
	fixed := len(fixedHeads)
	n := 2
	for _, r := range t.Rows {
		row := make([]any, len(heads))
		row[0], row[1], row[3], row[4] = r.Rank, r.Unit, r.Template, r.Verdict()
		if r.Year > 0 {
			row[2] = r.Year
		}
		if r.Readable {
			row[5] = excelize.Cell{StyleID: x.percent, Value: r.Completeness}
			row[6], row[7] = r.Errors, r.Warnings
		}
		for i, c := range r.Cells {
			row[fixed+i] = x.streamValue(c, x.figureStyle(t.Columns[i]))
		}
		row[fixed+len(t.Columns)] = r.File
		row[fixed+len(t.Columns)+1] = r.Counted()
		x.keep(sw.SetRow(cell(1, n), row))
		n++
	}
	if len(t.Rows) > 0 {
		// A table gives the filter buttons; the totals row stays out of it
		// so sorting cannot move it.
		x.keep(sw.AddTable(&excelize.Table{Range: "A1:" + cell(len(heads), n-1), Name: "units", StyleName: "TableStyleLight1"}))
	}
	row = make([]any, len(heads))
	row[1] = excelize.Cell{StyleID: x.bold, Value: totalLabel}
	for i, tot := range t.Totals {
		row[fixed+i] = x.streamValue(tot.Cell, x.figureStyle(t.Columns[i]))
	}
	x.keep(sw.SetRow(cell(1, n), row))
	x.keep(sw.Flush())
}

// streamValue is a figure for the stream writer: a number, 无此项工作, or nil.
func (x *xlsxWriter) streamValue(c Cell, style int) any {
	switch c.State {
	case Value:
		return excelize.Cell{StyleID: style, Value: c.Value}
	case NoWork:
		return NoWorkText
	}
	return nil
}

func (x *xlsxWriter) returns(t *Table) {
	// Streamed like the units sheet: when many reports go back, setting
	// their rows cell by cell was a sixth of writing the workbook.
	_, err := x.f.NewSheet(sheetReturns)
	x.keep(err)
	sw, err := x.f.NewStreamWriter(sheetReturns)
	if err != nil {
		x.keep(err)
		return
	}
	for i, w := range []float64{24, 9, 6, 80, 40} {
		x.keep(sw.SetColWidth(i+1, i+1, w))
	}
	x.keep(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	heads := []string{headUnit, "结论", "错误", "退回原因", "文件"}
	row := make([]any, len(heads))
	for i, h := range heads {
		row[i] = excelize.Cell{StyleID: x.head, Value: h}
	}
	x.keep(sw.SetRow("A1", row))
	for i, r := range t.Returns() {
		row := []any{r.Unit, r.Verdict(), nil, excelize.Cell{StyleID: x.wrap, Value: problemsText(r)}, r.File}
		if r.Readable {
			row[2] = r.Errors
		}
		x.keep(sw.SetRow(cell(1, i+2), row))
	}
	x.keep(sw.Flush())
}

func (x *xlsxWriter) roster(t *Table) {
	x.sheet(sheetRoster, []string{headUnit, "情况", "截止日期", "收到时间"}, 28, 14, 14, 20)
	n := 2
	for _, e := range t.Missing {
		x.set(sheetRoster, 1, n, e.Unit, 0)
		x.set(sheetRoster, 2, n, "未报送", 0)
		if !e.Due.IsZero() {
			x.set(sheetRoster, 3, n, e.Due.Format("2006-01-02"), 0)
		}
		n++
	}
	for _, r := range t.LateRows() {
		x.set(sheetRoster, 1, n, r.Unit, 0)
		x.set(sheetRoster, 2, n, "逾期报送", 0)
		x.set(sheetRoster, 4, n, r.Received.Format("2006-01-02 15:04"), 0)
		n++
	}
	for _, u := range t.Extra {
		x.set(sheetRoster, 1, n, u, 0)
		x.set(sheetRoster, 2, n, "不在名单中", 0)
		n++
	}
	for _, u := range t.Duplicates {
		x.set(sheetRoster, 1, n, u, 0)
		x.set(sheetRoster, 2, n, "重复报送："+OnlyLastCounted, 0)
		n++
	}
}

func (x *xlsxWriter) changes(t *Table) {
	x.sheet(sheetChanges, []string{headUnit, "数字", "去年", "今年", "倍数", "提示"}, 24, 24, 10, 10, 8, 40)
	for i, c := range t.Changes {
		n := i + 2
		x.set(sheetChanges, 1, n, c.Unit, 0)
		x.set(sheetChanges, 2, n, c.Label, 0)
		x.set(sheetChanges, 3, n, c.Last, 0)
		x.set(sheetChanges, 4, n, c.Now, 0)
		x.set(sheetChanges, 5, n, c.Factor(), 0)
		x.set(sheetChanges, 6, n, "与去年相差 3 倍以上，请核对是否录入错误", 0)
	}
}

func (x *xlsxWriter) notes(t *Table) {
	x.sheet(sheetNotes, []string{"数字", "合计", "填报单位数", "计算方法"}, 28, 14, 10, 80)
	for i, tot := range t.Totals {
		n := i + 2
		x.set(sheetNotes, 1, n, t.Columns[i].Header(), 0)
		x.value(sheetNotes, 2, n, tot.Cell, x.figureStyle(t.Columns[i]))
		x.set(sheetNotes, 3, n, tot.Units, 0)
		x.set(sheetNotes, 4, n, tot.Note, 0)
	}
	n := len(t.Totals) + 3
	for _, line := range []string{
		"空白表示未填写；0 表示填写了 0；“无此项工作”表示单位声明没有这项工作。三者在合计中分开对待。",
		"比率的合计由各单位件数之和重新计算，不取各单位比率的平均数。",
	} {
		x.set(sheetNotes, 1, n, line, 0)
		n++
	}
}
