package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/model"
)

// The texts typed before the editor is killed, in two sections; every
// character must come back.
const (
	typedMeasures   = "全年新制定规范性文件十二件，全部经过合法性审查。"
	typedDecisions  = "重大行政决策目录向社会公布，听证会三场。"
	measuresHeading = "一、上一年度推进法治政府建设的主要举措和成效（必填）"
)

// newDraftFile writes a draft with metadata filled, so the editor opens
// on the first section.
func newDraftFile(t *testing.T, dir string) string {
	t.Helper()
	file := filepath.Join(dir, "草稿.yaml")
	if out, err := exec.Command(binary, "new", "--unit", "绩溪县", "--year", "2024", "-o", file).CombinedOutput(); err != nil {
		t.Fatalf("nianbao new: %v\n%s", err, out)
	}
	return file
}

// typeIntoTwoSections types into 主要举措 and, after ctrl+n, into the next
// required section, then waits until both are on screen.
func typeIntoTwoSections(tm *term) {
	tm.waitFor(measuresHeading)
	tm.text(typedMeasures)
	tm.waitFor("本节 24 字")
	tm.keys("C-n")
	tm.waitFor("（一）推进行政决策科学化")
	tm.text(typedDecisions)
	tm.waitFor("本节 20 字")
}

// editorPID finds the nianbao process started by the pane's shell.
func editorPID(t *testing.T, tm *term) int {
	t.Helper()
	shell := strings.TrimSpace(tm.run("display", "-p", "-t", "main", "#{pane_pid}"))
	data, err := os.ReadFile("/proc/" + shell + "/task/" + shell + "/children")
	if err != nil {
		t.Skipf("cannot find the editor process: %v", err)
	}
	pid, err := strconv.Atoi(strings.Fields(string(data) + " x")[0])
	if err != nil {
		t.Fatalf("no child of the pane shell: %q", data)
	}
	return pid
}

func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		// A zombie has exited; its parent shell reaps it.
		if st, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil && strings.Contains(string(st), ") Z ") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("process %d did not exit", pid)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// waitRecoveryHolds polls the draft's recovery files until one holds all
