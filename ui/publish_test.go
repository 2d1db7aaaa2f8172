package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/ui/textedit"
)

// leakyApp opens the editor on a draft whose disputes section names a
// party and gives a mobile number.
func leakyApp(t *testing.T, path string) *App {
	t.Helper()
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.SetText("disputes", "全年调解纠纷120件。\n申请人张建国与被申请人李某因宅基地纠纷申请调解，申请人手机13812345678。")
	a := newTestApp(t, r, tm, path, 120, 40)
	drain(t, a, a.Init())
	return a
}

// selectFinding moves the findings cursor to the first finding of rule.
func selectFinding(t *testing.T, a *App, rule string) {
	t.Helper()
	if !a.shown.findings {
		press(t, a, "f2")
	}
	if a.focus != focusFindings {
		drain(t, a, a.setFocus(focusFindings))
	}
	for i, f := range a.findings.items {
		if f.Rule == rule {
			a.findings.cursor = i
			return
		}
	}
	t.Fatalf("no %s finding in %+v", rule, a.findings.items)
}

func TestMaskPublishFindingAndUndo(t *testing.T) {
	a := leakyApp(t, "")
	press(t, a, "f2")
	mustContain(t, a, "138****5678")
	mustNotContain(t, a, "13812345678")
	named := false
	for _, f := range a.findings.items {
		named = named || f.Rule == check.RulePublishName && strings.Contains(f.Message, "张**")
		if strings.Contains(f.Message, "张建国") || strings.Contains(f.Message, "13812345678") {
			t.Errorf("finding repeats the data: %s", f.Message)
		}
	}
	if !named {
		t.Errorf("no name finding with 张**: %+v", a.findings.items)
	}

	selectFinding(t, a, check.RulePublishPhone)
	mustContain(t, a, "m 遮盖号码或姓名")
	press(t, a, "m")
	ed := a.editor(a.c.index["disputes"])
	if got := ed.Value(); !strings.Contains(got, "申请人手机138****5678。") || strings.Contains(got, "13812345678") {
		t.Fatalf("after m: %q", got)
	}
	if a.current().ID != "disputes" || a.focus != focusProse {
		t.Errorf("m should open the section in the prose editor, at %s focus %v", a.current().ID, a.focus)
	}
	mustContain(t, a, "已遮盖为“138****5678”")

	// ctrl+z in the prose editor takes the mask back.
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	drain(t, a, cmd)
	if got := ed.Value(); !strings.Contains(got, "13812345678") {
		t.Fatalf("undo: %q", got)
	}

	// A name becomes 张某某; after the check runs again its finding is gone.
	selectFinding(t, a, check.RulePublishName)
	press(t, a, "m")
	if got := ed.Value(); !strings.Contains(got, "申请人张某某与被申请人李某") {
		t.Fatalf("name not masked: %q", got)
	}
	a.syncProse()
	a.applyResult(check.Report(a.c.tmpl, a.c.report))
	for _, f := range a.findings.items {
		if f.Rule == check.RulePublishName {
			t.Errorf("name still flagged: %s", f.Message)
		}
	}
}

func TestMaskOffersOnlyMaskableFindings(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.SetText("disputes", "内部资料\n全年调解纠纷120件。")
	a := newTestApp(t, r, tm, "", 120, 40)
	drain(t, a, a.Init())
	selectFinding(t, a, check.RulePublishSecret)
	mustNotContain(t, a, "遮盖号码或姓名")
	press(t, a, "m")
	if got := a.editor(a.c.index["disputes"]).Value(); got != "内部资料\n全年调解纠纷120件。" {
		t.Errorf("m changed a marking: %q", got)
	}
}

func TestExportAsksBeforeWritingUnpublishable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	a := leakyApp(t, path)
	press(t, a, "ctrl+s")
	docx := filepath.Join(dir, "d.docx")

	press(t, a, "f5", "enter") // F5 asks the format; enter is Word
	mustContain(t, a, "未导出：有 2 处公开前须处理的内容")
	if _, err := os.Stat(docx); !os.IsNotExist(err) {
		t.Fatalf("first F5 wrote %s (%v)", docx, err)
	}
	press(t, a, "f5", "enter")
	mustContain(t, a, "已导出 d.docx")
	if st, err := os.Stat(docx); err != nil || st.Size() == 0 {
		t.Fatalf("second F5 wrote nothing: %v", err)
	}
	// The draft itself was saved despite the findings.
	if _, err := os.Stat(path); err != nil {
		t.Errorf("draft not saved: %v", err)
	}
}

func TestEnterOnPublishFindingPutsCursorOnIt(t *testing.T) {
	a := leakyApp(t, "")
	selectFinding(t, a, check.RulePublishPhone)
	press(t, a, "enter")
	if a.current().ID != "disputes" || a.focus != focusProse {
		t.Fatalf("enter opened %s focus %v", a.current().ID, a.focus)
	}
	ed := a.editor(a.cur).(*texteditEditor)
	// Line 2 of the section: 申请人张建国与被申请人李某因宅基地纠纷申请调解，申请人手机 is 29 characters.
	if got := ed.m.Cursor(); got != (textedit.Pos{P: 1, C: 29}) {
		t.Errorf("cursor %+v, want at the number", got)
	}
}
