package textedit

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestViewDrawsWrappedChinese(t *testing.T) {
	m := newEditor(10, 4, "一二三四五，六七八\nab")
	want := []string{
		"一二三四  ",
		"五，六七八",
		"          ",
		"ab        ",
	}
	if got := screen(m); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("screen:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	checkScreen(t, m)
}

func TestCursorPositionCountsCells(t *testing.T) {
	m := newEditor(10, 4, "")
	m = typeText(m, "依法行")
	if r, c := m.CursorPosition(); r != 0 || c != 6 {
		t.Fatalf("after 3 Chinese characters cursor = (%d,%d), want (0,6)", r, c)
	}
	m = typeText(m, "a政府")
	if r, c := m.CursorPosition(); r != 1 || c != 2 {
		// "依法行a政" is 9 cells; 府 does not fit and starts row 1.
		t.Fatalf("cursor = (%d,%d), want (1,2); screen %q", r, c, screen(m))
	}
}

func TestCursorAtEndOfFullRowWrapsToNextRow(t *testing.T) {
	m := newEditor(10, 3, "")
	m = typeText(m, "一二三四五")
	if r, c := m.CursorPosition(); r != 1 || c != 0 {
		t.Fatalf("cursor after a full row = (%d,%d), want (1,0)", r, c)
	}
	// End on a row that is not full keeps the cursor on that row.
	m.SetValue("一二三四五，六七八")
	m = press(m, "end")
	if r, c := m.CursorPosition(); r != 0 || c != 8 {
		t.Fatalf("end of row 0 = (%d,%d), want (0,8)", r, c)
	}
	m = typeText(m, "X")
	if got := m.Value(); got != "一二三四X五，六七八" {
		t.Fatalf("typing at row end: %q", got)
	}
}

func TestUpDownKeepsGoalColumnAcrossWideCharacters(t *testing.T) {
	m := newEditor(20, 5, "a一二三\n一二三四\nabcdefgh")
	m.SetCursor(Pos{1, 1}) // after 一: cell 2
	m = press(m, "up")
	if got := m.Cursor(); got != (Pos{0, 1}) {
		// goal cell 2 falls inside 一 (cells 1-2): land before it.
		t.Fatalf("up: cursor %v, want {0 1}", got)
	}
	if _, c := m.CursorPosition(); c != 1 {
		t.Fatalf("up: column %d, want 1", c)
	}
	m = press(m, "down")
	if got := m.Cursor(); got != (Pos{1, 1}) {
		t.Fatalf("down keeps goal column 2: cursor %v, want {1 1}", got)
	}
	m = press(m, "down")
	if got := m.Cursor(); got != (Pos{2, 2}) {
		t.Fatalf("down into ASCII: cursor %v, want {2 2}", got)
	}
	m = press(m, "up", "up")
	if got := m.Cursor(); got != (Pos{0, 1}) {
		t.Fatalf("back up: cursor %v", got)
	}
	m = press(m, "up")
	if got := m.Cursor(); got != (Pos{0, 0}) {
		t.Fatalf("up from the first row goes to the start: %v", got)
	}
}

func TestUpDownByVisualRow(t *testing.T) {
	m := newEditor(10, 5, "一二三四五六七八九十甲乙")
	m = press(m, "down")
	if got := m.Cursor(); got != (Pos{0, 5}) {
		t.Fatalf("down within a wrapped paragraph: %v", got)
	}
	m = press(m, "right", "right", "up")
	if got := m.Cursor(); got != (Pos{0, 2}) {
		t.Fatalf("up: %v", got)
	}
}

func TestDeleteAcrossParagraphs(t *testing.T) {
	m := newEditor(20, 5, "一二\n三四")
	m.SetCursor(Pos{1, 0})
	m = press(m, "backspace")
	if m.Value() != "一二三四" || m.Cursor() != (Pos{0, 2}) {
		t.Fatalf("backspace at paragraph start: %q %v", m.Value(), m.Cursor())
	}
	m = press(m, "enter")
	if m.Value() != "一二\n三四" || m.Cursor() != (Pos{1, 0}) {
		t.Fatalf("enter: %q %v", m.Value(), m.Cursor())
	}
	m.SetCursor(Pos{0, 2})
	m = press(m, "delete")
	if m.Value() != "一二三四" {
		t.Fatalf("delete at paragraph end: %q", m.Value())
	}
	m = press(m, "ctrl+end", "delete", "ctrl+home", "backspace")
	if m.Value() != "一二三四" {
		t.Fatalf("delete at the ends changes nothing: %q", m.Value())
	}
}

func TestPasteChineseAppearsOnce(t *testing.T) {
	m := newEditor(30, 5, "")
	m = paste(m, "依法行政\r\n第二段\t缩进\x07")
	if got, want := m.Value(), "依法行政\n第二段\t缩进"; got != want {
		t.Fatalf("Value = %q, want %q", got, want)
	}
	if n := strings.Count(strings.Join(screen(m), "\n"), "依法行政"); n != 1 {
		t.Fatalf("pasted text shown %d times:\n%s", n, strings.Join(screen(m), "\n"))
	}
	// An IME commit is several runes in one message, inserted once.
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("建设")})
	if got := m.Value(); got != "依法行政\n第二段\t缩进建设" {
		t.Fatalf("IME commit: %q", got)
	}
	checkScreen(t, m)
}

