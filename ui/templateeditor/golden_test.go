package templateeditor

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"

	"nianbao/internal/golden"
	"nianbao/templates"
)

var update = flag.Bool("update", false, "rewrite the golden screens in testdata")

// TestGoldenScreens pins the template editor's screens (ANSI stripped) at
// 100x30 and 80x24, as the drafting editor's are. Run with -update after an
// intended change and review the diff.
func TestGoldenScreens(t *testing.T) {
	cases := []struct {
		name string
		keys []string
	}{
		{"tree", nil},
		{"figures", []string{"j", "j", "f", "j"}},
		{"rules", []string{"R", "j", " "}},
		{"info_form", []string{"t"}},
		{"section_form", []string{"j", "e", "shift+tab"}},
		{"add_section", []string{"a", "数据安全工作"}},
		{"help", []string{"f1"}},
		{"quit", []string{" ", "q"}},
	}
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		for _, tc := range cases {
			name := fmt.Sprintf("%s_%dx%d", tc.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m := goldenEditor(t, size[0], size[1])
				press(m, tc.keys...)
				got := screen(m)
				file := filepath.Join("testdata", name+".txt")
				golden.Check(t, file, got, *update)
			})
		}
	}
}

// goldenEditor opens the standard template as if saved as county.yaml: a
// fixed path, so the header does not carry a temporary folder.
func goldenEditor(t *testing.T, w, h int) *Model {
	t.Helper()
	base, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	tp := base.Clone()
	tp.ID = "county"
	data, err := tp.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Template: tp, Path: "county.yaml", Saved: data, Previous: tp.Clone()})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// Below 60x16 the editor says so and takes no keys but quitting and
// saving: nothing changes behind a screen that does not show it.
func TestTooSmallTakesNoHiddenKeys(t *testing.T) {
	m := goldenEditor(t, 50, 12)
	out := screen(m)
	if !strings.HasPrefix(out, "窗口太小（50×12）。请把终端放大到至少") {
		t.Fatalf("screen:\n%s", out)
	}
	before, _ := m.t.Marshal()
	press(m, "j", " ", "d", "y", "a", "新节", "enter", "ctrl+z")
	after, _ := m.t.Marshal()
	if string(before) != string(after) || m.state != stateTree || m.cursor != 0 {
		t.Fatalf("keys behind the small screen changed the editor: state %v cursor %d", m.state, m.cursor)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(screen(m), "模板编辑") {
		t.Fatal("no editor after growing the terminal")
	}
	m.Update(tea.WindowSizeMsg{Width: 50, Height: 12})
	if cmd := press(m, "ctrl+q"); cmd == nil {
		t.Fatal("ctrl+q does not quit from the small screen")
	}
}

// Titles that would be cut to the same text are cut in the middle, so
// the tree tells 一 and 二 of the standard template apart at 80 columns.
func TestTreeEntriesStayDistinguishable(t *testing.T) {
	m := goldenEditor(t, 80, 24)
	var cut []string
	for _, l := range strings.Split(screen(m), "\n") {
		for _, n := range []string{"一、", "二、"} {
			if i := strings.Index(l, n); i >= 0 {
				rest := l[i+len(n):]
				cut = append(cut, rest[:strings.Index(rest, " ")])
			}
		}
	}
	if len(cut) != 2 || cut[0] == cut[1] || !strings.HasSuffix(cut[0], "成效") || !strings.HasSuffix(cut[1], "原因") {
		t.Fatalf("tree entries %q", cut)
	}
	if got := cutMiddle("上一年度推进法治政府建设存在的不足和原因", 12); runewidth.StringWidth(got) > 12 ||
		!strings.HasPrefix(got, "上一") || !strings.HasSuffix(got, "和原因") || !strings.Contains(got, "…") {
		t.Fatalf("cutMiddle %q", got)
	}
}

// TestDetailWrapsByLineBreakingRules: the section detail wraps its
// guidance as the drafting editor does, so no row of it starts with “，”,
// “。” or “、” at any width (it once wrapped by cells alone).
func TestDetailWrapsByLineBreakingRules(t *testing.T) {
	for w := 70; w <= 130; w += 3 {
		m := goldenEditor(t, w, 30)
		for _, line := range strings.Split(screen(m), "\n") {
			parts := strings.Split(line, "│")
			if len(parts) < 3 {
				continue
			}
			row := strings.TrimPrefix(parts[1], " ")
			if strings.HasPrefix(row, "，") || strings.HasPrefix(row, "。") || strings.HasPrefix(row, "、") {
				t.Fatalf("width %d: a detail row starts with punctuation: %q", w, row)
			}
		}
	}
}
