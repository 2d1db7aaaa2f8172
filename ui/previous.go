package ui

import (
	"fmt"
	"nianbao/followup"
	"nianbao/model"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// Last year's report beside this year's: the list of last year's plans,
// each marked followed or not yet, under the measures and plans sections;
// and F7 to attach last year's report from inside the editor.

// followUpState is the editor's view of last year's plans.
type followUpState struct {
	statuses  []followup.PlanStatus
	reference bool // the plans come from the draft's reference text, not an attached report
	gen       int  // latest computation asked for; older results are dropped
}

// startFollowUp attaches the report given with edit --previous and builds
// the plans list.
func (a *App) startFollowUp(opts Options) {
	if opts.Attach != nil && a.c.report.Previous != opts.Attach {
		followup.AttachTo(a.c.report, a.c.tmpl, opts.Attach)
		a.file.editGen++ // unsaved until the drafter saves
	}
	a.follow = newFollowUpState(a.c.tmpl, a.c.report)
}

func newFollowUpState(t *model.Template, r *model.Report) followUpState {
	st, ref := computeFollowUp(t, r)
	return followUpState{statuses: st, reference: ref}
}

// computeFollowUp matches last year's plans against this year's measures.
// Pure; it runs when the editor is built and in followUpCmd, never per key.
func computeFollowUp(t *model.Template, r *model.Report) ([]followup.PlanStatus, bool) {
	text, ref := followup.PlansSource(t, r)
	if strings.TrimSpace(text) == "" {
		return nil, false
	}
	return followup.FollowUp(followup.SplitPlans(text), followup.Measures(t, r)), ref
}

// followUpMsg carries plan statuses computed off the update loop.
type followUpMsg struct {
	gen       int
	statuses  []followup.PlanStatus
	reference bool
}

// followUpCmd recomputes the marks after a check, on a snapshot, so they
// follow the drafter's typing at the check's pace.
func (a *App) followUpCmd() tea.Cmd {
	if a.c.report.Previous == nil && len(a.follow.statuses) == 0 {
		return nil
	}
	a.follow.gen++
	gen, t, snap := a.follow.gen, a.c.tmpl, a.c.report.Snapshot()
	return func() tea.Msg {
		st, ref := computeFollowUp(t, snap)
		return followUpMsg{gen: gen, statuses: st, reference: ref}
	}
}

func (a *App) applyFollowUp(msg followUpMsg) {
	if msg.gen != a.follow.gen {
		return
	}
	rows := len(a.follow.statuses)
	a.follow.statuses, a.follow.reference = msg.statuses, msg.reference
	if len(msg.statuses) != rows {
		a.relayout()
	}
}

// previousLoadedMsg carries last year's report read by Options.LoadPrevious.
type previousLoadedMsg struct {
	path string
	prev *model.Previous
	err  error
}

func loadPreviousCmd(load func(string) (*model.Previous, error), path string) tea.Cmd {
	return func() tea.Msg {
		p, err := load(path)
		return previousLoadedMsg{path: path, prev: p, err: err}
	}
}

func (a *App) previousLoaded(msg previousLoadedMsg) tea.Cmd {
	if msg.err != nil {
		a.status.fail("未能附上去年的报告：" + msg.err.Error())
		return nil
	}
	a.syncProse()
	followup.AttachTo(a.c.report, a.c.tmpl, msg.prev)
	a.follow.statuses, a.follow.reference = computeFollowUp(a.c.tmpl, a.c.report)
	done := 0
	for _, s := range a.follow.statuses {
		if s.Followed {
			done++
		}
	}
	a.status.say(fmt.Sprintf("已附上去年的报告 %s：工作安排 %d 项，已见落实 %d 项", msg.path, len(a.follow.statuses), done))
	a.relayout()
	return a.edited()
}

// showsPlans says whether the current section lists last year's plans:
// the sections reporting this year's work, and next year's plans.
func (a *App) showsPlans() bool {
	if len(a.follow.statuses) == 0 || !a.shown.guidance {
		return false
	}
	i := a.cur
	for a.c.parent[i] >= 0 {
		i = a.c.parent[i]
	}
	return followup.RoleOf(a.c.sections[i]) != followup.RoleShortcomings
}

// planRows is how many rows the plans list takes out of rest: its title
// and one row per plan, at most a third of the pane.
func (a *App) planRows(rest int) int {
	if !a.showsPlans() {
		return 0
	}
	return min(len(a.follow.statuses)+1, max(2, rest/3))
}

// plansView draws the list: ✓ followed (with the sentence that follows it
// up), ○ not found yet.
func (a *App) plansView() string {
	st := a.c.styles
	l := a.lay
	done := 0
	for _, s := range a.follow.statuses {
		if s.Followed {
			done++
		}
	}
	title := fmt.Sprintf("去年工作安排 已见落实 %d/%d（ctrl+g 收起）", done, len(a.follow.statuses))
	if a.follow.reference {
		title = fmt.Sprintf("去年工作安排（参考）已见落实 %d/%d", done, len(a.follow.statuses))
	}
	lines := []string{st.Section.Rule.Render(ruleLine(title, l.innerW))}
	shown := a.follow.statuses
	if n := l.planRows - 1; len(shown) > n {
		shown = shown[:max(0, n)]
	}
	for i, s := range shown {
		var row string
		if s.Followed {
			row = "✓ " + s.Plan.Name() + " ← " + s.Match.Sentence.Text
		} else {
			row = "○ " + s.Plan.Name() + "（未见落实）"
		}
		if i == len(shown)-1 && len(shown) < len(a.follow.statuses) {
			row = fmt.Sprintf("… 另有 %d 项（F2 检查结果中列出未落实的）", len(a.follow.statuses)-len(shown)+1)
		}
		row = ansi.Truncate(model.Printable(row), l.innerW, "…")
		if s.Followed {
			row = st.Figure.Computed.Render(row)
		} else {
			row = st.Figure.Warning.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// lastYear is a figure's value last year: from the attached report, else
// the hint a draft started from last year's carries.
func lastYear(r *model.Report, id string) (model.Number, bool) {
	if r.Previous != nil {
		if n, ok := r.Previous.Figures[id]; ok {
			return n, true
		}
	}
	n, ok := r.Hints[id]
	return n, ok
}
