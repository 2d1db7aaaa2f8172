package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

// Bursts of Chinese that arrive faster than the editor reads (an input
// method committing a sentence, a paste in a terminal without bracketed
// paste) reach the program in 256-byte reads, so many characters straddle
// a read boundary. Every one must end up in the draft, in order.

var sectionCharsRe = regexp.MustCompile(`本节 (\d+) 字`)

// burstText is n distinct-looking Chinese characters: a walk over the CJK
// block with a stride, so a lost or repeated character shows as a
// mismatch at a position, not just as a wrong count.
func burstText(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteRune(rune(0x4E00 + (i*7919)%0x5000))
	}
	return b.String()
}

// sendBurst types text with send-keys -l (no bracketed paste), in chunks of
// at most chunk characters: one tmux command carries at most about 16 kB.
func sendBurst(tm *term, text string, chunk int) {
	rs := []rune(text)
	for len(rs) > 0 {
		n := min(chunk, len(rs))
		tm.text(string(rs[:n]))
		rs = rs[n:]
	}
}

// waitSectionChars waits until the status bar counts want characters in the
// section, or until the count has stood still for a while (characters were
// lost); it returns the last count seen.
func waitSectionChars(tm *term, want int) int {
	tm.t.Helper()
	last, since := -1, time.Now()
	deadline := time.Now().Add(60 * time.Second)
	for {
		got := -1
		if m := sectionCharsRe.FindStringSubmatch(tm.screen()); m != nil {
			got, _ = strconv.Atoi(m[1])
		}
		if got == want {
			return got
		}
		if got != last {
			last, since = got, time.Now()
		}
		if time.Since(since) > 5*time.Second || time.Now().After(deadline) {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// burstArrivesWhole opens a fresh draft, sends text into the first section
// without bracketed paste, saves, and compares the saved section byte for
// byte.
func burstArrivesWhole(t *testing.T, text string, chunk int) {
	dir := t.TempDir()
	file := newDraftFile(t, dir)
	tm := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")
	tm.waitFor(measuresHeading, "本节 0 字")
	want := len([]rune(text))
	sendBurst(tm, text, chunk)
	got := waitSectionChars(tm, want)
	tm.keys("C-s")
	tm.waitFor("已保存")
	tm.keys("C-q")
	tm.waitExit()
	if got != want {
		t.Errorf("the status bar counts %d characters, want %d", got, want)
	}
	r, err := model.LoadReport(file)
	if err != nil {
		t.Fatal(err)
	}
	saved := r.Text("measures")
	if saved == text {
		return
	}
	sr, wr := []rune(saved), []rune(text)
	i := 0
	for i < len(sr) && i < len(wr) && sr[i] == wr[i] {
		i++
	}
	t.Fatalf("the draft holds %d characters of the %d sent; the first difference is at character %d (sent %q, saved %q)",
		len(sr), len(wr), i, string(wr[i:min(i+5, len(wr))]), string(sr[i:min(i+5, len(sr))]))
}

// TestBurst601 is the case: 601 characters in one write.
func TestBurst601(t *testing.T) {
	burstArrivesWhole(t, burstText(601), 601)
}

// TestBurst10000 sends 10,000 characters in chunks of 2,000 (6,000 bytes
// per tmux command, more than the terminal's input buffer takes at once).
func TestBurst10000(t *testing.T) {
	burstArrivesWhole(t, burstText(10000), 2000)
}

// TestExternalEditorGetsTheTerminal: ctrl+e runs $EDITOR on the terminal
// itself, not on the editor's input reader (which would hand it a pipe
// and keep reading the keys meant for it), and typing afterwards still
// arrives whole.
func TestExternalEditorGetsTheTerminal(t *testing.T) {
	dir := t.TempDir()
	file := newDraftFile(t, dir)
	script := filepath.Join(dir, "editor.sh")
	marker := filepath.Join(dir, "stdin.txt")
	body := "#!/bin/sh\nif [ -t 0 ]; then printf 终端 > " + marker + "; else printf 管道 > " + marker + "; fi\n" +
		"printf 外部编辑器写入。 >> \"$1\"\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, dir, 100, 30, "env", "VISUAL="+script, binary, "edit", "草稿.yaml")
	tm.waitFor(measuresHeading, "本节 0 字")
	tm.keys("C-e")
	tm.waitFor("外部编辑器写入。")
	text := burstText(601)
	tm.keys("C-e") // again: the second run appends once more
	tm.waitFor("外部编辑器写入。外部编辑器写入。")
	tm.keys("C-End")
	sendBurst(tm, text, 601)
	got := waitSectionChars(tm, 16+601)
	tm.keys("C-s")
	tm.waitFor("已保存")
	tm.keys("C-q")
	tm.waitExit()
	seen, err := os.ReadFile(marker)
	if err != nil {
		t.Fatal(err)
	}
	if string(seen) != "终端" {
		t.Errorf("the external editor's input was a %s, not the terminal", seen)
	}
	r, err := model.LoadReport(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := "外部编辑器写入。外部编辑器写入。" + text; r.Text("measures") != want {
		t.Fatalf("after the external editor the section has %d characters (status bar %d), want %d",
			len([]rune(r.Text("measures"))), got, len([]rune(want)))
	}
}
