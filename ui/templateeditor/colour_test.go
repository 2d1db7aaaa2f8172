package templateeditor

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// On a colour terminal the lines carry escape codes; cutting them must
// count cells, not bytes, or the help line loses most of its entries (as
// it did in tmux at 80 columns) and panes come out ragged.
func TestColourScreensKeepTheirWidth(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	for _, keys := range [][]string{nil, {"j", "e", "shift+tab"}, {"R"}, {"j", "j", "f"}} {
		m := goldenEditor(t, 80, 24)
		press(m, keys...)
		out := m.View()
		if !strings.Contains(out, "\x1b[") {
			t.Fatal("no colour: the test does not test anything")
		}
		plain := ansi.Strip(out)
		lines := strings.Split(plain, "\n")
		if len(lines) != 24 {
			t.Errorf("%v: %d rows", keys, len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("%v: row %d is %d cells", keys, i, w)
			}
		}
		if uncoloured := screenOf(t, keys); plain != uncoloured {
			t.Errorf("%v: colour changes the layout:\n%s\n---\n%s", keys, plain, uncoloured)
		}
	}
}

func screenOf(t *testing.T, keys []string) string {
	lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetColorProfile(termenv.TrueColor)
	m := goldenEditor(t, 80, 24)
	press(m, keys...)
	return screen(m)
}
