package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// runCheck fires the debounced check for the latest edit and takes its
// result, as the program loop does once typing pauses.
func runCheck(t *testing.T, a *App) {
	t.Helper()
	_, cmd := a.Update(checkTickMsg{seq: a.live.seq})
	drain(t, a, cmd)
}

// treeMark is the status glyph the tree shows for a section.
func treeMark(a *App, id string) string { return glyph(a.tree.status[a.c.index[id]]) }

// TestFigureFieldKeepsWhatWasTyped: whatever is typed stays in the field
// and is shown; text that is not a number is never a value, marks the
// section, is named on save and is saved as typed, not as something else.
func TestFigureFieldKeepsWhatWasTyped(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	path := filepath.Join(t.TempDir(), "d.yaml")
	a := newTestApp(t, r, tm, path, 100, 30)
	press(t, a, "ctrl+n") // decisions: 重大行政决策事项, 合法性审查件数, 规范性文件备案件数
	typeText(t, a, "依法决策。")
	press(t, a, "tab", "down") // second figure: legality_reviews
	for _, k := range []string{"1", "e", "2", "0"} {
		press(t, a, k) // key by key: "1" is a number, "1e" is not
	}
	if got := a.figures.fields[1].input.Value(); got != "1e20" {
		t.Fatalf("field holds %q, want 1e20", got)
	}
	mustContain(t, a, "[1e20", "无效，未计入")
	mustNotContain(t, a, "[120")
	if n, ok := r.Figure("legality_reviews"); ok {
		t.Fatalf("the draft holds %+v for a field showing 1e20", n)
	}
	if r.Invalid["legality_reviews"] != "1e20" {
		t.Fatalf("invalid text not kept: %q", r.Invalid)
	}
	if m := treeMark(a, "decisions"); m != "!" {
		t.Errorf("tree mark %q, want ! for an invalid figure", m)
	}

	// Twenty 9s: all twenty stay (no limit drops keys), none is a value.
	press(t, a, "down")
	typeText(t, a, strings.Repeat("9", 20))
	if got := a.figures.fields[2].input.Value(); got != strings.Repeat("9", 20) {
		t.Fatalf("field holds %q", got)
	}
	if _, ok := r.Figure("normative_filings"); ok {
		t.Fatal("an oversized number became a value")
	}
	runCheck(t, a)
	if m := treeMark(a, "decisions"); m != "!" {
		t.Errorf("after the check the tree mark is %q, want !", m)
	}

	press(t, a, "ctrl+s")
	// The status line starts with it; the whole list is in the message.
	mustContain(t, a, "以下内容无效未计入：")
	if want := "以下内容无效未计入：合法性审查件数“1e20”、规范性文件备案件数“99999999999999999999”"; !strings.HasSuffix(a.status.text, want) || !a.status.isErr {
		t.Errorf("save message %q, want it to end in %q", a.status.text, want)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `legality_reviews: "1e20"`) || strings.Contains(string(data), "legality_reviews: 1") ||
		strings.Contains(string(data), "999999999999999\n") {
		t.Fatalf("saved draft:\n%s", data)
	}

	// The saved draft opens, and the field shows what was typed.
	back, err := model.LoadReport(path)
	if err != nil {
		t.Fatalf("a draft with a wrong figure must open: %v", err)
	}
	b := newTestApp(t, back, tm, path, 100, 30)
	b.openSection(b.c.index["decisions"], focusFigures)
	mustContain(t, b, "[1e20", "无效，未计入")

	// Correcting it makes it a value again and saving says nothing more.
	press(t, a, "up")
	press(t, a, "backspace", "backspace", "backspace", "backspace")
	typeText(t, a, "12")
	press(t, a, "down")
	for range 20 {
		press(t, a, "backspace")
	}
	if n, ok := r.Figure("legality_reviews"); !ok || n.Text != "12" || len(r.Invalid) != 0 {
		t.Fatalf("figure %+v %v, invalid %v", n, ok, r.Invalid)
	}
	press(t, a, "ctrl+s")
	mustNotContain(t, a, "无效未计入")
}

