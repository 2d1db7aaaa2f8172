package templateeditor

import (
	"strings"
	"testing"
)

func marshal(t *testing.T, m *Model) string {
	t.Helper()
	data, err := m.t.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Every kind of edit the editor offers is undone by ctrl+z, which says what
// it undid, and done again by ctrl+y.
func TestUndoRedoEveryEdit(t *testing.T) {
	cases := []struct {
		name  string
		keys  []string
		label string
	}{
		{"add section", []string{"a", "数据安全", "enter"}, "新增章节“数据安全”"},
		{"rename title", []string{"j", "r", "ctrl+u", "履行职能", "enter"}, "将章节“依法全面履行政府职能”改名为“履行职能”"},
		{"edit section", []string{"j", "e", "tab", "tab", "ctrl+u", "300", "enter"}, "修改章节“依法全面履行政府职能”"},
		{"toggle required", []string{"j", " "}, "将“依法全面履行政府职能”改为必填"},
		{"move", []string{"j", "J"}, "移动章节“依法全面履行政府职能”"},
		{"indent", []string{"j", "j", ">"}, "章节“推进行政决策科学化、民主化、法治化”降一级"},
		{"outdent", []string{"j", "<"}, "章节“依法全面履行政府职能”升一级"},
		{"delete section", []string{"j", "j", "d", "y"}, "删除章节“推进行政决策科学化、民主化、法治化”"},
		{"rename id", []string{"j", "i", "ctrl+u", "duties", "enter"}, "将章节“依法全面履行政府职能”的 id 由 functions 改为 duties"},
		{"template info", []string{"t", "ctrl+u", "县级模板", "enter"}, "修改模板信息"},
		{"add figure", []string{"j", "f", "a", "职能事项", "enter"}, "新增数字“职能事项”"},
		{"edit figure", []string{"j", "j", "f", "e", "tab", "tab", "ctrl+u", "项", "enter"}, "修改数字“重大行政决策事项”"},
		{"delete figure", []string{"j", "j", "f", "d", "y"}, "删除数字“重大行政决策事项”"},
		{"move figure", []string{"j", "j", "f", "J"}, "移动数字“重大行政决策事项”"},
		{"rule level", []string{"R", " "}, "规则 report.meta 设为关闭"},
		{"rule reset", []string{"R", " ", "0"}, "规则 report.meta 恢复默认级别"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, _ := newEditor(t)
			n := len(c.keys)
			if c.name == "rule reset" {
				keys(m, c.keys[:n-1]...) // the reset undoes the level set first
				n = 1
			}
			before := marshal(t, m)
			keys(m, c.keys[len(c.keys)-n:]...)
			after := marshal(t, m)
			if after == before {
				t.Fatalf("%v changed nothing:\n%s", c.keys, screen(m))
			}
			keys(m, "ctrl+z")
			if got := marshal(t, m); got != before {
				t.Fatalf("undo did not restore the template")
			}
			if !strings.Contains(screen(m), "已撤销："+c.label) {
				t.Fatalf("status does not say what was undone (%s):\n%s", c.label, screen(m))
			}
			keys(m, "ctrl+y")
			if got := marshal(t, m); got != after {
				t.Fatalf("redo did not restore the edit")
			}
			if !strings.Contains(screen(m), "已重做："+c.label) {
				t.Fatalf("status does not say what was redone:\n%s", screen(m))
			}
		})
	}
}

func TestUndoRestoresSelectionAndClearsRedo(t *testing.T) {
	m, _ := newEditor(t)
	keys(m, "ctrl+z")
	if !strings.Contains(screen(m), "没有可以撤销的修改") {
		t.Fatalf("empty undo:\n%s", screen(m))
	}
	if strings.Contains(screen(m), "ctrl+z 撤销") {
		t.Fatal("help offers undo with nothing to undo")
	}
	// An impossible move records nothing.
	keys(m, "K")
	if len(m.undo) != 0 {
		t.Fatalf("failed move recorded: %d", len(m.undo))
	}
	keys(m, "j", "j", "d", "y")
	if m.current().ID == "decisions" {
		t.Fatal("deleted section still selected")
	}
	if !strings.Contains(screen(m), "ctrl+z 撤销") {
		t.Fatalf("help lacks undo:\n%s", screen(m))
	}
	keys(m, "ctrl+z")
	if m.current().ID != "decisions" {
		t.Fatalf("undo did not select the restored section: %s", m.current().ID)
	}
	keys(m, "ctrl+y", "ctrl+z")
	// A new edit after undo drops what could be redone.
	keys(m, " ")
	keys(m, "ctrl+y")
	if !strings.Contains(screen(m), "没有可以重做的修改") || m.t.Section("decisions") == nil {
		t.Fatalf("redo after a new edit:\n%s", screen(m))
	}
}

func TestUndoHistoryIsBounded(t *testing.T) {
	m, _ := newEditor(t)
	first := marshal(t, m)
	for i := 0; i < maxHistory+5; i++ {
		keys(m, " ")
	}
	if len(m.undo) != maxHistory {
		t.Fatalf("history %d, want %d", len(m.undo), maxHistory)
	}
	for i := 0; i < maxHistory+5; i++ {
		keys(m, "ctrl+z")
	}
	// 205 toggles of one flag, 200 undone: an odd number remain.
	if marshal(t, m) == first {
		t.Fatal("undid more edits than the history holds")
	}
	keys(m, " ")
	if marshal(t, m) != first {
		t.Fatal("unexpected template after bounded undo")
	}
}

// Undoing after a save that raised the version keeps the new version:
// units may already have drafts of it.
func TestUndoKeepsSavedVersion(t *testing.T) {
	m, _ := newEditor(t)
	prev := m.t.Clone()
	m.opts.Previous = prev
	keys(m, "a", "新节", "enter")
	run(m, keys(m, "ctrl+s"))
	if m.t.Version != 2 {
		t.Fatalf("version %d", m.t.Version)
	}
	keys(m, "ctrl+z")
	if m.t.Section("section_1") != nil || m.t.Version != 2 {
		t.Fatalf("after undo: version %d", m.t.Version)
	}
	if !m.dirty() {
		t.Fatal("undoing a saved edit leaves unsaved changes")
	}
	keys(m, "ctrl+y")
	if m.dirty() {
		t.Fatal("redo back to the saved state should not be dirty")
	}
}

// Undo is not taken by a form: there ctrl+z belongs to the text input.
func TestUndoNotInForms(t *testing.T) {
	m, _ := newEditor(t)
	keys(m, " ", "e", "ctrl+z")
	if m.state != stateForm || len(m.undo) != 1 {
		t.Fatalf("ctrl+z in a form undid an edit:\n%s", screen(m))
	}
}
