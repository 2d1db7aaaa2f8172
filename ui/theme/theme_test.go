package theme

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// Focus is told by the border's shape, not only its colour, so it shows
// under NO_COLOR.
func TestFocusIsShapeNotOnlyColour(t *testing.T) {
	th := Default()
	if th.Pane.GetBorderStyle() == th.PaneFocused.GetBorderStyle() {
		t.Fatal("focused and blurred panes share a border shape")
	}
	if th.PaneFocused.GetBorderStyle() != lipgloss.DoubleBorder() {
		t.Fatal("focused pane is not double-bordered")
	}
	if th.Pane.GetHorizontalFrameSize() != th.PaneFocused.GetHorizontalFrameSize() {
		t.Fatal("focus changes the pane's size")
	}
}
