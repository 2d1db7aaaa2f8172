package ui

import (
	"bytes"
	"strings"
	"testing"

	"nianbao/check"
	"nianbao/internal/zhtext"
	"nianbao/ui/termcursor"
)

// Enter on a prose finding puts the cursor on the text it quotes, so the
// drafter lands on what to change, not at the end of the section.
func TestFindingsJumpPutsCursorOnQuotedText(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.SetText("disputes", "全年办理行政应诉案件48件，败诉3件，败诉率4.2%。\n人民调解组织受理纠纷120件。")
	a := newTestApp(t, r, tm, "", 100, 30)
	a.applyResult(check.Result{Completeness: 60, Findings: []check.Finding{
		{Rule: "prose.rate", Severity: check.Warning, Section: "disputes", Message: "“败诉率4.2%”与同一句中的数字不符：3件 ÷ 48件 = 6.25%"},
	}})
	press(t, a, "f2", "enter")
	if a.current().ID != "disputes" || a.focus != focusProse {
		t.Fatalf("jumped to %s focus %v", a.current().ID, a.focus)
	}
	ed := a.editor(a.cur).(*texteditEditor)
	cur := ed.m.Cursor()
	line := strings.Split(ed.Value(), "\n")[cur.P]
	if got := string([]rune(line)[cur.C:]); !strings.HasPrefix(got, "败诉率4.2%") {
		t.Fatalf("cursor at %+v, before %q; want it on the quoted text", cur, got)
	}
}

// The selected finding is shown whole, however long, wrapped in the panel.
func TestSelectedFindingIsShownWhole(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 80, 24)
	long := "“纠错率1.04%”与同一句中的数字不符：纠错5件 ÷ 审结48件 = 10.42%，按收案50件计算为10.00%，都与所写的1.04%相差很大，可能是小数点位置写错"
	a.applyResult(check.Result{Findings: []check.Finding{{Rule: "prose.rate", Severity: check.Error, Section: "disputes", Message: long}}})
	press(t, a, "f2")
	flat := strings.Join(strings.Fields(strings.NewReplacer("│", "", "║", "", "┃", "").Replace(screen(a))), "")
	if !strings.Contains(flat, "可能是小数点位置写错") {
		t.Fatalf("the end of the selected finding is not on screen:\n%s", screen(a))
	}
}

// Copying confirms how much was copied and queues the OSC 52 sequence that
// puts it on the system clipboard.
func TestCopyReachesSystemClipboard(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.SetText("measures", "依法行政")
	a := newTestApp(t, r, tm, "", 100, 30)
	a.env.cursor = &termcursor.Target{}
	drain(t, a, a.openSection(a.c.index["measures"], focusProse))
	press(t, a, "ctrl+a", "ctrl+c")
	mustContain(t, a, "已复制 4 字")
	pending := a.env.cursor.TakePending()
	if len(pending) != 1 || !strings.HasPrefix(pending[0], "\x1b]52;c;") {
		t.Fatalf("pending terminal sequences %q, want one OSC 52", pending)
	}
	if quit := press(t, a, "ctrl+c"); quit {
		t.Fatal("ctrl+c with the selection kept must not quit")
	}
}

// With neither VISUAL nor EDITOR set, ctrl+e explains what to set instead
// of starting vi; from a figure field it does nothing.
func TestExternalEditorNeedsEDITOR(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	press(t, a, "ctrl+n")
	if _, cmd := a.Update(keyMsg("ctrl+e")); cmd != nil {
		t.Fatal("ctrl+e started something with no editor set")
	}
	mustContain(t, a, "未设置外部编辑器")
	t.Setenv("EDITOR", "nano")
	a.focus = focusFigures
	if _, cmd := a.Update(keyMsg("ctrl+e")); cmd != nil {
		t.Fatal("ctrl+e from a figure field started the external editor")
	}
}

// F1 lists the prose keys that work only sometimes (undo, redo, copy,
// cut, paste), whether or not they would do something right now.
func TestHelpListsEditingKeys(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 120, 40)
	press(t, a, "ctrl+n", "f1")
	for _, want := range []string{"ctrl+z", "撤销", "ctrl+y", "重做", "ctrl+c", "复制所选", "ctrl+x", "剪切所选", "ctrl+v", "粘贴"} {
		mustContain(t, a, want)
	}
}

