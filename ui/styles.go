package ui

import (
	"github.com/charmbracelet/lipgloss"

	"nianbao/ui/theme"
)

// Styles is every style the editor draws with, built once by DefaultStyles
// and shared through common. Nothing here carries meaning by colour alone:
// focus is also shown by the border shape and status by glyphs, so the
// editor reads the same under NO_COLOR.
type Styles struct {
	App lipgloss.Style

	Pane        lipgloss.Style // a blurred pane
	PaneFocused lipgloss.Style // the pane keys go to

	Tree struct {
		Item     lipgloss.Style
		Selected lipgloss.Style // the row under the tree cursor
		Current  lipgloss.Style // the section being edited
		Meta     lipgloss.Style // the 报告信息 entry
		Mark     map[sectionStatus]lipgloss.Style
	}

	Section struct {
		Title    lipgloss.Style
		Guidance lipgloss.Style
		Rule     lipgloss.Style // separators between title, prose and figures
	}

	Figure struct {
		Label        lipgloss.Style
		LabelFocused lipgloss.Style
		Unit         lipgloss.Style
		Hint         lipgloss.Style
		Computed     lipgloss.Style
		Error        lipgloss.Style
		Warning      lipgloss.Style
	}

	Finding struct {
		Error    lipgloss.Style
		Warning  lipgloss.Style
		Info     lipgloss.Style
		Selected lipgloss.Style
		Header   lipgloss.Style
	}

	Form struct {
		Label        lipgloss.Style
		LabelFocused lipgloss.Style
		Error        lipgloss.Style
		Note         lipgloss.Style
	}

	Preview struct {
		Title   lipgloss.Style
		Heading lipgloss.Style
	}

	Status struct {
		Bar     lipgloss.Style
		File    lipgloss.Style
		Dirty   lipgloss.Style
		Clean   lipgloss.Style
		Message lipgloss.Style
		Error   lipgloss.Style
	}

	Dialog lipgloss.Style
	Help   lipgloss.Style
	Small  lipgloss.Style // the "terminal too small" message
}

// DefaultStyles uses adaptive colours so the editor is legible on light and
// dark terminals; lipgloss drops the colours under NO_COLOR.
func DefaultStyles() Styles {
	// The palette and the frames are the template editor's too (ui/theme).
	t := theme.Default()
	accent, dim, red, amber, green, border := t.Accent, t.Dim, t.Red, t.Amber, t.Green, t.Border
	var s Styles
	s.App = lipgloss.NewStyle()
	s.Pane, s.PaneFocused = t.Pane, t.PaneFocused

	s.Tree.Item = lipgloss.NewStyle()
	s.Tree.Selected = lipgloss.NewStyle().Reverse(true)
	s.Tree.Current = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Tree.Meta = lipgloss.NewStyle().Foreground(dim)
	s.Tree.Mark = map[sectionStatus]lipgloss.Style{
		statusDone:     lipgloss.NewStyle().Foreground(green),
		statusMissing:  lipgloss.NewStyle().Foreground(red).Bold(true),
		statusProblem:  lipgloss.NewStyle().Foreground(amber).Bold(true),
		statusOptional: lipgloss.NewStyle().Foreground(dim),
		statusStarted:  lipgloss.NewStyle().Foreground(amber),
	}

	s.Section.Title = lipgloss.NewStyle().Bold(true)
	s.Section.Guidance = lipgloss.NewStyle().Foreground(dim).Italic(true)
	s.Section.Rule = lipgloss.NewStyle().Foreground(border)

	s.Figure.Label = lipgloss.NewStyle()
	s.Figure.LabelFocused = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Figure.Unit = lipgloss.NewStyle().Foreground(dim)
	s.Figure.Hint = lipgloss.NewStyle().Foreground(dim)
	s.Figure.Computed = lipgloss.NewStyle().Foreground(green)
	s.Figure.Error = lipgloss.NewStyle().Foreground(red)
	s.Figure.Warning = lipgloss.NewStyle().Foreground(amber)

	s.Finding.Error = lipgloss.NewStyle().Foreground(red)
	s.Finding.Warning = lipgloss.NewStyle().Foreground(amber)
	s.Finding.Info = lipgloss.NewStyle().Foreground(dim)
	s.Finding.Selected = lipgloss.NewStyle().Reverse(true)
	s.Finding.Header = lipgloss.NewStyle().Bold(true)

	s.Form.Label = lipgloss.NewStyle()
	s.Form.LabelFocused = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Form.Error = lipgloss.NewStyle().Foreground(red)
	s.Form.Note = lipgloss.NewStyle().Foreground(dim)

	s.Preview.Title = lipgloss.NewStyle().Bold(true)
	s.Preview.Heading = lipgloss.NewStyle().Bold(true)

	s.Status.Bar = lipgloss.NewStyle().Reverse(true)
	s.Status.File = lipgloss.NewStyle().Bold(true).Reverse(true)
	s.Status.Dirty = lipgloss.NewStyle().Reverse(true).Foreground(amber)
	s.Status.Clean = lipgloss.NewStyle().Reverse(true)
	s.Status.Message = lipgloss.NewStyle().Reverse(true)
	s.Status.Error = lipgloss.NewStyle().Reverse(true).Foreground(red)

	s.Dialog = t.Dialog
	s.Help = lipgloss.NewStyle()
	s.Small = lipgloss.NewStyle()
	return s
}
