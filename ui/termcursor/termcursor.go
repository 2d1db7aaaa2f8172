// Package termcursor puts the terminal's own cursor where the text cursor
// is, after every frame bubbletea draws, so that an input method opens its
// candidate window next to the text being typed; and it carries terminal
// sequences (OSC 52 for the system clipboard) to the terminal between
// frames, so no Update writes to the terminal. Both editors use it.
package termcursor

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/aymanbagabas/go-osc52/v2"
)

// Target is where the terminal cursor should sit after a frame: the
// insertion point, so an input method's candidate window opens next to the
// text. View sets it; the output writer reads it from the renderer's
// goroutine, hence the lock.
type Target struct {
	mu       sync.Mutex
	x, y     int
	visible  bool
	disabled bool // set on quit so the shell's screen is left alone
	// pending holds escape sequences for the terminal itself (OSC 52, the
	// system clipboard), written before the next frame by the output
	// writer, so Update never writes to the terminal.
	pending []string
}

// Send queues a terminal sequence for the next write. It reports false
// when there is no terminal writer (tests, plain output).
func (t *Target) Send(seq string) bool {
	if t == nil {
		return false
	}
	t.mu.Lock()
	t.pending = append(t.pending, seq)
	t.mu.Unlock()
	return true
}

// TakePending returns the queued sequences and empties the queue.
func (t *Target) TakePending() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	p := t.pending
	t.pending = nil
	return p
}

// Set places the cursor for the next frame (0-based cell), or hides it.
func (t *Target) Set(x, y int, visible bool) {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.x, t.y, t.visible = x, y, visible
	t.mu.Unlock()
}

// Disable stops placing the cursor for good: on quit, so the shell's
// screen is left alone.
func (t *Target) Disable() {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.disabled = true
	t.mu.Unlock()
}

// Get is where the cursor goes, and whether it is shown.
func (t *Target) Get() (x, y int, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.x, t.y, t.visible && !t.disabled
}

// Writer wraps the program's output. bubbletea v1 hides the cursor and
// keeps its own idea of where it is; so after each write we save that
// position (ESC 7), move to the insertion point and show the cursor, and
// before the next write hide it and restore (ESC 8). The renderer's
// bookkeeping stays true and the frame is drawn as before.
//
// It embeds *os.File so bubbletea still sees a terminal (raw mode, size).
type Writer struct {
	*os.File
	target *Target
	mu     sync.Mutex
	shown  bool
	buf    bytes.Buffer
}

// NewWriter wraps f, the program's output (nil in tests that call Wrap).
func NewWriter(f *os.File, t *Target) *Writer {
	return &Writer{File: f, target: t}
}

func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Reset()
	w.Wrap(&w.buf, p)
	if _, err := w.File.Write(w.buf.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Wrap is Write without the file, for tests.
func (w *Writer) Wrap(b *bytes.Buffer, p []byte) {
	if w.shown {
		b.WriteString("\x1b[?25l\x1b8")
		w.shown = false
	}
	for _, seq := range w.target.TakePending() {
		b.WriteString(seq)
	}
	b.Write(p)
	if x, y, ok := w.target.Get(); ok {
		b.WriteString("\x1b7\x1b[")
		b.WriteString(strconv.Itoa(y + 1))
		b.WriteByte(';')
		b.WriteString(strconv.Itoa(x + 1))
		b.WriteString("H\x1b[?25h")
		w.shown = true
	}
}

// Copy hands text copied in an editor to the system clipboard (OSC 52,
// through the output writer) and returns the confirmation the status line
// shows. Without a terminal writer (t nil) the copy stays inside nianbao,
// and the confirmation says only that.
func Copy(t *Target, text string) string {
	n := utf8.RuneCountInString(text)
	if t.Send(osc52.New(text).String()) {
		return fmt.Sprintf("已复制 %d 字，可粘贴到其他程序（终端需支持 OSC 52；tmux 需 set-clipboard on）", n)
	}
	return fmt.Sprintf("已复制 %d 字", n)
}
