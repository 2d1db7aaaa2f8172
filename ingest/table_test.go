package ingest

import (
	"strings"
	"testing"
	"unicode"
)

func TestTableLines(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cells [][]string
		want  []string
	}{
		{"label and stated value", [][]string{{"项目", "数量"}, {"收到行政复议申请", "96件"}},
			[]string{"项目　数量", "收到行政复议申请　96件"}},
		{"unit from the header", [][]string{{"项目", "数量（件）"}, {"收到行政复议申请", "96"}, {"审结", "1,286"}},
			[]string{"项目　数量（件）", "收到行政复议申请　96件", "审结　1,286件"}},
		{"unit note in the header", [][]string{{"项目", "数量（单位：人次）"}, {"参加旁听庭审", "1200"}},
			[]string{"项目　数量（单位：人次）", "参加旁听庭审　1200人次"}},
		{"count and rate units in one header", [][]string{{"项目", "数量（件、%）"}, {"纠错", "11"}, {"纠错率", "12.5"}},
			[]string{"项目　数量（件、%）", "纠错　11件", "纠错率　12.5%"}},
		{"two count units in one header say nothing", [][]string{{"项目", "数量（件、人）"}, {"纠错", "11"}},
			[]string{"项目　数量（件、人）", "纠错　11"}},
		{"unit in the row label moves to its number", [][]string{{"指标", "数值"}, {"合法性审查（件）", "214"}},
			[]string{"指标　数值", "合法性审查　214件"}},
		{"unit bracket before another bracket", [][]string{{"项目", "2026年"}, {"行政处罚案件（件）（含简易程序）", "926"}},
			[]string{"项目　2026年", "行政处罚案件（含简易程序）　2026年926件"}},
		{"a last bracket that is no unit stays", [][]string{{"项目", "数量"}, {"行政处罚案件（含简易程序）", "926"}},
			[]string{"项目　数量", "行政处罚案件（含简易程序）　926"}},
		{"per cent in the row label moves to its number", [][]string{{"项目", "2025年", "2026年"}, {"行政复议纠错率（%）", "12.2", "10.4"}},
			[]string{"项目　2025年　2026年", "行政复议纠错率　2025年12.2%　2026年10.4%"}},
		{"rate row keeps its sign", [][]string{{"项目", "数量（件）"}, {"败诉率", "5.26%"}},
			[]string{"项目　数量（件）", "败诉率　5.26%"}},
		{"numbers under a header of names", [][]string{{"收案（件）", "审结（件）"}, {"96", "88"}},
			[]string{"收案（件）　审结（件）", "收案96件　审结88件"}},
		{"year columns", [][]string{{"项目", "2024年", "2025年"}, {"行政复议收案（件）", "80", "96"}},
			[]string{"项目　2024年　2025年", "行政复议收案　2024年80件　2025年96件"}},
		{"this and last year", [][]string{{"项目", "上年", "本年"}, {"行政复议收案", "80件", "96件"}},
			[]string{"项目　上年　本年", "行政复议收案　上年80件　本年96件"}},
		{"years as rows", [][]string{{"年度", "行政复议收案（件）"}, {"2024年", "80"}, {"2025年", "96"}},
			[]string{"年度　行政复议收案（件）", "行政复议收案2024年80件", "行政复议收案2025年96件"}},
		{"a column of units", [][]string{{"指标", "单位", "数值"}, {"收到行政复议申请", "件", "96"}, {"纠错率", "%", "12.5"}},
			[]string{"指标　单位　数值", "收到行政复议申请　96件", "纠错率　12.5%"}},
		{"numbered rows", [][]string{{"序号", "项目", "数量（件）"}, {"1", "收到行政复议申请", "96"}},
			[]string{"序号　项目　数量（件）", "1　收到行政复议申请　96件"}},
		{"no header: rows as they are", [][]string{{"收到行政复议申请", "96件"}, {"组织专题培训", "6期"}},
			[]string{"收到行政复议申请　96件", "组织专题培训　6期"}},
		{"per-unit rows get no header words", [][]string{{"单位", "收案（件）", "审结（件）"}, {"县公安局", "20", "18"}, {"合计", "96", "88"}},
			[]string{"单位　收案（件）　审结（件）", "县公安局　20件　18件", "合计　收案96件　审结88件"}},
		{"a total row named for the county", [][]string{{"单位", "收案"}, {"县公安局", "20件"}, {"全　县　合　计", "96件"}},
			[]string{"单位　收案", "县公安局　20件", "全　县　合　计　收案96件"}},
		{"empty row and cells", [][]string{{"项目", "", "数量"}, {"", "", ""}, {"纠错", "", "11件"}},
			[]string{"项目　数量", "", "纠错　11件"}},
		{"text cells are left alone", [][]string{{"项目", "情况"}, {"普法", "开展“八五”普法中期评估"}},
			[]string{"项目　情况", "普法　开展“八五”普法中期评估"}},
	} {
		got := tableLines(tc.cells)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestIsDataTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][][]string
		want bool
	}{
		{"label and value", [][][]string{{{"收案"}, {"96件"}}}, true},
		{"one column", [][][]string{{{"收案"}}, {{"96件"}}}, false},
		{"a report set in one cell", [][][]string{{{"标题", "正文一", "正文二", "正文三"}}}, false},
		{"a cell of prose", [][][]string{{{"一、主要举措"}, {proseCell}}}, false},
		{"a two-line label", [][][]string{{{"行政复议", "收案数"}, {"96"}}}, true},
		{"words only (a 版记 block)", [][][]string{{{"抄送：县委办"}, {"县人大办"}}, {{"县人民政府办公室"}, {"2025年3月1日印发"}}}, false},
	} {
		if got := isDataTable(tc.rows); got != tc.want {
			t.Errorf("%s: isDataTable = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestOfAnotherYear(t *testing.T) {
	for _, tc := range []struct {
		before string
		year   int
		want   bool
	}{
		{"行政复议收案　2024年", 2025, true},
		{"行政复议收案　2025年", 2025, false},
		{"较2023年度", 2025, true},
		{"由上年", 2025, true},
		{"去年同期", 2025, true},
		{"全年共收到", 2025, false},
		{"12025年", 2025, false}, // not a year: five digits
		{"2024年", 0, false},     // year not known
		{"上年", 0, true},
		{"本年", 2025, false},
		{"纠错率由上年的", 2025, true},
		{"较2024年的", 2025, true},
		{"2025年的", 2025, false},
		{"目标的", 2025, false},
	} {
		if got := ofAnotherYear(tc.before, tc.year); got != tc.want {
			t.Errorf("ofAnotherYear(%q, %d) = %v, want %v", tc.before, tc.year, got, tc.want)
		}
	}
}

func cellXML(paras ...string) string { return `<w:tc><w:tcPr/>` + strings.Join(paras, "") + `</w:tc>` }

func rowXML(cells ...string) string { return `<w:tr><w:trPr/>` + strings.Join(cells, "") + `</w:tr>` }

func tableXML(rows ...string) string {
	return `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>` + strings.Join(rows, "") + `</w:tbl>`
}

// proseCell is a cell no data table holds: a layout table's.
var proseCell = strings.Repeat("全面推进依法行政，", 20) + "成效明显。"

// tableDocStart is how the test documents below begin, their data
// table's first rows included.
var tableDocStart = []string{
	"某县2025年度法治政府建设情况报告",
	"全年有关数据见下表。",
	"项目　数量（件）",
	"收到行政复议申请　96件",
	"审结　88件",
}

// A .docx data table is read a row to a line; a layout table, a
// one-column table and a nested table's text are read as before or into
// their cell; hidden content in a cell is listed at its row's line.
func TestDocxTablesReadByRow(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		wp("", "某县2025年度法治政府建设情况报告") +
		wp("", "全年有关数据见下表。") +
		tableXML(
			rowXML(cellXML(wp("", "项目")), cellXML(wp("", "数量（件）"))),
			rowXML(cellXML(wp("", "收到行政复议"), wp("", "申请")), cellXML(wp("", "96"))),
			rowXML(cellXML(wp("", "审结")), cellXML(`<w:p><w:r><w:t>88</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>87</w:delText></w:r></w:del></w:p>`)),
			rowXML(cellXML(wp("", "纠错")), cellXML(tableXML(rowXML(cellXML(wp("", "11")))))),
		) +
		wp("", "表后文字。") +
		tableXML(rowXML(cellXML(wp("", "一、主要举措")), cellXML(wp("", proseCell)))) +
		tableXML(rowXML(cellXML(wp("", "单栏表格甲"))), rowXML(cellXML(wp("", "单栏表格乙")))) +
		`</w:body></w:document>`
	d, err := Read("表格.docx", buildDocx(t, docxParts(doc, "")))
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, d, append(tableDocStart, "纠错　11件", "表后文字。", "一、主要举措", proseCell, "单栏表格甲", "单栏表格乙")...)
	if d.Tables != 1 {
		t.Errorf("Tables = %d, want 1 (the layout and one-column tables are no data tables)", d.Tables)
	}
	if len(d.Hidden) != 1 || d.Hidden[0].Kind != HiddenDelete || d.Hidden[0].Line != 5 || d.Hidden[0].Text != "87" {
		t.Errorf("hidden = %+v, want the deletion 87 at line 5", d.Hidden)
	}
}

// A web page's data table is read a row to a line, header cells (th)
// included; a table used for layout is read as paragraphs.
func TestHTMLTablesReadByRow(t *testing.T) {
	page := `<html><body><article><h1>某县2025年度法治政府建设情况报告</h1><p>全年有关数据见下表。</p>
<table><thead><tr><th>项目</th><th>数量（件）</th></tr></thead>
<tbody><tr><td>收到行政复议申请</td><td> 96 </td></tr><tr><td>审结</td><td><span>88</span></td></tr></tbody></table>
<p>表后文字。</p>
<table><tr><td><p>一、主要举措</p></td><td><p>` + proseCell + `</p></td></tr></table>
</article></body></html>`
	d, err := Read("表格.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, d, append(tableDocStart, "表后文字。", "一、主要举措", proseCell)...)
	if d.Tables != 1 {
		t.Errorf("Tables = %d, want 1", d.Tables)
	}
}

// A Markdown pipe table is read as a data table; its delimiter row's line
// is left empty, so every line keeps its number; a pipe table of prose is
// left as it was written.
func TestMarkdownPipeTables(t *testing.T) {
	md := strings.Join([]string{
		"# 某县2025年度法治政府建设情况报告",
		"全年有关数据见下表。",
		"| 项目 | 数量（件） |",
		"|:---|---:|",
		"| 收到行政复议申请 | 96 |",
		"| **审结** | 88 |",
		"| 含\\|竖线的项目 | 3件 |",
		"表后文字。",
		"| 一、主要举措 | " + proseCell + " |",
		"| --- | --- |",
	}, "\n")
	d, err := Read("表格.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, d, append(tableDocStart[:3:3], "", "收到行政复议申请　96件", "审结　88件", "含|竖线的项目　3件", "表后文字。",
		"| 一、主要举措 | "+proseCell+" |", "| --- | --- |")...)
	if d.Tables != 1 {
		t.Errorf("Tables = %d, want 1", d.Tables)
	}
}

// A table in a PDF, as pdftotext lays it out (cells apart by column gaps,
// a long label run up to its number), is read a row to a line; lines of
// prose that merely have wide gaps, with no numbers, are prose.
func TestPDFTableRows(t *testing.T) {
	layout := "    全年有关数据见下表。\n\n" +
		"项目                 数量（件、%）\n\n" +
		"收到行政复议申请     96\n\n" +
		"审结行政复议案件     88\n\n" +
		"纠错率               12.5\n\n" +
		"行政机关负责人出庭应诉 55\n\n" +
		"    表后文字。\n" +
		"甲乡镇          乙街道\n" +
		"丙社区          丁村\n"
	wantPDFParagraphs(t, layout,
		"全年有关数据见下表。",
		"项目　数量（件、%）",
		"收到行政复议申请　96件",
		"审结行政复议案件　88件",
		"纠错率　12.5%",
		"行政机关负责人出庭应诉　55件",
		"表后文字。",
		"甲乡镇乙街道丙社区丁村",
	)
	if _, tables := pdfParagraphs(layout); tables != 1 {
		t.Errorf("tables = %d, want 1", tables)
	}
}

// A PDF table cell wrapped over lines is put back together: a label run
// onto the lines above and below the one with its numbers (as Chromium
// prints a narrow column), a header set on two lines around its
// neighbours' one (as LibreOffice centres it), and a number or a year one
// space from the cell before it.
func TestPDFWrappedTableCells(t *testing.T) {
	narrow := "    全县主要执法数据如下。\n" +
		"      指标（件）      2025年度 2026年度\n\n" +
		"全县办理行政处罚案件数量\n" +
		"（含简易程序案件和普通程序 850    926\n" +
		"案件）\n" +
		"行政复议案件收案数     41     52\n\n" +
		"行政应诉案件（含一审二审） 28     31\n\n" +
		"    以上数据由县司法局汇总。\n"
	wantPDFParagraphs(t, narrow,
		"全县主要执法数据如下。",
		"指标（件）　2025年度　2026年度",
		"全县办理行政处罚案件数量（含简易程序案件和普通程序案件）　2025年度850　2026年度926",
		"行政复议案件收案数　2025年度41　2026年度52",
		"行政应诉案件（含一审二审）　2025年度28　2026年度31",
		"以上数据由县司法局汇总。",
	)
	centred := "    主要数据见下表。\n\n" +
		"                         2025\n" +
		"           指标（件）           2026 年\n" +
		"                          年\n\n" +
		"行政处罚案件数量（含简易程序） 850     926\n\n" +
		"行政应诉案件                   28      31\n"
	wantPDFParagraphs(t, centred,
		"主要数据见下表。",
		"指标（件）　2025年　2026年",
		"行政处罚案件数量（含简易程序）　2025年850　2026年926",
		"行政应诉案件　2025年28　2026年31",
	)
	// What follows a table right under its last row is not a cell of it:
	// a heading, a sentence, a full line of prose.
	after := "项目（件）            数量\n" +
		"收到行政复议申请      96\n" +
		"审结行政复议案件      88\n"
	for _, next := range []string{
		"（二）坚持严格规范公正文明执法",
		"行政复议工作有序开展。",
		"    全面落实行政执法三项制度，持续深化行政执法体制改革，推动执法重心下",
	} {
		got, _ := pdfParagraphs(after + next + "\n")
		if len(got) != 4 || got[3] != zhtextTrimmed(next) {
			t.Errorf("after the table %q: paragraphs %q", next, got)
		}
	}
	// Nothing a table's lines say is lost (a year header is also
	// written before each number under it).
	for _, layout := range []string{narrow, centred} {
		got, _ := pdfParagraphs(layout)
		have := hanCounts(strings.Join(got, ""))
		for r, n := range hanCounts(layout) {
			if have[r] < n {
				t.Errorf("%q: %d of %d lost", r, n-have[r], n)
			}
		}
	}
}

// zhtextTrimmed is a laid-out line as pdfParagraphs gives it: no indent.
func zhtextTrimmed(s string) string { return strings.TrimLeft(s, " ") }

// hanCounts counts each Chinese character of s.
func hanCounts(s string) map[rune]int {
	n := map[rune]int{}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n[r]++
		}
	}
	return n
}

