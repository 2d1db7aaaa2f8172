//go:build unix

package ingest

import (
	"os/exec"
	"syscall"
)

// ownProcessGroup starts a converter in a process group of its own:
// soffice is a launcher that forks soffice.bin, and killing only the
// launcher would leave a hung converter running.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killProcessGroup kills the converter and every process it started.
func killProcessGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Process.Kill()
}
