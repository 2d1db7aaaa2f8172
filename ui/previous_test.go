package ui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/followup"
	"nianbao/model"
)

// lastYear2023 is a unit's report for 2023, written for these tests.
func lastYear2023(tm *model.Template) *model.Report {
	r := model.NewReport(tm)
	r.Unit, r.Year = "绩溪县", 2023
	r.SetText("plans", "一是修订县政府工作规则，健全重大行政决策目录管理制度。二是建设县级公共法律服务中心，为群众提供一站式服务。三是开展行政机关负责人出庭应诉专项督查。")
	r.SetText("shortcomings", "基层法治建设力量薄弱，乡镇司法所人员配备不足。")
	r.SetFigure("review_received", model.NumberOf(120))
	r.SetFigure("review_decided", model.NumberOf(110))
	return r
}

func withPrevious(t *testing.T, cursor string) (*App, *model.Report) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Cursor = cursor
	r.SetText("decisions", "修订完善县政府工作规则，将重大行政决策事项目录向社会公布。")
	r.SetFigure("review_received", model.NumberOf(132))
	followup.AttachTo(r, tm, followup.Attach(lastYear2023(tm), tm, "2023.yaml", nil))
	return newTestApp(t, r, tm, "", 100, 40), r
}

// recheck runs the debounced check now, as its timer would, and feeds the
// results (check, then plan marks) back.
func recheck(t *testing.T, a *App) {
	t.Helper()
	_, cmd := a.Update(checkTickMsg{seq: a.live.seq})
	drain(t, a, cmd)
}

func TestPlansPanelMarksFollowUpAsTheDrafterTypes(t *testing.T) {
	a, _ := withPrevious(t, "disputes")
	mustContain(t, a, "去年工作安排 已见落实 1/3",
		"✓ 修订县政府工作规则，健全重大行政决策目录管理制度 ← 修订完善县政",
		"○ 建设县级公共法律服务中心，为群众提供一站式服务（未见落实）",
		"○ 开展行政机关负责人出庭应诉专项督查（未见落实）")
	typeText(t, a, "县公共法律服务中心建成投入使用，为群众提供法律服务。")
	mustContain(t, a, "已见落实 1/3") // marks follow the check, not every key
	recheck(t, a)
	mustContain(t, a, "已见落实 2/3", "✓ 建设县级公共法律服务中心，为群众提供一站式服务 ← 县")
	mustNotContain(t, a, "服务中心，为群众提供一站式服务（未见落实）")

	// ctrl+g hides it with the guidance.
	press(t, a, "ctrl+g")
	mustNotContain(t, a, "去年工作安排")
}

func TestPlansPanelOnlyBesideMeasuresAndPlans(t *testing.T) {
	a, _ := withPrevious(t, "shortcomings")
	mustNotContain(t, a, "去年工作安排")
	a, _ = withPrevious(t, "plans")
	mustContain(t, a, "去年工作安排 已见落实 1/3")
}

func TestLastYearValueBesideFigure(t *testing.T) {
	a, _ := withPrevious(t, "disputes")
	// Filled (132) and empty (审结) fields both show last year's value.
	mustContain(t, a, "去年 120件", "去年 110件")
}

func TestPlansFromReferenceWithoutPrevious(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Cursor = "decisions"
	r.Reference = map[string]string{"measures": lastYear2023(tm).Text("plans")}
	a := newTestApp(t, r, tm, "", 100, 40)
	mustContain(t, a, "去年工作安排（参考）已见落实 0/3", "○ 开展行政机关负责人出庭应诉专项督查（未见落实）")
}

func TestAttachPreviousWithF7(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Cursor = "decisions"
	var asked []string
	load := func(path string) (*model.Previous, error) {
		asked = append(asked, path)
		if path == "坏.docx" {
			return nil, errors.New("坏.docx: 无法读取去年的报告：文件不存在")
		}
		return followup.Attach(lastYear2023(tm), tm, path, []byte("x")), nil
	}
	a := newTestAppWith(t, Options{Report: r, Template: tm, LoadPrevious: load}, 100, 40)
	mustNotContain(t, a, "去年工作安排")

	press(t, a, "f7")
	mustContain(t, a, "附上去年的报告（草稿 .yaml，或 .docx、.txt 等文档）", "enter 附上")
	typeText(t, a, "坏.docx")
	press(t, a, "enter")
	mustContain(t, a, "未能附上去年的报告")
	if r.Previous != nil {
		t.Fatal("a failed load attached something")
	}

	press(t, a, "f7")
	typeText(t, a, "2023年度报告.docx")
	press(t, a, "enter")
	if len(asked) != 2 || asked[1] != "2023年度报告.docx" {
		t.Fatalf("loader asked for %q", asked)
	}
	if r.Previous == nil || r.Previous.File != "2023年度报告.docx" || r.Hints["review_decided"].Value != 110 {
		t.Fatalf("previous %+v hints %v", r.Previous, r.Hints)
	}
	mustContain(t, a, "已附上去年的报告 2023年度报告.docx", "去年工作安排 已见落实 0/3")
	if !a.dirty() {
		t.Error("attaching last year's report must mark the draft changed")
	}
	// The check now runs the follow-up rules.
	recheck(t, a)
	n := 0
	for _, f := range a.live.result.Findings {
		if f.Rule == "plans.unfollowed" {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d plans.unfollowed findings, want 3", n)
	}

	// esc leaves the question without loading.
	press(t, a, "f7", "esc")
	if len(asked) != 2 {
		t.Errorf("esc loaded %q", asked)
	}
}

func TestF7WithoutLoader(t *testing.T) {
	a := newTestApp(t, draft(t, stdTemplate(t)), stdTemplate(t), "", 100, 30)
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyF7})
	drain(t, a, cmd)
	if !strings.Contains(screen(a), "此处不能附上去年的报告") {
		t.Errorf("no explanation:\n%s", screen(a))
	}
}

func TestAttachAtStart(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Cursor = "decisions"
	p := followup.Attach(lastYear2023(tm), tm, "2023.docx", nil)
	a := newTestAppWith(t, Options{Report: r, Template: tm, Attach: p}, 100, 40)
	if r.Previous != p || r.Hints["review_received"].Value != 120 {
		t.Fatalf("previous %+v hints %v", r.Previous, r.Hints)
	}
	if !a.dirty() {
		t.Error("a report attached at start must be saved like any change")
	}
	mustContain(t, a, "去年工作安排 已见落实 0/3")
}

// At the smallest size the list still fits: the frame keeps its height and
// the prose keeps at least one row.
func TestPlansPanelAtMinimumSize(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Cursor = "disputes"
	followup.AttachTo(r, tm, followup.Attach(lastYear2023(tm), tm, "2023.yaml", nil))
	for _, size := range [][2]int{{minWidth, minHeight}, {80, 20}, {120, 50}} {
		a := newTestApp(t, r, tm, "", size[0], size[1])
		lines := strings.Split(screen(a), "\n")
		if len(lines) != size[1] {
			t.Errorf("%v: %d lines", size, len(lines))
		}
		for i, l := range lines {
			if w := ansiWidth(l); w > size[0] {
				t.Errorf("%v: line %d is %d wide", size, i, w)
			}
		}
		if a.lay.editorRows < 1 || a.lay.planRows < 2 {
			t.Errorf("%v: editor %d rows, plans %d rows", size, a.lay.editorRows, a.lay.planRows)
		}
		mustContain(t, a, "去年工作安排")
	}
}
