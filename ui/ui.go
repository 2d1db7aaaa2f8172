// Package ui holds nianbao's bubbletea programs: the drafting editor, the
// template editor and the widgets they share. It never writes files itself;
// saving goes through model.
package ui

import (
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// Options are what the editor needs to start.
type Options struct {
	Report   *model.Report
	Template *model.Template
	Path     string // where ctrl+s saves; "" asks on first save

	check  checkFunc     // tests replace the checker
	cursor *cursorTarget // where the IME cursor goes; nil in tests
}

// Run starts the drafting editor and blocks until it quits.
func Run(opts Options) error {
	target := &cursorTarget{}
	opts.cursor = target
	app := newApp(opts, time.Now)
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithOutput(newCursorWriter(os.Stdout, target)))
	_, err := p.Run()
	return err
}
