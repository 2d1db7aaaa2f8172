// Package golden compares a rendered screen or document with the file that
// holds what it should be, and rewrites that file when asked (-update in
// the calling package's tests). Both editors' golden screens use it.
package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// Check fails t when got differs from file. With update it writes got to
// file instead (creating its folder), so a deliberate change is recorded
// by running the tests once with -update and reading the diff.
func Check(t testing.TB, file, got string, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if got != string(want) {
		t.Errorf("screen differs from %s:\n--- got\n%s\n--- want\n%s", file, got, want)
	}
}
