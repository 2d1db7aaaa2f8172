//go:build !unix

package model

import "os"

// Windows has neither flag: symlinks need privileges to create there and
// named pipes live outside the file system, so plain opens are safe.
const (
	oNoFollow = 0
	oNonBlock = 0
)

// signalAlive asks the system whether the process exists.
func signalAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
