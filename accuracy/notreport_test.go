package accuracy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// notReports are files a unit may send in place of its report: the cover
// letter, a receipt, a note, the office's own notice sent back. Each must
// be flagged as not the report (d11), since a check that passes it keeps
// the office from asking for the real one.
var notReports = map[string]string{
	"cover-letter-han": "关于报送青山县市场监督管理局2025年度法治政府建设情况报告的函\n\n县委依法治县办：\n" +
		"根据工作安排，现将我局2025年度法治政府建设情况报告随文报送，请审阅。\n\n" +
		"附件：青山县市场监督管理局2025年度法治政府建设情况报告\n\n青山县市场监督管理局\n2026年1月20日\n",
	"cover-letter-baogao": "青山县自然资源局\n关于报送2025年度法治政府建设情况的报告\n\n县人民政府：\n" +
		"按照县委依法治县委员会办公室的通知要求，我局认真总结了一年来法治政府建设工作，形成了年度报告，" +
		"经局党组会议审议通过，现予报送。\n特此报告。\n\n联系人：王芳　联系电话：0571-87654321\n\n青山县自然资源局\n2026年2月3日\n",
	"cover-letter-township": "关于报送法治政府建设年度报告的说明\n\n" +
		"县依法治县办：我镇2025年度法治政府建设年度报告已经镇党委会研究同意，纸质件另行报送，电子版见附件。\n" +
		"不妥之处请批评指正。\n\n青山县石门镇人民政府\n2026年1月28日\n",
	"email":         "王主任您好：\n附件是我局的年度报告，请查收。如有问题请联系我。\n谢谢！\n",
	"one-line-note": "年度报告见附件，请查收\n",
	"receipt": "2025年度法治政府建设年度报告报送回执\n\n单位名称：青山县卫生健康局\n联系人：赵强\n" +
		"联系电话：0571-22334455\n报送时间：2026年2月10日\n是否已在门户网站公开：否（拟于3月底前公开）\n备注：无\n",
	"office-notice": "关于做好2025年度法治政府建设年度报告工作的通知\n\n各乡镇人民政府，县政府各部门：\n" +
		"为贯彻落实《法治政府建设与责任落实督察工作规定》，现就做好年度报告工作通知如下：\n" +
		"一、报送时间。请于2026年2月15日前将年度报告报送县委依法治县办。\n" +
		"二、公开要求。年度报告应于4月1日前在本单位门户网站公开。\n" +
		"三、工作要求。各单位要如实反映工作成效和存在问题，避免空话套话。\n\n县委依法治县办\n2026年1月5日\n",
	"news-brief": "我县召开2025年度法治政府建设工作推进会\n\n" +
		"12月18日，我县召开法治政府建设工作推进会，总结全年工作，部署下一阶段任务。" +
		"会议通报了全县法治政府建设示范创建情况，县司法局、县市场监管局作了交流发言。" +
		"会议要求，各单位要对照年度目标查漏补缺，确保各项任务落到实处。\n（县司法局供稿）\n",
	"title-page-only": "青山县应急管理局2025年度法治政府建设情况报告\n\n青山县应急管理局\n2026年1月25日\n",
	"summary-paragraph": "青山县交通运输局2025年度法治政府建设情况\n\n" +
		"2025年，我局认真贯彻落实上级关于法治政府建设的决策部署，依法履行交通运输管理职责，" +
		"严格规范行政执法，深入开展普法宣传，各项工作取得一定成效。详细情况另行报送。\n\n青山县交通运输局\n",
}

// foreignDocuments are files of any length that are mostly not Chinese
// and land in the folder the office checks: a read-me, a data listing, a
// letter in English. Each must be flagged as not the report (d11).
var foreignDocuments = map[string]string{
	"english-readme": strings.Repeat("Submission folder for the annual rule-of-law reports. "+
		"Each unit saves its report here as a Word file named after the unit; the office "+
		"collects the folder on the fifteenth of February, checks every file and sends "+
		"the marked copies back within a week.\n", 5),
	"english-letter": "Dear colleagues,\n\n" + strings.Repeat("Please find attached the report of our "+
		"bureau for the year 2025, together with the tables of figures you asked for. "+
		"The signed paper copy follows by post.\n", 6) + "\nBest regards,\nQingshan County Bureau\n",
	"data-listing": "单位,处罚,复议,应诉,普法,审查,备案,评查\n" + strings.Repeat(
		"县局,320,5,2,136,214,11,40\n镇府,96,1,0,24,12,3,8\n", 30),
}

