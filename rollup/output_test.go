package rollup

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func sampleTable(t *testing.T) *Table {
	tp := standard(t)
	return Build([]Input{
		unit(t, tp, "甲县", map[string]float64{"review_received": 30, "review_decided": 23, "review_corrected": 2, "review_correction_rate": 8.7, "penalty_cases": 1200}, nil),
		unit(t, tp, "乙县", map[string]float64{"review_received": 120, "review_decided": 100, "review_corrected": 30, "review_correction_rate": 30, "penalty_cases": 0}, nil),
		{File: "丙县.doc", Err: os.ErrNotExist},
	}, nil, nil)
}

func TestWriteXLSX(t *testing.T) {
	tb := sampleTable(t)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, tb); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "汇总,退回修改,说明" {
		t.Errorf("sheets %s", got)
	}
	panes, err := f.GetPanes(sheetUnits)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	rows, err := f.GetRows(sheetUnits)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[4][1] != totalLabel {
		t.Fatalf("rows %v", rows)
	}
	rate := len(fixedHeads) + col(t, tb, "review_correction_rate")
	received := len(fixedHeads) + col(t, tb, "review_received")
	if rows[4][rate] != "26.02" || rows[4][received] != "150" {
		t.Errorf("totals row %v", rows[4])
	}
	// Numbers are stored as numbers, so the spreadsheet can sum them.
	typ, err := f.GetCellType(sheetUnits, cell(received+1, 5))
	if err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("total stored as %v, want a number", typ)
	}
	ret, _ := f.GetRows(sheetReturns)
	if len(ret) != 4 || ret[3][0] != "丙县" || ret[3][1] != "无法读取" || !strings.Contains(ret[1][3], "必填数字") {
		t.Errorf("returns sheet %v", ret)
	}
}

// TestXLSXOpensInLibreOffice: LibreOffice Calc reads the workbook; its CSV
// of the first sheet has the units and the totals.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	bin, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice（soffice）未安装：跳过")
	}
	// Calc is a separate package; without it LibreOffice cannot load any
	// spreadsheet, ours or not.
	real, _ := filepath.EvalSymlinks(bin)
	if _, err := os.Stat(filepath.Join(filepath.Dir(real), "libsclo.so")); err != nil {
		t.Skip("LibreOffice Calc 未安装（Debian：apt install libreoffice-calc-nogui）：跳过用 Calc 打开汇总表的测试")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sampleTable(t)); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "汇总.xlsx")
	if err := os.WriteFile(src, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "汇总.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"甲县", "乙县", "合计", "26.02"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("LibreOffice's reading lacks %q:\n%s", want, data)
		}
	}
}

// TestWriteHTMLOffline: the dashboard has its two charts and the table,
// and refers to nothing outside itself.
func TestWriteHTMLOffline(t *testing.T) {
	tb := sampleTable(t)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, tb); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	svgs, bars, bodyRows, footRows := 0, 0, 0, 0
	var walk func(n *html.Node, in string)
	walk = func(n *html.Node, in string) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				v := strings.ToLower(a.Val)
				if (a.Key == "src" || a.Key == "href" || a.Key == "xlink:href") && (strings.Contains(v, "//") || strings.HasPrefix(v, "http")) {
					t.Errorf("external reference <%s %s=%q>", n.Data, a.Key, a.Val)
				}
			}
			switch {
			case n.Data == "svg":
				svgs++
			case n.Data == "rect":
				bars++
			case n.Data == "link" || n.Data == "img" || n.Data == "iframe":
				t.Errorf("dashboard has <%s>", n.Data)
			case n.Data == "script" && len(n.Attr) > 0:
				t.Errorf("script with attributes (external?): %v", n.Attr)
			case n.DataAtom == atom.Tr && in == "tbody":
				bodyRows++
			case n.DataAtom == atom.Tr && in == "tfoot":
				footRows++
			}
			if n.Data == "tbody" || n.Data == "tfoot" {
				in = n.Data
			}
			if n.Data == "table" && in != "" {
				in = ""
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, "")
	if svgs != 2 || bars < 3 || bodyRows < 3 || footRows != 1 {
		t.Errorf("svgs %d, bars %d, body rows %d, totals rows %d", svgs, bars, bodyRows, footRows)
	}
	if strings.Contains(buf.String(), "url(") || strings.Contains(buf.String(), "@import") {
		t.Error("stylesheet loads something")
	}
	// The units table sorts numbers as numbers and the file names and
	// 计入合计 as text.
	for _, want := range []string{`<th data-kind="num">名次</th>`, `<th data-kind="text">单位</th>`, `<th data-kind="num">完整度（%）</th>`,
		`<th data-kind="text">文件</th>`, `<th data-kind="text">计入合计</th>`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("units table lacks %s", want)
		}
	}
}