func TestAltRunesAndUnfocusedAreIgnored(t *testing.T) {
	m := newEditor(20, 3, "")
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x"), Alt: true})
	m.Blur()
	m = typeText(m, "abc")
	if m.Value() != "" {
		t.Fatalf("Value = %q", m.Value())
	}
}

func TestUndoRedo(t *testing.T) {
	m := newEditor(20, 5, "")
	m = typeText(m, "依法行政")
	m = press(m, "left")
	m = typeText(m, "甲")
	if m.Value() != "依法行甲政" {
		t.Fatalf("value %q", m.Value())
	}
	m = press(m, "ctrl+z")
	if m.Value() != "依法行政" {
		t.Fatalf("undo of the second run: %q", m.Value())
	}
	m = press(m, "ctrl+z")
	if m.Value() != "" {
		t.Fatalf("typing merges into one step: %q", m.Value())
	}
	m = press(m, "ctrl+y", "ctrl+y")
	if m.Value() != "依法行甲政" || m.Cursor() != (Pos{0, 4}) {
		t.Fatalf("redo: %q %v", m.Value(), m.Cursor())
	}
	m = press(m, "enter", "backspace", "backspace", "ctrl+z")
	if m.Value() != "依法行甲\n政" {
		t.Fatalf("consecutive backspaces undo together: %q", m.Value())
	}
	m = press(m, "ctrl+z")
	if m.Value() != "依法行甲政" {
		t.Fatalf("undo enter: %q", m.Value())
	}
	v := m.Version()
	m = press(m, "ctrl+z")
	if m.Version() == v {
		t.Fatal("undo must bump Version")
	}
}

func TestSelectionCutCopyPaste(t *testing.T) {
	m := newEditor(20, 5, "一二三四")
	m = press(m, "shift+right", "shift+right")
	if m.SelectedText() != "一二" {
		t.Fatalf("selected %q", m.SelectedText())
	}
	m, cmd := m.Update(keyMsg("ctrl+x"))
	if m.Value() != "三四" || cmd == nil {
		t.Fatalf("cut: %q cmd=%v", m.Value(), cmd)
	}
	if msg, ok := cmd().(CopyMsg); !ok || msg.Text != "一二" {
		t.Fatalf("cut reports %#v", cmd())
	}
	m = press(m, "ctrl+end", "ctrl+v")
	if m.Value() != "三四一二" {
		t.Fatalf("paste: %q", m.Value())
	}
	m = press(m, "ctrl+a")
	m = typeText(m, "新")
	if m.Value() != "新" {
		t.Fatalf("typing replaces the selection: %q", m.Value())
	}
	m.SetValue("甲乙\n丙丁")
	m = press(m, "right", "shift+down", "shift+end")
	if m.SelectedText() != "乙\n丙丁" {
		t.Fatalf("selection across paragraphs: %q", m.SelectedText())
	}
	_, cmd = m.Update(keyMsg("ctrl+c"))
	m = press(m, "backspace")
	if m.Value() != "甲" || m.Clipboard() != "乙\n丙丁" || cmd == nil {
		t.Fatalf("copy then delete: %q clip %q", m.Value(), m.Clipboard())
	}
	if _, cmd = m.Update(keyMsg("ctrl+c")); cmd != nil {
		t.Fatal("ctrl+c without selection must do nothing")
	}
}

