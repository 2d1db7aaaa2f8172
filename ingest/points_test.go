package ingest

import (
	"strings"
	"testing"
)

func TestPointsGoToTheSubsectionsTheyName(t *testing.T) {
	head := "青山县2024年度法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n"
	tail := "二、存在的不足和原因\n力量不足。\n三、2025年度主要安排\n加强培训。\n"
	cases := []struct {
		name, body string
		want       map[string]string // section → a piece of its text
		stays      string            // text that must stay in measures
	}{
		{"one point a paragraph",
			"全年工作总体平稳有序推进，各项任务按期完成。\n一是推进依法决策。全年开展合法性审查150件。\n二是严格规范执法。全年办理行政处罚案件800件。\n三是化解矛盾纠纷。受理行政复议申请30件。\n四是深化法治宣传教育。组织普法活动100场。\n",
			map[string]string{"decisions": "一是推进依法决策。", "enforcement": "办理行政处罚案件800件", "disputes": "三是化解矛盾纠纷", "publicity": "普法活动100场"},
			"全年工作总体平稳有序推进"},
		{"all points in one paragraph",
			"一是推进依法决策。开展合法性审查150件。二是严格规范公正文明执法。办理行政处罚案件800件。三是化解矛盾纠纷。受理行政复议申请30件。四是深化法治宣传教育。组织普法活动100场。\n",
			map[string]string{"decisions": "合法性审查150件。", "enforcement": "二是严格规范公正文明执法", "disputes": "行政复议申请30件", "publicity": "四是深化法治宣传教育"},
			""},
		{"details in the next paragraph follow their point",
			"一是推进依法决策。\n全年开展合法性审查150件，备案规范性文件9件。\n二是加强队伍建设。\n培训干部200人次。\n",
			map[string]string{"decisions": "全年开展合法性审查150件"},
			"二是加强队伍建设。"},
		{"a long narrative first sentence names nothing",
			"全年围绕依法决策、严格执法、化解矛盾纠纷和法治宣传教育等重点工作持续发力并取得明显成效。\n",
			nil, "围绕依法决策"},
	}
	for _, c := range cases {
		_, res := importString(t, "r.txt", []byte(head+c.body+tail), "standard")
		r := res.Report
		for id, piece := range c.want {
			if !strings.Contains(r.Text(id), piece) {
				t.Errorf("%s: %s = %q, want it to hold %q", c.name, id, r.Text(id), piece)
			}
			if _, ok := res.SectionLines[id]; !ok {
				t.Errorf("%s: %s has no source line", c.name, id)
			}
		}
		if c.stays != "" && !strings.Contains(r.Text("measures"), c.stays) {
			t.Errorf("%s: measures = %q, want it to keep %q", c.name, r.Text("measures"), c.stays)
		}
		if c.want == nil {
			for _, id := range []string{"decisions", "enforcement", "disputes", "publicity"} {
				if r.Text(id) != "" {
					t.Errorf("%s: %s got %q", c.name, id, r.Text(id))
				}
			}
		}
		doc, _ := Read("r.txt", []byte(head+c.body+tail))
		assertNoLoss(t, doc, res)
	}
}

func TestPointsDoNotOverrideHeadings(t *testing.T) {
	// （一） went to decisions by its heading; a point in the part's own
	// text that also names decisions stays where the drafter put it.
	text := "青山县2024年度法治政府建设情况报告\n一、主要举措和成效\n一是推进依法决策。总体情况良好。\n（一）依法决策\n全年开展合法性审查150件。\n"
	_, res := importString(t, "r.txt", []byte(text), "standard")
	if !strings.Contains(res.Report.Text("measures"), "一是推进依法决策") {
		t.Errorf("measures %q decisions %q", res.Report.Text("measures"), res.Report.Text("decisions"))
	}
}

func TestPartsOfOtherShapes(t *testing.T) {
	body := "青山县司法局2024年度法治政府建设情况报告\n%s基本情况\n本局全年推进依法行政，开展合法性审查150件。\n%s存在的问题\n执法力量不足，培训不够系统。\n%s下一步工作打算\n加强执法培训。\n"
	for _, marks := range [][3]string{{"第一部分　", "第二部分　", "第三部分　"}, {"", "", ""}} {
		text := strings.NewReplacer("%s", "").Replace(body)
		if marks[0] != "" {
			text = strings.Replace(strings.Replace(strings.Replace(body, "%s", marks[0], 1), "%s", marks[1], 1), "%s", marks[2], 1)
		}
		_, res := importString(t, "r.txt", []byte(text), "department")
		r := res.Report
		if !strings.Contains(r.Text("shortcomings"), "执法力量不足") || !strings.Contains(r.Text("plans"), "加强执法培训") {
			t.Errorf("%q: shortcomings %q plans %q", marks[0], r.Text("shortcomings"), r.Text("plans"))
		}
		if !IsDepartmentReport(res) {
			t.Errorf("%q: not a department report", marks[0])
		}
	}
	// A report with numbered parts keeps a short line as prose, and a line
	// with sentence punctuation is never a heading.
	text := "青山县2024年度法治政府建设情况报告\n一、主要举措和成效\n存在的问题\n全年工作有序。\n二、下一步打算\n下一步，我们将加强培训。\n"
	_, res := importString(t, "r.txt", []byte(text), "standard")
	if !strings.Contains(res.Report.Text("measures"), "存在的问题") || res.Report.Text("shortcomings") != "" {
		t.Errorf("measures %q shortcomings %q", res.Report.Text("measures"), res.Report.Text("shortcomings"))
	}
	if isPlainPart("下一步，我们将加强培训。") || !isPlainPart("存在的问题：") {
		t.Error("isPlainPart")
	}
}
