package plain

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// entry builds a compiled terminfo entry with cup set or absent.
func entry(magic uint16, cup bool) []byte {
	names := []byte("fake|test terminal\x00")
	var b []byte
	put := func(v uint16) { b = binary.LittleEndian.AppendUint16(b, v) }
	nums, numSize := 1, 2
	if magic == 0o1036 {
		numSize = 4
	}
	for _, v := range []int{int(magic), len(names), 1, nums, 12, 4} {
		put(uint16(v))
	}
	b = append(b, names...)
	b = append(b, 1) // one boolean
	if len(b)%2 == 1 {
		b = append(b, 0)
	}
	b = append(b, make([]byte, nums*numSize)...)
	for i := range 12 {
		if i == cursorAddress && cup {
			put(0)
		} else {
			put(0xffff)
		}
	}
	return append(b, "\x1b[\x00"...)
}

func TestCursorAddressingFromTerminfo(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TERMINFO", dir)
	t.Setenv("TERMINFO_DIRS", "")
	write := func(sub, name string, data []byte) {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		if err := os.WriteFile(filepath.Join(dir, sub, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("f", "fakecup", entry(0o432, true))
	write("f", "fakenocup", entry(0o432, false))
	write("f", "fakewide", entry(0o1036, true))
	write("66", "fmac", entry(0o432, false)) // macOS names the directory in hex
	write("f", "fakejunk", []byte("not a terminfo entry"))
	for _, c := range []struct {
		term       string
		can, known bool
	}{
		{"fakecup", true, true},
		{"fakenocup", false, true},
		{"fakewide", true, true},
		{"fmac", false, true},
		{"fakejunk", false, false},
		{"no-such-terminal-anywhere", false, false},
		{"", false, false},
		{"../etc/passwd", false, false},
	} {
		can, known := CursorAddressing(c.term)
		if can != c.can || known != c.known {
			t.Errorf("%q: can %v known %v, want %v %v", c.term, can, known, c.can, c.known)
		}
	}
}

// The system's own entries, where installed: dumb cannot address the
// cursor, xterm can.
func TestCursorAddressingSystemEntries(t *testing.T) {
	t.Setenv("TERMINFO", "")
	t.Setenv("TERMINFO_DIRS", "")
	t.Setenv("HOME", t.TempDir())
	for term, want := range map[string]bool{"dumb": false, "xterm": true, "vt100": true} {
		can, known := CursorAddressing(term)
		if !known {
			t.Logf("no terminfo entry for %s here", term)
			continue
		}
		if can != want {
			t.Errorf("%s: cursor addressing %v, want %v", term, can, want)
		}
	}
}
