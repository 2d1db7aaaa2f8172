package check

import "nianbao/model"

// Rule ids. They are stable: templates configure rules by id and reviewers
// grep for them, so an id is never renamed, only retired.
const (
	RuleMeta            = "report.meta"
	RuleLeftover        = "report.leftover"
	RuleNotReport       = "report.not-report"
	RuleSectionMissing  = "section.missing"
	RuleSectionEmpty    = "section.empty"
	RuleSectionNotFound = "section.not-found"
	RuleSectionShort    = "section.short"
	RulePlaceholder     = "section.placeholder"
	RulePlaceholderMark = "section.placeholder-mark"
	RuleFigureMissing   = "figure.missing"
	RuleFigureNotFound  = "figure.not-found"
	RuleFigureBounds    = "figure.bounds"
	RuleFigureLE        = "figure.le"
	RuleFigureRate      = "figure.rate"
	RuleFigureInvalid   = "figure.invalid"
	RuleFigureProse     = "figure.prose-mismatch"
	RuleProseBlank      = "prose.blank"
	RuleProseBlankDoubt = "prose.blank-doubt"
	RuleProseRate       = "prose.rate"
	RuleProseRateDoubt  = "prose.rate-doubt"
	RuleProsePart       = "prose.part"
	RuleProseDigits     = "prose.digits"
	RuleProseSpace      = "prose.space"
	RuleNumbering       = "writing.numbering"
	RuleEnum            = "writing.enum"
	RuleYearTitle       = "writing.year-title"
	RuleYearPlans       = "writing.year-plans"
	RuleYearBody        = "writing.year-body"
	RuleYearHeading     = "writing.year-heading"
	RuleHalfWidthPunct  = "writing.punct"
	RuleFullWidthDigits = "writing.digits"
	RuleExportEdited    = "export.edited"
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
	{RuleNotReport, Error, false, "检查文档时：全文不足 1000 字（不计空白），模板的必填章节也至多对应上一个（导入总把开头段落归入第一部分）：多半是报送函、通知、邮件或回执，而不是报告全文；或者必填章节对应上不到一半、汉字又不到全文字数的三分之一（不论长短）：多半是说明文件、数据表或外文文档。正式报告通常在 3000 字以上，只找到一个部分的短文不会是完整报告，所以是错误，收到后应请报送单位补报全文。"},
	{RuleSectionMissing, Error, false, "模板规定的必填章节在报告中不存在。"},
	{RuleSectionNotFound, Warning, false, "检查文档（.docx、文本、网页、PDF 等）时没有找到模板规定的必填章节：没有标题或段落对应到它。内容也可能写在其他标题下，所以是警告，并说明按哪些标题词查找。"},
	{RuleSectionEmpty, Error, false, "必填章节存在但没有内容。“其他需要报告的情况”写“暂无”或“无”视为已填写。"},
	{RuleSectionShort, Warning, false, "章节字数（不计空白）少于模板规定的最少字数。"},
	{RulePlaceholder, Error, false, "正文留有占位内容：XXX、××、○○、连续下划线、“待补充”“此处填写”“请填写”等，以及 Word 中没有填写的内容控件显示的“单击或点击此处输入文字”“[键入文档标题]”。姓氏或“某”之后的 ××、XX、○○、□□ 是隐名处理（“申请人李××”“某××公司”），不算占位，后面跟单位、数字或“县、局、年”等字时除外。"},
	{RulePlaceholderMark, Warning, false, "数字的位置上只有一个占位字母或记号，如“开展培训X场”“纠错率X%”“×名”。单个字母也可能是正文（如“X光”），所以只作警告。"},
	{RuleFigureMissing, Error, false, "模板规定的必填数字未填写。"},
	{RuleFigureNotFound, Warning, false, "从文档（Word、文本、网页、PDF 等）导入时，正文中没有找到模板规定的必填数字。数字可能以导入未识别的说法写在正文里，所以只作警告，并写明查找的关键词和单位；表格按单位分列了这项数字而没有合计行时，提示加合计行或在正文写明总数。"},
	{RuleFigureBounds, Error, false, "数字超出模板规定的范围（如比率大于 100 或件数为负数、小数）。"},
	{RuleFigureLE, Error, false, "部分大于整体：如纠错数大于审结数、败诉数大于案件数。"},
	{RuleFigureRate, Error, false, "比率与其分子、分母不符：任一可选分母能解释即视为一致；截尾和四舍五入（如 2÷23 写作 8.69% 或 8.70%）不算错误。同时给出填写值和计算值。"},
	{RuleFigureInvalid, Error, false, "数字栏里填的不是有效数字（如“1e20”、超过 10^15 的数、带“%”或汉字）：原样保留在草稿中，但不计入完整度和任何计算，请改正。"},
	{RuleFigureProse, Warning, false, "数字栏填写的值与正文中写的同一数字不符，如数字栏 52 件、正文“受理行政复议申请25件”。正文中的数字按导入时的规则读取；同时给出两个数和所在句子。数字栏留空时以正文为准。"},
	{RuleProseBlank, Error, false, "正文中量词前缺少数字，如“办理业务 件”“共办理件”“开展检查余次”“覆盖群众 万人次”“纠错率%”。“案件”“文件”“人次”等词语本身不算。"},
	{RuleProseBlankDoubt, Warning, false, "量词前疑似缺少数字，如“发现问题个。”“联合抽查次。”：量词紧跟在一般词语之后并结束分句。该词语也可能本身以量词用字结尾（如“新篇”“进场”），所以只作警告。"},
	{RuleProseRate, Error, false, "正文中某句写的比率与同一句中的件数不符，如“受理120件，调解成功110件，成功率98%”“审结48件，纠错5件，纠错率1.04%”（小数点错位）；或成功率、办结率、出庭应诉率等部分占整体的比率超过 100%。同一句中任一可能的分母（含“上年结转”的件数）能解释即视为一致；“95%以上”“近99%”“约96%”按所写的范围判断；“由上年的9.1%降至4.2%”只核对 4.2%；句中未写纠错件数而逐项列出撤销、变更、确认违法、责令履行等两项以上时，纠错率按其之和核对；出庭应诉率的分子是“负责人出庭（到庭）”的件数，不是应诉案件数；分子分几项写出的（“主要负责人出庭应诉5件，其他负责人出庭15件”“人民调解成功380件，行政调解成功45件”）按各项之和核对，各项不互为分母，比率名称只指其中一项的（“人民调解成功率”）按该项核对，“办结294件，其中网上办结180件，办结率98%”按“其中”前的总数核对；“不合格”“未办结”“不满意”一类否定的件数是比率未计入的部分，不是分子：合格率可按（总数 − 不合格数）÷ 总数 核对（优秀、良好也算合格），句中只写了否定件数和总数（“评查案卷120卷，不合格6卷，合格率59%”）时按此推算，不符时作警告 prose.rate-doubt；“审结率、纠错率分别为92.3%和10.4%”一类列举按顺序对应；“其中”列出的部分所“占”的比例（“受案680件，其中刑事案件420件，占61.8%”）按部分 ÷ “其中”前同单位的件数核对（句首的“其中”按前一句的件数核对，不符时只作警告 prose.rate-doubt），“占全市同类案件的35%”一类句中没有整体的不作判断；增长率、同比变化不在此列；比率只针对句中件数的一部分（“涉企纠纷调解成功率”“按期办结率”而句中只有调解成功、办结总数）或件数是“1.2万件”一类约数时不作判断。"},
	{RuleProseRateDoubt, Warning, false, "比率与件数不符但不能确定是错误：分子或分母取自前一句；与算得的值相差悬殊，可能配错了分母；纠错率、败诉率、出庭应诉率等常按句中未写明的审结、开庭件数计算；或出庭应诉以“次”计、案件以“件”计；或分子由“不合格”“未办结”一类否定件数推算；或分子分几项写出、合计超过了可作分母的件数；或数字栏未填、比率和件数是从正文不同句子中读出的。消息和 JSON 的 evidence 写明所用数字和试过的分母。"},
	{RuleProsePart, Error, false, "正文中部分大于整体，如“审结40件，其中纠错52件”“受理1500件，其中涉企纠纷1620件”。“其中”前有几个同单位的数字时，只有部分大于其中最大的数和并列各数之和才报告。比率的分子大于句中所有同单位的数（“调处纠纷1927件，调解成功2013件，成功率…”）也属此类；结案率、办结率可能含上年结转，只作警告（prose.rate-doubt）。“其中”后逐句列出的同类部分（“其中民事案件860件，刑事案件420件，执行案件1800件”，名称结尾相同、每句只有名称和件数）逐一核对。"},
	{RuleProseDigits, Warning, false, "数字与另一个数字连在一起，可能丢了标点或单位，如“99%120件”“20232024年”。"},
	{RuleProseSpace, Warning, true, "数字中间或百分号前有多余空格，如“1 927件”“6.5 %”。按公文惯例，汉字与数字之间也不加空格。全文汇总为一条。"},
	{RuleNumbering, Warning, false, "标题编号跳号或重复，如“一、二、二、”或“（一）（三）”，全角、半角括号都检查。"},
	{RuleEnum, Warning, false, "段落内“一是、二是、三是”顺序跳号或重复，或序列中漏了“是”（“三是……。四加强……”）。各种空格和漏写的句号不影响判断；“统一是”“唯一是”一类词语不算列举。"},
	{RuleYearTitle, Error, false, "标题中的年份与报告年度不一致。"},
	{RuleYearHeading, Warning, false, "总结本年度的部分（主要举措和成效、存在的不足和原因、第一责任人职责）的标题以另一个年份开头，如 2026 年度报告中的“二、2025年度推进法治政府建设存在的不足和原因”：多半是沿用了往年的报告。标题后文提到的年份（“……及2025年度督察反馈问题整改情况”）、起止年份、书名和“2025年以来”一类不计。"},
	{RuleYearBody, Error, false, "正文通篇写的是另一个年份（至少 3 处），而没有一处写报告年度：多半是沿用了上一年的报告只改了标题。下一年度安排、书名和起止年份不计。"},
	{RuleYearPlans, Warning, false, "下一年度安排的标题或正文中写的年份不是报告年度的下一年（提到以往年份、起止年份和“到2025年”一类远期目标不算）。"},
	{RuleHalfWidthPunct, Warning, true, "汉字之间使用了半角标点（, . ; : ( ) ? !），公文应使用全角标点。全文汇总为一条。"},
	{RuleFullWidthDigits, Warning, true, "数字用了全角数字（“５２件”“１．”），公文中的阿拉伯数字应使用半角（“52件”“1.”）。这样写的数字照样读出和核对。全文汇总为一条。"},
	{RulePlansUnfollowed, Warning, false, "附上去年报告时：去年“下一年度安排”中的某项工作，在今年报告的举措和成效中找不到落实的痕迹（按字词和关键词比对，不联网）。换了说法的落实一般能认出，认不出时请核对。"},
	{RuleFollowChange, Warning, false, "附上去年报告时：正文中“同比增长X%”“较上年增加N件”“由上年的A降至B”“翻一番”等说法与两年的数字不符；区分百分比和百分点。只在能确定说的是哪个数字、且去年数字已知时判断，并给出算式。"},
	{RuleFollowCopied, Info, false, "附上去年报告时：今年的“存在的不足”或“下一年度安排”与去年的大段相同或几乎相同（不计数字和标点），给出重复的比例。"},
	{RuleFollowJump, Warning, false, "附上去年报告时：件数、金额比去年增加到 3 倍以上或减少到三分之一以下（较大的一方不少于 10），可能是输错；比率不在此列。"},
	{RuleFollowPrevious, Warning, false, "附上的去年报告年度不是本报告年度的上一年，或报告单位不同。"},
	{RuleExportEdited, Warning, false, "nianbao 导出的文件（.docx、.md、.html、.txt）附带草稿数据；导出后正文被改过、与附带数据不一致（标题、落款、日期、章节正文、数字），或附带数据无法读取。以正文为准，同时列出两处的值。"},
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
