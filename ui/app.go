package ui

import (
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/internal/zhtext"
	"nianbao/model"
)

// appState is what the right-hand side shows and who gets keys.
type appState int

const (
	stateMeta        appState = iota // 报告信息 form
	stateEdit                        // the section walk
	statePreview                     // the report as printed
	stateHelp                        // full key list and legend
	stateConfirmQuit                 // 保存并退出 / 不保存退出 / 取消
	stateSaveAs                      // asking for a file name
	statePrompt                      // a question that must be answered first (recovery, lock, migration, conflict)
	stateLeftover                    // 已移除章节 / 未归类内容 text, edited like a section
	statePrevious                    // asking for last year's report (F7); see previous.go
)

// focusArea says which part of the edit screen takes keys.
type focusArea int

const (
	focusProse focusArea = iota
	focusFigures
	focusTree
	focusFindings
)

// Minimum usable size; below it a message replaces the layout.
const (
	minWidth  = 60
	minHeight = 16
)

// App is the root model of the drafting editor. It holds what decides
// which screen is shown and who gets keys; everything else lives in a
// child component or a state group that owns its behaviour:
//
//   - tree, meta, figures, findings, preview: the panes (one Update shape,
//     Update(tea.Msg) tea.Cmd; report changes reach the root through
//     common.edit, see applyEdit);
//   - dialogs: the questions (startup prompts, save as, last year's
//     report, quit), see dialogs.go;
//   - file, exports, autosave: the draft on disk, the exports beside it and
//     the recovery files;
//   - live, status, cache: the debounced check, the status line and the
//     render caches.
type App struct {
	c     *common
	state appState
	back  appState // where overlays (help, dialogs) return to
	focus focusArea
	cur   int // index of the section being edited
	// leftover is the index in c.leftovers shown in stateLeftover.
	leftover int
	env      environment // what the editor was started with and the world it reaches

	tree     *treeModel
	meta     *metaForm
	figures  *figuresModel
	findings *findingsPanel
	preview  *previewModel
	help     helpScreen
	dialogs  dialogs

	prose prose // the section editors, so undo and cursor survive switching

	live    liveCheck   // cheap counters per key, the full check debounced
	file    saveState   // the draft's file: name, saves, baseline, lock
	exports exportState // F5's memory of warnings given
	status  statusLine
	shown   panels // which optional panels are open

	autosave autosaveState // see autosave.go
	follow   followUpState // last year's plans and their marks; see previous.go

	lay   layout
	cache renderCache // invalidated by relayout or their keys

	quitting bool // the drafter chose to quit; Run must not treat it as a crash
}

// newApp builds the editor for a report and queues the questions to ask
// before editing (lock, recovery, migration). now is injected so tests get
// a stable default year.
func newApp(opts Options, now func() time.Time) *App {
	a := buildApp(opts, now)
	a.startupPrompts()
	return a
}

