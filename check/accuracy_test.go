package check

import (
	"os"
	"strings"
	"testing"

	"nianbao/model"
)

// labelled is one sentence with the finding it must produce (rule != "")
// or the silence it must keep over a group of rules (rule == ""). Every
// class has look-alike negatives: a checker that cries wolf is switched off.
type labelled struct {
	name string
	text string
	rule string // the rule that must fire; "" when none of the group may
	want string // substring of the message when it fires
}

func runLabelled(t *testing.T, group []string, cases []labelled) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := Text(tc.text)
			var hit []Finding
			for _, f := range fs {
				for _, g := range group {
					if f.Rule == g {
						hit = append(hit, f)
					}
				}
			}
			if tc.rule == "" {
				for _, f := range hit {
					t.Errorf("false alarm on %q: [%s] %s", tc.text, f.Rule, f.Message)
				}
				return
			}
			var got *Finding
			for i := range hit {
				if hit[i].Rule == tc.rule {
					got = &hit[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("%s missed on %q (other findings: %+v)", tc.rule, tc.text, hit)
			}
			if tc.want != "" && !strings.Contains(got.Message, tc.want) {
				t.Errorf("message %q lacks %q", got.Message, tc.want)
			}
			for _, f := range hit {
				if f.Rule != tc.rule {
					t.Errorf("also [%s] %s", f.Rule, f.Message)
				}
			}
		})
	}
}

var rateRules = []string{RuleProseRate, RuleProseRateDoubt}

// TestRatesCorrect: correct rates, whatever base or phrasing they use, are
// never flagged, not even as a warning.
func TestRatesCorrect(t *testing.T) {
	runLabelled(t, rateRules, []labelled{
		{"carried over", "受理120件，上年结转6件，办结120件，结案率95.2%。", "", ""},
		{"carried over, 旧存", "新收案件200件，旧存10件，审结205件，结案率97.62%。", "", ""},
		{"carried over first", "2023年结转案件12件，新收案件300件，办结306件，结案率98.08%。", "", ""},
		{"carried over included", "受理行政复议申请88件（含上年结转3件），审结85件，结案率96.59%。", "", ""},
		{"以上", "受理案件120件，办结118件，办结率达95%以上。", "", ""},
		{"保持在…以上", "受理投诉200件，按时办结196件，按时办结率保持在95%以上。", "", ""},
		{"超过", "受理纠纷300件，调解成功296件，调解成功率超过98%。", "", ""},
		{"近", "受理纠纷300件，调解成功296件，成功率近99%。", "", ""},
		{"约", "受理纠纷300件，调解成功290件，成功率约96%。", "", ""},
		{"不低于", "应诉案件50件，负责人出庭应诉48件，出庭应诉率不低于95%。", "", ""},
		{"comparison 由…降至", "审结复议案件55件，纠错5件，纠错率由上年的9.1%降至9%。", "", ""},
		{"comparison 从…下降到", "审结复议案件55件，纠错5件，纠错率从上年的12%下降到9.09%。", "", ""},
		{"comparison with a year", "审结案件23件，败诉2件，败诉率由2022年的15.2%下降为8.69%。", "", ""},
		{"growth 较上年增长", "全年受理案件120件，审结100件，较上年增长20%。", "", ""},
		{"growth 同比下降", "办理行政处罚案件96件，同比下降12.5%。", "", ""},
		{"growth rate word", "受理案件120件，办结100件，案件增长率为15%。", "", ""},
		{"rate then its change", "审结48件，纠错5件，纠错率10.41%，同比下降2.1%。", "", ""},
		{"complement", "调解成功110件，调解未成功10件，调解成功率91.67%。", "", ""},
		{"full-width, truncated", "受理纠纷１９２７件，调解成功１９１３件，成功率９９％。", "", ""},
		{"integer truncation", "调处矛盾纠纷1927件，调解成功1913件，成功率99%。", "", ""},
		{"previous sentence", "审结案件23件。败诉案件2件，败诉率为8.69%。", "", ""},
		{"previous sentence rounded", "一审审结行政诉讼案件31件。败诉案件3件，败诉率9.68%。", "", ""},
		{"alternative base", "收到复议申请50件，审结40件，纠错4件，纠错率10%。", "", ""},
		{"2 of 23 rounded", "审结案件23件，败诉案件2件，败诉率为8.70%。", "", ""},
		{"rate of another thing", "解答咨询6420件，群众满意率达到100%。", "", ""},
		{"two rates one value", "办理人大代表建议159件、政协委员提案78件，办复率、满意率均为100%。", "", ""},
		{"subtotal of another kind", "全年办理案件1286件，其中调解成功52件，调解成功率96%。", "", ""},
		{"approximate counts", "受理咨询300余件，办结280余件，办结率99%。", "", ""},
		{"completion over 100", "办理援助案件310件，完成全年目标任务112.5%。", "", ""},
		{"completion rate over 100", "计划培训20场，实际培训23场，完成率115%。", "", ""},
		{"duration not a count", "受理投诉12件，连续36个月保持办结率100%。", "", ""},
		{"率先", "在全市率先开展示范创建，审查文件52件，备案率100%。", "", ""},
		{"base in 件, numerator 件", "应诉案件40件，负责人出庭应诉40件，出庭应诉率100%。", "", ""},
		{"every case attended, in 人次", "应诉案件30件，行政机关负责人出庭应诉30人次，出庭应诉率100%。", "", ""},
		{"every case attended, more hearings", "行政应诉案件25件，行政机关负责人出庭应诉26次，出庭应诉率100%。", "", ""},
		{"outcomes add up to the base", "维持88件，驳回21件，纠错15件，终止6件，纠错率11.53%。", "", ""},
		{"semicolon between", "受理纠纷120件；调解成功110件，成功率91.66%。", "", ""},
		{"thousands separator", "受理群众来信1,200件，按期办结1,188件，按期办结率99%。", "", ""},
		{"万", "接听热线电话1.2万件，办结1.19万件，办结率99.16%。", "", ""},
		{"万, rounded counts", "受理纠纷1.2万件，调解成功1.19万件，成功率99.3%。", "", ""},
		{"rate of a subset", "受理纠纷120件，调解成功110件，其中涉企纠纷30件，涉企纠纷调解成功率100%。", "", ""},
		{"按期 rate over 办结", "受理投诉120件，办结118件，按期办结率95%。", "", ""},
		{"second instance", "审结行政诉讼案件40件，败诉3件，二审败诉率5%。", "", ""},
	})
}

