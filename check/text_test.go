package check

import (
	"strings"
	"testing"
)

// findRule returns the findings of one rule.
func findRule(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// proseCase is one sentence and whether a rule must fire on it. Every rule
// has cases that must not fire: a checker that cries wolf gets switched off.
type proseCase struct {
	name  string
	text  string
	fires bool
	want  string // substring of the message when it fires
}

func runProse(t *testing.T, rule string, cases []proseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := findRule(Text(tc.text), rule)
			if tc.fires && len(got) == 0 {
				t.Fatalf("%s did not fire on %q", rule, tc.text)
			}
			if !tc.fires && len(got) > 0 {
				t.Fatalf("%s fired on %q: %s", rule, tc.text, got[0].Message)
			}
			if tc.fires && tc.want != "" && !strings.Contains(got[0].Message, tc.want) {
				t.Errorf("message %q lacks %q", got[0].Message, tc.want)
			}
		})
	}
}

func TestPlaceholder(t *testing.T) {
	runProse(t, RulePlaceholder, []proseCase{
		{"XXX", "全年审查规范性文件XXX件。", true, "XXX"},
		{"XX县", "XX县司法局牵头开展督察。", true, "XX"},
		{"times", "共办理复议案件××件。", true, "××"},
		{"underscores", "开展普法活动____场。", true, "__"},
		{"full-width underscores", "受理申请＿＿件。", true, ""},
		{"circles", "○○乡镇完成审查全覆盖。", true, ""},
		{"待补充", "行政应诉情况待补充。", true, "待补充"},
		{"此处填写", "（此处填写本年度主要做法）", true, "此处填写"},
		{"有待补充 is prose", "基层调解员队伍有待补充力量。", false, ""},
		{"有待完善 is prose", "部分制度还有待完善。", false, ""},
		{"English word", "依托Excel台账逐项销号。", false, ""},
		{"single X", "设立X光安检点一处。", false, ""},
		{"二〇 is a date", "二〇二四年三月一日", false, ""},
	})
}

func TestProseBlank(t *testing.T) {
	runProse(t, RuleProseBlank, []proseCase{
		{"space before 件", "全年办理业务 件，同比有所增长。", true, "件"},
		{"space before 人次", "共 人次参加培训。", true, "人次"},
		{"ideographic space", "举办讲座\u3000场。", true, "场"},
		{"number present", "全年办理业务120件。", false, ""},
		{"word 人民", "县 人民政府召开常务会议。", false, ""},
		{"word 项目", "重点 项目推进顺利。", false, ""},
		{"indent", "\u3000\u3000人民调解组织实现全覆盖。", false, ""},
		{"no unit", "字号 大 中 小", false, ""},
	})
}

func TestProseRate(t *testing.T) {
	runProse(t, RuleProseRate, []proseCase{
		{"wrong mediation rate", "全年受理纠纷120件，调解成功110件，成功率98%。", true, "110件 ÷ 120件 = 91.67%"},
		{"wrong by far", "共办理申请7004件，办结6196件，办结率98%。", true, "88.46%"},
		{"head appearance", "应诉案件40件，负责人出庭应诉30件，出庭应诉率90%。", true, "30件 ÷ 40件"},
		{"correct, truncated", "受理矛盾纠纷850件，调解成功842件，成功率99.05%。", false, ""},
		{"correct, rounded", "受理矛盾纠纷850件，调解成功842件，成功率99.06%。", false, ""},
		{"correct integer truncation", "受理矛盾纠纷850件，调解成功842件，成功率99%。", false, ""},
		{"2 of 23 truncated", "审结案件23件，败诉案件2件，败诉率为8.69%。", false, ""},
		{"2 of 23 rounded", "审结案件23件，败诉案件2件，败诉率为8.70%。", false, ""},
		{"base in earlier sentence", "一审应诉案件31件。败诉案件3件,败诉率为9.67%。", false, ""},
		{"base not stated", "成功调解纠纷120件，其中涉企纠纷30件，调解成功率98%。", false, ""},
		{"completion over 100", "办理援助案件310件，完成全年目标任务112.5%。", false, ""},
		{"rate of another thing", "解答咨询6420件，群众满意率达到100%。", false, ""},
		{"duration not a count", "受理投诉12件，连续36个月保持办结率100%。", false, ""},
		{"approximate counts", "受理咨询300余件，办结280余件，办结率99%。", false, ""},
		{"alternative base", "收到复议申请50件，审结40件，纠错4件，纠错率10%。", false, ""},
		{"subtotal of another kind", "全年办理案件1286件，其中调解成功52件，调解成功率96%。", false, ""},
		{"full-width digits", "受理纠纷１２０件，调解成功１１０件，成功率９８％。", true, ""},
	})
}

