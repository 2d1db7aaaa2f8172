package zhtext

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// countUnits are the units of a count, longest first so that 人次 wins over
// 人 and 场次 over 场. Adding a unit here adds it to figure extraction, the
// rate and part-of-whole checks and the blank-figure check at once.
var countUnits = []string{
	"人次", "场次", "件次", "户次",
	"件", "宗", "起", "个", "项", "次", "场", "人", "名", "家", "份", "条", "户", "篇", "卷",
}

// moneyUnits follow a number (with its 万 or 亿 read separately) in amounts.
var moneyUnits = []string{"元"}

// CountUnits returns the count units, longest first. The slice is a copy.
func CountUnits() []string { return append([]string(nil), countUnits...) }

// UnitAlternation is every unit a number may carry — counts, “%”, “％” and
// 元 — as a regular-expression alternation, longest first, for callers that
// match numbers with a regular expression.
func UnitAlternation() string {
	all := append(CountUnits(), "%", "％")
	all = append(all, moneyUnits...)
	return strings.Join(all, "|")
}

// IsCountUnitRune reports a character that is a one-character count unit.
func IsCountUnitRune(r rune) bool {
	switch r {
	case '件', '宗', '起', '个', '项', '次', '场', '人', '名', '家', '份', '条', '户', '篇', '卷':
		return true
	}
	return false
}

// CaseUnits count cases: "行政处罚案件1560起", "受理复议案件63宗" are
// counted as "…件" are.
var CaseUnits = []string{"件", "起", "宗"}

// CorrectionOutcomes are the review decisions that correct the act
// reviewed: a 纠错 count is their sum, and a 纠错率 their sum over the
// cases decided.
var CorrectionOutcomes = []string{"撤销", "变更", "确认违法", "确认无效", "责令履行", "责令限期履行", "责令重新作出"}