// TestRatesWrong: a stated rate its own sentence contradicts is an error.
func TestRatesWrong(t *testing.T) {
	runLabelled(t, rateRules, []labelled{
		{"slipped decimal", "审结48件，纠错5件，纠错率1.04%。", RuleProseRate, "小数点错位"},
		{"slipped decimal, other way", "受理纠纷850件，调解成功842件，成功率9.9%。", RuleProseRate, "小数点错位"},
		{"slipped decimal, integer", "受理申请200件，办结196件，办结率9.8%。", RuleProseRate, "98%"},
		{"wrong, close", "受理纠纷120件，调解成功110件，成功率98%。", RuleProseRate, "110件 ÷ 120件 = 91.67%"},
		{"wrong by far", "共办理申请7004件，办结6196件，办结率98%。", RuleProseRate, "88.46%"},
		{"head appearance", "应诉案件40件，负责人出庭应诉30件，出庭应诉率90%。", RuleProseRate, "30件 ÷ 40件"},
		{"以上 not reached", "受理案件120件，办结80件，办结率达95%以上。", RuleProseRate, "办结率95%以上"},
		{"近 far under", "调解纠纷300件，调解成功250件，调解成功率近99%。", RuleProseRate, ""},
		{"约 off", "受理纠纷300件，调解成功290件，成功率约90%。", RuleProseRate, "约90%"},
		{"outcomes listed, rate wrong", "维持88件，驳回21件，纠错15件，终止6件，纠错率13.5%。", RuleProseRateDoubt, "15件 ÷ 88件"},
		{"carried over, still wrong", "受理120件，上年结转6件，办结120件，结案率90%。", RuleProseRate, ""},
		{"comparison, current wrong", "审结复议案件55件，纠错5件，纠错率由上年的9.1%降至7.2%。", RuleProseRate, "纠错率7.2%"},
		{"full-width wrong", "受理纠纷１２０件，调解成功１１０件，成功率９８％。", RuleProseRate, ""},
		{"over 100, appearance", "应诉案件40件，负责人出庭应诉40件，出庭应诉率105%。", RuleProseRate, "超过 100%"},
		{"over 100, mediation", "受理纠纷120件，调解成功110件，调解成功率112%。", RuleProseRate, "超过 100%"},
		{"over 100, no counts", "全年行政复议纠错率达到101.5%。", RuleProseRate, "超过 100%"},
		{"over 100, 办结率", "受理申请120件，办结率983%。", RuleProseRate, "983%"},
		{"over 100, correction decimal slip", "审结48件，纠错5件，纠错率104%。", RuleProseRate, ""},
	})
}

