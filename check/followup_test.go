package check

import (
	"sort"
	"strings"
	"testing"

	"nianbao/followup"
	"nianbao/model"
)

// A unit's reports for two consecutive years, written for this test: of
// last year's five plans, three are followed up in other words and two left
// out; one stated change contradicts last year's figures, one agrees; the
// shortcomings are copied with small edits; one count jumped ×10.
func reportPair(t testing.TB) (*model.Template, *model.Report, *model.Report) {
	tp := standard(t)
	last := model.NewReport(tp)
	last.Unit, last.Year = "青山县人民政府", 2023
	last.SetText("plans", `2024年，我县将重点抓好以下工作：一是修订县政府工作规则，健全重大行政决策目录管理制度。二是推行包容审慎监管，制定轻微违法行为不予处罚清单。三是建设县级公共法律服务中心，为群众提供一站式服务。四是建成一批法治文化公园，每个乡镇至少建设一处法治宣传阵地。五是开展行政机关负责人出庭应诉专项督查。`)
	last.SetText("shortcomings", `一是部分行政执法人员法治意识有待提升，执法不规范的问题仍然存在。二是法治宣传教育的针对性和实效性还不够强，群众参与度不高。三是基层法治建设力量薄弱，乡镇司法所人员配备不足。`)
	set := func(r *model.Report, id string, v float64) { r.SetFigure(id, model.NumberOf(v)) }
	set(last, "review_received", 120)
	set(last, "review_correction_rate", 9.1)
	set(last, "publicity_events", 40)
	set(last, "mediation_received", 900)

	this := model.NewReport(tp)
	this.Unit, this.Year = "青山县人民政府", 2024
	this.SetText("decisions", `修订完善县政府工作规则，将重大行政决策事项目录向社会公布，全年纳入目录管理的决策事项8项。`)
	this.SetText("enforcement", `出台《市场监管领域轻微违法行为不予处罚清单》，对首次轻微违法的经营主体依法不予处罚，全年适用清单办理案件36件。`)
	this.SetText("disputes", `全年受理行政复议申请132件，同比增长50%。行政复议纠错率由上年的9.1%降至4.2%。县公共法律服务中心于6月建成投入使用，整合律师、公证、调解等窗口。人民调解组织受理纠纷950件。`)
	this.SetText("publicity", `全年开展普法活动400场。`)
	this.SetText("shortcomings", `一是部分行政执法人员法治意识仍有待提升，执法不规范的问题依然存在。二是法治宣传教育的针对性和实效性还不够强，群众参与度不高。三是基层法治建设力量薄弱，乡镇司法所人员配备不足。`)
	this.SetText("plans", `2025年，一是深化行政复议体制改革。二是推进乡镇综合行政执法。`)
	set(this, "review_received", 132)
	this.SetFigure("review_correction_rate", model.Number{Value: 4.2, Text: "4.2"})
	set(this, "publicity_events", 400)
	set(this, "mediation_received", 950)
	return tp, last, this
}

func followFindings(res Result) map[string][]Finding {
	out := map[string][]Finding{}
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Rule, "followup.") || strings.HasPrefix(f.Rule, "plans.") {
			out[f.Rule] = append(out[f.Rule], f)
		}
	}
	return out
}

func TestFollowUpPair(t *testing.T) {
	tp, last, this := reportPair(t)
	this.Previous = followup.Attach(last, tp, "青山县2023.yaml", []byte("last year's bytes"))
	got := followFindings(Report(tp, this))

	var unfollowed []string
	for _, f := range got[RulePlansUnfollowed] {
		unfollowed = append(unfollowed, f.Message)
		if f.Severity != Warning || f.Section != "measures" {
			t.Errorf("plans.unfollowed: severity %v section %q", f.Severity, f.Section)
		}
	}
	sort.Strings(unfollowed)
	if len(unfollowed) != 2 || !strings.Contains(unfollowed[0]+unfollowed[1], "法治文化公园") || !strings.Contains(unfollowed[0]+unfollowed[1], "出庭应诉专项督查") {
		t.Errorf("unfollowed plans = %q, want the park and the court-appearance inspection", unfollowed)
	}

	ch := got[RuleFollowChange]
	if len(ch) != 1 || ch[0].Figure != "review_received" || !strings.Contains(ch[0].Message, "10.0%") || ch[0].Section != "disputes" {
		t.Errorf("followup.change = %+v, want the 50%% claim on review_received", ch)
	} else if *ch[0].Stated != 50 {
		t.Errorf("stated %v", *ch[0].Stated)
	}

	cp := got[RuleFollowCopied]
	if len(cp) != 1 || cp[0].Section != "shortcomings" || cp[0].Severity != Info || !strings.Contains(cp[0].Message, "%") {
		t.Errorf("followup.copied = %+v, want one on shortcomings", cp)
	}

	j := got[RuleFollowJump]
	if len(j) != 1 || j[0].Figure != "publicity_events" || !strings.Contains(j[0].Message, "10.0倍") {
		t.Errorf("followup.jump = %+v", j)
	}
	if len(got[RuleFollowPrevious]) != 0 {
		t.Errorf("unexpected %+v", got[RuleFollowPrevious])
	}

	// Followed plans come with the sentence that follows them up.
	var followed int
	for _, st := range FollowUp(tp, this) {
		if st.Followed {
			followed++
			if st.Match.Sentence.Text == "" || st.Match.Sentence.Section == "" {
				t.Errorf("followed plan without its sentence: %+v", st)
			}
		}
	}
	if followed != 3 {
		t.Errorf("followed %d plans, want 3", followed)
	}
}

func TestFollowUpNeedsPrevious(t *testing.T) {
	tp, _, this := reportPair(t)
	if got := followFindings(Report(tp, this)); len(got) != 0 {
		t.Errorf("follow-up findings without a previous report: %v", got)
	}
	if FollowUp(tp, this) != nil {
		t.Error("FollowUp without a previous report")
	}
}

func TestFollowUpWrongYearAndUnit(t *testing.T) {
	tp, last, this := reportPair(t)
	last.Year, last.Unit = 2021, "白水县人民政府"
	this.Previous = followup.Attach(last, tp, "x.yaml", nil)
	got := followFindings(Report(tp, this))[RuleFollowPrevious]
	if len(got) != 2 || !strings.Contains(got[0].Message, "2021") || !strings.Contains(got[1].Message, "白水县") {
		t.Errorf("followup.previous = %+v", got)
	}
}

func TestFollowUpRulesConfigurable(t *testing.T) {
	tp, last, this := reportPair(t)
	this.Previous = followup.Attach(last, tp, "x.yaml", nil)
	tp.Rules = map[string]string{RulePlansUnfollowed: "off", RuleFollowCopied: "warning"}
	got := followFindings(Report(tp, this))
	if len(got[RulePlansUnfollowed]) != 0 || len(got[RuleFollowCopied]) != 1 || got[RuleFollowCopied][0].Severity != Warning {
		t.Errorf("template rule settings not applied: %+v", got)
	}
}