// A header cell merged across columns (w:gridSpan, colspan) leaves the
// next header above its own column, so the unit it gives reaches its
// numbers.
func TestMergedHeaderCells(t *testing.T) {
	spanned := `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + wp("", "项目") + `</w:tc>`
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + `><w:body>` +
		tableXML(rowXML(spanned, cellXML(wp("", "数量（件）"))),
			rowXML(cellXML(wp("", "行政复议")), cellXML(wp("", "收案")), cellXML(wp("", "96")))) +
		`</w:body></w:document>`
	d, err := Read("合并.docx", buildDocx(t, docxParts(doc, "")))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"项目　数量（件）", "行政复议　收案　96件"}
	wantLines(t, d, want...)
	page := `<html><body><table><tr><th colspan="2">项目</th><th>数量（件）</th></tr>` +
		`<tr><td>行政复议</td><td>收案</td><td>96</td></tr></table></body></html>`
	if d, err = Read("合并.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	wantLines(t, d, want...)
}

// A page laid out in a table: the article is read from its cell, and the
// layout table's other rows (banner, footer) stay out.
func TestLayoutTablePage(t *testing.T) {
	article := strings.Repeat("全面推进依法行政，全年收到行政复议申请52件。", 12)
	page := `<html><body><table>` +
		`<tr><td>某县人民政府门户网站 本站由县政府办公室主办 欢迎访问</td></tr>` +
		`<tr><td>` + strings.Repeat("政务公开 信息公开 办事服务 互动交流 ", 12) + `</td><td><p>某县2024年度法治政府建设情况报告</p><p>` + article + `</p></td></tr>` +
		`</table></body></html>`
	d, err := Read("布局.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Text(); strings.Contains(got, "门户网站") || !strings.Contains(got, article) {
		t.Errorf("lines:\n%s", got)
	}
}
