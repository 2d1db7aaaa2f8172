package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// F7 attaches last year's report in the real editor; the plans list under
// the measures follows what is typed, the saved draft keeps the copy, and
// `nianbao check` of the saved draft runs the follow-up rules from it.
func TestAttachPreviousInEditor(t *testing.T) {
	dir := t.TempDir()
	last, err := os.ReadFile(filepath.Join("..", "cli", "testdata", "followup-2023.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "last.txt"), last, 0o644); err != nil {
		t.Fatal(err)
	}
	newCmd := exec.Command(binary, "new", "--unit", "青山县人民政府", "--year", "2024", "-o", "r.yaml")
	newCmd.Dir = dir
	if out, err := newCmd.CombinedOutput(); err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}
	tm := startTmux(t, dir, 100, 34, "edit", "r.yaml")
	tm.waitFor("主要举措和成效（必填）")
	tm.keys("F7")
	tm.waitFor("附上去年的报告")
	tm.text("last.txt")
	tm.keys("Enter")
	tm.waitFor("去年工作安排 已见落实 0/5")
	tm.text("县公共法律服务中心建成投入使用，为群众提供一站式法律服务。")
	tm.waitFor("去年工作安排 已见落实 1/5")
	tm.keys("C-s")
	tm.waitFor("已保存")
	tm.keys("C-q")
	tm.waitExit()

	r, err := model.LoadReport(filepath.Join(dir, "r.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Previous == nil || r.Previous.File != "last.txt" || len(r.Previous.SHA256) != 64 || !strings.Contains(r.Previous.Plans, "法治文化公园") {
		t.Fatalf("saved previous: %+v", r.Previous)
	}
	check := exec.Command(binary, "check", "r.yaml")
	check.Dir = dir
	out, _ := check.CombinedOutput()
	if n := strings.Count(string(out), "[plans.unfollowed]"); n != 4 || !strings.Contains(string(out), "找到落实 1 项") {
		t.Errorf("check of the saved draft: %d unfollowed\n%s", n, out)
	}
}
