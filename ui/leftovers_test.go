package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/model"
)

// oldDraft is a draft written against an older version of the standard
// template, with a section the current version does not have.
func oldDraft(t *testing.T) string {
	t.Helper()
	tm := stdTemplate(t)
	yaml := "template:\n  id: standard\n  version: " + strconv.Itoa(tm.Version-1) + "\n" +
		"unit: 绩溪县\nyear: 2024\nsections:\n" +
		"  measures: 主要举措的正文。\n" +
		"  pilot_zone: 试点区建设的正文，新模板已删去这一节。\n"
	path := filepath.Join(t.TempDir(), "旧草稿.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMigrationPromptMovesRemovedTextToLeftovers(t *testing.T) {
	path := oldDraft(t)
	r, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAppWith(t, Options{Report: r, Path: path}, 100, 30)
	mustContain(t, a, "模板有新版本", "第 0 版起草", "[m] 迁移", "[q] 退出", "不迁移就无法按新模板编辑")
	mustNotContain(t, a, "[k]")
	press(t, a, "m")
	mustContain(t, a, "已迁移到第 1 版", "# 已移除：pilot_zone", "主要举措的正文。")
	if !exists(path + ".bak") {
		t.Fatal("no backup before migration")
	}
	before, _ := os.ReadFile(path + ".bak")
	if cur, _ := os.ReadFile(path); string(cur) != string(before) {
		t.Fatal("migration rewrote the draft before the drafter saved")
	}

	// The removed text opens like a section from the tree.
	press(t, a, "ctrl+t")
	for a.tree.cursor < a.tree.rows()-1 {
		press(t, a, "down")
	}
	press(t, a, "enter")
	mustContain(t, a, "新模板已没有这一章节", "试点区建设的正文")
	if a.state != stateLeftover {
		t.Fatalf("state %v", a.state)
	}

	press(t, a, "ctrl+s")
	saved, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Template.Version != 1 || len(saved.Removed) != 1 || !strings.Contains(saved.Removed[0].Text, "试点区建设的正文") {
		t.Fatalf("saved draft: version %d, removed %+v", saved.Template.Version, saved.Removed)
	}
}

func TestLeftoverEmptiedDisappearsOnSave(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Removed = []model.RemovedSection{{ID: "old", Title: "旧章节", Text: "旧章节的文字。"}}
	r.Unmatched = "导入时没有归类的一段。"
	path := filepath.Join(t.TempDir(), "d.yaml")
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	r, _ = model.LoadReport(path)
	a := newTestApp(t, r, tm, path, 100, 30)
	mustContain(t, a, "# 已移除：旧章节", "# 未归类内容")

	press(t, a, "ctrl+t")
	for a.tree.cursor < a.tree.rows()-2 {
		press(t, a, "down")
	}
	press(t, a, "enter")
	mustContain(t, a, "旧章节的文字。")
	typeText(t, a, "补一句")
	a.syncProse()
	if got := a.c.report.Removed[0].Text; got != "旧章节的文字。补一句" {
		t.Fatalf("leftover text %q", got)
	}
	// Emptying the part (after moving its text elsewhere) drops it on save.
	a.leftoverEditor(a.leftover).SetValue("")
	press(t, a, "esc")
	if a.focus != focusTree || a.leftoverEditor(a.leftover).Focused() {
		t.Fatal("esc in a leftover did not hand the keys to the tree")
	}
	press(t, a, "ctrl+s")
	saved, _ := model.LoadReport(path)
	if len(saved.Removed) != 0 || saved.Unmatched != "导入时没有归类的一段。" {
		t.Fatalf("saved removed %+v unmatched %q", saved.Removed, saved.Unmatched)
	}
}

func TestMigrationDeclinedWhenDraftStillFits(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	r.Template.Version = tm.Version - 1
	r.SetText("measures", "正文。")
	a := newTestAppWith(t, Options{Report: r}, 100, 30)
	mustContain(t, a, "模板有新版本", "[k] 暂不迁移")
	press(t, a, "k")
	mustContain(t, a, "正文。")
	if a.c.report.Template.Version != tm.Version-1 {
		t.Fatal("declining migration changed the draft's template version")
	}
}
