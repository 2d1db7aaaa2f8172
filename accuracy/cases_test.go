package accuracy

import (
	"regexp"
	"strconv"
	"strings"
)

// The labelled cases. Sample anchors are sentences of testdata/*.txt; the
// corpus is changed only through patterns and sentences written here, so
// none of its text is copied into the repository.

func unmodifiedCases(b *builder) {
	for _, s := range []string{"county", "district", "department"} {
		b.unmodified(s)
	}
	// Judged correct: the scraper's ASCII punctuation, and 行政处罚案件数,
	// which the report never states (its 行政处罚 number counts powers).
	b.unmodified("jixi", "writing.punct", "figure.not-found")
	// ASCII punctuation, and the space in "6.5 %".
	b.unmodified("dongchangfu", "writing.punct", "prose.space")
}

// anchor is a sentence piece of a sample stating one figure, and the
// number in it.
type anchor struct{ text, n string }

var figureAnchors = map[string]map[string]anchor{
	"legality": {
		"county":     {"全年开展合法性审查214件", "214"},
		"district":   {"全年对区政府常务会议议题、行政规范性文件和合同累计开展合法性审查302件", "302"},
		"department": {"全年审查县政府及部门规范性文件、重大决策和合同共计186件", "186"},
	},
	"review": {
		"county":   {"全年收到行政复议申请52件", "52"},
		"district": {"全年共收到行政复议申请75件", "75"},
	},
	"penalty": {
		"county":   {"全年办理行政处罚案件926件", "926"},
		"district": {"全年全区共办理行政处罚案件1480件", "1480"},
	},
	"publicity": {
		"county":     {"全年组织普法活动136场", "136"},
		"district":   {"全年开展普法活动210场次", "210"},
		"department": {"全年组织普法活动94场", "94"},
	},
	"litigation": {
		"county":     {"全年行政应诉案件31件", "31"},
		"district":   {"全区发生行政诉讼案件40件", "40"},
		"department": {"全县行政应诉案件29件", "29"},
	},
	"filing": {
		"county":   {"向县人大常委会报送备案规范性文件11件", "11"},
		"district": {"全年报备规范性文件14件", "14"},
	},
	"mediation": {
		"county":   {"各级人民调解组织受理矛盾纠纷860件", "860"},
		"district": {"全区人民调解组织共受理各类纠纷1250件", "1250"},
	},
}

// phrasings are other ways to state the same count ({N} is the number).
var phrasings = map[string][]string{
	"legality": {
		"全年合法性审查{N}件",
		"全年共对{N}件文件和议题进行合法性审查",
		"全年对政府议题、规范性文件和合同等{N}件事项进行合法性审查",
		"合法性审查全年累计{N}件",
		"全年经合法性审查的事项共{N}件",
		"落实合法性审查刚性约束。全年共审查上会议题{N}个",
		"全年合法性审查工作共完成{N}件",
		"全年办理合法性审查事项{N}件",
		"全年开展合法性审查{N}余件",
		"全年开展合法性审查近{N}件",
		"全年出具合法性审查意见{N}份",
		"全年合法性审核{N}件",
		"全年审核各类文件{N}件，均出具合法性审查意见",
		"全年审查各类文件{N}件，均按程序进行合法性审查",
		"全年审核各类文件和合同{N}件，全部经过合法性审查",
		"合法性审查一般在3个工作日内完成，全年审查上会议题{N}个",
		"全年审核各类文件{N}件，其中12件提出合法性审查意见",
		"全年开展合法性审查{N}件次，其中审查规范性文件8件",
		"全年共合法性审查各类文件{N}件次",
		"全年审查上会议题{N}个，合法性审查覆盖率100%",
		"全年审核各类文件和合同{N}件，合法性审查率达到100%",
		"全年共审核各类文件和合同{N}件，其中对12件提出合法性审查修改意见",
		"全年审查规范性文件和议题{N}件，其中12件经合法性审查后提出修改建议",
	},
	"review": {
		"全年共办理行政复议案件{N}件",
		"全年新收行政复议案件{N}件",
		"全年受理行政复议申请{N}件",
		"行政复议案件全年受理{N}件",
		"全年共接收行政复议申请{N}件",
		"全年行政复议收案{N}件",
		"全年累计收到复议申请{N}件",
		"全年共受理{N}件行政复议案件",
		"全年行政复议案件{N}件",
		"全年依法受理各类行政复议案件{N}件",
		"全年行政复议申请量达{N}件",
		"行政复议申请量{N}件，同比持平",
		// Another year's number beside this year's (ofAnotherYear).
		"行政复议案件由上年37件增至{N}件",
		"全年收到行政复议申请{N}件，上年同期37件",
		"较2023年41件有所增加，全年收到行政复议申请{N}件",
		"全年收到行政复议申请{N}件，比上年37件有所增加",
		// A clause led by another year (ledByAnotherYear), and the
		// report's own year leading one (the samples are 2024's).
		"上年收到行政复议申请37件，今年收到行政复议申请{N}件",
		"2023年受理行政复议申请41件，全年受理行政复议申请{N}件",
		"2024年全县收到行政复议申请{N}件",
		"全年收到行政复议申请{N}件（含上年结转8件）",
		"（上年同期受理37件）全年受理行政复议申请{N}件",
		"去年全县收到行政复议申请37件，今年{N}件",
		"2023年全县收到行政复议申请41件，今年增至{N}件",
		// A comparison with last year, or a change against it, beside
		// this year's number (zhtext.AfterComparison).
		"全年收到行政复议申请{N}件，较上年同期增加5件",
		"全年受理行政复议申请{N}件，比上年的37件增加了5件",
		"与上年的37件相比，全年受理行政复议申请{N}件",
		"全年受理各类行政复议案件{N}起",
	},
	"penalty": {
		"全年作出行政处罚决定{N}件",
		"全年查处行政处罚案件{N}件",
		"全年共实施行政处罚{N}件",
		"全年行政处罚案件{N}件",
		"全年共办理各类行政处罚案件{N}件",
		"全年立案查处行政处罚案件{N}件",
		"全年办结行政处罚案件{N}件",
		"全年行政处罚共计{N}件",
		"全年查处行政处罚案件{N}件，比去年同期减少20件",
		"全年查办行政处罚案件{N}起",
		"全年共办理行政处罚案件{N}宗",
	},
	"publicity": {
		"全年开展法治宣传活动{N}次",
		"全年举办各类普法讲座{N}场",
		"全年开展普法宣传{N}场次",
		"全年开展送法进社区、进企业等活动{N}场",
		"全年累计组织普法活动{N}余场",
		"全年组织开展普法活动近{N}场",
		"全年开展“法律进万家”等主题普法活动{N}场",
		"全年普法活动{N}场",
		"全年开展普法宣传活动{N}余场次",
		"全年开展普法活动{N}多场",
		"全年开展普法活动{N}场，同比增加12场",
		"全年开展普法活动{N}场，较上年的150场增加12场",
	},
	"litigation": {
		"全年发生行政诉讼案件{N}件",
		"全年办理行政应诉案件{N}件",
		"全年一审行政诉讼案件{N}件",
		"全年作为被告的行政诉讼案件{N}件",
		"全年共应诉行政案件{N}件",
		"全年办理行政应诉案件{N}件，较上年的30件减少8件",
		"全年共办理行政应诉案件{N}起",
	},
	"mediation": {
		"各级人民调解组织受理矛盾纠纷{N}件",
		"人民调解组织共调处矛盾纠纷{N}件",
		"全年人民调解组织受理纠纷{N}件",
		"各级人民调解组织共调解矛盾纠纷{N}件",
		"全年共开展人民调解{N}件",
		"全县人民调解组织排查调解各类矛盾纠纷{N}件",
		"人民调解组织全年调解纠纷{N}件",
	},
	"filing": {
		"报送备案规范性文件{N}份",
		"规范性文件备案{N}件",
		"全年备案规范性文件{N}件",
		"向上级报备规范性文件{N}件",
		"全年报送备案的规范性文件共{N}件",
		"制定出台行政规范性文件{N}件，全部按规定报送备案",
		"全年出台规范性文件{N}件，均按时报送备案",
		"印发规范性文件{N}件，全部按要求报备",
		"全年制定行政规范性文件{N}件，全部在30日内报送备案",
		"出台规范性文件{N}件，均在印发之日起30日内报市政府备案",
		"制定行政规范性文件{N}件，均于15个工作日内完成报备",
	},
}

// figurePhrasingCases: a required figure stated another way must still be
// found (false alarm 1).
func figurePhrasingCases(b *builder) {
	// Typed in full-width mode, the whole report or one figure's sentence:
	// writing.digits says so, and nothing else may change (the figures are
	// read as they are from ASCII digits).
	for base := range b.bases {
		b.quiet("fa10.full-width-digits", base, "whole-report", func(s string) (string, error) { return fullWidth(s), nil }, "writing.digits")
	}
	for fig, byBase := range figureAnchors {
		for base, a := range byBase {
			b.quiet("fa10.full-width-digits", base, fig, rep(a.text, fullWidth(a.text)), "writing.digits")
		}
	}
	for fig, byBase := range figureAnchors {
		for base, a := range byBase {
			for i, p := range phrasings[fig] {
				b.quiet("fa1.figure-phrasing", base, fig+"-"+strconv.Itoa(i+1), rep(a.text, strings.ReplaceAll(p, "{N}", a.n)))
			}
		}
	}
}

// toPoints turns subsection headings on lines of their own ("（二）标题")
// into enumerated points ("二是标题。") run into the paragraph below; with
// join the points of one part become one paragraph.
func toPoints(join bool) mutation {
	head := regexp.MustCompile(`^（([一二三四五六七八九十]+)）(.+)$`)
	return func(s string) (string, error) {
		lines := strings.Split(s, "\n")
		var out []string
		pending := ""
		n := 0
		for _, l := range lines {
			if m := head.FindStringSubmatch(l); m != nil && !strings.ContainsAny(m[2], "。") {
				pending = m[1] + "是" + m[2] + "。"
				n++
				continue
			}
			if pending != "" && strings.TrimSpace(l) != "" {
				l = pending + l
				pending = ""
				if join && len(out) > 0 && isPoint(out[len(out)-1]) {
					out[len(out)-1] += l
					continue
				}
			} else if pending != "" || join && strings.TrimSpace(l) == "" && len(out) > 0 && isPoint(out[len(out)-1]) {
				continue
			}
			out = append(out, l)
		}
		if n == 0 {
			return "", errNoHeadings
		}
		return strings.Join(out, "\n"), nil
	}
}

type caseError string

func (e caseError) Error() string { return string(e) }

const errNoHeadings = caseError("no subsection headings")

var pointLine = regexp.MustCompile(`^[一二三四五六七八九十]+是`)

func isPoint(l string) bool { return pointLine.MatchString(l) }

// runInToPoints turns run-in subsection headings ("（一）加强领导。……") into
// points ("一是加强领导。……").
func runInToPoints(pattern string) mutation {
	return re(`(?m)^`+pattern+`([一二三四五六七八九十]+)[)）]`, "${1}是")
}

