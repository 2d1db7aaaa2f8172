package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Copy in the prose reaches the system clipboard: with tmux's
// set-clipboard on, the OSC 52 sequence the editor writes lands in tmux's
// paste buffer (which tmux hands on to the outer terminal), and the
// status line confirms the copy.
func TestCopyReachesTmuxClipboard(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile(filepath.Join("..", "examples", "sample-report.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "r.yaml"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, dir, 100, 30, "edit", "r.yaml")
	tm.run("set-option", "-s", "set-clipboard", "on")
	tm.waitFor("主要举措和成效（必填）")
	tm.keys("C-a")
	time.Sleep(200 * time.Millisecond)
	tm.keys("C-c")
	tm.waitFor("已复制")
	var buf string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if out := tm.run("list-buffers"); strings.TrimSpace(out) != "" {
			buf = tm.run("show-buffer")
			break
		}
	}
	if !strings.Contains(buf, "人民政府") || !strings.HasSuffix(strings.TrimSpace(buf), "。") {
		t.Fatalf("tmux paste buffer after ctrl+c: %q, want the section's prose", buf)
	}
	if !tm.alive() {
		t.Fatal("ctrl+c with a selection quit the editor")
	}
}
