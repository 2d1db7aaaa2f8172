// Package plain is nianbao's accessible drafting mode: the same drafting
// job as the full-screen editor, as numbered lines and line prompts over a
// plain reader and writer. Nothing is redrawn, the cursor is never moved
// and no colour or box-drawing character is written, so a screen reader
// reads each line once and a dumb terminal or serial console shows it as
// it is. Saving, autosave, recovery and locks go through model exactly as
// in the full editor.
package plain

import (
	"errors"
	"io"
	"os"
	"strings"
	"time"

	"nianbao/check"
	"nianbao/model"
	"nianbao/ui"
)

// Options are what a plain session needs to start. Report, Template, Path,
// Previous, Recoveries and UnnamedPath mean what they mean in ui.Options.
type Options struct {
	Report   *model.Report
	Template *model.Template
	Path     string
	Previous *model.Template
	// Attach is last year's report given with edit --previous: attached
	// at start, as a change to save, as the full editor does.
	Attach     *model.Previous
	Recoveries []*model.Recovery
	// session is the identity in side-file names; zero means this
	// process. Tests give a dead editor's, so what the session leaves is
	// found as another editor's recovery file would be.
	session     model.Session
	UnnamedPath string

	// Reason says why plain mode is on (--plain, NIANBAO_ACCESSIBLE=1,
	// TERM=dumb, …); it is announced with how to leave.
	Reason Reason

	In  io.Reader
	Out io.Writer

	// Signals, when set, delivers signals that end the session the way a
	// closed terminal does: unsaved text goes to the recovery file.
	Signals <-chan os.Signal
	// External edits a file in the drafter's own editor ($VISUAL or
	// $EDITOR); nil when none is set.
	External func(file string) error
	// Check replaces the check engine in tests; nil means check.Report.
	Check func(*model.Template, *model.Report) check.Result
	// Now is the clock for the default year and save times; nil is time.Now.
	Now func() time.Time
	// NoLock skips the lock file (tests of everything but locks).
	NoLock bool

	// autosavePause replaces autosavePause in tests; negative writes the
	// recovery file before every wait for input.
	autosavePause time.Duration
}

// Reason is why the session runs in plain mode.
type Reason int

// The ways plain mode is switched on, in the order cli tests them.
const (
	ReasonFlag       Reason = iota // --plain
	ReasonAccessible               // NIANBAO_ACCESSIBLE=1
	ReasonDumb                     // TERM=dumb
	ReasonNoCursor                 // TERM unset or no terminal to draw on
)

// announce is the first line: which mode, why, and how to get the
// full-screen editor instead.
func (r Reason) announce() string {
	const head = "nianbao 纯文本模式（逐行问答，适合读屏软件和简单终端）。"
	switch r {
	case ReasonFlag:
		return head + "因使用了 --plain 而开启；不加 --plain 重新打开即为全屏编辑器。"
	case ReasonAccessible:
		return head + "因设置了 NIANBAO_ACCESSIBLE=1 而开启；取消这个环境变量即为全屏编辑器。"
	case ReasonDumb:
		return head + "因 TERM=dumb 而开启；在能定位光标的终端（TERM 不是 dumb）中打开即为全屏编辑器。"
	case ReasonNoCursor:
		return head + "因当前终端不能定位光标（未设置 TERM、终端类型没有光标定位，或输出不是终端）而开启；在普通终端中打开即为全屏编辑器。"
	}
	return head
}

// errQuit ends the session by the drafter's choice.
var errQuit = errors.New("quit")

// endedError ends the session without the drafter's choice: input ended
// or a signal came. The unsaved text must go to the recovery file.
type endedError struct {
	cause  string
	signal bool // a signal, not the end of input
}

func (e *endedError) Error() string { return e.cause }

// Run holds a plain session until the drafter quits or input ends. It
// returns nil after a chosen quit and an *ui.Ended when input ended or a
// signal came, saying where the unsaved text went.
func Run(opts Options) error {
	s := newSession(opts)
	if !opts.NoLock && s.path != "" {
		// Without a lock only the warning to a second nianbao is lost;
		// conflict checks on save still protect the file.
		s.lock, s.holders, _ = model.AcquireLock(s.path, s.sess)
		if s.lock != nil {
			s.lockedPath = s.path
		}
	}
	defer func() { _ = s.lock.Release() }()
	err := s.run()
	var ended *endedError
	switch {
	case errors.Is(err, errQuit):
		return nil
	case errors.As(err, &ended):
		return s.end(ended)
	}
	return err
}

func (s *session) run() error {
	s.say(s.opts.Reason.announce())
	s.say("输入 ? 查看命令，输入 q 退出。")
	if err := s.startupQuestions(); err != nil {
		return err
	}
	s.recheck()
	s.overview()
	for {
		cmd, err := s.ask("命令（? 查看命令）：")
		if err != nil {
			return err
		}
		if err := s.command(strings.TrimSpace(cmd)); err != nil {
			return err
		}
	}
}

// end writes what is unsaved to the recovery file after input ended or a
// signal came, and says so; nothing typed is dropped. Input that simply
// ends with nothing unsaved is a clean quit.
func (s *session) end(why *endedError) error {
	// The input ended (ctrl+d) or ^C was echoed after a prompt: start the
	// message on its own line.
	s.say("")
	if !s.dirty() && !why.signal {
		s.discardRecovery()
		s.say("输入已结束，没有未保存的修改，已退出。")
		return nil
	}
	e := &ui.Ended{Cause: why.cause}
	if s.pending != nil && s.pending.keepsOld(s.report) {
		s.say("本节正文的替换没有完成（没有输入“.”）：恢复文件中保留了原有正文，新输入的内容接在后面。")
	}
	if s.dirty() {
		e.Recovery, e.Err = s.writeRecovery()
	} else {
		s.discardRecovery()
	}
	s.say(e.Error())
	return e
}