func sectionCases(b *builder) {
	allowPunct := []string{"writing.punct"}
	b.quiet("fa2.section-present", "county", "points-paragraphs", toPoints(false))
	b.quiet("fa2.section-present", "county", "points-one-paragraph", toPoints(true))
	b.quiet("fa2.section-present", "county", "ascii-brackets", re(`(?m)^（([一二三四五])）`, "(${1})"), allowPunct...)
	b.quiet("fa2.section-present", "county", "fullwidth-dot-parts", re(`(?m)^([一二三四五])、`, "${1}．"))
	b.quiet("fa2.section-present", "county", "space-after-number", re(`(?m)^([一二三四五])、`, "${1}、\u3000"))
	b.quiet("fa2.section-present", "county", "arabic-subheads", chain(
		rep("（一）依法", "1．依法"), rep("（二）推进", "2．推进"), rep("（三）坚持", "3．坚持"),
		rep("（四）有效", "4．有效"), rep("（五）深入", "5．深入")))
	b.quiet("fa2.section-present", "county", "renamed-parts", chain(
		rep("二、2024年度推进法治政府建设存在的不足和原因", "二、存在的问题和不足"),
		rep("三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况", "三、党政主要负责人履行法治建设第一责任人职责情况"),
		rep("四、2025年度推进法治政府建设的主要安排", "四、2025年工作打算")))
	b.quiet("fa2.section-present", "county", "run-in-subhead", rep("（二）推进行政决策科学化、民主化、法治化\n", "（二）推进依法决策。"))
	b.quiet("fa2.section-present", "county", "heading-colon", rep("存在的不足和原因\n", "存在的不足和原因：\n"))
	// A heading run into its prose at a comma, a colon or a blank: the
	// prose, and its figures, are the section's.
	for name, sep := range map[string]string{"run-in-comma": "，", "run-in-colon": "：", "run-in-blank": "\u3000"} {
		b.quiet("fa2.section-present", "county", name, rep("（二）推进行政决策科学化、民主化、法治化\n", "（二）推进依法决策"+sep))
		b.quiet("fa2.section-present", "district", name, rep("（二）推进依法科学民主决策。", "（二）推进依法科学民主决策"+sep))
		b.quiet("fa2.section-present", "department", name, rep("（三）规范行政执法监督。", "（三）规范行政执法监督"+sep))
	}
	// Years in a part's heading that are no other report year: a range or
	// a book, a starting point, a run-in heading's sentence after it.
	b.quiet("fa24.heading-year", "county", "book-range", rep("一、2024年度推进法治政府建设的主要举措和成效", "一、贯彻《法治政府建设实施纲要（2021—2025年）》推进法治政府建设的主要举措和成效"))
	b.quiet("fa24.heading-year", "county", "since", rep("一、2024年度推进法治政府建设的主要举措和成效", "一、2023年以来推进法治政府建设的主要举措和成效"))
	b.quiet("fa24.heading-year", "county", "run-in-sentence", rep("二、2024年度推进法治政府建设存在的不足和原因\n", "二、2024年度推进法治政府建设存在的不足和原因。对照2023年度考核反馈的问题逐项整改，仍有不足。\n"))
	b.quiet("fa24.heading-year", "county", "range", rep("三、2024年度党政主要负责人", "三、2022—2024年党政主要负责人"))
	b.quiet("fa24.heading-year", "county", "later-matter", rep("二、2024年度推进法治政府建设存在的不足和原因", "二、2024年度推进法治政府建设存在的不足和原因及2023年度督察反馈问题整改情况"))
	b.quiet("fa24.heading-year", "district", "feedback", rep("三、存在的问题", "三、存在的不足和2023年度考核反馈问题整改情况"))
	b.quiet("fa24.heading-year", "jixi", "plans-next-year", rep("三、2024年度推进法治政府建设的主要安排", "三、2024年推进法治政府建设的主要安排"))
	// The department's parts hold inner points of their own; a drafter
	// writing the parts as points words the inner ones plainly.
	b.quiet("fa2.section-present", "department", "points", chain(re(`。[一二三四五]是`, "。"), runInToPoints("（")))
	b.quiet("fa2.section-present", "department", "renamed-parts", chain(
		rep("一、基本情况", "一、工作开展情况"), rep("二、存在的问题", "二、存在的不足"), rep("三、下一步工作打算", "三、2025年工作思路")))
	b.quiet("fa2.section-present", "department", "no-unit-in-title", rep("柳河湾县司法局2024年度法治政府建设情况报告", "关于2024年度法治政府建设工作情况的报告"))
	b.quiet("fa2.section-present", "department", "bare-title", rep("柳河湾县司法局2024年度法治政府建设情况报告", "2024年度法治政府建设情况报告"))
	b.quiet("fa2.section-present", "department", "ascii-brackets", re(`(?m)^（([一二三四五])）`, "(${1})"), allowPunct...)
	b.quiet("fa2.section-present", "district", "points", runInToPoints("（"))
	b.quiet("fa2.section-present", "district", "renamed-measures", rep("二、主要举措和成效", "二、2024年工作情况"))
	b.quiet("fa2.section-present", "district", "plans-renamed", rep("四、下一步工作打算", "四、2025年工作计划"))
	b.quiet("fa2.section-present", "dongchangfu", "points", runInToPoints(`\(`), "writing.enum")
	for _, base := range []string{"county", "district", "department"} {
		b.quiet("fa2.section-present", base, "decimal-numbering", decimalNumbering)
		b.quiet("fa2.section-present", base, "ordinal-parts", re(`(?m)^([一二三四五])、`, "第${1}部分　"))
		b.quiet("fa2.section-present", base, "unnumbered-parts", re(`(?m)^[一二三四五]、`, ""))
	}
}

// decimalNumbering numbers a report the Western way: parts "1.", "2.",
// and the subsections of each part "1.1", "1.2".
func decimalNumbering(s string) (string, error) {
	numerals := "一二三四五六七八九"
	part, sub := 0, 0
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		for k, n := range []rune(numerals) {
			switch {
			case strings.HasPrefix(l, string(n)+"、"):
				part, sub = k+1, 0
				lines[i] = strconv.Itoa(part) + ". " + strings.TrimPrefix(l, string(n)+"、")
			case strings.HasPrefix(l, "（"+string(n)+"）") && part > 0:
				sub++
				lines[i] = strconv.Itoa(part) + "." + strconv.Itoa(sub) + " " + strings.TrimPrefix(l, "（"+string(n)+"）")
			}
		}
	}
	if part == 0 {
		return "", caseError("no 一、 parts to renumber")
	}
	return strings.Join(lines, "\n"), nil
}

// correctRates are sentences with rates that are right once the
// denominator the drafter meant is considered (false alarm 3).
var correctRates = map[string]string{
	"carried-over":      "受理信访事项120件，上年结转6件，办结120件，办结率95.2%。",
	"qualifier-yishang": "受理劳动争议调解案件400件，调解成功396件，调解成功率达99%以上。",
	"qualifier-chaoguo": "受理消费纠纷400件，调解成功397件，调解成功率超过95%。",
	"qualifier-jin":     "受理物业纠纷400件，调解成功398件，调解成功率近100%。",
	"qualifier-yue":     "受理邻里纠纷400件，调解成功359件，调解成功率约90%。",
	"qualifier-dadao":   "受理行政调解申请50件，办结49件，办结率达到98%以上。",
	"last-year-rate":    "审理涉企行政案件48件，败诉2件，败诉率由上年的9.1%降至4.2%。",
	"growth-with-rate":  "受理矛盾纠纷520件，同比增长15.6%，调解成功510件，调解成功率98.08%。",
	"decline":           "办理法律援助案件300件，较上年下降8.2%。",
	"points-up":         "调解成功率较上年提高1.2个百分点，达到97.5%。",
	"completion":        "法律援助完成年度目标任务的107.4%。",
	"truncated":         "办理公证事项23件，其中涉外公证2件，占比8.69%。",
	"no-counts":         "人大代表建议和政协委员提案办复率、满意率均为100%。",
	"other-unit":        "培训执法人员620人次，参训率98%。",
}

var rateLines = map[string]string{
	"county":      "全年收到行政复议申请52件",
	"district":    "全年共收到行政复议申请75件",
	"jixi":        "行政复议",
	"dongchangfu": "复议",
}

// ratesBeforeCounts are rates stated before the counts they are computed
// from, each right, or beside counts that are not theirs;
// wrongRatesBeforeCounts are such sentences with the rate wrong (false
// alarm 12 and defect 15: the prose rate rule once took its numerator only
// from before the rate, so every wrong one here was passed unread).
var ratesBeforeCounts = map[string]string{
	"comma":          "12345热线办结率98.6%，共受理投诉举报1420件，办结1400件。",
	"brackets":       "调解成功率为96.7%（调解纠纷3025件，成功2925件）。",
	"brackets-slash": "复议纠错率12.5%（纠错5件/审结40件）。",
	"dash":           "法律援助办结率达到95%——全年受理法律援助申请300件，办结285件。",
	"verb-da":        "信访事项按时办结率达98%，全年受理信访事项250件，按时办结245件。",
	"colon":          "行政调解成功率为90%：受理行政调解申请60件，成功54件。",
	"arbitration":    "仲裁案件结案率97.5%，全年受理仲裁案件200件，结案195件。",
	"zhi-de":         "人民调解成功率达97.9%，全年共排查调处矛盾纠纷860件，调解成功842件。",
	"last-year":      "法律援助案件办结率由上年的93.1%提高至95%，全年受理法律援助申请300件，办结285件。",
	"two-rates":      "行政复议纠错率10%、复议后起诉率25%，全年审结40件，纠错4件，起诉10件。",
	// Counts after a rate that are not its own: no count is named by the
	// rate's words, the rate is of change, only one count is given, or the
	// rate is over a part the counts do not give (劳动 narrows a 结案率 to
	// labour cases).
	"other-topic":   "群众满意率98%，全年受理投诉200件，办结198件。",
	"growth":        "行政许可事项同比增长率15.3%，全年办理56000件，即办件30000件。",
	"one-count":     "行政机关负责人出庭应诉率100%，出庭应诉86件次。",
	"coverage":      "执法人员培训覆盖率100%，全年培训执法人员2300人次。",
	"narrower-part": "涉企纠纷调解成功率98%，全年调解纠纷900件，成功880件。",
	"narrower-kind": "劳动争议仲裁结案率97.5%，全年受理仲裁案件200件，结案180件。",
	// A breakdown after the rate (其中…) gives the counts of a part.
	"parts-after":   "全年受理信访事项300件，办结率98%，其中网上信访100件，办结80件。",
	"subset-after":  "全县调解成功率98%，其中涉企纠纷调解120件，成功110件。",
	"parts-of-base": "热线办结率98.6%，共受理投诉举报1420件，办结1400件，其中电话投诉800件、网络投诉620件。",
}

var wrongRatesBeforeCounts = map[string]string{
	"comma":         "12345热线办结率97.6%，共受理投诉举报1420件，办结1400件。",
	"brackets":      "调解成功率为97.7%（调解纠纷3025件，成功2925件）。",
	"dash":          "法律援助办结率达到85%——全年受理法律援助申请300件，办结285件。",
	"verb-da":       "信访事项按时办结率达89%，全年受理信访事项250件，按时办结245件。",
	"colon":         "行政调解成功率为80%：受理行政调解申请60件，成功54件。",
	"arbitration":   "仲裁案件结案率79.5%，全年受理仲裁案件200件，结案195件。",
	"zhi-de":        "人民调解成功率达79.9%，全年共排查调处矛盾纠纷860件，调解成功842件。",
	"last-year":     "法律援助案件办结率由上年的93.1%提高至85%，全年受理法律援助申请300件，办结285件。",
	"slipped":       "法律援助办结率为9.5%，全年受理法律援助申请300件，办结285件。",
	"second-of-two": "行政复议纠错率10%、复议后起诉率35%，全年审结40件，纠错4件，起诉10件。",
	"parts-follow":  "热线办结率97.6%，共受理投诉举报1420件，办结1400件，其中电话投诉800件、网络投诉620件。",
}

