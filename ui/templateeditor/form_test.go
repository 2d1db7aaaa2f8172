package templateeditor

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/internal/keytest"
	"nianbao/model"
	"nianbao/ui/termcursor"
)

// press sends keys by the names bindings use (keytest.Msg); a name that is
// not a key is typed as one IME commit.
func press(m *Model, names ...string) tea.Cmd {
	var last tea.Cmd
	for _, n := range names {
		_, last = m.Update(keytest.Msg(n))
	}
	return last
}

func helpLine(m *Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

// 填写说明 is a multi-line field: enter starts a new paragraph there, the
// help line says so and says that ctrl+s accepts; ctrl+s then adds the
// section and saves.
func TestGuidanceEnterIsNewParagraphAndHelpSaysHowToAccept(t *testing.T) {
	m, path := newEditor(t)
	press(m, "a", "数据安全工作", "tab", "tab", "tab", "tab")
	if fl := m.form.focused(); fl.kind != fieldArea || fl.label != "填写说明" {
		t.Fatalf("focus on %q, not the guidance", fl.label)
	}
	h := helpLine(m)
	if !strings.Contains(h, "enter 换段") || !strings.Contains(h, "ctrl+s 确定并保存") || strings.Contains(h, "enter 确定") {
		t.Fatalf("help line does not say what enter and ctrl+s do here: %q", h)
	}
	press(m, "写明本单位数据安全制度。", "enter", "列出全年事件。")
	if m.state != stateForm {
		t.Fatal("enter in the guidance closed the form")
	}
	if got := m.form.value(4); got != "写明本单位数据安全制度。\n列出全年事件。" {
		t.Fatalf("guidance %q", got)
	}
	cmd := press(m, "ctrl+s")
	if m.state != stateTree {
		t.Fatalf("ctrl+s did not accept the form:\n%s", screen(m))
	}
	s := m.current()
	if s.Title != "数据安全工作" || s.Guidance != "写明本单位数据安全制度。\n列出全年事件。" {
		t.Fatalf("section %+v", s)
	}
	run(m, cmd)
	back, err := model.LoadTemplate(path)
	if err != nil {
		t.Fatalf("ctrl+s did not save: %v\n%s", err, screen(m))
	}
	if b := back.Section(s.ID); b == nil || b.Guidance != s.Guidance {
		t.Fatalf("saved %+v", b)
	}
}

// In a one-line field enter accepts, and the help line says enter 确定.
func TestEnterAcceptsInOneLineField(t *testing.T) {
	m, _ := newEditor(t)
	press(m, "a", "新节")
	if h := helpLine(m); !strings.Contains(h, "enter 确定") {
		t.Fatalf("help line %q", h)
	}
	press(m, "enter")
	if m.state != stateTree || m.current().Title != "新节" {
		t.Fatalf("enter did not accept:\n%s", screen(m))
	}
}

// The guidance field is the repo's own editor: long Chinese wraps inside
// the field at full-width cells, nothing runs past the pane.
func TestGuidanceWrapsChineseInsideThePane(t *testing.T) {
	m, _ := newEditor(t)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	long := strings.Repeat("依法行政是政府工作的基本准则", 5)
	press(m, "j", "e", "shift+tab", long)
	if got := m.form.value(sfGuidance); !strings.HasSuffix(got, long) {
		t.Fatalf("guidance %q", got)
	}
	for i, l := range strings.Split(screen(m), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("line %d is %d cells wide: %q", i, w, l)
		}
	}
	if !strings.Contains(screen(m), "工作的基本准则") {
		t.Fatalf("the end of the typed text is not in view:\n%s", screen(m))
	}
}

// A long one-line value scrolls inside its field instead of overflowing.
func TestLongTitleScrollsInsideField(t *testing.T) {
	m, _ := newEditor(t)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(m, "a", strings.Repeat("很长的标题", 12)+"结尾")
	out := screen(m)
	if !strings.Contains(out, "结尾") {
		t.Fatalf("the cursor's end of the title is not shown:\n%s", out)
	}
	for i, l := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Fatalf("line %d is %d cells wide", i, w)
		}
	}
}

// Text selected in 填写说明 and copied with ctrl+c goes to the system
// clipboard (OSC 52, before the next frame) with a confirmation, as in the
// drafting editor, and the form stays open.
func TestGuidanceCopyReachesClipboard(t *testing.T) {
	m, _ := newEditor(t)
	m.term = &termcursor.Target{}
	press(m, "a", "数据安全工作", "tab", "tab", "tab", "tab", "写明制度")
	press(m, "shift+left", "shift+left")
	run(m, press(m, "ctrl+c"))
	if m.state != stateForm {
		t.Fatalf("ctrl+c with a selection left the form:\n%s", screen(m))
	}
	if !strings.Contains(m.status, "已复制 2 字") || !strings.Contains(helpLine(m)+screen(m), "已复制") {
		t.Errorf("no confirmation: status %q", m.status)
	}
	if p := m.term.TakePending(); len(p) != 1 || !strings.HasPrefix(p[0], "\x1b]52;c;") {
		t.Errorf("pending terminal sequences %q, want one OSC 52", p)
	}
}
