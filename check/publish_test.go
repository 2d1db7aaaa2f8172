package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

// publishCase is one labelled line: the rule that must find it ("" when
// nothing may be found) and, for personal data, the raw value no message
// may repeat.
type publishCase struct {
	text   string
	rule   string
	secret string
}

// The check digits and Luhn digits below were computed by hand, not by the
// code under test.
var publishCases = []publishCase{
	// Resident ID numbers: 18 digits with a valid check digit, and old 15-digit ones.
	{"申请人身份证号码341802198503121237，已登记备案。", RulePublishID, "341802198503121237"},
	{"身份证号：11010519491231002X", RulePublishID, "11010519491231002X"},
	// Named an ID number, with a wrong check digit: typed wrong, still a person's.
	{"对李某某（身份证号362502198801011234）作出拘留处罚", RulePublishID, "362502198801011234"},
	{"申请人身份证号码为341802198503121238", RulePublishID, "341802198503121238"},
	{"公民身份号码：341802198503121238", RulePublishID, "341802198503121238"},
	{"公民身份号码为 330106199001014414 的群众到窗口办理", RulePublishID, "330106199001014414"},
	{"身份证号４２０１０６２０００１２２９５５６２", RulePublishID, "２０００１２２９"},
	{"其身份证号码为110105491231002。", RulePublishID, "110105491231002"},
	{"证件号码11010519491231002x已核验", RulePublishID, "11010519491231002x"},
	{"510123197806150086", RulePublishID, "510123197806150086"},
	{"身份证号 341802 19850312 1237", RulePublishID, "19850312"},
	{"身份证号码：1101 0519 4912 3100 2X", RulePublishID, "4912 3100"},
	// Mobile numbers, plain, grouped and full-width.
	{"联系人：王某，联系电话13812345678。", RulePublishPhone, "13812345678"},
	{"手机：139 1234 5678", RulePublishPhone, "1234 5678"},
	{"申请人张某（电话：186-2233-2233）到场", RulePublishPhone, "2233-2233"},
	{"如有疑问请拨打15955501234咨询", RulePublishPhone, "15955501234"},
	{"电话１７７１２３４５６７８", RulePublishPhone, "１７７１２３４５６７８"},
	// Landlines of a private party.
	{"当事人王某家中电话0563-8123456，", RulePublishPhone, "8123456"},
	{"村民李某联系电话（0571）87654321", RulePublishPhone, "87654321"},
	{"申请人住宅电话 010-62345678", RulePublishPhone, "62345678"},
	// Bank card numbers (Luhn-valid).
	{"银行卡号6222021234567890128", RulePublishCard, "6222021234567890128"},
	{"将补助款打入账户 6217 0012 3456 7890 122", RulePublishCard, "0012 3456 7890"},
	{"卡号：4392250012345673", RulePublishCard, "4392250012345673"},
	{"已转入6228480012345678903", RulePublishCard, "6228480012345678903"},
	// E-mail addresses.
	{"联系邮箱zhangsan@163.com", RulePublishEmail, "zhangsan@163.com"},
	{"材料发送至 li.ming_1980@qq.com。", RulePublishEmail, "li.ming_1980@qq.com"},
	{"电子邮箱：wangwu@126.com；", RulePublishEmail, "wangwu@126.com"},
	// Private parties' names.
	{"申请人张建国与被申请人李明华因宅基地纠纷申请调解", RulePublishName, "张建国"},
	{"原告陈志强诉县自然资源局行政许可一案", RulePublishName, "陈志强"},
	{"被告人刘伟涛当庭认罪", RulePublishName, "刘伟涛"},
	{"违法行为人刘大伟已缴纳罚款", RulePublishName, "刘大伟"},
	{"对被处罚人王小明依法送达处罚决定书", RulePublishName, "王小明"},
	{"违法嫌疑人赵建军已被行政拘留", RulePublishName, "赵建军"},
	{"来访人孙秀英反映征地补偿问题", RulePublishName, "孙秀英"},
	{"村民赵国庆、钱小兵因土地承包经营权发生纠纷", RulePublishName, "钱小兵"},
	{"调解员对王建国与李明华因相邻通行纠纷进行调解", RulePublishName, "李明华"},
	{"当事人：孙丽娟", RulePublishName, "孙丽娟"},
	{"群众周文斌反映的噪音扰民问题已解决", RulePublishName, "周文斌"},
	{"复议申请人欧阳志远不服县政府的决定", RulePublishName, "欧阳志远"},
	{"申请执行人黄晓明申请强制执行", RulePublishName, "黄晓明"},
	{"王某某与李建国因邻里纠纷多次发生争执", RulePublishName, "李建国"},
	{"成功化解张伟与刘强之间的债务纠纷", RulePublishName, "张伟"},
	{"被申请人：郑海涛", RulePublishName, "郑海涛"},
	{"上诉人林晓燕不服一审判决提起上诉", RulePublishName, "林晓燕"},
	{"信访人徐振华多次到县信访局反映", RulePublishName, "徐振华"},
	{"村民马国强和邻居因排水问题产生矛盾", RulePublishName, "马国强"},
	{"工作人员上门走访申请人钟丽萍家中了解情况", RulePublishName, "钟丽萍"},
	{"当事人何志明父亲代为签收", RulePublishName, "何志明"},
	// Home addresses.
	{"当事人家住城关镇幸福路88号3栋2单元501室", RulePublishAddress, "88号3栋"},
	{"申请人住址：和平村5组12号", RulePublishAddress, "5组12号"},
	{"村民王某居住在兴华街16号", RulePublishAddress, "16号"},
	// Secrecy markings.
	{"秘密★1年", RulePublishSecret, ""},
	{"机密★长期", RulePublishSecret, ""},
	{"绝密 ★ 10年", RulePublishSecret, ""},
	{"密级：秘密", RulePublishSecret, ""},
	{"机密", RulePublishSecret, ""},
	{"（秘密级）", RulePublishSecret, ""},
	{"工作秘密", RulePublishSecret, ""},
	{"内部资料　注意保存", RulePublishSecret, ""},
	{"某县2024年度法治政府建设情况报告（内部资料）", RulePublishSecret, ""},
	{"【内部使用】", RulePublishSecret, ""},
	{"不宜公开", RulePublishSecret, ""},
	// Draft labels.
	{"某县2024年度法治政府建设情况报告（征求意见稿）", RulePublishDraft, ""},
	{"（讨论稿）", RulePublishDraft, ""},
	{"送审稿", RulePublishDraft, ""},
	{"关于2024年度法治政府建设工作的报告(初稿)", RulePublishDraft, ""},
	{"某某局2024年法治政府建设年度报告修改稿", RulePublishDraft, ""},
	{"【送审稿】", RulePublishDraft, ""},
	{"附件：某县法治政府建设情况报告（讨论稿）", RulePublishDraft, ""},

	// Must not be flagged: codes, document and case numbers, amounts, dates.
	{"统一社会信用代码：91341824MA2N12345X", "", ""},
	{"统一社会信用代码 113418240030512345", "", ""},
	{"项目编号：340000202412345678", "", ""},
	{"按照皖政〔2024〕18号文件要求", "", ""},
	{"（2025）皖1824行初12号判决已生效", "", ""},
	{"县人民法院（2024）皖1824民初1234号民事判决书", "", ""},
	{"全年办理案件1832件，涉案金额123456789012元", "", ""},
	{"投入资金1234567890123456元", "", ""},
	{"第202400000000000001号", "", ""},
	{"2023年全县共有常住人口156789人", "", ""},
	{"2023年1月至12月，2024年3月15日召开会议", "", ""},
	{"批准文号国药准字H34021234", "", ""},
	{"随机数字123456789012345678不是号码", "", ""},
	{"号码341802198503121238的校验位不对", "", ""},
	{"项目编号：340000202401012345", "", ""},
	{"合同编号362502198801011234已归档", "", ""},
	// Public service numbers and an office's published lines.
	{"12345政务服务便民热线受理诉求8万余件", "", ""},
	{"12348公共法律服务热线接听来电5600余人次", "", ""},
	{"遇到紧急情况请拨打110、119、120", "", ""},
	{"12315消费者投诉举报专线全年受理投诉", "", ""},
	{"群众通过12345热线反映问题", "", ""},
	{"监督电话：0563-8122345", "", ""},
	{"联系方式：县司法局办公室，电话0563－8123456，传真0563-8123457", "", ""},
	{"举报电话：13905631234", "", ""},
	{"公开电话号码0563-8123456，接受群众监督", "", ""},
	{"电话：0563－8123456（工作日8:30-17:30）", "", ""},
	{"当事人可拨打0563-8123456咨询办理进度", "", ""},
	{"群众可致电（0563）8123456反映问题", "", ""},
	{"投稿邮箱：fzxc@ahjx.gov.cn", "", ""},
	{"政务邮箱 sfj@163.com", "", ""},
	{"访问 www.jixi.gov.cn 查看", "", ""},
	// Anonymised names, officials, places, organisations, ordinary words.
	{"申请人张某某与被申请人李某因宅基地纠纷申请调解", "", ""},
	{"违法行为人应当依法承担法律责任", "", ""},
	{"对违法行为人王某依法作出处罚", "", ""},
	{"行为人主动消除违法行为后果的，依法从轻处罚", "", ""},
	{"嫌疑人身份已查明", "", ""},
	{"被处罚人对处罚决定无异议", "", ""},
	{"原告王某诉县政府行政协议纠纷一案", "", ""},
	{"当事人满意度达98%以上", "", ""},
	{"群众安全感和满意度持续提升", "", ""},
	{"村民委员会换届选举依法进行", "", ""},
	{"村民代表大会审议通过村规民约", "", ""},
	{"县长张建国主持召开县政府常务会议，研究法治政府建设工作", "", ""},
	{"县委书记李明华、县长王志强出席会议并讲话", "", ""},
	{"党政主要负责人张建国同志带头讲法治课", "", ""},
	{"张庄村与李家村因山林权属发生纠纷", "", ""},
	{"县司法局与县公安局因职能交叉产生争议", "", ""},
	{"上诉人不服一审判决", "", ""},
	{"被申请人县市场监管局依法答复", "", ""},
	{"申请人数同比增长12%", "", ""},
	{"行政复议申请人权益得到有效保障", "", ""},
	{"当事人双方达成和解", "", ""},
	{"充分保障当事人陈述、申辩权利", "", ""},
	{"群众获得感幸福感安全感不断增强", "", ""},
	{"居民身份证办理时间缩短至15个工作日", "", ""},
	{"群众王大爷送来锦旗", "", ""},
	{"杜绝群众办事来回跑", "", ""},
	{"律师事务所地址：幸福路88号3楼", "", ""},
	{"身份证号码等个人信息一律隐去", "", ""},
	// Secrecy words and draft labels inside sentences or cited titles.
	{"加强工作秘密管理，严格落实保密制度", "", ""},
	{"严防泄露国家秘密", "", ""},
	{"开展机密载体清查", "", ""},
	{"组织开展保密教育，不宜公开的信息一律不得上网", "", ""},
	{"对《某县行政规范性文件管理办法（征求意见稿）》提出修改意见12条", "", ""},
	{"起草形成初稿后，广泛征求意见", "", ""},
	{"经多次讨论修改形成讨论稿并提交审议", "", ""},
	{"公开征求意见稿意见建议32条", "", ""},
	{"编印《法治宣传内部资料》汇编", "", ""},
	{"做好信访与调解工作，化解矛盾纠纷", "", ""},
	{"推进诉源治理与矛盾纠纷多元化解", "", ""},
	{"物业企业与业主因收费问题发生纠纷", "", ""},
	{"张家与李家因宅基地发生纠纷，经调解达成协议", "", ""},
	{"人民群众满意度和获得感持续提升", "", ""},
	{"群众路线教育实践活动", "", ""},
	{"当事人程序权利得到保障", "", ""},
	{"受害人家属表示谅解", "", ""},
	{"严格保护当事人身份信息", "", ""},
	{"帮助群众乔迁新居", "", ""},
	{"缓解群众焦虑情绪", "", ""},
	{"村民庄稼受灾后及时理赔", "", ""},
	{"居民楼加装电梯纠纷调处", "", ""},
	{"全年罚没款13500000000元", "", ""},
}