// TestRatesDoubtful: mismatches that may have an explanation the text does
// not give are warnings that say what was tried.
func TestRatesDoubtful(t *testing.T) {
	runLabelled(t, rateRules, []labelled{
		{"counts in the previous sentence", "审结案件23件。败诉案件3件，败诉率为9%。", RuleProseRateDoubt, "前一句"},
		{"far apart", "受理纠纷120件，调解成功30件，成功率98%。", RuleProseRateDoubt, "相差悬殊"},
		{"correction over received", "受理复议申请50件，纠错4件，纠错率9%。", RuleProseRateDoubt, "审结"},
		{"loss rate over received", "收到行政诉讼案件30件，败诉4件，败诉率12%。", RuleProseRateDoubt, ""},
		{"appearance in 次", "应诉案件40件，负责人出庭应诉38次，出庭应诉率95%。", RuleProseRateDoubt, "以“次”计"},
		{"decided above received", "新收案件20件，审结35件，结案率100%。", RuleProseRateDoubt, "结转"},
		{"appearance in 次 above cases", "行政应诉案件25件，行政机关负责人出庭应诉26次，出庭应诉率96%。", RuleProseRateDoubt, "以“次”计"},
	})
}

func TestRateEvidence(t *testing.T) {
	fs := findRule(Text("受理120件，上年结转6件，办结120件，结案率90%。"), RuleProseRate)
	if len(fs) != 1 {
		t.Fatalf("want one finding, got %+v", fs)
	}
	ev := fs[0].Evidence
	if ev == nil || !strings.Contains(ev.Sentence, "结案率90%") {
		t.Fatalf("no sentence in evidence: %+v", ev)
	}
	if len(ev.Numbers) < 2 || ev.Numbers[0].Role != "stated" || ev.Numbers[0].Value != 90 || ev.Numbers[1].Role != "numerator" || ev.Numbers[1].Value != 120 {
		t.Errorf("numbers: %+v", ev.Numbers)
	}
	var sums, singles int
	for _, d := range ev.Denominators {
		if strings.Contains(d.Text, "+") {
			sums++
			if d.Value == 126 && (d.Rate < 95.23 || d.Rate > 95.24) {
				t.Errorf("126 gives %v", d.Rate)
			}
		} else {
			singles++
		}
	}
	if sums == 0 || singles == 0 {
		t.Errorf("denominators tried: %+v", ev.Denominators)
	}
	if fs[0].Stated == nil || *fs[0].Stated != 90 || fs[0].Computed == nil {
		t.Errorf("stated/computed: %+v", fs[0])
	}
}

func TestPartWhole(t *testing.T) {
	runLabelled(t, []string{RuleProsePart}, []labelled{
		{"correction above decided", "审结40件，其中纠错52件。", RuleProsePart, "“其中纠错52件”大于前面的“审结40件”"},
		{"subset above received", "受理1500件，其中涉企纠纷1620件。", RuleProsePart, "1620件"},
		{"sessions", "开展培训12场，其中线上培训15场。", RuleProsePart, ""},
		{"comma after 其中", "培训执法人员3000人次，其中，新任执法人员3200人次。", RuleProsePart, ""},
		{"sibling parts", "开展合法性审查214件次，其中审查规范性文件8件，其中重大行政决策12件。", "", ""},
		{"sibling parts, whole in another unit", "办理各类事项300件次，其中行政许可80件，其中即办件120件。", "", ""},
		{"second whole after a part", "审结40件，其中维持30件；收到申请60件，其中纠错52件。", "", ""},
		{"part over its whole after a sibling", "审结40件，其中维持30件，其中纠错52件。", RuleProsePart, "大于前面的“审结40件”"},
		{"second of a list", "共受理纠纷120件，其中婚姻家庭纠纷40件、邻里纠纷130件。", RuleProsePart, "130件"},
		{"full-width", "审结案件４０件，其中纠错５２件。", RuleProsePart, ""},
		{"above the sum", "受理纠纷120件、信访50件，其中调解成功190件。", RuleProsePart, "之和"},
		{"above the total, not the outcome", "调处纠纷3860件，调解成功3812件，成功率98.75%；其中涉企纠纷3915件。", RuleProsePart, "3860件"},
		{"outcome nearer, total larger", "受理纠纷120件，调解成功110件，其中涉企纠纷115件。", "", ""},
		{"numerator above its base", "调处矛盾纠纷1927件，调解成功2013件，成功率99.27%。", RuleProsePart, "2013件"},
		{"appearances above cases", "应诉案件25件，负责人出庭应诉26件，出庭应诉率96%。", RuleProsePart, ""},
		{"part smaller", "审结40件，其中纠错5件。", "", ""},
		{"decided above received", "新收案件20件，审结35件，结案率100%。", "", ""},
		{"numerator above a subset only", "受理纠纷1927件，其中涉企纠纷50件，调解成功1913件，成功率99.27%。", "", ""},
		{"within the sum", "受理纠纷120件、信访50件，其中调解成功150件。", "", ""},
		{"count after the part", "受理纠纷120件，其中涉企纠纷30件，调解成功110件。", "", ""},
		{"count in a later clause", "受理40件，其中纠错4件，全年累计受理120件。", "", ""},
		{"approximate whole", "受理纠纷1500余件，其中涉企纠纷1520件。", "", ""},
		{"other unit nearer", "审结40件，涉及群众120人，其中老年人30人。", "", ""},
		{"different units", "办理案件40件，其中涉及群众120人。", "", ""},
		{"no whole", "其中纠错52件。", "", ""},
		{"whole in previous sentence", "审结40件。其中纠错5件。", "", ""},
		{"近 part", "办理案件40件，其中近30件为简易程序。", "", ""},
	})
}

