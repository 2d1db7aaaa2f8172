package followup

import (
	"strings"
	"testing"
)

func TestSplitPlans(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string // prefixes of the items, in order
	}{
		{"enumerated points", "2025年，我县将重点抓好以下工作：一是修订《县政府工作规则》，完善重大行政决策程序。二是推行包容审慎监管，制定轻微违法行为免罚清单。三是建设县级公共法律服务中心。",
			[]string{"修订《县政府工作规则》", "推行包容审慎监管", "建设县级公共法律服务中心"}},
		{"numbered lines", "1.开展行政执法案卷评查，全年评查案卷不少于200卷。\n2.组织全县执法人员参加法律知识考试。\n3、推进乡镇综合行政执法改革落地见效。",
			[]string{"开展行政执法案卷评查", "组织全县执法人员参加", "推进乡镇综合行政执法"}},
		{"headings with bodies", "（一）深化依法决策\n落实重大行政决策目录管理制度，年内公布决策事项目录。\n（二）加强普法宣传\n建成一批法治文化公园，在每个乡镇建设法治宣传阵地。",
			[]string{"深化依法决策：落实重大行政决策目录", "加强普法宣传：建成一批法治文化公园"}},
		{"heading over points", "一、完善执法体制\n一是组建县级执法监督队伍，开展专项督查。二是推行行政执法证件电子化管理。",
			[]string{"组建县级执法监督队伍", "推行行政执法证件电子化"}},
		{"plain sentences", "下一步，我局将从以下几个方面着手：\n着力提高行政复议案件办理质量，推行繁简分流。加快推进政务服务一网通办，实现高频事项全程网办。继续做好各项工作。",
			[]string{"着力提高行政复议案件办理质量", "加快推进政务服务一网通办"}},
		{"ascii brackets and circled", "(1)健全法律顾问制度，实现镇街法律顾问全覆盖。\n①建立府院联动机制，定期召开联席会议。",
			[]string{"健全法律顾问制度", "建立府院联动机制"}},
		{"a number is not numbering", "1.5万元专项经费用于法治宣传阵地建设，年内完成十个村的阵地改造。",
			[]string{"1.5万元专项经费"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := SplitPlans(c.text)
			if len(got) != len(c.want) {
				t.Fatalf("got %d items %q, want %d", len(got), texts(got), len(c.want))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i].Text, w) {
					t.Errorf("item %d = %q, want prefix %q", i, got[i].Text, w)
				}
			}
		})
	}
}

func texts(ps []Plan) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

// thisYear is one unit's measures, written for these tests: some of last
// year's plans are taken up in other words, some not at all.
const thisYear = `一是修订完善县政府工作规则，将重大行政决策事项目录向社会公布，全年纳入目录管理的决策事项8项。
二是出台《县市场监管领域轻微违法行为不予处罚清单》，对首次轻微违法的经营主体不予处罚，全年适用清单办理案件36件。
县公共法律服务中心于6月建成投入使用，整合律师、公证、调解、法律援助等服务窗口，全年接待群众咨询2300余人次。
组织对全县28个执法单位的500余卷行政执法案卷开展集中评查，评出优秀案卷40卷，对发现的问题逐一反馈整改。
全县持证执法人员全部参加年度法律知识考试，参考率100%，合格率98.5%。
各乡镇综合执法队伍组建到位，赋权事项清单经县政府审定后公布实施，乡镇执法力量得到充实。
行政复议案件实行繁简分流，简易案件平均审理周期缩短至30天。
高频政务服务事项已实现网上办理，群众办事最多跑一次。
与县人民法院签订府院联动工作协议，召开联席会议两次，共同化解行政争议12件。
全年开展“八五”普法宣传活动120场，覆盖群众3万余人次。
在全县各村（社区）选聘法律顾问，实现村（社区）法律顾问全覆盖。`

type planCase struct {
	plan     string
	followed bool
}