func TestWordMovement(t *testing.T) {
	m := newEditor(40, 3, "坚持依法行政，推进2024年改革。")
	var stops []int
	for i := 0; i < 6; i++ {
		m = press(m, "ctrl+right")
		stops = append(stops, m.Cursor().C)
	}
	if got := fmt.Sprint(stops); got != "[6 9 13 16 17 17]" {
		t.Fatalf("ctrl+right stops %s", got)
	}
	m = press(m, "alt+left")
	if m.Cursor().C != 13 {
		t.Fatalf("alt+left: %v", m.Cursor())
	}
}

func TestLargeValueLoadsCompletely(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 12000; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "第%d行", i)
		if i%3 == 0 {
			b.WriteString("依法行政，建设法治政府。")
		}
	}
	v := b.String()
	m := newEditor(80, 30, v)
	if n := len([]rune(v)); n < 20000 || m.Len() != n {
		t.Fatalf("text of %d runes, Len %d", n, m.Len())
	}
	if m.Value() != v || m.LineCount() != 12000 {
		t.Fatalf("Value differs or lines %d", m.LineCount())
	}
	m = press(m, "ctrl+end")
	rows := screen(m)
	if strings.TrimSpace(rows[len(rows)-1]) != "第11999行" {
		t.Fatalf("last row %q", rows[len(rows)-1])
	}
	m = press(m, "enter")
	if m.LineCount() != 12001 {
		t.Fatal("enter beyond 10,000 lines must work")
	}
	checkScreen(t, m)
}

func TestResizeAndTinySizes(t *testing.T) {
	m := newEditor(30, 5, strings.Repeat("依法行政abc，", 30))
	m = press(m, "ctrl+end")
	for _, sz := range [][2]int{{20, 5}, {7, 2}, {1, 1}, {2, 1}, {0, 0}, {-3, -3}, {0, 4}, {80, 24}, {3, 50}} {
		m.SetSize(sz[0], sz[1])
		checkScreen(t, m)
		m = press(m, "up", "left", "pgup", "pgdown", "end", "home", "down")
		m = typeText(m, "字")
		checkScreen(t, m)
		checkFresh(t, m)
	}
}

func TestPlaceholder(t *testing.T) {
	m := newEditor(12, 2, "")
	m.SetPlaceholder("请在此输入本节内容")
	rows := screen(m)
	if rows[0] != "请在此输入本" || rows[1] != "节内容      " {
		t.Fatalf("placeholder rows %q", rows)
	}
	m = typeText(m, "甲")
	if rows := screen(m); rows[0] != "甲          " {
		t.Fatalf("after typing %q", rows)
	}
}

func TestZeroModelDoesNotPanic(t *testing.T) {
	var m Model
	_ = m.View()
	_ = m.Value()
	m, _ = m.Update(keyMsg("enter"))
	m.SetValue("x")
	if m.Value() != "x" {
		t.Fatal(m.Value())
	}
}

func TestViewStylesCursorAndSelection(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	st := DefaultStyles()
	st.Focused.Selection = lipgloss.NewStyle().Bold(true)
	m := newEditor(10, 2, "一二三四\n五")
	m.SetStyles(st)
	m = press(m, "shift+right", "shift+right")
	rows := strings.Split(m.View(), "\n")
	want := st.Focused.Selection.Render("一二") + st.Focused.Cursor.Render("三") + "四  "
	if rows[0] != want {
		t.Fatalf("row 0 = %q, want %q", rows[0], want)
	}
	if rows[1] != "五        " {
		t.Fatalf("row 1 = %q", rows[1])
	}
	m = press(m, "ctrl+end")
	if rows := strings.Split(m.View(), "\n"); rows[1] != "五"+st.Focused.Cursor.Render(" ")+"       " {
		t.Fatalf("cursor after the text: %q", rows[1])
	}
	m.Blur()
	if strings.Contains(m.View(), "\x1b[7m") {
		t.Fatal("a blurred editor draws no cursor")
	}
}

