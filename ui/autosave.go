package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// When the recovery file is written: after a pause in typing, and while
// typing goes on, at least every autosaveMaxWait or autosaveEvery edits
// (as vim writes its swap file every 200 characters however fast one
// types). A kill -9 then loses at most a few seconds, never a long
// stretch of steady typing.
const (
	autosaveDelay   = 2 * time.Second
	autosaveMaxWait = 5 * time.Second
	autosaveEvery   = 100
)

// autosaveState tracks this session's recovery files
// (.FILE.SESSION.autosave, see model.AutosavePath).
type autosaveState struct {
	session model.Session   // names this editor's recovery files
	seq     int             // debounce: only the tick of the latest edit writes
	gen     int             // edit count the recovery file holds
	since   time.Time       // first edit not yet in a started write; zero when none
	failed  time.Time       // when the last write failed: no early write until autosaveMaxWait later
	busy    bool            // a write is in flight; writes never overlap
	again   bool            // edits arrived during the write: write once more
	written map[string]bool // draft paths whose recovery file this session wrote
	// restored is the recovery file of a crashed editor whose text the
	// drafter restored; it goes once that text is saved, and not before.
	restored string
	unnamed  string // stand-in draft path for a draft without a file name
	tick     func(seq int) tea.Cmd
	err      string // last failure, shown until a write succeeds
}

type autosaveTickMsg struct{ seq int }

type autosavedMsg struct {
	gen    int
	target string
	err    error
}

// recoveryRemovedMsg reports removing recovery files after a save, a
// clean quit or 丢弃; a failure is shown, never fatal.
type recoveryRemovedMsg struct{ err error }

func autosaveTickCmd(seq int) tea.Cmd {
	return tea.Tick(autosaveDelay, func(time.Time) tea.Msg { return autosaveTickMsg{seq} })
}

// autosaveTarget is the draft path whose recovery file this session writes:
// the draft itself, or the stand-in path of an unnamed draft. "" means
// there is nowhere to write (no state directory).
func (a *App) autosaveTarget() string {
	if a.file.path != "" {
		return a.file.path
	}
	return a.autosave.unnamed
}

// scheduleAutosave restarts the pause timer after an edit, and writes at
// once when typing has gone on too long or too much without a pause.
func (a *App) scheduleAutosave() tea.Cmd {
	a.autosave.seq++
	tick := a.autosave.tick(a.autosave.seq)
	now := a.env.now()
	if a.autosave.since.IsZero() {
		a.autosave.since = now
	}
	due := a.file.editGen-a.autosave.gen >= autosaveEvery || now.Sub(a.autosave.since) >= autosaveMaxWait
	// After a failure (a full disk, a folder made read-only) the next
	// attempts wait for a pause or the interval, not every key.
	if due && (a.autosave.failed.IsZero() || now.Sub(a.autosave.failed) >= autosaveMaxWait) {
		return tea.Batch(tick, a.autosaveNow())
	}
	return tick
}

// autosaveSnapshot is the report as the recovery file should hold it:
// with what is typed in the 报告信息 form even before the drafter leaves
// the field.
func (a *App) autosaveSnapshot() *model.Report {
	a.syncProse()
	snap := a.c.report.Snapshot()
	if a.state == stateMeta || (a.state == statePrompt && a.dialogs.back == stateMeta) {
		a.meta.edit().fill(snap)
	}
	return snap
}

// autosaveNow writes the recovery file if anything changed since the last
// one. It runs off the update loop on a snapshot, like saving.
func (a *App) autosaveNow() tea.Cmd {
	target := a.autosaveTarget()
	if target == "" || a.file.editGen == a.autosave.gen || a.file.editGen == a.file.savedGen || a.state == statePrompt {
		return nil
	}
	if a.autosave.busy {
		a.autosave.again = true
		return nil
	}
	a.autosave.busy, a.autosave.again = true, false
	a.autosave.since = time.Time{}
	a.autosave.own(target)
	snap, gen, s := a.autosaveSnapshot(), a.file.editGen, a.autosave.session
	return func() tea.Msg {
		_, err := snap.WriteAutosave(target, s)
		return autosavedMsg{gen: gen, target: target, err: err}
	}
}

func (a *App) autosaved(msg autosavedMsg) tea.Cmd {
	a.autosave.busy = false
	if msg.err != nil {
		a.autosave.err = "自动保存失败：" + msg.err.Error()
		a.status.fail(a.autosave.err)
		a.autosave.failed = a.env.now()
		a.autosave.seq++
		return a.autosave.tick(a.autosave.seq) // try again after the next pause
	}
	a.autosave.failed = time.Time{}
	if a.autosave.err != "" && a.status.text == a.autosave.err {
		a.status.say("")
	}
	a.autosave.err = ""
	a.autosave.gen = max(a.autosave.gen, msg.gen)
	a.autosave.own(msg.target) // a save may have discarded it meanwhile
	// A save may have finished while this write was in flight; then the
	// recovery file holds nothing the draft lacks.
	if !a.dirty() && msg.gen <= a.file.savedGen {
		return a.discardRecovery()
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
	p, err := a.autosaveSnapshot().WriteAutosave(target, a.autosave.session)
	if err != nil {
		return "", err
	}
	a.autosave.gen = a.file.editGen
	a.autosave.own(target)
	return p, nil
}

// own records that the recovery file of target is this session's to
// remove once its content is saved or the drafter quits cleanly.
func (s *autosaveState) own(target string) {
	if s.written == nil {
		s.written = map[string]bool{}
	}
	s.written[target] = true
}

// discardRecovery removes this session's recovery files, and the crashed
// editor's file whose text was restored, on a clean quit or after a save
// that left nothing unsaved. Another editor's file, or one found at start
// that the drafter has not decided on, is never touched.
func (a *App) discardRecovery() tea.Cmd {
	files := a.takeRecoveryFiles()
	if files.empty() {
		return nil
	}
	return func() tea.Msg { return recoveryRemovedMsg{files.remove()} }
}

// recoveryFiles names the recovery files to remove: this session's for
// each draft path, and single files (a restored crash's).
type recoveryFiles struct {
	session model.Session
	targets []string // draft paths whose recovery files this session wrote
	files   []string
}

func (r recoveryFiles) empty() bool { return len(r.targets) == 0 && len(r.files) == 0 }

// remove deletes them, returning the first failure. It runs in a command:
// even naming the files reads the disk (the state directory fallback is
// keyed by the draft's absolute path, which asks for the working directory).
func (r recoveryFiles) remove() error {
	paths := r.files
	for _, target := range r.targets {
		paths = append(paths, model.AutosavePaths(target, r.session)...)
	}
	return removeAll(paths)
}

// takeRecoveryFiles hands over the files discardRecovery removes and
// forgets them, so the next autosave starts a new file.
func (a *App) takeRecoveryFiles() recoveryFiles {
	out := recoveryFiles{session: a.autosave.session}
	for target := range a.autosave.written {
		out.targets = append(out.targets, target)
	}
	clear(a.autosave.written)
	if a.autosave.restored != "" {
		out.files = append(out.files, a.autosave.restored)
		a.autosave.restored = ""
	}
	return out
}

func removeAll(paths []string) error {
	var first error
	for _, p := range paths {
		if err := model.RemoveRecovery(p); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func (a *App) recoveryRemoved(msg recoveryRemovedMsg) {
	if msg.err != nil {
		a.status.fail("无法删除恢复文件：" + msg.err.Error())
	}
}