// CorrectionIn is the first of CorrectionOutcomes that s (a count's
// words) holds, "" for none: how the parts of a 纠错 sum are written
// (“撤销5件+确认违法2件”).
func CorrectionIn(s string) string {
	for _, w := range CorrectionOutcomes {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}

// UncorrectingOutcomes are the review decisions that leave the act
// standing or end the case without a ruling on it: with
// CorrectionOutcomes, the breakdown of the cases decided.
var UncorrectingOutcomes = []string{"维持", "驳回", "终止"}

// SameCountUnit reports whether counts in units a and b count the same
// kind of thing: the same unit, or two of CaseUnits.
func SameCountUnit(a, b string) bool {
	if a == b {
		return true
	}
	return slices.Contains(CaseUnits, a) && slices.Contains(CaseUnits, b)
}

// IsPercentSign reports “%” or “％”.
func IsPercentSign(r rune) bool { return r == '%' || r == '％' }

// durationAfter are the words after 个 that make a duration or a
// difference of rates, not a count: “连续55个月”, “3个工作日”, “2个百分点”.
var durationAfter = []string{"月", "工作日", "小时", "星期", "季度", "百分点", "年头"}

// IsDurationAfterGe reports whether s, the text right after a 个, makes
// it a duration or a difference of rates (“个月”, “个工作日”, “个百分点”).
func IsDurationAfterGe(s string) bool {
	for _, d := range durationAfter {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

// CountUnitAt returns the longest count unit s starts with, or "". A 个
// that opens a duration (“个月”, “个工作日”, “个百分点”) is no count unit.
func CountUnitAt(s string) string {
	if s == "" || s[0] < 0x80 {
		return ""
	}
	for _, u := range countUnits {
		if strings.HasPrefix(s, u) {
			if u == "个" && IsDurationAfterGe(s[len(u):]) {
				return ""
			}
			return u
		}
	}
	return ""
}

// UnitAt returns the unit s starts with — a count unit, “%”, “％”, 元, 万元
// or 亿元 — or "".
func UnitAt(s string) string {
	if s == "" {
		return ""
	}
	switch {
	case s[0] == '%':
		return "%"
	case strings.HasPrefix(s, "％"):
		return "％"
	case strings.HasPrefix(s, "万元"):
		return "万元"
	case strings.HasPrefix(s, "亿元"):
		return "亿元"
	case strings.HasPrefix(s, "元"):
		return "元"
	}
	return CountUnitAt(s)
}

// unitWords are ordinary words that begin with a unit character. After a
// blank (“县 人民政府”) or a verb (“开展人民调解”) the character is the start
// of the word, not a count whose number is missing.
var unitWords = map[string]bool{
	"人民": true, "人员": true, "人大": true, "人才": true, "人口": true, "人社": true, "人身": true, "人力": true,
	"人防": true, "人工": true, "人居": true, "人文": true, "人数": true, "人均": true, "人事": true, "人情": true,
	"人格": true, "人权": true, "人生": true, "人心": true, "人们": true, "人群": true, "人选": true, "人士": true,
	"次要": true, "次数": true, "次日": true, "次年": true, "次月": true, "次序": true,
	"场所": true, "场景": true, "场地": true, "场合": true, "场馆": true, "场域": true,
	"条例": true, "条件": true, "条款": true, "条线": true, "条目": true, "条文": true, "条块": true,
	"个人": true, "个别": true, "个体": true, "个案": true, "个性": true,
	"项目": true, "家庭": true, "家长": true, "家属": true, "家园": true, "家风": true, "家乡": true, "家门": true,
	"名单": true, "名称": true, "名录": true, "名额": true, "名义": true, "名片": true,
	"份额": true, "元旦": true, "元素": true, "起草": true, "起诉": true, "起点": true, "起步": true,
	"起来": true, "起到": true, "起始": true, "户籍": true, "户口": true, "户外": true, "宗教": true,
	"宗旨": true, "卷宗": true, "件事": true, "件数": true, "篇幅": true, "篇章": true,
	"件件": true, "个个": true, "项项": true, "条条": true, "次次": true, "场场": true, "名名": true,
	"场面": true, "场内": true, "场外": true, "名列": true, "名副": true, "名优": true, "名牌": true,
	"名誉": true, "名师": true, "名人": true, "名家": true, "家中": true, "家里": true, "家户": true,
	"项下": true, "条理": true, "条规": true, "条令": true, "份内": true, "次生": true, "次级": true,
	"个税": true, "个中": true, "条形": true, "次第": true, "场站": true, "名胜": true, "件套": true,
	"名品": true, "名声": true, "名气": true, "名次": true, "名字": true, "名言": true, "名城": true,
	"名镇": true, "名村": true, "名企": true, "项数": true, "个数": true, "条数": true, "份数": true,
	"篇数": true, "场数": true, "名数": true,
}

// UnitWordAt reports whether s starts with an ordinary word whose first
// character is a unit (人民, 项目, 条件 …).
func UnitWordAt(s string) bool {
	if len(s) < 6 || s[0] < 0x80 {
		return false
	}
	// Every unit character and every word's second character is three
	// bytes in UTF-8, so the word is the first six bytes.
	return unitWords[s[:6]]
}

// unitEndWords are ordinary words that end in a unit character (案件, 事项,
// 现场, 姓名): the character is part of the word, not a count's unit, so
// “审结案件，” has lost no number.
var unitEndWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"案件", "文件", "事件", "条件", "证件", "要件", "稿件", "附件", "软件", "硬件", "信件", "函件",
		"邮件", "部件", "物件", "来件", "批件", "急件", "快件", "原件", "复件", "配件", "零件", "办件",
		"层次", "名次", "档次", "批次", "班次", "频次", "依次", "再次", "多次", "屡次", "首次", "本次",
		"此次", "该次", "这次", "每次", "历次", "初次", "逐次", "其次", "主次", "席次", "位次", "轮次",
		"车次", "架次", "等次", "人次", "场次", "件次", "户次", "一次", "两次",
		"现场", "市场", "广场", "立场", "全场", "当场", "会场", "考场", "农场", "商场", "机场", "剧场",
		"球场", "操场", "主场", "下场", "上场", "出场", "到场", "在场", "登场", "开场", "收场", "排场",
		"赛场", "战场", "职场", "官场", "林场", "牧场", "菜场", "道场", "专场",
		"事项", "专项", "单项", "多项", "各项", "款项", "强项", "弱项", "选项", "逐项", "分项", "立项",
		"列项", "缺项", "漏项", "子项", "该项", "此项", "本项", "每项", "两项", "一项",
		"各个", "那个", "这个", "每个", "哪个", "整个", "单个", "逐个", "某个", "半个", "两个", "一个",
		"姓名", "签名", "署名", "报名", "提名", "排名", "命名", "点名", "实名", "匿名", "更名", "具名",
		"联名", "知名", "著名", "罪名", "地名", "书名", "品名", "挂名", "冠名", "记名", "除名", "正名",
		"留名", "出名", "有名", "闻名", "盛名", "两名", "一名",
		"各条", "逐条", "该条", "此条", "本条", "每条", "萧条", "苗条", "链条", "线条", "枝条", "教条",
		"信条", "头条", "封条", "便条", "收条", "借条", "欠条", "两条", "一条",
		"身份", "股份", "月份", "年份", "省份", "部份", "成份", "备份", "每份", "一份", "两份",
		"诗篇", "长篇", "短篇", "开篇", "通篇", "全篇", "名篇", "首篇", "每篇", "新篇", "续篇", "终篇",
		"中篇", "篇篇", "进场", "退场", "入场", "离场", "散场", "收件", "发件", "寄件", "密件", "构件",
		"器件", "组件", "元件", "插件", "挂件", "摆件", "数次", "几次", "那次", "上次", "下次", "几个",
		"面条", "纸条", "字条", "白条", "发条", "缘份", "本份", "过份", "情份", "虚名", "功名", "声名",
		"美名", "大名", "化名", "同名", "齐名", "驰名", "无名", "莫名", "题名", "定名", "指名", "芳名", "为名",
		"练场", "车场", "宰场", "殖场", "理场", "冷场", "圆场", "捧场", "救场", "赶场", "磁场", "气场",
		"刑场", "沙场", "疆场", "秀场", "片场", "道场", "剧场", "靶场", "猎场", "渔场", "盐场", "窑场",
	} {
		m[w] = true
	}
	return m
}()

// UnitEndsWord reports whether the two characters prev and unit form an
// ordinary word that ends in a unit character (案件, 事项, 姓名, 多次).
func UnitEndsWord(prev, unit rune) bool {
	var b [8]byte
	n := utf8.EncodeRune(b[:], prev)
	n += utf8.EncodeRune(b[n:], unit)
	return unitEndWords[string(b[:n])]
}
