package ui

import (
	"fmt"
	"path/filepath"
	"strconv"

	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// statusInfo is what the status bar shows; the root fills it from cheap
// counters so drawing it costs nothing per key.
type statusInfo struct {
	path         string
	isNew        bool // not on disk yet
	dirty        bool
	saving       bool
	checked      bool
	completeness float64
	sectionChars int
	totalChars   int
	message      string
	isError      bool
}

// messageFits says whether the message fits the status bar beside the file
// name and the counters; a longer one takes the help line's row instead
// (messageLine), so no message is ever cut.
func messageFits(width int, left, right, msg string) bool {
	return ansi.StringWidth(left)+1+ansi.StringWidth(msg)+1+ansi.StringWidth(right) <= width
}

func messageStyle(st Styles, s statusInfo) lipgloss.Style {
	if s.isError {
		return st.Status.Error
	}
	return st.Status.Message
}

// messageLine is the row under the status bar for a message too long for
// the bar itself, cut no further than the screen is wide; "" when the
// message fits bar, the status bar already drawn (or there is none).
func messageLine(st Styles, width int, s statusInfo, bar string) string {
	if s.message == "" || strings.Contains(ansi.Strip(bar), s.message) {
		return ""
	}
	return ansi.Truncate(messageStyle(st, s).Render(" "+s.message), width, "…")
}

func renderStatus(st Styles, width int, s statusInfo) string {
	name := "（未命名）"
	if s.path != "" {
		name = filepath.Base(s.path)
	}
	state := "已保存"
	stateStyle := st.Status.Clean
	switch {
	case s.saving:
		state, stateStyle = "正在保存…", st.Status.Dirty
	case s.dirty:
		state, stateStyle = "未保存", st.Status.Dirty
	case s.isNew:
		state, stateStyle = "新文件，未保存", st.Status.Dirty
	}
	comp := "完整度 …"
	if s.checked {
		// Formatted like `nianbao check` prints it, so the two can be compared.
		comp = "完整度 " + strconv.FormatFloat(s.completeness, 'f', -1, 64) + "%"
	}
	right := fmt.Sprintf(" %s │ 本节 %d 字 │ 全文 %d 字 ", comp, s.sectionChars, s.totalChars)
	left := st.Status.File.Render(" "+name+" ") + stateStyle.Render("["+state+"]")
	if s.message != "" && messageFits(width, left, right, s.message) {
		left += messageStyle(st, s).Render(" " + s.message)
	}
	gap := width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		// Narrow: the counters matter more than the message.
		left = ansi.Truncate(left, max(0, width-ansi.StringWidth(right)-1), "…")
		gap = width - ansi.StringWidth(left) - ansi.StringWidth(right)
	}
	line := left + st.Status.Bar.Render(strings.Repeat(" ", max(0, gap))) + st.Status.Bar.Render(right)
	return ansi.Truncate(line, width, "")
}
