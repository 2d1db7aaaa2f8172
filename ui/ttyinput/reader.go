// Package ttyinput reads the terminal for a bubbletea program so that no
// read ends inside a key: inside a UTF-8 sequence or an escape sequence.
//
// bubbletea v1.3.10 reads its input 256 bytes at a time and decodes each
// read on its own: a character whose bytes straddle two reads decodes as
// invalid and is dropped (upstream fix charmbracelet/bubbletea#1166 is
// still open). Bursts of Chinese, an input method committing a sentence or
// a paste without bracketed paste, lose one character in about every 85.
// An escape sequence straddling two reads (an arrow key, the start of a
// bracketed paste) turns into alt+[ and stray characters. A Reader holds
// back the unfinished tail of a read until the rest has arrived.
//
// A Reader has the file's descriptor (Fd), so bubbletea still sees a
// terminal: it sets raw mode and restores it on quit, panic, suspend and
// around external programs, and cancels reads with epoll as it does for
// standard input.
package ttyinput

import (
	"bytes"
	"errors"
	"io"
	"os"
	"sync"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
)

// restWait is how long a Reader waits for the rest of a character whose
// first bytes ended a read, or of an escape sequence cut by a full read.
// A terminal writes a key whole, so the rest is normally in the kernel's
// buffer already and the wait ends at once; it lasts this long only for a
// byte that no continuation follows (garbage on the line), which is then
// delivered as it is. It is well under the 500 ms bubbletea gives a
// cancelled read to return.
const restWait = 300 * time.Millisecond

// seqWait is how long a Reader waits for the rest of an escape sequence
// (ESC [ or ESC O without its final byte) that ended a short read: the
// terminal had no more at that moment, and the kernel passes on the next
// part of a burst within microseconds. A lone ESC ending a short read is
// not waited for at all: it is the esc key, and a key typed soon after it
// must not turn it into alt+key.
const seqWait = 15 * time.Millisecond

// esc starts escape sequences; ESC followed by a key is alt+key.
const esc = 0x1b

// Reader reads a terminal and never ends a read inside a UTF-8 sequence
// or an escape sequence, unless the rest does not come in time or the
// input ends.
type Reader struct {
	file *os.File // the terminal; nil in tests
	own  bool     // opened here, so Close closes it

	src io.Reader
	// more reports whether more input (or its end) arrives within d.
	more func(d time.Duration) bool

	mu   sync.Mutex
	pend []byte // an incomplete sequence held back from the last read
	err  error  // the source's error, returned once pend is delivered
}

// ErrHangup is what Read returns when the terminal has gone away: read in
// raw mode, a terminal gives no end of input (ctrl+d is a byte like any
// other), so an end of file means it was hung up. bubbletea stops reading
// quietly at an end of file and would leave the program running with no
// keyboard, holding its draft's lock, when no SIGHUP comes (the shell
// that started it ignores hang-ups, as nohup and some session managers
// arrange); an error ends the program, and the editor writes its
// recovery file as for SIGHUP.
var ErrHangup = errors.New("终端已断开")

// New wraps the terminal f. Closing the Reader leaves f open.
func New(f *os.File) *Reader {
	return &Reader{file: f, src: f, more: func(d time.Duration) bool { return readable(f, d) }}
}