func TestProseDigits(t *testing.T) {
	runProse(t, RuleProseDigits, []proseCase{
		{"percent then number", "成功率99.3%186件纠纷当场化解。", true, ""},
		{"year glued", "20232024年连续获评先进。", true, ""},
		{"year glued to count", "全年办理案件20231927件。", true, ""},
		{"plain year", "2024年全县办理案件1927件。", false, ""},
		{"large count", "公开政府信息31542条。", false, ""},
		{"percent then text", "满意率100%，位居全市前列。", false, ""},
		{"hotline", "拨打12348热线咨询。", false, ""},
	})
}

func TestProseSpaceSummarised(t *testing.T) {
	runProse(t, RuleProseSpace, []proseCase{
		{"space before percent", "复议纠错率4.8 %，同比下降。", true, "4.8 %"},
		{"space inside number", "共受理1 927件。", true, ""},
		{"date and time header", "发布时间:2024-02-28 15:48 来源:司法局", false, ""},
		{"no spaces", "纠错率4.8%。", false, ""},
		{"number then word", "开展培训3 次", false, ""},
	})
	text := strings.Repeat("纠错率4.8 %。\n", 12)
	got := findRule(Text(text), RuleProseSpace)
	if len(got) != 1 || got[0].Count != 12 || len(got[0].Lines) != summaryExampleLines || got[0].Lines[0] != 1 {
		t.Fatalf("want one summary with count 12 and %d lines, got %+v", summaryExampleLines, got)
	}
}

func TestHalfWidthPunct(t *testing.T) {
	runProse(t, RuleHalfWidthPunct, []proseCase{
		{"comma", "全年受理案件52件,办结50件。", true, "1 处"},
		{"colon", "主要做法如下:一是健全机制。", true, ""},
		{"semicolon", "健全制度;强化监督。", true, ""},
		{"parentheses", "(二)强化执法监督。", true, "2 处"},
		{"line-end colon", "现将有关情况报告如下:", true, ""},
		{"full-width", "全年受理案件52件，办结50件；（二）强化监督：", false, ""},
		{"thousands", "共计1,200元。", false, ""},
		{"time", "会议于9:30召开。", false, ""},
		{"English", "Hello, world (test).", false, ""},
	})
	got := findRule(Text("甲,乙\n丙,丁,戊\n"), RuleHalfWidthPunct)
	if len(got) != 1 || got[0].Count != 3 || len(got[0].Lines) != 2 {
		t.Fatalf("want one summary counting 3 on lines 1-2, got %+v", got)
	}
}

