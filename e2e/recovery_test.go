package e2e

import (
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
	tm.waitFor("（二）推进行政决策科学化")
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

// waitRecoveryHolds polls the recovery file until it holds all of want.
func waitRecoveryHolds(t *testing.T, file string, want ...string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, _ := os.ReadFile(model.AutosavePath(file))
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(string(data), w)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("recovery file never held %q:\n%s", want, data)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// restartAndRecover opens the draft again, checks the recovery prompt,
// restores, saves and checks that every typed character is in the draft.
func restartAndRecover(t *testing.T, dir, file string) {
	t.Helper()
	tm := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	tm.waitFor("发现未保存的内容", "主要举措和成效：0 → 24 字", "：0 → 20 字", "[r] 恢复")
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
	if _, err := os.Stat(model.AutosavePath(file)); err == nil {
		t.Fatal("the recovery file outlived the save")
	}
	tm.keys("C-q")
	tm.waitExit()
	if _, err := os.Stat(model.LockPath(file)); err == nil {
		t.Fatal("the lock file outlived the editor")
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
		// written two seconds after typing pauses.
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
