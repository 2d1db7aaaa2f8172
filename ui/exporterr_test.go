package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestExportErrors: an export that cannot be written says so in Chinese
// in the status line, and leaves the draft, its file and the editor's text
// as they were.
func TestExportErrors(t *testing.T) {
	cases := []struct {
		name    string
		breakIt func(t *testing.T, draft string)
	}{
		{"folder removed", func(t *testing.T, draft string) {
			if err := os.RemoveAll(filepath.Dir(draft)); err != nil {
				t.Fatal(err)
			}
		}},
		{"export name is a folder", func(t *testing.T, draft string) {
			if err := os.Mkdir(strings.TrimSuffix(draft, ".yaml")+".txt", 0o700); err != nil {
				t.Fatal(err)
			}
		}},
		{"folder read-only", func(t *testing.T, draft string) {
			if os.Geteuid() == 0 {
				t.Skip("root writes into a read-only folder; the other cases cover the failure")
			}
			dir := filepath.Dir(draft)
			if err := os.Chmod(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, path := savedDraft(t, "原有内容。")
			a := newTestApp(t, r, nil, path, 100, 30)
			typeText(t, a, "未保存的一句。")
			onDisk := readFile(t, path)
			tc.breakIt(t, path)
			press(t, a, "f5", "t")
			msg := a.status.text
			if !a.status.isErr || !strings.HasPrefix(msg, "导出失败：") {
				t.Fatalf("status after a failed export: %q (error %v)", msg, a.status.isErr)
			}
			if !hasHan(strings.TrimPrefix(msg, "导出失败：")) {
				t.Errorf("the reason is not in Chinese: %q", msg)
			}
			mustContain(t, a, "导出失败")
			if got := a.editor(a.cur).Value(); got != "原有内容。未保存的一句。" || !a.dirty() {
				t.Fatalf("the editor holds %q, dirty %v", got, a.dirty())
			}
			if _, err := os.Stat(path); err == nil && readFile(t, path) != onDisk {
				t.Fatal("a failed export changed the draft file")
			}
		})
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
