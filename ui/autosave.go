package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// autosaveDelay is how long typing must pause before the recovery file is
// written: long enough not to write on every key, short enough that a
// crash loses at most a sentence.
const autosaveDelay = 2 * time.Second

// autosaveState tracks the recovery file (.FILE.autosave) of this session.
type autosaveState struct {
	seq     int             // debounce: only the tick of the latest edit writes
	gen     int             // edit count the recovery file holds
	busy    bool            // a write is in flight; writes never overlap
	again   bool            // edits arrived during the write: write once more
	written map[string]bool // draft paths whose recovery file this session wrote or took over
	unnamed string          // stand-in draft path for a draft without a file name
	tick    func(seq int) tea.Cmd
	err     string // last failure, shown until a write succeeds
}

type autosaveTickMsg struct{ seq int }

type autosavedMsg struct {
	gen    int
	target string
	err    error
}

func autosaveTickCmd(seq int) tea.Cmd {
	return tea.Tick(autosaveDelay, func(time.Time) tea.Msg { return autosaveTickMsg{seq} })
}

// autosaveTarget is the draft path whose recovery file this session writes:
// the draft itself, or the stand-in path of an unnamed draft. "" means
// there is nowhere to write (no state directory).
func (a *App) autosaveTarget() string {
	if a.path != "" {
		return a.path
	}
	return a.autosave.unnamed
}

// scheduleAutosave restarts the pause timer after an edit.
func (a *App) scheduleAutosave() tea.Cmd {
	a.autosave.seq++
	return a.autosave.tick(a.autosave.seq)
}

// autosaveNow writes the recovery file if anything changed since the last
// one. It runs off the update loop on a snapshot, like saving.
func (a *App) autosaveNow() tea.Cmd {
	target := a.autosaveTarget()
	if target == "" || a.editGen == a.autosave.gen || a.editGen == a.savedGen || a.state == statePrompt {
		return nil
	}
	if a.autosave.busy {
		a.autosave.again = true
		return nil
	}
	a.syncProse()
	a.autosave.busy, a.autosave.again = true, false
	a.autosave.own(target)
	snap, gen := a.c.report.Snapshot(), a.editGen
	return func() tea.Msg {
		return autosavedMsg{gen: gen, target: target, err: snap.WriteAutosave(target)}
	}
}

func (a *App) autosaved(msg autosavedMsg) tea.Cmd {
	a.autosave.busy = false
	if msg.err != nil {
		a.autosave.err = "自动保存失败：" + msg.err.Error()
		a.message, a.msgErr = a.autosave.err, true
		return a.scheduleAutosave() // try again after the next pause
	}
	if a.autosave.err != "" && a.message == a.autosave.err {
		a.message, a.msgErr = "", false
	}
	a.autosave.err = ""
	a.autosave.gen = max(a.autosave.gen, msg.gen)
	// A save may have finished while this write was in flight; then the
	// recovery file holds nothing the draft lacks.
	if !a.dirty() && msg.gen <= a.savedGen {
		a.discardRecovery()
		return nil
	}
	if a.autosave.again {
		return a.autosaveNow()
	}
	return nil
}

// writeRecoveryNow writes the recovery file synchronously: the program is
// about to end (signal, crash) and there is no later. It returns the
// recovery file's path, or "" when nothing needed saving.
func (a *App) writeRecoveryNow() (string, error) {
	target := a.autosaveTarget()
	if !a.dirty() {
		return "", nil
	}
	if target == "" {
		return "", errNoRecoveryPlace
	}
	a.syncProse()
	if err := a.c.report.WriteAutosave(target); err != nil {
		return "", err
	}
	a.autosave.gen = a.editGen
	a.autosave.own(target)
	return model.AutosavePath(target), nil
}

// own records that the recovery file of target is this session's to
// remove once its content is saved or the drafter quits cleanly.
func (s *autosaveState) own(target string) {
	if s.written == nil {
		s.written = map[string]bool{}
	}
	s.written[target] = true
}

// discardRecovery removes this session's recovery files on a clean quit
// or after a save that left nothing unsaved. A recovery file found at
// start that the drafter has not decided on is never touched.
func (a *App) discardRecovery() {
	for target := range a.autosave.written {
		_ = model.RemoveAutosave(target)
	}
	clear(a.autosave.written)
}
