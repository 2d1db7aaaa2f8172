package ui

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/check"
	"nianbao/internal/benchtext"
	"nianbao/model"
	"nianbao/render"
)

func TestGuidedNavigation(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	// A draft with unit and year opens on the first required section.
	if got := a.current().ID; got != "measures" {
		t.Fatalf("start section = %s, want measures", got)
	}
	mustContain(t, a, "一、上一年度推进法治政府建设的主要举措和成效（必填）")
	// ctrl+n walks required sections only: functions (optional) is skipped.
	press(t, a, "ctrl+n")
	if got := a.current().ID; got != "decisions" {
		t.Fatalf("after ctrl+n: %s, want decisions", got)
	}
	// Numbered as printed: the optional first subsection is empty.
	mustContain(t, a, "（一）推进行政决策科学化、民主化、法治化（必填）")
	press(t, a, "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
	if got := a.current().ID; got != "shortcomings" {
		t.Fatalf("after 5×ctrl+n: %s, want shortcomings (optional parts skipped)", got)
	}
	press(t, a, "ctrl+p")
	if got := a.current().ID; got != "publicity" {
		t.Fatalf("after ctrl+p: %s, want publicity", got)
	}
	// At the end, ctrl+n says where optional sections are instead of trapping.
	press(t, a, "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
	if got := a.current().ID; got != "other" {
		t.Fatalf("last required = %s", got)
	}
	mustContain(t, a, "已是最后一个必填章节")
}

func TestTreeJump(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	press(t, a, "ctrl+t")
	if a.focus != focusTree {
		t.Fatal("ctrl+t did not focus the tree")
	}
	// Row 0 is 报告信息, row 1 measures (current), row 2 functions.
	press(t, a, "down", "enter")
	if got := a.current().ID; got != "functions" {
		t.Fatalf("tree jump opened %s, want functions", got)
	}
	if a.focus != focusProse {
		t.Fatal("after a jump the prose should have focus")
	}
	// Not printed while empty, so no number yet.
	mustContain(t, a, "║ 依法全面履行政府职能（选填）", "-  依法全面履行政府职能")
	// esc goes to the tree, enter on the top row opens the metadata form.
	press(t, a, "esc", "up", "up", "up", "enter")
	if a.state != stateMeta {
		t.Fatalf("state = %v, want the metadata form", a.state)
	}
	mustContain(t, a, "报告单位", "绩溪县")
}

func TestTypingChineseUpdatesReport(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	path := filepath.Join(t.TempDir(), "d.yaml")
	a := newTestApp(t, r, tm, path, 100, 30)
	press(t, a, "ctrl+n") // decisions
	typeText(t, a, "全年审查重大行政决策")
	typeText(t, a, "１２件，")
	press(t, a, "backspace")
	typeText(t, a, "。")
	mustContain(t, a, "全年审查重大行政决策１２件。", "本节 14 字", "全文 14 字", "未保存")
	press(t, a, "ctrl+s")
	if got := r.Text("decisions"); got != "全年审查重大行政决策１２件。" {
		t.Fatalf("report text = %q", got)
	}
	mustContain(t, a, "已保存")
	back, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Text("decisions"); got != "全年审查重大行政决策１２件。" {
		t.Fatalf("saved text = %q", got)
	}
	if back.Cursor != "decisions" {
		t.Fatalf("saved cursor = %q, want decisions", back.Cursor)
	}
	// Reopening resumes at the stored section.
	b := newTestApp(t, back, tm, path, 100, 30)
	if b.current().ID != "decisions" {
		t.Fatalf("resumed at %s", b.current().ID)
	}
}

func TestComputedRateAndHint(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Hints = map[string]model.Number{"review_received": {Value: 30, Text: "30"}}
	r.SetFigure("review_decided", model.Number{Value: 23, Text: "23"})
	r.SetFigure("review_corrected", model.Number{Value: 2, Text: "2"})
	r.SetFigure("review_correction_rate", model.Number{Value: 8.69, Text: "8.69"})
	a := newTestApp(t, r, tm, "", 120, 40)
	i := a.c.index["disputes"]
	a.openSection(i, focusProse)
	mustContain(t, a, "去年 30件", "按行政复议审结数计算 8.70 %")
}

func TestResizeAndTinySizes(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	for _, sz := range [][2]int{{20, 5}, {1, 1}, {0, 0}, {59, 30}, {100, 15}, {60, 16}, {80, 24}, {200, 60}, {20, 5}} {
		a.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		out := screen(a)
		lines := strings.Split(out, "\n")
		if sz[0] > 0 && len(lines) > sz[1] {
			t.Fatalf("%dx%d: %d lines", sz[0], sz[1], len(lines))
		}
		for _, l := range lines {
			if w := ansiWidth(l); w > sz[0] {
				t.Fatalf("%dx%d: line %q is %d cells", sz[0], sz[1], l, w)
			}
		}
		small := sz[0] < minWidth || sz[1] < minHeight
		if small && sz[0] >= 20 && !strings.Contains(out, "窗口太小") {
			t.Fatalf("%dx%d: no size message:\n%s", sz[0], sz[1], out)
		}
		if !small && len(lines) != sz[1] {
			t.Fatalf("%dx%d: %d lines, want the full height", sz[0], sz[1], len(lines))
		}
	}
	// Text typed while too small is kept: it is in the section once the
	// window is large again.
	a.openSection(a.c.index["measures"], focusProse)
	a.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	typeText(t, a, "小窗口")
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContain(t, a, "小窗口")
	a.syncProse()
	if got := a.c.report.Sections["measures"]; !strings.Contains(got, "小窗口") {
		t.Fatalf("text typed behind the too-small screen was lost: %q", got)
	}
	// A question cannot be read behind it, so letters do not answer it:
	// ctrl+q, then "d" (不保存退出) typed as text, leaves the editor open.
	a.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	a.Update(tea.KeyMsg{Type: tea.KeyCtrlQ})
	if _, cmd := a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d")}); cmd != nil || a.state != stateConfirmQuit {
		t.Fatalf("a letter typed behind the too-small screen answered the quit question (state %v)", a.state)
	}
}

func TestQuitConfirmation(t *testing.T) {
	tm := stdTemplate(t)
	path := filepath.Join(t.TempDir(), "q.yaml")

	// Nothing changed: quits at once.
	a := newTestApp(t, draft(t, tm), tm, path, 100, 30)
	if !press(t, a, "ctrl+q") {
		t.Fatal("clean editor did not quit")
	}

	// Unsaved: asks; esc cancels and keeps the text.
	a = newTestApp(t, draft(t, tm), tm, path, 100, 30)
	typeText(t, a, "未保存的内容")
	if press(t, a, "ctrl+q") {
		t.Fatal("quit without asking")
	}
	mustContain(t, a, "有尚未保存的修改", "保存并退出", "不保存退出", "取消")
	press(t, a, "esc")
	mustNotContain(t, a, "有尚未保存的修改")
	mustContain(t, a, "未保存的内容")

	// A word typed on after ctrl+q answers nothing: only d drops.
	press(t, a, "ctrl+q")
	for _, k := range []string{"n", "i", "a", "n"} {
		if press(t, a, k) {
			t.Fatalf("%s quit", k)
		}
	}
	mustContain(t, a, "有尚未保存的修改")
	press(t, a, "esc")
	mustContain(t, a, "未保存的内容")

	// ctrl+c asks too; d quits without saving.
	press(t, a, "ctrl+c")
	mustContain(t, a, "有尚未保存的修改")
	if !press(t, a, "d") {
		t.Fatal("d did not quit")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("不保存退出 wrote the file")
	}

	// s saves, then quits.
	a = newTestApp(t, draft(t, tm), tm, path, 100, 30)
	typeText(t, a, "要保存的内容")
	press(t, a, "ctrl+q")
	if !press(t, a, "s") {
		t.Fatal("保存并退出 did not quit")
	}
	back, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Text("measures") != "要保存的内容" {
		t.Fatalf("saved %q", back.Text("measures"))
	}
}

func TestSaveAsksForFileName(t *testing.T) {
	tm := stdTemplate(t)
	t.Chdir(t.TempDir())
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	typeText(t, a, "正文")
	press(t, a, "ctrl+s")
	mustContain(t, a, "保存为", "绩溪县2024年度法治政府建设情况报告.yaml")
	press(t, a, "enter")
	back, err := model.LoadReport("绩溪县2024年度法治政府建设情况报告.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if back.Text("measures") != "正文" || back.Unit != "绩溪县" {
		t.Fatalf("saved %+v", back)
	}
	mustContain(t, a, "已保存")
}

func TestMetadataForm(t *testing.T) {
	tm := stdTemplate(t)
	r := model.NewReport(tm)
	a := newTestApp(t, r, tm, "", 100, 30)
	if a.state != stateMeta {
		t.Fatal("new draft should open on the metadata form")
	}
	// The tree is visible from the first screen.
	mustContain(t, a, "报告信息", "一、…的主要举措和成效", "二、…存在的不足和原因", "2024")
	typeText(t, a, "绩溪县")
	press(t, a, "enter")
	press(t, a, "ctrl+u")
	typeText(t, a, "20x4")
	press(t, a, "enter")
	mustContain(t, a, "应为四位年份")
	press(t, a, "up", "ctrl+u")
	typeText(t, a, "2023")
	press(t, a, "enter")
	mustNotContain(t, a, "应为四位年份")
	// The title is derived and shown while empty.
	mustContain(t, a, "绩溪县2023年度法治政府建设情况报告")
	press(t, a, "enter")
	typeText(t, a, "2024年3月1日")
	press(t, a, "enter")
	typeText(t, a, "张三 0563-1234567")
	press(t, a, "enter")
	if a.state != stateEdit {
		t.Fatal("the form did not hand over to the section walk")
	}
	if r.Unit != "绩溪县" || r.Year != 2023 || r.Date != "2024年3月1日" || r.Contact != "张三 0563-1234567" || r.Title != "" {
		t.Fatalf("report = %q %d %q %q %q", r.Unit, r.Year, r.Date, r.Contact, r.Title)
	}
	if got := r.DisplayTitle(tm); got != "绩溪县2023年度法治政府建设情况报告" {
		t.Fatalf("title = %q", got)
	}
	// Reachable later with F4; an edited title overrides the derived one.
	press(t, a, "f4", "down", "down")
	typeText(t, a, "关于绩溪县2023年法治政府建设情况的报告")
	press(t, a, "enter")
	if r.Title != "关于绩溪县2023年法治政府建设情况的报告" {
		t.Fatalf("title = %q", r.Title)
	}
}

func TestCheckIsDebounced(t *testing.T) {
	tm := stdTemplate(t)
	calls := 0
	counting := func(tm *model.Template, r *model.Report) check.Result {
		calls++
		return check.Report(tm, r)
	}
	a := newApp(Options{Report: draft(t, tm), Template: tm, check: counting}, testNow)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, s := range []string{"一", "二", "三", "四"} {
		_, cmd := a.Update(keyMsg(s))
		if cmd == nil {
			t.Fatal("an edit should schedule a check")
		}
	}
	if calls != 0 {
		t.Fatalf("check ran %d times while typing", calls)
	}
	// Only the tick of the last edit starts a check.
	if _, cmd := a.Update(checkTickMsg{seq: a.live.seq - 1}); cmd != nil {
		t.Fatal("a stale tick started a check")
	}
	_, cmd := a.Update(checkTickMsg{seq: a.live.seq})
	if cmd == nil {
		t.Fatal("the latest tick did not start a check")
	}
	a.Update(cmd())
	if calls != 1 {
		t.Fatalf("check ran %d times, want 1", calls)
	}
	if a.c.report.Text("measures") != "一二三四" {
		t.Fatalf("check saw %q", a.c.report.Text("measures"))
	}
}

func TestFindingsJumpToFigure(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	a.applyResult(check.Result{Completeness: 40, Findings: []check.Finding{
		{Rule: "figure.missing", Severity: check.Error, Section: "enforcement", Figure: "penalty_cases", Message: "必填数字“行政处罚案件数”未填写"},
	}})
	press(t, a, "f2")
	mustContain(t, a, "检查结果：1 个错误", "[错误] （二） 必填数字“行政处罚案件数”未填写", "完整度 40%")
	press(t, a, "enter")
	if a.current().ID != "enforcement" || a.focus != focusFigures {
		t.Fatalf("jumped to %s focus %v", a.current().ID, a.focus)
	}
	if f := a.figures.fields[a.figures.focus].fig.ID; f != "penalty_cases" {
		t.Fatalf("figure focus %s", f)
	}
	// The tree marks the section with errors.
	if a.tree.status[a.c.index["enforcement"]] != statusMissing {
		t.Fatalf("status %v", a.tree.status[a.c.index["enforcement"]])
	}
	// The panel is still open but the figures have the keyboard: F2 gives
	// it back to the panel, and only F2 inside the panel closes it.
	press(t, a, "f2")
	if a.focus != focusFindings {
		t.Fatalf("F2 after a jump: focus %v, want the findings panel", a.focus)
	}
	mustContain(t, a, "检查结果：")
	press(t, a, "f2")
	mustNotContain(t, a, "检查结果：")
}

func TestPreview(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.SetText("decisions", "全年审查文件12件。\n\n第二段。")
	r.SetText("shortcomings", "一是学法不够。")
	r.Date = "2025年3月1日"
	a := newTestApp(t, r, tm, "", 100, 30)
	press(t, a, "f3")
	mustContain(t, a, "绩溪县2024年度法治政府建设情况报告",
		"　　一、上一年度推进法治政府建设的主要举措和成效",
		"　　（一）推进行政决策科学化、民主化、法治化。全年审查文件12件。",
		"　　第二段。", "　　二、上一年度推进法治政府建设存在的不足和原因", "　　一是学法不够。")
	mustNotContain(t, a, "）依法全面履行政府职能") // optional and empty: not printed
	press(t, a, "f3")
	mustNotContain(t, a, "第二段")
}

func TestStatusMarks(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	a := newTestApp(t, r, tm, "", 100, 30)
	st := func(id string) sectionStatus { return a.tree.status[a.c.index[id]] }
	if st("other") != statusMissing || st("functions") != statusOptional {
		t.Fatalf("initial marks %v %v", st("other"), st("functions"))
	}
	a.openSection(a.c.index["other"], focusProse)
	typeText(t, a, "暂无")
	if st("other") != statusDone {
		t.Fatalf("other = %v after typing", st("other"))
	}
	a.openSection(a.c.index["publicity"], focusProse)
	typeText(t, a, "开展普法")
	if st("publicity") != statusStarted {
		t.Fatalf("short publicity = %v", st("publicity"))
	}
	// publicity prints as （四）: the optional first subsection is empty.
	mustContain(t, a, "~  （四）深入推进", "✓ 五、", "-  依法全面履行")
}

func TestExportWord(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir()) // where exports are recorded
	tm := stdTemplate(t)
	path := filepath.Join(t.TempDir(), "d.yaml")
	a := newTestApp(t, draft(t, tm), tm, path, 100, 30)
	press(t, a, "f5")
	mustContain(t, a, "请先保存草稿")
	typeText(t, a, "正文。")
	press(t, a, "ctrl+s")
	// F5 offers the formats; Enter takes Word.
	press(t, a, "f5")
	mustContain(t, a, "导出", "[w] Word 文档", "[p] PDF", "[m] Markdown", "[h] HTML 网页", "[t] 纯文本", "[esc] 取消")
	docx := filepath.Join(filepath.Dir(path), "d.docx")
	// The export is a command: nothing is written inside Update.
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if _, err := os.Stat(docx); err == nil {
		t.Fatal("Update wrote the file itself instead of returning a command")
	}
	drain(t, a, cmd)
	mustContain(t, a, "已导出 d.docx")
	if st, err := os.Stat(docx); err != nil || st.Size() == 0 {
		t.Fatalf("no docx: %v", err)
	}
	if a.state != stateEdit {
		t.Errorf("state %v after export, want the editor back", a.state)
	}

	// Esc cancels; the other keys pick their format.
	press(t, a, "f5", "esc")
	if a.state != stateEdit || a.dialogs.prompt != nil {
		t.Errorf("esc left state %v", a.state)
	}
	press(t, a, "f5", "m")
	mustContain(t, a, "已导出 d.md")
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "d.md")); err != nil || !strings.HasPrefix(string(b), "---\n") {
		t.Errorf("md export: %v", err)
	}

	// A file changed since nianbao wrote it (edited in Word) is not
	// overwritten at once; the same choice again backs it up and does.
	if err := os.WriteFile(docx, []byte("在 Word 里改过"), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, a, "f5", "w")
	mustContain(t, a, "未导出", "再导出一次")
	press(t, a, "f5", "w")
	mustContain(t, a, "已导出 d.docx")
}

