//go:build linux && !race

// Not under the race detector: bubbletea v1.3.10 shuts down while its read
// loop still polls the input (cancelreader closes its epoll file while
// wait reads its descriptor), a race inside the library that these
// end-to-end tests of a real program would report. The Reader's own unit
// tests (reader_test.go, poll_unix_test.go) run under -race.

package ttyinput_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/sys/unix"

	"nianbao/ui/ttyinput"
)

// A bubbletea program on a real pseudo-terminal, wired as the editors are
// (tea.WithInput of a ttyinput Reader on the terminal), is sent bursts
// that straddle bubbletea's 256-byte reads at every offset; it echoes back
// what it received, key by key, and that must be exactly what was sent.

// echo renders every key it receives as text (Enter as a newline) and
// hands it to the test, in order.
type echo struct {
	keys chan<- string
	stty chan<- string
	tty  *os.File // what a program run from the echo gets as input
}

type sttyMsg string

func (e *echo) Init() tea.Cmd { return nil }

func (e *echo) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch {
		case msg.Type == tea.KeyEnter:
			e.keys <- "\n"
		case msg.Type == tea.KeyCtrlC:
			return e, tea.Quit
		case msg.Type == tea.KeyCtrlE:
			// The path of the drafting editor's external editor (and of
			// ctrl+z): bubbletea releases the terminal, runs a program on
			// it and takes it back.
			var out bytes.Buffer
			cmd := exec.Command("stty", "-a")
			cmd.Stdout = &out
			cmd.Stdin = e.tty
			return e, tea.ExecProcess(cmd, func(err error) tea.Msg {
				if err != nil {
					return sttyMsg("error: " + err.Error())
				}
				return sttyMsg(out.String())
			})
		case msg.Paste:
			e.keys <- "[paste:" + string(msg.Runes) + "]"
		case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
			alt := ""
			if msg.Alt {
				alt = "<alt>"
			}
			e.keys <- alt + string(msg.Runes)
		default:
			e.keys <- "<" + msg.String() + ">"
		}
	case sttyMsg:
		e.stty <- string(msg)
	}
	return e, nil
}

func (e *echo) View() string { return "" }

// session is the echo program running on a pseudo-terminal.
type session struct {
	t             *testing.T
	master, slave *os.File
	keys          chan string
	stty          chan string
	done          chan error
}