func TestBlankWithoutSpace(t *testing.T) {
	runLabelled(t, []string{RuleProseBlank}, []labelled{
		{"共办理件", "全年共办理件，同比增长。", RuleProseBlank, "“件”前缺少数字"},
		{"检查余次", "开展检查余次。", RuleProseBlank, "“次”前缺少数字"},
		{"活动余场", "开展普法活动余场，覆盖全县。", RuleProseBlank, ""},
		{"space before 万人次", "覆盖群众 万人次。", RuleProseBlank, "万人次"},
		{"space before 余次", "开展检查 余次。", RuleProseBlank, "余次"},
		{"space before 万元", "投入资金 万元。", RuleProseBlank, "万元"},
		{"率%", "行政复议纠错率%。", RuleProseBlank, "%"},
		{"率为%", "纠错率为%，低于全市平均。", RuleProseBlank, "%"},
		{"审结件", "审结件，纠错3件。", RuleProseBlank, ""},
		{"案件件", "办理行政复议案件件，办结率高。", RuleProseBlank, ""},
		{"培训场次", "组织培训场次，效果良好。", RuleProseBlank, "场次"},
		{"受理人次", "接待来访群众，受理人次。", RuleProseBlank, "人次"},
		{"words with 件", "案件办理规范，文件审查严格，条件成熟，事件处置及时，件件有回音。", "", ""},
		{"人次 as a word", "参训人次统计准确，人员到位。", "", ""},
		{"万余 is a number", "惠及群众万余人次，其余人员全部到位。", "", ""},
		{"其余/剩余", "其余件数已转办，剩余件全部办结。", "", ""},
		{"件数", "办理件数同比增长，受理件数为120件。", "", ""},
		{"件次 with number", "共办理件次123，同比增长。", "", ""},
		{"多次", "开展多次检查，发现问题及时整改。", "", ""},
		{"办理人", "由办理人签字确认。", "", ""},
		{"组织人员", "组织人员参加培训。", "", ""},
		{"number present", "共办理120件，开展检查300余次，纠错率8.5%。", "", ""},
		{"word 人民", "县 人民政府召开常务会议。", "", ""},
		{"件件", "办理案件件件有回音。", "", ""},
		{"百分比 word", "按百分比计算，纠错率下降。", "", ""},
	})
}

func TestBlankDoubtful(t *testing.T) {
	runLabelled(t, []string{RuleProseBlank, RuleProseBlankDoubt}, []labelled{
		{"问题个", "督促整改问题个。", RuleProseBlankDoubt, "“个”前疑似缺少数字"},
		{"线索条", "移送问题线索条。", RuleProseBlankDoubt, ""},
		{"被告件", "县政府作为单独被告件。", RuleProseBlankDoubt, ""},
		{"clause-start unit", "开展攻坚行动，件信访积案得到化解。", RuleProseBlankDoubt, ""},
		{"对个镇街", "对个镇街开展督察。", RuleProseBlank, ""},
		{"和个重点单位", "对14个镇街和个重点单位开展督察。", RuleProseBlank, ""},
		{"公证件", "全年办理公证件，其中涉外公证3件。", RuleProseBlank, ""},
		{"发布会场", "召开新闻发布会场，发布政策解读。", RuleProseBlank, ""},
		{"words ending in a unit", "依法审结案件，妥善处置事件，改善营商条件，推进审批事项，及时到达现场，核实身份，做到件件有回音。", "", ""},
		{"determiners", "召开会议多次，涉及每个，覆盖各项，统一标准数个。", "", ""},
		{"numbers present", "督促整改问题252个，移送线索12条，县政府作为单独被告3件。", "", ""},
		{"clause-start words", "，个别单位落实不到位，项目推进缓慢，名单及时公布。", "", ""},
	})
}

