package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSaveAsOverExistingFile: a name that is taken is not written at the
// first enter, nor after esc and asking again; only the second enter on
// the same name overwrites it, without a second question, and the draft
// then lives under that name.
func TestSaveAsOverExistingFile(t *testing.T) {
	r, path := savedDraft(t, "原有内容。")
	taken := filepath.Join(filepath.Dir(path), "别人的.yaml")
	const theirs = "别人的文件，不是草稿"
	if err := os.WriteFile(taken, []byte(theirs), 0o600); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, r, nil, path, 100, 30)
	typeText(t, a, "新写的。")
	ask := func() {
		t.Helper()
		press(t, a, "f6", "ctrl+u")
		typeText(t, a, taken)
		press(t, a, "enter")
		if a.state != stateSaveAs || readFile(t, taken) != theirs {
			t.Fatalf("the first enter on a taken name: state %v, file %q", a.state, readFile(t, taken))
		}
		mustContain(t, a, "文件已存在，再按回车覆盖")
	}
	ask()
	press(t, a, "esc")
	if a.state != stateEdit || readFile(t, taken) != theirs || a.file.path != path {
		t.Fatalf("esc: state %v, path %q", a.state, a.file.path)
	}
	ask() // asking again warns again: the earlier warning does not carry over
	press(t, a, "enter")
	got := readFile(t, taken)
	if !strings.Contains(got, "原有内容。新写的。") {
		t.Fatalf("confirmed save as wrote:\n%s", got)
	}
	mustNotContain(t, a, "保存冲突")
	if a.file.path != taken || a.dirty() || a.state != stateEdit {
		t.Fatalf("after save as: path %q, dirty %v, state %v", a.file.path, a.dirty(), a.state)
	}
	if !strings.Contains(readFile(t, path), "原有内容。") || strings.Contains(readFile(t, path), "新写的。") {
		t.Fatal("save as changed the old file")
	}
}
