// Package theme is the palette and the frame styles both editors draw
// with, so the drafting editor and the template editor look like one
// program. Nothing carries meaning by colour alone: focus is a double
// border, selection is reverse video, so both read the same under
// NO_COLOR (lipgloss drops the colours then).
package theme

import "github.com/charmbracelet/lipgloss"

// Palette is the set of adaptive colours, legible on light and dark
// terminals.
type Palette struct {
	Accent lipgloss.AdaptiveColor // focus, titles of forms
	Dim    lipgloss.AdaptiveColor // hints, notes, optional items
	Red    lipgloss.AdaptiveColor // errors, required marks
	Amber  lipgloss.AdaptiveColor // warnings
	Green  lipgloss.AdaptiveColor // done, no problems
	Border lipgloss.AdaptiveColor // blurred pane borders, separators
}

// DefaultPalette is the drafting editor's palette.
func DefaultPalette() Palette {
	return Palette{
		Accent: lipgloss.AdaptiveColor{Light: "#1d4ed8", Dark: "#7aa2f7"},
		Dim:    lipgloss.AdaptiveColor{Light: "#6b7280", Dark: "#8b949e"},
		Red:    lipgloss.AdaptiveColor{Light: "#b91c1c", Dark: "#f7768e"},
		Amber:  lipgloss.AdaptiveColor{Light: "#b45309", Dark: "#e0af68"},
		Green:  lipgloss.AdaptiveColor{Light: "#15803d", Dark: "#9ece6a"},
		Border: lipgloss.AdaptiveColor{Light: "#9ca3af", Dark: "#565f89"},
	}
}

// Theme is the palette and the styles built from it that both editors use
// the same way.
type Theme struct {
	Palette
	Pane         lipgloss.Style // a blurred pane: single border
	PaneFocused  lipgloss.Style // the pane keys go to: double border
	Dialog       lipgloss.Style // a question box
	Selected     lipgloss.Style // the row under a list cursor
	Title        lipgloss.Style // a heading
	Hint         lipgloss.Style // dim notes and guidance
	Error        lipgloss.Style
	Warning      lipgloss.Style
	OK           lipgloss.Style
	LabelFocused lipgloss.Style // the label of the field being edited
	StatusBar    lipgloss.Style
}

// Default builds the theme from DefaultPalette.
func Default() Theme {
	p := DefaultPalette()
	t := Theme{Palette: p}
	t.Pane = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(p.Border).Padding(0, 1)
	t.PaneFocused = t.Pane.Border(lipgloss.DoubleBorder()).BorderForeground(p.Accent)
	t.Dialog = lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(p.Accent).Padding(0, 2)
	t.Selected = lipgloss.NewStyle().Reverse(true)
	t.Title = lipgloss.NewStyle().Bold(true)
	t.Hint = lipgloss.NewStyle().Foreground(p.Dim)
	t.Error = lipgloss.NewStyle().Foreground(p.Red)
	t.Warning = lipgloss.NewStyle().Foreground(p.Amber)
	t.OK = lipgloss.NewStyle().Foreground(p.Green)
	t.LabelFocused = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	t.StatusBar = lipgloss.NewStyle().Reverse(true)
	return t
}
