package templateeditor

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/internal/keytest"
)

// snap is what a key can change, taken before and after pressing it.
type snap struct {
	state             state
	formKind          formKind
	cursor, fig, rule int
	lintOffset        int
	showAll           bool
	yaml              string
	undo, redo        int
	focus             int
	values            string
	quitting          bool
	level             int  // of the selected section
	index             int  // of the selected section among its siblings
	figIndex          int  // of the selected figure in its section
	required          bool // of the selected section
}

func take(t *testing.T, m *Model) snap {
	t.Helper()
	data, err := m.t.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := snap{state: m.state, formKind: m.formKind, cursor: m.cursor, fig: m.figCursor, rule: m.ruleCursor,
		lintOffset: m.lintOffset, showAll: m.help.ShowAll, yaml: string(data), undo: len(m.undo), redo: len(m.redo),
		quitting: m.quitting, figIndex: m.figCursor}
	if sec := m.current(); sec != nil {
		s.level, s.required = sec.Level, sec.Required
		list := m.t.Sections
		if p := m.t.Parent(sec.ID); p != nil {
			list = p.Sections
		}
		for i, x := range list {
			if x.ID == sec.ID {
				s.index = i
			}
		}
		if f := m.currentFigure(); f != nil && m.state == stateFigures {
			for i, g := range sec.Figures {
				if g.ID == f.ID {
					s.figIndex = i
				}
			}
		}
	}
	if m.form != nil {
		s.focus = m.form.focus
		var vals []string
		for i := range m.form.fields {
			vals = append(vals, m.form.value(i))
		}
		s.values = strings.Join(vals, "|")
	}
	return s
}

// lintNoise makes the standard template report more findings than the
// lint panel shows, so its page keys have somewhere to go.
func lintNoise(t *testing.T, m *Model) {
	t.Helper()
	press(m, " ") // measures optional: its sections' required figures warn
	press(m, "pgdown")
	if m.lintOffset == 0 {
		t.Fatal("setup: lint panel did not page")
	}
}

// setups put a fresh editor in each state that has help, with something
// to undo and redo where that matters.
var setups = []struct {
	name  string
	setup func(t *testing.T, m *Model)
}{
	{"tree", func(t *testing.T, m *Model) {
		lintNoise(t, m)
		press(m, "j", "j", " ", " ", "ctrl+z") // decisions; undo and redo
		m.selectID("decisions")
	}},
	{"figures", func(t *testing.T, m *Model) {
		lintNoise(t, m)
		// decisions, three figures: move the second up and back, undo
		// the move back, then select the middle one.
		press(m, "j", "j", "f", "j", "K", "J", "ctrl+z")
		m.figCursor = 1
	}},
	{"rules", func(t *testing.T, m *Model) { lintNoise(t, m); press(m, "R", "j", "j", " ", " ", "ctrl+z") }},
	{"form_text", func(t *testing.T, m *Model) { press(m, "a", "新节") }},
	{"form_area", func(t *testing.T, m *Model) { press(m, "a", "新节", "tab", "tab", "tab", "tab", "说明") }},
	{"form_toggle", func(t *testing.T, m *Model) { press(m, "a", "新节", "tab", "tab") }},
	{"form_choice", func(t *testing.T, m *Model) { press(m, "j", "j", "f", "a", "新数字", "tab", "tab", "tab") }},
	{"confirm_delete", func(t *testing.T, m *Model) { press(m, "j", "j", "d") }},
	{"confirm_quit", func(t *testing.T, m *Model) { press(m, "j", " ", "q") }},
}

// promise says whether pressing a key did what its help text promises.
type promise func(b, a snap, m *Model, cmd tea.Cmd, path string) error

func want(ok bool, format string, args ...any) error {
	if ok {
		return nil
	}
	return fmt.Errorf(format, args...)
}

