package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/check"
	"nianbao/model"
	"nianbao/templates"
	"nianbao/ui/termcursor"
)

var testNow = func() time.Time { return time.Date(2025, 2, 10, 9, 0, 0, 0, time.Local) }

func stdTemplate(t testing.TB) *model.Template {
	t.Helper()
	tm, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// newTestApp builds the editor at a fixed size with the local checker.
func newTestApp(t testing.TB, r *model.Report, tm *model.Template, path string, w, h int) *App {
	t.Helper()
	return newTestAppWith(t, Options{Report: r, Template: tm, Path: path}, w, h)
}

// newTestAppWith is newTestApp with every option (recovery, lock holder,
// previous template) available.
func newTestAppWith(t testing.TB, opts Options, w, h int) *App {
	t.Helper()
	if opts.Template == nil {
		opts.Template = stdTemplate(t)
	}
	if opts.Report == nil {
		opts.Report = model.NewReport(opts.Template)
	}
	if opts.check == nil {
		opts.check = check.Report
	}
	opts.cursor = &termcursor.Target{}
	if opts.autosaveTick == nil {
		// The autosave timer never fires unless a test fires it.
		opts.autosaveTick = func(int) tea.Cmd { return nil }
	}
	a := newApp(opts, testNow)
	// Timers fire at once; drain drops the tick, so no check runs per key.
	a.env.tick = func(seq int) tea.Cmd { return func() tea.Msg { return checkTickMsg{seq: seq} } }
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// draft is a report with metadata filled, so the editor opens on sections.
func draft(t testing.TB, tm *model.Template) *model.Report {
	r := model.NewReport(tm)
	r.Unit, r.Year = "绩溪县", 2024
	return r
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "f1":
		return tea.KeyMsg{Type: tea.KeyF1}
	case "f2":
		return tea.KeyMsg{Type: tea.KeyF2}
	case "f3":
		return tea.KeyMsg{Type: tea.KeyF3}
	case "f5":
		return tea.KeyMsg{Type: tea.KeyF5}
	case "f4":
		return tea.KeyMsg{Type: tea.KeyF4}
	case "f6":
		return tea.KeyMsg{Type: tea.KeyF6}
	case "f7":
		return tea.KeyMsg{Type: tea.KeyF7}
	case "ctrl+n":
		return tea.KeyMsg{Type: tea.KeyCtrlN}
	case "ctrl+p":
		return tea.KeyMsg{Type: tea.KeyCtrlP}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+q":
		return tea.KeyMsg{Type: tea.KeyCtrlQ}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+t":
		return tea.KeyMsg{Type: tea.KeyCtrlT}
	case "ctrl+g":
		return tea.KeyMsg{Type: tea.KeyCtrlG}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "ctrl+z":
		return tea.KeyMsg{Type: tea.KeyCtrlZ}
	case "ctrl+e":
		return tea.KeyMsg{Type: tea.KeyCtrlE}
	case "ctrl+a":
		return tea.KeyMsg{Type: tea.KeyCtrlA}
	case "ctrl+x":
		return tea.KeyMsg{Type: tea.KeyCtrlX}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// press sends keys and runs the commands they return (save, jumps, check
// results), like the program loop would; timers are left pending.
func press(t testing.TB, a *App, keys ...string) (quit bool) {
	t.Helper()
	for _, k := range keys {
		_, cmd := a.Update(keyMsg(k))
		if drain(t, a, cmd) {
			quit = true
		}
	}
	return quit
}

// typeText sends text as one runes message, as a terminal delivers a paste
// or an IME commit.
func typeText(t testing.TB, a *App, s string) {
	t.Helper()
	_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	drain(t, a, cmd)
}

// drain runs cmd and feeds its messages back; commands that do not finish
// quickly (debounce timers) are abandoned. It reports whether tea.Quit ran.
func drain(t testing.TB, a *App, cmd tea.Cmd) (quit bool) {
	t.Helper()
	return drainWith(t, cmd, func(msg tea.Msg) tea.Cmd {
		_, next := a.Update(msg)
		return next
	})
}

// drainWith is drain with the update step given: the no-I/O test watches
// the disk around each one.
func drainWith(t testing.TB, cmd tea.Cmd, update func(tea.Msg) tea.Cmd) (quit bool) {
	t.Helper()
	if cmd == nil {
		return false
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(5 * time.Second):
		t.Fatal("a command did not finish")
	}
	switch m := msg.(type) {
	case nil:
		return false
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range m {
			if drainWith(t, c, update) {
				quit = true
			}
		}
		return quit
	case checkTickMsg:
		return false // timers only matter in the debounce test
	}
	return drainWith(t, update(msg), update)
}

func screen(a *App) string { return ansi.Strip(a.View()) }

func mustContain(t *testing.T, a *App, want ...string) {
	t.Helper()
	s := screen(a)
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

func mustNotContain(t *testing.T, a *App, bad ...string) {
	t.Helper()
	s := screen(a)
	for _, w := range bad {
		if strings.Contains(s, w) {
			t.Fatalf("screen should not show %q:\n%s", w, s)
		}
	}
}

func ansiWidth(s string) int { return ansi.StringWidth(s) }