// TestPublishCases runs every labelled line through the engine and reports
// recall (positives found by their rule) and false alarms (publish findings
// on negatives, or by the wrong rule).
func TestPublishCases(t *testing.T) {
	pos, found, neg, alarms := 0, 0, 0, 0
	for _, tc := range publishCases {
		fs := PublishOnly(Text(tc.text))
		if tc.rule == "" {
			neg++
			if len(fs) > 0 {
				alarms++
				t.Errorf("%q: false alarm %s: %s", tc.text, fs[0].Rule, fs[0].Message)
			}
			continue
		}
		pos++
		ok := false
		for _, f := range fs {
			if f.Rule == tc.rule {
				ok = true
			} else {
				alarms++
				t.Errorf("%q: extra finding %s: %s", tc.text, f.Rule, f.Message)
			}
			if tc.secret != "" && strings.Contains(f.Message, tc.secret) {
				t.Errorf("%q: message repeats %q: %s", tc.text, tc.secret, f.Message)
			}
			if f.Line != 1 || f.Column < 1 {
				t.Errorf("%q: position line %d column %d, want line 1 and a column", tc.text, f.Line, f.Column)
			}
		}
		if ok {
			found++
		} else {
			t.Errorf("%q: %s not found (got %v)", tc.text, tc.rule, fs)
		}
	}
	if pos < 40 || neg < 40 {
		t.Errorf("want at least 40 positive and 40 negative cases, have %d and %d", pos, neg)
	}
	t.Logf("publish rules: recall %d/%d (%.1f%%), false alarms %d on %d negatives", found, pos, 100*float64(found)/float64(pos), alarms, neg)
}

