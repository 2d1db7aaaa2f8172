package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// crashedSession is an editor that no longer runs (a PID above any the
// kernel hands out, on this boot): its recovery files are orphans.
var crashedSession = model.Session{PID: 2147483000, Start: 1, Boot: model.ThisSession().Boot}

func otherCrashed(n int) model.Session {
	s := crashedSession
	s.PID += n
	return s
}

// TestAutosaveWhileTypingContinuously: the pause timer never fires (the
// test tick is nil), as when someone types without stopping; the recovery
// file is still written every autosaveEvery edits.
func TestAutosaveWhileTypingContinuously(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	rec := model.AutosavePath(path, model.ThisSession())
	for range autosaveEvery - 1 {
		typeText(t, a, "字")
	}
	if exists(rec) {
		t.Fatal("wrote before the edit count was reached")
	}
	typeText(t, a, "尾")
	if got := readFile(t, rec); !strings.Contains(got, strings.Repeat("字", autosaveEvery-1)+"尾") {
		t.Fatalf("recovery file after %d edits:\n%s", autosaveEvery, got)
	}
}

// TestAutosaveAtMaximumInterval: slow steady typing (one key a second,
// never a pause long enough for the timer) is written once autosaveMaxWait
// has passed since the first unwritten edit.
func TestAutosaveAtMaximumInterval(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	clock := testNow()
	a.env.now = func() time.Time { return clock }
	rec := model.AutosavePath(path, model.ThisSession())
	n := 0
	for ; !exists(rec); n++ {
		if n > 10 {
			t.Fatal("never written while typing")
		}
		typeText(t, a, "慢")
		clock = clock.Add(time.Second)
	}
	if want := int(autosaveMaxWait/time.Second) + 1; n != want {
		t.Errorf("written after %d keys a second apart, want %d", n, want)
	}
	// The interval restarts with the next unwritten edit.
	before := readFile(t, rec)
	typeText(t, a, "快")
	if readFile(t, rec) != before {
		t.Error("wrote again at once")
	}
}

// TestMetaFormTypingIsAutosaved: what is typed in the 报告信息 form of an
// unnamed draft's first screen reaches the recovery file before the field
// is left, and counts as unsaved.
func TestMetaFormTypingIsAutosaved(t *testing.T) {
	dir := t.TempDir()
	stand, err := model.NewUnsavedPath(dir, testNow())
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAppWith(t, Options{UnnamedPath: stand, autosaveTick: fireAutosave}, 100, 30)
	if a.state != stateMeta {
		t.Fatal("a new draft does not open on the form")
	}
	typeText(t, a, "绩溪县司法局")
	if !a.dirty() {
		t.Fatal("typing in the form is not an unsaved change")
	}
	got := readFile(t, model.AutosavePath(stand, model.ThisSession()))
	if !strings.Contains(got, "绩溪县司法局") {
		t.Fatalf("recovery file lacks the typed unit:\n%s", got)
	}
	// A year half typed is autosaved as far as it is valid and shows no
	// error before the field is left.
	press(t, a, "enter", "backspace", "backspace", "backspace", "backspace")
	typeText(t, a, "20")
	mustNotContain(t, a, "年度应当是四位年份")
	typeText(t, a, "23")
	if got := readFile(t, model.AutosavePath(stand, model.ThisSession())); !strings.Contains(got, "year: 2023") {
		t.Fatalf("recovery file lacks the typed year:\n%s", got)
	}

	// The F4 form on a named draft too.
	r, path := savedDraft(t, "原有内容。")
	b := newTestAppWith(t, Options{Report: r, Path: path, autosaveTick: fireAutosave}, 100, 30)
	press(t, b, "f4", "tab", "tab", "tab") // to 联系人
	typeText(t, b, "王某 0563-1234567")
	if got := readFile(t, model.AutosavePath(path, model.ThisSession())); !strings.Contains(got, "王某 0563-1234567") {
		t.Fatalf("F4 form typing not autosaved:\n%s", got)
	}
}

// TestTwoEditorsOnOneDraft: B (opened with 仍然打开) neither offers, nor
// overwrites, nor deletes A's recovery file while A runs.
func TestTwoEditorsOnOneDraft(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestAppWith(t, Options{Report: r, Path: path, autosaveTick: fireAutosave}, 100, 30)
	typeText(t, a, "甲写的。")
	aFile := model.AutosavePath(path, model.ThisSession())
	aText := readFile(t, aFile)
	if !strings.Contains(aText, "甲写的。") {
		t.Fatal("A did not autosave")
	}
	recs, err := model.FindRecoveries(path)
	if err != nil || len(recs) != 0 {
		t.Fatalf("a running editor's file is offered: %v %v", recs, err)
	}
	b := newTestAppWith(t, Options{Report: mustLoad(t, path), Path: path, autosaveTick: fireAutosave, session: otherCrashed(1)}, 100, 30)
	mustNotContain(t, b, "发现未保存的内容")
	typeText(t, b, "乙写的。")
	bFile := model.AutosavePath(path, otherCrashed(1))
	if !strings.Contains(readFile(t, bFile), "乙写的。") || readFile(t, aFile) != aText {
		t.Fatal("B's autosave did not go to its own file")
	}
	press(t, b, "ctrl+s")
	if exists(bFile) || readFile(t, aFile) != aText {
		t.Fatal("B's save removed the wrong recovery file")
	}
	typeText(t, b, "再写。")
	if !press(t, b, "ctrl+q", "d") {
		t.Fatal("B did not quit")
	}
	if exists(bFile) || readFile(t, aFile) != aText {
		t.Fatal("B's quit removed the wrong recovery file")
	}
}

