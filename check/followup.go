package check

import (
	"strconv"
	"strings"

	"nianbao/followup"
	"nianbao/model"
)

// Rule ids of the follow-up group: they run only when last year's report is
// attached to the draft (model.Report.Previous).
const (
	RulePlansUnfollowed = "plans.unfollowed"
	RuleFollowChange    = "followup.change"
	RuleFollowCopied    = "followup.copied"
	RuleFollowJump      = "followup.jump"
	RuleFollowPrevious  = "followup.previous"
)

// FollowUp lists last year's plans with what this year's report says about
// each: the editor's panel and `check` show the followed ones with the
// sentence that follows them up. nil when no previous report is attached.
func FollowUp(t *model.Template, r *model.Report) []followup.PlanStatus {
	if r.Previous == nil || t == nil {
		return nil
	}
	return followUpOver(r, followup.Measures(t, r))
}

func followUpOver(r *model.Report, measures []followup.Sentence) []followup.PlanStatus {
	return followup.FollowUp(followup.SplitPlans(r.Previous.Plans), measures)
}

// followUp runs the follow-up group. lines is nil for drafts; for documents
// a finding about a sentence gets the line the sentence is on.
func (c *collector) followUp(t *model.Template, r *model.Report, lines *DocLines) {
	p := r.Previous
	if p == nil {
		return
	}
	c.section, c.sec = "", -1
	if p.Year != 0 && r.Year != 0 && p.Year != r.Year-1 {
		c.add(Finding{Rule: RuleFollowPrevious, Message: sprintf("附上的去年报告是%d年度的，本报告是%d年度，应附%d年度的报告", p.Year, r.Year, r.Year-1)})
	}
	if p.Unit != "" && r.Unit != "" && p.Unit != r.Unit {
		c.add(Finding{Rule: RuleFollowPrevious, Message: sprintf("附上的去年报告单位是“%s”，本报告单位是“%s”", p.Unit, r.Unit)})
	}
	sentences := followup.Measures(t, r)
	c.unfollowedPlans(t, r, sentences, lines)
	figs := followup.Figures(t)
	for _, pr := range followup.CheckChanges(sentences, figs, r.Figures, p.Figures, p.Year) {
		stated, computed := pr.Stated, pr.Computed
		c.add(Finding{Rule: RuleFollowChange, Section: pr.Section, Figure: pr.Figure,
			Line: sentenceLine(lines, pr.Sentence), Message: pr.Message, Stated: &stated, Computed: &computed})
	}
	c.jumps(t, figs, r, lines)
	c.copied(t, r, lines)
}

// unfollowedPlans reports each of last year's plans with no trace, on the
// measures part (where the follow-up belongs).
func (c *collector) unfollowedPlans(t *model.Template, r *model.Report, sentences []followup.Sentence, lines *DocLines) {
	measures, line := "", 0
	if s := followup.TopSection(t, followup.RoleMeasures); s != nil {
		measures = s.ID
	}
	if lines != nil {
		line = lines.Sections[measures]
	}
	for _, st := range followUpOver(r, sentences) {
		if st.Followed {
			continue
		}
		msg := sprintf("去年报告的工作安排“%s”在今年的报告中没有找到落实情况", st.Plan.Name())
		if st.Match.Shared > 0 && st.Match.Score >= 0.15 {
			// Only a near miss is worth showing: it may be the follow-up
			// in words the comparison did not recognise.
			msg += sprintf("（按字词比对，最接近的是“%s”）", model.Printable(followup.Shorten(st.Match.Sentence.Text, 40)))
		}
		c.add(Finding{Rule: RulePlansUnfollowed, Section: measures, Line: line, Message: msg})
	}
}

// jumps reports counts and amounts that changed ×3 or more since last year.
func (c *collector) jumps(t *model.Template, figs []followup.FigureInfo, r *model.Report, lines *DocLines) {
	for _, j := range followup.Jumps(figs, r.Figures, r.Previous.Figures) {
		f, sec := t.Figure(j.Figure)
		if f == nil {
			continue
		}
		id := ""
		if sec != nil {
			id = sec.ID
		}
		how := sprintf("增加到去年的%s倍", strconv.FormatFloat(j.Factor, 'f', 1, 64))
		if j.Factor < 1 {
			how = sprintf("减少到去年的%s分之一", strconv.FormatFloat(1/j.Factor, 'f', 1, 64))
		}
		line := 0
		if lines != nil {
			line = lines.Figures[j.Figure]
		}
		c.add(Finding{Rule: RuleFollowJump, Section: id, Figure: j.Figure, Line: line,
			Message: sprintf("数字“%s”去年为%s%s，今年为%s%s，%s，请核对是否输错", f.Label, j.Prev.Text, f.Unit, j.Cur.Text, f.Unit, how)})
	}
}

// copied reports this year's shortcomings and plans that repeat last
// year's.
func (c *collector) copied(t *model.Template, r *model.Report, lines *DocLines) {
	p := r.Previous
	for _, pair := range []struct {
		role followup.Role
		last string
	}{{followup.RoleShortcomings, p.Shortcomings}, {followup.RolePlans, p.Plans}} {
		if strings.TrimSpace(pair.last) == "" {
			continue
		}
		for _, part := range followup.Parts(t, r, pair.role) {
			cp := followup.Copied(pair.last, part.Text)
			if !cp.Repeated() {
				continue
			}
			c.add(Finding{Rule: RuleFollowCopied, Section: part.ID, Line: sentenceLine(lines, cp.Example),
				Message: sprintf("本节约 %d%% 的文字（%d 字）与去年报告相同或几乎相同，如“%s”", int(cp.Share*100), cp.Chars, model.Printable(followup.Shorten(cp.Example, 40)))})
		}
	}
}

// sentenceLine is the document line a sentence is on; 0 for drafts.
func sentenceLine(lines *DocLines, sentence string) int {
	if lines == nil || lines.Text == "" || sentence == "" {
		return 0
	}
	if i := strings.Index(lines.Text, sentence); i >= 0 {
		return strings.Count(lines.Text[:i], "\n") + 1
	}
	return 0
}
