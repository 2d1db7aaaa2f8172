package check

import "nianbao/model"

// Rule ids. They are stable: templates configure rules by id and reviewers
// grep for them, so an id is never renamed, only retired.
const (
	RuleMeta            = "report.meta"
	RuleLeftover        = "report.leftover"
	RuleSectionMissing  = "section.missing"
	RuleSectionEmpty    = "section.empty"
	RuleSectionShort    = "section.short"
	RulePlaceholder     = "section.placeholder"
	RuleFigureMissing   = "figure.missing"
	RuleFigureBounds    = "figure.bounds"
	RuleFigureLE        = "figure.le"
	RuleFigureRate      = "figure.rate"
	RuleProseBlank      = "prose.blank"
	RuleProseRate       = "prose.rate"
	RuleProseDigits     = "prose.digits"
	RuleProseSpace      = "prose.space"
	RuleNumbering       = "writing.numbering"
	RuleEnum            = "writing.enum"
	RuleYearTitle       = "writing.year-title"
	RuleYearPlans       = "writing.year-plans"
	RuleHalfWidthPunct  = "writing.punct"
	summaryExampleLines = 5 // how many locations a summarised finding keeps
)

// RuleInfo documents one rule. Rules() is the single place where every rule
// is described; `nianbao check --rules` prints it.
type RuleInfo struct {
	ID       string
	Severity Severity // default; a template may change it or turn it off
	// Summary is true for typography rules whose occurrences are reported
	// as one finding per report with a count, never one per sentence.
	Summary     bool
	Description string // Chinese
}

var rules = append([]RuleInfo{
	{RuleMeta, Error, false, "报告单位或报告年度未填写，或其中留有占位符（如“XX县”）。"},
	{RuleLeftover, Warning, false, "草稿中留有不属于任何章节的文字：模板迁移时“已移除章节”的内容，或导入时未能归类的内容。这些文字不会打印，请移到合适的章节或删除。"},
	{RuleSectionMissing, Error, false, "模板规定的必填章节在报告中不存在。"},
	{RuleSectionEmpty, Error, false, "必填章节存在但没有内容。“其他需要报告的情况”写“暂无”或“无”视为已填写。"},
	{RuleSectionShort, Warning, false, "章节字数（不计空白）少于模板规定的最少字数。"},
	{RulePlaceholder, Error, false, "正文留有占位内容：XXX、××、○○、连续下划线、“待补充”“此处填写”“请填写”等。"},
	{RuleFigureMissing, Error, false, "模板规定的必填数字未填写。"},
	{RuleFigureBounds, Error, false, "数字超出模板规定的范围（如比率大于 100 或件数为负数、小数）。"},
	{RuleFigureLE, Error, false, "部分大于整体：如纠错数大于审结数、败诉数大于案件数。"},
	{RuleFigureRate, Error, false, "比率与其分子、分母不符：任一可选分母能解释即视为一致；截尾和四舍五入（如 2÷23 写作 8.69% 或 8.70%）不算错误。同时给出填写值和计算值。"},
	{RuleProseBlank, Error, false, "正文中量词前缺少数字，如“办理业务 件”“共 人次”。"},
	{RuleProseRate, Error, false, "正文中某句写的比率与同一句中的件数不符，如“受理120件，调解成功110件，成功率98%”。所需件数不在同一句中、或与算得的值相差悬殊（多半是配错了件数）时不作判断；完成率等超过 100% 的比率不在此列。"},
	{RuleProseDigits, Warning, false, "数字与另一个数字连在一起，可能丢了标点或单位，如“99%120件”“20232024年”。"},
	{RuleProseSpace, Warning, true, "数字中间或百分号前有多余空格，如“1 927件”“6.5 %”。按公文惯例，汉字与数字之间也不加空格。全文汇总为一条。"},
	{RuleNumbering, Warning, false, "标题编号跳号或重复，如“一、二、二、”或“（一）（三）”，全角、半角括号都检查。"},
	{RuleEnum, Warning, false, "段落内“一是、二是、三是”顺序跳号或重复。"},
	{RuleYearTitle, Error, false, "标题中的年份与报告年度不一致。"},
	{RuleYearPlans, Warning, false, "下一年度安排的标题或正文中写的年份不是报告年度的下一年（提到以往年份、起止年份和“到2025年”一类远期目标不算）。"},
	{RuleHalfWidthPunct, Warning, true, "汉字之间使用了半角标点（, ; : ( ) ? !），公文应使用全角标点。全文汇总为一条。"},
}, publishRules...)

var ruleIndex = func() map[string]int {
	m := make(map[string]int, len(rules))
	for i, r := range rules {
		m[r.ID] = i
	}
	return m
}()

// Rules lists every rule with its default severity and Chinese description,
// in the order they are documented.
func Rules() []RuleInfo {
	out := make([]RuleInfo, len(rules))
	copy(out, rules)
	return out
}

// RuleByID finds a rule; template linting uses it to reject unknown ids.
func RuleByID(id string) (RuleInfo, bool) {
	i, ok := ruleIndex[id]
	if !ok {
		return RuleInfo{}, false
	}
	return rules[i], true
}

// Configured returns the rules with the severities a template sets. off is
// true for rules the template turns off.
func Configured(t *model.Template) []ConfiguredRule {
	out := make([]ConfiguredRule, len(rules))
	for i, r := range rules {
		sev, off := effective(t, r.ID, r.Severity)
		out[i] = ConfiguredRule{RuleInfo: r, Off: off}
		out[i].Severity = sev
	}
	return out
}

// ConfiguredRule is a rule as a particular template applies it.
type ConfiguredRule struct {
	RuleInfo
	Off bool
}

// effective applies a template's rule setting to a default severity.
func effective(t *model.Template, id string, def Severity) (sev Severity, off bool) {
	if t == nil || t.Rules == nil {
		return def, false
	}
	level, ok := t.Rules[id]
	if !ok {
		return def, false
	}
	if level == "off" {
		return def, true
	}
	if s, ok := ParseSeverity(level); ok {
		return s, false
	}
	return def, false
}

func defaultSeverity(id string) Severity {
	return rules[ruleIndex[id]].Severity
}
