package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// TestLiveFigures: in the real editor, the figure panel shows the number a
// sentence states as it is typed; enter takes it; a different value and a
// value that is not a number are flagged on screen, kept in the saved file
// as typed, and reported by `nianbao check` of that file.
func TestLiveFigures(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "d.yaml")
	if out, err := exec.Command(binary, "new", "--unit", "绩溪县", "--year", "2024", "-o", file).CombinedOutput(); err != nil {
		t.Fatalf("nianbao new: %v\n%s", err, out)
	}
	tm := startTmux(t, dir, 120, 40, "edit", "d.yaml")
	tm.waitFor("一、上一年度推进法治政府建设的主要举措和成效")
	tm.keys("C-n", "C-n", "C-n")
	tm.waitFor("（三）有效预防调处化解社会矛盾纠纷（必填）")
	tm.text("全年收到行政复议申请25件，依法审结23件。")
	tm.waitFor("文中：25 件（“全年收到行政复议申请", "文中：23 件")

	tm.keys("Tab") // 行政复议收案数, empty
	tm.waitFor("回车采用")
	tm.keys("Enter")
	tm.waitFor("[25", "与文中一致")
	tm.keys("Down") // 行政复议审结数: another number than the text's
	tm.text("32")
	tm.waitFor("[32", "与文中不符：23 件")
	tm.keys("Down") // 行政复议纠错数: not a number
	tm.text("1e20")
	tm.waitFor("[1e20", "无效，未计入")
	tm.keys("C-s")
	tm.waitFor("以下内容无效未计入：行政复议纠错数“1e20”")
	tm.keys("C-q")
	tm.waitExit()

	r, err := model.LoadReport(file)
	if err != nil {
		t.Fatalf("the saved draft must open: %v", err)
	}
	if n, _ := r.Figure("review_received"); n.Text != "25" {
		t.Errorf("review_received %q, want 25 taken from the text", n.Text)
	}
	if n, _ := r.Figure("review_decided"); n.Text != "32" {
		t.Errorf("review_decided %q, want 32 as typed", n.Text)
	}
	if _, ok := r.Figure("review_corrected"); ok || r.Invalid["review_corrected"] != "1e20" {
		t.Errorf("review_corrected: value %v, text %q; want no value and 1e20 kept", ok, r.Invalid["review_corrected"])
	}
	out, _ := exec.Command(binary, "check", file).CombinedOutput()
	for _, want := range []string{
		"[figure.prose-mismatch] 警告：“行政复议审结数”数字栏填写 32件，正文写的是 23件",
		"[figure.invalid] 错误：数字“行政复议纠错数”填写为“1e20”",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "“行政复议收案数”数字栏") {
		t.Errorf("the value taken from the text is reported:\n%s", out)
	}
}
