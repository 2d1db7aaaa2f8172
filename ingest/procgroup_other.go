//go:build !unix

package ingest

import "os/exec"

// ownProcessGroup has no portable equivalent here; killProcessGroup then
// kills the converter process itself.
func ownProcessGroup(cmd *exec.Cmd) {}

func killProcessGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = cmd.Process.Kill()
	}
}
