package rollup

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/check"
	"nianbao/model"
	"nianbao/templates"
)

func standard(t *testing.T) *model.Template {
	t.Helper()
	tp, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

// unit makes a checked report with the given figures; every section gets
// prose so completeness depends on the figures given.
func unit(t *testing.T, tp *model.Template, name string, figures map[string]float64, texts map[string]string) Input {
	t.Helper()
	r := model.NewReport(tp)
	r.Unit, r.Year = name, 2024
	for _, s := range tp.Flatten() {
		r.SetText(s.ID, strings.Repeat("依法行政工作稳步推进，各项制度得到落实。", 6))
	}
	for id, text := range texts {
		r.SetText(id, text)
	}
	for id, v := range figures {
		r.SetFigure(id, model.NumberOf(v))
	}
	return Input{File: name + ".yaml", Report: r, Template: tp, Result: check.Report(tp, r)}
}

func col(t *testing.T, tb *Table, id string) int {
	t.Helper()
	for i, c := range tb.Columns {
		if c.ID == id {
			return i
		}
	}
	t.Fatalf("no column %s", id)
	return -1
}

// TestTotalsRecomputeRates: a rate's total comes from the summed counts.
// The average of 8.70% and 30% would be 19.35%; the county's rate is
// 32 ÷ 123 = 26.02%.
func TestTotalsRecomputeRates(t *testing.T) {
	tp := standard(t)
	tb := Build([]Input{
		unit(t, tp, "甲县", map[string]float64{"review_received": 30, "review_decided": 23, "review_corrected": 2, "review_correction_rate": 8.7}, nil),
		unit(t, tp, "乙县", map[string]float64{"review_received": 120, "review_decided": 100, "review_corrected": 30, "review_correction_rate": 30}, nil),
		unit(t, tp, "丙县", map[string]float64{"review_received": 5}, nil), // no decided count: left out of the rate
	}, nil, nil)
	if got := tb.Totals[col(t, tb, "review_received")]; got.State != Value || got.Value != 155 || got.Units != 3 {
		t.Errorf("received total %+v, want 155 from 3 units", got)
	}
	rate := tb.Totals[col(t, tb, "review_correction_rate")]
	if rate.State != Value || rate.Value != 26.02 || rate.Units != 2 || !strings.Contains(rate.Note, "重新计算") {
		t.Errorf("rate total %+v, want 26.02 from 2 units", rate)
	}
}

// TestZeroBlankAndNoWorkStayDistinct: 0 is a value, a blank is nothing,
// 无此项工作 is a declared absence; a column of only 无此项工作 totals as such.
func TestZeroBlankAndNoWorkStayDistinct(t *testing.T) {
	tp := standard(t)
	tb := Build([]Input{
		unit(t, tp, "零", map[string]float64{"review_received": 0}, nil),
		unit(t, tp, "空", nil, nil),
		unit(t, tp, "无", nil, map[string]string{"disputes": "本单位无此项工作。"}),
	}, nil, nil)
	c := col(t, tb, "review_received")
	states := map[string]State{}
	for _, r := range tb.Rows {
		states[r.Unit] = r.Cells[c].State
	}
	if states["零"] != Value || states["空"] != Blank || states["无"] != NoWork {
		t.Errorf("states %v", states)
	}
	if tot := tb.Totals[c]; tot.State != Value || tot.Value != 0 || tot.Units != 1 || !strings.Contains(tot.Note, "1 个单位无此项工作") {
		t.Errorf("total %+v", tot)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tb); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\r\n")
	cells := func(unit string) string {
		for _, l := range lines {
			if strings.Contains(l, ","+unit+",") {
				return strings.Split(l, ",")[len(fixedHeads)+c]
			}
		}
		return "?"
	}
	if cells("零") != "0" || cells("空") != "" || cells("无") != NoWorkText {
		t.Errorf("csv cells %q %q %q", cells("零"), cells("空"), cells("无"))
	}
	if !strings.HasPrefix(buf.String(), "\ufeff名次,单位,") {
		t.Errorf("csv lacks its BOM and header: %q", buf.String()[:40])
	}
}

// TestRankAndReturns: ranked by completeness; the failed and the unreadable
// are returned with their reasons.
func TestRankAndReturns(t *testing.T) {
	tp := standard(t)
	full := map[string]float64{}
	for _, f := range tp.Figures() {
		if f.Required {
			full[f.ID] = 10
		}
	}
	tb := Build([]Input{
		unit(t, tp, "缺数字", nil, nil),
		{File: "扫描件.pdf", Err: &model.Error{File: "扫描件.pdf", Msg: "这个 PDF 没有文字层"}},
		unit(t, tp, "齐全", full, nil),
	}, nil, nil)
	if tb.Rows[0].Unit != "齐全" || tb.Rows[0].Rank != 1 || tb.Rows[2].Unit != "扫描件" {
		t.Errorf("ranking: %s %s %s", tb.Rows[0].Unit, tb.Rows[1].Unit, tb.Rows[2].Unit)
	}
	ret := tb.Returns()
	if len(ret) != 2 {
		t.Fatalf("returns %d, want 2", len(ret))
	}
	if !strings.Contains(problemsText(ret[0]), "必填数字") || ret[1].Problems[0] != "这个 PDF 没有文字层" {
		t.Errorf("reasons: %q / %q", problemsText(ret[0]), ret[1].Problems)
	}
}

func TestRoster(t *testing.T) {
	tp := standard(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "名单.csv")
	if err := os.WriteFile(path, []byte("\ufeff单位,截止日期\n青山县司法局,2025-03-01\n县财政局,2025年3月1日\n县教育局,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	roster, err := ReadRoster(path)
	if err != nil {
		t.Fatal(err)
	}
	late := unit(t, tp, "青山县财政局", nil, nil) // roster says 县财政局
	late.Received = time.Date(2025, 3, 5, 9, 0, 0, 0, time.Local)
	onTime := unit(t, tp, "青山县司法局", nil, nil)
	onTime.Received = time.Date(2025, 3, 1, 17, 0, 0, 0, time.Local)
	// A corrected copy sent after the date does not make a unit that
	// submitted in time late.
	corrected := unit(t, tp, "青山县司法局", nil, nil)
	corrected.Received = time.Date(2025, 3, 9, 10, 0, 0, 0, time.Local)
	tb := Build([]Input{late, onTime, corrected, unit(t, tp, "县水利局", nil, nil), unit(t, tp, "县水利局", nil, nil)}, roster, nil)
	if len(tb.Missing) != 1 || tb.Missing[0].Unit != "县教育局" {
		t.Errorf("missing %+v", tb.Missing)
	}
	if lr := tb.LateRows(); len(lr) != 1 || lr[0].Unit != "青山县财政局" {
		t.Errorf("late %+v", lr)
	}
	if len(tb.Extra) != 1 || tb.Extra[0] != "县水利局" { // two files, named once
		t.Errorf("extra %v", tb.Extra)
	}
	bad := filepath.Join(dir, "坏.csv")
	_ = os.WriteFile(bad, []byte("县司法局,三月一日\n"), 0o644)
	var me *model.Error
	if _, err := ReadRoster(bad); !errors.As(err, &me) || me.Line != 1 || me.Col != 2 {
		t.Errorf("bad date: %v", err)
	}
}

// TestRosterAsSaved: the roster as an office's spreadsheet saves it reads
// the same: an .xlsx, a GBK CSV from Excel on Chinese Windows, split by
// tabs or by a full-width comma typed by hand.
func TestRosterAsSaved(t *testing.T) {
	dir := t.TempDir()
	want := "青山县司法局 2025-03-01|县财政局 2025-03-01|县教育局 -"
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	x := excelize.NewFile()
	for i, row := range [][]any{{"单位名称", "截止日期"}, {"青山县司法局", "2025-03-01"},
		{"县财政局", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}, {"县教育局", ""}} {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			x.SetCellValue("Sheet1", cell, v)
		}
	}
	var xlsx bytes.Buffer
	if err := x.Write(&xlsx); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"名单.xlsx":     xlsx.Bytes(),
		"名单GBK.csv":   gbk("单位,截止日期\r\n青山县司法局,2025-03-01\r\n县财政局,2025年3月1日\r\n县教育局\r\n"),
		"名单制表符.txt":   gbk("单位\t截止日期\n青山县司法局\t2025-03-01\n县财政局\t2025-3-1\n县教育局\t\n"),
		"名单全角逗号.csv":  []byte("单位，截止日期\n青山县司法局，2025-03-01\n县财政局，2025.3.1\n县教育局\n"),
		"名单无表头日期.txt": []byte("单位\n青山县司法局\t2025-03-01\n县财政局\t2025-3-1\n县教育局\n"),
	} {
		roster, err := ReadRoster(write(name, data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var got []string
		for _, e := range roster {
			due := "-"
			if !e.Due.IsZero() {
				due = e.Due.Format("2006-01-02")
			}
			got = append(got, e.Unit+" "+due)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%s: %v", name, got)
		}
	}
}

// TestPreviousYearResaved: last year's roll-up opened in Excel and saved
// as CSV (GBK, on Chinese Windows) is still read.
func TestPreviousYearResaved(t *testing.T) {
	csvText := "名次,单位,年度,行政处罚案件数（件）\r\n1,甲县,2023,120\r\n,合计,,120\r\n"
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(csvText))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "去年.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	prev, err := ReadPrevious(path)
	if err != nil {
		t.Fatal(err)
	}
	if v := prev.Values[normalizeUnit("甲县")]["行政处罚案件数"]; v != 120 || len(prev.Values) != 1 {
		t.Errorf("values %v", prev.Values)
	}
}

// TestPreviousYear: last year's roll-up, read back from the .xlsx this
// package wrote, flags a figure that moved beyond three times and leaves
// ordinary changes alone.
func TestPreviousYear(t *testing.T) {
	tp := standard(t)
	last := Build([]Input{unit(t, tp, "甲县", map[string]float64{"penalty_cases": 120, "review_received": 30, "legality_reviews": 50}, nil)}, nil, nil)
	path := filepath.Join(t.TempDir(), "2023汇总.xlsx")
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, last); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	prev, err := ReadPrevious(path)
	if err != nil {
		t.Fatal(err)
	}
	tb := Build([]Input{unit(t, tp, "甲县", map[string]float64{"penalty_cases": 1200, "review_received": 9, "legality_reviews": 60}, nil)}, nil, prev)
	got := map[string]float64{}
	for _, c := range tb.Changes {
		got[c.Label] = c.Factor()
	}
	if len(got) != 2 || got["行政处罚案件数"] != 10 || got["行政复议收案数"] != 0.3 {
		t.Errorf("changes %v, want 行政处罚案件数 ×10 and 行政复议收案数 ×0.3 only", got)
	}
}

// TestDuplicates: a unit that sent its report twice is named, and only
// the copy received last counts in the totals and decides whether the
// unit is sent back; the other is marked in the 计入合计 column.
func TestDuplicates(t *testing.T) {
	tp := standard(t)
	first := unit(t, tp, "甲县", map[string]float64{"review_received": 50}, nil)
	first.Received = time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	first.Result.Findings = append(first.Result.Findings, check.Finding{Rule: check.RuleSectionEmpty, Severity: check.Error, Message: "缺一节"})
	second := unit(t, tp, "甲 县", map[string]float64{"review_received": 52}, nil)
	second.Received = time.Date(2026, 3, 25, 9, 0, 0, 0, time.UTC)
	other := unit(t, tp, "乙县", map[string]float64{"review_received": 7}, nil)
	tb := Build([]Input{second, other, first}, nil, nil)
	if len(tb.Duplicates) != 1 || tb.Duplicates[0] != "甲 县" {
		t.Errorf("duplicates %v", tb.Duplicates)
	}
	if tot := tb.Totals[col(t, tb, "review_received")]; tot.Value != 59 || tot.Units != 2 {
		t.Errorf("total %+v, want 52 + 7 from 2 units: the earlier copy was summed", tot)
	}
	counted := map[float64]string{}
	for _, r := range tb.Rows {
		counted[r.Cells[col(t, tb, "review_received")].Value] = r.Counted()
	}
	if counted[50] != "否（该单位另有后收到的报告）" || counted[52] != "是" || counted[7] != "是" {
		t.Errorf("计入合计: %v", counted)
	}
	for _, r := range tb.Returns() {
		if r.Unit == "甲县" {
			t.Errorf("the replaced copy is sent back: %+v", r)
		}
	}
	// The workbook's 报送情况 sheet says the same as the totals do.
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, tb); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("报送情况")
	if len(rows) < 2 || rows[1][0] != "甲 县" || rows[1][1] != "重复报送："+OnlyLastCounted {
		t.Errorf("报送情况 %q", rows)
	}
}