// otherYearCounts state a rate beside last year's counts, each right;
// wrongBesideOtherYear are such sentences with this year's rate wrong
// (false alarm 13 and defect 16: last year's counts were taken for this
// year's numerator or base, giving false errors, or explaining a wrong
// rate away).
var otherYearCounts = map[string]string{
	"last-year-first":    "上年办结信访事项90件，今年办结率98%，受理200件，办结196件。",
	"semicolon":          "去年受理行政调解申请100件，调解成功90件；今年调解成功率98%，受理200件，调解成功196件。",
	"same-period":        "上年同期受理投诉300件、办结270件，今年受理400件、办结392件，办结率98%。",
	"after-the-rate":     "办结率98%，较上年提高8个百分点，上年受理100件，办结90件。",
	"carried-unfinished": "受理信访事项120件，上年未结6件，办结120件，办结率95.2%。",
	"carried-over":       "受理信访事项120件，上年结转6件，办结126件，办结率100%。",
}

var wrongBesideOtherYear = map[string]string{
	"last-year-first":    "上年办结信访事项90件，今年办结率88%，受理200件，办结196件。",
	"semicolon":          "去年受理行政调解申请100件，调解成功90件；今年调解成功率90%，受理200件，调解成功196件。",
	"same-period":        "上年同期受理投诉300件、办结270件，今年受理400件、办结392件，办结率90%。",
	"carried-unfinished": "受理信访事项120件，上年未结6件，办结120件，办结率85.2%。",
}

// wrongRate is a sentence with a wrong rate and the rate its counts give.
type wrongRate struct {
	text string
	want float64
}

// ratesWithOwnCounts are wrong rates whose sentence gives their own
// numerator and base, after a sentence whose counts do not explain them
// either; the finding must compute the rate from the sentence's own counts
// (defect 17). Several of the previous sentences hold a count that gives a
// rate nearer the stated one, or the stated one with its decimal point
// moved: a message built on it names the wrong base (“5件 ÷ 320件 =
// 1.56%，疑为小数点错位” for a 纠错率 whose sentence says 审结40件).
var ratesWithOwnCounts = map[string]wrongRate{
	"rate-first":        {"全年办理行政处罚案件320件，其中简易程序120件。行政复议纠错率为15%，共审结行政复议案件40件，纠错5件。", 12.5},
	"slip-trap":         {"全年办理各类法律事务333件。审结行政复议案件40件，纠错5件，纠错率15%。", 12.5},
	"nearer-trap":       {"全年共排查矛盾纠纷66件。行政调解成功率为80%：受理行政调解申请60件，成功54件。", 90},
	"own-slip":          {"法律援助中心全年接待咨询2850件。法律援助办结率为9.5%，全年受理法律援助申请300件，办结285件。", 95},
	"brackets":          {"全年调处矛盾纠纷3300件。调解成功率为97.7%（调解纠纷3025件，成功2925件）。", 96.6942},
	"semicolon":         {"信访部门受理群众来信1500件；信访事项办结率为90%，全年受理信访事项250件，办结245件。", 98},
	"on-time-nearer":    {"全年收到政府信息公开申请86件。依申请公开按时答复率为85%，全年办理依申请公开80件，按时答复78件。", 97.5},
	"hotline":           {"全年处理12345热线工单2100件。热线办结率为88%，共受理投诉举报1420件，办结1400件。", 98.5915},
	"arbitration-trap":  {"年内新增劳动人事争议215件。仲裁案件结案率为89%，全年受理仲裁案件200件，结案195件。", 97.5},
	"counts-first-trap": {"全年新收各类纠纷54件。受理行政调解申请60件，成功54件，成功率为80%。", 90},
}

// comparedCounts state a rate beside a comparison with last year's count
// ("较上年的450件") or a change against it ("同比增加20件"), each right;
// wrongBesideComparison are such sentences with this year's rate wrong
// (false alarm 14 and defect 18: the compared count was taken for the
// rate's base, giving false errors, or explaining a wrong rate away).
var comparedCounts = map[string]string{
	"compared-base":      "全年调解成功矛盾纠纷392件，较上年的450件下降12.9%，调解成功率98%。",
	"same-period":        "全年办结行政复议案件48件，比上年同期的60件减少12件，纠错6件，纠错率12.5%。",
	"compared-after":     "法律援助案件办结率97%，全年办结285件，与上年的300件相比略有减少。",
	"year-in-digits":     "人民调解成功率99%，调解成功1980件，较2019年的2100件有所下降。",
	"yoy-change":         "全年受理行政复议申请80件，同比增加20件，审结72件，审结率90%。",
	"change-after-count": "全年办结信访事项196件，比去年同期的230件减少34件，信访事项办结率98%。",
	"change-only":        "全年审结行政复议案件40件，较上年增加8件，纠错5件，纠错率12.5%。",
	"compared-last":      "行政调解成功率95%，调解成功190件，与去年同期的240件相比减少50件。",
}

var wrongBesideComparison = map[string]wrongRate{
	"compared-base":  {"全年受理人民调解案件200件，较上年的250件减少50件，调解成功196件，调解成功率78.4%。", 98},
	"compared-after": {"法律援助办结率为95%，全年受理法律援助申请320件，比上年的300件增加20件，办结285件。", 89.0625},
	"year-in-digits": {"全年受理信访事项150件，与2019年的125件相比有所增加，按期办结120件，按期办结率96%。", 80},
	"yoy-change":     {"全年受理行政复议申请80件，同比增加20件，审结72件，审结率80%。", 90},
}

// wholesNamedByRate are right rates whose words also name the whole, so
// that the whole is taken for the numerator, with a part of it after
// (false alarm 15: “部分不能超过整体” was reported for a whole larger than
// its part); partsAboveWholes are parts that do exceed the whole stated
// before them (defect 19), one with the rate worked out the wrong way up.
var wholesNamedByRate = map[string]string{
	"resolve-then-part":  "全县共排查化解矛盾纠纷4213件，化解率98.6%，其中调解成功4154件。",
	"resolve-no-qizhong": "全县共排查化解矛盾纠纷4213件，化解率98.6%，调解成功4154件。",
	"handled-parts":      "全年受理办结信访事项520件，办结率100%，其中网上信访310件。",
	"contracts":          "全年审查合同352份，审查率100%，其中提出修改意见的87份。",
	"hazards":            "全年排查整改安全隐患300处，整改率100%，其中重大隐患12处。",
	"corrected-kinds":    "全年审结行政复议案件86件，纠错率18.6%，其中撤销5件、确认违法3件、责令履行8件。",
	"mediated-parts":     "共化解各类纠纷860件，化解率100%，其中调解化解620件、诉讼化解240件。",
	"decisions":          "全年审查重大行政决策事项16件，审查率100%，其中提出修改意见的5件。",
	// A part above a smaller count of the same subject stated first, with
	// the cases carried over or the complement that make up its base.
	"carried-same-subject": "受理信访事项120件，上年结转6件，办结信访事项126件，办结率100%。",
	"complement":           "调解纠纷120件，调解成功118件，未成功2件，调解成功率98.3%。",
	"other-subject-first":  "全年挂牌督办重点信访积案2件，办结群众来信31件，来信办结率100%。",
	"short-after-other":    "全年挂牌督办2件，办结31件，办结率100%。",
}

var partsAboveWholes = map[string]string{
	"settled-above":    "调解纠纷120件，调解成功130件，调解成功率100%。",
	"upside-down-rate": "调解纠纷120件，调解成功130件，调解成功率92.3%。",
	"handled-above":    "受理行政复议申请60件，审结行政复议案件52件，纠错率10%，纠错65件。",
	"aid-above":        "受理法律援助申请300件，办结法律援助案件320件，办结率100%。",
	"review-above":     "受理行政复议申请60件，审结行政复议案件68件，审结率100%。",
	"hotline-above":    "热线受理群众诉求1200件，按时办结群众诉求1260件，按时办结率100%。",
	"short-label":      "受理法律援助申请300件，办结320件，办结率100%。",
}

// appearanceRates state a 负责人出庭应诉率 with the heads' appearances
// counted as 出庭 or 到庭, each right; wrongAppearanceRates are such
// sentences with the rate wrong (false alarm 16 and defect 20: the rule
// took the 应诉案件 for the numerator, its last two characters matching,
// and passed every wrong rate unread; a rate its own sentence explains
// was doubted against the document's case count read elsewhere).
var appearanceRates = map[string]string{
	"count-first":  "全年应诉案件40件，负责人出庭38件，出庭应诉率95%。",
	"rate-first":   "负责人出庭应诉率为95%，全年应诉案件40件，负责人出庭38件。",
	"heard":        "负责人出庭应诉率达96.7%，开庭审理的30件中负责人出庭29件。",
	"to-court":     "全年应诉案件40件，负责人到庭38件，出庭应诉率95%。",
	"short-rate":   "全年应诉案件40件，负责人出庭38件，出庭率95%。",
	"all-attended": "行政应诉案件40件，负责人出庭应诉40件，出庭应诉率100%。",
	"hearings":     "行政机关负责人出庭应诉率为93.5%，共开庭31次，负责人出庭29次。",
	"brackets":     "负责人出庭应诉率95%（应诉40件，出庭38件）。",
	// The cases only: the rate's numerator is not stated, and the cases
	// are its base, not its numerator.
	"cases-only":        "行政复议收案73件，较上年增加12件。行政应诉案件45件，同比减少5件，行政机关负责人出庭应诉率100%。",
	"cases-only-before": "全年审结行政复议案件60件。全年应诉案件45件，负责人出庭应诉率达到100%。",
}

var wrongAppearanceRates = map[string]wrongRate{
	"count-first": {"全年应诉案件40件，负责人出庭38件，出庭应诉率90%。", 95},
	"rate-first":  {"负责人出庭应诉率为90%，全年应诉案件40件，负责人出庭38件。", 95},
	"heard":       {"负责人出庭应诉率达90%，开庭审理的30件中负责人出庭29件。", 96.6667},
	"to-court":    {"全年应诉案件40件，负责人到庭38件，出庭应诉率90%。", 95},
	"slip":        {"全年应诉案件40件，负责人出庭38件，出庭应诉率9.5%。", 95},
	"brackets":    {"负责人出庭应诉率90%（应诉40件，出庭38件）。", 95},
}

