package ui

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
	"nianbao/ui/ttyinput"
)

// Ended says the editor stopped without the drafter choosing to quit: a
// signal (kill, shutdown, the terminal window closed) or an internal error.
// Its message says where the unsaved text went.
type Ended struct {
	Cause    string // 收到 SIGTERM 信号 / 终端已关闭 / 程序内部错误
	Recovery string // the file holding the unsaved text; "" when nothing was unsaved
	Dumped   bool   // Recovery is a plain-text dump, which no start offers
	Err      error  // writing the recovery file failed
}

func (e *Ended) Error() string {
	var b strings.Builder
	b.WriteString("编辑器因" + e.Cause + "而退出。")
	switch {
	case e.Err != nil:
		b.WriteString("未能写入恢复文件：" + e.Err.Error() + "。最近一次自动保存（如有）仍在草稿旁的恢复文件中。")
	case e.Dumped:
		b.WriteString("无法写入恢复文件，未保存的正文已存为纯文本 " + e.Recovery + "（仅本人可读）。再次打开草稿时不会提示恢复，请从这个文件中复制。")
	case e.Recovery != "":
		b.WriteString("未保存的内容已写入恢复文件 " + e.Recovery + "；再次打开草稿时会提示恢复。")
	default:
		b.WriteString("没有未保存的内容。")
	}
	return b.String()
}

// Grace periods after a signal: first the editor is asked to stop, then
// killed; a program that still hangs is ended so the signal is honoured.
const (
	quitGrace = 3 * time.Second
	killGrace = 2 * time.Second
)

// run drives the program and, when it ended for any reason other than the
// drafter quitting, writes the recovery file from the final model. Doing
// it after the event loop has stopped means no other goroutine touches
// the model.
func run(app *App, opts ...tea.ProgramOption) error {
	// The terminal is read through ttyinput so a burst of Chinese loses no
	// character at bubbletea's read boundaries. Options given here (tests'
	// own input) come after and win.
	input, tty, closeInput := ttyinput.Option()
	defer closeInput()
	if tty != nil {
		// An external editor gets the terminal itself, not the reader.
		app.env.terminal = tty.File()
	}
	opts = append([]tea.ProgramOption{input}, opts...)
	// bubbletea's own handler turns SIGTERM into a plain quit and ignores
	// SIGHUP (whose default action kills the process before anything is
	// written); this one records which signal came.
	p := tea.NewProgram(app, append(opts, tea.WithoutSignalHandler())...)
	done := make(chan struct{})
	var got atomic.Value
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT)
	go func() {
		select {
		case s := <-sigs:
			got.Store(s)
			p.Quit()
		case <-done:
			return
		}
		select {
		case <-done:
			return
		case <-time.After(quitGrace):
			p.Kill()
		}
		select {
		case <-done:
		case <-time.After(killGrace):
			fmt.Fprintln(os.Stderr, "nianbao 无响应，已强制退出；最近一次自动保存的内容在草稿旁的恢复文件中。")
			os.Exit(ExitCodeEnded)
		}
	}()
	_, err := p.Run()
	close(done)
	signal.Stop(sigs)

	s, _ := got.Load().(os.Signal)
	if app.quitting && s == nil && err == nil {
		return nil
	}
	e := &Ended{Cause: endCause(s, err)}
	e.Recovery, e.Dumped, e.Err = app.emergencyRecovery()
	return e
}

// ExitCodeEnded is the process exit code after an Ended: neither success
// nor a findings or input failure.
const ExitCodeEnded = 3

func endCause(s os.Signal, err error) string {
	switch {
	case s == syscall.SIGHUP:
		return "终端已关闭（SIGHUP）"
	case errors.Is(err, ttyinput.ErrHangup):
		return "终端已关闭"
	case s != nil:
		return "收到 " + signalName(s) + " 信号"
	case errors.Is(err, tea.ErrProgramPanic):
		return "程序内部错误"
	case err != nil:
		return "终端出错（" + err.Error() + "）"
	}
	return "意外结束"
}

func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}

// emergencyRecovery writes the unsaved text after the program ended. The
// model may be half-way through an update that panicked, so a failure to
// marshal falls back to the plain text of every section: the words matter
// more than the format.
func (a *App) emergencyRecovery() (path string, dumped bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			path, err = a.dumpText()
			dumped = path != ""
		}
	}()
	path, err = a.writeRecoveryNow()
	if err != nil {
		// A read-only folder, a full disk: the state directory is the
		// last place left.
		if p, derr := a.dumpText(); derr == nil && p != "" {
			return p, true, nil
		}
	}
	return path, false, err
}

// dumpText writes every editor's text to a new plain file, readable only
// by its owner, in the state directory (model.WriteDump), as a last
// resort.
func (a *App) dumpText() (string, error) {
	var b strings.Builder
	for _, s := range a.c.sections {
		text := a.c.report.Text(s.ID)
		if ed, ok := a.prose.editors[s.ID]; ok {
			text = ed.Value()
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fmt.Fprintf(&b, "%s\n%s\n\n", a.c.heading(s), text)
	}
	ids := slices.Sorted(maps.Keys(a.c.report.Figures))
	for _, id := range ids {
		fmt.Fprintf(&b, "%s：%s\n", id, a.c.report.Figures[id].Text)
	}
	if b.Len() == 0 {
		return "", nil
	}
	return model.WriteDump([]byte(b.String()))
}