// planCases are last year's plans labelled by hand against thisYear:
// followed in other words, or left without trace — including look-alikes
// that share the slogans (推进、加强、法治) but not the substance.
var planCases = []planCase{
	{"修订《县政府工作规则》，完善重大行政决策程序，公布决策事项目录。", true},
	{"推行包容审慎监管，制定市场监管领域轻微违法行为免罚清单。", true},
	{"建设县级公共法律服务中心，为群众提供一站式法律服务。", true},
	{"开展行政执法案卷评查，全年评查案卷不少于200卷。", true},
	{"组织全县执法人员参加法律知识考试。", true},
	{"推进乡镇综合行政执法改革，厘清乡镇赋权事项清单。", true},
	{"提高行政复议案件办理质量，推行繁简分流，缩短审理周期。", true},
	{"建立府院联动机制，定期召开联席会议，协同化解行政争议。", true},
	{"健全法律顾问制度，实现村（社区）法律顾问全覆盖。", true},
	{"推动高频政务服务事项网上办理。", true},
	// Long items of several sentences: one measure taken up is a trace.
	{"聚焦公共法律服务，打通服务群众最后一公里。整合律师、公证、调解、法律援助等资源，建成县级公共法律服务中心。推动村级法律服务站点提档升级。", true},
	{"聚焦矛盾化解，推进府院联动。与法院建立行政争议协调化解机制，定期会商研判。", true},
	{"聚焦执法质效，严格执法监督。对全县执法单位的行政执法案卷开展集中评查，评查结果纳入考核。", true},
	// Not followed.
	{"聚焦法治队伍，夯实基层基础。推进乡镇司法所规范化建设，年内新建标准化司法所三个。开展司法所长轮训。", false},
	{"聚焦执法规范，全面提升执法质效。推行行政执法人员平时考核制度，建立执法人员考核档案。", false},
	{"聚焦法治宣传，提升普法实效。打造一批以宪法为主题的法治文化阵地，建设宪法宣传长廊。", false},
	{"建成一批法治文化公园，每个乡镇至少建设一处法治宣传阵地。", false},
	{"开展行政机关负责人出庭应诉专项督查，负责人出庭应诉率达到100%。", false},
	{"制定规范性文件备案审查工作细则，实行规范性文件统一登记、统一编号。", false},
	{"推行行政执法证件电子化管理，实现执法人员信息网上可查。", false},
	{"开展法治政府建设示范创建活动，争创省级法治政府建设示范县。", false},
	{"加强行政执法人员培训，全年培训不少于三期。", false},
	{"建立重大行政决策后评估制度，选取两项决策开展后评估。", false},
	{"深入推进政务公开标准化规范化，编制基层政务公开事项目录。", false},
	{"完善信访工作机制，推动信访事项依法分类处理。", false},
	{"加强应急管理法治建设，修订县级突发事件总体应急预案。", false},
}

// thisYear2 is a market-regulation bureau's measures, in its own words,
// for a second set of plans written as numbered lines.
const thisYear2 = `全年开展“双随机、一公开”抽查任务86次，抽查经营主体1200户，抽查结果全部向社会公示。
制定本局行政处罚裁量权基准，覆盖处罚事项320项，于8月起施行。
聘请2名专职律师担任法律顾问，对重大执法决定开展法制审核45件，做到应审尽审。
举办“3·15”消费者权益保护普法宣传活动，发放宣传资料5000余份。
推行涉企行政检查“扫码入企”，全年减少重复检查40余次。
局党组理论学习中心组开展法治专题学习4次。`

const plans2 = `1.全面推行“双随机、一公开”监管，实现部门联合抽查常态化。
2.修订完善行政处罚裁量权基准，规范执法自由裁量。
3.发挥法律顾问作用，重大执法决定法制审核率达到100%。
4.开展食品安全“守底线、查隐患、保安全”专项行动。
5.建立企业信用修复工作机制，指导失信主体完成信用修复。
6.规范涉企行政检查，减少对企业正常经营活动的干扰。
7.加大知识产权保护力度，严厉打击商标侵权违法行为。
8.组织执法人员旁听庭审活动不少于两次。
9.深化“谁执法谁普法”，围绕消费者权益保护日开展普法宣传。`

var plans2Followed = []bool{true, true, true, false, false, true, false, false, true}