func TestPlaceholderMark(t *testing.T) {
	runLabelled(t, []string{RulePlaceholderMark}, []labelled{
		{"X场", "开展培训X场。", RulePlaceholderMark, "“X”"},
		{"X%", "纠错率X%。", RulePlaceholderMark, ""},
		{"full-width Ｘ件", "共办理案件Ｘ件。", RulePlaceholderMark, ""},
		{"X万人次", "覆盖群众X万人次。", RulePlaceholderMark, ""},
		{"date", "于2023年X月召开推进会。", RulePlaceholderMark, ""},
		{"×名", "培训×名干部。", RulePlaceholderMark, "“×”"},
		{"第X次", "召开第X次常务会议。", RulePlaceholderMark, ""},
		{"lower-case", "审结x件。", RulePlaceholderMark, ""},
		{"X光", "设立X光安检点一处。", "", ""},
		{"multiplication", "制作3×4米展板。", "", ""},
		{"runs are the other rule", "XX县开展培训××场。", "", ""},
		{"Latin word", "使用OfficeX软件办公。", "", ""},
		{"X射线", "配备X射线检查设备。", "", ""},
	})
	// ×× stays an error of the placeholder rule.
	if got := findRule(Text("××名干部参加培训。"), RulePlaceholder); len(got) != 1 {
		t.Errorf("××名: %+v", got)
	}
}

func TestEnumAccuracy(t *testing.T) {
	runLabelled(t, []string{RuleEnum}, []labelled{
		{"gap", "一是健全制度。二是强化监督。四是加强培训。", RuleEnum, "缺少“三是”"},
		{"gap after en space", "一是健全制度。\u2002二是强化监督。四是加强培训。", RuleEnum, "缺少“三是”"},
		{"hole 四加强", "一是健全制度。二是强化监督。三是规范执法。四加强培训。", RuleEnum, "疑漏了“是”"},
		{"hole 三深化", "一是健全制度；二是强化监督；三深化改革。", RuleEnum, "三是"},
		{"hole 三严把", "一是严把决策关。二是严把执法关。三严把复议关。", RuleEnum, "三是"},
		{"hole terse", "一是抓关键，二是抓队伍，三抓督查。", RuleEnum, "三是"},
		{"duplicate", "一是健全制度，二是强化监督，二是加强培训。", RuleEnum, "重复"},
		{"en space", "一是健全制度。二是强化监督\u2002三是规范执法。四是加强培训。", "", ""},
		{"ideographic space", "一是健全制度。二是强化监督\u3000三是规范执法。四是加强培训。", "", ""},
		{"no-break space", "一是健全制度。二是强化监督\u00a0三是规范执法。四是加强培训。", "", ""},
		{"thin space", "一是健全制度。二是强化监督\u2009三是规范执法。四是加强培训。", "", ""},
		{"zero-width space", "一是健全制度。二是强化监督\u200b三是规范执法。四是加强培训。", "", ""},
		{"missing 。", "一是健全制度二是强化监督三是规范执法。四是加强培训。", "", ""},
		{"统一是, 唯一是", "标准统一是前提。唯一是要抓落实。", "", ""},
		{"之一是 inside a list", "一是加强领导，重要任务之一是落实责任；二是强化监督。三是规范执法。", "", ""},
		{"第二是", "一是健全制度。排在第二是监督。二是强化监督。", "", ""},
		{"一是一、二是二", "一是健全制度。二是坚持实事求是，做到一是一、二是二。三是规范执法。", "", ""},
		{"三年来 after a list", "一是健全制度。二是强化监督。三年来，全县持续推进。", "", ""},
		{"四大 after a list", "一是健全制度。二是强化监督。三是规范执法。四大行动成效明显。", "", ""},
		{"四风 after a list", "一是健全制度。二是强化监督。三是规范执法。四风问题得到纠治。", "", ""},
		{"slogan in quotes", "着力做到“三严”：一是严把决策关，二是严把执法关，三是严把复议关。", "", ""},
		{"三项 after a list", "一是健全制度。二是强化监督。三项改革全面完成。", "", ""},
		{"good", "一是健全制度。二是强化监督。三是加强培训。", "", ""},
		{"一是一套", "重点抓好四项工作：一是一套制度，二是一支队伍，三是一个平台，四是一批典型。", "", ""},
		{"一是一套 with a gap", "一是一套制度，二是一支队伍，四是一批典型。", RuleEnum, "缺少“三是”"},
	})
}

