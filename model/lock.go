package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

const lockSuffix = ".lock"

// LockPath is the lock file session s keeps beside an open draft. Every
// open editor has its own, so an editor opened with 仍然打开 is seen by a
// third one, and no editor removes another's.
func LockPath(draftPath string, s Session) string {
	return sidePath(draftPath, s.ID(), lockSuffix)
}

// sidePath is "."+base+"."+id+suffix beside the draft.
func sidePath(draftPath, id, suffix string) string {
	dir, base := filepath.Split(draftPath)
	return filepath.Join(dir, "."+base+"."+id+suffix)
}

// LockInfo describes who holds a draft open.
type LockInfo struct {
	Session
	Since time.Time
}

func (l LockInfo) String() string {
	return fmt.Sprintf("%s 上的进程 %d（%s 起）", l.Host, l.PID, l.Since.Format("2006-01-02 15:04"))
}

// Lock is held while a draft is open in the editor. It only warns: a
// second nianbao may still open the draft (read it, or save after the
// conflict check), but the drafter is told someone else has it open.
type Lock struct{ path string }

// AcquireLock registers session s as having draftPath open and returns
// the other live editors that have it open. The lock file is created with
// O_EXCL before the others are read, so two editors starting at the same
// moment both see each other. Locks of editors that no longer run (killed,
// zombie, PID reused, rebooted since) are removed and not reported.
func AcquireLock(draftPath string, s Session) (*Lock, []LockInfo, error) {
	lp := LockPath(draftPath, s)
	body := fmt.Sprintf("%d\n%s\n%s\nstart=%d\nboot=%s\nexe=%s\n", s.PID, s.Host, time.Now().Format(time.RFC3339), s.Start, s.Boot, s.Exe)
	f, err := createExclusive(lp, sideFileMode)
	switch {
	case errors.Is(err, fs.ErrExist):
		// Our own name: this process opened the draft before (save as
		// back to an earlier name). Anything but our regular file there
		// was planted.
		data, _, rerr := readSideFile(lp)
		if rerr != nil {
			return nil, nil, rerr
		}
		if info, ok := parseLock(string(data)); !ok || info.PID != s.PID {
			return nil, nil, &Error{File: lp, Msg: "锁文件不是本程序写的，未覆盖"}
		}
	case err != nil:
		return nil, nil, err
	default:
		// One write: a reader sees the whole lock or an empty file, and
		// an empty one is still judged by the session id in its name.
		_, err = f.WriteString(body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(lp)
			return nil, nil, err
		}
	}
	return &Lock{path: lp}, otherHolders(draftPath, s), nil
}

// otherHolders reads every lock beside draftPath but s's own, removing
// stale ones.
func otherHolders(draftPath string, s Session) []LockInfo {
	files, _ := sideFiles(draftPath, lockSuffix)
	var out []LockInfo
	for _, p := range sortedKeys(files) {
		id := files[p]
		if id == s.ID() {
			continue
		}
		info, ok := readLock(p, id)
		if !ok {
			continue
		}
		if !info.alive(info.Since) {
			_ = removeSideFile(p)
			continue
		}
		out = append(out, info)
	}
	return out
}

// readLock judges a lock file by its content and, for per-session locks,
// by the id in its name, which is authoritative for PID and start time.
func readLock(path, id string) (LockInfo, bool) {
	data, st, err := readSideFile(path)
	if err != nil {
		return LockInfo{}, false // not a regular file: not a lock anyone wrote
	}
	info, ok := parseLock(string(data))
	if id == "" {
		return info, ok
	}
	named, _ := parseSessionID(id)
	if !ok {
		// Being written right now, or cut short: the name still says who.
		info = LockInfo{Since: st.ModTime()}
		info.Host = ThisSession().Host
	}
	info.PID, info.Start, info.Boot = named.PID, named.Start, named.Boot
	return info, true
}

// sessionAlive reports whether the session named id still runs, using its
// lock file beside draftPath (host, program) when there is one.
func sessionAlive(draftPath, id string) bool {
	s, ok := parseSessionID(id)
	if !ok {
		return false
	}
	if info, ok := readLock(sidePath(draftPath, id, lockSuffix), id); ok {
		return info.alive(info.Since)
	}
	return s.Alive()
}

// Release removes the lock file.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	return removeSideFile(l.path)
}

// parseLock reads "PID\nHOST\nSINCE\n" (what every nianbao version
// writes first) and the key=value lines after it.
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
	info := LockInfo{Session: Session{PID: pid, Host: strings.TrimSpace(lines[1])}, Since: since}
	for _, l := range lines[3:] {
		k, v, _ := strings.Cut(strings.TrimSpace(l), "=")
		switch k {
		case "start":
			info.Start, _ = strconv.ParseUint(v, 10, 64)
		case "boot":
			info.Boot = v
		case "exe":
			info.Exe = v
		}
	}
	return info, true
}