// TestCoverLetterIsNoSecondReport: a unit's cover letter, sent beside its
// report and judged not a report by the check, is returned, adds nothing
// to the totals and does not make the unit a duplicate.
func TestCoverLetterIsNoSecondReport(t *testing.T) {
	tp := standard(t)
	report := unit(t, tp, "甲县", map[string]float64{"review_received": 52}, nil)
	letter := unit(t, tp, "甲县", map[string]float64{"review_received": 52}, nil)
	letter.File = "甲县报送函.txt"
	letter.Result.Findings = append(letter.Result.Findings, check.Finding{Rule: check.RuleNotReport, Severity: check.Error, Message: "不像是年度报告全文"})
	tb := Build([]Input{report, letter}, nil, nil)
	if len(tb.Duplicates) != 0 {
		t.Errorf("duplicates %v", tb.Duplicates)
	}
	if tot := tb.Totals[col(t, tb, "review_received")]; tot.Value != 52 || tot.Units != 1 {
		t.Errorf("total %+v: the letter's number was summed", tot)
	}
	var sent *Row
	for _, r := range tb.Returns() {
		if r.File == "甲县报送函.txt" {
			sent = &r
		}
	}
	if sent == nil || !sent.NotReport || !strings.Contains(strings.Join(sent.Problems, ""), "不像是年度报告全文") {
		t.Errorf("the letter is not returned as no report: %+v", sent)
	}
}

