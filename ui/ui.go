// Package ui holds nianbao's bubbletea programs: the drafting editor, the
// template editor and the widgets they share. It never writes files itself;
// saving goes through model.
package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
)

// Options are what the editor needs to start.
type Options struct {
	Report   *model.Report
	Template *model.Template
	Path     string // where ctrl+s saves; "" asks on first save
}

// Run starts the drafting editor and blocks until it quits.
func Run(opts Options) error {
	_, err := tea.NewProgram(placeholder{opts: opts}, tea.WithAltScreen()).Run()
	return err
}

// placeholder shows the section tree until the drafting editor lands.
type placeholder struct{ opts Options }

func (p placeholder) Init() tea.Cmd { return nil }

func (p placeholder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && (k.String() == "q" || k.String() == "ctrl+c") {
		return p, tea.Quit
	}
	return p, nil
}

func (p placeholder) View() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", p.opts.Report.DisplayTitle(p.opts.Template))
	nums := p.opts.Template.Numbers()
	for _, s := range p.opts.Template.Flatten() {
		fmt.Fprintf(&b, "%s%s%s\n", strings.Repeat("  ", s.Level-1), nums[s.ID], s.Title)
	}
	b.WriteString("\n编辑功能正在开发中。按 q 退出。\n")
	return b.String()
}
