package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMaskFromFindings: a drafter types a party's mobile number, opens the
// findings (F2), selects the phone finding, presses m; the saved draft
// holds the masked number, and ctrl+z brings the original back.
func TestMaskFromFindings(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "d.yaml")
	if out, err := exec.Command(binary, "new", "--unit", "绩溪县", "--year", "2024", "-o", file).CombinedOutput(); err != nil {
		t.Fatalf("nianbao new: %v\n%s", err, out)
	}
	tm := startTmux(t, dir, 110, 34, "edit", "d.yaml")
	tm.waitFor("一、上一年度推进法治政府建设的主要举措和成效")
	tm.text("申请人手机13812345678。")
	tm.keys("F2")
	tm.waitFor("手机号码 138****5678")
	if strings.Contains(tm.screen(), "手机号码 13812345678") {
		t.Fatal("the finding shows the number in full")
	}
	// Move the findings cursor to the phone finding.
	deadline := time.Now().Add(10 * time.Second)
	for !selected(tm.screen(), "手机号码 138****5678") {
		if time.Now().After(deadline) {
			t.Fatalf("never selected the phone finding:\n%s", tm.screen())
		}
		tm.keys("Down")
		time.Sleep(50 * time.Millisecond)
	}
	tm.waitFor("m 遮盖号码或姓名")
	tm.text("m")
	tm.waitFor("已遮盖为“138****5678”", "申请人手机138****5678。")
	tm.keys("C-s")
	tm.waitFor("已保存")
	saved, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(saved), "申请人手机138****5678。") || strings.Contains(string(saved), "13812345678") {
		t.Fatalf("saved draft:\n%s", saved)
	}
	tm.keys("C-z")
	tm.waitFor("申请人手机13812345678。")
	tm.keys("C-s")
	tm.waitFor("已保存")
	if saved, _ := os.ReadFile(file); !strings.Contains(string(saved), "13812345678") {
		t.Fatalf("undo not saved:\n%s", saved)
	}
	tm.keys("C-q")
	tm.waitExit()
}

// selected tells whether the findings line marked "> " contains want.
func selected(screen, want string) bool {
	for _, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, "> ["); i >= 0 && strings.Contains(l[i:], want) {
			return true
		}
	}
	return false
}
