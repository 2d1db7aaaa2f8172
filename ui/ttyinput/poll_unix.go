//go:build unix

package ttyinput

import (
	"errors"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// Open returns a Reader on the terminal bubbletea would read: standard
// input when it is a terminal, else /dev/tty (input piped or redirected).
func Open() (*Reader, error) {
	if term.IsTerminal(os.Stdin.Fd()) {
		return New(os.Stdin), nil
	}
	f, err := os.Open("/dev/tty")
	if err != nil {
		return nil, err
	}
	r := New(f)
	r.own = true
	return r, nil
}

// readable reports whether f has input, or has ended, within d.
func readable(f *os.File, d time.Duration) bool {
	fds := []unix.PollFd{{Fd: int32(f.Fd()), Events: unix.POLLIN}}
	deadline := time.Now().Add(d)
	for {
		ms := int(time.Until(deadline).Milliseconds())
		if ms < 0 {
			ms = 0
		}
		n, err := unix.Poll(fds, ms)
		if errors.Is(err, unix.EINTR) && ms > 0 {
			continue
		}
		// POLLHUP and POLLERR count: the next read reports the end.
		return err == nil && n > 0
	}
}
