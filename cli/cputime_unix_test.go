//go:build unix

package cli

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used, user and system, on
// every core: what a benchmark spent, whatever else the shared machine was
// doing meanwhile (wall time on these machines varies by a fifth between
// runs of the same binary).
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