// A township's plans as headings with a paragraph under each, and its
// report a year later in other words (印发 for 出台, 配发 for 配齐).
const plans3 = `（一）强化依法决策
严格落实重大行政决策程序，年内出台《镇重大行政决策程序实施办法》。
（二）提升执法水平
推进镇综合执法队规范化建设，配齐执法记录仪等执法装备。
（三）化解矛盾纠纷
深化新时代“枫桥经验”，建设镇级矛盾纠纷调处化解中心。
（四）深化法治宣传
在每个行政村培养法律明白人不少于5名。
（五）建设数字法治
推动镇村两级政务服务事项网上办理。`

const thisYear3 = `印发《镇重大行政决策程序实施办法》，对决策的提出、论证、审议和公布作出规定。
为镇综合执法队配发执法记录仪12台，执法全过程记录实现全覆盖。
镇矛盾纠纷调处化解中心挂牌运行，全年受理群众诉求230件，化解率96%。
开展法治文化进村活动10场，发放宣传资料3000份。
镇政务服务中心完成改造，办事窗口由6个增至10个。`

var plans3Followed = []bool{true, true, true, false, false}

func TestFollowUpLabelled(t *testing.T) {
	var plans []Plan
	var want []bool
	for _, c := range planCases {
		plans = append(plans, Plan{Text: c.plan})
		want = append(want, c.followed)
	}
	statuses := FollowUp(plans, Sentences("measures", thisYear))
	// The second unit's plans go through the splitter as written.
	split := SplitPlans(plans2)
	if len(split) != len(plans2Followed) {
		t.Fatalf("plans2 split into %d items: %q", len(split), texts(split))
	}
	statuses = append(statuses, FollowUp(split, Sentences("measures", thisYear2))...)
	want = append(want, plans2Followed...)
	split3 := SplitPlans(plans3)
	if len(split3) != len(plans3Followed) {
		t.Fatalf("plans3 split into %d items: %q", len(split3), texts(split3))
	}
	statuses = append(statuses, FollowUp(split3, Sentences("measures", thisYear3))...)
	want = append(want, plans3Followed...)
	var tp, fn, fp, tn int
	for i, st := range statuses {
		switch {
		case want[i] && st.Followed:
			tp++
		case want[i]:
			fn++
			t.Logf("MISS followed plan reported unfollowed (score %.2f, shared %d, best %q): %s", st.Match.Score, st.Match.Shared, st.Match.Sentence.Text, st.Plan.Text)
		case st.Followed:
			fp++
			t.Logf("MISS unfollowed plan taken as followed (score %.2f, shared %d) by %q: %s", st.Match.Score, st.Match.Shared, st.Match.Sentence.Text, st.Plan.Text)
		default:
			tn++
		}
	}
	// The rule reports unfollowed plans: recall is over those, false
	// alarms are followed plans it would report.
	t.Logf("plans.unfollowed: recall %d/%d, false alarms %d/%d followed plans", tn, tn+fp, fn, tp+fn)
	// Lexical matching cannot read every paraphrase; the bounds say how
	// much it may miss. Each miss is logged above.
	if float64(tn) < 0.9*float64(tn+fp) || float64(fn) > 0.1*float64(tp+fn) {
		t.Errorf("below the accuracy floor: recall %d/%d (want ≥ 90%%), false alarms %d/%d (want ≤ 10%%)", tn, tn+fp, fn, tp+fn)
	}
}

// A pasted or hostile plans text is bounded: at most MaxPlans items, and
// the comparison of copied text stops at maxCompared sentences.
func TestHostileSizesAreBounded(t *testing.T) {
	big := strings.Repeat("一是修订县政府工作规则，健全重大行政决策目录管理制度。二是推行包容审慎监管，制定免罚清单。\n", 5000)
	if n := len(SplitPlans(big)); n != MaxPlans {
		t.Errorf("%d plan items, want the cap %d", n, MaxPlans)
	}
	if c := Copied(big, big); !c.Repeated() || c.Share != 1 {
		t.Errorf("copy of a long text: %+v", c)
	}
	if st := FollowUp(SplitPlans(big), Sentences("m", big)); len(st) != MaxPlans || !st[0].Followed {
		t.Errorf("follow-up over long texts: %d statuses", len(st))
	}
}
