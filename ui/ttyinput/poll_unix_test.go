//go:build unix

package ttyinput

import (
	"os"
	"slices"
	"testing"
	"time"
)

// readable is the wait behind a held-back tail: false when nothing comes,
// true when bytes wait or the writer has gone (the next read reports the
// end).
func TestReadable(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if readable(r, 10*time.Millisecond) {
		t.Fatal("an empty pipe reads as readable")
	}
	if _, err := w.Write([]byte{0xe4}); err != nil {
		t.Fatal(err)
	}
	if !readable(r, 0) {
		t.Fatal("a written byte is not seen")
	}
	if _, err := r.Read(make([]byte, 4)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if !readable(r, 0) {
		t.Fatal("the end of input is not seen")
	}
}

// Through a pipe (with the real wait) and reads of 4 bytes, so the
// characters straddle reads: each arrives whole, and one cut by the end of
// input is flushed.
func TestReaderOnAPipe(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	if _, err := pw.Write([]byte("ab中文\xf0\x9f")); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	rd := New(pr)
	var got []string
	for range 20 {
		buf := make([]byte, 4)
		n, err := rd.Read(buf)
		if n > 0 {
			got = append(got, string(buf[:n]))
		}
		if err != nil {
			break
		}
	}
	if want := []string{"ab", "中", "文", "\xf0\x9f"}; !slices.Equal(got, want) {
		t.Fatalf("reads %q, want %q", got, want)
	}
}