func TestUndoHistoryIsBounded(t *testing.T) {
	m := newEditor(20, 3, "")
	for i := 0; i < 5*defaultHistory; i++ {
		m = typeText(m, "字")
		m = press(m, "left", "right")
	}
	if n := len(m.s.hist.undo); n >= 2*defaultHistory || n < defaultHistory {
		t.Fatalf("undo steps kept: %d", n)
	}
}

func TestKeyMapShowsOnlyKeysThatWork(t *testing.T) {
	m := newEditor(20, 3, "一二")
	k := m.KeyMap()
	if k.Copy.Enabled() || k.Undo.Enabled() || k.Paste.Enabled() {
		t.Fatal("copy, undo and paste do nothing yet")
	}
	m = press(m, "ctrl+end", "shift+left", "ctrl+x")
	k = m.KeyMap()
	if !k.Undo.Enabled() || !k.Paste.Enabled() || k.Cut.Enabled() {
		t.Fatalf("after cut: undo %v paste %v cut %v", k.Undo.Enabled(), k.Paste.Enabled(), k.Cut.Enabled())
	}
	if !m.s.keys.Copy.Enabled() {
		t.Fatal("the widget's own bindings stay enabled")
	}
	if len(k.ShortHelp()) == 0 || len(k.FullHelp()) == 0 || k.Undo.Help().Desc != "撤销" {
		t.Fatal("help texts")
	}
}

func TestMouseClickPlacesCursor(t *testing.T) {
	m := newEditor(10, 3, "一二三四五六七")
	m, _ = m.Update(tea.MouseMsg{X: 3, Y: 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	// Row 1 is "六七"; cell 3 is inside 七 (cells 2-3): the cursor goes before it.
	if m.Cursor() != (Pos{0, 6}) {
		t.Fatalf("click: cursor %v", m.Cursor())
	}
	m, _ = m.Update(tea.MouseMsg{X: 0, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionMotion})
	if m.SelectedText() != "一二三四五六" {
		t.Fatalf("drag selects %q", m.SelectedText())
	}
}

func TestScrollingKeepsCursorVisible(t *testing.T) {
	var lines []string
	for i := 0; i < 100; i++ {
		lines = append(lines, fmt.Sprintf("第%03d段依法行政，建设法治政府。", i))
	}
	m := newEditor(20, 5, strings.Join(lines, "\n"))
	check := func(what string) {
		t.Helper()
		g, col := m.s.cursorRow()
		row, c := m.CursorPosition()
		if g-m.ScrollTop() != row || c != col {
			t.Fatalf("%s: cursor row %d col %d, top %d, CursorPosition (%d,%d)", what, g, col, m.ScrollTop(), row, c)
		}
		want := fmt.Sprintf("第%03d段", m.Cursor().P)
		shown := screen(m)[row]
		if m.s.cur.C < 5 && !strings.HasPrefix(shown, want) {
			t.Fatalf("%s: row %d shows %q, cursor in paragraph %d", what, row, shown, m.Cursor().P)
		}
	}
	m = press(m, "pgdown")
	check("pgdown")
	m = press(m, "pgdown", "pgdown", "down", "down", "down")
	check("down")
	m = press(m, "ctrl+end")
	check("ctrl+end")
	m = press(m, "pgup", "up")
	check("pgup")
	m = press(m, "ctrl+home")
	if m.ScrollTop() != 0 {
		t.Fatalf("ctrl+home: top %d", m.ScrollTop())
	}
}

func TestReplaceRangeIsOneUndoStep(t *testing.T) {
	m := newEditor(40, 5, "第一段\n申请人电话13812345678。")
	v := m.Value()
	start := strings.Index(v, "13812345678")
	m.ReplaceRange(m.PosOf(start), m.PosOf(start+len("13812345678")), "138****5678")
	if got := m.Value(); got != "第一段\n申请人电话138****5678。" {
		t.Fatalf("after replace: %q", got)
	}
	if c := m.Cursor(); c != (Pos{1, 16}) {
		t.Errorf("cursor %v, want after the replacement", c)
	}
	m = press(m, "ctrl+z")
	if got := m.Value(); got != v {
		t.Errorf("undo gave %q, want %q", got, v)
	}
	if p := m.PosOf(len(v) + 10); p != (Pos{1, 17}) {
		t.Errorf("PosOf past the end = %v", p)
	}
}