// outcomeRates state a 纠错率 beside the outcomes of review one by one,
// with no count named 纠错, each right; wrongOutcomeRates are such
// sentences with the rate wrong (false alarm 17 and defect 21: with no
// numerator the rule passed every such rate unread).
var outcomeRates = map[string]string{
	"all-outcomes":   "全年办理行政复议案件60件，其中维持38件、驳回9件、撤销5件、确认违法3件、责令履行2件、终止3件，综合纠错率16.7%。",
	"three-kinds":    "审结行政复议案件50件，其中撤销4件、变更1件、确认违法3件，纠错率16%。",
	"rate-first":     "行政复议纠错率20%：审结40件，撤销5件，责令履行3件。",
	"no-qizhong":     "审结行政复议案件80件，维持60件，驳回10件，撤销6件，确认违法4件，直接纠错率12.5%。",
	"named-count":    "审结复议案件45件，纠错9件，其中撤销5件、确认违法4件，纠错率20%。",
	"two-kinds":      "全年审结行政复议案件60件，撤销3件、变更2件，纠错率8.3%。",
	"received-first": "受理行政复议申请60件，审结52件，撤销3件、确认违法2件，纠错率9.6%。",
	"one-kind":       "审结行政复议案件40件，撤销3件，纠错率10%。",
	// The cases decided in the sentence before; 维持 is an outcome, no base.
	"decided-before":       "全年收到行政复议申请52件，审结48件。其中维持36件，占75%；撤销5件、确认违法2件、责令履行1件，综合纠错率16.7%。",
	"decided-before-bohui": "全年审结行政复议案件40件。其中维持30件、驳回4件；撤销4件、责令履行2件，纠错率15%。",
	// Carried cases: inside the count (含), or beside it.
	"carried-included": "审结行政复议案件76件（含上年结转5件），其中维持52件、驳回9件、终止6件，撤销5件、确认违法3件、责令履行1件，纠错率11.8%。",
	"carried-beside":   "全年受理行政复议案件71件，上年结转5件，审结70件，其中维持50件，撤销6件、确认违法2件，纠错率11.4%。",
}

var wrongOutcomeRates = map[string]wrongRate{
	"all-outcomes":   {"全年办理行政复议案件60件，其中维持38件、驳回9件、撤销5件、确认违法3件、责令履行2件、终止3件，综合纠错率18.3%。", 16.6667},
	"three-kinds":    {"审结行政复议案件50件，其中撤销4件、变更1件、确认违法3件，纠错率10%。", 16},
	"rate-first":     {"行政复议纠错率25%：审结40件，撤销5件，责令履行3件。", 20},
	"no-qizhong":     {"审结行政复议案件80件，维持60件，驳回10件，撤销6件，确认违法4件，直接纠错率1.25%。", 12.5},
	"two-kinds":      {"全年审结行政复议案件60件，撤销3件、变更2件，纠错率3.8%。", 8.3333},
	"received-first": {"受理行政复议申请60件，审结52件，撤销3件、确认违法2件，纠错率12.6%。", 9.6154},
	"decided-before": {"全年收到行政复议申请52件，审结48件。其中维持36件；撤销5件、确认违法2件、责令履行1件，综合纠错率1.67%。", 16.6667},
	// A decision plus the carried cases is no base (维持52件+上年结转5件).
	"carried-included": {"审结行政复议案件76件（含上年结转5件），其中维持52件、驳回9件、终止6件，撤销5件、确认违法3件、责令履行1件，纠错率18.1%。", 11.8421},
	"carried-beside":   {"全年受理行政复议案件71件，上年结转5件，审结70件，其中维持50件，撤销6件、确认违法2件，纠错率15.6%。", 11.4286},
}

// sharesOfWhole state a part's share of a whole broken down with 其中
// (“受案680件，其中刑事案件420件，占61.8%”), each right or not judged (a
// share of something the sentence does not count, a part named by words,
// counts rounded to the 万); wrongShares are such sentences with the share
// wrong (false alarm 18 and defect 22: shares were not checked at all).
var sharesOfWhole = map[string]string{
	"two-parts":          "全年法律援助受案680件，其中刑事案件420件，占61.8%，民事案件260件，占38.2%。",
	"households":         "新增市场主体5860户，其中企业1860户，占31.7%。",
	"share-bi":           "共培训执法人员1200人次，其中新入职人员300人次，占比25%。",
	"of-total":           "全年办理行政处罚案件926件，其中简易程序案件512件，占总数的55.3%。",
	"nearest-whole":      "受理行政复议申请52件，审结48件，其中维持30件，占62.5%。",
	"not-accepted":       "受理行政复议申请52件，其中不予受理4件，占7.7%。",
	"of-the-city":        "全年受理涉企案件340件，其中涉企行政处罚案件120件，占全市同类案件的35%。",
	"in-words":           "全县共有法律顾问86名，其中专职律师52名，占比约六成。",
	"kinds-of-disputes":  "共化解矛盾纠纷3210件，其中婚姻家庭纠纷860件，占26.8%，邻里纠纷720件，占22.4%。",
	"in-wan":             "全年办件量12.6万件，其中网上办理11.8万件，占93.7%。",
	"on-time":            "全年受理投诉1420件，办结1400件，其中按期办结1380件，占98.6%。",
	"then-change":        "审查规范性文件45件，其中提出修改意见的12件，占26.7%，比上年提高5个百分点。",
	"growth-before":      "全年收案860件，较上年增长12%，其中民事案件500件，占58.1%。",
	"letters-and-visits": "全年收到群众来信来访500件次，其中来信320件次，占64%，来访180件次，占36%。",
	"notary-one-decimal": "全年办理公证2860件，其中涉外公证430件，占15.0%。",
	"two-years":          "上年受理案件100件，其中调解60件，占60%；今年受理案件120件，其中调解90件，占75%。",
	"named-part":         "受理案件120件，其中调解90件，诉讼30件，调解占75%。",
	"of-cadres":          "全局共有干部120人，其中女性干部48人，占干部总数的40%。",
	"about-before":       "全年受理案件300件，其中线上受理186件，约占62%。",
	"bi-da":              "全年开展执法检查860次，其中联合检查320次，占比达37.2%。",
	"bi-wei":             "全年办理行政许可2400件，其中即办件1800件，占比为75%。",
	"nine-tenths":        "全年收到申请88件，其中依申请公开80件，占九成以上。",
	"target-after":       "全县执法人员980人，其中法制审核人员45人，占4.6%，达到5%的要求还有差距。",
	"changes-after":      "全年受理案件200件，其中简易程序150件，占75%，普通程序50件，占25%，同比分别增长10%和5%。",
	// 其中 opening a sentence: the whole is the sentence before's.
	"whole-before":         "全年法律援助受案680件。其中刑事案件420件，占61.8%。",
	"whole-before-about":   "全年法律援助受案680件。其中刑事案件420件，约占61.5%。",
	"whole-before-growth":  "全年收案860件，较上年增长12%。其中民事案件500件，占58.1%。",
	"whole-before-money":   "全年办理行政处罚案件926件，罚没款120万元。其中简易程序案件512件，占55.3%。",
	"whole-before-nearer":  "全年受理投诉1420件，办结1400件。其中按期办结1380件，占98.6%。",
	"whole-last-year":      "上年受理案件100件。其中调解60件，占75%。",
	"whole-other-unit":     "全年开展普法活动120场，覆盖群众3万人次。其中线上活动45场，占37.5%。",
	"whole-before-of-city": "全年受理涉企案件340件。其中涉企行政处罚案件120件，占全市同类案件的35%。",
}

var wrongShares = map[string]wrongRate{
	"two-parts":         {"全年法律援助受案680件，其中刑事案件420件，占16.8%。", 61.7647},
	"households":        {"新增市场主体5860户，其中企业1860户，占13.7%。", 31.7406},
	"of-total":          {"全年办理行政处罚案件926件，其中简易程序案件512件，占总数的65.3%。", 55.2916},
	"second-part":       {"共化解矛盾纠纷3210件，其中婚姻家庭纠纷860件，占26.8%，邻里纠纷720件，占32.4%。", 22.4299},
	"slip":              {"全年收到群众来信来访500件次，其中来信320件次，占6.4%。", 64},
	"opinions":          {"审查规范性文件45件，其中提出修改意见的12件，占36.7%。", 26.6667},
	"bi-da":             {"全年开展执法检查860次，其中联合检查320次，占比达27.2%。", 37.2093},
	"about-before":      {"全年受理案件300件，其中线上受理186件，约占52%。", 62},
	"whole-before":      {"全年法律援助受案680件。其中刑事案件420件，占16.8%。", 61.7647},
	"whole-before-two":  {"共化解矛盾纠纷3210件。其中婚姻家庭纠纷860件，占36.8%。", 26.7913},
	"whole-before-slip": {"全年收到群众来信来访500件次。其中来信320件次，占6.4%。", 64},
}

// respectiveLists state rates (or counts) as a list whose values follow
// 分别 (“审结率、纠错率分别为92.3%和10.4%”), each right; wrongInLists are
// such sentences with one rate wrong (false alarm 19 and defect 23: the
// figure reader gave the first value to the last rate word, a false
// error, and the prose rule read no rate of a list at all). A right list
// of litigation counts is left out: appended to a sample, its counts
// contradict the sample's own, as the figure checks rightly say.
var respectiveLists = map[string]string{
	"rates-first":   "行政复议案件审结率、纠错率分别为92.3%和10.4%，受理52件，审结48件，纠错5件。",
	"rates-last":    "受理52件，审结48件，纠错5件，审结率、纠错率分别为92.3%、10.4%。",
	"he":            "法律援助案件结案率和满意率分别为95.8%和100%，受理1200件，结案1150件。",
	"da-dao":        "信访事项及时受理率、按期办结率分别达到100%和98.4%，受理320件，按期办结315件。",
	"counts-listed": "受理、审结行政复议案件分别为52件和48件，纠错5件，纠错率10.4%。",
	"no-counts":     "办复率、满意率分别为100%、98%。",
	"mediation":     "调解成功率、群众满意率分别为97.9%和99%，调解纠纷860件，成功842件。",
	"changes":       "审结率、纠错率分别较上年提高2个和3个百分点，审结48件，纠错5件。",
}

var wrongInLists = map[string]wrongRate{
	"rates-first": {"行政复议案件审结率、纠错率分别为92.3%和14.4%，受理52件，审结48件，纠错5件。", 10.4167},
	"rates-last":  {"受理52件，审结48件，纠错5件，审结率、纠错率分别为93.2%、10.4%。", 92.3077},
	"he":          {"法律援助案件结案率和满意率分别为98.5%和100%，受理1200件，结案1150件。", 95.8333},
	"litigation":  {"行政诉讼败诉率、负责人出庭应诉率分别为4.65%和100%，应诉案件31件，败诉2件，负责人出庭31件。", 6.4516},
	"mediation":   {"调解成功率、群众满意率分别为99.7%和99%，调解纠纷860件，成功842件。", 97.907},
}

// listedParts break a whole down with 其中 into parts a clause each, all
// within it, or go on to another subject in later clauses; partsOverWhole
// list one part larger than the whole after the first (false alarm 21
// and defect 24: only the first clause after 其中 was read as a part).
var listedParts = map[string]string{
	"kinds":              "全年新收案件1520件，其中民事案件860件，刑事案件420件，行政案件240件。",
	"then-decided":       "全年收到申请88件，其中当年新收80件，上年结转8件，办结85件。",
	"then-rate":          "全年受理投诉1420件，其中电话投诉800件，网络投诉620件，群众满意率98%，办结1500件。",
	"other-subject":      "全年办理案件120件，其中调解结案60件，全年累计办理各类法律事务300件。",
	"other-ending":       "全年受理信访120件，其中来信50件，来访70件，涉法涉诉信访件150件。",
	"sum-over-whole":     "受理投诉1420件，其中电话投诉800件、网络投诉620件、来信来访150件。",
	"other-unit":         "全年开展普法活动415场，其中线上活动120场，覆盖群众12.6万人次，其中青少年3.2万人次。",
	"sibling-qizhong":    "全年办理各类政务服务事项3000件次，其中行政许可800件，其中即办件1200件。",
	"sibling-then-whole": "审结案件40件，其中调解结案30件；受理申请60件，其中线上申请52件。",
	// Digits grouped by commas: a comma inside a number ends no clause.
	"grouped-kinds":  "全年新收案件15,200件，其中民事案件8,600件，刑事案件4,200件，行政案件2,400件。",
	"grouped-shares": "全县调解矛盾纠纷5,630件，其中婚姻家庭纠纷1,204件、邻里纠纷1,862件，分别占21.4%和33.1%。",
}

