package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// savedDraft writes a draft with some measures text to a temporary
// directory and loads it back, as `nianbao edit` would.
func savedDraft(t *testing.T, text string) (*model.Report, string) {
	t.Helper()
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.SetText("measures", text)
	path := filepath.Join(t.TempDir(), "草稿.yaml")
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	loaded.UseTemplateOrder(tm)
	return loaded, path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// fireAutosave makes the autosave timer fire as soon as it is set.
func fireAutosave(seq int) tea.Cmd { return func() tea.Msg { return autosaveTickMsg{seq} } }

func TestAutosaveAfterPauseAndRemovedOnSave(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	before := readFile(t, path)
	a := newTestAppWith(t, Options{Report: r, Path: path, autosaveTick: fireAutosave}, 100, 30)
	typeText(t, a, "新写的一句。")
	rec := model.AutosavePath(path, model.ThisSession())
	if !strings.Contains(readFile(t, rec), "新写的一句。") {
		t.Fatalf("recovery file lacks the typed text:\n%s", readFile(t, rec))
	}
	if readFile(t, path) != before {
		t.Fatal("autosave touched the draft itself")
	}
	press(t, a, "ctrl+s")
	if !strings.Contains(readFile(t, path), "新写的一句。") {
		t.Fatal("save did not write the text")
	}
	if exists(rec) {
		t.Fatal("the recovery file outlived a save that left nothing unsaved")
	}
}

func TestAutosaveOnSectionSwitchAndStaleTick(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	typeText(t, a, "甲")
	rec := model.AutosavePath(path, model.ThisSession())
	if exists(rec) {
		t.Fatal("autosave wrote before the pause")
	}
	// A tick from an earlier edit does not write; the latest does.
	typeText(t, a, "乙")
	if _, cmd := a.Update(autosaveTickMsg{seq: a.autosave.seq - 1}); cmd != nil {
		t.Fatal("a stale autosave tick started a write")
	}
	press(t, a, "ctrl+n") // next required section
	if !strings.Contains(readFile(t, rec), "甲乙") {
		t.Fatal("switching sections did not write the recovery file")
	}
}

func TestCleanQuitRemovesRecoveryDropQuitToo(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	typeText(t, a, "甲")
	press(t, a, "ctrl+n")
	rec := model.AutosavePath(path, model.ThisSession())
	if !exists(rec) {
		t.Fatal("no recovery file")
	}
	if !press(t, a, "ctrl+q", "d") {
		t.Fatal("did not quit")
	}
	if exists(rec) {
		t.Fatal("a clean quit left the recovery file")
	}
}

// recoveryFixture leaves a recovery file with more text than the draft.
func recoveryFixture(t *testing.T) (*model.Report, string, *model.Recovery) {
	t.Helper()
	r, path := savedDraft(t, "原有内容。")
	crashed := r.Snapshot()
	crashed.SetText("measures", "原有内容。崩溃前写下的第二句。")
	crashed.SetText("leadership", "主要负责人履职情况。")
	if _, err := crashed.WriteAutosave(path, crashedSession); err != nil {
		t.Fatal(err)
	}
	recs, err := model.FindRecoveries(path)
	if err != nil || len(recs) != 1 {
		t.Fatalf("FindRecoveries = %v, %v", recs, err)
	}
	rec := recs[0]
	return r, path, rec
}

func TestRecoveryPromptShowsDifferencesAndRestores(t *testing.T) {
	r, path, rec := recoveryFixture(t)
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: []*model.Recovery{rec}}, 100, 30)
	mustContain(t, a, "发现未保存的内容", "主要举措和成效：5 → 15 字", "：0 → 10 字", "[r] 恢复", "[d] 丢弃")
	// Typing is not taken while the question is open.
	press(t, a, "x")
	if a.state != statePrompt {
		t.Fatal("a stray key answered the prompt")
	}
	press(t, a, "r")
	mustNotContain(t, a, "发现未保存的内容")
	mustContain(t, a, "崩溃前写下的第二句", "已恢复")
	if !a.dirty() {
		t.Fatal("recovered text should count as unsaved")
	}
	if !exists(rec.Path) {
		t.Fatal("the recovery file went before the recovered text was saved")
	}
	press(t, a, "ctrl+s")
	if got := readFile(t, path); !strings.Contains(got, "崩溃前写下的第二句") || !strings.Contains(got, "主要负责人履职情况") {
		t.Fatalf("saved draft lacks recovered text:\n%s", got)
	}
	if exists(rec.Path) {
		t.Fatal("the recovery file outlived the save")
	}
}