// F5 → p writes a PDF through LibreOffice, off the update loop; without
// LibreOffice the message names the package to install.
func TestExportPDF(t *testing.T) {
	tm := stdTemplate(t)
	path := filepath.Join(t.TempDir(), "d.yaml")
	a := newTestApp(t, draft(t, tm), tm, path, 100, 30)
	typeText(t, a, "正文。")
	press(t, a, "ctrl+s", "f5")
	if _, err := exec.LookPath("soffice"); err != nil || testing.Short() {
		t.Setenv("PATH", t.TempDir())
		press(t, a, "p")
		mustContain(t, a, "导出失败", "libreoffice-writer-nogui")
		return
	}
	_, cmd := a.Update(keyMsg("p"))
	mustContain(t, a, "正在导出 PDF")
	// LibreOffice takes longer than drain waits; run the command tree here.
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch m := c().(type) {
		case tea.BatchMsg:
			for _, c := range m {
				run(c)
			}
		case exportedMsg:
			a.Update(m)
		}
	}
	run(cmd)
	mustContain(t, a, "已导出 d.pdf")
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(path), "d.pdf")); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("no PDF: %v", err)
	}
}

func TestFullHelpScrolls(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 80, 24)
	press(t, a, "f1")
	mustContain(t, a, "ctrl+n", "下一必填节")
	press(t, a, "pgdown", "pgdown", "pgdown", "pgdown", "pgdown")
	mustContain(t, a, "目录标记", "必填，尚未填写", "检查发现错误")
	press(t, a, "esc")
	if a.state != stateEdit {
		t.Fatal("esc did not leave the help")
	}
}