// BenchmarkPublishShare measures what the publish group adds to a check,
// as a percentage of a check without it: on a typical report
// (BenchmarkCheck's) and on the published reports of the corpus, whose
// prose is full of the characters the detectors start from (人, 和, 群众,
// 纠纷). It times the standalone scan (its own trigger pass and the
// detectors) interleaved with the check, so machine load affects both
// alike; inside the engine the triggers come from the line scanner's pass,
// so this is an upper bound. The goal is at most 10.
func BenchmarkPublishShare(b *testing.B) {
	b.Run("typical", func(b *testing.B) {
		tp, r := complete(b)
		for _, id := range []string{"functions", "decisions", "enforcement", "publicity", "supervision", "leadership"} {
			r.SetText(id, r.Text(id)+"\n"+paragraph(250)+"全年受理投诉举报318件，办结316件，办结率99.37%。\n"+paragraph(120))
		}
		var text strings.Builder
		for _, s := range r.Sections {
			text.WriteString(s + "\n")
		}
		publishShare(b, text.String(), func() { Report(tp, r) })
	})
	b.Run("corpus", func(b *testing.B) {
		var text strings.Builder
		for _, name := range []string{"dongchangfu-sfj-2023.txt", "jixi-county-2023.txt"} {
			data, err := os.ReadFile(filepath.Join(corpusDir, name))
			if err != nil {
				b.Skipf("corpus not available: %v", err)
			}
			text.Write(data)
		}
		doc := text.String()
		publishShare(b, doc, func() { Text(doc) })
	})
}

