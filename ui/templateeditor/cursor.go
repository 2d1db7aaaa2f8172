package templateeditor

import (
	"bytes"
	"os"
	"strconv"
	"sync"
)

// The terminal cursor follows the text cursor of the field being edited,
// so an input method opens its candidate window next to the text instead
// of at the bottom-left corner. This is the drafting editor's mechanism
// (ui/cursor.go) without its clipboard queue; the two can become one
// package when the lead merges the refactored ui.

// cursorTarget is where the terminal cursor should sit after a frame. View
// sets it; the output writer reads it from the renderer's goroutine, hence
// the lock.
type cursorTarget struct {
	mu       sync.Mutex
	x, y     int
	visible  bool
	disabled bool // set on quit so the shell's screen is left alone
}

func (t *cursorTarget) set(x, y int, visible bool) {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.x, t.y, t.visible = x, y, visible
	t.mu.Unlock()
}

func (t *cursorTarget) disable() {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.disabled = true
	t.mu.Unlock()
}

func (t *cursorTarget) get() (x, y int, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.x, t.y, t.visible && !t.disabled
}

// cursorWriter wraps the program's output. bubbletea v1 hides the cursor
// and keeps its own idea of where it is; so after each write we save that
// position (ESC 7), move to the insertion point and show the cursor, and
// before the next write hide it and restore (ESC 8). The renderer's
// bookkeeping stays true and the frame is drawn as before.
//
// It embeds *os.File so bubbletea still sees a terminal (raw mode, size).
type cursorWriter struct {
	*os.File
	target *cursorTarget
	mu     sync.Mutex
	shown  bool
	buf    bytes.Buffer
}

func newCursorWriter(f *os.File, t *cursorTarget) *cursorWriter {
	return &cursorWriter{File: f, target: t}
}

func (w *cursorWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Reset()
	w.wrap(&w.buf, p)
	if _, err := w.File.Write(w.buf.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// wrap is Write without the file, for tests.
func (w *cursorWriter) wrap(b *bytes.Buffer, p []byte) {
	if w.shown {
		b.WriteString("\x1b[?25l\x1b8")
		w.shown = false
	}
	b.Write(p)
	if x, y, ok := w.target.get(); ok {
		b.WriteString("\x1b7\x1b[")
		b.WriteString(strconv.Itoa(y + 1))
		b.WriteByte(';')
		b.WriteString(strconv.Itoa(x + 1))
		b.WriteString("H\x1b[?25h")
		w.shown = true
	}
}
