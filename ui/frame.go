package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// frame draws content inside s's border and padding at an exact outer
// size and returns the rows. It does what lipgloss's Width/Height/Border
// do, but measures each line once: lipgloss measures CJK lines several
// times per render (wrap, align, border), which cost more per keystroke
// than the whole text editor.
func frame(s lipgloss.Style, w, h int, content string) []string {
	if w <= 2 || h <= 2 {
		return nil
	}
	b := s.GetBorderStyle()
	bs := lipgloss.NewStyle().Foreground(s.GetBorderTopForeground())
	padL, padR := s.GetPaddingLeft(), s.GetPaddingRight()
	inner := max(0, w-2-padL-padR)
	out := make([]string, 0, h)
	out = append(out, bs.Render(b.TopLeft+strings.Repeat(b.Top, w-2)+b.TopRight))
	left := bs.Render(b.Left) + strings.Repeat(" ", padL)
	right := strings.Repeat(" ", padR) + bs.Render(b.Right)
	blank := left + strings.Repeat(" ", inner) + right
	rows := h - 2
	for len(content) > 0 && rows > 0 {
		line := content
		if i := strings.IndexByte(content, '\n'); i >= 0 {
			line, content = content[:i], content[i+1:]
		} else {
			content = ""
		}
		wd := ansi.StringWidth(line)
		if wd > inner {
			line = ansi.Truncate(line, inner, "")
			wd = ansi.StringWidth(line)
		}
		out = append(out, left+line+strings.Repeat(" ", inner-wd)+right)
		rows--
	}
	for ; rows > 0; rows-- {
		out = append(out, blank)
	}
	out = append(out, bs.Render(b.BottomLeft+strings.Repeat(b.Bottom, w-2)+b.BottomRight))
	return out
}
