package accuracy

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

// Figures stated in a table, as a unit's report sometimes gives its case
// counts: the document is the sample or corpus report as a web page (or,
// in ingest's tests, a .docx), its anchor sentence replaced by a
// paragraph pointing to a table that holds the figure. A table is read a
// row to a line; the reading must find the figure (no figure.not-found)
// and find the report year's number, not another year's beside it
// (TestFigureTableValues).

// tableLabels are the words a table row or header names a figure by, two
// wordings each; the layouts take them in turn.
var tableLabels = map[string][2]string{
	"legality":   {"合法性审查", "开展合法性审查"},
	"review":     {"收到行政复议申请", "行政复议收案"},
	"penalty":    {"办理行政处罚案件", "行政处罚案件"},
	"publicity":  {"开展普法活动", "普法活动"},
	"litigation": {"行政应诉案件", "行政诉讼案件"},
	"filing":     {"报备规范性文件", "规范性文件备案"},
	"mediation":  {"人民调解受理纠纷", "受理人民调解案件"},
}

// tableLayouts are ways of tabling one figure: {L} its words, {N} its
// number, {U} its unit, {M} another year's number, {Y} the report year and
// {P} the year before.
var tableLayouts = []struct {
	name  string
	rows  [][]string
	allow []string // findings the layout itself rightly adds
}{
	{"label-value", [][]string{{"项目", "数量"}, {"{L}", "{N}{U}"}}, nil},
	{"header-unit", [][]string{{"项目", "数量（{U}）"}, {"{L}", "{N}"}}, nil},
	{"header-unit-note", [][]string{{"项目", "数量（单位：{U}）"}, {"{L}", "{N}"}}, nil},
	// Half-width brackets between Chinese words are a writing.punct
	// finding in a table as in prose.
	{"ascii-brackets", [][]string{{"项目", "数量({U})"}, {"{L}", "{N}"}}, []string{"writing.punct"}},
	{"unit-in-label", [][]string{{"指标", "数值"}, {"{L}（{U}）", "{N}"}}, nil},
	{"mixed-header-unit", [][]string{{"项目", "数量（{U}、%）"}, {"{L}", "{N}"}, {"群众满意率", "98.5"}}, nil},
	{"no-header", [][]string{{"{L}", "{N}{U}"}, {"组织专题培训", "6期"}}, nil},
	{"column-headers", [][]string{{"{L}（{U}）", "接待来访群众（人次）"}, {"{N}", "57"}}, nil},
	{"column-headers-units-in-cells", [][]string{{"{L}", "接待来访群众"}, {"{N}{U}", "57人次"}}, nil},
	{"years-report-last", [][]string{{"项目", "{P}年", "{Y}年"}, {"{L}（{U}）", "{M}", "{N}"}}, nil},
	{"years-report-first", [][]string{{"项目", "{Y}年", "{P}年"}, {"{L}", "{N}{U}", "{M}{U}"}}, nil},
	{"years-as-rows", [][]string{{"年度", "{L}（{U}）"}, {"{P}年", "{M}"}, {"{Y}年", "{N}"}}, nil},
	{"this-and-last-year", [][]string{{"项目", "上年", "本年"}, {"{L}（{U}）", "{M}", "{N}"}}, nil},
	{"with-change", [][]string{{"项目", "数量（{U}）", "同比"}, {"{L}", "{N}", "增长12%"}}, nil},
	{"several-rows", [][]string{{"项目", "数量"}, {"办理群众来信", "35件"}, {"{L}", "{N}{U}"}, {"组织专题培训", "6期"}}, nil},
	// Rows by department and a total: the total is the report's figure.
	{"per-unit-with-total", [][]string{{"单位", "{L}（{U}）", "办理群众来信（件）"}, {"县公安局", "{M}", "12"}, {"县市场监管局", "4", "7"}, {"合计", "{N}", "19"}}, nil},
	{"unit-column", [][]string{{"指标", "单位", "数值"}, {"{L}", "{U}", "{N}"}, {"群众满意率", "%", "98.5"}}, nil},
	{"numbered-rows", [][]string{{"序号", "项目", "数量（{U}）"}, {"1", "{L}", "{N}"}, {"2", "组织专题培训", "6"}}, nil},
	{"full-width-digits", [][]string{{"项目", "数量（{U}）"}, {"{L}", "{F}"}}, []string{"writing.digits"}},
}

var unitAfterNumber = regexp.MustCompile(`\d+([^\d，。；、]{1,2})$`)

