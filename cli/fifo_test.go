package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFIFOsAreRefusedAtOnce: every command that reads a path the user
// named refuses a FIFO with exit 2 and says what it is, instead of waiting
// for a writer; one FIFO in a folder does not hang a batch check.
func TestFIFOsAreRefusedAtOnce(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	mk := func(name string) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		return p
	}
	yaml, txt, docx := mk("管道.yaml"), mk("管道.txt"), mk("管道.docx")
	batch := filepath.Join(dir, "batch")
	os.Mkdir(batch, 0o700)
	writeFile(t, filepath.Join(batch, "a.yaml"), draftVariant(t, "clean"))
	if err := syscall.Mkfifo(filepath.Join(batch, "b.txt"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.yaml")
	cases := [][]string{
		{"check", yaml},
		{"check", txt},
		{"check", batch},
		{"export", "-o", filepath.Join(dir, "x.docx"), yaml},
		{"import", "-o", out, docx},
		{"new", "--from", txt, "--unit", "青山县", "--year", "2024", "-o", out},
		{"edit", yaml},
		{"template", "lint", yaml},
	}
	for _, args := range cases {
		t.Run(strings.Join(args[:1], " ")+" "+filepath.Base(args[len(args)-1]), func(t *testing.T) {
			type result struct {
				code     int
				out, err string
			}
			done := make(chan result, 1)
			go func() {
				code, o, e := run(t, args...)
				done <- result{code, o, e}
			}()
			select {
			case r := <-done:
				if r.code != ExitInput || !strings.Contains(r.out+r.err, "命名管道") {
					t.Errorf("%v: exit %d\n%s%s", args, r.code, r.out, r.err)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("%v blocked on a FIFO", args)
			}
		})
	}
}