// of want, and returns its path.
func waitRecoveryHolds(t *testing.T, file string, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var seen []string
		for _, p := range recoveryFiles(file) {
			data, _ := os.ReadFile(p)
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(string(data), w)
			}
			if ok {
				return p
			}
			seen = append(seen, string(data))
		}
		if time.Now().After(deadline) {
			t.Fatalf("no recovery file ever held %q:\n%s", want, strings.Join(seen, "\n----\n"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// restartAndRecover opens the draft again, checks the recovery prompt,
// restores, saves and checks that every typed character is in the draft.
func restartAndRecover(t *testing.T, dir, file string) {
	t.Helper()
	tm := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	if s := tm.waitFor("发现未保存的内容", "主要举措和成效：0 → 24 字", "：0 → 20 字", "[r] 恢复"); strings.Contains(s, "已在另一个 nianbao 中打开") {
		t.Fatalf("a killed editor's lock is called live:\n%s", s)
	}
	tm.keys("r")
	tm.waitFor("已恢复", typedDecisions)
	tm.keys("C-s")
	tm.waitFor("已保存")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{typedMeasures, typedDecisions} {
		if !strings.Contains(string(data), w) {
			t.Fatalf("draft after recovery lacks %q:\n%s", w, data)
		}
	}
	if left := recoveryFiles(file); len(left) != 0 {
		t.Fatalf("recovery files outlived the save: %v", left)
	}
	tm.keys("C-q")
	tm.waitExit()
	if left := lockFiles(file); len(left) != 0 {
		t.Fatalf("lock files outlived the editor: %v", left)
	}
}

// startInShell runs the editor under sh so the pane outlives it and shows
// its last message and exit code.
func startInShell(t *testing.T, dir string) *term {
	t.Helper()
	return startTmux(t, dir, 100, 30, "env", "sh", "-c", `'`+binary+` edit 草稿.yaml; echo "退出码=$?"; sleep 60'`)
}

func TestKilledEditorOffersRecovery(t *testing.T) {
	t.Run("SIGKILL", func(t *testing.T) {
		// Nothing runs on SIGKILL: what survives is the last autosave,
		// written two seconds after typing pauses. The restart follows
		// at once and must not call the dead editor's lock live.
		dir := t.TempDir()
		file := newDraftFile(t, dir)
		tm := startInShell(t, dir)
		typeIntoTwoSections(tm)
		waitRecoveryHolds(t, file, typedMeasures, typedDecisions)
		pid := editorPID(t, tm)
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		tm.waitFor("退出码=137")
		restartAndRecover(t, dir, file)
	})
	t.Run("SIGTERM", func(t *testing.T) {
		// No pause before the signal: the handler writes the file.
		dir := t.TempDir()
		file := newDraftFile(t, dir)
		tm := startInShell(t, dir)
		typeIntoTwoSections(tm)
		if err := syscall.Kill(editorPID(t, tm), syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		tm.waitFor("收到 SIGTERM 信号而退出", "恢复文件", "退出码=3")
		restartAndRecover(t, dir, file)
	})
	t.Run("SIGHUP", func(t *testing.T) {
		// Closing the terminal window: tmux hangs up the pane.
		dir := t.TempDir()
		file := newDraftFile(t, dir)
		tm := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
		typeIntoTwoSections(tm)
		pid, err := strconv.Atoi(strings.TrimSpace(tm.run("display", "-p", "-t", "main", "#{pane_pid}")))
		if err != nil {
			t.Fatal(err)
		}
		tm.run("kill-session", "-t", "main")
		waitGone(t, pid)
		waitRecoveryHolds(t, file, typedMeasures, typedDecisions)
		restartAndRecover(t, dir, file)
	})
	t.Run("terminal gone without SIGHUP", func(t *testing.T) {
		// The shell that started the editor ignores hang-ups (as nohup
		// and some session managers arrange), so no SIGHUP reaches the
		// editor when the window closes: its reads of the terminal end.
		// It must end and write its recovery file, not live on without a
		// keyboard holding the draft's lock.
		dir := t.TempDir()
		file := newDraftFile(t, dir)
		tm := startTmux(t, dir, 100, 30, "env", "sh", "-c", `'trap "" HUP; `+binary+` edit 草稿.yaml; sleep 60'`)
		typeIntoTwoSections(tm)
		pid := editorPID(t, tm)
		tm.run("kill-session", "-t", "main")
		waitGone(t, pid)
		waitRecoveryHolds(t, file, typedMeasures, typedDecisions)
		restartAndRecover(t, dir, file)
	})
}

func TestSecondEditorIsWarned(t *testing.T) {
	dir := t.TempDir()
	newDraftFile(t, dir)
	first := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	first.waitFor(measuresHeading)
	second := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	second.waitFor("此草稿已在另一个 nianbao 中打开", "[o] 仍然打开")
	second.keys("q")
	second.waitExit()
	first.keys("C-q")
	first.waitExit()
}

// killEditor sends SIGKILL to the editor in tm and waits for its shell
// to report the exit.
func killEditor(t *testing.T, tm *term) {
	t.Helper()
	if err := syscall.Kill(editorPID(t, tm), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	tm.waitFor("退出码=137")
}

// TestTwoEditorsBothKilled: B, opened beside a running A with 仍然打开,
// does not offer A's live recovery file; a third editor is warned about
// both; after both are killed, the next start (at once) offers each one's
// text and no lock warning.
func TestTwoEditorsBothKilled(t *testing.T) {
	dir := t.TempDir()
	file := newDraftFile(t, dir)
	a := startInShell(t, dir)
	a.waitFor(measuresHeading)
	a.text(typedMeasures)
	aFile := waitRecoveryHolds(t, file, typedMeasures)

	b := startInShell(t, dir)
	b.waitFor("此草稿已在另一个 nianbao 中打开", "[o] 仍然打开")
	b.keys("o")
	if s := b.waitFor(measuresHeading); strings.Contains(s, "发现未保存的内容") {
		t.Fatalf("B offers A's live recovery file:\n%s", s)
	}
	b.keys("C-n")
	b.waitFor("（一）推进行政决策科学化")
	b.text(typedDecisions)
	bFile := waitRecoveryHolds(t, file, typedDecisions)
	if aFile == bFile {
		t.Fatal("both editors write one recovery file")
	}
	if data, _ := os.ReadFile(aFile); !strings.Contains(string(data), typedMeasures) {
		t.Fatal("B overwrote A's recovery file")
	}

	c := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	s := c.waitFor("此草稿已在另一个 nianbao 中打开")
	if strings.Count(s, "打开者：") != 2 {
		t.Fatalf("the third editor is not told about both:\n%s", s)
	}
	c.keys("q")
	c.waitExit()

	killEditor(t, a)
	killEditor(t, b)
	d := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	s = d.waitFor("发现未保存的内容（1/2）", "：0 → 20 字", "[n] 跳过")
	if strings.Contains(s, "已在另一个 nianbao 中打开") {
		t.Fatalf("killed editors' locks are called live:\n%s", s)
	}
	d.keys("n")
	d.waitFor("发现未保存的内容（2/2）", "主要举措和成效：0 → 24 字")
	d.keys("r")
	d.waitFor("已恢复", typedMeasures)
	d.keys("C-q")
	d.waitFor("[d]")
	d.keys("d")
	d.waitExit()
	// B's text was skipped, not decided: still there for the next start.
	if _, err := os.Stat(bFile); err != nil {
		t.Fatalf("the skipped recovery file went: %v", err)
	}
}

// TestSteadyTypingThenKill: 15 s of typing at a steady pace with no pause
// long enough for the pause timer, then kill -9: the recovery file holds
// at least half of what was typed.
func TestSteadyTypingThenKill(t *testing.T) {
	if testing.Short() {
		t.Skip("15 s of typing")
	}
	dir := t.TempDir()
	file := newDraftFile(t, dir)
	tm := startInShell(t, dir)
	tm.waitFor(measuresHeading)
	const unit = "依法行政"
	typed := 0
	end := time.Now().Add(15 * time.Second)
	for time.Now().Before(end) {
		tm.text(unit)
		typed += len([]rune(unit))
		time.Sleep(400 * time.Millisecond) // far below the 2 s pause
	}
	tm.waitFor(fmt.Sprintf("本节 %d 字", typed))
	killEditor(t, tm)
	held := 0
	for _, p := range recoveryFiles(file) {
		r, err := model.LoadReport(p)
		if err != nil {
			t.Fatal(err)
		}
		held = max(held, len([]rune(r.Text("measures"))))
	}
	t.Logf("typed %d characters in 15 s; the recovery file holds %d", typed, held)
	if held*2 < typed {
		t.Fatalf("the recovery file holds %d of %d characters", held, typed)
	}
}

// TestPrivateDraftKeepsSideFilesPrivate: while a 0600 draft is edited,
// every file nianbao puts beside it (lock, recovery file) is 0600, and the
// draft stays 0600 after saving.
func TestPrivateDraftKeepsSideFilesPrivate(t *testing.T) {
	dir := t.TempDir()
	file := newDraftFile(t, dir)
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	tm.waitFor(measuresHeading)
	tm.text(typedMeasures)
	waitRecoveryHolds(t, file, typedMeasures)
	entries, _ := os.ReadDir(dir)
	side := 0
	for _, e := range entries {
		info, _ := e.Info()
		if e.Name() != filepath.Base(file) {
			side++
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v", e.Name(), info.Mode().Perm())
		}
	}
	if side < 2 {
		t.Errorf("expected a lock and a recovery file, found %d side files", side)
	}
	tm.keys("C-s")
	tm.waitFor("存盘于")
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("draft is %v after saving", st.Mode().Perm())
	}
	tm.keys("C-q")
	tm.waitExit()
}
