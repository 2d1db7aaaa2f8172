package ingest

import "testing"

func TestIsDepartmentReport(t *testing.T) {
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
	}
	for _, c := range cases {
		_, res := importString(t, "r.txt", []byte(c.title+c.body), "standard")
		if got := IsDepartmentReport(res); got != c.want {
			t.Errorf("%s: unit %q → %v, want %v", c.name, res.Report.Unit, got, c.want)
		}
	}
	if IsDepartmentReport(nil) {
		t.Error("nil result")
	}
}