// buildApp builds the editor without asking anything; replaceDocument
// uses it to rebuild around a recovered or migrated report.
func buildApp(opts Options, now func() time.Time) *App {
	t := opts.Template
	if t == nil {
		t = fallbackTemplate()
	}
	r := opts.Report
	if r == nil {
		r = model.NewReport(t)
	}
	c := newCommon(r, t)
	a := &App{
		c:        c,
		env:      environment{check: checkerFor(opts), tick: checkTickCmd, cursor: opts.cursor, now: now},
		tree:     newTree(c),
		findings: newFindings(c),
		preview:  newPreview(c),
		help:     helpScreen{model: help.New()},
		dialogs:  newDialogs(),
		prose:    newProse(),
		live:     newLiveCheck(len(c.sections)),
		file:     saveState{path: opts.Path, lock: opts.lock},
		exports:  exportState{fonts: opts.Fonts},
		shown:    panels{guidance: true},
	}
	c.edit = a.applyEdit
	if opts.lock != nil {
		a.file.lockedPath = opts.Path
	}
	a.autosave.unnamed = opts.UnnamedPath
	a.autosave.session = opts.session
	if a.autosave.session.PID == 0 {
		a.autosave.session = model.ThisSession()
	}
	// A rebuild inside Update must not ask the system again.
	opts.session = a.autosave.session
	a.env.opts = opts
	a.autosave.tick = autosaveTickCmd
	if opts.autosaveTick != nil {
		a.autosave.tick = opts.autosaveTick
	}
	if a.file.path == "" {
		a.file.path = r.File()
	}
	switch {
	case opts.onDisk != nil:
		a.file.onDisk = *opts.onDisk // a rebuild inside Update: no file I/O there
	case a.file.path != "":
		_, err := os.Stat(a.file.path)
		a.file.onDisk = err == nil
	}
	for i, s := range c.sections {
		a.live.lens[i] = zhtext.CountChars(r.Text(s.ID)) // as check counts them
		a.live.total += a.live.lens[i]
	}
	if a.file.onDisk {
		a.setBaseline(r.Snapshot(), nil)
	}
	a.meta = newMetaForm(c, now())
	a.startFollowUp(opts)

	start := 0
	if i, ok := c.index[r.Cursor]; ok {
		start = i
	} else if i := a.nextRequired(-1, 1); i >= 0 {
		start = i
	}
	a.openSection(start, focusProse)
	if strings.TrimSpace(r.Unit) == "" || r.Year == 0 {
		a.openMeta()
	}
	a.refreshStatuses()
	return a
}

// checkerFor picks the check function; tests may pass their own.
func checkerFor(opts Options) checkFunc {
	if opts.check != nil {
		return opts.check
	}
	return check.Report
}

// Init runs the first check so the tree and completeness are right from
// the first frame after it.
func (a *App) Init() tea.Cmd {
	return tea.Batch(a.focusCmd(), a.env.runCheck(a.c.tmpl, a.c.report, a.live.seq))
}

// editor returns the prose editor of a section, creating it on first use.
func (a *App) editor(i int) proseEditor {
	id := a.c.sections[i].ID
	return a.prose.get(id, func() string { return a.c.report.Text(id) })
}

func (a *App) current() *model.Section { return a.c.sections[a.cur] }

// syncProse copies edited prose into the report. It runs before anything
// that reads the whole report (save, check, preview), not per key.
func (a *App) syncProse() {
	a.prose.unsynced(func(id, text string) {
		if strings.HasPrefix(id, leftoverEditorKey) {
			a.syncLeftover(id, text)
		} else {
			a.c.report.SetText(id, text)
		}
	})
	a.c.report.Cursor = a.current().ID
}

func (a *App) dirty() bool { return a.file.dirty() }

// applyEdit is the one way a child changes the report (common.edit): the
// root applies the change and keeps what depends on the report in step,
// the tree marks, dirtiness, the debounced check and autosave.
func (a *App) applyEdit(e reportEdit) tea.Cmd {
	if !e.apply(a.c) {
		return nil
	}
	a.refreshStatuses()
	return a.edited()
}

// applyMeta takes what the 报告信息 form holds into the report when the
// drafter leaves the form another way than through its own keys (walking
// on, saving, quitting). It reports whether anything changed; the caller
// decides whether that counts as an edit now.
func (a *App) applyMeta() bool { return a.meta.leave().apply(a.c) }

// edited records a change and schedules the debounced check. A change
// that takes the draft back to what the disk holds leaves it unmodified.
func (a *App) edited() tea.Cmd {
	a.file.editGen++
	a.live.seq++
	// The F4 form holds its values until it is left, so only edits in the
	// sections can be judged against the disk here.
	if a.file.onDisk && a.state == stateEdit && a.atBaseline() {
		a.file.savedGen = a.file.editGen
		return tea.Batch(a.env.tick(a.live.seq), a.discardRecovery())
	}
	return tea.Batch(a.env.tick(a.live.seq), a.scheduleAutosave())
}
