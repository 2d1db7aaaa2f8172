//go:build linux

package main

// Start-up and memory of the real binary (issue 10): how long `nianbao edit`
// takes from exec to its first frame on a terminal, and how much memory it
// holds with a 50,000-character report, against a bare process start
// (`nianbao --version`) measured in the same run. These are benchmarks, not
// tests: the machine is shared and timings are noisy, so nothing here
// asserts a time; scripts/bench prints the ratios.
//
// The binary is built when the benchmark runs (never by `go test` without
// -bench) and runs on a pseudo-terminal made with the standard library
// (/dev/ptmx) at 100×30 cells, so bubbletea gets raw mode and a window size
// as in a real terminal. This side answers the terminal queries that a real
// terminal answers at once (background colour, cursor position): bubbletea's
// package init has lipgloss ask for the background colour, in every nianbao
// command whose output is a terminal, and without an answer it waits for
// termenv's 5-second timeout.

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"nianbao/internal/benchtext"
	"nianbao/model"
	"nianbao/templates"
)

// startupChars is the report size of the memory goal.
const startupChars = 50000

// Terminal size of the runs.
const startupW, startupH = 100, 30

var (
	// The status bar ("… │ 本节 N 字 │ 全文 N 字") is the last line of the
	// editor's frame, so once it is out the whole first frame is.
	firstFrameRe = regexp.MustCompile(`全文 \d+ 字`)
	checkedRe    = regexp.MustCompile(`完整度 \d`)
	versionRe    = regexp.MustCompile(`nianbao \S+\r?\n`)
)

// BenchmarkStartup starts the real binary on a pseudo-terminal.
//
//   - case=baseline: `nianbao --version`, a bare start of the same binary
//     (runtime, package initialisation, command line) until it exits.
//   - case=editor/chars=N: `nianbao edit draft.yaml` with an N-character
//     draft of the standard template (N = 50,000, the goal's size, and 0 to
//     tell the report's share from the editor's), until the first frame is
//     written.
//
// ns/op is exec to exit (baseline) or to the first frame (editor), ms-median
// the same as the median over the runs (what scripts/bench quotes). MB-rss is
// the resident set and MB-peak its high-water mark (VmRSS, VmHWM): for the
// editor read from /proc after the first frame, the first check and some
// work (typing, walking every section, the preview); for the baseline, as it
// exits.
func BenchmarkStartup(b *testing.B) {
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		b.Skipf("no pseudo-terminals here (%v): the editor needs a terminal to start", err)
	}
	dir := b.TempDir()
	bin := buildNianbao(b, filepath.Join(dir, "bin"))
	work := filepath.Join(dir, "work")

	b.Run("case=baseline", func(b *testing.B) {
		mem := memoryAtExit(b, bin, resetDir(b, work, nil), "--version")
		var times []time.Duration
		for b.Loop() {
			b.StopTimer()
			s := newSession(b, bin, resetDir(b, work, nil), "--version")
			b.StartTimer()
			t0 := time.Now()
			s.start(b)
			s.waitFor(b, versionRe, 0, 10*time.Second)
			err := s.cmd.Wait()
			times = append(times, time.Since(t0))
			b.StopTimer()
			if err != nil {
				b.Fatalf("nianbao --version: %v\n…%q", err, s.output())
			}
			s.close()
			b.StartTimer()
		}
		b.ReportMetric(median(times), "ms-median")
		b.ReportMetric(mem["VmRSS"], "MB-rss")
		b.ReportMetric(mem["VmHWM"], "MB-peak")
	})

	for _, chars := range []int{0, startupChars} {
		draft := draftYAML(b, chars)
		b.Run(fmt.Sprintf("case=editor/chars=%d", chars), func(b *testing.B) {
			var rss, peak float64
			var times []time.Duration
			for b.Loop() {
				b.StopTimer()
				// Each start gets a fresh folder: a killed editor leaves its
				// lock and recovery file beside the draft, and the next
				// start would ask about them.
				s := newSession(b, bin, resetDir(b, work, draft), "edit", "draft.yaml")
				b.StartTimer()
				t0 := time.Now()
				s.start(b)
				s.waitFor(b, firstFrameRe, 0, 10*time.Second)
				times = append(times, time.Since(t0))
				b.StopTimer()
				s.work(b)
				mem, err := procStatus(s.cmd.Process.Pid, "VmRSS", "VmHWM")
				if err != nil {
					b.Fatal(err)
				}
				rss += mem["VmRSS"]
				peak += mem["VmHWM"]
				s.kill()
				b.StartTimer()
			}
			b.ReportMetric(median(times), "ms-median")
			b.ReportMetric(rss/float64(b.N), "MB-rss")
			b.ReportMetric(peak/float64(b.N), "MB-peak")
		})
	}
}

