package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/model"
	"nianbao/templates"
)

// common is what every component shares: the report being edited, its
// template, and the look and keys. Components read it; only the root
// changes it (size on resize, report on save). A child that changes the
// report (a figure typed, a form field left) describes the change as a
// reportEdit and hands it to edit.
type common struct {
	width, height int
	styles        Styles
	keys          KeyMap
	report        *model.Report
	tmpl          *model.Template

	// Derived once from the template: it does not change while editing.
	sections []*model.Section
	index    map[string]int // section id → position in sections
	parent   []int          // index of each section's parent, -1 at top level
	children [][]int

	// numbers are the sections' printed heading numbers
	// (model.PrintedNumbers): a section after an optional one left empty
	// shows the number it prints with. The root renumbers when a section
	// becomes written or empty.
	numbers map[string]string

	// prose is what the last check read from the prose for each figure
	// (check.Result.Prose); the figure panel shows it beside the fields.
	prose map[string]check.ProseFigure
	// metaInvalid names what the 报告信息 form holds that is not valid
	// (年度“209x”): it marks the form's tree row and is named on save.
	metaInvalid string

	// edit is the root's App.applyEdit: the one way a child changes the
	// report. It returns the root's follow-up (the debounced check,
	// autosave), which the child returns from its Update.
	edit func(reportEdit) tea.Cmd

	// Text outside the template's sections (已移除章节, 未归类内容),
	// listed below the sections; see leftovers.go.
	leftovers []leftover
}

func newCommon(r *model.Report, t *model.Template) *common {
	c := &common{styles: DefaultStyles(), keys: DefaultKeyMap(), report: r, tmpl: t}
	c.sections = t.Flatten()
	c.leftovers = leftoversOf(r)
	c.numbers = t.PrintedNumbers(r.Written)
	c.index = make(map[string]int, len(c.sections))
	c.parent = make([]int, len(c.sections))
	c.children = make([][]int, len(c.sections))
	for i, s := range c.sections {
		c.index[s.ID] = i
		c.parent[i] = -1
	}
	for i, s := range c.sections {
		for _, ch := range s.Sections {
			j := c.index[ch.ID]
			c.parent[j] = i
			c.children[i] = append(c.children[i], j)
		}
	}
	return c
}

// heading is a section's numbered title, e.g. "（二）坚持严格规范公正文明执法".
func (c *common) heading(s *model.Section) string {
	return c.numbers[s.ID] + s.Title
}

// reportEdit is a change to the report that a child asks the root for.
type reportEdit interface {
	// apply makes the change and reports whether anything changed.
	apply(c *common) bool
}

// component is the shape of every child of the root model: it can be
// sized, it tells the help line which keys work right now, and it takes
// messages in one way, returning a command; changes to the report go
// through common.edit, never by writing the report.
type component interface {
	SetSize(width, height int)
	Update(tea.Msg) tea.Cmd
	help.KeyMap
}

// fallbackTemplate keeps the editor usable when a caller passes no
// template (tests, or a draft whose template id was lost).
func fallbackTemplate() *model.Template {
	t, err := templates.Embedded(templates.Default)
	if err != nil {
		panic("embedded default template is broken: " + err.Error())
	}
	return t
}

// Every child is a component; the compiler keeps them honest.
var (
	_ component = (*treeModel)(nil)
	_ component = (*figuresModel)(nil)
	_ component = (*findingsPanel)(nil)
	_ component = (*previewModel)(nil)
	_ component = (*metaForm)(nil)
)
