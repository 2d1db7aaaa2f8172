package ui

import "github.com/charmbracelet/lipgloss"

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
	var (
		accent = lipgloss.AdaptiveColor{Light: "#1d4ed8", Dark: "#7aa2f7"}
		dim    = lipgloss.AdaptiveColor{Light: "#6b7280", Dark: "#8b949e"}
		red    = lipgloss.AdaptiveColor{Light: "#b91c1c", Dark: "#f7768e"}
		amber  = lipgloss.AdaptiveColor{Light: "#b45309", Dark: "#e0af68"}
		green  = lipgloss.AdaptiveColor{Light: "#15803d", Dark: "#9ece6a"}
		border = lipgloss.AdaptiveColor{Light: "#9ca3af", Dark: "#565f89"}
	)
	var s Styles
	s.App = lipgloss.NewStyle()
	s.Pane = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(border).Padding(0, 1)
	// A double border marks focus without relying on colour.
	s.PaneFocused = s.Pane.Border(lipgloss.DoubleBorder()).BorderForeground(accent)

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

	s.Dialog = lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(accent).Padding(0, 2)
	s.Help = lipgloss.NewStyle()
	s.Small = lipgloss.NewStyle()
	return s
}