func TestYearBody(t *testing.T) {
	title := "某县2023年度法治政府建设情况报告\n"
	runLabelled(t, []string{RuleYearBody}, []labelled{
		{"last year's body", title + "2022年，全县坚持依法行政。\n2022年全县办理案件100件。\n2022年度共开展培训12场。", RuleYearBody, "2022年"},
		{"last year's body with plans", title + "一、主要举措和成效\n2022年，全县坚持依法行政。\n2022年全县办理案件100件。\n2022年度共开展培训12场。\n二、下一步工作打算\n2023年将继续深化改革。", RuleYearBody, ""},
		{"report year present", title + "2023年，全县坚持依法行政。\n2022年全县办理案件100件。\n2022年度共开展培训12场。\n2022年启动改革。", "", ""},
		{"comparisons only", title + "较2022年，案件下降。\n与2022年相比增长。\n比2022年减少，2022年以来持续下降。", "", ""},
		{"titles and ranges", title + "落实《2021—2025年普法规划》。\n实施2021—2025年行动。\n《2022年工作要点》印发。\n《2022年考核办法》出台。", "", ""},
		{"two mentions only", title + "2022年，全县坚持依法行政。\n2022年全县办理案件100件。", "", ""},
		{"next year only", title + "2024年1月全面推行。\n2024年将深化。\n2024年继续。", "", ""},
	})
}

func TestYearBodyInDraft(t *testing.T) {
	tp, r := complete(t)
	r.Year = 2024
	r.SetText("decisions", "2023年，全县坚持依法决策。"+paragraph(80))
	r.SetText("enforcement", "2023年全县办理行政处罚案件412件。"+paragraph(80))
	r.SetText("publicity", "2023年度开展普法活动150场。"+paragraph(80))
	res := Report(tp, r)
	if got := findRule(res.Findings, RuleYearBody); len(got) != 1 || got[0].Severity != Error || got[0].Evidence == nil {
		t.Fatalf("want one year-body error with evidence, got %+v", got)
	}
	r.SetText("functions", "2024年，全县深化改革。"+paragraph(80))
	if got := findRule(Report(tp, r).Findings, RuleYearBody); len(got) != 0 {
		t.Fatalf("report year mentioned: %+v", got)
	}
}

func TestFigureRateEvidence(t *testing.T) {
	tp, r := complete(t)
	set := func(id, v string) {
		n, err := model.ParseNumber(v)
		if err != nil {
			t.Fatal(err)
		}
		r.SetFigure(id, n)
	}
	set("review_correction_rate", "25")
	fs := findRule(Report(tp, r).Findings, RuleFigureRate)
	if len(fs) != 1 || fs[0].Evidence == nil {
		t.Fatalf("want one finding with evidence, got %+v", fs)
	}
	ev := fs[0].Evidence
	if len(ev.Denominators) != 2 {
		t.Fatalf("both denominators tried: %+v", ev.Denominators)
	}
	for _, d := range ev.Denominators {
		if want := 100 * 6 / d.Value; d.Rate != want {
			t.Errorf("%s: rate %v, want %v", d.Text, d.Rate, want)
		}
	}
	if ev.Numbers[0].Value != 25 || ev.Numbers[1].Value != 6 {
		t.Errorf("numbers: %+v", ev.Numbers)
	}
}

// TestRateExplainsIsTheCheckRule: the exported rule the figures pane uses
// accepts exactly what the check accepts.
func TestRateExplainsIsTheCheckRule(t *testing.T) {
	cases := []struct {
		stated   string
		computed float64
		want     bool
	}{
		{"99", 100 * 1913.0 / 1927, true},
		{"99.27", 100 * 1913.0 / 1927, true},
		{"99.3", 100 * 1913.0 / 1927, true},
		{"99.2", 100 * 1913.0 / 1927, true}, // within 0.1
		{"98", 100 * 1913.0 / 1927, false},
		{"8.69", 100 * 2.0 / 23, true},
		{"8.7", 100 * 2.0 / 23, true},
		{"8.5", 100 * 2.0 / 23, false},
	}
	for _, tc := range cases {
		n, err := model.ParseNumber(tc.stated)
		if err != nil {
			t.Fatal(err)
		}
		if got := RateExplains(n, tc.computed, 0.1); got != tc.want {
			t.Errorf("%s for %.4f: %v", tc.stated, tc.computed, got)
		}
	}
}