func TestLongSectionLoadsCompletely(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	long := benchtext.Prose(20000) + strings.Repeat("\n短段。", 12000) // also far past textarea's 10,000-line cut
	r.SetText("plans", long)
	path := filepath.Join(t.TempDir(), "long.yaml")
	a := newTestApp(t, r, tm, path, 100, 30)
	a.openSection(a.c.index["plans"], focusProse)
	if got, want := a.editor(a.cur).Len(), len([]rune(long)); got != want {
		t.Fatalf("editor holds %d characters, want %d", got, want)
	}
	press(t, a, "enter")
	typeText(t, a, "末段。")
	press(t, a, "ctrl+s")
	back, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Text("plans"); got != long+"\n末段。" {
		t.Fatalf("saved %d characters, tail %q", len([]rune(got)), string([]rune(got)[len([]rune(got))-10:]))
	}
}

func TestQuestionMarkIsTextInProseAndHelpInTree(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	typeText(t, a, "是否？?")
	if a.state != stateEdit {
		t.Fatal("? in prose opened the help")
	}
	press(t, a, "ctrl+t", "?")
	if a.state != stateHelp {
		t.Fatal("? in the tree did not open the help")
	}
	press(t, a, "esc")
	a.syncProse()
	if got := a.c.report.Text("measures"); got != "是否？?" {
		t.Fatalf("prose %q", got)
	}
}

