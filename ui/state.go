package ui

import (
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/model"
	"nianbao/ui/termcursor"
)

// The root's state, grouped by what owns it. Each group keeps its own
// invariants in its methods, so the root only decides which to call.

// environment is what the editor was started with and the outside world
// it talks to; tests replace the parts that would wait or reach out.
type environment struct {
	opts  Options               // what the editor was started with, to rebuild it after recovery or migration
	check checkFunc             // the checker; tests may pass their own
	tick  func(seq int) tea.Cmd // the debounce timer; tests make it fire at once
	// cursor is where the IME cursor goes and how terminal sequences
	// (OSC 52) reach the output writer; nil in tests.
	cursor *termcursor.Target
	// terminal is the terminal the program reads (through ttyinput), the
	// input an external editor must get; nil in tests.
	terminal *os.File
	now      func() time.Time
}

// runCheck checks a snapshot of r off the update loop.
func (e *environment) runCheck(t *model.Template, r *model.Report, seq int) tea.Cmd {
	return runCheckCmd(e.check, t, r.Snapshot(), seq)
}

// prose holds one editor per section (and leftover), keyed by id, with
// the editor version last copied into the report.
type prose struct {
	editors map[string]proseEditor
	synced  map[string]uint64
}

func newProse() prose {
	return prose{editors: map[string]proseEditor{}, synced: map[string]uint64{}}
}

// get returns the editor for id, creating it from text on first use.
func (p *prose) get(id string, text func() string) proseEditor {
	ed, ok := p.editors[id]
	if !ok {
		ed = newProseEditor()
		ed.SetValue(text())
		p.editors[id] = ed
		p.synced[id] = ed.Version()
	}
	return ed
}

// unsynced calls write for every editor changed since the last call.
func (p *prose) unsynced(write func(id, text string)) {
	for id, ed := range p.editors {
		if v := ed.Version(); v != p.synced[id] {
			write(id, ed.Value())
			p.synced[id] = v
		}
	}
}

// versions is every editor's version now.
func (p *prose) versions() map[string]uint64 {
	v := make(map[string]uint64, len(p.editors))
	for id, ed := range p.editors {
		v[id] = ed.Version()
	}
	return v
}

// liveCheck is the debounced check and the cheap counters kept up to date
// per key in between.
type liveCheck struct {
	seq       int // edit number of the latest scheduled check
	checked   bool
	result    check.Result
	errsBySec map[string]int
	lens      []int // characters per section
	total     int
}

func newLiveCheck(n int) liveCheck {
	return liveCheck{lens: make([]int, n), errsBySec: map[string]int{}}
}

// count records section i's new length.
func (l *liveCheck) count(i, n int) {
	l.total += n - l.lens[i]
	l.lens[i] = n
}

// take keeps a finished check and counts the errors per section.
func (l *liveCheck) take(res check.Result) {
	l.result, l.checked = res, true
	clear(l.errsBySec)
	for _, f := range res.Findings {
		if f.Severity == check.Error && f.Section != "" {
			l.errsBySec[f.Section]++
		}
	}
}

// saveState is the draft's file: its name, whether it exists, the save
// under way and what the disk holds, and the lock that follows the draft.
type saveState struct {
	path       string
	onDisk     bool // the draft exists as a file
	editGen    int  // edits so far
	savedGen   int  // edits the disk holds
	saving     bool
	quitOnSave bool
	overwrite  string            // path the drafter was warned exists (save as)
	saveVer    map[string]uint64 // editor versions the save under way writes
	base       *baseline         // what the disk holds, see baseline.go
	lock       *model.Lock       // the draft's lock file; follows the draft to a new name on save as
	lockedPath string            // the draft path lock is for
}

func (s *saveState) dirty() bool { return s.editGen != s.savedGen }

// exportState remembers the warnings F5 gave, so the same choice again
// goes ahead.
type exportState struct {
	force string          // file the drafter was warned about
	fonts model.FontNames // font names for exports, from settings
	allow string          // file the drafter was told holds publish findings; exporting it again writes it
}

// take returns whether out was warned about, forgetting both warnings:
// only the very next export of the same file goes ahead.
func (e *exportState) take(out string) (force, allow bool) {
	force, allow = e.force == out, e.allow == out
	e.force, e.allow = "", ""
	return force, allow
}

// statusLine is the one-row message under the panes.
type statusLine struct {
	text  string
	isErr bool
}

func (s *statusLine) say(text string)  { s.text, s.isErr = text, false }
func (s *statusLine) fail(text string) { s.text, s.isErr = text, true }
func (s *statusLine) clear()           { s.text, s.isErr = "", false }

// panels says which optional panels are open.
type panels struct {
	findings bool
	guidance bool
}

// renderCache holds drawings that change with the section, the size or
// their key, never per key.
type renderCache struct {
	guidance    []string // wrapped guidance of the current section
	sectionHead string
	tree        []string
	treeKey     treeKey
	help        string
	helpKey     helpKey
}

func (r *renderCache) invalidate() { r.sectionHead, r.tree = "", nil }
