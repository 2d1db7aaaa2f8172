package textedit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// newEditor returns a focused editor of the given size holding v.
func newEditor(w, h int, v string) Model {
	m := New()
	m.SetSize(w, h)
	m.SetValue(v)
	m.Focus()
	return m
}

// screen returns View's rows with ANSI stripped.
func screen(m Model) []string {
	return strings.Split(ansi.Strip(m.View()), "\n")
}

// keyMsg builds a key message from a bubbletea key name such as "ctrl+z".
func keyMsg(name string) tea.KeyMsg {
	alt := false
	if strings.HasPrefix(name, "alt+") {
		alt, name = true, strings.TrimPrefix(name, "alt+")
	}
	for t, s := range keyNames {
		if s == name {
			return tea.KeyMsg{Type: t, Alt: alt}
		}
	}
	panic("unknown key " + name)
}

// keyNames mirrors bubbletea's names for the keys the tests press.
var keyNames = func() map[tea.KeyType]string {
	out := map[tea.KeyType]string{}
	for t := tea.KeyType(-200); t <= 0x7f; t++ {
		s := tea.Key{Type: t}.String()
		if s != "" && !strings.HasPrefix(s, "unknown") && s != "runes" {
			out[t] = s
		}
	}
	return out
}()

// press sends named keys.
func press(m Model, names ...string) Model {
	for _, n := range names {
		m, _ = m.Update(keyMsg(n))
	}
	return m
}

// typeText sends each rune as its own key press, like typing.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

// paste sends s as one bracketed paste.
func paste(m Model, s string) Model {
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true})
	return m
}

// checkScreen asserts the View's shape: exactly height rows, each exactly
// width cells.
func checkScreen(t testing.TB, m Model) {
	t.Helper()
	w, h := m.Width(), m.Height()
	v := m.View()
	if h == 0 {
		if v != "" {
			t.Fatalf("height 0: View = %q", v)
		}
		return
	}
	rows := strings.Split(ansi.Strip(v), "\n")
	if len(rows) != h {
		t.Fatalf("View has %d rows, want %d", len(rows), h)
	}
	for i, r := range rows {
		if got := ansi.StringWidth(r); got != w {
			t.Fatalf("row %d %q is %d cells, want %d", i, r, got, w)
		}
	}
	row, col := m.CursorPosition()
	if row < 0 || row >= h || col < 0 || (w > 0 && col >= w) {
		t.Fatalf("cursor (%d,%d) outside %dx%d", row, col, w, h)
	}
}

// checkFresh asserts that the cached layout equals the layout of an editor
// built from scratch with the same text, cursor and scroll position: the
// incremental caches and row index are invisible.
func checkFresh(t testing.TB, m Model) {
	t.Helper()
	s := m.s
	f := New()
	f.SetSize(s.width, s.height)
	f.SetValue(m.Value())
	fs := f.s
	fs.cur, fs.eol, fs.anchor, fs.sel, fs.top, fs.focused = s.cur, s.eol, s.anchor, s.sel, s.top, s.focused
	if len(fs.paras) != len(s.paras) {
		t.Fatalf("paragraphs: cached %d, fresh %d", len(s.paras), len(fs.paras))
	}
	for i := range s.paras {
		if rows := s.paras[i].rows; rows != nil && !slices.Equal(rows, fs.paras[i].rows) {
			t.Fatalf("paragraph %d rows: cached %v, fresh %v", i, rows, fs.paras[i].rows)
		}
	}
	if !slices.Equal(s.idx.count, fs.idx.count) || !slices.Equal(s.idx.tree, fs.idx.tree) {
		t.Fatalf("row index differs:\ncached %v %v\nfresh  %v %v", s.idx.count, s.idx.tree, fs.idx.count, fs.idx.tree)
	}
	if got, want := m.View(), f.View(); got != want {
		t.Fatalf("View differs from fresh render:\ncached:\n%s\nfresh:\n%s", got, want)
	}
	r1, c1 := m.CursorPosition()
	r2, c2 := f.CursorPosition()
	if r1 != r2 || c1 != c2 {
		t.Fatalf("cursor (%d,%d), fresh (%d,%d)", r1, c1, r2, c2)
	}
	if m.Len() != len([]rune(m.Value())) {
		t.Fatalf("Len %d, runes in Value %d", m.Len(), len([]rune(m.Value())))
	}
}

// offset is the cursor as a rune offset into Value.
func offset(m Model, p Pos) int {
	n := 0
	for i := 0; i < p.P; i++ {
		n += len(m.s.paras[i].text) + 1
	}
	return n + p.C
}

func dump(m Model) string {
	return fmt.Sprintf("value=%q cur=%v sel=%v anchor=%v top=%d size=%dx%d",
		m.Value(), m.s.cur, m.s.sel, m.s.anchor, m.s.top, m.s.width, m.s.height)
}
