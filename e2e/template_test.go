package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"nianbao/model"
)

// The coordinating office's flow, end to end in a real terminal: create a
// template from standard in the template editor, add a required section
// with a required figure, delete it and undo that, save, quit; a unit
// creates a draft from it by id (found through the settings file's
// template_dirs), and check reports the new section. The helpers here are local to this file (tmpl…) so this test
// does not depend on the drafting editor's e2e helpers.

var (
	tmplBinOnce sync.Once
	tmplBin     string
	tmplBinErr  error
)

// buildTemplateBinary builds nianbao once for the tests in this file.
func buildTemplateBinary(t *testing.T) string {
	t.Helper()
	tmplBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "nianbao-tmpl-e2e-")
		if err != nil {
			tmplBinErr = err
			return
		}
		tmplBin = filepath.Join(dir, "nianbao")
		out, err := exec.Command("go", "build", "-o", tmplBin, "nianbao").CombinedOutput()
		if err != nil {
			tmplBinErr = fmt.Errorf("building nianbao: %v\n%s", err, out)
		}
	})
	if tmplBinErr != nil {
		t.Fatal(tmplBinErr)
	}
	return tmplBin
}

type tmplTerm struct {
	t      *testing.T
	socket string
}

func tmplTmux(t *testing.T, dir string, env []string, args ...string) *tmplTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &tmplTerm{t: t, socket: fmt.Sprintf("nianbao-tmpl-%d-%d", os.Getpid(), time.Now().UnixNano())}
	cmd := "env " + strings.Join(env, " ") + " " + strings.Join(args, " ")
	tm.run("new-session", "-d", "-s", "main", "-x", "140", "-y", "45", "-c", dir, cmd)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmplTerm) run(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-u", "-L", tm.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color")
	out, err := cmd.CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmplTerm) keys(k ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "main"}, k...)...)
}

func (tm *tmplTerm) text(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "main", "-l", s)
}

func (tm *tmplTerm) waitFor(want ...string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.run("capture-pane", "-p", "-t", "main")
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(s, w)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q:\n%s", want, s)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// waitExit waits until the program ended and with it the tmux session.
func (tm *tmplTerm) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-L", tm.socket, "has-session", "-t", "main").Run() != nil {
			return
		}
		time.Sleep(30 * time.Millisecond)
	}
	tm.t.Fatalf("editor did not exit:\n%s", tm.run("capture-pane", "-p", "-t", "main"))
}

func TestTemplateEditorToCheck(t *testing.T) {
	bin := buildTemplateBinary(t)
	dir := t.TempDir()
	tdir := filepath.Join(dir, "templates")
	if err := os.Mkdir(tdir, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "settings.yaml")
	if err := os.WriteFile(cfg, []byte("template_dirs: [templates]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"NIANBAO_CONFIG=" + cfg, "LANG=C.UTF-8"}
	tpath := filepath.Join(tdir, "county.yaml")

	tm := tmplTmux(t, dir, env, bin, "template", "edit", tpath, "--from", "standard")
	tm.waitFor("模板编辑：", "id county", "五、其他需要报告的情况", "模板检查：没有问题")
	for i := 0; i < 20; i++ {
		tm.keys("j")
	}
	tm.keys("a")
	tm.waitFor("新增同级章节")
	tm.text("数据安全工作")
	tm.keys("Tab")
	tm.text("data_security")
	tm.keys("Tab", "Space", "Enter")
	tm.waitFor("六、数据安全工作", "已新增章节")
	tm.keys("f", "a")
	tm.waitFor("新增数字")
	tm.text("数据安全事件")
	tm.keys("Tab")
	tm.text("incidents")
	tm.keys("Tab")
	tm.text("起")
	tm.keys("Tab", "Tab", "Space", "Enter")
	tm.waitFor("数据安全事件 · incidents · 单位 起 · 数量 · 必填")
	tm.keys("Escape")
	// Delete the new section by mistake and take it back with ctrl+z.
	tm.keys("d")
	tm.waitFor("确定删除章节“数据安全工作”")
	tm.keys("y")
	tm.waitFor("已删除章节“数据安全工作”")
	tm.keys("C-z")
	tm.waitFor("已撤销：删除章节“数据安全工作”", "六、数据安全工作")
	tm.keys("C-s")
	tm.waitFor("已保存")
	tm.keys("q")
	tm.waitExit()

	tp, err := model.LoadTemplate(tpath)
	if err != nil {
		t.Fatal(err)
	}
	if s := tp.Section("data_security"); s == nil || !s.Required || tp.Parent("data_security") != nil {
		t.Fatalf("saved template lacks the required section: %+v", s)
	}

	nianbao := func(args ...string) (int, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, string(out)
	}
	draft := filepath.Join(dir, "d.yaml")
	if code, out := nianbao("new", "--template", "county", "--unit", "绩溪县", "--year", "2024", "-o", draft); code != 0 {
		t.Fatalf("new: %d %s", code, out)
	}
	code, out := nianbao("check", draft)
	if code != 1 || !strings.Contains(out, "必填章节“六、数据安全工作”没有内容") || !strings.Contains(out, "必填数字“数据安全事件”未填写") {
		t.Fatalf("check (empty section): %d\n%s", code, out)
	}
	// A draft without the section at all (as one written before the change
	// would be): check says it is missing.
	r, err := model.LoadReport(draft)
	if err != nil {
		t.Fatal(err)
	}
	delete(r.Sections, "data_security")
	if err := r.Save(draft); err != nil {
		t.Fatal(err)
	}
	code, out = nianbao("check", draft)
	if code != 1 || !strings.Contains(out, "[section.missing]") || !strings.Contains(out, "数据安全工作") {
		t.Fatalf("check (missing section): %d\n%s", code, out)
	}
}