func TestRecoveryDiscardNeedsConfirmationAndQuitKeepsIt(t *testing.T) {
	r, path, rec := recoveryFixture(t)
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: []*model.Recovery{rec}}, 100, 30)
	press(t, a, "d")
	mustContain(t, a, "确定丢弃恢复文件")
	press(t, a, "esc")
	mustContain(t, a, "发现未保存的内容")
	if !press(t, a, "q") {
		t.Fatal("q did not quit")
	}
	if !exists(rec.Path) {
		t.Fatal("quitting without a choice deleted the recovery file")
	}

	a = newTestAppWith(t, Options{Report: r, Path: path, Recoveries: []*model.Recovery{rec}}, 100, 30)
	press(t, a, "d", "y")
	if exists(rec.Path) {
		t.Fatal("confirmed discard kept the recovery file")
	}
	mustContain(t, a, "已丢弃恢复文件", "原有内容。")
	mustNotContain(t, a, "崩溃前")
}

func TestUnnamedDraftAutosavesAndRecovers(t *testing.T) {
	dir := t.TempDir()
	stand, err := model.NewUnsavedPath(dir, testNow())
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAppWith(t, Options{Report: draft(t, stdTemplate(t)), UnnamedPath: stand, autosaveTick: fireAutosave, session: crashedSession}, 100, 30)
	typeText(t, a, "还没有名字的草稿。")
	found, errs := model.FindUnsavedRecoveries(dir)
	if len(errs) > 0 || len(found) != 1 {
		t.Fatalf("FindUnsavedRecoveries = %v, %v", found, errs)
	}

	b := newTestAppWith(t, Options{Report: draft(t, stdTemplate(t)), Recoveries: found, autosaveTick: fireAutosave}, 100, 30)
	mustContain(t, b, "未命名草稿没有保存", "[n] 跳过，下次再问")
	own := model.AutosavePath(found[0].Report.File(), model.ThisSession())
	press(t, b, "r")
	mustContain(t, b, "还没有名字的草稿。")
	if b.file.path != "" {
		t.Fatalf("a recovered unnamed draft got the stand-in path %q", b.file.path)
	}
	// Further autosaves go to this editor's own recovery file for the
	// same stand-in draft; the crashed editor's file stays until saved.
	typeText(t, b, "续写。")
	if got := readFile(t, own); !strings.Contains(got, "还没有名字的草稿。续写。") {
		t.Fatalf("recovery file not updated:\n%s", got)
	}
	if !exists(found[0].Path) {
		t.Fatal("the restored recovery file went before its text was saved")
	}
	// Naming the draft by saving retires both recovery files.
	press(t, b, "ctrl+s")
	b.dialogs.fileName.SetValue(filepath.Join(dir, "定名.yaml"))
	press(t, b, "enter")
	if exists(found[0].Path) || exists(own) {
		t.Fatal("an unnamed recovery file outlived the save")
	}
}

func TestLockPrompt(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	holder := []model.LockInfo{{Session: model.Session{PID: 4242, Host: "办公室电脑"}}}
	a := newTestAppWith(t, Options{Report: r, Path: path, LockHolders: holder}, 100, 30)
	mustContain(t, a, "此草稿已在另一个 nianbao 中打开", "办公室电脑 上的进程 4242", "[o] 仍然打开")
	press(t, a, "o")
	mustContain(t, a, "原有内容。")
	typeText(t, a, "甲")
	if !strings.Contains(a.editor(a.cur).Value(), "甲") {
		t.Fatal("typing does not reach the editor after the lock prompt")
	}

	a = newTestAppWith(t, Options{Report: r, Path: path, LockHolders: holder}, 100, 30)
	if !press(t, a, "q") {
		t.Fatal("q in the lock prompt did not quit")
	}
}