// work is a drafter's first minute: wait for the first check, type, walk
// every section (each gets its editor), open the preview of the whole
// report and scroll it, close it and type again. Each step waits for what
// it shows, so keys never race ahead of the screen. A lone ESC is never
// sent: followed by more input it reads as alt+key.
func (s *session) work(b *testing.B) {
	b.Helper()
	const timeout = 10 * time.Second
	s.waitFor(b, checkedRe, 0, timeout)
	at := s.mark()
	s.send(b, "基准")
	s.waitFor(b, regexp.MustCompile("基准"), at, timeout)
	for range 40 {
		s.send(b, "\x1b[1;5B") // ctrl+down: next section, optional ones too
	}
	s.waitQuiet(b, 100*time.Millisecond, timeout)
	at = s.mark()
	s.send(b, "\x1bOR") // F3: preview
	s.waitFor(b, regexp.MustCompile("关闭预览"), at, timeout)
	for range 10 {
		s.send(b, "\x1b[6~") // page down
	}
	s.waitQuiet(b, 100*time.Millisecond, timeout)
	at = s.mark()
	s.send(b, "\x1bOR") // F3 again: back to the editor
	s.waitFor(b, regexp.MustCompile("下一必填节"), at, timeout)
	at = s.mark()
	s.send(b, "测试")
	s.waitFor(b, regexp.MustCompile("测试"), at, timeout)
	s.waitQuiet(b, 200*time.Millisecond, timeout)
}

// median of the runs in ms: on a shared machine one slow run (another
// job's burst) moves the mean a lot and the median little.
func median(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	m := ds[len(ds)/2]
	if len(ds)%2 == 0 {
		m = (ds[len(ds)/2-1] + m) / 2
	}
	return float64(m) / float64(time.Millisecond)
}

// buildNianbao builds the binary into dir; go's build cache makes this
// quick after the first time.
func buildNianbao(b *testing.B, dir string) string {
	b.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		b.Skip("the go command is not on PATH: cannot build nianbao to start it")
	}
	bin := filepath.Join(dir, "nianbao")
	if out, err := exec.Command("go", "build", "-o", bin, "nianbao").CombinedOutput(); err != nil {
		b.Fatalf("building nianbao: %v\n%s", err, out)
	}
	return bin
}

