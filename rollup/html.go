package rollup

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"nianbao/model"
)

// WriteHTML writes a dashboard that works offline from one file: inline
// SVG charts (completeness per unit, figure totals), a table sorted by
// clicking its headers, the reports to return and the missing units. It
// loads nothing: intranet PCs have no internet, and a page that fetches a
// chart library would show nothing there.
func WriteHTML(w io.Writer, t *Table) error {
	bw := bufio.NewWriter(w)
	e := html.EscapeString
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"nianbao\">\n")
	p("<title>法治政府建设年度报告汇总</title>\n<style>%s</style>\n</head>\n<body>\n", dashboardCSS)
	p("<h1>法治政府建设年度报告汇总</h1>\n")
	passed, failed, unread := 0, 0, 0
	for _, r := range t.Rows {
		switch {
		case !r.Readable:
			unread++
		case r.Passed:
			passed++
		default:
			failed++
		}
	}
	p("<p class=\"summary\">收到 <b>%d</b> 份：通过 <b>%d</b>，未通过 <b>%d</b>，无法读取 <b>%d</b>", len(t.Rows), passed, failed, unread)
	if t.Roster {
		p("；名单中未报送 <b>%d</b>，逾期 <b>%d</b>", len(t.Missing), len(t.LateRows()))
	}
	p("。</p>\n")
	if len(t.Duplicates) > 0 {
		p("<p class=\"warn\">以下单位报送了多份报告，%s：%s</p>\n", e(OnlyLastCounted), e(strings.Join(t.Duplicates, "、")))
	}

	p("<h2>各单位完整度</h2>\n")
	completenessChart(bw, t)
	p("<h2>数字合计</h2>\n")
	totalsChart(bw, t)

	p("<h2>各单位情况（点击表头排序）</h2>\n<table id=\"units\">\n<thead><tr>")
	heads := t.Heads()
	for i, h := range heads {
		kind := "text"
		// 名次, 年度, then 完整度 to the last figure; the file and 计入合计
		// columns after the figures are text.
		if i == 0 || i == 2 || i >= 5 && i < len(fixedHeads)+len(t.Columns) {
			kind = "num"
		}
		p("<th data-kind=\"%s\">%s</th>", kind, e(h))
	}
	p("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		p("<tr class=\"%s\">", rowClass(r))
		for _, v := range t.rowTexts(r) {
			p("<td>%s</td>", e(v))
		}
		p("</tr>\n")
	}
	p("</tbody>\n<tfoot><tr>")
	for _, v := range t.totalTexts() {
		p("<td>%s</td>", e(v))
	}
	p("</tr></tfoot>\n</table>\n")
	p("<p class=\"note\">空白为未填写，0 为填写了 0，“无此项工作”为单位声明没有这项工作；比率合计由件数之和重新计算，不取平均。</p>\n")

	if ret := t.Returns(); len(ret) > 0 {
		p("<h2>需退回修改（%d 份）</h2>\n<table id=\"returns\">\n<thead><tr><th>单位</th><th>结论</th><th>原因</th></tr></thead>\n<tbody>\n", len(ret))
		for _, r := range ret {
			p("<tr><td>%s</td><td>%s</td><td>", e(r.Unit), e(r.Verdict()))
			for i, pr := range r.Problems {
				if i > 0 {
					p("<br>")
				}
				p("%s", e(pr))
			}
			p("</td></tr>\n")
		}
		p("</tbody>\n</table>\n")
	}
	if t.Roster && len(t.Missing) > 0 {
		p("<h2>未报送（%d 个单位）</h2>\n<ul id=\"missing\">\n", len(t.Missing))
		for _, m := range t.Missing {
			due := ""
			if !m.Due.IsZero() {
				due = "（截止 " + m.Due.Format("2006-01-02") + "）"
			}
			p("<li>%s%s</li>\n", e(m.Unit), e(due))
		}
		p("</ul>\n")
	}
	p("<script>%s</script>\n</body>\n</html>\n", sortScript)
	return bw.Flush()
}

func rowClass(r Row) string {
	switch {
	case !r.Readable:
		return "unread"
	case r.Passed:
		return "passed"
	}
	return "failed"
}

