package ui

import (
	"bytes"
	"os"
	"strconv"
	"sync"
)

// cursorTarget is where the terminal cursor should sit after a frame: the
// insertion point, so an input method's candidate window opens next to the
// text. View sets it; the output writer reads it from the renderer's
// goroutine, hence the lock.
type cursorTarget struct {
	mu       sync.Mutex
	x, y     int
	visible  bool
	disabled bool // set on quit so the shell's screen is left alone
	// pending holds escape sequences for the terminal itself (OSC 52, the
	// system clipboard), written before the next frame by the output
	// writer, so Update never writes to the terminal.
	pending []string
}

// send queues a terminal sequence for the next write. It reports false
// when there is no terminal writer (tests, plain output).
func (t *cursorTarget) send(seq string) bool {
	if t == nil {
		return false
	}
	t.mu.Lock()
	t.pending = append(t.pending, seq)
	t.mu.Unlock()
	return true
}

func (t *cursorTarget) takePending() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.pending
	t.pending = nil
	return p
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

// cursorWriter wraps the program's output. bubbletea v1 hides the cursor and
// keeps its own idea of where it is; so after each write we save that
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
	for _, seq := range w.target.takePending() {
		b.WriteString(seq)
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
