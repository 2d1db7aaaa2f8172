package check

import (
	"os"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

// FuzzCheck feeds arbitrary prose to the text rules and, as a section of
// a draft, to the whole engine: no panic, and every finding names a known
// rule and a sane completeness.
func FuzzCheck(f *testing.F) {
	if data, err := os.ReadFile("../examples/sample-report.yaml"); err == nil {
		if r, err := model.ParseReport("sample", data); err == nil {
			for _, s := range r.Sections {
				f.Add(s)
			}
		}
	}
	f.Add("受理120件，调解成功110件，成功率98%。一是加强；三是改进。")
	f.Add("受理120件，上年结转6件，办结120件，结案率95.2%以上。审结40件，其中纠错52件。共办理件，检查余次，纠错率%，X场。")
	f.Add("某县2023年度法治政府建设情况报告\n２０２２年，一是\u2002二是三加强。由上年的9.1%降至4.2%")
	f.Add("一、总体\n二、问题\n二、打算\n（一）甲\n（三）乙\n办理业务 件，复议纠错率6.5 %。2024 年")
	f.Add("全县共排查化解矛盾纠纷4213件，化解率98.6%，其中调解成功4154件。调解纠纷120件，调解成功130件，调解成功率100%。")
	f.Add("受理392件，较上年的450件下降12.9%，比去年同期的230件减少34件，同比增加20件，与2019年的125件相比，办结率98%。")
	f.Add("受案680件，其中刑事案件420件，占61.8%，民事案件260件，约占比38.2%。审结60件，其中撤销5件、确认违法3件，纠错率13.3%。应诉40件，负责人出庭38件，出庭应诉率95%。其中占总数的%")
	// Digits grouped by commas, in lists, 其中 parts and rates.
	f.Add("全县调解矛盾纠纷5,630件，其中婚姻家庭纠纷1,204件、邻里纠纷1,862件，分别占21.4%和33.1%。受理1,500件，其中涉企1,620件，办结1,498件，办结率99.9%。")
	f.Add("抽查案卷360卷，其中优秀48卷、合格297卷，不合格15卷，合格率95.8%。其中民事案件8,600件，刑事案件4,200件，执行案件18,000件。")
	tpl, err := templates.Embedded("standard")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, fd := range Text(text) {
			if _, ok := RuleByID(fd.Rule); !ok {
				t.Fatalf("unknown rule %q", fd.Rule)
			}
		}
		r := model.NewReport(tpl)
		r.Unit, r.Year = "云溪县", 2025
		r.SetText("disputes", text)
		r.SetText("plans", text)
		res := Report(tpl, r)
		if res.Completeness < 0 || res.Completeness > 100 {
			t.Fatalf("completeness %v", res.Completeness)
		}
		for _, fd := range res.Findings {
			if _, ok := RuleByID(fd.Rule); !ok || fd.Message == "" {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}