// completenessChart draws one horizontal bar per unit, 0–100%.
func completenessChart(w *bufio.Writer, t *Table) {
	const labelW, barW, rowH = 220, 460, 20
	h := rowH*len(t.Rows) + 10
	fmt.Fprintf(w, "<svg class=\"chart\" id=\"completeness\" role=\"img\" aria-label=\"各单位完整度\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n", labelW+barW+60, h, labelW+barW+60, h)
	for i, r := range t.Rows {
		y := i*rowH + 5
		width := int(r.Completeness / 100 * barW)
		fmt.Fprintf(w, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW-6, y+14, html.EscapeString(r.Unit))
		fmt.Fprintf(w, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"></rect>", rowClass(r), labelW, y+2, width, rowH-6)
		val := "无法读取"
		if r.Readable {
			val = formatNumber(r.Completeness) + "%"
		}
		fmt.Fprintf(w, "<text x=\"%d\" y=\"%d\">%s</text>\n", labelW+width+4, y+14, val)
	}
	fmt.Fprint(w, "</svg>\n")
}

// totalsChart draws the totals of counts and amounts, one bar each, scaled
// within figures of the same unit (件 against 件, 人次 against 人次).
func totalsChart(w *bufio.Writer, t *Table) {
	type bar struct {
		label string
		value float64
		unit  string
	}
	var bars []bar
	maxOf := map[string]float64{}
	for i, c := range t.Columns {
		tot := t.Totals[i]
		if c.Kind == model.KindPercent || tot.State != Value {
			continue
		}
		bars = append(bars, bar{c.Label, tot.Value, c.Unit})
		maxOf[c.Unit] = max(maxOf[c.Unit], tot.Value)
	}
	const labelW, barW, rowH = 220, 460, 20
	h := rowH*len(bars) + 10
	fmt.Fprintf(w, "<svg class=\"chart\" id=\"totals\" role=\"img\" aria-label=\"数字合计\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n", labelW+barW+100, h, labelW+barW+100, h)
	for i, b := range bars {
		y := i*rowH + 5
		width := 0
		if m := maxOf[b.unit]; m > 0 {
			width = int(b.value / m * barW)
		}
		fmt.Fprintf(w, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW-6, y+14, html.EscapeString(b.label))
		fmt.Fprintf(w, "<rect class=\"total\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"></rect>", labelW, y+2, width, rowH-6)
		fmt.Fprintf(w, "<text x=\"%d\" y=\"%d\">%s %s</text>\n", labelW+width+4, y+14, strconv.FormatFloat(b.value, 'f', -1, 64), html.EscapeString(b.unit))
	}
	fmt.Fprint(w, "</svg>\n")
}

const dashboardCSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:2em;color:#222}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em}
.summary b{font-size:1.2em}
table{border-collapse:collapse;font-size:.9em}
th,td{border:1px solid #bbb;padding:.25em .5em;white-space:nowrap}
th{background:#ddebf7;cursor:pointer;position:sticky;top:0}
tfoot td{font-weight:bold;background:#f3f3f3}
tr.failed td:nth-child(5){color:#b00}tr.unread td:nth-child(5){color:#777}
#returns td{white-space:normal;max-width:60em}
.chart text{font-size:12px}
rect.passed{fill:#4c9f50}rect.failed{fill:#d9822b}rect.unread{fill:#999}rect.total{fill:#3b7dd8}
.note{color:#555;font-size:.85em}.warn{color:#b00}
`

// sortScript sorts the units table by a clicked header; numbers sort as
// numbers, blanks last.
const sortScript = `
(function(){
var table=document.getElementById("units");if(!table)return;
var heads=table.tHead.rows[0].cells;
for(var i=0;i<heads.length;i++){(function(col){
heads[col].addEventListener("click",function(){
var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var num=heads[col].getAttribute("data-kind")==="num";
var dir=heads[col].getAttribute("data-dir")==="asc"?-1:1;
heads[col].setAttribute("data-dir",dir===1?"asc":"desc");
rows.sort(function(a,b){
var x=a.cells[col].textContent,y=b.cells[col].textContent;
if(num){var fx=parseFloat(x),fy=parseFloat(y);
if(isNaN(fx)&&isNaN(fy))return 0;if(isNaN(fx))return 1;if(isNaN(fy))return -1;return (fx-fy)*dir;}
return x.localeCompare(y,"zh-CN")*dir;});
rows.forEach(function(r){body.appendChild(r);});});})(i);}
})();
`
