package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// LockPath is the hidden lock file kept beside an open draft.
func LockPath(draftPath string) string {
	dir, base := filepath.Split(draftPath)
	return filepath.Join(dir, "."+base+".lock")
}

// LockInfo describes who holds a draft open.
type LockInfo struct {
	PID   int
	Host  string
	Since time.Time
}

func (l LockInfo) String() string {
	return fmt.Sprintf("%s 上的进程 %d（%s 起）", l.Host, l.PID, l.Since.Format("2006-01-02 15:04"))
}

// Lock is held while a draft is open in the editor. It only warns: a
// second nianbao may still open the draft (read it, or save after the
// conflict check), but the drafter is told someone else has it open.
type Lock struct{ path string }

// AcquireLock marks draftPath as open by this process. When another live
// nianbao holds it, the returned LockInfo describes that holder and no lock
// is taken. A lock left by a process that no longer runs on this host is
// taken over.
func AcquireLock(draftPath string) (*Lock, *LockInfo, error) {
	lp := LockPath(draftPath)
	host, _ := os.Hostname()
	if data, err := os.ReadFile(lp); err == nil {
		if info, ok := parseLock(string(data)); ok && info.PID != os.Getpid() && !(info.Host == host && !processAlive(info.PID)) {
			return nil, &info, nil
		}
	}
	body := fmt.Sprintf("%d\n%s\n%s\n", os.Getpid(), host, time.Now().Format(time.RFC3339))
	// Renamed into place so a reader never sees half a lock, but not
	// synced: a lock only matters while this process runs, and the two
	// fsyncs cost the editor's start-up milliseconds (more on a network
	// home directory).
	tmp, err := os.CreateTemp(filepath.Dir(lp), filepath.Base(lp)+".tmp-*")
	if err != nil {
		return nil, nil, err
	}
	_, err = tmp.WriteString(body)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), lp)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return nil, nil, err
	}
	return &Lock{path: lp}, nil, nil
}

// Release removes the lock file if this process still owns it.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	data, err := os.ReadFile(l.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if info, ok := parseLock(string(data)); ok && info.PID != os.Getpid() {
		return nil // someone took it over; not ours to remove
	}
	return os.Remove(l.path)
}

func parseLock(s string) (LockInfo, bool) {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) < 3 {
		return LockInfo{}, false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(lines[0]))
	if err != nil {
		return LockInfo{}, false
	}
	since, _ := time.Parse(time.RFC3339, strings.TrimSpace(lines[2]))
	return LockInfo{PID: pid, Host: strings.TrimSpace(lines[1]), Since: since}, true
}

// processAlive asks the kernel whether pid exists (signal 0 delivers
// nothing but checks existence and permission).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
