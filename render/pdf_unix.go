//go:build unix

package render

import (
	"os/exec"
	"syscall"
)

// ownGroup starts the converter in its own process group and makes a
// timeout kill the whole group: soffice is a launcher, and the office
// process it starts would otherwise outlive it.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
