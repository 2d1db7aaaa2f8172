package e2e

import (
	"strings"
	"syscall"
	"testing"
	"unicode"

	"nianbao/model"
)

const (
	plainOther = "本年度无其他需要报告的情况，特此说明。"
	plainPlans = "一是继续完善重大行政决策程序，二是加强执法人员培训。"
)

// startPlain runs the editor with TERM=dumb under sh, so the pane outlives
// it and shows its exit code.
func startPlain(t *testing.T, dir string) *term {
	t.Helper()
	return startTmux(t, dir, 100, 30, "env", "TERM=dumb", "sh", "-c", `'`+binary+` edit 草稿.yaml; echo "退出码=$?"; sleep 60'`)
}

// history is everything the pane showed, wrapped lines joined, with the
// escape sequences tmux keeps for attributes (-e): plain mode must have
// none to keep.
func (tm *term) history() string {
	return tm.run("capture-pane", "-p", "-e", "-J", "-S", "-", "-t", "main")
}

// With TERM=dumb a drafter opens a draft, hears the numbered sections,
// writes one, checks, saves and quits, and the terminal never receives a
// cursor movement, colour or box-drawing character.
func TestPlainModeOnDumbTerminal(t *testing.T) {
	dir := t.TempDir()
	file := newDraftFile(t, dir)
	tm := startPlain(t, dir)
	tm.waitFor("TERM=dumb", "13. 五、其他需要报告的情况：未填写", "命令（? 查看命令）：")
	tm.keys("13", "Enter")
	tm.waitFor("第 13 节：五、其他需要报告的情况。未填写，必填。", "正文：空。")
	tm.keys("t", "Enter")
	tm.waitFor("单独一行“.”结束输入。")
	tm.text(plainOther)
	tm.keys("Enter", ".", "Enter")
	tm.waitFor("已记下：本节正文替换为 1 段，19 字")
	tm.keys("c", "Enter")
	tm.waitFor("检查结果：未通过。")
	tm.keys("s", "Enter")
	tm.waitFor("已保存到 草稿.yaml")
	tm.keys("q", "Enter")
	tm.waitFor("已退出。", "退出码=0")

	out := tm.history()
	for i, r := range out {
		switch {
		case r == 0x1b:
			t.Fatalf("escape sequence in the pane at byte %d: %q", i, out[max(0, i-30):min(len(out), i+30)])
		case r >= 0x2500 && r <= 0x259F:
			t.Fatalf("box-drawing character %c in the pane", r)
		case unicode.IsControl(r) && r != '\n':
			t.Fatalf("control character %U in the pane", r)
		}
	}
	for _, want := range []string{
		"1. 一、上一年度推进法治政府建设的主要举措和成效：未填写",
		"11. 三、上一年度党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况：未填写",
		"命令（? 查看命令）：13\n第 13 节：五、其他需要报告的情况", // the terminal echoes what was typed
		plainOther,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pane lacks %q:\n%s", want, out)
		}
	}
	// Nothing is printed twice: one section list, one announcement.
	if n := strings.Count(out, "1. 一、上一年度推进法治政府建设的主要举措和成效"); n != 1 {
		t.Errorf("section list shown %d times", n)
	}
	r, err := model.LoadReport(file)
	if err != nil {
		t.Fatal(err)
	}
	if r.Text("other") != plainOther || r.Unit != "绩溪县" {
		t.Errorf("saved other=%q unit=%q", r.Text("other"), r.Unit)
	}
	if files := lockFiles(file); len(files) != 0 {
		t.Error("lock file left after quit")
	}
}

// A plain session killed with SIGKILL in the middle of a block loses
// nothing: the recovery file was written when it waited for the next line,
// and the next session offers it back as a numbered choice.
func TestPlainModeRecoveryAfterKill(t *testing.T) {
	dir := t.TempDir()
	file := newDraftFile(t, dir)
	tm := startPlain(t, dir)
	tm.waitFor("命令（? 查看命令）：")
	tm.keys("12", "Enter", "t", "Enter")
	tm.waitFor("单独一行“.”结束输入。")
	tm.text(plainPlans)
	tm.keys("Enter")
	waitRecoveryHolds(t, file, plainPlans)
	pid := editorPID(t, tm)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitGone(t, pid)
	tm.waitFor("退出码=137")

	tm2 := startPlain(t, dir)
	tm2.waitFor("上次编辑没有正常结束", "主要安排：0 → 26 字", "1. 恢复这些内容（或输入 r）")
	tm2.keys("1", "Enter")
	tm2.waitFor("已恢复未保存的内容")
	tm2.keys("s", "Enter")
	tm2.waitFor("已保存到 草稿.yaml")
	tm2.keys("q", "Enter")
	tm2.waitFor("退出码=0")
	r, err := model.LoadReport(file)
	if err != nil {
		t.Fatal(err)
	}
	if r.Text("plans") != plainPlans {
		t.Errorf("recovered %q", r.Text("plans"))
	}
	if files := recoveryFiles(file); len(files) != 0 {
		t.Error("recovery file outlived the save")
	}
}