func TestNumbering(t *testing.T) {
	runProse(t, RuleNumbering, []proseCase{
		{"duplicate top", "一、工作情况\n正文。\n二、存在问题\n正文。\n二、下一步打算\n正文。", true, "“二、”重复"},
		{"gap second", "一、工作情况\n（一）组织领导\n（三）依法决策\n", true, "缺少“（二）”"},
		{"gap ascii brackets", "一、工作情况\n(一)组织领导\n(三)依法决策\n", true, "“(三)”前缺少“(二)”"},
		{"gap arabic", "（一）依法决策\n1.合法性审查\n3.备案审查\n", true, "缺少“2.”"},
		{"backwards", "一、甲\n三、丙\n二、乙\n", true, ""},
		{"ascii period after numeral", "一.工作情况\n三.下一步打算\n", true, "缺少“二.”"},
		// The missing number is written as the report writes its own.
		{"gap with enumeration comma", "（一）依法决策\n1、合法性审查\n3、备案审查\n", true, "“3、”前缺少“2、”"},
		{"gap with full-width digits", "（一）依法决策\n１．合法性审查\n３．备案审查\n", true, "“３．”前缺少“２．”"},
		{"gap in parenthesised digits", "1.甲\n（1）子一\n（3）子三\n", true, "“（3）”前缺少“（2）”"},
		{"backwards says the earlier label", "一、甲\n(一)子一\n(二)子二\n(三)子三\n(二)子二\n", true, "“(二)”出现在“(三)”之后"},
		{"backwards in full-width brackets", "一、甲\n（一）子一\n（二）子二\n（三）子三\n（二）子二\n", true, "“（二）”出现在“（三）”之后"},
		{"gap past ten", "一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n六、己\n七、庚\n八、辛\n九、壬\n十、癸\n十二、子\n", true, "“十二、”前缺少“十一、”"},
		{"restart under new parent", "一、甲\n（一）子一\n（二）子二\n二、乙\n（一）子一\n（二）子二\n", false, ""},
		{"mixed brackets in sequence", "一、甲\n(一)子一\n（二）子二\n", false, ""},
		{"decimal not heading", "一、甲\n1.健全制度。\n1.5万人次参加活动。\n2.开展培训。\n", false, ""},
		{"arabic restart under second", "（一）甲\n1.子\n2.子\n（二）乙\n1.子\n", false, ""},
		{"first item runs in after heading", "（一）依法决策。1.合法性审查。\n2.备案审查。\n", false, ""},
		{"run-in after a colon", "（一）依法决策：1.合法性审查。\n2.备案审查。\n", false, ""},
		{"run-in item starts at two", "（一）依法决策。2.合法性审查。\n3.备案审查。\n", true, "“2.”前缺少“1.”"},
		{"run-in then a gap", "（一）依法决策。1.合法性审查。\n3.备案审查。\n", true, "缺少“2.”"},
		{"run-in decimal is no item", "（一）依法决策。2.5万份文书归档。\n1.合法性审查。\n", false, ""},
	})
}

func TestEnum(t *testing.T) {
	runProse(t, RuleEnum, []proseCase{
		{"gap", "一是健全制度。二是强化监督。四是加强培训。", true, "“四是”前缺少“三是”"},
		{"duplicate", "一是健全制度，二是强化监督，二是加强培训。", true, "重复"},
		{"missing first", "抓好三件事：二是强化监督，三是加强培训。", true, "缺少“一是”"},
		{"good", "一是健全制度。二是强化监督。三是加强培训。", false, ""},
		{"restart is a new list", "一是健全制度，二是强化监督。另外，一是加强培训，二是完善考核。", false, ""},
		{"统一是 is a word", "标准统一是前提，二者缺一不可。", false, ""},
		{"continues from previous paragraph", "一是健全制度。\n二是强化监督。", false, ""},
		{"eleventh", "一是甲。二是乙。三是丙。四是丁。五是戊。六是己。七是庚。八是辛。九是壬。十是癸。十一是子。", false, ""},
	})
}

func TestPlansYearInText(t *testing.T) {
	head := "某县2023年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n"
	runProse(t, RuleYearPlans, []proseCase{
		{"heading year wrong", head + "二、2025年度推进法治政府建设的主要安排\n正文。", true, "2025年"},
		{"heading same year", head + "二、2023年工作打算\n正文。", true, "应为 2024 年"},
		{"body year beyond", head + "二、下一步工作打算\n2025年将全面推行执法监督平台。", true, "2025年"},
		{"paragraph opens with report year", head + "二、下一步工作打算\n2023年，我县将继续深化改革。", true, "开头"},
		{"heading right", head + "二、2024年度推进法治政府建设的主要安排\n正文。", false, ""},
		{"past year context", head + "二、下一步工作打算\n巩固2022年以来示范创建成果。", false, ""},
		{"range in book title", head + "二、下一步工作打算\n（一）落实《行动方案(2023—2025年)》。", false, ""},
		{"range", head + "二、下一步工作打算\n实施2024—2026年普法规划。", false, ""},
		{"target", head + "二、下一步工作打算\n力争到2025年实现全覆盖，2026年底前完成验收。", false, ""},
		{"outside plans", head + "二、存在的不足\n2025年到期的文件已提前评估。", false, ""},
	})
}
