package templateeditor

import (
	"github.com/charmbracelet/lipgloss"

	"nianbao/ui/theme"
)

// Styles are every style the template editor draws with, built from the
// palette and frames the drafting editor uses (ui/theme), so the two
// editors look like one program and NO_COLOR just works.
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

// DefaultStyles maps the shared theme onto the editor's parts.
func DefaultStyles() Styles {
	t := theme.Default()
	return Styles{
		Header:     t.Title,
		Pane:       t.Pane,
		PaneFocus:  t.PaneFocused,
		Selected:   t.Selected,
		Required:   t.Error,
		Dim:        t.Hint,
		Error:      t.Error,
		Warning:    t.Warning,
		OK:         t.OK,
		FormTitle:  t.LabelFocused,
		FocusLabel: t.LabelFocused,
		Status:     t.Title,
	}
}
