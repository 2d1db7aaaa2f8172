package textedit

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// StyleSet styles the parts of the editor in one focus state.
type StyleSet struct {
	Text        lipgloss.Style
	Cursor      lipgloss.Style // the cell under the cursor; only drawn when focused
	Selection   lipgloss.Style
	Placeholder lipgloss.Style
}

// Styles holds the focused and blurred looks.
type Styles struct {
	Focused, Blurred StyleSet
}

// DefaultStyles uses reverse video for the cursor and adaptive colours for
// the selection, so the editor reads on light and dark terminals and under
// NO_COLOR (reverse video survives without colour).
func DefaultStyles() Styles {
	sel := lipgloss.NewStyle().
		Background(lipgloss.AdaptiveColor{Light: "153", Dark: "24"}).
		Reverse(false)
	ph := lipgloss.NewStyle().Foreground(lipgloss.AdaptiveColor{Light: "246", Dark: "242"})
	f := StyleSet{
		Text:        lipgloss.NewStyle(),
		Cursor:      lipgloss.NewStyle().Reverse(true),
		Selection:   sel,
		Placeholder: ph,
	}
	b := f
	b.Selection = lipgloss.NewStyle().Background(lipgloss.AdaptiveColor{Light: "252", Dark: "238"})
	return Styles{Focused: f, Blurred: b}
}

// mark is a style split into the escape codes before and after the text.
// Rendering through lipgloss costs microseconds per call and View paints
// up to three segments per row; splitting once per SetStyles keeps View's
// cost to string building. Styles with layout (padding, width, borders)
// cannot be split and fall back to Render.
type mark struct {
	pre, post string
	split     bool
	st        lipgloss.Style
}

func makeMark(st lipgloss.Style) mark {
	const probe = "x"
	out := st.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 || ansi.Strip(out) != probe {
		return mark{st: st}
	}
	return mark{pre: out[:i], post: out[i+len(probe):], split: true, st: st}
}

// write appends s in this style to b.
func (k mark) write(b *strings.Builder, s string) {
	if s == "" {
		return
	}
	if !k.split {
		b.WriteString(k.st.Render(s))
		return
	}
	b.WriteString(k.pre)
	b.WriteString(s)
	b.WriteString(k.post)
}

// writeBytes appends bs in this style to b without converting it to a
// string first when the style is split.
func (k mark) writeBytes(b *strings.Builder, bs []byte) {
	if !k.split {
		k.write(b, string(bs))
		return
	}
	b.WriteString(k.pre)
	b.Write(bs)
	b.WriteString(k.post)
}

// markSet is a StyleSet split into marks.
type markSet struct{ text, cursor, sel, placeholder mark }

// styleMarks holds both focus states.
type styleMarks struct{ focused, blurred markSet }

func (s *state) setStyles(st Styles) {
	s.styles = st
	split := func(x StyleSet) markSet {
		return markSet{makeMark(x.Text), makeMark(x.Cursor), makeMark(x.Selection), makeMark(x.Placeholder)}
	}
	s.marks = styleMarks{focused: split(st.Focused), blurred: split(st.Blurred)}
}

// Styles returns the styles in use.
func (m Model) Styles() Styles {
	if m.s == nil {
		return DefaultStyles()
	}
	return m.s.styles
}
