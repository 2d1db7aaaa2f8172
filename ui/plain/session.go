package plain

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"nianbao/check"
	"nianbao/followup"
	"nianbao/model"
)

// autosavePause is how long input must stop before the recovery file is
// written: a typed line is written while the drafter thinks about the
// next, a pasted block once it has all arrived.
const autosavePause = 500 * time.Millisecond

// session is one plain drafting session. It runs on one goroutine; input
// is read by a helper goroutine only while a prompt waits, so an external
// editor started between prompts gets the terminal to itself.
type session struct {
	opts   Options
	out    io.Writer
	in     *lineReader
	report *model.Report
	tmpl   *model.Template
	check  func(*model.Template, *model.Report) check.Result
	now    func() time.Time

	sections []*model.Section
	index    map[string]int
	cur      int // index of the section picked; -1 before any
	leftover int // index in s.leftovers() of the leftover picked; -1 for none

	result check.Result

	path       string // where s saves; "" asks
	lock       *model.Lock
	lockedPath string
	holders    []model.LockInfo
	sess       model.Session // this process, in side-file names

	// Edit counters, as in the full editor: dirty while editGen differs
	// from savedGen. changes also counts lines of a block being typed; the
	// recovery file holds change number autosaveGen.
	editGen, savedGen    int
	changes, autosaveGen int
	autosaveFailed       bool // the failure was said; quiet until a write succeeds
	// pending is a text block being typed: it is in the recovery file
	// from the first pause on, though not yet in the report.
	pending *pendingText

	// pause is how long input must stop before the recovery file is
	// written; negative writes before every wait (tests).
	pause time.Duration

	unnamed string            // stand-in path of an unnamed draft's recovery file
	written map[string]string // draft path → the recovery file this session wrote or took over
}

func newSession(opts Options) *session {
	t := opts.Template
	r := opts.Report
	if r == nil {
		r = model.NewReport(t)
	}
	s := &session{
		opts:     opts,
		out:      opts.Out,
		in:       newLineReader(opts.In),
		report:   r,
		tmpl:     t,
		check:    opts.Check,
		now:      opts.Now,
		path:     opts.Path,
		cur:      -1,
		leftover: -1,
		unnamed:  opts.UnnamedPath,
		written:  map[string]string{},
		sess:     opts.session,
	}
	if s.sess == (model.Session{}) {
		s.sess = model.ThisSession()
	}
	if opts.Attach != nil && r.Previous != opts.Attach {
		followup.AttachTo(r, t, opts.Attach)
		s.touch() // unsaved until the drafter saves
	}
	if s.check == nil {
		s.check = check.Report
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.pause = opts.autosavePause
	if s.pause == 0 {
		s.pause = autosavePause
	}
	if s.path == "" {
		s.path = r.File()
	}
	s.setTemplate(t)
	return s
}

// setTemplate derives the section list again (after migration).
func (s *session) setTemplate(t *model.Template) {
	s.tmpl = t
	s.sections = t.Flatten()
	s.index = make(map[string]int, len(s.sections))
	for i, sec := range s.sections {
		s.index[sec.ID] = i
	}
	if s.cur >= len(s.sections) {
		s.cur = -1
	}
}

// say writes one or more lines. Text that came from the drafter or a file
// is cleaned of control characters, so an escape sequence typed into a
// section can never reach the terminal.
func (s *session) say(lines ...string) {
	for _, l := range lines {
		fmt.Fprintln(s.out, clean(l))
	}
}

func (s *session) sayf(format string, args ...any) { s.say(fmt.Sprintf(format, args...)) }

// clean drops control characters other than tab and the line breaks that
// separate lines.
func clean(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' }

// ask prints a prompt (without a line break, so the answer follows it) and
// returns the answer line. When no line comes for autosavePause it writes
// the recovery file if anything changed since the last one: the drafter
// paused, as the full editor's timer waits for. A paste, whose lines come
// at once, is not written line by line. A line that is not UTF-8 is
// refused in words and asked again.
func (s *session) ask(prompt string) (string, error) {
	for {
		fmt.Fprint(s.out, prompt)
		l, err := s.in.next(s.opts.Signals, s.pause, s.autosave)
		if err != nil {
			return "", err
		}
		if utf8.ValidString(l) {
			return l, nil
		}
		s.say("这一行不是 UTF-8 文字（终端可能在用 GBK 编码），未采用。请把终端设为 UTF-8 后重新输入。")
	}
}

// lineReader reads whole lines of any length on request.
type lineReader struct {
	r    *bufio.Reader
	want chan struct{}
	got  chan readResult
	done error
}

type readResult struct {
	line string
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	lr := &lineReader{r: bufio.NewReader(r), want: make(chan struct{}), got: make(chan readResult)}
	go lr.loop()
	return lr
}

func (lr *lineReader) loop() {
	for range lr.want {
		line, err := lr.r.ReadString('\n')
		if err != nil && line != "" {
			// A last line without a line break is still a line; the end
			// comes with the next request.
			lr.got <- readResult{line: line}
			if _, ok := <-lr.want; !ok {
				return
			}
		}
		if err != nil {
			lr.got <- readResult{err: err}
			return
		}
		lr.got <- readResult{line: line}
	}
}

// next returns the next line without its line break, or an *endedError
// when input ended, failed or a signal came. idle runs once when no line
// has come for pause (at once, before waiting, when pause is negative).
func (lr *lineReader) next(signals <-chan os.Signal, pause time.Duration, idle func()) (string, error) {
	if lr.done != nil {
		return "", lr.done
	}
	var idleC <-chan time.Time
	if pause < 0 {
		idle()
	} else {
		t := time.NewTimer(pause)
		defer t.Stop()
		idleC = t.C
	}
	lr.want <- struct{}{}
	for {
		select {
		case <-idleC:
			idle()
			idleC = nil
			continue
		case res := <-lr.got:
			if res.err != nil {
				cause := "输入结束（EOF）"
				if res.err != io.EOF {
					cause = "无法读取输入（" + res.err.Error() + "）"
				}
				lr.done = &endedError{cause: cause}
				return "", lr.done
			}
			return strings.TrimRight(res.line, "\r\n"), nil
		case sig := <-signals:
			lr.done = &endedError{cause: signalCause(sig), signal: true}
			return "", lr.done
		}
	}
}

// signalCause names a signal the way the full editor's ui.Ended does.
func signalCause(sig os.Signal) string {
	switch sig {
	case syscall.SIGHUP:
		return "终端已关闭（SIGHUP）"
	case syscall.SIGTERM:
		return "收到 SIGTERM 信号"
	case syscall.SIGINT:
		return "收到 SIGINT 信号（ctrl+c）"
	}
	return "收到 " + sig.String() + " 信号"
}
