//go:build unix

package model

import (
	"errors"
	"syscall"
)

// Open flags for side files and inputs: never follow a planted symlink,
// never wait on a FIFO (see sidefile.go).
const (
	oNoFollow = syscall.O_NOFOLLOW
	oNonBlock = syscall.O_NONBLOCK
)

// signalAlive is the fallback without /proc: signal 0 checks existence.
func signalAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
