package termcursor

import (
	"bytes"
	"testing"
)

func TestCursorWriterWrapsFrames(t *testing.T) {
	target := &Target{}
	w := NewWriter(nil, target)
	var b bytes.Buffer
	w.Wrap(&b, []byte("frame1"))
	if b.String() != "frame1" {
		t.Fatalf("no target: %q", b.String())
	}
	target.Set(9, 4, true)
	b.Reset()
	w.Wrap(&b, []byte("frame2"))
	if want := "frame2\x1b7\x1b[5;10H\x1b[?25h"; b.String() != want {
		t.Fatalf("got %q, want %q", b.String(), want)
	}
	// Before the next frame: hide and restore the renderer's position.
	b.Reset()
	target.Disable()
	w.Wrap(&b, []byte("bye"))
	if want := "\x1b[?25l\x1b8bye"; b.String() != want {
		t.Fatalf("got %q, want %q", b.String(), want)
	}
}
