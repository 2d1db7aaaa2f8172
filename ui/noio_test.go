package ui

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/followup"
	"nianbao/model"
)

// The package's promise: Update only changes state; every file operation
// (save, autosave, backups, locks, recovery removal, exports, reloads) runs
// in a tea.Cmd. These tests drive whole sessions and, around every single
// Update, compare the files on disk before and after: Update alone must
// leave them as they were, and only running the command it returns may
// change them. A synchronous write, rename or removal fails the test with
// the message that did it.

// diskState lists every file under root with its size, mode and time.
func diskState(t *testing.T, root string) string {
	t.Helper()
	var rows []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rows = append(rows, fmt.Sprintf("%s %d %v %d", p, info.Size(), info.Mode(), info.ModTime().UnixNano()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(rows)
	return strings.Join(rows, "\n")
}

// watched drives an App like press and drain do, checking that no Update
// touches the disk under root and that no I/O error (失败, 无法) appears on
// screen as the direct answer to a key: such an error can only come from
// I/O done inside Update.
type watched struct {
	t    *testing.T
	a    *App
	root string
	// inUpdate is true while Update runs, so the hooks the editor is
	// given (the checker, the F7 loader) can tell they were called from
	// inside it rather than from a command.
	inUpdate *bool
}

func newWatched(t *testing.T, a *App, root string, inUpdate *bool) watched {
	if inUpdate == nil {
		inUpdate = new(bool)
	}
	return watched{t: t, a: a, root: root, inUpdate: inUpdate}
}

func (w watched) update(msg tea.Msg) tea.Cmd {
	w.t.Helper()
	before, status := diskState(w.t, w.root), w.a.status.text
	*w.inUpdate = true
	_, cmd := w.a.Update(msg)
	*w.inUpdate = false
	if after := diskState(w.t, w.root); after != before {
		w.t.Fatalf("Update(%T %v) changed the disk itself:\nbefore:\n%s\nafter:\n%s", msg, msg, before, after)
	}
	if _, isKey := msg.(tea.KeyMsg); isKey && w.a.status.text != status &&
		(strings.Contains(w.a.status.text, "失败") || strings.Contains(w.a.status.text, "无法")) {
		w.t.Fatalf("key %v answered with an I/O error at once: %s", msg, w.a.status.text)
	}
	return cmd
}

func (w watched) run(cmd tea.Cmd) (quit bool) {
	w.t.Helper()
	return drainWith(w.t, cmd, w.update)
}

func (w watched) press(keys ...string) (quit bool) {
	w.t.Helper()
	for _, k := range keys {
		if w.run(w.update(keyMsg(k))) {
			quit = true
		}
	}
	return quit
}

func (w watched) typeText(s string) {
	w.t.Helper()
	w.run(w.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}))
}

// watchedDraft is a saved draft in a fresh folder that also holds the
// state directory, so recovery files in either place are watched.
func watchedDraft(t *testing.T) (root, path string, r *model.Report) {
	t.Helper()
	root = t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(root, "state"))
	t.Chdir(root)
	tm := stdTemplate(t)
	r = draft(t, tm)
	r.SetText("measures", "原有内容。")
	path = filepath.Join(root, "草稿.yaml")
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	loaded, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	loaded.UseTemplateOrder(tm)
	return root, path, loaded
}

