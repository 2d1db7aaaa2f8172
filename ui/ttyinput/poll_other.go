//go:build !unix

package ttyinput

import (
	"errors"
	"os"
	"time"
)

// Open has no terminal to offer here: on Windows bubbletea reads console
// key events, which are whole characters, so it needs no Reader.
func Open() (*Reader, error) {
	return nil, errors.New("ttyinput: not supported on this system")
}

func readable(*os.File, time.Duration) bool { return false }