func TestSaveConflictOverwrite(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestApp(t, r, nil, path, 100, 30)
	typeText(t, a, "我的修改")
	other := strings.Replace(readFile(t, path), "原有内容。", "别人的修改。", 1)
	if err := os.WriteFile(path, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, a, "ctrl+s")
	mustContain(t, a, "保存冲突", "被其他程序修改过", "[a] 另存为", "[r] 载入磁盘上的版本", "[o] 覆盖")
	if readFile(t, path) != other {
		t.Fatal("a conflicting save overwrote the file")
	}
	press(t, a, "o")
	if got := readFile(t, path); !strings.Contains(got, "我的修改") {
		t.Fatalf("overwrite did not write:\n%s", got)
	}
	// The next save is not a conflict with our own write.
	typeText(t, a, "再改")
	press(t, a, "ctrl+s")
	mustNotContain(t, a, "保存冲突")
	if !strings.Contains(readFile(t, path), "再改") {
		t.Fatal("second save failed")
	}
}

func TestSaveConflictSaveAsAndReload(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestApp(t, r, nil, path, 100, 30)
	typeText(t, a, "我的修改")
	other := strings.Replace(readFile(t, path), "原有内容。", "别人的修改。", 1)
	os.WriteFile(path, []byte(other), 0o644)
	press(t, a, "ctrl+s", "a")
	if want := strings.TrimSuffix(path, ".yaml") + "（另存）.yaml"; a.dialogs.fileName.Value() != want {
		t.Fatalf("save-as suggests %q, want %q", a.dialogs.fileName.Value(), want)
	}
	press(t, a, "enter")
	copyPath := strings.TrimSuffix(path, ".yaml") + "（另存）.yaml"
	if !strings.Contains(readFile(t, copyPath), "我的修改") || readFile(t, path) != other {
		t.Fatal("save-as did not keep both versions")
	}

	// Reload asks once more, then shows the disk version.
	b := newTestApp(t, mustLoad(t, path), nil, path, 100, 30)
	typeText(t, b, "本地")
	os.WriteFile(path, []byte(strings.Replace(other, "别人的修改。", "第三次修改。", 1)), 0o644)
	press(t, b, "ctrl+s", "r")
	mustContain(t, b, "放弃本次的修改")
	press(t, b, "y")
	mustContain(t, b, "第三次修改。", "已载入磁盘上的版本")
	if b.dirty() {
		t.Fatal("reloaded draft is marked unsaved")
	}
}

func mustLoad(t *testing.T, path string) *model.Report {
	t.Helper()
	r, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	r.UseTemplateOrder(stdTemplate(t))
	return r
}

func TestSaveConflictWhenFileRemoved(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	a := newTestApp(t, r, nil, path, 100, 30)
	typeText(t, a, "我的修改")
	os.Remove(path)
	press(t, a, "ctrl+s")
	mustContain(t, a, "被删除或移走", "[o] 按原路径重新写入")
	mustNotContain(t, a, "[r]")
	press(t, a, "esc")
	if exists(path) {
		t.Fatal("cancel wrote the file")
	}
	mustContain(t, a, "未保存")
}

func TestLockFollowsSaveAs(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "甲.yaml")
	lock, _, err := model.AcquireLock(first, model.ThisSession())
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAppWith(t, Options{Report: draft(t, stdTemplate(t)), Path: first, locks: true, lock: lock}, 100, 30)
	typeText(t, a, "正文")
	press(t, a, "ctrl+s")
	if !exists(model.LockPath(first, model.ThisSession())) {
		t.Fatal("saving in place dropped the lock")
	}
	second := filepath.Join(dir, "乙.yaml")
	a.file.path = ""
	press(t, a, "ctrl+s")
	a.dialogs.fileName.SetValue(second)
	press(t, a, "enter")
	if exists(model.LockPath(first, model.ThisSession())) || !exists(model.LockPath(second, model.ThisSession())) {
		t.Fatal("the lock did not follow the draft to its new name")
	}
	a.file.lock.Release()
}

func TestRecoveryPromptOnSmallestScreenKeepsCountsAndAnswers(t *testing.T) {
	r, path, rec := recoveryFixture(t)
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: []*model.Recovery{rec}}, minWidth, minHeight)
	mustContain(t, a, "发现未保存的内容", "：5 → 15 字", "：0 → 10 字", "[r] 恢复", "[q] 退出")
	mustContain(t, a, "· 一、", "· 三、")
}