// draftYAML is a saved draft of the standard template with about chars
// characters spread over every section, metadata filled so the editor opens
// on prose (as BenchmarkAppKeystroke builds its report).
func draftYAML(b *testing.B, chars int) []byte {
	b.Helper()
	tm, err := templates.Embedded("standard")
	if err != nil {
		b.Fatal(err)
	}
	r := model.NewReport(tm)
	r.Unit, r.Year = "绩溪县", 2024
	secs := tm.Flatten()
	for _, s := range secs {
		r.SetText(s.ID, benchtext.Prose(chars/len(secs)))
	}
	path := filepath.Join(b.TempDir(), "draft.yaml")
	if err := r.Save(path); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// resetDir empties dir and writes draft.yaml into it (unless draft is nil),
// with a home folder inside so no settings, state or recovery file of the
// machine's user is read or written.
func resetDir(b *testing.B, dir string, draft []byte) string {
	b.Helper()
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "home"), 0o755); err != nil {
		b.Fatal(err)
	}
	if draft != nil {
		if err := os.WriteFile(filepath.Join(dir, "draft.yaml"), draft, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// session is one nianbao process on a pseudo-terminal, with everything it
// writes collected.
type session struct {
	cmd           *exec.Cmd
	master, slave *os.File
	mu            sync.Mutex
	out           bytes.Buffer
	grown         chan struct{} // signalled after every read
	done          chan struct{} // closed when the reader stops
}

// Terminal queries and a real terminal's answers: OSC 11 (background
// colour, for lipgloss's light/dark choice) and DSR 6 (cursor position,
// which termenv asks right after to bound its wait).
var termQueries = []struct{ q, a string }{
	{"\x1b]11;?", "\x1b]11;rgb:0000/0000/0000\x1b\\"},
	{"\x1b[6n", "\x1b[1;1R"},
}

// newSession opens a pseudo-terminal and prepares nianbao on it; start
// runs it. They are apart so the benchmark can time only the start.
func newSession(b *testing.B, bin, dir string, args ...string) *session {
	b.Helper()
	master, slave, err := openPty(startupW, startupH)
	if err != nil {
		b.Skipf("cannot open a pseudo-terminal (%v): the editor needs a terminal to start", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	home := filepath.Join(dir, "home")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor",
		"HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_STATE_HOME="+home, "XDG_DATA_HOME="+home)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	return &session{cmd: cmd, master: master, slave: slave, grown: make(chan struct{}, 1), done: make(chan struct{})}
}

func (s *session) start(b *testing.B) {
	b.Helper()
	if err := s.cmd.Start(); err != nil {
		s.master.Close()
		s.slave.Close()
		b.Fatal(err)
	}
	s.slave.Close() // the child holds it now; reads on master end when it exits
	go s.read()
}

// read collects the output and answers terminal queries as they come.
func (s *session) read() {
	defer close(s.done)
	buf := make([]byte, 64<<10)
	answered := make([]int, len(termQueries))
	for {
		n, err := s.master.Read(buf)
		if n > 0 {
			s.mu.Lock()
			s.out.Write(buf[:n])
			for i, tq := range termQueries {
				for c := bytes.Count(s.out.Bytes(), []byte(tq.q)); answered[i] < c; answered[i]++ {
					_, _ = s.master.Write([]byte(tq.a))
				}
			}
			s.mu.Unlock()
			select {
			case s.grown <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// output is what nianbao wrote, its last 4 kB when failing (enough for the
// last frame's changed lines).
func (s *session) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.out.Bytes()
	if len(out) > 4096 {
		out = out[len(out)-4096:]
	}
	return string(out)
}

// mark is where the output ends now, for waitFor.
func (s *session) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.Len()
}

func (s *session) matches(re *regexp.Regexp, from int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return re.Match(s.out.Bytes()[from:])
}

// waitFor waits until the output written since mark from matches re.
func (s *session) waitFor(b *testing.B, re *regexp.Regexp, from int, timeout time.Duration) {
	b.Helper()
	deadline := time.After(timeout)
	for !s.matches(re, from) {
		select {
		case <-s.grown:
		case <-s.done:
			if !s.matches(re, from) {
				s.kill()
				b.Fatalf("nianbao ended before writing %q:\n…%q", re, s.output())
			}
		case <-deadline:
			s.kill()
			b.Fatalf("nianbao wrote no %q in %v:\n…%q", re, timeout, s.output())
		}
	}
}

// waitQuiet waits until nothing has been written for quiet.
func (s *session) waitQuiet(b *testing.B, quiet, timeout time.Duration) {
	b.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case <-s.grown:
		case <-time.After(quiet):
			return
		case <-deadline:
			s.kill()
			b.Fatalf("nianbao kept writing for %v", timeout)
		}
	}
}

func (s *session) send(b *testing.B, keys string) {
	b.Helper()
	if _, err := s.master.Write([]byte(keys)); err != nil {
		b.Fatal(err)
	}
}

// kill ends the process and releases the terminal.
func (s *session) kill() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.close()
}

// close releases the terminal of a process that has ended.
func (s *session) close() {
	s.master.Close()
	<-s.done
}

func ioctl(fd uintptr, req uint, arg unsafe.Pointer) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, uintptr(req), uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

// openPty opens a pseudo-terminal pair of w×h cells.
func openPty(w, h int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		if err != nil {
			master.Close()
		}
	}()
	var unlock int32
	if err := ioctl(master.Fd(), syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		return nil, nil, fmt.Errorf("unlocking the pty: %v", err)
	}
	var n uint32
	if err := ioctl(master.Fd(), syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		return nil, nil, fmt.Errorf("pty number: %v", err)
	}
	slave, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	ws := struct{ row, col, x, y uint16 }{uint16(h), uint16(w), 0, 0}
	if err := ioctl(slave.Fd(), syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		slave.Close()
		return nil, nil, fmt.Errorf("window size: %v", err)
	}
	return master, slave, nil
}

// memoryAtExit runs nianbao under ptrace, stops it as it exits (its memory
// still mapped) and reads VmRSS and VmHWM. The rusage of an ended child
// would not do: Go starts children with vfork, and on Linux their ru_maxrss
// then includes the peak of the parent, this benchmark.
func memoryAtExit(b *testing.B, bin, dir string, args ...string) map[string]float64 {
	b.Helper()
	// Every ptrace request must come from the thread that started the tracee.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Ptrace: true}
	if err := cmd.Start(); err != nil {
		b.Skipf("cannot trace a child process here (%v): no memory figure for a bare start", err)
	}
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	pid := cmd.Process.Pid
	var ws syscall.WaitStatus
	if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil || !ws.Stopped() {
		b.Fatalf("nianbao did not stop at exec: %v %v", err, ws)
	}
	if err := syscall.PtraceSetOptions(pid, syscall.PTRACE_O_TRACEEXIT); err != nil {
		b.Skipf("cannot trace a child process here (%v): no memory figure for a bare start", err)
	}
	sig := 0
	for {
		if err := syscall.PtraceCont(pid, sig); err != nil {
			b.Fatal(err)
		}
		if _, err := syscall.Wait4(pid, &ws, 0, nil); err != nil {
			b.Fatal(err)
		}
		if !ws.Stopped() {
			b.Fatalf("nianbao ended without the exit stop: %v", ws)
		}
		if ws.StopSignal() == syscall.SIGTRAP && ws.TrapCause() == syscall.PTRACE_EVENT_EXIT {
			break
		}
		sig = int(ws.StopSignal()) // a signal for the runtime (SIGURG…): pass it on
	}
	mem, err := procStatus(pid, "VmRSS", "VmHWM")
	if err != nil {
		b.Fatal(err)
	}
	if err := syscall.PtraceCont(pid, 0); err != nil {
		b.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		b.Fatalf("nianbao %s: %v", strings.Join(args, " "), err)
	}
	return mem
}

// procStatus reads kB fields of /proc/PID/status (VmRSS, VmHWM) in MB.
func procStatus(pid int, fields ...string) (map[string]float64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	got := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		for _, want := range fields {
			if name == want && len(strings.Fields(rest)) > 0 {
				kb, err := strconv.ParseFloat(strings.Fields(rest)[0], 64)
				if err != nil {
					return nil, err
				}
				got[name] = kb / 1024
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, want := range fields {
		if _, ok := got[want]; !ok {
			return nil, fmt.Errorf("/proc/%d/status has no %s", pid, want)
		}
	}
	return got, nil
}