func start(t *testing.T) *session {
	t.Helper()
	master, slave := openPty(t)
	s := &session{t: t, master: master, slave: slave, keys: make(chan string), stty: make(chan string), done: make(chan error, 1)}
	in := ttyinput.New(slave)
	p := tea.NewProgram(&echo{keys: s.keys, stty: s.stty, tty: slave}, tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	stopped := make(chan struct{})
	go func() {
		_, err := p.Run()
		s.done <- err
		close(stopped)
	}()
	// Nothing is sent before bubbletea has put the terminal in raw mode:
	// a cooked terminal would hold the bytes until a newline.
	s.waitMode(false)
	t.Cleanup(func() {
		p.Kill()
		// Close the terminal only once Run has returned: bubbletea still
		// restores the terminal state through it while shutting down.
		select {
		case <-stopped:
		case <-time.After(5 * time.Second):
			t.Error("the program did not stop after Kill")
		}
		slave.Close()
		master.Close()
	})
	return s
}

// canonical reports whether the terminal is in cooked (line) mode.
func (s *session) canonical() bool {
	tio, err := unix.IoctlGetTermios(int(s.slave.Fd()), unix.TCGETS)
	if err != nil {
		s.t.Fatal(err)
	}
	return tio.Lflag&unix.ICANON != 0
}

func (s *session) waitMode(cooked bool) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for s.canonical() != cooked {
		if time.Now().After(deadline) {
			s.t.Fatalf("the terminal never became %s", map[bool]string{true: "cooked", false: "raw"}[cooked])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// send writes b in one write, as a terminal hands over a burst, then Enter,
// and returns what the program received before the Enter.
func (s *session) send(b string) string {
	s.t.Helper()
	s.write(b + "\r")
	got := s.receive(func(got string) bool { return strings.HasSuffix(got, "\n") }, len(b))
	return strings.TrimSuffix(got, "\n")
}

// sendAlone writes b and nothing after it, and returns what the program
// received once it has as many bytes as were sent (or stopped receiving).
func (s *session) sendAlone(b string) string {
	s.t.Helper()
	s.write(b)
	return s.receive(func(got string) bool { return len(got) >= len(b) }, len(b))
}

func (s *session) write(b string) {
	s.t.Helper()
	if _, err := s.master.Write([]byte(b)); err != nil {
		s.t.Fatal(err)
	}
}

// receive collects keys until done says the burst is complete.
func (s *session) receive(done func(string) bool, size int) string {
	s.t.Helper()
	var got strings.Builder
	timeout := time.After(10 * time.Second)
	for !done(got.String()) {
		select {
		case k := <-s.keys:
			got.WriteString(k)
		case err := <-s.done:
			s.t.Fatalf("the program ended: %v", err)
		case <-timeout:
			g := got.String()
			s.t.Fatalf("the program received %d of the %d bytes sent, ending …%q", len(g), size, g[max(0, len(g)-12):])
		}
	}
	return got.String()
}

// burst is k ASCII bytes, then characters of one size well past the next
// two 256-byte boundaries.
func burst(k int, ch string) string {
	var b strings.Builder
	for i := range k {
		b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789"[i%36])
	}
	for b.Len() < k+600 {
		b.WriteString(ch)
	}
	return b.String()
}

// mixed is ASCII and characters of every size interleaved, so the
// boundaries fall at every kind of position within a character.
func mixed(k int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat("x", k))
	parts := []string{"a", "é", "中", "𠀀", "，", "😀", "1", "ñ", "法", "𝄞"}
	for i := 0; b.Len() < k+700; i++ {
		b.WriteString(parts[i%len(parts)])
		if i%7 == 0 {
			b.WriteString(parts[(i/7)%len(parts)])
		}
	}
	return b.String()
}

func TestBurstsArriveWholeOnAPty(t *testing.T) {
	s := start(t)
	for _, ch := range []string{"é", "中", "𠀀"} {
		for k := range 256 {
			text := burst(k, ch)
			if got := s.send(text); got != text {
				t.Fatalf("%d ASCII bytes then %q: %s", k, ch, diff(got, text))
			}
		}
	}
	for k := range 256 {
		text := mixed(k)
		if got := s.send(text); got != text {
			t.Fatalf("mixed burst after %d bytes: %s", k, diff(got, text))
		}
	}
}

// Keys sent inside bursts keep their meaning: arrows, function keys,
// alt+key (ESC prefix, also before a Chinese character), ctrl keys, and a
// bracketed paste.
func TestKeysInsideBursts(t *testing.T) {
	s := start(t)
	for k := range 256 {
		pre := strings.Repeat("中", k/3) + strings.Repeat("a", k%3)
		send := pre + "\x1b[A" + "中文" + "\x1bx" + "\x1b中" + "\x1bOR" + "\x1b[1;5B" + "\x01" + "𠀀" +
			"\x1b[200~粘贴的文字，第" + strconv.Itoa(k) + "次\x1b[201~" + "尾"
		want := pre + "<up>" + "中文" + "<alt>x" + "<alt>中" + "<f3>" + "<ctrl+down>" + "<ctrl+a>" + "𠀀" +
			"[paste:粘贴的文字，第" + strconv.Itoa(k) + "次]" + "尾"
		if got := s.send(send); got != want {
			t.Fatalf("keys after %d bytes: %s", k, diff(got, want))
		}
	}
}

// The terminal is raw while the program runs, cooked while it lends the
// terminal to another program and after it quits, and input after the
// loan still arrives whole: bubbletea restores and re-reads through the
// Reader as it does for standard input.
func TestRawModeAroundAnExternalProgram(t *testing.T) {
	s := start(t)
	if got, want := s.send(burst(1, "中")), burst(1, "中"); got != want {
		t.Fatal(diff(got, want))
	}
	s.write("\x05") // ctrl+e
	var stty string
	select {
	case stty = <-s.stty:
	case <-time.After(10 * time.Second):
		t.Fatal("the external program never ran")
	}
	if flags := strings.Fields(stty); !slices.Contains(flags, "icanon") || !slices.Contains(flags, "echo") {
		t.Fatalf("the external program got a raw terminal:\n%s", stty)
	}
	s.waitMode(false)
	for k := range 10 {
		if got, want := s.send(burst(k, "𠀀")), burst(k, "𠀀"); got != want {
			t.Fatalf("after the external program: %s", diff(got, want))
		}
	}
	s.write("\x03") // ctrl+c
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not quit")
	}
	if !s.canonical() {
		t.Fatal("the terminal stayed raw after the program quit")
	}
}

// diff says where got first differs from want.
func diff(got, want string) string {
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	return fmt.Sprintf("received %d characters of %d; first difference at %d: got %q, want %q",
		len(g), len(w), i, string(g[i:min(i+6, len(g))]), string(w[i:min(i+6, len(w))]))
}

// openPty opens a pseudo-terminal pair.
func openPty(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(m.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Fatalf("unlocking the pty: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Fatalf("pty number: %v", err)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Fatalf("opening the pty: %v", err)
	}
	return m, s
}

// A burst that fills bubbletea's reads exactly shows at once, not only
// when the next key comes.
func TestBurstOfExactlyTheReadSize(t *testing.T) {
	s := start(t)
	for _, n := range []int{255, 256, 257, 511, 512, 768} {
		text := strings.Repeat("a", n%3) + strings.Repeat("中", n/3)
		if got := s.sendAlone(text); got != text {
			t.Fatalf("%d bytes: %s", len(text), diff(got, text))
		}
	}
}

// TestHangupIsAnError: once the terminal is gone (its master end closed,
// as when the window or the ssh session closes) a read ends in an error,
// never in a quiet end of input that would leave the program running
// without a keyboard.
func TestHangupIsAnError(t *testing.T) {
	m, s := openPty(t)
	defer s.Close()
	// Raw, as bubbletea sets the terminal: no line buffering.
	tio, err := unix.IoctlGetTermios(int(s.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	tio.Lflag &^= unix.ICANON | unix.ECHO
	tio.Cc[unix.VMIN], tio.Cc[unix.VTIME] = 1, 0
	if err := unix.IoctlSetTermios(int(s.Fd()), unix.TCSETS, tio); err != nil {
		t.Fatal(err)
	}
	r := ttyinput.New(s)
	if _, err := m.Write([]byte("字")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, err := r.Read(buf)
	if err != nil || string(buf[:n]) != "字" {
		t.Fatalf("before the hang-up: %q, %v", buf[:n], err)
	}
	m.Close()
	done := make(chan error, 1)
	go func() {
		_, err := r.Read(buf)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || err == io.EOF {
			t.Errorf("after the hang-up the read gave %v, want an error", err)
		}
		t.Logf("after the hang-up: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("the read still waits after the terminal went away")
	}
}