// TestEveryOrphanIsOfferedAndDiscardRemovesOnlyIt: two crashed editors'
// files are offered in turn with their counts; 丢弃 of one leaves the
// other, which can then be restored.
func TestEveryOrphanIsOfferedAndDiscardRemovesOnlyIt(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	one, two := r.Snapshot(), r.Snapshot()
	one.SetText("measures", "第一个编辑器的。")
	two.SetText("leadership", "第二个编辑器写的履职情况。")
	p1, _ := one.WriteAutosave(path, otherCrashed(1))
	p2, _ := two.WriteAutosave(path, otherCrashed(2))
	old := time.Now().Add(-3 * time.Hour)
	os.Chtimes(p1, old, old)
	recs, err := model.FindRecoveries(path)
	if err != nil || len(recs) != 2 || recs[0].Path != p2 {
		t.Fatalf("FindRecoveries = %v, %v", recs, err)
	}
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: recs}, 100, 30)
	mustContain(t, a, "发现未保存的内容（1/2）", "：0 → 13 字", "[n] 跳过")
	press(t, a, "d", "y")
	if exists(p2) || !exists(p1) {
		t.Fatal("discard removed the wrong file")
	}
	mustContain(t, a, "发现未保存的内容（2/2）", "小时前", "：5 → 8 字")
	press(t, a, "r")
	mustContain(t, a, "第一个编辑器的。")
}

// TestRestoringOlderRecoveryBacksUpNewerDraft: the prompt says the draft
// is newer, and the draft is copied to .bak before its text is replaced.
func TestRestoringOlderRecoveryBacksUpNewerDraft(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	crashed := r.Snapshot()
	crashed.SetText("measures", "旧的恢复文件。")
	p, _ := crashed.WriteAutosave(path, crashedSession)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	draftBytes := readFile(t, path)
	recs, _ := model.FindRecoveries(path)
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: recs}, 100, 30)
	mustContain(t, a, "比恢复文件新", "备份")
	press(t, a, "r")
	if got := readFile(t, path+".bak"); got != draftBytes {
		t.Fatalf("backup holds:\n%s", got)
	}
	mustContain(t, a, "旧的恢复文件。", "已备份为")
	if !strings.Contains(a.status.text, filepath.Base(path)+".bak") {
		t.Errorf("message does not name the backup: %s", a.status.text)
	}
	if readFile(t, path) != draftBytes {
		t.Fatal("restoring rewrote the draft before a save")
	}
}

// TestRestoreRefusedWhenBackupFails: without a backup the newer draft is
// not put at risk; the recovery file stays.
func TestRestoreRefusedWhenBackupFails(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	crashed := r.Snapshot()
	crashed.SetText("measures", "旧的恢复文件。")
	p, _ := crashed.WriteAutosave(path, crashedSession)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	recs, _ := model.FindRecoveries(path)
	os.Chmod(filepath.Dir(path), 0o500)
	defer os.Chmod(filepath.Dir(path), 0o700)
	if f, err := os.Create(filepath.Join(filepath.Dir(path), "probe")); err == nil {
		f.Close()
		t.Skip("the directory is still writable (running as root?)")
	}
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: recs}, 100, 30)
	press(t, a, "r")
	mustContain(t, a, "无法备份草稿，未恢复")
	mustNotContain(t, a, "旧的恢复文件。")
	press(t, a, "esc")
	mustContain(t, a, "发现未保存的内容")
	if !exists(p) {
		t.Fatal("the recovery file went")
	}
}

func TestLockPromptNamesEveryHolder(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	holders := []model.LockInfo{{Session: model.Session{PID: 11, Host: "甲电脑"}}, {Session: model.Session{PID: 22, Host: "乙电脑"}}}
	a := newTestAppWith(t, Options{Report: r, Path: path, LockHolders: holders}, 100, 30)
	mustContain(t, a, "甲电脑 上的进程 11", "乙电脑 上的进程 22")
}

