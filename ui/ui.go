// Package ui holds nianbao's bubbletea programs: the drafting editor, the
// template editor and the widgets they share. It never writes files itself;
// saving goes through model. Update never touches the disk: every file
// operation (save, autosave, backups, locks, recovery files, exports,
// reloads, the external editor's file) runs in a tea.Cmd that reports
// back with a message, so a slow disk never freezes the screen
// (noio_test.go holds the editor to it).
package ui

import (
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
	"nianbao/ui/termcursor"
)

// Options are what the editor needs to start.
type Options struct {
	Report   *model.Report
	Template *model.Template
	Path     string // where ctrl+s saves; "" asks on first save

	// Previous is the template version the draft was written against when
	// it is still available and differs from Template; migration then
	// matches sections by title too and lists what changed.
	Previous *model.Template
	// Recoveries are the orphaned recovery files found at start (beside
	// Path, or of unnamed drafts), newest first; the editor asks about
	// each in turn.
	Recoveries []*model.Recovery
	// UnnamedPath is the stand-in path whose recovery file an unnamed
	// draft writes (see model.NewUnsavedPath); "" disables autosave until
	// the draft has a name.
	UnnamedPath string
	// LockHolders are the other running editors that have the draft open.
	LockHolders []model.LockInfo
	// Fonts overrides the template's font names in exports (F5), from the
	// user's settings.
	Fonts model.FontNames
	// LoadPrevious reads last year's report for F7 (the command line
	// provides it: the editor does not read documents itself); nil
	// disables F7.
	LoadPrevious func(path string) (*model.Previous, error)
	// Attach is last year's report given on the command line (edit
	// --previous): attached when the editor starts, as a change to save.
	Attach *model.Previous

	session      model.Session         // this editor's identity in side-file names; zero means this process
	onDisk       *bool                 // whether Path exists, when already known (rebuilds); nil asks the disk
	locks        bool                  // keep a lock file on the draft (Run; not tests)
	lock         *model.Lock           // held on Path while the editor runs
	check        checkFunc             // tests replace the checker
	cursor       *termcursor.Target    // where the IME cursor goes; nil in tests
	autosaveTick func(seq int) tea.Cmd // tests fire autosave at once
}

// Run starts the drafting editor and blocks until it quits. While it runs
// the draft carries a lock file, so a second nianbao opening it warns.
// When the editor ends other than by the drafter's choice (a signal, a
// closed terminal, an internal error) the unsaved text is written to the
// recovery file and Run returns an *Ended saying where.
func Run(opts Options) error {
	opts.locks = true
	if opts.Path != "" {
		// Without a lock only the warning to a second nianbao is lost;
		// conflict checks on save still protect the file.
		opts.lock, opts.LockHolders, _ = model.AcquireLock(opts.Path, model.ThisSession())
	}
	target := &termcursor.Target{}
	opts.cursor = target
	app := newApp(opts, time.Now)
	defer func() { _ = app.file.lock.Release() }()
	// 120 fps: bubbletea v1 writes a frame only on its ticker, so the
	// first frame (and the echo of each key) waits for the next tick; at
	// the default 60 fps that is up to 16.7 ms of start-up.
	return run(app, tea.WithAltScreen(), tea.WithFPS(120), tea.WithOutput(termcursor.NewWriter(os.Stdout, target)))
}
