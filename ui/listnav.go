package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// moveListCursor applies the list movement keys shared by the section tree
// and the findings panel (up, down, page up, page down) to cursor and clamps
// it to n items. handled is false when k is not a movement key, so the
// caller can try its own keys.
func moveListCursor(k tea.KeyMsg, keys KeyMap, cursor, page, n int) (next int, handled bool) {
	switch {
	case key.Matches(k, keys.Up):
		cursor--
	case key.Matches(k, keys.Down):
		cursor++
	case key.Matches(k, keys.PageUp):
		cursor -= page
	case key.Matches(k, keys.PageDown):
		cursor += page
	default:
		return clampIndex(cursor, n), false
	}
	return clampIndex(cursor, n), true
}

func clampIndex(i, n int) int { return max(0, min(i, n-1)) }

// scrollOffset keeps cursor inside a window of rows lines starting at
// offset, without scrolling past the end of n items.
func scrollOffset(cursor, offset, rows, n int) int {
	if rows <= 0 {
		return offset
	}
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+rows {
		offset = cursor - rows + 1
	}
	return max(0, min(offset, n-rows))
}