func saved(m *Model, cmd tea.Cmd, path string) error {
	if cmd == nil {
		return fmt.Errorf("no save command")
	}
	run(m, cmd)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("not saved: %v (status %q)", err, m.status)
	}
	return nil
}

// checks are keyed by the help text, so a binding whose text changes
// without a check here fails the test.
var checks = map[string]promise{
	"上移": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.cursor+a.fig+a.rule == b.cursor+b.fig+b.rule-1, "cursor %d/%d/%d → %d/%d/%d", b.cursor, b.fig, b.rule, a.cursor, a.fig, a.rule)
	},
	"下移": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.cursor+a.fig+a.rule == b.cursor+b.fig+b.rule+1, "cursor %d/%d/%d → %d/%d/%d", b.cursor, b.fig, b.rule, a.cursor, a.fig, a.rule)
	},
	"新增同级章节":    opensForm(formAddSibling),
	"新增下级章节":    opensForm(formAddChild),
	"改标题":       opensForm(formRename),
	"改 id":      opensForm(formSectionID),
	"模板名称和标题格式": opensForm(formTemplateInfo),
	"新增数字":      opensForm(formAddFigure),
	"编辑": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.state == stateForm && (a.formKind == formEditSection || a.formKind == formEditFigure), "state %v form %v", a.state, a.formKind)
	},
	"必填/选填": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.required != b.required, "required stays %v", a.required)
	},
	"移到前面": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.index+a.figIndex == b.index+b.figIndex-1, "index %d/%d → %d/%d", b.index, b.figIndex, a.index, a.figIndex)
	},
	"移到后面": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.index+a.figIndex == b.index+b.figIndex+1, "index %d/%d → %d/%d", b.index, b.figIndex, a.index, a.figIndex)
	},
	"降一级": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.level == b.level+1, "level %d → %d", b.level, a.level)
	},
	"升一级": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.level == b.level-1, "level %d → %d", b.level, a.level)
	},
	"删除": func(b, a snap, m *Model, _ tea.Cmd, _ string) error {
		if b.state == stateConfirmDelete {
			return want(m.t.Section("decisions") == nil && a.state == stateTree, "not deleted")
		}
		return want(a.state == stateConfirmDelete, "no delete question: %v", a.state)
	},
	"数字":   toState(stateFigures),
	"规则级别": toState(stateRules),
	"返回章节": toState(stateTree),
	"撤销": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.undo == b.undo-1 && a.yaml != b.yaml, "undo %d → %d", b.undo, a.undo)
	},
	"重做": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.redo == b.redo-1 && a.yaml != b.yaml, "redo %d → %d", b.redo, a.redo)
	},
	"检查结果上翻": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.lintOffset < b.lintOffset, "offset %d → %d", b.lintOffset, a.lintOffset)
	},
	"检查结果下翻": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.lintOffset > b.lintOffset, "offset %d → %d", b.lintOffset, a.lintOffset)
	},
	"保存": func(b, a snap, m *Model, cmd tea.Cmd, path string) error { return saved(m, cmd, path) },
	"退出": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.quitting || a.state == stateConfirmQuit, "neither quit nor asked: %v", a.state)
	},
	"全部按键": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.showAll != b.showAll, "full help stays %v", a.showAll)
	},
	"改级别": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.yaml != b.yaml && a.undo == b.undo+1, "rule level unchanged")
	},
	"恢复默认": func(b, a snap, m *Model, _ tea.Cmd, _ string) error {
		return want(len(m.t.Rules) == 0 && a.yaml != b.yaml, "rules %v", m.t.Rules)
	},
	"确定": func(b, a snap, m *Model, _ tea.Cmd, _ string) error {
		return want(a.state != stateForm && a.yaml != b.yaml, "form not accepted: %v %q", a.state, m.status)
	},
	"确定并保存": func(b, a snap, m *Model, cmd tea.Cmd, path string) error {
		if a.state == stateForm || a.yaml == b.yaml {
			return fmt.Errorf("form not accepted")
		}
		return saved(m, cmd, path)
	},
	"下一栏": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.focus == b.focus+1 || a.focus == 0 && b.focus > 0, "focus %d → %d", b.focus, a.focus)
	},
	"上一栏": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.focus == b.focus-1 || b.focus == 0 && a.focus > 0, "focus %d → %d", b.focus, a.focus)
	},
	"取消": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.state != b.state && a.yaml == b.yaml && !a.quitting, "state %v → %v", b.state, a.state)
	},
	"换段": func(b, a snap, m *Model, _ tea.Cmd, _ string) error {
		return want(a.state == stateForm && strings.Count(a.values, "\n") == strings.Count(b.values, "\n")+1 ||
			strings.HasSuffix(m.form.focused().area.Value(), "\n"), "no new paragraph: %q", a.values)
	},
	"是/否": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.values != b.values && a.state == stateForm, "toggle stays: %q", a.values)
	},
	"换一项": func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.values != b.values && a.state == stateForm, "choice stays: %q", a.values)
	},
	"保存并退出": func(b, a snap, m *Model, cmd tea.Cmd, path string) error { return saved(m, cmd, path) },
	"不保存退出": func(b, a snap, _ *Model, _ tea.Cmd, path string) error {
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("saved")
		}
		return want(a.quitting, "did not quit")
	},
}