func TestBlankAfterCountedNoun(t *testing.T) {
	runLabelled(t, []string{RuleProseBlank}, []labelled{
		{"建议件", "办理人大代表建议件、政协委员提案78件。", RuleProseBlank, ""},
		{"提案件", "办理人大代表建议12件、政协委员提案件。", RuleProseBlank, ""},
		{"活动场", "开展宣传活动场，覆盖群众3000人次。", RuleProseBlank, "场"},
		{"纠纷件", "全年调处矛盾纠纷件，调解成功1913件。", RuleProseBlank, ""},
		{"活动场所", "建设普法活动场所12个。", "", ""},
		{"会议次数", "召开会议次数明显减少。", "", ""},
		{"检查次日", "开展检查次日即反馈。", "", ""},
		{"成功件", "调处矛盾纠纷1927件，调解成功件，成功率99%。", RuleProseBlank, ""},
		{"议题个", "县政府常务会议共审查上会议题个，提出意见12条。", RuleProseBlank, "个"},
		{"律师名", "平台入驻律师名，累计接受咨询8586件。", RuleProseBlank, "名"},
		{"资料份", "发放宣传资料份。", RuleProseBlank, "份"},
		{"信息条", "公开政府信息条，发布解读68篇。", RuleProseBlank, "条"},
		{"解读篇", "公开政府信息25264条，发布政策解读篇。", RuleProseBlank, "篇"},
		{"群众余人次", "接待来访群众余人次，化解纠纷。", RuleProseBlank, "人次"},
		{"人员人次", "培训执法人员人次，考试合格率100%。", RuleProseBlank, "人次"},
		{"律师名单", "公布律师名单，方便群众选择。", "", ""},
		{"企业家", "走访服务企业家，听取意见建议。", "", ""},
		{"信息条目", "梳理政务信息条目，及时更新。", "", ""},
		{"成功个案", "总结调解成功个案，推广经验。", "", ""},
		{"信访件 is a word", "按时办结上级交办信访件，群众满意。", "", ""},
		{"审结案件，", "依法审结案件，做到案结事了。", "", ""},
		{"审结案件中", "审结案件中，维持原决定的占多数。", "", ""},
		{"结案件数", "全年结案件数同比增长。", "", ""},
		{"落实项指标", "分解落实项指标任务，压实责任。", RuleProseBlank, "项"},
		{"召开次会议", "县政府常务会议召开次会议研究法治工作。", RuleProseBlank, "次"},
		{"等项决策", "对燃气管道改造等项决策进行合法性审查。", RuleProseBlank, "项"},
		{"落实项目", "落实项目资金，推进项目建设。", "", ""},
		{"开展多次", "组织开展多次专项检查。", "", ""},
		{"处理现场", "及时赶赴现场处理。", "", ""},
		{"办理事项", "规范办理事项，压缩办理时限。", "", ""},
		{"等次", "考核获评优秀等次。", "", ""},
		{"召开一次", "每季度召开一次联席会议。", "", ""},
		{"确认姓名", "核对确认姓名、身份等信息。", "", ""},
		{"为名", "不得以调研为名，增加基层负担。", "", ""},
		{"不为名利", "干部不为名利所动。", "", ""},
		{"new chapter", "奋力谱写法治建设新篇。", "", ""},
		{"verbs before words", "制定条例实施细则，公布名单，发布条目清单，清理条款，开展场景应用，组织场所检查，开展次生灾害排查，排查个体工商户，落实项目化管理，开展名师讲堂，处理个案，审理件数，达到个人标准，组织次日复查，培育名品，选聘名誉顾问，处理件事，审查份内事务。", "", ""},
		{"投诉件 is a word", "12345热线转办投诉件，均按期办结。", "", ""},
	})
}

// TestCleanReportFixture: a report in our own words full of numbers,
// qualified and compared rates, carried-over cases, 其中 subtotals, lists
// and years draws no finding at all.
func TestCleanReportFixture(t *testing.T) {
	for _, name := range []string{"clean-report.txt", "clean-department.txt"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Text(string(b)) {
			t.Errorf("%s:%d: [%s] %s", name, f.Line, f.Rule, f.Message)
		}
	}
}

