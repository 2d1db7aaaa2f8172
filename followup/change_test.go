package followup

import (
	"strings"
	"testing"

	"nianbao/model"
)

func numbers(m map[string]float64) map[string]model.Number {
	out := map[string]model.Number{}
	for k, v := range m {
		out[k] = model.NumberOf(v)
	}
	return out
}

var changeFigs = []FigureInfo{
	{ID: "review_received", Label: "行政复议收案", Unit: "件", Keywords: []string{"复议"}},
	{ID: "review_correction_rate", Label: "行政复议纠错率", Percent: true},
	{ID: "mediation_received", Label: "人民调解受理", Unit: "件"},
	{ID: "publicity_events", Label: "普法活动", Unit: "场"},
	{ID: "litigation_loss_rate", Label: "行政应诉败诉率", Percent: true},
	{ID: "penalty_cases", Label: "行政处罚案件", Unit: "件"},
	{ID: "head_appearance_rate", Label: "负责人出庭应诉率", Percent: true},
	{ID: "legality_reviews", Label: "合法性审查", Unit: "件", Keywords: []string{"合法性审查"}},
	{ID: "normative_docs_filed", Label: "规范性文件备案", Unit: "件", Keywords: []string{"备案"}},
}

var changeCur = map[string]float64{
	"review_received": 132, "review_correction_rate": 4.2, "mediation_received": 1000,
	"publicity_events": 130, "litigation_loss_rate": 12, "penalty_cases": 300,
	"head_appearance_rate": 95, "legality_reviews": 60, "normative_docs_filed": 60,
}

var changePrev = map[string]float64{
	"review_received": 120, "review_correction_rate": 9.1, "mediation_received": 500,
	"publicity_events": 40, "litigation_loss_rate": 10, "head_appearance_rate": 80,
	"legality_reviews": 50, "normative_docs_filed": 40,
}

type changeCase struct {
	text   string
	figure string // "" when nothing must be reported
	want   string // a part of the message
}

var changeCases = []changeCase{
	// Contradicted by last year's figures.
	{"全年受理行政复议案件132件，同比增长50%。", "review_received", "(132 − 120) ÷ 120 = 10.0%"},
	{"受理行政复议申请132件，较上年增加20件。", "review_received", "132 − 120 = 12件"},
	{"行政复议纠错率由上年的9.8%降至4.2%。", "review_correction_rate", "去年报告中行政复议纠错率为9.1%"},
	{"行政复议纠错率4.2%，同比下降4.9%。", "review_correction_rate", "是下降4.9个百分点，不是下降4.9%"},
	{"调解矛盾纠纷1000件，同比下降5%。", "mediation_received", "= 100.0%"},
	{"人民调解组织调解纠纷1000件，是上年的3倍。", "mediation_received", "= 2.00倍"},
	{"行政应诉败诉率12%，较上年下降2个百分点。", "litigation_loss_rate", "12 − 10 = 2个百分点"},
	{"办理行政复议案件132件，比2023年减少8件。", "review_received", "= 12件"},
	{"开展普法活动130场，较去年增长50场。", "publicity_events", "= 90场"},
	{"行政机关负责人出庭应诉率95%，同比提高5个百分点。", "head_appearance_rate", "= 15个百分点"},
	{"受理行政复议案件132件，与上年相比，减少10%。", "review_received", "= 10.0%"},
	{"调解纠纷1000件，同比增长50%，调解成功率98%。", "mediation_received", "= 100.0%"},
	{"规范性文件备案60件，同比翻一番。", "normative_docs_filed", "= 1.50倍"},
	{"纠错率由去年的10%下降到4.2%。", "review_correction_rate", "不是10%"},
	{"收到行政复议申请132件，较上年同期增长了50％。", "review_received", "= 10.0%"},
	{"行政复议收案132件，比上年多20件。", "review_received", "= 12件"},
	{"受理行政复议案件132件，与2023年相比增长50%。", "review_received", "= 10.0%"},
	{"受理行政复议案件１３２件，同比增长５０％。", "review_received", "= 10.0%"},
	{"受理行政复议案件132件，同比增长近50%。", "review_received", "= 10.0%"},
	{"受理行政复议案件132件，同比增长超过20%。", "review_received", "= 10.0%"},
	{"调解纠纷1000件，较上年翻两番。", "mediation_received", "= 2.00倍"},
	// Consistent, or nothing to compare against.
	{"受理行政复议案件132件，同比增长约10%。", "", ""},
	{"受理行政复议案件132件，同比增长约11%。", "", ""},
	{"调解纠纷1000件，同比增长超过50%。", "", ""},
	{"受理行政复议案件１３２件，较上年增加１２件。", "", ""},
	{"受理行政复议案件132件，与2021年相比增长50%。", "", ""},
	{"调解纠纷1000件，同比增长1倍。", "", ""},
	{"纠错率4.2%，同比下降53.9%。", "", ""}, // the rates were rounded; within what rounding explains
	{"行政复议收案132件，比上年多12件。", "", ""},
	{"全年受理行政复议案件132件，同比增长10%。", "", ""},
	{"受理行政复议申请132件，较上年增加12件。", "", ""},
	{"纠错率由上年的9.1%降至4.2%。", "", ""},
	{"纠错率4.2%，同比下降4.9个百分点。", "", ""},
	{"纠错率4.2%，同比下降53.8%。", "", ""},
	{"调解纠纷1000件，同比翻了一番。", "", ""},
	{"调解纠纷1000件，是上年的2倍。", "", ""},
	{"败诉率12%，较上年上升2个百分点。", "", ""},
	{"办理行政处罚案件300件，同比增长20%。", "", ""},            // last year unknown
	{"受理行政复议案件132件，比2020年增长30%。", "", ""},        // another year
	{"全县新增律师事务所5家，同比增长25%。", "", ""},             // no such figure
	{"全年受理行政复议案件132件，其中不予受理3件，同比增长50%。", "", ""}, // nearest number is another
	{"合法性审查60件，同比增长20%。", "", ""},                // 60 is two figures; the clause names one and it fits
	{"共审查审核60件，同比增长50%。", "", ""},                // 60 is two figures, the clause names neither
	{"同比增长50%的是网上办理事项。", "", ""},
	{"受理行政复议案件132件，同比增长10%左右。", "", ""},
	{"出庭应诉率95%，同比提高15个百分点。", "", ""},
	{"纠错率由2023年的9.1%降至4.2%。", "", ""},
	{"普法活动130场，较上年增加90场。", "", ""},
	{"到2025年，行政复议案件较上年增长50%以上。", "", ""}, // a target, no figure stated before
}

func TestCheckChangesLabelled(t *testing.T) {
	var found, missed, alarms, quiet int
	for _, c := range changeCases {
		got := CheckChanges([]Sentence{{Section: "disputes", Text: c.text}}, changeFigs, numbers(changeCur), numbers(changePrev), 2023)
		switch {
		case c.figure != "" && len(got) == 1 && got[0].Figure == c.figure:
			found++
			if !strings.Contains(got[0].Message, c.want) {
				t.Errorf("%s: message %q lacks %q", c.text, got[0].Message, c.want)
			}
		case c.figure != "":
			missed++
			t.Errorf("%s: want one finding on %s, got %+v", c.text, c.figure, got)
		case len(got) > 0:
			alarms++
			t.Errorf("%s: want nothing, got %q", c.text, got[0].Message)
		default:
			quiet++
		}
	}
	t.Logf("followup.change: recall %d/%d, false alarms %d/%d", found, found+missed, alarms, alarms+quiet)
}