// TestFigurePanelShowsWhatTheTextSays: after the check the panel shows
// each value the prose states with its sentence; enter on an empty field
// takes it; a typed value that differs is flagged at once and is a check
// finding; a required figure the text states counts as given.
func TestFigurePanelShowsWhatTheTextSays(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	a := newTestApp(t, r, tm, "", 120, 40)
	a.openSection(a.c.index["disputes"], focusProse)
	typeText(t, a, "全年收到行政复议申请25件，依法审结23件。全年发生行政应诉案件18件。")
	runCheck(t, a)
	mustContain(t, a, "行政复议收案数           [           ] 件  文中：25 件（“全年收到行政复议申请", "文中：18 件")
	mustNotContain(t, a, "文中：32") // no figure takes a number the text does not give it
	for _, f := range a.live.result.Findings {
		if f.Figure == "review_received" || f.Figure == "litigation_cases" {
			t.Errorf("a required figure the text states is reported: %+v", f)
		}
	}

	press(t, a, "tab") // review_received, empty; the detail line has the whole sentence
	mustContain(t, a, "行政复议收案数：回车采用：文中：25 件（“全年收到行政复议申请25件，依法审结23件")
	press(t, a, "enter")
	if n, ok := r.Figure("review_received"); !ok || n.Value != 25 {
		t.Fatalf("enter did not take the text's value: %+v %v", n, ok)
	}
	mustContain(t, a, "[25", "与文中一致")

	press(t, a, "down") // review_decided: type another number than the text's 23
	typeText(t, a, "32")
	mustContain(t, a, "与文中不符：23 件")
	runCheck(t, a)
	var found bool
	for _, f := range a.live.result.Findings {
		if f.Rule == "figure.prose-mismatch" && f.Figure == "review_decided" {
			found = strings.Contains(f.Message, "32件") && strings.Contains(f.Message, "23件")
		}
		if f.Rule == "figure.prose-mismatch" && f.Figure != "review_decided" {
			t.Errorf("look-alike reported: %+v", f)
		}
	}
	if !found {
		t.Fatalf("no mismatch finding for 32 against 23: %+v", a.live.result.Findings)
	}
}

// TestFigurePanelShowsTheOutcomesAdded: a 纠错 count the text gives only by
// its outcomes is offered as their sum, quoting the parts it added.
func TestFigurePanelShowsTheOutcomesAdded(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	a := newTestApp(t, r, tm, "", 120, 40)
	a.openSection(a.c.index["disputes"], focusProse)
	typeText(t, a, "全年收到行政复议申请52件，审结48件，其中维持36件、撤销5件、确认违法2件、责令履行1件。")
	runCheck(t, a)
	mustContain(t, a, "行政复议纠错数           [           ] 件  文中：8 件（“撤销5件+确认违法2件+")
}

// TestMetaFormYearNeverLies: a year that is not a year stays in the form as
// typed, marks 报告信息 in the tree, is named on save, and the draft keeps
// the year it had rather than something typed half-way.
func TestMetaFormYearNeverLies(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm) // year 2024
	path := filepath.Join(t.TempDir(), "d.yaml")
	a := newTestApp(t, r, tm, path, 100, 30)
	press(t, a, "f4", "down") // the year field
	press(t, a, "backspace", "backspace", "backspace", "backspace")
	typeText(t, a, "209x5") // five characters: none dropped
	if got := a.meta.inputs[metaYear].Value(); got != "209x5" {
		t.Fatalf("year field holds %q", got)
	}
	press(t, a, "ctrl+s")
	mustContain(t, a, "209x5", "未采用，年度仍为 2024", "以下内容无效未计入：年度“209x5”", "! 报告信息")
	back, err := model.LoadReport(path)
	if err != nil || back.Year != 2024 {
		t.Fatalf("saved year %d, %v", back.Year, err)
	}
	for range 5 {
		press(t, a, "backspace")
	}
	typeText(t, a, "2025")
	press(t, a, "ctrl+s")
	mustNotContain(t, a, "无效未计入", "! 报告信息")
	if back, _ := model.LoadReport(path); back.Year != 2025 {
		t.Fatalf("saved year %d, want 2025", back.Year)
	}
}
