package templates

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRememberAndFindOlderVersion(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	v1, err := Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	v1.ID = "county"
	if err := v1.Save(filepath.Join(dir, "county.yaml")); err != nil {
		t.Fatal(err)
	}
	if got := Version("county", 1, dir); got == nil || got.Version != 1 {
		t.Fatalf("current file not found as version 1: %v", got)
	}
	if err := Remember(v1); err != nil {
		t.Fatal(err)
	}
	// The office ships version 2 over the same file.
	v2, _ := Embedded("standard")
	v2.ID, v2.Version = "county", 2
	if _, _, err := v2.DeleteSection("digital"); err != nil {
		t.Fatal(err)
	}
	if err := v2.Save(filepath.Join(dir, "county.yaml")); err != nil {
		t.Fatal(err)
	}
	old := Version("county", 1, dir)
	if old == nil || old.Version != 1 || old.Section("digital") == nil {
		t.Fatalf("remembered version 1 not found: %v", old)
	}
	if Version("county", 3, dir) != nil {
		t.Fatal("found a version that never existed")
	}
}

func TestVersionFoundBesideCurrentFile(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	v1, _ := Embedded("standard")
	v1.ID = "county"
	v1.Save(filepath.Join(dir, "county-2024.yaml"))
	v2, _ := Embedded("standard")
	v2.ID, v2.Version = "county", 2
	v2.Save(filepath.Join(dir, "county.yaml"))
	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("id: [\n"), 0o644)
	if got := Version("county", 1, dir); got == nil || got.Version != 1 {
		t.Fatalf("older file beside the current one not found: %v", got)
	}
}

func TestRememberIsIdempotent(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	tm, _ := Embedded("department")
	if err := Remember(tm); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(state, "nianbao", "templates", historyName(tm.ID, tm.Version))
	st1, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := Remember(tm); err != nil {
		t.Fatal(err)
	}
	st2, _ := os.Stat(p)
	if !st1.ModTime().Equal(st2.ModTime()) {
		t.Fatal("an unchanged template was rewritten")
	}
	if historyName("a/b c", 3) != "a_b_c@3.yaml" {
		t.Fatal(historyName("a/b c", 3))
	}
}
