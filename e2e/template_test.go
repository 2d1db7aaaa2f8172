package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

// The coordinating office's flow, end to end in a real terminal: create a
// template from standard in the template editor, add a required section
// with a required figure, delete it and undo that, save, quit; a unit
// creates a draft from it by id (found through the settings file's
// template_dirs), and check reports the new section.

func TestTemplateEditorToCheck(t *testing.T) {
	bin := binary
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

	tm := startTmux(t, dir, 140, 45, append(append([]string{"env"}, env...), bin, "template", "edit", tpath, "--from", "standard")...)
	tm.waitFor("模板编辑：", "id county", "五、其他需要报告的情况", "模板检查：没有问题")
	for i := 0; i < 20; i++ {
		tm.keys("j")
	}
	tm.keys("a")
	tm.waitFor("新增同级章节")
	tm.text("数据安全工作")
	tm.assertCursorAfter("数据安全工作")
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
	tm.assertCursorAfter("起")
	tm.keys("Tab", "Tab", "Space", "Enter")
	tm.waitFor("数据安全事件 · incidents · 单位 起 · 数量 · 必填")
	tm.keys("Escape")
	// ESC and the next key sent together read as alt+key; a busy editor
	// must have taken the ESC on its own first.
	time.Sleep(300 * time.Millisecond)
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

// The template editor at 80x24, as an office worker with an input method
// uses it: the terminal cursor follows the guidance text, enter starts a
// new paragraph there, ctrl+s accepts the form and saves, and the quit
// question takes the drafting editor's answers (y saves).
func TestTemplateEditorGuidanceAndQuit(t *testing.T) {
	dir := t.TempDir()
	tpath := filepath.Join(dir, "county.yaml")
	tm := startTmux(t, dir, 80, 24, "env", "LANG=C.UTF-8", binary, "template", "edit", tpath, "--from", "standard")
	tm.waitFor("模板编辑：", "模板检查：没有问题")
	tm.keys("j", "e")
	tm.waitFor("编辑章节 functions")
	tm.keys("BTab")
	tm.waitFor("enter 换段", "ctrl+s 确定并保存")
	tm.keys("C-End")
	tm.keys("Enter")
	tm.text("另写一段说明")
	tm.assertCursorAfter("另写一段说明")
	tm.keys("C-s")
	tm.waitFor("已保存")
	tp, err := model.LoadTemplate(tpath)
	if err != nil {
		t.Fatal(err)
	}
	if g := tp.Section("functions").Guidance; !strings.HasSuffix(g, "\n另写一段说明") {
		t.Fatalf("guidance %q", g)
	}
	tm.keys("Space", "q")
	tm.waitFor("有尚未保存的修改。[s] 保存并退出    [d] 不保存退出    [esc] 取消")
	tm.keys("y")
	tm.waitExit()
	tp, err = model.LoadTemplate(tpath)
	if err != nil {
		t.Fatal(err)
	}
	if !tp.Section("functions").Required {
		t.Fatal("y in the quit question did not save")
	}
}