// notReportCases: short non-reports are flagged (d11); short reports that
// keep their headings, and long reports whatever their headings, are not
// (fa7).
func notReportCases(b *builder) {
	for name, text := range notReports {
		b.defect("d11.not-a-report", "county", name, replaceWith(text), "report.not-report")
	}
	for name, text := range foreignDocuments {
		b.defect("d11.not-a-report", "county", name, replaceWith(text), "report.not-report")
	}
	// A report with a long table of figures by unit is still mostly
	// Chinese.
	byUnit := "\n各单位主要数据：\n" + strings.Repeat("县市场监督管理局\t320\t40\t5\t2\n青山镇人民政府\t96\t12\t1\t0\n", 25)
	for _, base := range []string{"county", "district", "department", "jixi", "dongchangfu"} {
		b.quiet("fa7.short-or-unheaded-report", base, "long-table-by-unit", func(s string) (string, error) { return s + byUnit, nil })
	}
	// Everything the mutation may raise except the rule under test: a
	// report cut short is short in every part and loses its figures.
	shortAllow := []string{"section.*", "figure.*", "prose.*", "writing.*", "report.leftover"}
	for _, base := range []string{"county", "district", "department", "jixi", "dongchangfu"} {
		b.quiet("fa7.short-or-unheaded-report", base, "headings-and-first-clauses", firstClauses(16), shortAllow...)
		b.quiet("fa7.short-or-unheaded-report", base, "no-headings", dropHeadingLines, shortAllow...)
	}
	for _, base := range []string{"county", "district", "department"} {
		b.quiet("fa7.short-or-unheaded-report", base, "headings-and-first-words", firstClauses(6), shortAllow...)
		b.quiet("fa7.short-or-unheaded-report", base, "ordinal-parts-short", chain(
			re(`(?m)^([一二三四五])、`, "第${1}部分　"), firstClauses(10)), shortAllow...)
	}
}

// replaceWith puts another file in the report's place.
func replaceWith(text string) mutation {
	return func(string) (string, error) { return text, nil }
}

var headingLine = regexp.MustCompile(`^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])`)

// firstClauses keeps every heading line whole and cuts every other line to
// its first n characters: the shape of a report written in a few words per
// part, well under the length the rule looks at.
func firstClauses(n int) mutation {
	return func(s string) (string, error) {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if headingLine.MatchString(l) || utf8.RuneCountInString(l) <= n {
				continue
			}
			lines[i] = string([]rune(l)[:n]) + "。"
		}
		return strings.Join(lines, "\n"), nil
	}
}

// dropHeadingLines removes the lines that are only a heading, so the
// report is its paragraphs alone.
func dropHeadingLines(s string) (string, error) {
	var out []string
	dropped := 0
	for _, l := range strings.Split(s, "\n") {
		if headingLine.MatchString(l) && !strings.ContainsAny(l, "。；") {
			dropped++
			continue
		}
		out = append(out, l)
	}
	if dropped == 0 {
		return "", errNoHeadings
	}
	return strings.Join(out, "\n"), nil
}

// wordPromptCases: the prompt Word shows in a content control nobody
// filled ("单击或点击此处输入文字。", "[键入文档标题]", English Word's "Click
// here to enter text.") is a placeholder, also on a line with nothing else
// a placeholder starts with (d12); prose about clicking and typing is not
// (fa8).
func wordPromptCases(b *builder) {
	d := func(base, name string, m mutation) { b.defect("d12.word-prompt", base, name, m, holdRules...) }
	d("county", "own-line", appendTo("全年组织普法活动136场", "\n单击或点击此处输入文字。"))
	d("district", "old-word-own-line", appendTo("全年开展普法活动210场次", "\n单击此处输入文字。"))
	d("department", "in-paragraph", appendTo("全年组织普法活动94场", "单击或点击此处输入文字。"))
	d("department", "date-control", appendTo("全年组织普法活动94场", "\n单击或点击以输入日期。"))
	d("county", "bracket-title-prompt", prependText("［键入文档副标题］"))
	d("district", "ascii-bracket-prompt", appendTo("全年开展普法活动210场次", "\n[键入文字]"))
	d("jixi", "english-word", appendTo("^\\(四\\)", "\nClick or tap here to enter text."))
	d("dongchangfu", "english-choice", appendTo("^\\(六\\)", "\nChoose an item."))
	q := func(base, name string, m mutation) { b.quiet("fa8.prompt-words", base, name, m) }
	q("county", "click-in-prose", appendTo("全年组织普法活动136场", "群众在网上单击“在线办理”即可提交。"))
	q("county", "type-in-prose", appendTo("全年组织普法活动136场", "开通“一键查询”，键入案件编号即可查看办理进度。"))
	q("district", "click-here-link", appendTo("全年开展普法活动210场次", "单击此处的链接可查看典型案例。"))
	q("department", "ascii-words", appendTo("全年组织普法活动94场", "推广使用CA数字证书和Click-to-Sign电子签章。"))
	q("district", "choose-in-prose", appendTo("全年开展普法活动210场次", "群众可在三种调解方式中选择一项。"))
}