// Read fills p with whole keys: whole characters and whole escape
// sequences. Bytes that cannot start a character, and sequences cut short
// by the end of input or never finished, are passed on unchanged, so the
// program still sees (and reports) them.
func (r *Reader) Read(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := copy(p, r.pend)
	r.pend = r.pend[:copy(r.pend, r.pend[n:])]
	if len(r.pend) > 0 {
		return n, nil // p is shorter than one character
	}
	if n == 0 && r.err != nil {
		return 0, r.err
	}
	// bubbletea takes a read that fills its buffer to mean more may follow
	// and holds the last key until the next read returns, so a burst that
	// fills it exactly would stay unseen until the next keystroke. Reads
	// here end between keys, so they stop one byte short and bubbletea
	// never waits.
	lim := len(p)
	if lim > 2*maxSeq {
		lim--
	}
	for n < lim {
		m, err := r.src.Read(p[n:lim])
		n += m
		if err == io.EOF && r.file != nil {
			err = ErrHangup
		}
		if err != nil {
			// The end of input flushes what was held; the error comes
			// with the next Read.
			r.err = err
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		cut, tail := Boundary(p[:n])
		if tail == Whole {
			return n, nil
		}
		wait := restWait
		if n < lim {
			// A short read ending in an unfinished sequence is most
			// likely a key of its own (esc, alt+[), unless its rest is
			// right behind.
			switch tail {
			case Sequence:
				wait = seqWait
			case Esc:
				wait = 0
			}
		}
		if !r.more(wait) {
			return n, nil // nothing completes it: deliver it as it is
		}
		if cut > 0 {
			// The rest is waiting in the terminal, so the next Read (after
			// bubbletea's epoll sees the terminal readable) completes it.
			r.pend = append(r.pend, p[cut:n]...)
			return cut, nil
		}
		// Only an unfinished key so far: read its rest into p.
	}
	return n, nil
}

// maxSeq bounds how far back Boundary looks for the ESC of an unfinished
// escape sequence; the longest keys bubbletea knows are well under it.
const maxSeq = 32

// Tail is what Boundary found unfinished at the end of the input.
type Tail int

const (
	Whole    Tail = iota // nothing: the input ends between two keys
	Char                 // the first bytes of a UTF-8 character
	Sequence             // ESC [ or ESC O without its final byte
	Esc                  // ESC alone: the esc key, or the start of alt+key or a sequence
)

// Boundary is the length of the longest prefix of b that does not end
// inside a key: b without a trailing incomplete UTF-8 character or
// unfinished escape sequence, and without an ESC just before either, which
// makes them alt+key. Invalid bytes count as whole: waiting would not mend
// them.
func Boundary(b []byte) (cut int, tail Tail) {
	if i := utf8Tail(b); i < len(b) {
		return altStart(b, i), Char
	}
	if i := seqTail(b); i < len(b) {
		if i == len(b)-1 {
			return altStart(b, i), Esc
		}
		return altStart(b, i), Sequence
	}
	return len(b), Whole
}

// utf8Tail is where a trailing incomplete UTF-8 sequence starts, len(b)
// when there is none.
func utf8Tail(b []byte) int {
	// A sequence is at most utf8.UTFMax bytes: look for its first byte
	// among the last ones.
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// seqTail is where a trailing unfinished escape sequence starts, len(b)
// when there is none.
func seqTail(b []byte) int {
	from := max(0, len(b)-maxSeq)
	j := bytes.LastIndexByte(b[from:], esc)
	if j < 0 {
		return len(b)
	}
	i := from + j
	rest := b[i+1:]
	switch {
	case len(rest) == 0:
		return i
	case rest[0] == 'O': // SS3: F1–F4, keypad
		if len(rest) == 1 {
			return i
		}
	case rest[0] == '[': // CSI: parameter and intermediate bytes, then the final one
		for _, c := range rest[1:] {
			if c < 0x20 || c > 0x3f {
				return len(b) // a final byte, or not a CSI at all
			}
		}
		return i
	}
	return len(b)
}

// altStart moves a cut back over an ESC that prefixes the key at i.
func altStart(b []byte, i int) int {
	if i > 0 && b[i-1] == esc {
		return i - 1
	}
	return i
}

// Write writes to the terminal (bubbletea's term.File asks for it).
func (r *Reader) Write(p []byte) (int, error) {
	if r.file == nil {
		return 0, errors.New("ttyinput: no terminal to write to")
	}
	return r.file.Write(p)
}

// Fd is the terminal's descriptor: bubbletea sets raw mode on it and waits
// on it for input.
func (r *Reader) Fd() uintptr {
	if r.file == nil {
		return ^uintptr(0)
	}
	return r.file.Fd()
}

// Name is the terminal's file name.
func (r *Reader) Name() string {
	if r.file == nil {
		return ""
	}
	return r.file.Name()
}

// File is the terminal itself, for a program run in the foreground (an
// external editor), which must get the terminal and not this Reader.
func (r *Reader) File() *os.File { return r.file }

// Close closes the terminal if Open opened it.
func (r *Reader) Close() error {
	if r.own && r.file != nil {
		return r.file.Close()
	}
	return nil
}

// Option returns the bubbletea option that reads the terminal through a
// Reader, the Reader (nil when there is none) and a func to call once the
// program has ended. Without a terminal to open the option changes
// nothing: bubbletea's own input applies and reports the problem as
// before.
func Option() (tea.ProgramOption, *Reader, func()) {
	r, err := Open()
	if err != nil {
		return func(*tea.Program) {}, nil, func() {}
	}
	return tea.WithInput(r), r, func() { _ = r.Close() }
}
