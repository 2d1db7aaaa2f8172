package templateeditor

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"

	"nianbao/ui/termcursor"
)

// before is what the screen shows on row y left of cell x.
func before(t *testing.T, m *Model, x, y int) string {
	t.Helper()
	rows := strings.Split(screen(m), "\n")
	if y < 0 || y >= len(rows) {
		t.Fatalf("cursor row %d outside the %d-row screen", y, len(rows))
	}
	var b strings.Builder
	w := 0
	for _, r := range rows[y] {
		if w >= x {
			break
		}
		b.WriteRune(r)
		w += runewidth.RuneWidth(r)
	}
	if w != x {
		t.Fatalf("cursor column %d splits a wide character on row %q", x, rows[y])
	}
	return b.String()
}

// The terminal cursor sits right after the text just typed, in whichever
// field is edited, at both test sizes: that is where the input method
// opens its candidates.
func TestTerminalCursorFollowsTheField(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		m, _ := newEditor(t)
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m.View()
		if m.cur.ok {
			t.Fatal("cursor shown in the tree, where nothing is typed")
		}
		press(m, "a", "数据安全")
		m.View()
		if !m.cur.ok || !strings.HasSuffix(before(t, m, m.cur.x, m.cur.y), "数据安全") {
			t.Fatalf("%v title: cursor at %+v\n%s", size, m.cur, screen(m))
		}
		// The guidance: a new paragraph puts the cursor on the next row.
		press(m, "tab", "tab", "tab", "tab", "第一段", "enter", "第二")
		m.View()
		if !m.cur.ok || !strings.HasSuffix(before(t, m, m.cur.x, m.cur.y), "第二") ||
			!strings.HasSuffix(strings.TrimRight(before(t, m, m.cur.x+20, m.cur.y-1), " "), "第一段") {
			t.Fatalf("%v guidance: cursor at %+v\n%s", size, m.cur, screen(m))
		}
		press(m, "esc")
		// The figure form is taller than the pane: the last field scrolls
		// into view and the cursor follows it.
		press(m, "f", "a", "shift+tab", "关键")
		m.View()
		if !m.cur.ok || !strings.HasSuffix(before(t, m, m.cur.x, m.cur.y), "关键") {
			t.Fatalf("%v figure keywords: cursor at %+v\n%s", size, m.cur, screen(m))
		}
	}
}

// A long title scrolls; the cursor stays on the field's last typed cell.
func TestTerminalCursorInScrolledField(t *testing.T) {
	m, _ := newEditor(t)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(m, "a", strings.Repeat("很长的标题", 12)+"结尾")
	m.View()
	if !m.cur.ok || !strings.HasSuffix(before(t, m, m.cur.x, m.cur.y), "结尾") {
		t.Fatalf("cursor at %+v\n%s", m.cur, screen(m))
	}
	if m.cur.x >= 80 {
		t.Fatalf("cursor past the screen: %+v", m.cur)
	}
}

// The writer moves the terminal cursor to the target after each frame and
// hides it again before the next; after quitting it leaves it alone.
func TestCursorWriterPlacesAndRestores(t *testing.T) {
	tg := &termcursor.Target{}
	w := termcursor.NewWriter(nil, tg)
	tg.Set(12, 4, true)
	var b bytes.Buffer
	w.Wrap(&b, []byte("frame"))
	if got := b.String(); got != "frame\x1b7\x1b[5;13H\x1b[?25h" {
		t.Fatalf("first frame %q", got)
	}
	b.Reset()
	tg.Disable()
	w.Wrap(&b, []byte("next"))
	if got := b.String(); got != "\x1b[?25l\x1b8next" {
		t.Fatalf("after quit %q", got)
	}
}
