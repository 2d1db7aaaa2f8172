package cli

import (
	"fmt"
	"strings"
)

// variedClauses are sentences in the manner of a published report (our
// own words): counts with units, dates, quoted names, bracketed notes and
// enumerations, so that the benchmark's real-size draft gives every stage
// of import and check what a real report gives it, not one sentence
// repeated. %d is filled with a small number.
var variedClauses = []string{
	"全年召开专题会议%d次，研究部署重点任务。",
	"组织开展督导检查%d轮，发现并督促整改问题%d个。",
	"印发《关于进一步规范执法行为的工作方案》，明确责任分工%d项。",
	"依托“互联网+监管”平台，归集监管数据%d万余条。",
	"走访企业%d家，收集意见建议%d条，已全部答复。",
	"建成基层服务站点%d个，实现乡镇（街道）全覆盖。",
	"举办专题培训%d场次，参训干部职工%d余人次。",
	"推行“一网通办”，%d项事项实现“最多跑一次”。",
	"聘请法律顾问%d名，为重大决策提供咨询意见%d份。",
	"完善工作台账，建立问题、责任、整改“三张清单”。",
	"于2024年%d月修订议事规则，进一步规范集体决策程序。",
	"配合上级部门完成专项评估%d次，评估结果均为良好。",
	"开展“法律明白人”培育工程，培育骨干%d名。",
	"推动政务公开标准化，主动公开政府信息%d条。",
	"对照年度目标逐项梳理，%d项任务全部按期完成。",
	"坚持把依法行政贯穿决策、执行、监督全过程，推动各项工作在法治轨道上运行。",
	"严格落实重大行政决策程序规定，坚持公众参与、专家论证、风险评估、合法性审查和集体讨论决定。",
	"持续深化“放管服”改革，进一步优化营商环境，市场主体满意度稳步提升。",
	"认真落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
	"主动接受人大法律监督、政协民主监督，认真办理代表建议和委员提案。",
	"加强行政执法人员资格管理，严格实行持证上岗和资格管理制度。",
	"将法治建设纳入年度绩效考核，考核结果作为干部评先评优的重要依据。",
	"落实“谁执法谁普法”普法责任制，推动普法与执法有机融合。",
	"畅通群众诉求表达渠道，及时回应社会关切，矛盾纠纷得到有效化解。",
	"运用典型案例开展警示教育，引导干部职工增强法治意识、提升依法办事能力。",
	"建立健全行政规范性文件合法性审核机制，做到应审尽审、有件必审。",
	"强化政务诚信建设，依法兑现对市场主体作出的政策承诺。",
}

// variedItems are the points of an enumeration (一是……二是……).
var variedItems = []string{
	"健全制度机制，修订完善内部管理制度%d项",
	"强化队伍建设，选派业务骨干%d人参加上级培训",
	"加强协调联动，与相关部门建立会商机制%d项",
	"注重宣传引导，在门户网站发布工作动态%d篇",
	"压实工作责任，层层签订目标责任书%d份",
	"坚持问题导向，聚焦群众反映强烈的突出问题开展专项整治",
	"完善监督机制，把法治建设成效作为衡量工作实绩的重要内容",
	"深化协同共治，推动形成部门联动、上下贯通的工作格局",
}

var numerals = []string{"一", "二", "三", "四", "五"}

// variedProse writes about n characters of varied report text in
// paragraphs of a few sentences, the same for the same seed.
func variedProse(n int, seed uint32) string {
	next := func(k int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % k
	}
	fill := func(format string) string {
		args := make([]any, strings.Count(format, "%d"))
		for i := range args {
			args[i] = 2 + next(97)
		}
		return fmt.Sprintf(format, args...)
	}
	var paras []string
	var para strings.Builder
	total := 0
	for total < n {
		var s string
		if next(8) == 0 {
			k := 2 + next(3)
			var b strings.Builder
			b.WriteString("主要做法：")
			for i := range k {
				b.WriteString(numerals[i] + "是" + fill(variedItems[next(len(variedItems))]))
				if i < k-1 {
					b.WriteString("；")
				}
			}
			b.WriteString("。")
			s = b.String()
		} else {
			s = fill(variedClauses[next(len(variedClauses))])
		}
		para.WriteString(s)
		total += len([]rune(s))
		if para.Len() > 600+next(400) {
			paras = append(paras, para.String())
			para.Reset()
		}
	}
	if para.Len() > 0 {
		paras = append(paras, para.String())
	}
	return strings.Join(paras, "\n")
}
