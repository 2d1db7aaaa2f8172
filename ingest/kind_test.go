package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// departmentCases are reports of both kinds, each with whether it is a
// department's.
func departmentCases() []struct {
	name, title, body string
	want              bool
} {
	dept := "一、基本情况\n本局全年推进依法行政。\n二、存在的问题\n执法力量不足。\n三、下一步工作打算\n加强培训。\n"
	five := "一、上一年度推进法治政府建设的主要举措和成效\n全年推进依法行政。\n二、上一年度推进法治政府建设存在的不足和原因\n力量不足。\n" +
		"三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人亲自部署。\n四、下一年度主要安排\n加强培训。\n五、其他需要报告的情况\n暂无。\n"
	neutral := "一、主要工作\n全年推进依法行政。\n二、几点体会\n依法办事。\n"
	cases := []struct {
		name, title, body string
		want              bool
	}{
		{"department name, department layout", "青山县司法局2024年度法治政府建设情况报告\n", dept, true},
		{"department name, neutral layout", "青山县市场监督管理局2024年度法治政府建设情况报告\n", neutral, true},
		{"no unit in the title, department layout", "关于2024年度法治政府建设工作情况的报告\n", dept, true},
		{"department name, the five national parts", "青山县司法局2024年度法治政府建设情况报告\n", five, false},
		{"government name, department layout", "青山县2024年度法治政府建设情况报告\n", dept, false},
		{"government name, five parts", "青山县人民政府2024年度法治政府建设情况报告\n", five, false},
		{"no unit, neutral layout", "关于2024年度法治政府建设工作情况的报告\n", neutral, false},
		{"committee name", "青山县发展和改革委员会2024年度法治政府建设情况报告\n", dept, true},
		{"government office is a department", "青山县人民政府办公室2024年度法治政府建设情况报告\n", neutral, true},
		{"front matter names a department", "---\nunit: 青山县司法局\nyear: 2024\n---\n关于2024年度法治政府建设工作情况的报告\n", neutral, true},
		{"front matter names a government", "---\nunit: 青山县人民政府\n---\n关于2024年度法治政府建设工作情况的报告\n", dept, false},
	}
	return cases
}

// caseFile names a case's file: front matter is read from Markdown.
func caseFile(title string) string {
	if strings.HasPrefix(title, "---") {
		return "r.md"
	}
	return "r.txt"
}

func TestIsDepartmentReport(t *testing.T) {
	for _, c := range departmentCases() {
		_, res := importString(t, caseFile(c.title), []byte(c.title+c.body), "standard")
		if got := IsDepartmentReport(res); got != c.want {
			t.Errorf("%s: unit %q → %v, want %v", c.name, res.Report.Unit, got, c.want)
		}
	}
	if IsDepartmentReport(nil) {
		t.Error("nil result")
	}
}

// TestImportChoosing: choosing the template from the outline gives what
// importing against the standard template, asking IsDepartmentReport and
// importing again against the department one gave, for every case.
func TestImportChoosing(t *testing.T) {
	std, dept := loadTemplate(t, "standard"), loadTemplate(t, "department")
	for _, c := range departmentCases() {
		doc, err := Read(caseFile(c.title), []byte(c.title+c.body))
		if err != nil {
			t.Fatal(err)
		}
		twoStep, err := Import(doc, std)
		if err != nil {
			t.Fatal(err)
		}
		wantT := std
		if IsDepartmentReport(twoStep) {
			wantT = dept
			twoStep, _ = Import(doc, dept)
		}
		res, got, err := ImportChoosing(doc, std, dept)
		if err != nil {
			t.Fatal(err)
		}
		if got != wantT || (got == dept) != c.want {
			t.Errorf("%s: chose %s, want %s", c.name, got.ID, wantT.ID)
			continue
		}
		if !sameImport(res, twoStep) {
			t.Errorf("%s: the result differs from importing twice", c.name)
		}
	}
	if res, got, err := ImportChoosing(mustRead(t, "r.txt", "青山县司法局2024年度法治政府建设情况报告\n一、基本情况\n全年办结。\n"), std, nil); err != nil || got != std || res == nil {
		t.Errorf("no department template: %v %v", got, err)
	}
}

// sameImport compares what an import gives a draft and a check.
func sameImport(a, b *Result) bool {
	ra, rb := a.Report, b.Report
	return ra.Unit == rb.Unit && ra.Year == rb.Year && ra.Title == rb.Title && ra.Unmatched == rb.Unmatched &&
		reflect.DeepEqual(ra.Sections, rb.Sections) && reflect.DeepEqual(ra.Figures, rb.Figures) &&
		reflect.DeepEqual(a.Mapping, b.Mapping) && reflect.DeepEqual(a.SectionLines, b.SectionLines) &&
		reflect.DeepEqual(a.FigureLines, b.FigureLines) && a.Text == b.Text && reflect.DeepEqual(a.Headings, b.Headings)
}

func mustRead(t *testing.T, name, text string) *Document {
	t.Helper()
	doc, err := Read(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