// The font names from the settings reach the exported Word file.
func TestExportUsesSettingsFonts(t *testing.T) {
	tm := stdTemplate(t)
	path := filepath.Join(t.TempDir(), "d.yaml")
	a := newTestAppWith(t, Options{Report: draft(t, tm), Template: tm, Path: path, Fonts: model.FontsWindows}, 100, 30)
	typeText(t, a, "正文。")
	press(t, a, "ctrl+s", "f5", "enter")
	mustContain(t, a, "已导出 d.docx")
	data, err := os.ReadFile(filepath.Join(filepath.Dir(path), "d.docx"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/styles.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if !strings.Contains(string(b), `w:eastAsia="仿宋"`) || strings.Contains(string(b), "GB2312") {
				t.Errorf("styles do not use the Windows font names")
			}
		}
	}
}

// TestPreviewNumbersAsPrinted: the preview's headings are the export's,
// number for number, whichever optional sections are left empty (the
// preview once numbered by template place and printed （二） after an
// omitted （一）).
func TestPreviewNumbersAsPrinted(t *testing.T) {
	tm := stdTemplate(t)
	headings := func(text string) []string {
		var out []string
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimLeft(strings.TrimSpace(line), "　")
			if strings.HasPrefix(line, "（") || strings.Contains(line, "、上一年度") || strings.Contains(line, "、下一年度") || strings.Contains(line, "、其他") {
				if i := strings.Index(line, "。"); i > 0 {
					line = line[:i] // a run-in heading, then its paragraph
				}
				out = append(out, line)
			}
		}
		return out
	}
	for _, empty := range [][]string{nil, {"functions"}, {"functions", "emergencies", "digital"}, {"enforcement", "supervision"}} {
		r := draft(t, tm)
		for _, s := range tm.Flatten() {
			r.SetText(s.ID, "本节写了内容。")
		}
		for _, id := range empty {
			r.SetText(id, "")
		}
		var printed strings.Builder
		if err := render.Text(&printed, tm, r, render.Options{}); err != nil {
			t.Fatal(err)
		}
		want := headings(printed.String())
		got := headings(ansi.Strip(renderPlain(tm, r, 200, DefaultStyles())))
		if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) < 10 {
			t.Errorf("empty %v: preview headings\n%s\nprinted\n%s", empty, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestOutlineRenumbersWhileTyping: the outline numbers sections as they
// print; typing the first character into an empty optional section gives
// it a number and moves the numbers after it, and deleting it again takes
// them back.
func TestOutlineRenumbersWhileTyping(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	mustContain(t, a, "-  依法全面履行政府职能", "（一）推进行政决策科")
	a.openSection(a.c.index["functions"], focusProse)
	mustContain(t, a, "║ 依法全面履行政府职能（选填）") // the heading drawn before typing
	typeText(t, a, "甲")
	mustContain(t, a, "（一）依法全面履行政", "（二）推进行政决策科", "║ （一）依法全面履行政府职能（选填）")
	press(t, a, "backspace")
	mustContain(t, a, "-  依法全面履行政府职能", "（一）推进行政决策科")
	mustNotContain(t, a, "（二）推进行政决策科")
}

// TestUntouchedNewDraftQuitsAtOnce: a new draft whose form holds only the
// year nianbao suggested has nothing of the drafter's in it: ctrl+q quits
// without asking (it used to ask, and a killed editor left a recovery
// file whose only difference was that year). Typing the year makes it
// the drafter's.
func TestUntouchedNewDraftQuitsAtOnce(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, model.NewReport(tm), tm, "", 100, 30)
	mustContain(t, a, "请先填写报告信息")
	if !press(t, a, "ctrl+q") {
		t.Fatal("an untouched new draft asked before quitting")
	}
	a = newTestApp(t, model.NewReport(tm), tm, "", 100, 30)
	press(t, a, "enter") // to the year field
	typeText(t, a, "2025")
	if press(t, a, "ctrl+q") {
		t.Fatal("a typed year was dropped without asking")
	}
	mustContain(t, a, "有尚未保存的修改")
}

// TestCheckFaultKeepsTyping: a check that fails inside nianbao says so on
// the status line, keeps the last verdict and loses no typed text.
func TestCheckFaultKeepsTyping(t *testing.T) {
	tm := stdTemplate(t)
	faulty := func(*model.Template, *model.Report) check.Result { panic("index out of range") }
	a := newApp(Options{Report: draft(t, tm), Template: tm, check: faulty}, testNow)
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a.applyResult(check.Result{Completeness: 40})
	a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("全年办理行政处罚案件1,204件")})
	_, cmd := a.Update(checkTickMsg{seq: a.live.seq})
	if cmd == nil {
		t.Fatal("the latest tick did not start a check")
	}
	a.Update(cmd())
	mustContain(t, a, "检查时出现内部错误", "完整度 40%")
	a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("。")})
	a.syncProse()
	if got := a.c.report.Text("measures"); got != "全年办理行政处罚案件1,204件。" {
		t.Fatalf("text after the fault = %q", got)
	}
}
