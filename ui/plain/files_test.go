package plain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// A draft changed on disk since it was opened is never overwritten
// silently: the drafter hears why and picks, by number or letter.
func TestSaveConflictAsksAndOverwritesOnlyWhenTold(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	o := newDraft(t, dir, "d.yaml")
	if err := o.Report.Save(path); err != nil {
		t.Fatal(err)
	}
	opts := openDraft(t, path)
	// Another program changes the file while the session runs: between
	// opening and the first save.
	theirs := strings.Replace(string(mustRead(t, path)), `other: ""`, "other: 别处写的。", 1)
	if err := os.WriteFile(path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := script(t, opts, lines("13", "t", "我写的。", ".", "s", "3", "s", "2", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "直接保存会覆盖那边的修改。你的修改仍在，请选择：")
	mustLine(t, out, "1. 另存为其他文件（或输入 a）")
	mustLine(t, out, "4. 载入磁盘上的版本（放弃本次修改）（或输入 r）")
	mustLine(t, out, "未保存：磁盘上的文件已被修改。")
	if got := load(t, path).Text("other"); got != "我写的。" {
		t.Errorf("after overwrite the file holds %q", got)
	}
}

// Save as on a conflict keeps both versions.
func TestSaveConflictSaveAs(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	o := newDraft(t, dir, "d.yaml")
	if err := o.Report.Save(path); err != nil {
		t.Fatal(err)
	}
	opts := openDraft(t, path)
	theirs := strings.Replace(string(mustRead(t, path)), `other: ""`, "other: 别处写的。", 1)
	os.WriteFile(path, []byte(theirs), 0o644)
	copyPath := filepath.Join(dir, "d（另存）.yaml")
	out, err := script(t, opts, lines("13", "t", "我写的。", ".", "s", "a", "", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "已保存到 "+copyPath+"（09:00:00）。")
	if got := load(t, path).Text("other"); got != "别处写的。" {
		t.Errorf("their file became %q", got)
	}
	if got := load(t, copyPath).Text("other"); got != "我写的。" {
		t.Errorf("the copy holds %q", got)
	}
}

// A draft without a name asks for one on first save, suggesting the
// report's title, and its stand-in recovery file goes once it is saved.
func TestUnnamedDraftAsksForAFileName(t *testing.T) {
	dir := t.TempDir()
	tm := standard(t)
	stand := filepath.Join(dir, "state", "未命名草稿-1.yaml")
	os.MkdirAll(filepath.Dir(stand), 0o700)
	t.Chdir(dir)
	opts := Options{Report: model.NewReport(tm), Template: tm, UnnamedPath: stand, Now: fixedNow, NoLock: true, autosavePause: -1, session: testSession}
	in := newStepReader()
	var out strings.Builder
	opts.In, opts.Out = in, &out
	done := make(chan error)
	go func() { done <- Run(opts) }()
	in.send(lines("m", "青山县", "2025", "", "", "", "13", "t", "暂无。", "."))
	<-in.waiting
	if !exists(model.AutosavePath(stand, testSession)) {
		t.Fatal("unnamed draft has no recovery file at the pause")
	}
	in.chunks <- lines("s", "", "q")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	name := "青山县2025年度法治政府建设情况报告.yaml"
	if !strings.Contains(out.String(), "保存为哪个文件？直接回车用“"+name+"”") {
		t.Errorf("no file name question:\n%s", out.String())
	}
	if got := load(t, filepath.Join(dir, name)).Text("other"); got != "暂无。" {
		t.Errorf("saved %q", got)
	}
	if exists(model.AutosavePath(stand, testSession)) {
		t.Error("stand-in recovery file left after save")
	}
}

// Another live nianbao holding the draft is said before anything else;
// the drafter may still open it or leave.
func TestLockHolderIsAskedAbout(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	o := newDraft(t, dir, "d.yaml")
	if err := o.Report.Save(path); err != nil {
		t.Fatal(err)
	}
	// This test process is a live editor holding the draft; the plain
	// session runs as another (testSession).
	lock, _, err := model.AcquireLock(path, model.ThisSession())
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	lockFile := model.LockPath(path, model.ThisSession())
	before := string(mustRead(t, lockFile))
	opts := openDraft(t, path)
	opts.NoLock = false
	out, err := script(t, opts, lines("2"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "此草稿已在另一个 nianbao 中打开，打开者：") || !hasLine(out, "已退出。") {
		t.Errorf("lock not asked about:\n%s", out)
	}
	if got := string(mustRead(t, lockFile)); got != before {
		t.Error("someone else's lock was touched")
	}

	out, err = script(t, opts, lines("1", "q"))
	if err != nil || !strings.Contains(out, "章节共 13 节") {
		t.Errorf("open anyway: %v\n%s", err, out)
	}
}

// Without a lock holder the session holds the lock while it runs and
// releases it at the end.
func TestSessionHoldsTheLock(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	opts.NoLock = false
	in := newStepReader()
	var out strings.Builder
	opts.In, opts.Out = in, &out
	done := make(chan error)
	go func() { done <- Run(opts) }()
	<-in.waiting
	if !exists(model.LockPath(opts.Path, testSession)) {
		t.Error("no lock while the session runs")
	}
	in.chunks <- "q\n"
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if exists(model.LockPath(opts.Path, testSession)) {
		t.Error("lock left after quit")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A failed save says why and offers another file; the text is kept.
func TestFailedSaveOffersAnotherFile(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	notDir := filepath.Join(dir, "不是目录")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := newDraft(t, dir, "d.yaml")
	opts.Path = filepath.Join(notDir, "d.yaml")
	opts.Report.SetFile(opts.Path)
	good := filepath.Join(dir, "好.yaml")
	out, err := script(t, opts, lines("13", "t", "暂无。", ".", "s", "2", "s", "a", good, "q"))
	if err != nil {
		t.Fatal(err)
	}
	// The recovery file falls back to the state directory, so autosave
	// itself does not fail.
	if strings.Count(out, "。修改仍在。") != 2 || strings.Count(out, "自动保存失败") != 0 {
		t.Errorf("failure not said:\n%s", out)
	}
	mustLine(t, out, "已保存到 "+good+"（09:00:00）。")
	if got := load(t, good).Text("other"); got != "暂无。" {
		t.Errorf("saved %q", got)
	}
}

// Saving as an existing file asks once, then replaces it.
func TestSaveAsExistingFileAsksOnce(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	tm := standard(t)
	name := "青山县2025年度法治政府建设情况报告.yaml"
	os.WriteFile(name, []byte("unit: 旧的\n"), 0o644)
	r := model.NewReport(tm)
	r.Unit, r.Year = "青山县", 2025
	opts := Options{Report: r, Template: tm, Now: fixedNow, NoLock: true, session: testSession}
	out, err := script(t, opts, lines("13", "t", "暂无。", ".", "s", "", "n", "", "y", "q"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(out, "已存在。") != 2 || strings.Contains(out, "被其他程序修改过") {
		t.Errorf("asked wrongly:\n%s", out)
	}
	if got := load(t, name); got.Text("other") != "暂无。" {
		t.Errorf("saved %q", got.Text("other"))
	}
}