// TestFiguresWrittenOnlyInProse: a unit that left the fields empty and
// wrote its figures in the text is summed with what the check read from
// the text; a field wins over the text, and text typed wrong into a field
// counts as no value, as in the check.
func TestFiguresWrittenOnlyInProse(t *testing.T) {
	tp := standard(t)
	prose := map[string]string{"disputes": "全年收到行政复议申请40件，依法审结38件。"}
	onlyText := unit(t, tp, "只写正文", nil, prose)
	field := unit(t, tp, "填了数字栏", map[string]float64{"review_received": 45}, prose)
	bad := unit(t, tp, "填错", nil, prose)
	bad.Report.Invalid = map[string]string{"review_received": "四十"}
	bad.Result = check.Report(tp, bad.Report)
	tb := Build([]Input{onlyText, field, bad}, nil, nil)
	c := col(t, tb, "review_received")
	got := map[string]Cell{}
	for _, r := range tb.Rows {
		got[r.Unit] = r.Cells[c]
	}
	if v := got["只写正文"]; v.State != Value || v.Value != 40 {
		t.Errorf("prose-only unit: %+v, want 40 read from the text", v)
	}
	if v := got["填了数字栏"]; v.State != Value || v.Value != 45 {
		t.Errorf("field unit: %+v, want the field's 45", v)
	}
	if v := got["填错"]; v.State != Blank {
		t.Errorf("invalid field: %+v, want blank", v)
	}
	if tot := tb.Totals[c]; tot.Value != 85 || tot.Units != 2 {
		t.Errorf("total %+v, want 85 from 2 units", tot)
	}
}
