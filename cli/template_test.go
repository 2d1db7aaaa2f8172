package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
	"nianbao/ui/templateeditor"
)

// isolate points the settings file at a temporary directory so tests never
// read the developer's own settings.
func isolate(t *testing.T, dirs ...string) string {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "settings.yaml")
	if len(dirs) > 0 {
		text := "template_dirs:\n"
		for _, d := range dirs {
			text += "  - " + d + "\n"
		}
		if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("NIANBAO_CONFIG", cfg)
	return cfg
}

func TestSettingsDirs(t *testing.T) {
	cfg := isolate(t, "模板", "/abs/dir")
	dirs := settingsTemplateDirs()
	want := []string{filepath.Join(filepath.Dir(cfg), "模板"), "/abs/dir"}
	if strings.Join(dirs, "|") != strings.Join(want, "|") {
		t.Fatalf("dirs %v, want %v", dirs, want)
	}
	if err := os.WriteFile(cfg, []byte("template_dirs: {a: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var msgs []string
	if d := templateDirsFromSettings(func(m string) { msgs = append(msgs, m) }); d != nil || len(msgs) != 1 {
		t.Fatalf("broken settings: %v %v", d, msgs)
	}
}

func TestTemplateNewListLintDiff(t *testing.T) {
	dir := t.TempDir()
	isolate(t, dir)
	p := filepath.Join(dir, "county.yaml")
	if code, _, errOut := run(t, "template", "new", "--from", "standard", "-o", p); code != 0 {
		t.Fatalf("new: %d %s", code, errOut)
	}
	if code, _, _ := run(t, "template", "new", "-o", p); code != ExitInput {
		t.Fatal("new overwrote an existing file")
	}
	if code, _, _ := run(t, "template", "new", "--id", "standard", "-o", filepath.Join(dir, "x.yaml")); code != ExitInput {
		t.Fatal("new accepted an embedded id")
	}
	code, out, _ := run(t, "template", "list")
	if code != 0 || !strings.Contains(out, "county") || !strings.Contains(out, p) {
		t.Fatalf("list: %d\n%s", code, out)
	}
	if code, _, errOut := run(t, "template", "lint", p); code != 0 || !strings.Contains(errOut, "模板没有问题") {
		t.Fatalf("lint clean: %d %s", code, errOut)
	}
	// A duplicate id: exit 1 with file:line:col.
	data, _ := os.ReadFile(p)
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, []byte(strings.Replace(string(data), "- id: enforcement", "- id: decisions", 1)))
	code, out, _ = run(t, "template", "lint", bad)
	if code != ExitFindings || !strings.Contains(out, bad+":") || !strings.Contains(out, "错误：章节 id“decisions”重复") {
		t.Fatalf("lint duplicate: %d\n%s", code, out)
	}
	if code, _, _ := run(t, "template", "lint", filepath.Join(dir, "none.yaml")); code != ExitInput {
		t.Fatal("unreadable file must exit 2")
	}
	// A structural change without a version bump, given the previous file.
	tp, err := model.LoadTemplate(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tp.AddSection("other", false, "data", "数据安全"); err != nil {
		t.Fatal(err)
	}
	next := filepath.Join(dir, "next.yaml")
	if err := tp.Save(next); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "template", "lint", "--previous", p, next)
	if code != ExitFindings || !strings.Contains(out, "版本号应当高于 1") {
		t.Fatalf("lint version: %d\n%s", code, out)
	}
	code, out, _ = run(t, "template", "diff", p, next)
	if code != 0 || !strings.Contains(out, "1. 新增选填章节“数据安全”（位于最上一级）") {
		t.Fatalf("diff: %d\n%s", code, out)
	}
}

func TestMigrateCommand(t *testing.T) {
	dir := t.TempDir()
	isolate(t, dir)
	p := filepath.Join(dir, "county.yaml")
	if code, _, e := run(t, "template", "new", "-o", p); code != 0 {
		t.Fatal(e)
	}
	draft := filepath.Join(dir, "d.yaml")
	if code, _, e := run(t, "new", "--template", "county", "--unit", "绩溪县", "--year", "2024", "-o", draft); code != 0 {
		t.Fatal(e)
	}
	r, err := model.LoadReport(draft)
	if err != nil {
		t.Fatal(err)
	}
	r.SetText("functions", "放管服改革持续深化。")
	if err := r.Save(draft); err != nil {
		t.Fatal(err)
	}
	// Version 2 drops the section; the old version is gone from disk.
	tp, _ := model.LoadTemplate(p)
	if _, _, err := tp.DeleteSection("functions"); err != nil {
		t.Fatal(err)
	}
	tp.Version = 2
	if err := tp.Save(p); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.yaml")
	code, _, errOut := run(t, "migrate", "--template", "county", "-o", out, draft)
	if code != 0 || !strings.Contains(errOut, "内容保留在草稿的“已移除章节”中") {
		t.Fatalf("migrate: %d %s", code, errOut)
	}
	m, err := model.LoadReport(out)
	if err != nil || m.Template.Version != 2 || len(m.Removed) != 1 || m.Removed[0].Text != "放管服改革持续深化。" {
		t.Fatalf("%v %+v", err, m)
	}
	if code, _, _ := run(t, "migrate", "--template", "county", "-o", out, draft); code != ExitInput {
		t.Fatal("migrate overwrote -o without --force")
	}
	// In place: backup next to it, then a second run has nothing to do.
	if code, _, e := run(t, "migrate", "--template", "county", draft); code != 0 {
		t.Fatal(e)
	}
	if _, err := os.Stat(draft + ".bak"); err != nil {
		t.Fatal("no backup")
	}
	code, _, errOut = run(t, "migrate", "--template", "county", draft)
	if code != 0 || !strings.Contains(errOut, "无需迁移") {
		t.Fatalf("second migrate: %d %s", code, errOut)
	}
	if code, _, e := run(t, "check", draft); code == ExitInput {
		t.Fatalf("migrated draft unreadable by check: %s", e)
	}
}

func TestTemplateEditStart(t *testing.T) {
	dir := t.TempDir()
	isolate(t)
	p := filepath.Join(dir, "new.yaml")
	var got templateeditor.Options
	opts := &templateEditOptions{streams: testStreams(nil, &strings.Builder{}, &strings.Builder{}), path: p,
		from: templates.Default, run: func(o templateeditor.Options) error { got = o; return nil }}
	if err := runTemplateEdit(opts); err != nil {
		t.Fatal(err)
	}
	if got.Template.ID != "new" || got.Template.Version != 1 || got.Previous != nil || got.Saved != nil {
		t.Fatalf("%+v", got)
	}
	// An existing file with a duplicate id still opens, to be fixed.
	data, _ := templates.Raw("standard")
	writeFile(t, p, []byte(strings.Replace(string(data), "- id: enforcement", "- id: decisions", 1)))
	if err := runTemplateEdit(opts); err != nil {
		t.Fatal(err)
	}
	if got.Previous == nil || string(got.Saved) == "" {
		t.Fatal("existing file opened as new")
	}
}

// An id rename reads as one in `template diff`, and `migrate` carries the
// text written under the old id to the renamed section.
func TestDiffAndMigrateSectionIDRename(t *testing.T) {
	dir := t.TempDir()
	isolate(t, dir)
	p := filepath.Join(dir, "county.yaml")
	if code, _, e := run(t, "template", "new", "-o", p); code != 0 {
		t.Fatal(e)
	}
	old := filepath.Join(dir, "county-v1.yaml")
	data, _ := os.ReadFile(p)
	writeFile(t, old, data)
	draft := filepath.Join(dir, "d.yaml")
	if code, _, e := run(t, "new", "--template", "county", "--unit", "绩溪县", "--year", "2024", "-o", draft); code != 0 {
		t.Fatal(e)
	}
	r, err := model.LoadReport(draft)
	if err != nil {
		t.Fatal(err)
	}
	r.SetText("functions", "放管服改革持续深化。")
	if err := r.Save(draft); err != nil {
		t.Fatal(err)
	}
	tp, _ := model.LoadTemplate(p)
	if err := tp.RenameSectionID("functions", "duties"); err != nil {
		t.Fatal(err)
	}
	tp.Version = 2
	if err := tp.Save(p); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "template", "diff", old, p)
	if code != 0 || !strings.Contains(out, "章节“依法全面履行政府职能”的 id 由“functions”改为“duties”") || strings.Contains(out, "删除章节") {
		t.Fatalf("diff: %d\n%s", code, out)
	}
	code, _, errOut := run(t, "migrate", "--template", "county", draft)
	if code != 0 || !strings.Contains(errOut, "按旧 id 对应 1 个（functions→duties）") {
		t.Fatalf("migrate: %d %s", code, errOut)
	}
	m, err := model.LoadReport(draft)
	if err != nil || m.Text("duties") != "放管服改革持续深化。" || len(m.Removed) != 0 {
		t.Fatalf("%v %+v", err, m)
	}
}
