package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"nianbao/ui/cjkwrap"
)

// layout holds the sizes of one screen arrangement. It is computed when the
// window, the section or a panel toggle changes, never per key.
type layout struct {
	tooSmall      bool
	mainH         int // rows above the status bar and help line
	treeW         int // outer width of the tree pane
	rightW        int // outer width of the right column
	paneH         int // outer height of the section pane
	findingsH     int // outer height of the findings pane (0 when hidden)
	innerW        int // content width inside the section pane
	innerH        int
	guidanceRows  int
	editorRows    int
	figureRows    int // rows for the figures block, separator included
	planRows      int // rows for last year's plans, title included (previous.go)
	frameX, frame int
}

func (a *App) relayout() {
	c := a.c
	st := c.styles
	l := layout{}
	a.cache.invalidate()
	if c.width < minWidth || c.height < minHeight {
		l.tooSmall = true
		a.lay = l
		return
	}
	fw, fh := st.Pane.GetHorizontalFrameSize(), st.Pane.GetVerticalFrameSize()
	l.frameX = st.Pane.GetBorderLeftSize() + st.Pane.GetPaddingLeft()
	l.frame = st.Pane.GetBorderTopSize() + st.Pane.GetPaddingTop()
	l.mainH = c.height - 2 // status bar and help line
	l.treeW = max(24, min(40, c.width*3/10))
	l.rightW = c.width - l.treeW
	l.paneH = l.mainH
	if a.shown.findings {
		l.findingsH = a.findingsHeight(l.mainH, fh, l.rightW-fw)
		l.paneH -= l.findingsH
	}
	l.innerW = l.rightW - fw
	l.innerH = l.paneH - fh

	a.tree.SetSize(l.treeW-fw, l.mainH-fh)
	a.findings.SetSize(l.innerW, max(0, l.findingsH-fh))
	a.meta.SetSize(l.innerW, l.innerH)
	a.preview.SetSize(l.innerW, l.innerH)
	a.help.model.Width = c.width

	// Section pane, top to bottom: title, guidance, prose, figures.
	rest := l.innerH - 1
	a.cache.guidance = nil
	if g := strings.TrimSpace(a.current().Guidance); a.shown.guidance && g != "" {
		lines := cjkwrap.Lines(g, l.innerW)
		l.guidanceRows = min(len(lines), max(1, rest/4))
		a.cache.guidance = lines[:l.guidanceRows]
		if len(lines) > l.guidanceRows {
			// Say there is more, and how to make room.
			last := &a.cache.guidance[l.guidanceRows-1]
			*last = ansi.Truncate(*last, max(0, l.innerW-14), "") + "…（ctrl+g 收起）"
		}
	}
	rest -= l.guidanceRows
	l.planRows = a.planRows(rest)
	rest -= l.planRows
	if a.figures != nil && a.figures.len() > 0 {
		want := a.figures.len() + 1 // separator
		if a.focus == focusFigures {
			want++ // the focused field's full note
		}
		l.figureRows = min(want, max(2, rest/2))
		a.figures.SetSize(l.innerW, l.figureRows-1)
	}
	l.editorRows = max(1, rest-l.figureRows)
	a.editor(a.cur).SetSize(l.innerW, l.editorRows)
	a.lay = l
}

// findingsHeight is the findings pane's outer height: as many rows as the
// findings need (a header line alone when there are none), up to a third
// of the screen, so an empty or short list leaves the prose its rows.
func (a *App) findingsHeight(mainH, frame, width int) int {
	most := max(5, min(12, mainH/3))
	return min(most, frame+a.findings.rowsWanted(width, a.focus == focusFindings))
}