var partsOverWhole = map[string]string{
	"fourth-kind": "全年新收案件1520件，其中民事案件860件，刑事案件420件，行政案件240件，执行案件1800件。",
	"second-kind": "共化解纠纷2140件，其中婚姻家庭纠纷640件，邻里纠纷2300件。",
	"third-kind":  "全年受理投诉1420件，其中电话投诉800件，网络投诉620件，短信投诉1500件。",
	"semicolon":   "全年审查合同156份，其中采购合同80份；租赁合同230份。",
	"grouped":     "全年新收案件15,200件，其中民事案件8,600件，刑事案件4,200件，执行案件18,000件。",
}

// negatedComplements state a rate beside a count of its negation (不合格,
// 不成功, 未办结), which is what the rate leaves out, never its
// numerator; the grades above 合格 count as 合格 (false alarm 22).
// wrongComplements are such sentences with the rate wrong (defect 25),
// some naming no numerator at all: the rate is then worked out as
// (whole − negation) ÷ whole.
var negatedComplements = map[string]string{
	"grades":          "评查行政执法案卷360卷，其中优秀案卷48卷、合格案卷297卷，不合格案卷15卷，合格率95.8%。",
	"pass-fail":       "抽查执法案卷200卷，合格192卷，不合格8卷，合格率96%。",
	"fail-only":       "评查案卷120卷，不合格案卷6卷，案卷合格率95%。",
	"not-succeeded":   "受理矛盾纠纷400件，调解成功388件，调解不成功12件，调解成功率97%。",
	"unfinished":      "受理信访事项250件，办结245件，未办结5件，办结率98%。",
	"unfinished-only": "受理信访事项250件，未办结5件，办结率98%。",
	"not-satisfied":   "回访群众300人次，其中满意291人次，不满意9人次，满意率97%。",
	"rate-first":      "案卷合格率95%，全年评查案卷120卷，不合格6卷。",
	"qizhong-fail":    "评查案卷120卷，其中不合格案卷6卷，合格率95%。",
	"uncertified":     "全局执法人员186名，未持证29名，持证率84.4%。",
	// A rate the negation does not give: a narrower one, or another.
	"on-time-narrower": "受理信访事项250件，未办结5件，按期办结率95%。",
	"other-rate":       "评查案卷120卷，不合格案卷6卷，优秀率40%。",
	"not-accepted":     "收到申请88件，不予受理6件，办结率98%。",
}

var wrongComplements = map[string]wrongRate{
	"pass-fail":     {"抽查执法案卷200卷，合格192卷，不合格8卷，合格率86%。", 96},
	"not-succeeded": {"受理矛盾纠纷400件，调解成功388件，调解不成功12件，调解成功率79%。", 97},
	"unfinished":    {"受理信访事项250件，办结245件，未办结5件，办结率89%。", 98},
	"not-satisfied": {"回访群众300人次，其中满意291人次，不满意9人次，满意率79%。", 97},
	// Only the negation and the whole: the rate is worked out from them.
	"fail-only":          {"评查案卷120卷，不合格案卷6卷，案卷合格率59%。", 95},
	"unfinished-only":    {"受理信访事项250件，未办结5件，办结率89%。", 98},
	"rate-first":         {"案卷合格率90%，全年评查案卷120卷，不合格6卷。", 95},
	"qizhong-fail":       {"评查案卷120卷，其中不合格案卷6卷，合格率85%。", 95},
	"uncertified":        {"全局执法人员186名，未持证29名，持证率74.4%。", 84.4086},
	"not-succeeded-only": {"受理矛盾纠纷400件，调解不成功12件，调解成功率79%。", 97},
}

// numeratorParts state a rate whose numerator the sentence gives in parts,
// each named by the rate's own word (主要负责人出庭应诉5件、其他负责人出庭15件;
// 人民调解成功380件、行政调解成功45件), each right; wrongNumeratorParts are
// such sentences with the rate wrong, computed over the sum of the parts
// (false alarm 23 and defect 26: the last part was taken for the numerator
// and another part for its base, a false error "5件 ÷ 15件 = 33.33%").
var numeratorParts = map[string]string{
	"heads-two":        "行政应诉案件20件，主要负责人出庭应诉5件，其他负责人出庭15件，负责人出庭应诉率100%。",
	"county-heads":     "全年行政应诉案件15件，县长出庭应诉6件，副县长出庭应诉9件，出庭应诉率100%。",
	"to-court":         "应诉案件30件，主要负责人到庭12件，分管负责人到庭17件，出庭应诉率96.7%。",
	"hearings":         "共开庭31次，主要负责人出庭10次，分管负责人出庭19次，负责人出庭应诉率93.5%。",
	"mediation-kinds":  "全年受理矛盾纠纷437件，人民调解成功380件，行政调解成功45件，调解成功率97.3%。",
	"three-levels":     "共调解纠纷860件，村级调解成功600件，乡镇调解成功200件，行业性调解成功42件，调解成功率97.9%。",
	"channels":         "受理信访事项320件，网上办结200件、来访办结115件，办结率98.4%。",
	"complaints":       "受理投诉举报1420件，电话投诉办结800件，网络投诉办结600件，办结率98.6%。",
	"levels-corrected": "审结复议案件50件，县本级纠错4件，乡镇纠错2件，纠错率12%。",
	"rate-first":       "负责人出庭应诉率100%，全年应诉案件12件，主要负责人出庭4件，其他负责人出庭8件。",
	"whole-before":     "全年行政应诉案件16件。主要负责人出庭应诉6件，其他负责人出庭应诉10件，出庭应诉率100%。",
	"whole-between":    "县长出庭应诉3件，行政应诉案件8件，副县长出庭应诉5件，出庭应诉率100%。",
	// The rate's words name one part: its rate is that part's.
	"one-part-named": "主要负责人出庭应诉5件，其他负责人出庭15件，应诉案件20件，主要负责人出庭应诉率25%。",
	"named-people":   "受理人民调解400件，人民调解成功380件，行政调解成功45件，人民调解成功率95%。",
	// More appearances than cases: overlapping or by hearing, no sum to
	// accuse (a figure.le error once).
	"over-cases": "全年行政应诉案件20件，主要负责人出庭应诉12件，其他负责人出庭应诉15件。",
	// Another count alone may be the one meant.
	"other-alone": "受理人民调解400件，人民调解成功380件，行政调解成功45件，调解成功率95%。",
	// A part broken down with 其中 is no further part of the whole.
	"qizhong-inside": "受理信访事项300件，办结294件，其中网上办结180件，办结率98%。",
}

var wrongNumeratorParts = map[string]wrongRate{
	"heads-two":       {"行政应诉案件20件，主要负责人出庭应诉5件，其他负责人出庭13件，负责人出庭应诉率100%。", 90},
	"county-heads":    {"全年行政应诉案件15件，县长出庭应诉6件，副县长出庭应诉6件，出庭应诉率100%。", 80},
	"hearings":        {"共开庭31次，主要负责人出庭10次，分管负责人出庭19次，负责人出庭应诉率83.5%。", 93.5484},
	"mediation-kinds": {"全年受理矛盾纠纷437件，人民调解成功380件，行政调解成功45件，调解成功率87.3%。", 97.254},
	"channels":        {"受理信访事项320件，网上办结200件、来访办结115件，办结率89.4%。", 98.4375},
	"rate-first":      {"负责人出庭应诉率100%，全年应诉案件12件，主要负责人出庭4件，其他负责人出庭6件。", 83.3333},
	"whole-before":    {"全年行政应诉案件16件。主要负责人出庭应诉6件，其他负责人出庭应诉8件，出庭应诉率100%。", 87.5},
	"one-part-named":  {"主要负责人出庭应诉5件，其他负责人出庭15件，应诉案件20件，主要负责人出庭应诉率35%。", 25},
	"named-people":    {"受理人民调解400件，人民调解成功380件，行政调解成功45件，人民调解成功率85%。", 95},
	"qizhong-inside":  {"受理信访事项300件，办结294件，其中网上办结180件，办结率90%。", 98},
}

