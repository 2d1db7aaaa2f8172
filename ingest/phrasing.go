package ingest

import (
	"strings"

	"nianbao/internal/zhtext"
)

// How drafters phrase a count. A template keyword ("合法性审查", "收") is
// the figure's name; reports say the same thing in many ways:
//
//	全年开展合法性审查156件            keyword in the clause
//	共审查上会议题316个                short verb, subject a sentence earlier, another unit
//	对…等7项决策进行审查                number before the noun, verb after it
//	共办理行政复议案件32件              a generic verb for "received"
//	组织主题法治宣传活动368次           the subject by another name
//
// The tables below hold that knowledge per keyword, so a template written
// by a coordinating office with the same keywords gets it too.

// synonyms widens a template keyword to the wordings that name the same
// subject anywhere in a sentence.
var synonyms = map[string][]string{
	"收":     {"收", "受理", "办理"},
	"受理":    zhtext.IntakeWords,
	"行政复议":  {"行政复议", "复议"},
	"审结":    {"审结", "办结", "结案"},
	"应诉":    {"应诉", "行政诉讼", "诉讼案件", "被诉"},
	"普法":    {"普法", "法治宣传", "法律宣传", "法治宣讲"},
	"合法性审查": {"合法性审查", "合法性审核"},
	"行政处罚":  {"行政处罚", "处罚案件"},
	"调解成功":  {"调解成功", "成功调解"},
	// The heads by their titles too: "县长出庭应诉3件，副县长出庭应诉5件".
	"负责人出庭": append([]string{"负责人出庭", "负责人出庭应诉", "负责人到庭"}, titledAppearances()...),
	"备案":    {"备案", "报备"},
	// "负责人出庭应诉153件，出庭率98.1%": the rate by its short name.
	"出庭应诉率": {"出庭应诉率", "出庭率", "到庭应诉率", "到庭率"},
}

// headTitles name a government's or department's head by title: each is
// a particular head (particularHead), whose 出庭 is a head's appearance.
var headTitles = []string{"县长", "区长", "市长", "镇长", "乡长", "局长"}

// titledAppearances are the wordings of a head's appearance by title:
// "县长出庭", "局长出庭".
func titledAppearances() []string {
	out := make([]string, len(headTitles))
	for i, t := range headTitles {
		out[i] = t + "出庭"
	}
	return out
}

// caseSubjects are the subjects a paragraph on disputes, enforcement or
// publicity moves between: the last one named is the subject in force
// for a sentence that names none (see inForce).
var caseSubjects = []string{"复议", "应诉", "诉讼", "法院", "调解", "信访", "仲裁", "投诉", "举报",
	"法律援助", "公证", "处罚", "执法", "纠纷", "普法", "审查", "决策", "规范性文件", "公开", "热线"}

// clauseFiller are the words a clause may hold around a figure's own
// keyword and still name nothing else: time, manner, totals and the
// generic nouns of a case.
var clauseFiller = []string{"全年", "年内", "本年度", "当年", "同期", "共计", "累计", "合计", "总计", "共",
	"依法", "已经", "已", "先后", "其中", "全部", "各类", "案件", "申请", "综合", "作出", "决定", "等", "在", "中", "的", "有", "为", "达到", "达"}

// clauseForms are shorter or looser wordings that name a figure only in
// the number's own clause, and only when the full subject stands in the
// sentence or, inside the figure's own section, in the sentence before or
// the paragraph's lead sentence. "审查" alone is not a legality review;
// "共审查上会议题316个" after a sentence on 合法性审查 is.
//
// The key is the keyword, or keyword|unit where the unit decides what the
// clause must say (an audience is "受众", events are "活动").
//
// A clause form is weaker evidence than a keyword: it scores 1 whatever its
// length, so "审结案件48件" is the 审结 count, not the 收 count by "案件".
var clauseForms = map[string][]string{
	// "全年行政复议案件52件": the cases of the year are the cases received;
	// "行政复议申请量达52件": the applications' volume is the intake. Not
	// 申请 alone: "驳回行政复议申请9件" names the subject, not the count.
	"收":     {"案件", "申请量"},
	"合法性审查": {"审查", "审核"},
	// "共调解矛盾纠纷860件", "开展人民调解860件": the disputes taken into
	// mediation are the ones received (the figure's other keyword, 调解,
	// must name the subject).
	"受理": {"纠纷", "人民调解"},
	// "行政机关负责人出庭应诉率100%，全年出庭应诉46件": appearances, with
	// 负责人 a clause earlier. Not 出庭 alone: "法律顾问代理出庭12件".
	"负责人出庭": {"出庭应诉", "到庭应诉"},
	"行政处罚":  {"处罚", "查处"},
	"普法|场":  {"宣传", "宣讲", "讲座", "送法", "活动", "法治课", "以案释法"},
	"普法|人次": {"受众", "受教育", "覆盖", "惠及", "参与", "参加", "受益", "听众", "观看"},
}

