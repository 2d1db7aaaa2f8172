package model

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Session identifies one running editor process well enough to tell it
// from a zombie, a crashed editor whose PID the kernel gave to another
// program, or an editor from before the last reboot. A PID alone cannot:
// restarting a second after kill -9 often gets a PID that signal 0 calls
// alive, and PID 1 is always alive.
type Session struct {
	PID   int
	Start uint64 // process start, clock ticks since boot (/proc/PID/stat field 22); 0 when unknown
	Boot  string // first 8 hex digits of the kernel's boot id; "" when unknown
	Host  string
	Exe   string // the program file; "" when unknown
}

var (
	thisOnce    sync.Once
	thisSession Session
)

// ThisSession is the identity of the running process.
func ThisSession() Session {
	thisOnce.Do(func() {
		thisSession = Session{PID: os.Getpid(), Boot: bootID()}
		thisSession.Host, _ = os.Hostname()
		if st, ok := readProcStat(thisSession.PID); ok {
			thisSession.Start = st.start
		}
		if exe, err := os.Executable(); err == nil {
			thisSession.Exe = exe
		}
	})
	return thisSession
}

// ID names the session in side-file names (.FILE.ID.autosave,
// .FILE.ID.lock). It carries everything needed to judge liveness on this
// host, so even a side file whose content cannot be read can be judged.
func (s Session) ID() string {
	boot := s.Boot
	if boot == "" {
		boot = "0"
	}
	return fmt.Sprintf("%d-%d-%s", s.PID, s.Start, boot)
}

var sessionIDPattern = regexp.MustCompile(`^([0-9]+)-([0-9]+)-([0-9a-f]+)$`)

// parseSessionID reads an ID back; Host and Exe stay empty (unknown).
func parseSessionID(id string) (Session, bool) {
	m := sessionIDPattern.FindStringSubmatch(id)
	if m == nil {
		return Session{}, false
	}
	pid, err1 := strconv.Atoi(m[1])
	start, err2 := strconv.ParseUint(m[2], 10, 64)
	if err1 != nil || err2 != nil || pid <= 0 {
		return Session{}, false
	}
	s := Session{PID: pid, Start: start}
	if m[3] != "0" {
		s.Boot = m[3]
	}
	return s, true
}

// Alive reports whether the process s describes still runs as it was. A
// session on another host cannot be checked and counts as alive: a lock on
// a shared network folder must not be broken from the wrong machine.
func (s Session) Alive() bool { return s.alive(time.Time{}) }

// alive is Alive for a session recorded at since. Locks written by older
// nianbao versions carry no start time; for them a process that started
// after the lock was written cannot be its writer (PID reuse, or PID 1 of
// a lock from years ago).
func (s Session) alive(since time.Time) bool {
	if s.PID <= 0 {
		return false
	}
	me := ThisSession()
	if s.Host != "" && me.Host != "" && s.Host != me.Host {
		return true
	}
	if s.Boot != "" && me.Boot != "" && s.Boot != me.Boot {
		return false // the machine rebooted since: every process of then is gone
	}
	st, ok := readProcStat(s.PID)
	if !ok {
		if procAvailable() {
			return false
		}
		return signalAlive(s.PID)
	}
	if st.state == 'Z' || st.state == 'X' {
		return false // exited; only its parent has not collected it yet
	}
	if s.Start != 0 && st.start != s.Start {
		return false // the PID now belongs to another process
	}
	if s.Start == 0 && !since.IsZero() {
		if started, ok := startTime(st.start); ok && started.After(since.Add(2*time.Second)) {
			return false
		}
	}
	if s.Exe != "" {
		if exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", s.PID)); err == nil && strings.TrimSuffix(exe, " (deleted)") != s.Exe {
			return false
		}
	}
	return true
}

type procStat struct {
	state byte
	start uint64
}

// readProcStat reads state and start time from /proc/PID/stat. The
// command name (field 2) may hold spaces and parentheses, so fields are
// counted from the last ')'.
func readProcStat(pid int) (procStat, bool) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procStat{}, false
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return procStat{}, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 || len(f[0]) == 0 {
		return procStat{}, false
	}
	start, err := strconv.ParseUint(f[19], 10, 64)
	if err != nil {
		return procStat{}, false
	}
	return procStat{state: f[0][0], start: start}, true
}

func procAvailable() bool {
	_, err := os.Stat("/proc/self/stat")
	return err == nil
}

// clockTicks is USER_HZ, which Linux fixes at 100 for /proc on every
// architecture nianbao runs on.
const clockTicks = 100

// startTime converts a start in ticks since boot to wall-clock time.
func startTime(ticks uint64) (time.Time, bool) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return time.Time{}, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "btime "); ok {
			bt, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return time.Time{}, false
			}
			return time.Unix(bt, 0).Add(time.Duration(ticks) * time.Second / clockTicks), true
		}
	}
	return time.Time{}, false
}

func bootID() string {
	data, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	id := strings.ReplaceAll(strings.TrimSpace(string(data)), "-", "")
	if len(id) < 8 {
		return ""
	}
	return strings.ToLower(id[:8])
}

// signalAlive is the fallback without /proc: signal 0 checks existence.
func signalAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