// TestLastResortDumpIsPrivateAndHonest: with nowhere to write a recovery
// file, the text goes to a 0600 file in the state directory, and the exit
// message says exactly where and that no start will offer it.
func TestLastResortDumpIsPrivateAndHonest(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	a := newTestAppWith(t, Options{Report: draft(t, stdTemplate(t))}, 100, 30) // unnamed, no stand-in path
	typeText(t, a, "无处可存的一段话。")
	path, dumped, err := a.emergencyRecovery()
	if err != nil || !dumped || !strings.HasPrefix(path, state) {
		t.Fatalf("emergencyRecovery = %q, %v, %v", path, dumped, err)
	}
	if st, _ := os.Lstat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("dump mode %v", st.Mode().Perm())
	}
	if !strings.Contains(readFile(t, path), "无处可存的一段话。") {
		t.Fatal("dump lacks the text")
	}
	msg := (&Ended{Cause: "测试", Recovery: path, Dumped: dumped}).Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "不会提示恢复") {
		t.Errorf("exit message: %s", msg)
	}
}

// TestSaveAsWhileEditing: F6 saves under another name; the old file keeps
// what it had and the draft goes on under the new name.
func TestSaveAsWhileEditing(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	before := readFile(t, path)
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	typeText(t, a, "新写的。")
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyF6})
	drain(t, a, cmd)
	if a.state != stateSaveAs || a.dialogs.fileName.Value() != model.CopyName(path) {
		t.Fatalf("state %v, suggested %q", a.state, a.dialogs.fileName.Value())
	}
	second := filepath.Join(filepath.Dir(path), "第二份.yaml")
	a.dialogs.fileName.SetValue(second)
	press(t, a, "enter")
	if !strings.Contains(readFile(t, second), "原有内容。新写的。") || readFile(t, path) != before {
		t.Fatal("save as did not write the new file only")
	}
	if a.file.path != second || a.dirty() {
		t.Fatalf("editing goes on under %q, dirty %v", a.file.path, a.dirty())
	}
	if exists(model.AutosavePath(path, model.ThisSession())) {
		t.Error("the old name's recovery file outlived the save")
	}
}

// TestFailingAutosaveIsNotRetriedPerKey: when the recovery file cannot be
// written, typing on does not start a failing write on every key.
func TestFailingAutosaveIsNotRetriedPerKey(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	// No state-directory fallback either: its parent is a file.
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	t.Setenv("XDG_STATE_HOME", blocker)
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	// A directory where this editor's recovery file would go.
	if err := os.Mkdir(model.AutosavePath(path, model.ThisSession()), 0o700); err != nil {
		t.Fatal(err)
	}
	for range autosaveEvery {
		typeText(t, a, "字")
	}
	if a.autosave.err == "" || !a.status.isErr {
		t.Fatal("the failure is not shown")
	}
	// A key clears the status line; a write it started would fail and
	// put the failure back there.
	_, cmd := a.Update(keyMsg("再"))
	drain(t, a, cmd)
	if a.status.text != "" {
		t.Fatalf("a key after a failure started another failing write: %q", a.status.text)
	}
	if a.autosave.err == "" {
		t.Fatal("the failure was forgotten before a write succeeded")
	}
}

// TestNewerTemplateIsNotMigratedDown: a draft naming a later version than
// the installed template is told so, and no 迁移 (a downgrade) is offered.
func TestNewerTemplateIsNotMigratedDown(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Template.ID, r.Template.Version = tm.ID, tm.Version+1
	a := newTestAppWith(t, Options{Report: r, Template: tm}, 100, 30)
	mustContain(t, a, "草稿的模板比本机的新", "降级", "[k] 按第", "[q] 退出")
	mustNotContain(t, a, "[m] 迁移")
	press(t, a, "k")
	if a.state == statePrompt || a.c.report.Template.Version != tm.Version+1 {
		t.Fatalf("state %v, version %d", a.state, a.c.report.Template.Version)
	}

	// Sections the installed version lacks: only 退出.
	r = draft(t, tm)
	r.Template.ID, r.Template.Version = tm.ID, tm.Version+1
	r.SetText("only_in_v2", "新版才有的章节。")
	b := newTestAppWith(t, Options{Report: r, Template: tm}, 100, 30)
	mustContain(t, b, "无法按第")
	mustNotContain(t, b, "[k]", "[m] 迁移")
}

// TestExportAsksBeforeReplacingForeignWord: F5 onto a Word file nianbao
// did not write refuses once, then backs it up and replaces it.
func TestExportAsksBeforeReplacingForeignWord(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	r, path := savedDraft(t, "原有内容。")
	docx := strings.TrimSuffix(path, ".yaml") + ".docx"
	os.WriteFile(docx, []byte("在 Word 里改过的"), 0o644)
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	press(t, a, "f5", "enter") // F5 asks the format; enter is Word
	if !strings.Contains(a.status.text, "不是 nianbao 导出的") || !strings.Contains(a.status.text, "再导出一次") {
		t.Fatalf("message: %s", a.status.text)
	}
	if readFile(t, docx) != "在 Word 里改过的" {
		t.Fatal("replaced at the first press")
	}
	press(t, a, "f5", "enter")
	if readFile(t, docx+".bak") != "在 Word 里改过的" || !strings.Contains(a.status.text, "备份为") {
		t.Fatalf("second press: %s", a.status.text)
	}
}
