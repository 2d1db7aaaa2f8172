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
	lineOf := func(sentence string) int {
		if lines == nil || lines.Text == "" || sentence == "" {
			return 0
		}
		if i := strings.Index(lines.Text, sentence); i >= 0 {
			return strings.Count(lines.Text[:i], "\n") + 1
		}
		return 0
	}
	if p.Year != 0 && r.Year != 0 && p.Year != r.Year-1 {
		c.add(Finding{Rule: RuleFollowPrevious, Message: sprintf("附上的去年报告是%d年度的，本报告是%d年度，应附%d年度的报告", p.Year, r.Year, r.Year-1)})
	}
	if p.Unit != "" && r.Unit != "" && p.Unit != r.Unit {
		c.add(Finding{Rule: RuleFollowPrevious, Message: sprintf("附上的去年报告单位是“%s”，本报告单位是“%s”", p.Unit, r.Unit)})
	}

	measures := ""
	if s := followup.TopSection(t, followup.RoleMeasures); s != nil {
		measures = s.ID
	}
	sentences := followup.Measures(t, r)
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
		line := 0
		if lines != nil {
			line = lines.Sections[measures]
		}
		c.add(Finding{Rule: RulePlansUnfollowed, Section: measures, Line: line, Message: msg})
	}

	figs := followup.Figures(t)
	for _, pr := range followup.CheckChanges(sentences, figs, r.Figures, p.Figures, p.Year) {
		stated, computed := pr.Stated, pr.Computed
		c.add(Finding{Rule: RuleFollowChange, Section: pr.Section, Figure: pr.Figure,
			Line: lineOf(pr.Sentence), Message: pr.Message, Stated: &stated, Computed: &computed})
	}

	for _, j := range followup.Jumps(figs, r.Figures, p.Figures) {
		f, sec := t.Figure(j.Figure)
		id := ""
		if sec != nil {
			id = sec.ID
		}
		times := j.Factor
		word := "增加到"
		if times < 1 {
			times, word = 1/times, "减少到"
		}
		prev, cur := j.Prev.Value, j.Cur.Value
		msg := sprintf("数字“%s”去年为%s%s，今年为%s%s，%s去年的%s倍，请核对是否输错", f.Label, j.Prev.Text, f.Unit, j.Cur.Text, f.Unit, word, strconv.FormatFloat(times, 'f', 1, 64))
		if times != j.Factor {
			msg = sprintf("数字“%s”去年为%s%s，今年为%s%s，减少到去年的%s分之一，请核对是否输错", f.Label, j.Prev.Text, f.Unit, j.Cur.Text, f.Unit, strconv.FormatFloat(times, 'f', 1, 64))
		}
		c.add(Finding{Rule: RuleFollowJump, Section: id, Figure: j.Figure, Line: figureLine(lines, j.Figure), Message: msg, Stated: &cur, Computed: &prev})
	}

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
			c.add(Finding{Rule: RuleFollowCopied, Section: part.ID, Line: lineOf(cp.Example),
				Message: sprintf("本节约 %d%% 的文字（%d 字）与去年报告相同或几乎相同，如“%s”", int(cp.Share*100), cp.Chars, model.Printable(followup.Shorten(cp.Example, 40)))})
		}
	}
}

func figureLine(lines *DocLines, id string) int {
	if lines == nil {
		return 0
	}
	return lines.Figures[id]
}
