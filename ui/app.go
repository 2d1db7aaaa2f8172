package ui

import (
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/textinput"
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

// App is the root model of the drafting editor.
type App struct {
	c     *common
	state appState
	back  appState // where overlays (help, dialogs) return to
	focus focusArea
	cur   int // index of the section being edited
	// leftover is the index in c.leftovers shown in stateLeftover.
	leftover int
	check    checkFunc
	tick     func(seq int) tea.Cmd // the debounce timer; tests make it fire at once
	cursor   *cursorTarget
	// terminal is the terminal the program reads (through ttyinput), the
	// input an external editor must get; nil in tests.
	terminal *os.File
	now      func() time.Time

	tree     *treeModel
	meta     *metaForm
	figures  *figuresModel
	findings *findingsPanel
	preview  *previewModel
	help     help.Model
	fileName textinput.Model

	editors map[string]proseEditor // per section, so undo and cursor survive switching
	synced  map[string]uint64      // editor version last copied into the report

	helpOffset    int // scroll position of the full help
	showFindings  bool
	showGuidance  bool
	guidanceLines []string // wrapped guidance of the current section

	// Cheap counters kept up to date per key; the full check is debounced.
	lens        []int // characters per section
	total       int
	checkSeq    int
	checked     bool
	result      check.Result
	errsBySec   map[string]int
	editGen     int
	savedGen    int
	base        *baseline         // what the disk holds, see baseline.go
	saveVer     map[string]uint64 // editor versions the save under way writes
	saving      bool
	quitOnSave  bool
	overwrite   string // path the drafter was warned exists
	path        string
	onDisk      bool            // the draft exists as a file
	exportForce string          // file the drafter was warned about
	exportFonts model.FontNames // font names for exports, from settings
	exportAllow string          // file the drafter was told holds publish findings; exporting it again writes it
	message     string
	msgErr      bool

	// Startup and conflict questions; see prompt.go.
	prompts    []promptFunc
	prompt     *prompt
	promptBack appState
	quitting   bool // the drafter chose to quit; Run must not treat it as a crash

	// Autosave; see autosave.go.
	autosave autosaveState

	opts       Options     // what the editor was started with, to rebuild it after recovery or migration
	lock       *model.Lock // the draft's lock file; follows the draft to a new name on save as
	lockedPath string      // the draft path a.lock is for

	lay layout

	follow followUpState // last year's plans and their marks; see previous.go

	// Render caches, invalidated by relayout or their keys.
	sectionHead string
	treeCache   []string
	treeKey     treeKey
	helpCache   string
	helpKey     helpKey
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
		c:            c,
		check:        checkerFor(opts),
		tick:         checkTickCmd,
		cursor:       opts.cursor,
		exportFonts:  opts.Fonts,
		now:          now,
		tree:         newTree(c),
		findings:     newFindings(c),
		preview:      newPreview(c),
		help:         help.New(),
		editors:      map[string]proseEditor{},
		synced:       map[string]uint64{},
		showGuidance: true,
		path:         opts.Path,
		lens:         make([]int, len(c.sections)),
		errsBySec:    map[string]int{},
		opts:         opts,
		lock:         opts.lock,
	}
	if opts.lock != nil {
		a.lockedPath = opts.Path
	}
	a.autosave.unnamed = opts.UnnamedPath
	a.autosave.session = opts.session
	if a.autosave.session.PID == 0 {
		a.autosave.session = model.ThisSession()
	}
	a.autosave.tick = autosaveTickCmd
	if opts.autosaveTick != nil {
		a.autosave.tick = opts.autosaveTick
	}
	if a.path == "" {
		a.path = r.File()
	}
	switch {
	case opts.onDisk != nil:
		a.onDisk = *opts.onDisk // a rebuild inside Update: no file I/O there
	case a.path != "":
		_, err := os.Stat(a.path)
		a.onDisk = err == nil
	}
	for i, s := range c.sections {
		a.lens[i] = zhtext.CountChars(r.Text(s.ID)) // as check counts them
		a.total += a.lens[i]
	}
	if a.onDisk {
		a.setBaseline(r.Snapshot(), nil)
	}
	a.meta = newMetaForm(c, now())
	a.fileName = textinput.New()
	a.fileName.Prompt = "文件名："
	a.fileName.CharLimit = 200
	a.fileName.Cursor.SetMode(cursor.CursorStatic)
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
	return tea.Batch(a.focusCmd(), runCheckCmd(a.check, a.c.tmpl, a.c.report.Snapshot(), a.checkSeq))
}

// editor returns the prose editor of a section, creating it on first use.
func (a *App) editor(i int) proseEditor {
	id := a.c.sections[i].ID
	ed, ok := a.editors[id]
	if !ok {
		ed = newProseEditor()
		ed.SetValue(a.c.report.Text(id))
		a.editors[id] = ed
		a.synced[id] = ed.Version()
	}
	return ed
}

func (a *App) current() *model.Section { return a.c.sections[a.cur] }

// syncProse copies edited prose into the report. It runs before anything
// that reads the whole report (save, check, preview), not per key.
func (a *App) syncProse() {
	for id, ed := range a.editors {
		if v := ed.Version(); v != a.synced[id] {
			if strings.HasPrefix(id, leftoverEditorKey) {
				a.syncLeftover(id, ed.Value())
			} else {
				a.c.report.SetText(id, ed.Value())
			}
			a.synced[id] = v
		}
	}
	a.c.report.Cursor = a.current().ID
}

func (a *App) dirty() bool { return a.editGen != a.savedGen }

// edited records a change and schedules the debounced check. A change
// that takes the draft back to what the disk holds leaves it unmodified.
func (a *App) edited() tea.Cmd {
	a.editGen++
	a.checkSeq++
	// The F4 form holds its values until it is left, so only edits in the
	// sections can be judged against the disk here.
	if a.onDisk && a.state == stateEdit && a.atBaseline() {
		a.savedGen = a.editGen
		return tea.Batch(a.tick(a.checkSeq), a.discardRecovery())
	}
	return tea.Batch(a.tick(a.checkSeq), a.scheduleAutosave())
}