// extraUnits are prose units that state a figure of the given template
// unit when the figure has this keyword: reviewed 议题 are counted in 个,
// decisions in 项, contracts in 份, reviews also in 件次 (one review of a
// document sent back is a second 件次). Nothing broader: "行政处罚2685项" in a
// list of powers is not a count of penalty cases, so 行政处罚 has none.
var extraUnits = map[string]map[string][]string{
	"合法性审查":  {"件": {"个", "项", "份", "件次"}},
	"重大行政决策": {"件": {"项"}}, // decisions are listed as 事项, counted in 项
	"规范性文件":  {"件": {"份", "个"}},
	"案卷":     {"卷": {"份", "件"}},
}

func clauseFormsOf(k, unit string) []string {
	if v, ok := clauseForms[k+"|"+unit]; ok {
		return v
	}
	return clauseForms[k]
}

// modifiedNouns are things counted in reports that a figure keyword often
// qualifies: "行政处罚案卷" are files, "合法性审查人员" are staff. A keyword
// right before one of them does not name the count.
var modifiedNouns = []string{"案卷", "卷宗", "文书", "人员", "队伍", "证件", "清单", "权限", "职权", "培训", "工作室", "联络点", "服务点"}

// subsetMarks after a figure's noun say the count that follows is of a
// subset found among them (“行政处罚案件中适用简易程序的有320件”).
// Not 中 alone: 行政复议中心 is an office, not a subset.
var subsetMarks = []string{"案件中", "申请中", "当中", "中，", "中涉及", "中适用", "中有", "中的"}

// countQualifiers are words that, right before a form, make it another count:
// "出庭应诉" is a head's appearance in court, not an 应诉 case; "公平竞争
// 审查" is a review against market rules, not the legality review a
// section titled 合法性审查 counts.
var countQualifiers = map[string][]string{
	"应诉": {"出庭", "到庭"},
	"审查": {"公平竞争", "安全", "资格", "保密", "信用", "资质"},
	"审核": {"公平竞争", "安全", "资格", "保密", "信用", "资质"},
}

// namesOtherCount says whether clause holds a form right after one of its
// countQualifiers ("公平竞争审查", "出庭应诉"): it counts that other thing.
func namesOtherCount(clause string) bool {
	for form := range countQualifiers {
		for i := 0; ; {
			j := strings.Index(clause[i:], form)
			if j < 0 {
				break
			}
			if qualifiedAt(clause, i+j, form) {
				return true
			}
			i += j + len(form)
		}
	}
	return false
}

// qualifiedAt says whether form, at byte i of s, follows one of its
// countQualifiers.
func qualifiedAt(s string, i int, form string) bool {
	return zhtext.HasSuffixAny(s[:i], countQualifiers[form])
}

// headNoun says whether the occurrence of form at byte i of s is the
// counted thing rather than a modifier of a noun just after it (in "重点领域
// 行政处罚案卷进行审查" 行政处罚 modifies 案卷), the whole a subset is found
// among (subsetMarks), the object of a qualifier just before it (see
// countQualifiers), or of a representative earlier in the clause
// (representedBy).
func headNoun(s string, i int, form string) bool {
	rest := s[i+len(form):]
	// "行政复议案件中涉及市场监管领域的有18件": a count of some of the
	// cases, found among them, not of all.
	for _, among := range subsetMarks {
		if strings.HasPrefix(rest, among) {
			return false
		}
	}
	for _, other := range modifiedNouns {
		if j := zhtext.IndexWide(rest, other); j >= 0 && j <= 3*len("字") {
			return false
		}
	}
	if qualifiedAt(s, i, form) {
		return false
	}
	for _, q := range representedBy[form] {
		if strings.Contains(s[:i], q) {
			return false
		}
	}
	return true
}

// representedBy are words anywhere before a litigation form in its clause
// that make the count the cases someone handled for the government, a
// part of them: "县司法局代理县政府行政应诉案件12件".
var representedBy = map[string][]string{
	"应诉": {"代理"}, "行政诉讼": {"代理"}, "诉讼案件": {"代理"}, "被诉": {"代理"},
}

// lengthIn is the rune length of the longest of forms in s that stands as
// the head noun (see headNoun) at one of its occurrences.
func lengthIn(s string, forms []string) int {
	n := 0
	for _, v := range forms {
		i := zhtext.IndexWide(s, v)
		if i < 0 || runeLen(v) <= n {
			continue // most forms are absent: searched before measured
		}
		for {
			if headNoun(s, i, v) {
				n = runeLen(v)
				break
			}
			j := zhtext.IndexWide(s[i+len(v):], v)
			if j < 0 {
				break
			}
			i += len(v) + j
		}
	}
	return n
}
