package ttyinput

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// script is a terminal that delivers chunks as separate reads. After the
// last chunk it either ends (closed) or stalls: nothing more comes, and a
// read would block, which the Reader must not attempt.
type script struct {
	t      *testing.T
	chunks [][]byte
	closed bool
}

func (s *script) Read(p []byte) (int, error) {
	if len(s.chunks) == 0 {
		if s.closed {
			return 0, io.EOF
		}
		s.t.Fatal("read on a stalled terminal: it would block until the next key")
	}
	n := copy(p, s.chunks[0])
	if s.chunks[0] = s.chunks[0][n:]; len(s.chunks[0]) == 0 {
		s.chunks = s.chunks[1:]
	}
	return n, nil
}

// more is the poll: input is waiting, or its end is.
func (s *script) more(time.Duration) bool { return len(s.chunks) > 0 || s.closed }

func scripted(s *script) *Reader { return &Reader{src: s, more: s.more} }

// drain reads with a buffer of size until the script is used up (and
// nothing is held) or the input ends, returning each read.
func drain(t *testing.T, s *script, size int) [][]byte {
	t.Helper()
	r := scripted(s)
	var reads [][]byte
	for range 10000 {
		if len(s.chunks) == 0 && !s.closed && len(r.pend) == 0 {
			return reads
		}
		buf := make([]byte, size)
		n, err := r.Read(buf)
		if n > 0 {
			reads = append(reads, buf[:n])
		}
		if errors.Is(err, io.EOF) {
			return reads
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Fatal("the reader never finished")
	return nil
}

// Texts with ASCII, 2-, 3- and 4-byte characters, alt+character and
// escape sequences, side by side.
var texts = []string{
	"\x1b[200~粘贴\x1b[201~a\x1b\x1b[A",
	"ab中文cd",
	"é中𠀀😀a",
	"全年办理行政复议案件25件，纠错率8.69%。",
	"x\x1bä\x1b[A中\x1b中\x1bOR𠀀",
	"ñ𝄞é𝄞ñ",
}

func TestEverySplitDeliversEveryCharacterOnceInOrder(t *testing.T) {
	for _, text := range texts {
		b := []byte(text)
		for i := 0; i <= len(b); i++ {
			for j := i; j <= len(b); j++ {
				for _, size := range []int{8, 9, 13, 256} {
					s := &script{t: t, chunks: nonEmpty(b[:i], b[i:j], b[j:])}
					reads := drain(t, s, size)
					if got := bytes.Join(reads, nil); !bytes.Equal(got, b) {
						t.Fatalf("%q split at %d,%d read %d at a time: got %q", text, i, j, size, got)
					}
					for _, rd := range reads {
						if !utf8.Valid(rd) || boundary(rd) != len(rd) {
							t.Fatalf("%q split at %d,%d read %d at a time: a read ends inside a key: %q", text, i, j, size, rd)
						}
					}
				}
			}
		}
	}
}

// TestBurstAcrossTheReadSize is bubbletea's case: one burst larger than its
// 256-byte reads, with the first boundary at every offset.
func TestBurstAcrossTheReadSize(t *testing.T) {
	for _, ch := range []string{"é", "中", "𠀀"} {
		for k := range 256 {
			text := strings.Repeat("a", k) + strings.Repeat(ch, 400)
			reads := drain(t, &script{t: t, chunks: [][]byte{[]byte(text)}}, 256)
			if got := string(bytes.Join(reads, nil)); got != text {
				t.Fatalf("%s after %d ASCII bytes: got %d characters, want %d", ch, k, utf8.RuneCountInString(got), utf8.RuneCountInString(text))
			}
			for _, rd := range reads {
				if !utf8.Valid(rd) {
					t.Fatalf("%s after %d ASCII bytes: a read ends inside a character: …%q", ch, k, rd[max(0, len(rd)-4):])
				}
				// A full buffer would make bubbletea wait for the next key.
				if len(rd) == 256 {
					t.Fatalf("%s after %d ASCII bytes: a read fills the buffer", ch, k)
				}
			}
		}
	}
}

// Buffers shorter than a character cannot hold one whole; no byte is lost.
func TestTinyBuffersLoseNothing(t *testing.T) {
	for _, text := range texts {
		for size := 1; size < utf8.UTFMax; size++ {
			b := []byte(text)
			for i := 0; i <= len(b); i++ {
				reads := drain(t, &script{t: t, chunks: nonEmpty(b[:i], b[i:])}, size)
				if got := bytes.Join(reads, nil); !bytes.Equal(got, b) {
					t.Fatalf("%q split at %d read %d at a time: got %q", text, i, size, got)
				}
			}
		}
	}
}

func TestInvalidBytesAreDelivered(t *testing.T) {
	cases := []struct {
		name   string
		chunks []string
		closed bool
		want   []string // the reads
	}{
		{"a lead byte nothing follows", []string{"ab\xe4"}, false, []string{"ab\xe4"}},
		{"only a lead byte, nothing follows", []string{"\xe4"}, false, []string{"\xe4"}},
		{"a lead byte then ASCII", []string{"ab\xe4", "x"}, false, []string{"ab", "\xe4x"}},
		{"a lead byte then another character", []string{"\xe4", "中"}, false, []string{"\xe4中"}},
		{"stray continuation bytes", []string{"a\x80\xbf"}, false, []string{"a\x80\xbf"}},
		{"a byte no character starts with", []string{"a\xff", "b"}, false, []string{"a\xff", "b"}},
		{"a sequence cut short by the end of input", []string{"ab\xe4\xb8"}, true, []string{"ab", "\xe4\xb8"}},
		{"only a cut sequence, then the end", []string{"\xf0\x9f"}, true, []string{"\xf0\x9f"}},
		{"a sequence completed later", []string{"ab\xe4", "\xb8", "\xad"}, false, []string{"ab", "中"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var chunks [][]byte
			for _, ch := range c.chunks {
				chunks = append(chunks, []byte(ch))
			}
			reads := drain(t, &script{t: t, chunks: chunks, closed: c.closed}, 256)
			var got []string
			for _, rd := range reads {
				got = append(got, string(rd))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("reads %q, want %q", got, c.want)
			}
		})
	}
}

func TestEndOfInputFollowsTheFlush(t *testing.T) {
	r := scripted(&script{t: t, chunks: [][]byte{[]byte("中\xe4")}, closed: true})
	buf := make([]byte, 256)
	var got []string
	var err error
	for range 5 {
		var n int
		n, err = r.Read(buf)
		if n > 0 {
			got = append(got, string(buf[:n]))
		}
		if err != nil {
			break
		}
	}
	if !errors.Is(err, io.EOF) || strings.Join(got, "|") != "中|\xe4" {
		t.Fatalf("reads %q then %v, want 中, \\xe4, then EOF", got, err)
	}
	if n, err := r.Read(buf); n != 0 || !errors.Is(err, io.EOF) {
		t.Fatalf("after the end: %d, %v", n, err)
	}
}

func TestBoundary(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		tail Tail
	}{
		{"", 0, Whole},
		{"abc", 3, Whole},
		{"a中", 4, Whole},
		{"a\xe4\xb8", 1, Char},
		{"a\xe4", 1, Char},
		{"\xf0\x9f\x98", 0, Char},
		{"\xf0\x9f\x98\x80", 4, Whole},
		{"a\x1b\xe4\xb8", 1, Char}, // alt+中 waits whole
		{"a\x80", 2, Whole},        // invalid: nothing to wait for
		{"a\xff", 2, Whole},
		{"\xe4\xb8\xad\x80", 4, Whole},
		{"a\x1b", 1, Esc},
		{"a\x1b\x1b", 1, Esc}, // alt+esc, or alt+ a sequence
		{"a\x1b[", 1, Sequence},
		{"a\x1b[1;5", 1, Sequence},
		{"a\x1b\x1b[1", 1, Sequence}, // alt+arrow
		{"a\x1b[20", 1, Sequence},    // bracketed paste starting
		{"a\x1b[A", 4, Whole},
		{"a\x1b[1;5B", 7, Whole},
		{"a\x1b[200~", 7, Whole},
		{"a\x1bO", 1, Sequence},
		{"a\x1bOR", 4, Whole},
		{"a\x1bx", 3, Whole},
		{"\x1b[200~粘贴", 12, Whole},
		{"\x1b[200~粘\xe8", 9, Char},
		{"a\x1b[\x01", 4, Whole}, // not a CSI: bubbletea's to judge
		{"\x1b[" + strings.Repeat("1", 40), 42, Whole},
	} {
		got, tail := Boundary([]byte(c.in))
		if got != c.want || tail != c.tail {
			t.Errorf("Boundary(%q) = %d, %v; want %d, %v", c.in, got, tail, c.want, c.tail)
		}
	}
}

// A lone ESC (the esc key) is held only when more input is already there,
// an unfinished sequence about as long as its rest takes to arrive; a
// character cut by a read is waited for longer, as is a sequence cut by a
// full read.
func TestWaits(t *testing.T) {
	for _, c := range []struct {
		name   string
		chunks []string
		size   int
		want   time.Duration
	}{
		{"the esc key", []string{"\x1b"}, 256, 0},
		{"esc at the end of a full read", []string{"abcde\x1b"}, 6, restWait},
		{"alt+[", []string{"a\x1b["}, 256, seqWait},
		{"a character cut short", []string{"a\xe4"}, 256, restWait},
		{"a sequence cut by a full read", []string{"abc\x1b[1"}, 6, restWait},
	} {
		s := &script{t: t, chunks: nonEmpty([]byte(c.chunks[0]))}
		var asked []time.Duration
		r := &Reader{src: s, more: func(d time.Duration) bool { asked = append(asked, d); return false }}
		buf := make([]byte, c.size)
		n, err := r.Read(buf)
		if err != nil || string(buf[:n]) != c.chunks[0] {
			t.Fatalf("%s: read %q, %v", c.name, buf[:n], err)
		}
		if len(asked) != 1 || asked[0] != c.want {
			t.Errorf("%s: waited %v, want %v", c.name, asked, c.want)
		}
	}
}

func boundary(b []byte) int {
	n, _ := Boundary(b)
	return n
}

func nonEmpty(parts ...[]byte) [][]byte {
	var out [][]byte
	for _, p := range parts {
		if len(p) > 0 {
			out = append(out, append([]byte(nil), p...))
		}
	}
	return out
}