// TestDashboardScriptParses: the inline sorting script is valid
// JavaScript, checked by node where it is installed (no browser here).
func TestDashboardScriptParses(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node 未安装：跳过脚本语法检查")
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sampleTable(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	start, end := strings.Index(page, "<script>"), strings.Index(page, "</script>")
	if start < 0 || end < start {
		t.Fatal("no inline script")
	}
	js := filepath.Join(t.TempDir(), "sort.js")
	if err := os.WriteFile(js, []byte(page[start+len("<script>"):end]), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(node, "--check", js).CombinedOutput(); err != nil {
		t.Errorf("script does not parse: %v\n%s", err, out)
	}
}

// domStub is just enough DOM for the sorting script: a table whose header
// cells take click handlers and whose body rows can be re-appended. After
// the script runs it clicks a header twice and prints the first column of
// the body each time.
const domStub = `
function cell(t){var a={};return {textContent:t,getAttribute:function(k){return a[k]===undefined?null:a[k]},setAttribute:function(k,v){a[k]=v},addEventListener:function(e,f){this.onclick=f}};}
var heads=[cell("名次"),cell("单位"),cell("完整度")];heads[0].setAttribute("data-kind","num");heads[2].setAttribute("data-kind","num");
function row(a,b,c){return {cells:[cell(a),cell(b),cell(c)]};}
var body={rows:[row("1","甲","100"),row("2","乙","75"),row("3","丙","")],appendChild:function(r){var i=this.rows.indexOf(r);this.rows.splice(i,1);this.rows.push(r);}};
var table={tHead:{rows:[{cells:heads}]},tBodies:[body]};
var document={getElementById:function(id){return id==="units"?table:null}};
`

func TestDashboardSortScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node 未安装：跳过排序脚本测试")
	}
	js := domStub + sortScript + `
heads[2].onclick();console.log(body.rows.map(function(r){return r.cells[1].textContent}).join(""));
heads[2].onclick();console.log(body.rows.map(function(r){return r.cells[1].textContent}).join(""));
heads[1].onclick();console.log(body.rows.map(function(r){return r.cells[1].textContent}).join(""));
`
	path := filepath.Join(t.TempDir(), "sort.js")
	if err := os.WriteFile(path, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, path).CombinedOutput()
	if err != nil {
		t.Fatalf("script failed: %v\n%s", err, out)
	}
	// Ascending with the blank last, then descending (blank still last),
	// then by unit name in Chinese collation order.
	lines := strings.Fields(string(out))
	if len(lines) != 3 || lines[0] != "乙甲丙" || lines[1] != "甲乙丙" {
		t.Errorf("sort order %q", lines)
	}
}

// TestDashboardInChromium: where a Chromium is installed, the page renders
// headless to a screenshot with no script errors in the console.
func TestDashboardInChromium(t *testing.T) {
	var bin string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("Chromium 未安装：仪表板只做 HTML 解析和 node 脚本测试")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sampleTable(t)); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "汇总.html")
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	cmd := exec.Command(bin, "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1200,1600", "--screenshot="+shot, "file://"+page)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 1000 {
		t.Errorf("no screenshot: %v", err)
	}
	if strings.Contains(string(out), "Uncaught") || strings.Contains(string(out), "CONSOLE(") && strings.Contains(string(out), "Error") {
		t.Errorf("console errors:\n%s", out)
	}
}

// BenchmarkWriteXLSX writes the workbook of a 360-unit roll-up, the size
// of BenchmarkRollupVsCheck's folder.
func BenchmarkWriteXLSX(b *testing.B) {
	tp := standard(&testing.T{})
	var inputs []Input
	for i := range 360 {
		inputs = append(inputs, unit(&testing.T{}, tp, fmt.Sprintf("单位%03d", i),
			map[string]float64{"review_received": float64(i), "review_decided": float64(i), "publicity_events": 12}, nil))
	}
	tb := Build(inputs, nil, nil)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WriteXLSX(&buf, tb); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB")
}
