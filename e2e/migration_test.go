package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// TestEditorOffersMigration: the office ships version 2 of its template,
// dropping one section and renaming another's id; a unit opens a draft
// written against version 1. The editor offers migration, the renamed
// section keeps its text, the dropped one's text shows under 已移除章节,
// the old file is backed up, and check warns until the text is placed.
func TestEditorOffersMigration(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "settings.yaml")
	if err := os.Mkdir(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("template_dirs: [templates]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	nianbao := func(args ...string) (string, error) {
		cmd := exec.Command(binary, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NIANBAO_CONFIG="+cfg)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	tpath := filepath.Join(dir, "templates", "county.yaml")
	if out, err := nianbao("template", "new", "--from", "standard", "--id", "county", "-o", tpath); err != nil {
		t.Fatalf("template new: %v\n%s", err, out)
	}
	draft := filepath.Join(dir, "d.yaml")
	if out, err := nianbao("new", "--template", "county", "--unit", "绩溪县", "--year", "2024", "-o", draft); err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}
	const digitalText = "推进政务数据共享，建成统一执法监督平台。"
	const emergencyText = "修订突发事件应急预案三件。"
	r, err := model.LoadReport(draft)
	if err != nil {
		t.Fatal(err)
	}
	r.SetText("measures", "全年工作概述。")
	r.SetText("digital", digitalText)
	r.SetText("emergencies", emergencyText)
	if err := r.Save(draft); err != nil {
		t.Fatal(err)
	}
	original, _ := os.ReadFile(draft)

	// Version 2: 数字法治 is dropped, emergencies becomes emergency_response.
	tp, err := model.LoadTemplate(tpath)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := tp.DeleteSection("digital"); err != nil {
		t.Fatal(err)
	}
	if err := tp.RenameSectionID("emergencies", "emergency_response"); err != nil {
		t.Fatal(err)
	}
	tp.Version = 2
	if err := tp.Save(tpath); err != nil {
		t.Fatal(err)
	}

	tm := startTmux(t, dir, 100, 30, "env", "NIANBAO_CONFIG="+cfg, binary, "edit", "d.yaml")
	// Version 1 was remembered when the draft was made, so the dialog can
	// say what changed although the office's file is now version 2.
	tm.waitFor("模板有新版本", "“county”第 1 版起草", "现在的模板是“county”第 2", "[m] 迁移",
		"删除章节“加快推进数字法治政府建设”", "的 id 由“emergencies”改为")
	tm.keys("m")
	tm.waitFor("已迁移到第 2 版", "# 已移除：加快推进数字")
	tm.keys("C-t", "End", "Enter")
	tm.waitFor("新模板已没有这一章节", digitalText)
	tm.keys("C-s")
	tm.waitFor("已保存")
	tm.keys("C-q")
	tm.waitExit()

	if bak, err := os.ReadFile(draft + ".bak"); err != nil || string(bak) != string(original) {
		t.Fatalf("backup missing or different: %v", err)
	}
	got, err := model.LoadReport(draft)
	if err != nil {
		t.Fatal(err)
	}
	if got.Template.Version != 2 || got.Text("emergency_response") != emergencyText {
		t.Fatalf("migrated draft: version %d, emergency_response %q", got.Template.Version, got.Text("emergency_response"))
	}
	if len(got.Removed) != 1 || got.Removed[0].Text != digitalText {
		t.Fatalf("removed part: %+v", got.Removed)
	}
	out, _ := nianbao("check", draft)
	if !strings.Contains(out, "“已移除章节”中的“加快推进数字法治政府建设”还有") {
		t.Fatalf("check does not warn about the removed text:\n%s", out)
	}
}