func publishShare(b *testing.B, text string, check func()) {
	var lines [][]rune
	for line := range strings.Lines(text) {
		lines = append(lines, []rune(strings.TrimRight(line, "\r\n")))
	}
	var full, scan time.Duration
	for b.Loop() {
		t0 := time.Now()
		check()
		t1 := time.Now()
		for _, rs := range lines {
			scanPublish(rs, func(pubMatch) { b.Fatal("the text should be clean") })
		}
		full += t1.Sub(t0)
		scan += time.Since(t1)
	}
	b.ReportMetric(100*float64(scan)/float64(full-scan), "publish-%")
}

func TestPublishSeverities(t *testing.T) {
	for text, want := range map[string]Severity{
		"申请人手机13812345678":          Error,
		"联系电话：13812345678":          Warning, // a 联系方式 block: maybe the office's
		"银行卡号6222021234567890128":   Error,
		"已转入6228480012345678903":    Warning, // Luhn alone
		"身份证号341802198503121237":    Error,
		"其身份证号码为110105491231002。":   Warning, // old 15-digit: no check digit
		"身份证号341802198503121238":    Warning, // wrong check digit, but named an ID
		"某县2024年度法治政府建设情况报告（征求意见稿）": Error,
		"（讨论稿）":                     Warning,
	} {
		fs := PublishOnly(Text(text))
		if len(fs) != 1 || fs[0].Severity != want {
			t.Errorf("%q: %+v, want one %s", text, fs, want)
		}
	}
}

// TestPublishPathsAgree checks that the engine (triggers found by the line
// scanner) and PublishMatches (its own trigger pass) find the same things.
func TestPublishPathsAgree(t *testing.T) {
	all := append(append(append(append([]publishCase(nil), publishCases...), heldOutCases...), heldOutCases2...), heldOutCases3...)
	for _, tc := range all {
		fs := PublishOnly(Text(tc.text))
		ms := PublishMatches(tc.text)
		if len(fs) != len(ms) {
			t.Errorf("%q: engine %d findings, PublishMatches %d", tc.text, len(fs), len(ms))
			continue
		}
		for i := range fs {
			if fs[i].Rule != ms[i].Rule || fs[i].Message != ms[i].Message {
				t.Errorf("%q: engine %s %q, PublishMatches %s %q", tc.text, fs[i].Rule, fs[i].Message, ms[i].Rule, ms[i].Message)
			}
		}
	}
}