// tableFor fills a layout for one anchor of a base whose year is year.
func tableFor(rows [][]string, label string, a anchor, year int) [][]string {
	unit := "件"
	if m := unitAfterNumber.FindStringSubmatch(a.text); m != nil {
		unit = m[1]
	}
	n, _ := strconv.Atoi(a.n)
	r := strings.NewReplacer("{L}", label, "{N}", a.n, "{U}", unit, "{M}", strconv.Itoa(n/2+3),
		"{Y}", strconv.Itoa(year), "{P}", strconv.Itoa(year-1), "{F}", fullWidth(a.n))
	out := make([][]string, len(rows))
	for i, row := range rows {
		for _, c := range row {
			out[i] = append(out[i], r.Replace(c))
		}
	}
	return out
}

// fullWidth writes s's ASCII digits full-width, as a drafter typing in
// full-width mode does.
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r += '０' - '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var reportYear = regexp.MustCompile(`(\d{4})年度`)

// baseYear is the year a base report's title names.
func baseYear(text string) int {
	first, _, _ := strings.Cut(text, "\n")
	if m := reportYear.FindStringSubmatch(first); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// withTable is a mutation giving the base as a web page, with anchor
// replaced by a pointer to table, which follows its paragraph.
func withTable(anchor string, table [][]string) mutation {
	return withTableAs(".html", anchor, table)
}

// withTableAs is withTable for a web page (".html") or Markdown (".md").
func withTableAs(ext, anchor string, table [][]string) mutation {
	return func(s string) (string, error) {
		if anchor != "" && !strings.Contains(s, anchor) {
			return "", fmt.Errorf("anchor %q not found", anchor)
		}
		const mark = "\x00"
		if anchor != "" {
			s = strings.Replace(s, anchor, "有关数据见下表"+mark, 1)
		}
		if ext == ".md" {
			return markdownOf(s, mark, table), nil
		}
		return pageOf(s, mark, table), nil
	}
}

// markdownOf is pageOf for Markdown: the text as it is, with table as a
// pipe table after the line holding mark.
func markdownOf(text, mark string, table [][]string) string {
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		b.WriteString(strings.ReplaceAll(line, mark, "") + "\n")
		if !strings.Contains(line, mark) {
			continue
		}
		b.WriteString("\n")
		for i, row := range table {
			b.WriteString("| " + strings.Join(row, " | ") + " |\n")
			if i == 0 {
				b.WriteString(strings.Repeat("| --- ", len(row)) + "|\n")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// pageOf writes text as a web page, a paragraph a line, with table after
// the line holding mark.
func pageOf(text, mark string, table [][]string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n")
	for _, line := range strings.Split(text, "\n") {
		has := strings.Contains(line, mark)
		b.WriteString("<p>" + html.EscapeString(strings.ReplaceAll(line, mark, "")) + "</p>\n")
		if has {
			b.WriteString("<table border=\"1\">\n")
			for _, row := range table {
				b.WriteString("<tr>")
				for _, c := range row {
					b.WriteString("<td>" + html.EscapeString(c) + "</td>")
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		}
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// ratesOnCount says whether the sentence holding anchor in text goes on
// to state a rate.
func ratesOnCount(text, anchor string) bool {
	i := strings.Index(text, anchor)
	if i < 0 {
		return false
	}
	rest, _, _ := strings.Cut(text[i+len(anchor):], "。")
	return strings.Contains(rest, "率")
}

func tableCases(b *builder) {
	for base := range b.bases {
		b.addAs(".html", "fa9.figures-in-table", base, "page-without-table", withTable("", nil), acase{})
	}
	formats := map[string]string{".html": "", ".md": "md-"}
	for fig, byBase := range figureAnchors {
		for base, a := range byBase {
			year := baseYear(b.bases[base])
			for i, l := range tableLayouts {
				table := tableFor(l.rows, tableLabels[fig][i%2], a, year)
				allow := l.allow
				if ratesOnCount(b.bases[base], a.text) {
					// The sentence goes on to a rate of this count ("，败诉3件，
					// 败诉率7.5%"), which then has no whole of its own: the
					// rate rule pairs it with the sentence before, as a doubt.
					allow = append(allow[:len(allow):len(allow)], "prose.rate-doubt")
				}
				for ext, prefix := range formats {
					b.addAs(ext, "fa9.figures-in-table", base, prefix+fig+"-"+l.name, withTableAs(ext, a.text, table), acase{allow: allow})
				}
			}
		}
	}
	// A rate in a table that its counts, in the rows above, do not give.
	c := "d13.rate-in-table"
	rows := [][]string{{"项目", "数量（件）"}, {"收到行政复议申请", "52"}, {"审结行政复议案件", "48"}, {"行政复议纠错", "5"}, {"行政复议纠错率", "{R}"}}
	for name, rate := range map[string]string{"slipped-decimal": "1.04%", "tenfold": "104%", "ordinary": "25%"} {
		table := tableFor(rows, "", anchor{}, 0)
		table[4][1] = rate
		b.addAs(".html", c, "county", name, withTable("全年收到行政复议申请52件，审结48件，纠错5件，纠错率10.4%。", table), acase{rules: rateRules})
	}
}
