package templateeditor

import "github.com/charmbracelet/lipgloss"

// Styles are every style the template editor draws with, built in one
// place so colours stay consistent and NO_COLOR just works (lipgloss drops
// colour when the terminal has none).
type Styles struct {
	Header     lipgloss.Style
	Pane       lipgloss.Style // a bordered pane, blurred
	PaneFocus  lipgloss.Style // the pane that has the keys
	Selected   lipgloss.Style
	Required   lipgloss.Style
	Dim        lipgloss.Style
	Error      lipgloss.Style
	Warning    lipgloss.Style
	OK         lipgloss.Style
	FormTitle  lipgloss.Style
	FocusLabel lipgloss.Style
	Status     lipgloss.Style
}

// DefaultStyles uses adaptive colours that read on light and dark terminals.
func DefaultStyles() Styles {
	accent := lipgloss.AdaptiveColor{Light: "#1F5FAF", Dark: "#7FB2F0"}
	border := lipgloss.RoundedBorder()
	return Styles{
		Header:     lipgloss.NewStyle().Bold(true),
		Pane:       lipgloss.NewStyle().Border(border).BorderForeground(lipgloss.AdaptiveColor{Light: "#AAAAAA", Dark: "#555555"}).Padding(0, 1),
		PaneFocus:  lipgloss.NewStyle().Border(border).BorderForeground(accent).Padding(0, 1),
		Selected:   lipgloss.NewStyle().Reverse(true),
		Required:   lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#B03030", Dark: "#F08080"}),
		Dim:        lipgloss.NewStyle().Faint(true),
		Error:      lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#B00000", Dark: "#FF6B6B"}),
		Warning:    lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#8A6D00", Dark: "#E5C07B"}),
		OK:         lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#98C379"}),
		FormTitle:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		FocusLabel: lipgloss.NewStyle().Bold(true).Foreground(accent),
		Status:     lipgloss.NewStyle().Bold(true),
	}
}
