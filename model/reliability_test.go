package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSaveCheckedRefusesConcurrentChange(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	os.WriteFile(path, []byte("unit: 甲\nyear: 2025\n"), 0o644)
	r, err := LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	// Unchanged on disk: saves.
	r.Unit = "乙"
	if err := r.SaveChecked(path); err != nil {
		t.Fatalf("first save: %v", err)
	}
	// Another program rewrites the file.
	os.WriteFile(path, []byte("unit: 别人改的\nyear: 2025\n"), 0o644)
	r.Unit = "丙"
	err = r.SaveChecked(path)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Removed {
		t.Fatalf("want conflict, got %v", err)
	}
	if !strings.Contains(err.Error(), "被其他程序修改过") {
		t.Errorf("message: %v", err)
	}
	got, _ := os.ReadFile(path)
	if !strings.Contains(string(got), "别人改的") {
		t.Error("the other program's change was overwritten")
	}
	if c, _ := r.ChangedOnDisk(); c == nil {
		t.Error("ChangedOnDisk missed the change")
	}
	// Overwrite on purpose with Save.
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	if c, _ := r.ChangedOnDisk(); c != nil {
		t.Errorf("after save, still conflicting: %v", c)
	}
	// Deleted meanwhile.
	os.Remove(path)
	if err := r.SaveChecked(path); !errors.As(err, &ce) || !ce.Removed {
		t.Errorf("deleted file: %v", err)
	}
	// Save as a new name that does not exist: fine. Onto an existing file
	// the draft never read: refused.
	other := filepath.Join(dir, "other.yaml")
	if err := r.SaveChecked(other); err != nil {
		t.Errorf("save as new file: %v", err)
	}
	third := filepath.Join(dir, "third.yaml")
	os.WriteFile(third, []byte("unit: 第三份\n"), 0o644)
	if err := r.SaveChecked(third); !errors.As(err, &ce) {
		t.Errorf("save over an unseen file: %v", err)
	}
}

func TestAutosaveAndRecovery(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	os.WriteFile(path, []byte("unit: 甲\nyear: 2025\nsections:\n  measures: 旧\n"), 0o644)
	r, err := LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if rec, err := findOne(path); rec != nil || err != nil {
		t.Fatalf("no autosave yet, got %v %v", rec, err)
	}
	r.SetText("measures", "旧文字加上新打的一段。")
	r.SetText("plans", "明年的安排。")
	if _, err := r.WriteAutosave(path, crashed); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, ".d.yaml."+crashed.ID()+".autosave")); err != nil {
		t.Fatalf("recovery file not beside the draft: %v", err)
	}
	draft, _ := os.ReadFile(path)
	if strings.Contains(string(draft), "新打的") {
		t.Error("autosave touched the draft")
	}
	rec, err := findOne(path)
	if err != nil || rec == nil {
		t.Fatalf("recovery not found: %v", err)
	}
	if rec.Report.Text("measures") != "旧文字加上新打的一段。" || rec.Report.File() != path {
		t.Errorf("recovered = %q in %s", rec.Report.Text("measures"), rec.Report.File())
	}
	old, _ := LoadReport(path)
	changes := CompareSections(nil, old, rec.Report)
	if len(changes) != 2 || changes[0].ID != "measures" || changes[0].OldChars != 1 || changes[0].NewChars != 11 {
		t.Errorf("changes = %+v", changes)
	}
	// Saving the recovered draft writes the recovered text, merged onto the
	// draft file (its comments and order), and a later recovery check finds
	// nothing once the autosave is removed.
	if err := rec.Report.SaveChecked(path); err != nil {
		t.Fatal(err)
	}
	if err := RemoveRecovery(rec.Path); err != nil {
		t.Fatal(err)
	}
	if rec, _ := findOne(path); rec != nil {
		t.Error("recovery offered after clean save")
	}
	if err := RemoveRecovery(rec.Path); err != nil {
		t.Errorf("removing a missing autosave: %v", err)
	}
}

func TestRecoveryIdenticalToDraftIsIgnored(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	body := []byte("unit: 甲\nyear: 2025\n")
	os.WriteFile(path, body, 0o644)
	os.WriteFile(AutosavePath(path, crashed), body, 0o644)
	if rec, err := findOne(path); rec != nil || err != nil {
		t.Errorf("identical autosave offered: %v %v", rec, err)
	}
}

func TestRecoveryOfUnreadableAutosaveIsAnErrorNotADeletion(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	os.WriteFile(AutosavePath(path, crashed), []byte("unit: [\n"), 0o644)
	if _, err := findOne(path); err == nil {
		t.Error("broken autosave not reported")
	}
	if _, err := os.Stat(AutosavePath(path, crashed)); err != nil {
		t.Error("broken autosave was removed")
	}
}

func TestLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	me := ThisSession()
	l, others, err := AcquireLock(path, me)
	if err != nil || others != nil || l == nil {
		t.Fatalf("acquire: %v %v %v", l, others, err)
	}
	// A lock held by a live process on this host (pid 1 always exists),
	// written by an older version in the single-file format, is reported.
	host, _ := os.Hostname()
	legacy := filepath.Join(dir, ".d.yaml.lock")
	os.WriteFile(legacy, []byte("1\n"+host+"\n"+time.Now().Format(time.RFC3339)+"\n"), 0o644)
	l2, others, err := AcquireLock(path, me)
	if err != nil || l2 == nil || len(others) != 1 || others[0].PID != 1 {
		t.Fatalf("live lock: %v %v %v", l2, others, err)
	}
	if !strings.Contains(others[0].String(), host) {
		t.Errorf("lock description: %s", others[0])
	}
	// A stale lock (no such process) is removed, not reported.
	os.WriteFile(legacy, []byte("999999999\n"+host+"\n"+time.Now().Format(time.RFC3339)+"\n"), 0o644)
	l3, others, err := AcquireLock(path, me)
	if err != nil || others != nil || l3 == nil {
		t.Fatalf("stale lock: %v %v %v", l3, others, err)
	}
	if _, err := os.Stat(legacy); !os.IsNotExist(err) {
		t.Error("stale lock left in place")
	}
	if err := l3.Release(); err != nil {
		t.Fatal(err)
	}
	if files := LockFiles(path); len(files) != 0 {
		t.Errorf("lock files left after release: %v", files)
	}
}