// TestUpdateDoesNoFileIO: typing with autosave, save, save as (onto a
// taken name, then confirmed), export, a save conflict answered by
// reloading, and a clean quit, with the lock file following the draft.
func TestUpdateDoesNoFileIO(t *testing.T) {
	root, path, r := watchedDraft(t)
	tm := stdTemplate(t)
	inUpdate := new(bool)
	checked := 0
	checker := func(tm *model.Template, r *model.Report) check.Result {
		if *inUpdate {
			t.Error("the check ran inside Update")
		}
		checked++
		return check.Report(tm, r)
	}
	lastYear := filepath.Join(root, "去年.txt")
	if err := os.WriteFile(lastYear, []byte("去年的报告"), 0o600); err != nil {
		t.Fatal(err)
	}
	load := func(p string) (*model.Previous, error) {
		if *inUpdate {
			t.Error("last year's report was read inside Update")
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		return followup.Attach(lastYear2023(tm), tm, p, data), nil
	}
	opts := Options{Report: r, Path: path, autosaveTick: fireAutosave, locks: true, check: checker, LoadPrevious: load}
	a := newTestAppWith(t, opts, 100, 30)
	w := newWatched(t, a, root, inUpdate)

	for range autosaveEvery + 1 {
		w.typeText("字") // past autosaveEvery an autosave is due at once
	}
	if !recoveryWritten(path) {
		t.Fatal("no recovery file was written: the session did not exercise autosave")
	}
	w.press("ctrl+s")
	if !strings.Contains(readFile(t, path), "字字字") {
		t.Fatal("ctrl+s did not save")
	}

	taken := filepath.Join(root, "另一份.yaml")
	if err := os.WriteFile(taken, []byte("别人的文件"), 0o600); err != nil {
		t.Fatal(err)
	}
	w.typeText("又一句。")
	w.press("f6", "ctrl+u")
	w.typeText(taken)
	w.press("enter", "enter") // warned, then confirmed
	if !strings.Contains(readFile(t, taken), "又一句。") {
		t.Fatalf("save as did not write the confirmed name: state %v, status %q, name %q", a.state, a.status.text, a.dialogs.fileName.Value())
	}

	w.press("f5", "t")
	if _, err := os.Stat(filepath.Join(root, "另一份.txt")); err != nil {
		t.Fatalf("export did not write the text file: %v", err)
	}

	w.press("f7", "ctrl+u")
	w.typeText(filepath.Join(root, "没有这个文件.docx"))
	w.press("enter")
	mustContain(t, a, "未能附上去年的报告")
	w.press("f7", "ctrl+u")
	w.typeText(lastYear)
	w.press("enter")
	mustContain(t, a, "已附上去年的报告")
	w.run(w.update(checkTickMsg{seq: a.live.seq}))
	if checked == 0 {
		t.Fatal("the session never ran the check")
	}

	// Another program rewrites the draft: saving now conflicts, and the
	// drafter takes the version on disk.
	other := mustLoad(t, taken)
	other.SetText("measures", "别处改过。")
	if err := other.Save(taken); err != nil {
		t.Fatal(err)
	}
	w.typeText("冲突前。")
	w.press("ctrl+s")
	mustContain(t, a, "保存冲突")
	w.press("r", "y")
	mustContain(t, a, "已载入磁盘上的版本")

	w.typeText("退出前。")
	w.press("ctrl+s")
	if !w.press("ctrl+q") {
		t.Fatal("ctrl+q did not quit")
	}
}

// TestStartupAnswersDoNoFileIO: restoring a recovery file older than the
// draft backs the draft up, and discarding one removes it, both in
// commands.
func TestStartupAnswersDoNoFileIO(t *testing.T) {
	root, path, r := watchedDraft(t)
	older := r.Snapshot()
	older.SetText("measures", "旧的恢复文件。")
	p, err := older.WriteAutosave(path, crashedSession)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	other := r.Snapshot()
	other.SetText("leadership", "另一个崩溃的编辑器写的。")
	if _, err := other.WriteAutosave(path, otherCrashed(2)); err != nil {
		t.Fatal(err)
	}
	recs, err := model.FindRecoveries(path)
	if err != nil || len(recs) != 2 {
		t.Fatalf("FindRecoveries = %v, %v", recs, err)
	}
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: recs}, 100, 30)
	w := newWatched(t, a, root, nil)
	for a.state == statePrompt {
		if strings.Contains(screen(a), "比恢复文件新") {
			w.press("r")
			continue
		}
		w.press("d", "y")
	}
	if !exists(path + ".bak") {
		t.Fatal("restoring the older recovery file made no backup")
	}
	if recs, _ := model.FindRecoveries(path); len(recs) != 1 {
		got := len(recs)
		t.Fatalf("%d recovery files left, want the restored one only", got)
	}
}

// TestMigrationDoesNoFileIO: migrating a draft backs it up in a command,
// and saving the migrated draft writes it in one.
func TestMigrationDoesNoFileIO(t *testing.T) {
	path := oldDraft(t)
	r, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	w := newWatched(t, a, filepath.Dir(path), nil)
	w.press("m")
	mustContain(t, a, "已迁移到第")
	if !exists(path + ".bak") {
		t.Fatal("no backup before migration")
	}
	w.press("ctrl+s")
	if a.dirty() {
		t.Fatal("the migrated draft was not saved")
	}
}

// TestSaveIntoMissingFolderFailsInCommand: a draft whose folder is gone
// cannot be saved; the failure comes back from the command as a message
// in Chinese, and the text stays in the editor.
func TestSaveIntoMissingFolderFailsInCommand(t *testing.T) {
	tm := stdTemplate(t)
	path := filepath.Join(t.TempDir(), "没有这个文件夹", "草稿.yaml")
	a := newTestApp(t, draft(t, tm), tm, path, 100, 30)
	typeText(t, a, "要保存的内容")
	_, cmd := a.Update(keyMsg("ctrl+s"))
	if strings.Contains(a.status.text, "失败") {
		t.Fatalf("the save failed inside Update: %s", a.status.text)
	}
	drain(t, a, cmd)
	if !strings.Contains(a.status.text, "保存失败") || !a.status.isErr {
		t.Fatalf("status after the save: %q", a.status.text)
	}
	if a.editor(a.cur).Value() != "要保存的内容" || !a.dirty() {
		t.Fatal("a failed save lost the text or marked it saved")
	}
}

// recoveryWritten says whether this session's recovery file of path (or
// its state-directory fallback) is on disk.
func recoveryWritten(path string) bool {
	for _, p := range model.AutosavePaths(path, model.ThisSession()) {
		if _, err := os.Stat(p); err == nil {
			return true
		}
	}
	return false
}