func TestPublishHiddenContent(t *testing.T) {
	text := "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n全年办理行政复议案件32件。\n审结30件，纠错3件。\n"
	hidden := []HiddenContent{
		{Kind: HiddenComment, Line: 3, Text: "请核对"},
		{Kind: HiddenComment, Line: 4, Text: "联系人电话13812345678"},
		{Kind: HiddenDelete, Line: 4, Text: "申请人身份证号341802198503121237"},
		{Kind: HiddenInsert, Line: 4, Text: "纠错3件。"},
		{Kind: HiddenHeader, Text: "某县司法局"},
		{Kind: HiddenFooter, Text: "内部资料"},
	}
	res := Document(nil, &model.Report{}, DocLines{Text: text, Hidden: hidden})
	fs := PublishOnly(res.Findings)
	var got []string
	for _, f := range fs {
		got = append(got, f.Severity.String()+" "+f.Message)
		for _, leak := range []string{"13812345678", "341802198503121237"} {
			if strings.Contains(f.Message, leak) {
				t.Errorf("message repeats %s: %s", leak, f.Message)
			}
		}
	}
	want := []string{
		"warning Word 文件中有页眉“某县司法局”：",
		"warning Word 文件中有页脚：", // its text has a marking, so no excerpt
		"error 页脚中有“内部资料”标志",
		"error Word 文件中有批注 2 处（共 19 字），在第 3、4 行：",
		"warning 批注中手机号码 138****5678", // 联系人: perhaps an office contact
		"error Word 文件中有未接受的修订（删除） 1 处（共 25 字），在第 4 行：",
		"error 未接受的修订（删除）中疑似公民身份号码 3418**********1237",
		"error Word 文件中有未接受的修订（插入） 1 处（共 5 字），在第 4 行：",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		ok := false
		for _, g := range got {
			ok = ok || strings.HasPrefix(g, w)
		}
		if !ok {
			t.Errorf("no finding starts with %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
	for _, f := range fs {
		if strings.Contains(f.Message, "批注 2 处") && (f.Line != 3 || f.Count != 2 || len(f.Lines) != 2) {
			t.Errorf("comment finding at line %d count %d lines %v", f.Line, f.Count, f.Lines)
		}
	}
}

func TestPublishInDraft(t *testing.T) {
	tp, r := complete(t)
	r.Title = "青山县2024年度法治政府建设情况报告（征求意见稿）"
	r.SetText("disputes", r.Text("disputes")+"\n当事人李建军身份证号码510123197806150086。")
	fs := PublishOnly(Report(tp, r).Findings)
	type key struct{ rule, section string }
	got := map[key]Finding{}
	for _, f := range fs {
		got[key{f.Rule, f.Section}] = f
	}
	if f, ok := got[key{RulePublishDraft, ""}]; !ok || f.Severity != Error || !strings.HasPrefix(f.Message, "标题中") {
		t.Errorf("draft label in the title: %+v (all %+v)", f, fs)
	}
	id, ok := got[key{RulePublishID, "disputes"}]
	if !ok || id.Severity != Error || id.Column != 12 || strings.Contains(id.Message, "510123197806150086") {
		t.Errorf("ID number in disputes: %+v", id)
	}
	if _, ok := got[key{RulePublishName, "disputes"}]; !ok {
		t.Errorf("party name not found: %+v", fs)
	}
	if len(fs) != 3 {
		t.Errorf("want 3 publish findings, got %+v", fs)
	}
	// A template may turn a publish rule down or off like any other.
	tp.Rules = map[string]string{RulePublishName: "off", RulePublishID: "warning"}
	fs = PublishOnly(Report(tp, r).Findings)
	if len(fs) != 2 {
		t.Fatalf("with rules set: %+v", fs)
	}
	for _, f := range fs {
		if f.Rule == RulePublishID && f.Severity != Warning {
			t.Errorf("template severity not applied: %+v", f)
		}
	}
}

func TestPublishRulesDocumented(t *testing.T) {
	for _, id := range []string{RulePublishID, RulePublishPhone, RulePublishCard, RulePublishEmail, RulePublishName,
		RulePublishAddress, RulePublishSecret, RulePublishDraft, RulePublishHidden} {
		r, ok := RuleByID(id)
		if !ok || r.Description == "" || !IsPublishRule(id) {
			t.Errorf("%s: %+v %v", id, r, ok)
		}
	}
	if IsPublishRule(RuleFigureRate) {
		t.Error("figure.rate is not a publish rule")
	}
}

// TestPartyWordsAreTriggers keeps publishTrigger's quick neighbour test in
// step with the party word list: a word it does not trigger on is never
// looked for.
func TestPartyWordsAreTriggers(t *testing.T) {
	for _, w := range partyWords {
		rs := []rune(w)
		if publishTrigger(rs, len(rs)-1) != pubParty {
			t.Errorf("party word %s does not trigger the name detector", w)
		}
	}
	for _, r := range pubTriggerRunes {
		if !pubTriggers.Has(r) {
			t.Errorf("%c missing from the trigger set", r)
		}
	}
}