// An undo never reaches back across a save: the text typed before saving
// stays when the next burst is undone.
func TestUndoStopsAtSave(t *testing.T) {
	tm := stdTemplate(t)
	path := t.TempDir() + "/u.yaml"
	a := newTestApp(t, draft(t, tm), tm, path, 100, 30)
	press(t, a, "ctrl+n")
	typeText(t, a, "依法")
	press(t, a, "ctrl+s")
	typeText(t, a, "行政")
	press(t, a, "ctrl+z")
	if got := a.editor(a.cur).Value(); got != "依法" {
		t.Fatalf("after save, type, undo: %q, want 依法", got)
	}
}

// The output writer sends queued terminal sequences once, before the next
// frame, so Update itself never writes to the terminal.
func TestCursorWriterSendsPendingOnce(t *testing.T) {
	target := &termcursor.Target{}
	w := termcursor.NewWriter(nil, target)
	target.Send("\x1b]52;c;5L6d5rOV\x07")
	var b bytes.Buffer
	w.Wrap(&b, []byte("frame1"))
	if got := b.String(); got != "\x1b]52;c;5L6d5rOV\x07frame1" {
		t.Fatalf("first write %q", got)
	}
	b.Reset()
	w.Wrap(&b, []byte("frame2"))
	if got := b.String(); got != "frame2" {
		t.Fatalf("second write %q, want the sequence sent only once", got)
	}
}

// An empty findings panel takes a header row, not a third of the screen:
// at 80×24 the prose keeps its rows.
func TestEmptyFindingsPanelIsSmall(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 80, 24)
	press(t, a, "ctrl+n")
	before := a.lay.editorRows
	a.applyResult(check.Result{Completeness: 100})
	press(t, a, "f2")
	frame := a.c.styles.Pane.GetVerticalFrameSize()
	if a.lay.findingsH != frame+1 {
		t.Fatalf("empty findings pane is %d rows high, want %d", a.lay.findingsH, frame+1)
	}
	if lost := before - a.lay.editorRows; lost > frame+1 {
		t.Fatalf("opening the empty panel took %d prose rows", lost)
	}
	mustContain(t, a, "检查结果：未发现问题")
}

// A message too long for the status bar takes the help line's row until
// the next key, so it is read whole instead of cut.
func TestLongMessageIsShownWhole(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	press(t, a, "ctrl+n")
	for i := 0; i < 20; i++ {
		press(t, a, "ctrl+n")
	}
	want := "已是最后一个必填章节；选填章节请在目录（ctrl+t）中选择"
	mustContain(t, a, want)
	press(t, a, "ctrl+g")
	mustNotContain(t, a, want)
	mustContain(t, a, "F1 全部按键")
}

// Typing a character and deleting it leaves the draft as the disk holds
// it: no 未保存, no question on quit. The same after a save.
func TestTypeAndDeleteLeavesDraftUnmodified(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	r, path := savedDraft(t, "原有内容。")
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	drain(t, a, a.openSection(a.c.index["measures"], focusProse))
	typeText(t, a, "新")
	if !a.dirty() {
		t.Fatal("typing did not mark the draft modified")
	}
	press(t, a, "backspace")
	if a.dirty() {
		t.Fatal("after typing and deleting a character the draft is still modified")
	}
	mustNotContain(t, a, "未保存")
	// After a save the saved text is the new baseline.
	typeText(t, a, "又")
	press(t, a, "ctrl+s")
	typeText(t, a, "再")
	press(t, a, "backspace")
	if a.dirty() {
		t.Fatal("back at the saved text, still modified")
	}
	press(t, a, "backspace")
	if !a.dirty() {
		t.Fatal("deleting a saved character did not mark the draft modified")
	}
	if quit := press(t, a, "ctrl+q"); quit {
		t.Fatal("quit without asking with a change unsaved")
	}
}

// 字数 counts characters as check does: paragraph breaks and blanks are
// not characters, so the editor and section.short agree.
func TestCharCountSkipsParagraphBreaks(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, draft(t, tm), tm, "", 100, 30)
	drain(t, a, a.openSection(a.c.index["measures"], focusProse))
	typeText(t, a, "依法行政。")
	press(t, a, "enter")
	typeText(t, a, "\u3000\u3000严格执法。")
	mustContain(t, a, "本节 10 字")
	if got, want := a.live.lens[a.cur], zhtext.CountChars(a.editor(a.cur).Value()); got != want {
		t.Fatalf("editor counts %d, zhtext.CountChars %d", got, want)
	}
}