func opensForm(k formKind) promise {
	return func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.state == stateForm && a.formKind == k, "state %v form %v", a.state, a.formKind)
	}
}

func toState(s state) promise {
	return func(b, a snap, _ *Model, _ tea.Cmd, _ string) error {
		return want(a.state == s, "state %v, want %v", a.state, s)
	}
}

// Every binding the help shows, short line or F1 list, in every state: each
// of its keys is matched by key.Matches, and pressing it does what the help
// text says. A binding added to help without handling, a handled key
// missing from a binding, or a help text that changes meaning fails here.
func TestHelpAndHandlingAgree(t *testing.T) {
	tested := map[string]bool{}
	for _, st := range setups {
		probe, _ := newEditor(t)
		st.setup(t, probe)
		kh := probe.keyHelp()
		bindings := append(append([]key.Binding(nil), kh.short...), kh.full...)
		if len(bindings) == 0 {
			t.Fatalf("%s: no help", st.name)
		}
		for _, b := range bindings {
			if !b.Enabled() {
				continue
			}
			desc := b.Help().Desc
			if desc == "移动/升降级" {
				// One help entry for four keys, each its own binding.
				for _, k := range b.Keys() {
					msg := keytest.Msg(k)
					if !key.Matches(msg, probe.keys.MoveUp, probe.keys.MoveDown, probe.keys.Indent, probe.keys.Outdent) {
						t.Errorf("%s: %s of %q is not a move key", st.name, k, desc)
					}
				}
				continue
			}
			c, ok := checks[desc]
			if !ok {
				t.Errorf("%s: help shows %q (%s) and no test says what it does", st.name, desc, b.Help().Key)
				continue
			}
			for _, k := range b.Keys() {
				name := fmt.Sprintf("%s/%s/%s", st.name, desc, k)
				if tested[name] {
					continue
				}
				tested[name] = true
				m, path := newEditor(t)
				st.setup(t, m)
				msg := keytest.Msg(k)
				if !key.Matches(msg, b) {
					t.Errorf("%s: key.Matches(%q) is false", name, msg.String())
					continue
				}
				before := take(t, m)
				_, cmd := m.Update(msg)
				after := take(t, m)
				if err := c(before, after, m, cmd, path); err != nil {
					t.Errorf("%s: %v\n%s", name, err, screen(m))
				}
			}
		}
	}
	if len(tested) < 60 {
		t.Fatalf("only %d keys tested", len(tested))
	}
	t.Logf("%d keys tested against their help", len(tested))
}