func rateCases(b *builder) {
	for base, line := range rateLines {
		for name, sent := range numeratorParts {
			if base == "jixi" && (strings.Contains(sent, "出庭") || strings.Contains(sent, "到庭")) {
				// As for appearanceRates: its 23 cases and 100% rate with
				// no appearance count, so the heads' appearances summed
				// here rightly contradict them (20 ÷ 23).
				continue
			}
			b.quiet("fa23.numerator-parts", base, name, appendTo(line, sent))
		}
		for name, c := range wrongNumeratorParts {
			b.defectComputed("d26.numerator-parts", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range negatedComplements {
			b.quiet("fa22.negated-complement", base, name, appendTo(line, sent))
		}
		for name, c := range wrongComplements {
			b.defectComputed("d25.negated-complement", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range listedParts {
			b.quiet("fa21.parallel-parts", base, name, appendTo(line, sent))
		}
		for name, sent := range partsOverWhole {
			b.defect("d24.parallel-parts", base, name, appendTo(line, sent), leRules...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range respectiveLists {
			b.quiet("fa19.respective-list", base, name, appendTo(line, sent))
		}
		for name, c := range wrongInLists {
			b.defectComputed("d23.respective-list", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range sharesOfWhole {
			b.quiet("fa18.share-of-whole", base, name, appendTo(line, sent))
		}
		for name, c := range wrongShares {
			b.defectComputed("d22.share-of-whole", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range outcomeRates {
			b.quiet("fa17.correction-outcomes", base, name, appendTo(line, sent))
		}
		for name, c := range wrongOutcomeRates {
			b.defectComputed("d21.correction-outcomes", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range appearanceRates {
			if base == "jixi" {
				// Its 23 cases and no appearance count: 38 appearances
				// in another sentence exceed them, as the figure checks
				// rightly say.
				continue
			}
			b.quiet("fa16.appearance-rate", base, name, appendTo(line, sent))
		}
		for name, c := range wrongAppearanceRates {
			b.defectComputed("d20.appearance-rate", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range wholesNamedByRate {
			b.quiet("fa15.whole-named-by-rate", base, name, appendTo(line, sent))
		}
		for name, sent := range partsAboveWholes {
			b.defect("d19.part-above-whole", base, name, appendTo(line, sent), append(rateRules, "prose.part")...)
		}
	}
	for base, line := range rateLines {
		for name, sent := range comparedCounts {
			b.quiet("fa14.compared-counts", base, name, appendTo(line, sent))
		}
		for name, c := range wrongBesideComparison {
			b.defectComputed("d18.rate-beside-comparison", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
	}
	for base, line := range rateLines {
		for name, c := range ratesWithOwnCounts {
			b.defectComputed("d17.rate-own-counts", base, name, appendTo(line, c.text), c.want, rateRules...)
		}
		for name, sent := range ratesBeforeCounts {
			b.quiet("fa12.rate-before-counts", base, name, appendTo(line, sent))
		}
		for name, sent := range wrongRatesBeforeCounts {
			b.defect("d15.rate-before-counts", base, name, appendTo(line, sent), rateRules...)
		}
		for name, sent := range otherYearCounts {
			b.quiet("fa13.other-year-counts", base, name, appendTo(line, sent))
		}
		for name, sent := range wrongBesideOtherYear {
			b.defect("d16.rate-beside-other-year", base, name, appendTo(line, sent), rateRules...)
		}
	}
	// A rate stated beside last year's: no finding, and the value read is
	// this year's (TestRateChangeValues).
	for i, phrase := range rateChanges {
		b.quiet("fa3.rate-denominator", "county", "beside-last-year-"+strconv.Itoa(i+1), rep("纠错率10.4%", phrase))
	}
	for base, line := range rateLines {
		for name, sent := range correctRates {
			b.quiet("fa3.rate-denominator", base, name, appendTo(line, sent))
		}
	}
}

func enumCases(b *builder) {
	c := "fa4.enum-spacing"
	b.quiet(c, "county", "en-space", rep("。二是部分", "。\u2002二是部分"))
	b.quiet(c, "county", "ideographic-space", rep("。二是部分", "。\u3000二是部分"))
	b.quiet(c, "county", "no-break-space", rep("。二是部分", "。\u00a0二是部分"))
	b.quiet(c, "county", "missing-stop", rep("考核激励不足。三是", "考核激励不足三是"))
	b.quiet(c, "county", "semicolons", chain(rep("不健全。二是", "不健全；二是"), rep("考核激励不足。三是", "考核激励不足；三是")))
	b.quiet(c, "county", "points-on-lines", chain(rep("不健全。二是", "不健全。\n二是"), rep("考核激励不足。三是", "考核激励不足。\n三是")))
	b.quiet(c, "county", "set-phrase-yishiyi", appendTo("^县委、县政府主要负责人", "坚持一是一、二是二，不搞变通。"))
	b.quiet(c, "county", "set-phrase-tongyi", appendTo("^县委、县政府主要负责人", "坚持标准统一是前提，执行到位是关键。"))
	b.quiet(c, "county", "list-in-clause", appendTo("^县委、县政府主要负责人", "着力做到一是抓学习、二是抓落实、三是抓督查。"))
	b.quiet(c, "department", "ideographic-space", rep("。二是提高审查质量", "。\u3000二是提高审查质量"))
	b.quiet(c, "department", "space-after-shi", rep("二是开展主题宣传", "二是\u3000开展主题宣传"))
	b.quiet(c, "department", "en-space-shortcomings", rep("。二是部分单位", "。\u2002二是部分单位"))
	b.quiet(c, "district", "no-break-space", rep("。二是个别部门", "。\u00a0二是个别部门"))
	b.quiet(c, "district", "missing-stop", rep("专业人才不足。二是", "专业人才不足二是"))
}

// runInHeadings joins every second-level heading of a corpus text to its
// first item ("(二)……\n\n1.……" becomes "(二)……。1.……"), as many
// reports write them and as nianbao prints them.
var runInHeadings = re(`(?m)^(\([一二三四五六七八九十]+\)[^\n]*?)。?\n+(1\.)`, "$1。$2")

// runInCases: a heading that runs into its first item ("（一）标题。1.……")
// numbers that item; the next line's "2." is not missing a "1.".
func runInCases(b *builder) {
	c := "fa6.heading-run-in"
	b.quiet(c, "district", "first-item-in-heading", chain(
		rep("（一）依法全面履行政府职能。持续深化", "（一）依法全面履行政府职能。1.持续深化"),
		rep("区级政务服务事项全部实现网上可办，", "区级政务服务事项全部实现网上可办。\n2.")))
	b.quiet(c, "department", "three-items", chain(
		rep("（三）规范行政执法监督。开展", "（三）规范行政执法监督。1.开展"),
		rep("抽查案卷88卷，", "抽查案卷88卷。\n2."),
		rep("培训620人次，", "培训620人次。\n3.")))
	b.quiet(c, "department", "ideographic-comma", chain(
		rep("（一）加强组织领导，压实第一责任人职责。局党组", "（一）加强组织领导，压实第一责任人职责。1、局党组"),
		rep("带头讲法治课，", "带头讲法治课。\n2、")))
	b.quiet(c, "district", "full-width", chain(
		rep("（四）依法化解矛盾纠纷。全年", "（四）依法化解矛盾纠纷。１．全年"),
		rep("败诉率7.5%。", "败诉率7.5%。\n２．")), "writing.digits")
	b.quiet(c, "county", "colon", chain(
		rep("（一）依法全面履行政府职能\n动态调整", "（一）依法全面履行政府职能：1.动态调整"),
		rep("企业开办时间压缩到一个工作日以内，", "企业开办时间压缩到一个工作日以内。\n2.")))
	// What follows the heading is no item: a decimal, a year, a list word.
	b.quiet(c, "department", "decimal-after-heading", rep("（三）规范行政执法监督。开展", "（三）规范行政执法监督。2.5万份执法文书全部归档。开展"))
	b.quiet(c, "district", "year-after-heading", rep("（一）依法全面履行政府职能。持续深化", "（一）依法全面履行政府职能。2024年，持续深化"))
	b.quiet(c, "department", "list-word-after-heading", rep("（三）规范行政执法监督。开展", "（三）规范行政执法监督。一是开展"))
	b.quiet(c, "jixi", "run-in-headings", runInHeadings)
}

// headingLookalikes open a line of prose the way a heading's number
// does: a range of quarters or months, the first group of something, a
// date with its festival, an amount.
var headingLookalikes = map[string]string{
	"quarters":      "一、二季度，集中开展营商环境专项整治，清理涉企收费事项12项。",
	"quarters-late": "三、四季度组织开展执法案卷交叉评查。",
	"months":        "一、二月份，各乡镇完成了年度法治建设任务分解。",
	"first-group":   "第一部分执法人员参加了省级执法资格培训。",
	"second-group":  "第二部分乡镇于年底前完成了司法所规范化建设，其余乡镇明年完成。",
	"digit-months":  "3、4月份开展了执法大练兵活动。",
	"children-day":  "6.1儿童节期间，开展送法进校园活动。",
	"labour-day":    "5.1劳动节前夕，开展劳动法律法规宣传。",
	"lei-feng-day":  "3.5学雷锋日，组织法律服务志愿活动。",
	"amount":        "1.5万人次参加了线上学法考试。",
	"amount-spaced": "2.3 万份执法文书全部归档。",
	"decimal-rate":  "1.2个百分点的降幅来自基层执法规范化。",
}

// headingLookalikeCases: prose that opens like a heading is body text to
// the check as it is to the importer (one recogniser, zhtext.ParseHeading):
// no numbering warning, no part moved.
func headingLookalikeCases(b *builder) {
	c := "fa25.heading-lookalike"
	anchors := map[string]string{
		"county":     "^（一）依法全面履行政府职能",
		"district":   "^（二）推进依法科学民主决策",
		"department": "^（三）规范行政执法监督",
	}
	for base, anchor := range anchors {
		for name, line := range headingLookalikes {
			b.quiet(c, base, name, lineAfter(anchor, line))
		}
	}
}

// mergedParts are a part that holds the shortcomings and the plans, one
// subsection each, as many reports write them: the parent's heading and
// the two subsections' titles.
var mergedParts = map[string][3]string{
	"next-steps":     {"存在的问题和下一步工作打算", "存在的问题", "下一步工作打算"},
	"next-year":      {"存在的问题及2025年工作打算", "主要问题", "2025年工作打算"},
	"plans-plain":    {"存在的不足和工作打算", "存在的不足", "工作打算"},
	"arrangements":   {"问题不足和下一步工作安排", "问题和不足", "下一步工作安排"},
	"thoughts-first": {"下一步工作思路和存在的问题", "存在的问题", "下一步工作思路"},
}

// mergedPartCases: the plans written as a subsection of a part that also
// holds the shortcomings are found, not reported missing.
func mergedPartCases(b *builder) {
	c := "fa26.merged-parts"
	for name, m := range mergedParts {
		b.quiet(c, "district", name, chain(
			rep("三、存在的问题\n", "三、"+m[0]+"\n（一）"+m[1]+"\n"),
			rep("四、下一步工作打算\n", "（二）"+m[2]+"\n"),
			rep("五、其他需要报告的情况", "四、其他需要报告的情况")))
		b.quiet(c, "department", name, chain(
			rep("二、存在的问题\n", "二、"+m[0]+"\n（一）"+m[1]+"\n"),
			rep("三、下一步工作打算\n", "（二）"+m[2]+"\n")))
	}
}

// noCaseStatements say a unit had no administrative review or lawsuit
// cases in the year, in words.
var noCaseStatements = map[string]string{
	"none-both":       "全年无行政复议和行政诉讼案件。",
	"not-occurred":    "全年未发生行政复议、行政应诉案件。",
	"not-received":    "全年未收到行政复议申请，未发生行政诉讼案件。",
	"none-happened":   "本年度没有发生行政复议和行政诉讼案件。",
	"none-new":        "全年无新增行政复议案件，无行政诉讼案件。",
	"none-then-other": "全年无行政复议和行政诉讼案件，信访形势总体平稳。",
}

// noCaseCases: a report that says in words it had no review or lawsuit
// cases states those counts as 0; they are not reported missing.
func noCaseCases(b *builder) {
	c := "fa27.no-cases-in-words"
	bases := map[string]string{
		"county":     "全年收到行政复议申请52件，审结48件，纠错5件，纠错率10.4%。全年行政应诉案件31件，败诉2件，败诉率6.45%，行政机关负责人出庭应诉31件，出庭应诉率100%。",
		"district":   "全年共收到行政复议申请75件，审结70件，其中纠错9件，纠错率12.86%。全区发生行政诉讼案件40件，败诉3件，败诉率7.5%。",
		"department": "县行政复议机构全年受理行政复议案件68件，审结63件，纠错7件，纠错率11.11%。全县行政应诉案件29件，败诉1件，败诉率3.45%。",
	}
	for base, stated := range bases {
		for name, none := range noCaseStatements {
			// Shorter, the part may fall under its minimum length.
			b.quiet(c, base, name, rep(stated, none), "section.short")
		}
	}
}

// halfWidthStops end a sentence with an ASCII full stop, as text typed
// with an English input method does.
var halfWidthStops = map[string]mutation{
	"between-sentences": rep("全年办理行政处罚案件926件，", "全年办理行政处罚案件926件.全县"),
	"after-percent":     rep("纠错率10.4%。", "纠错率10.4%.\n"),
	"line-end":          rep("重复信访和越级上访数量持续下降。", "重复信访和越级上访数量持续下降."),
	"after-quote":       appendTo("^县委、县政府主要负责人", "落实“谁执法谁普法”."),
	"before-quote":      appendTo("^县委、县政府主要负责人", "开展普法.“八五”普法规划顺利推进。"),
}

// dotsNotStops are ASCII dots that end no sentence: decimals, addresses,
// file names, numbered items, an ellipsis typed as dots.
var dotsNotStops = map[string]mutation{
	"decimal":        appendTo("^县委、县政府主要负责人", "群众满意度达98.6%。"),
	"web-address":    appendTo("^县委、县政府主要负责人", "在县政府门户网站www.qingshan.gov.cn公开。"),
	"file-name":      appendTo("^县委、县政府主要负责人", "附件为法治建设报告.docx电子版。"),
	"numbered-item":  lineAfter("^县委、县政府主要负责人", "1.压实第一责任人职责。"),
	"ascii-ellipsis": appendTo("^县委、县政府主要负责人", "开展送法进企业、进校园、进社区等......活动。"),
	"date":           appendTo("^县委、县政府主要负责人", "于2024.12.4开展宪法宣传。"),
	"english":        appendTo("^县委、县政府主要负责人", "引入ISO 9001 ver.2015管理标准。"),
}

// halfWidthStopCases: an ASCII full stop between sentences is found with
// the other half-width punctuation; a dot that is no stop is left alone.
func halfWidthStopCases(b *builder) {
	for name, m := range halfWidthStops {
		b.defect("d27.half-width-stop", "county", name, m, "writing.punct")
	}
	for name, m := range dotsNotStops {
		b.quiet("fa28.dot-not-stop", "county", name, m)
	}
}

// counterVisits count visits by a counter and 次 ("126家次", visits to
// places): the number stands before the counter, not before 次.
var counterVisits = map[string]string{
	"places":     "检查培训机构126家次，查处违规机构8家。",
	"households": "走访企业36户次，收集意见建议52条。",
	"vehicles":   "出动执法车辆1.2万辆次。",
	"batches":    "抽检食品300批次，合格率98%。",
	"two-kinds":  "检查船舶12艘次、特种设备45台次。",
	"over":       "入户走访1500余户次。",
}

// counterVisitCases: a count of visits by counter and 次 has its number;
// the counter and 次 with no number before them has lost it.
func counterVisitCases(b *builder) {
	anchors := map[string]string{"county": "全年办理行政处罚案件", "department": "^（三）规范行政执法监督"}
	for base, anchor := range anchors {
		for name, text := range counterVisits {
			b.quiet("fa29.counter-visits", base, name, appendTo(anchor, text))
		}
	}
	b.defect("d28.blank-counter-visits", "county", "places", appendTo(anchors["county"], "检查培训机构家次，查处违规机构8家。"), "prose.blank-doubt")
	b.defect("d28.blank-counter-visits", "county", "vessels", appendTo(anchors["county"], "检查船舶艘次，发现隐患3处。"), "prose.blank-doubt")
	b.defect("d28.blank-counter-visits", "county", "vehicles", appendTo(anchors["county"], "出动执法车辆辆次，查处违规8起。"), "prose.blank-doubt")
	b.defect("d28.blank-counter-visits", "department", "machines", appendTo(anchors["department"], "检查特种设备台次，发现隐患3处。"), "prose.blank-doubt")
}

var footers = map[string]string{
	"footer-fields":  "主办单位：XX县人民政府办公室　承办单位：XX县政务公开办公室　技术支持：XXX网络科技有限公司　地址：XX县XX路XX号　邮编：XXXXXX　联系电话：XXXX-XXXXXXX",
	"site-code":      "网站标识码：XXXXXXXXXX　X公网安备XXXXXXXXXXXXXX号",
	"editor":         "责任编辑：XXX",
	"site-credit":    "本网站由XXX提供技术支持",
	"copyright":      "版权所有 © XX县人民政府",
	"footer-links":   "网站地图 | 联系我们 | XX县人民政府",
	"icp":            "X ICP备XXXXXXXX号-X",
	"share-and-code": "分享到：\n扫一扫在手机打开当前页\n主办：XX县人民政府　维护：XX县数据资源局",
}

var headers = map[string]string{
	"breadcrumb": "当前位置：首页 > XX县人民政府 > 政务公开 > 法治政府建设",
	"post-info":  "发布时间：2025-03-20 10:00　来源：XXX　浏览次数：XX",
	"font-size":  "【字体：大 中 小】",
}

// maskedNames hide a party's name as published reports do (“王××”, “李XX”,
// “某××公司”): no placeholder (false alarm 20: each was an error asking
// the drafter to fill in the name the law says to hide). unfilledMarks
// are marks after a surname-like character that do hold a place (defect
// 5: a unit, a date or an office follows them).
var maskedNames = map[string]string{
	"v-party":       "在办理王××诉县自然资源局行政协议纠纷一案中，县政府负责人出庭应诉。",
	"applicant-xx":  "申请人李XX不服县市场监管局作出的处罚决定，经复议予以变更。",
	"company":       "对某××公司违法排污行为依法作出罚款决定。",
	"agreement":     "县人民政府与王××签订征收补偿协议。",
	"circles":       "第三人赵○○未到庭参加诉讼。",
	"two-names":     "陈××、刘××等5人不服处罚决定申请复议。",
	"xx-and-count":  "对张XX等3名当事人依法作出处罚。",
	"squares":       "被申请人对申请人周□□作出的不予受理决定被依法撤销。",
	"full-width-xx": "经复议，撤销了对黄ＸＸ作出的罚款决定。",
}

var unfilledMarks = map[string]string{
	"rest-count": "其余××件依法办结。",
	"date":       "于××年××月前完成整改。",
	"office":     "向王××县人民政府报告整改情况。",
	"percent":    "整改完成率达到高××%。",
}

func leftoverCases(b *builder) {
	for _, base := range []string{"county", "district"} {
		line := rateLines[base]
		for name, sent := range maskedNames {
			b.quiet("fa20.masked-name", base, name, appendTo(line, sent))
		}
		for name, sent := range unfilledMarks {
			b.defect("d5.placeholder", base, "surname-like-"+name, appendTo(line, sent), holdRules...)
		}
	}
	for _, base := range []string{"county", "district", "jixi", "dongchangfu"} {
		for name, f := range footers {
			b.quiet("fa5.leftover-placeholder", base, name, appendText(f))
		}
	}
	for _, base := range []string{"county", "department"} {
		for name, h := range headers {
			b.quiet("fa5.leftover-placeholder", base, name, prependText(h))
		}
	}
}

var (
	rateRules      = []string{"prose.rate", "prose.rate-doubt", "figure.rate", "figure.bounds"}
	leRules        = []string{"figure.le", "prose.le*", "prose.part*"}
	blankRules     = []string{"prose.blank", "prose.blank-doubt"}
	yearRules      = []string{"writing.year*"}
	holdRules      = []string{"section.placeholder*", "prose.placeholder*"}
	enumRules      = []string{"writing.enum"}
	numberingRules = []string{"writing.numbering"}
)

func defectCases(b *builder) {
	d := b.defect
	// 14. Digits typed full-width, anywhere a number stands.
	c := "d14.full-width-digits"
	wide := []string{"writing.digits"}
	d(c, "county", "one-count", rep("全年收到行政复议申请52件", "全年收到行政复议申请５２件"), wide...)
	d(c, "county", "rate", rep("纠错率10.4%", "纠错率１０．４％"), wide...)
	d(c, "district", "year-in-body", appendTo("全年共收到行政复议申请75件", "２０２４年，行政复议工作平稳推进。"), wide...)
	d(c, "department", "one-digit", rep("全县行政应诉案件29件", "全县行政应诉案件2９件"), wide...)
	d(c, "district", "heading-number", appendTo("全年共收到行政复议申请75件", "１．加强行政复议规范化建设。"), wide...)
	d(c, "jixi", "corpus-count", re(`(\d)(\d)件`, "${1}８件"), wide...)
	// Characters that look like digits, or a full-width sign beside ASCII
	// digits, are not full-width digits.
	c = "fa11.digit-lookalikes"
	for name, sent := range map[string]string{
		"circled":           "主要做法有①健全制度②强化监督③严格考核。",
		"chinese-numerals":  "二〇二四年，行政复议工作平稳推进。",
		"roman":             "按Ⅰ类、Ⅱ类风险分级管理。",
		"full-width-sign":   "群众满意度达到98％。",
		"full-width-letter": "依托ＡＰＰ和微信公众号推送普法内容。",
	} {
		b.quiet(c, "county", name, appendTo("^全年收到行政复议申请52件", sent))
	}
	// 1. A stated rate far from its counts.
	c = "d1.rate-far"
	d(c, "county", "slipped-decimal-review", rep("纠错率10.4%", "纠错率1.04%"), rateRules...)
	d(c, "county", "slipped-decimal-mediation", rep("调解成功率97.9%", "调解成功率9.79%"), rateRules...)
	d(c, "county", "tenfold-loss", rep("败诉率6.45%", "败诉率64.5%"), rateRules...)
	d(c, "county", "over-100-appearance", rep("出庭应诉率100%", "出庭应诉率103%"), rateRules...)
	d(c, "county", "over-100-mediation", rep("调解成功率97.9%", "调解成功率102.3%"), rateRules...)
	d(c, "county", "appearances-in-times", rep("出庭应诉31件，出庭应诉率100%", "出庭应诉25次，出庭应诉率100%"), rateRules...)
	d(c, "county", "counts-previous-sentence", appendTo("全年收到行政复议申请52件", "全县法律援助中心受理法律援助申请300件，办结280件。法律援助办结率为9.3%。"), rateRules...)
	d(c, "county", "ordinary-mismatch", rep("调解成功率97.9%", "调解成功率90%"), rateRules...)
	d(c, "district", "slipped-decimal-review", rep("纠错率12.86%", "纠错率1.29%"), rateRules...)
	d(c, "district", "over-100-loss", rep("败诉率7.5%", "败诉率175%"), rateRules...)
	d(c, "district", "half-rate", rep("调解成功率98.24%", "调解成功率49.1%"), rateRules...)
	d(c, "district", "counts-previous-sentence", appendTo("全年共收到行政复议申请75件", "全区受理劳动人事争议仲裁案件260件，结案247件。仲裁结案率为9.5%。"), rateRules...)
	d(c, "department", "slipped-decimal-review", rep("纠错率11.11%", "纠错率1.11%"), rateRules...)
	d(c, "department", "tenfold-loss", rep("败诉率3.45%", "败诉率34.5%"), rateRules...)
	d(c, "jixi", "slipped-decimal-mediation", re(`(调解成功\d+件[,，]成功率)(\d)(\d)\.(\d+)%`, "${1}${2}.${3}${4}%"), rateRules...)
	d(c, "jixi", "tenfold-loss", re(`(败诉率为)(\d)\.(\d)(\d)%`, "${1}${2}${3}.${4}%"), rateRules...)
	d(c, "jixi", "counts-previous-sentence", appendTo("行政复议", "受理涉企行政争议调解申请80件，调解成功76件。涉企行政争议调解成功率为9.5%。"), rateRules...)

	// 1b. A figure's rate stated in another sentence than its counts: the
	// reading pairs them across sentences, so it is a doubt (a warning),
	// and it must still be raised.
	c = "d1b.rate-across-sentences"
	doubt := []string{"prose.rate-doubt"}
	d(c, "county", "review-rate-moved", chain(rep("纠错5件，纠错率10.4%。", "纠错5件。"),
		appendTo("^全面落实行政执法公示", "行政复议纠错率为1.04%。")), doubt...)
	d(c, "district", "review-rate-moved", chain(rep("其中纠错9件，纠错率12.86%。", "其中纠错9件。"),
		appendTo("^（五）加强法治宣传教育", "全区行政复议纠错率为1.29%。")), doubt...)
	d(c, "county", "loss-rate-to-paragraph-end", chain(rep("败诉2件，败诉率6.45%，", "败诉2件，"),
		appendTo("^全年收到行政复议申请52件", "全年行政诉讼败诉率为64.5%。")), doubt...)

	// 2. A part larger than its whole.
	c = "d2.part-whole"
	d(c, "county", "corrected-over-decided", rep("审结48件，纠错5件，纠错率10.4%", "审结48件，其中纠错52件"), leRules...)
	d(c, "county", "lost-over-cases", rep("败诉2件，败诉率6.45%", "败诉35件"), leRules...)
	d(c, "county", "succeeded-over-received", rep("调解成功842件，调解成功率97.9%", "调解成功901件"), leRules...)
	d(c, "county", "prose-subset", appendTo("全年收到行政复议申请52件", "受理各类矛盾纠纷1500件，其中涉企纠纷1620件。"), leRules...)
	d(c, "county", "prose-licences", appendTo("全年办理行政处罚案件926件", "全年办理行政许可事项2000件，其中即办件2300件。"), leRules...)
	d(c, "district", "corrected-over-decided", rep("审结70件，其中纠错9件，纠错率12.86%", "审结70件，其中纠错79件"), leRules...)
	d(c, "district", "prose-subset", appendTo("全年共收到行政复议申请75件", "全区审结行政争议40件，其中纠错52件。"), leRules...)
	d(c, "department", "lost-over-cases", rep("败诉1件，败诉率3.45%", "败诉31件"), leRules...)
	d(c, "department", "prose-subset", appendTo("全县行政应诉案件29件", "全年受理法律咨询1500件，其中涉企咨询1620件。"), leRules...)

	// 3. Blank figures, with or without a space before the unit.
	c = "d3.blank-figure"
	d(c, "county", "decided", rep("审结48件", "审结件"), blankRules...)
	d(c, "county", "rate", rep("纠错率10.4%", "纠错率%"), blankRules...)
	d(c, "county", "audience-space", rep("覆盖群众4.2万人次", "覆盖群众 万人次"), blankRules...)
	d(c, "county", "events", rep("全年组织普法活动136场", "全年组织普法活动场"), blankRules...)
	d(c, "county", "yu-without-number", appendTo("全年办理行政处罚案件926件", "开展执法检查余次。"), blankRules...)
	d(c, "county", "gong-banli", rep("全年办理行政处罚案件926件", "全年共办理件"), blankRules...)
	d(c, "district", "lost", rep("败诉3件", "败诉件"), blankRules...)
	d(c, "district", "files", rep("评查案卷210卷", "评查案卷卷"), blankRules...)
	d(c, "district", "events-space", rep("全年开展普法活动210场次", "全年开展普法活动 场次"), blankRules...)
	d(c, "department", "files-space", rep("抽查案卷88卷", "抽查案卷 卷"), blankRules...)
	d(c, "department", "trainees", rep("培训620人次", "培训人次"), blankRules...)

	// 4. Years: the body reports on another year than the title.
	c = "d4.year"
	d(c, "county", "last-years-body", bodyYear(2024), yearRules...)
	d(c, "county", "title-year", rep("柳河湾县2024年度", "柳河湾县2025年度"), yearRules...)
	d(c, "county", "plans-year", rep("2025年，我县将", "2024年，我县将"), yearRules...)
	d(c, "district", "last-years-body", bodyYear(2024), yearRules...)
	d(c, "district", "plans-year", rep("2025年，东坪区将", "2023年，东坪区将"), yearRules...)
	d(c, "department", "last-years-body", bodyYear(2024), yearRules...)
	d(c, "department", "plans-year", rep("2025年，我局将", "2024年，我局将"), yearRules...)
	d(c, "jixi", "last-years-body", bodyYear(2023), yearRules...)
	d(c, "dongchangfu", "last-years-body", bodyYear(2023), yearRules...)
	// A part on the report year headed with last year: copied, left as it was.
	d(c, "county", "shortcomings-heading", rep("二、2024年度推进法治政府建设存在的不足和原因", "二、2023年度推进法治政府建设存在的不足和原因"), yearRules...)
	d(c, "county", "measures-heading", rep("一、2024年度推进法治政府建设的主要举措和成效", "一、2023年度推进法治政府建设的主要举措和成效"), yearRules...)
	d(c, "county", "leadership-heading", rep("三、2024年度党政主要负责人", "三、2023年度党政主要负责人"), yearRules...)
	d(c, "jixi", "shortcomings-heading", rep("二、上一年度法治政府建设存在的不足和原因", "二、2022年度法治政府建设存在的不足和原因"), yearRules...)
	d(c, "district", "measures-heading", rep("二、主要举措和成效", "二、2023年主要举措和成效"), yearRules...)

	// 5. Placeholders, single letters included.
	c = "d5.placeholder"
	d(c, "county", "x-events", rep("全年组织普法活动136场", "全年组织普法活动X场"), holdRules...)
	d(c, "county", "crosses-decided", rep("审结48件", "审结××件"), holdRules...)
	d(c, "county", "crosses-staff", appendTo("全年办理行政处罚案件926件", "培训执法人员××名。"), holdRules...)
	d(c, "county", "xxx-penalty", rep("全年办理行政处罚案件926件", "全年办理行政处罚案件XXX件"), holdRules...)
	d(c, "county", "to-be-added", appendTo("^县委、县政府主要负责人", "（待补充）"), holdRules...)
	d(c, "county", "x-files", rep("抽查案卷150卷", "抽查案卷X卷"), holdRules...)
	d(c, "district", "xx-files", rep("评查案卷210卷", "评查案卷XX卷"), holdRules...)
	d(c, "district", "x-lost", rep("败诉3件", "败诉X件"), holdRules...)
	d(c, "department", "cross-files", rep("抽查案卷88卷", "抽查案卷×卷"), holdRules...)
	d(c, "department", "x-events", rep("全年组织普法活动94场", "全年组织普法活动X场次"), holdRules...)

	// 6. Enumeration holes.
	c = "d6.enum-hole"
	d(c, "county", "second-missing", rep("二是部分执法人员", "部分执法人员"), enumRules...)
	d(c, "county", "one-two-four", rep("三是普法宣传", "四是普法宣传"), enumRules...)
	d(c, "county", "two-twice", rep("三是普法宣传", "二是普法宣传"), enumRules...)
	d(c, "county", "shi-missing", appendTo("^一是乡镇合法性审查", "四加强统筹协调的力度还不够。"), enumRules...)
	d(c, "department", "one-two-four", rep("三是建设法治文化阵地", "四是建设法治文化阵地"), enumRules...)
	d(c, "department", "shortcomings-hole", rep("三是普法形式", "四是普法形式"), enumRules...)
	d(c, "district", "three-twice", rep("二是个别部门", "三是个别部门"), enumRules...)
	d(c, "district", "first-missing", rep("一是部分街道", "部分街道"), enumRules...)

	// 6b. A numbering hole where the first item runs in after its heading.
	c = "d10.heading-run-in-hole"
	d(c, "district", "starts-at-two", rep("（一）依法全面履行政府职能。持续深化", "（一）依法全面履行政府职能。2.持续深化"), numberingRules...)
	d(c, "department", "one-then-three", chain(
		rep("（三）规范行政执法监督。开展", "（三）规范行政执法监督。1.开展"),
		rep("抽查案卷88卷，", "抽查案卷88卷。\n3.")), numberingRules...)
	d(c, "county", "one-twice", chain(
		rep("（一）依法全面履行政府职能\n动态调整", "（一）依法全面履行政府职能：1.动态调整"),
		rep("企业开办时间压缩到一个工作日以内，", "企业开办时间压缩到一个工作日以内。\n1.")), numberingRules...)
	d(c, "department", "comma-one-then-three", chain(
		rep("（一）加强组织领导，压实第一责任人职责。局党组", "（一）加强组织领导，压实第一责任人职责。1、局党组"),
		rep("带头讲法治课，", "带头讲法治课。\n3、")), numberingRules...)
	d(c, "jixi", "run-in-starts-at-two", chain(runInHeadings, rep("。1.", "。2.")), numberingRules...)

	// 7. A required figure the document really does not state.
	c = "d7.figure-absent"
	d(c, "county", "penalty", rep("全年办理行政处罚案件926件，", ""), "figure.not-found")
	d(c, "county", "legality", rep("全年开展合法性审查214件，其中重大行政决策12件，", ""), "figure.not-found")
	d(c, "county", "review", rep("全年收到行政复议申请52件，", ""), "figure.not-found")
	d(c, "county", "publicity", rep("全年组织普法活动136场，", ""), "figure.not-found")
	d(c, "county", "litigation", rep("全年行政应诉案件31件，", ""), "figure.not-found")
	d(c, "district", "penalty", rep("全年全区共办理行政处罚案件1480件，", ""), "figure.not-found")
	d(c, "district", "legality", rep("全年对区政府常务会议议题、行政规范性文件和合同累计开展合法性审查302件，", ""), "figure.not-found")
	d(c, "department", "legality", rep("全年审查县政府及部门规范性文件、重大决策和合同共计186件，", ""), "figure.not-found")
	// The count removed and a decoy number left nearby that is not it.
	d(c, "county", "penalty-decoy-powers", rep("全年办理行政处罚案件926件，", "县级权责清单中行政处罚事项2685项，"), "figure.not-found")
	d(c, "county", "review-decoy-refused", rep("全年收到行政复议申请52件，", "全年不予受理行政复议申请3件，"), "figure.not-found")
	d(c, "county", "review-decoy-legal-aid", rep("全年收到行政复议申请52件，审结48件，纠错5件，纠错率10.4%。", "全年办理法律援助案件247件。行政复议工作平稳有序。"), "figure.not-found")
	d(c, "county", "legality-decoy-towns", rep("全年开展合法性审查214件，其中重大行政决策12件，审查县政府拟签订合同37份。", "对12个乡镇开展合法性审查业务培训。"), "figure.not-found")
	d(c, "county", "publicity-decoy-audience", rep("全年组织普法活动136场，覆盖群众4.2万人次。", "解答群众法律咨询1700余人次。"), "figure.not-found")
	d(c, "county", "publicity-decoy-press", chain(rep("全年组织普法活动136场，", ""), appendTo("^动态调整县级权责清单", "召开政务新闻发布会23场。")), "figure.not-found")
	d(c, "district", "penalty-decoy-files", rep("全年全区共办理行政处罚案件1480件，", "抽取179件行政处罚案卷进行审查，"), "figure.not-found")
	d(c, "district", "litigation-decoy-rate", rep("全区发生行政诉讼案件40件，败诉3件，败诉率7.5%。", "行政机关负责人出庭应诉率保持100%。"), "figure.not-found")

	// 8. A required part absent; 9. a part present without text.
	c = "d8.section-absent"
	d(c, "county", "other", dropLines("^五、其他需要报告", "^柳河湾县人民政府"), "section.not-found", "section.missing")
	d(c, "county", "shortcomings", dropLines("^二、2024年度推进法治政府建设存在", "^三、"), "section.not-found", "section.missing")
	d(c, "county", "leadership", dropLines("^三、2024年度党政主要负责人", "^四、"), "section.not-found", "section.missing")
	d(c, "district", "leadership", dropLines("^一、党政主要负责人", "^二、主要举措"), "section.not-found", "section.missing")
	d(c, "district", "plans", dropLines("^四、下一步工作打算", "^五、"), "section.not-found", "section.missing")
	d(c, "department", "shortcomings", dropLines("^二、存在的问题", "^三、下一步"), "section.not-found", "section.missing")
	d(c, "jixi", "other", dropLines("^四、其他需要报告", "^扫"), "section.not-found", "section.missing")
	c = "d9.section-empty"
	d(c, "county", "other", rep("五、其他需要报告的情况\n暂无。", "五、其他需要报告的情况"), "section.empty")
	d(c, "county", "shortcomings", dropLines("^一是乡镇合法性审查", "^三、"), "section.empty")
	d(c, "district", "shortcomings", dropLines("^一是部分街道", "^四、"), "section.empty")
	d(c, "department", "plans", dropLines("^2025年，我局将", "^柳河湾县司法局"), "section.empty")
}
