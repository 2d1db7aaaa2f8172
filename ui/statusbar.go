package ui

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/charmbracelet/x/ansi"
	"strings"
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
	if s.message != "" {
		ms := st.Status.Message
		if s.isError {
			ms = st.Status.Error
		}
		left += ms.Render(" " + s.message)
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