// TestCleanReportMutations injects one defect at a time into the clean
// fixture; each must be found by its rule, and only that one finding
// appears.
func TestCleanReportMutations(t *testing.T) {
	mutate(t, "clean-report.txt", []mutation{
		{"结案率97.01%", "结案率96.01%", RuleProseRate},
		{"结案率97.01%", "结案率9.701%", RuleProseRate},
		{"纠错率11.53%", "纠错率10.53%", RuleProseRateDoubt}, // its base, 审结130件, is in the sentence before
		{"纠错率11.53%", "纠错率1.15%", RuleProseRate},
		{"出庭应诉率100%", "出庭应诉率101%", RuleProseRate},
		{"出庭应诉64件，", "出庭应诉64次，", RuleProseRateDoubt},
		{"败诉率6.89%", "败诉率7.89%", RuleProseRateDoubt},
		{"调解成功率98.75%", "调解成功率97.75%", RuleProseRate},
		{"按期答复率97.77%", "按期答复率96.5%", RuleProseRate},
		{"上年结转8件", "上年结转18件", RuleProseRate},
		{"其中适用简易程序案件412件", "其中适用简易程序案件1412件", RuleProsePart},
		{"其中涉企纠纷215件，调解成功213件", "其中涉企纠纷3915件，调解成功213件", RuleProsePart},
		{"1286件", "件", RuleProseBlank},
		{"3200余次", "余次", RuleProseBlank},
		{"8万余人次", " 万余人次", RuleProseBlank},
		{"满意率达到98.7%", "满意率达到%", RuleProseBlank},
		{"360场次", "X场次", RulePlaceholderMark},
		{"三是抓好农村普法", "四是抓好农村普法", RuleEnum},
		{"三是抓好农村普法", "三抓好农村普法", RuleEnum},
		{"三是加强备案监督", "三加强备案监督", RuleEnum},
		{"审查率100%", "审查率110%", RuleProseRate},
	})
	mutate(t, "clean-department.txt", []mutation{
		{"整改率95.55%", "整改率9.555%", RuleProseRate},
		{"整改到位43个", "整改到位47个", RuleProsePart},
		{"结案率96.08%", "结案率98.08%", RuleProseRate},
		{"上年结转11件", "上年结转1件", RuleProsePart}, // 172 decided > 168 received + 1 carried
		{"调解成功率99.38%", "调解成功率93.38%", RuleProseRate},
		{"成功化解120件", "成功化解130件", ""},
		{"其中重大疑难纠纷126件", "其中重大疑难纠纷4126件", RuleProsePart},
		{"420余场", "余场", RuleProseBlank},
		{"15万份", " 万份", RuleProseBlank},
		{"满意率99.1%", "满意率X%", RulePlaceholderMark},
		{"三是抓好新市民学法", "四是抓好新市民学法", RuleEnum},
		{"二是基层法治人才短缺", "二基层法治人才短缺", RuleEnum}, // reported as 三是 without 二是
		{"2024年，县司法局", "2023年，县司法局", ""},
	})
}

type mutation struct{ from, to, rule string }

// mutate applies each mutation alone to a clean fixture: the rule must
// fire ("" means it may stay silent: a defect the rules do not claim to
// find), and no other warning or error may appear.
func mutate(t *testing.T, name string, cases []mutation) {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	clean := string(b)
	for _, tc := range cases {
		t.Run(tc.to, func(t *testing.T) {
			if !strings.Contains(clean, tc.from) {
				t.Fatalf("fixture lacks %q", tc.from)
			}
			fs := Text(strings.Replace(clean, tc.from, tc.to, 1))
			found := tc.rule == ""
			for _, f := range fs {
				if f.Rule == tc.rule {
					found = true
				} else if f.Severity >= Warning {
					t.Errorf("also [%s] %s", f.Rule, f.Message)
				}
			}
			if !found {
				t.Errorf("%s missed after %q → %q: %+v", tc.rule, tc.from, tc.to, fs)
			}
		})
	}
}

func TestYearBodyFullWidth(t *testing.T) {
	text := "某县2023年度法治政府建设情况报告\n２０２２年，全县坚持依法行政。\n２０２２年全县办理案件100件。\n２０２２年度共开展培训12场。"
	if got := findRule(Text(text), RuleYearBody); len(got) != 1 {
		t.Fatalf("full-width years: %+v", got)
	}
}

// TestFigureNotFoundInDocument: a required figure the importer did not find
// in a document is a warning that says what was looked for; in a draft,
// where the drafter types it, it stays a missing figure (error).
func TestFigureNotFoundInDocument(t *testing.T) {
	tp, r := complete(t)
	delete(r.Figures, "legality_reviews")
	doc := Document(tp, r, DocLines{Text: "青山县2024年度法治政府建设情况报告\n正文。\n"})
	got := findRule(doc.Findings, RuleFigureNotFound)
	if len(got) != 1 || got[0].Severity != Warning || !strings.Contains(got[0].Message, "合法性审查件数") ||
		!strings.Contains(got[0].Message, "查找的是") {
		t.Fatalf("document: %+v", doc.Findings)
	}
	if len(findRule(doc.Findings, RuleFigureMissing)) != 0 {
		t.Errorf("document reports figure.missing too")
	}
	draft := Report(tp, r)
	if got := findRule(draft.Findings, RuleFigureMissing); len(got) != 1 || got[0].Severity != Error {
		t.Errorf("draft: %+v", draft.Findings)
	}
	if doc.Completeness != draft.Completeness || doc.Completeness == 100 {
		t.Errorf("completeness: document %v, draft %v", doc.Completeness, draft.Completeness)
	}
}
