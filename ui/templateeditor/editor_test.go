package templateeditor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/templates"
)

func newEditor(t *testing.T) (*Model, string) {
	t.Helper()
	base, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	tp := base.Clone()
	tp.ID = "county"
	path := filepath.Join(t.TempDir(), "county.yaml")
	m := New(Options{Template: tp, Path: path})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m, path
}

func keys(m *Model, ks ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range ks {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "tab":
			msg = tea.KeyMsg{Type: tea.KeyTab}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "ctrl+s":
			msg = tea.KeyMsg{Type: tea.KeyCtrlS}
		case "ctrl+c":
			msg = tea.KeyMsg{Type: tea.KeyCtrlC}
		case "ctrl+z":
			msg = tea.KeyMsg{Type: tea.KeyCtrlZ}
		case "ctrl+y":
			msg = tea.KeyMsg{Type: tea.KeyCtrlY}
		case "ctrl+u":
			msg = tea.KeyMsg{Type: tea.KeyCtrlU}
		case "shift+tab":
			msg = tea.KeyMsg{Type: tea.KeyShiftTab}
		case " ":
			msg = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, last = m.Update(msg)
	}
	return last
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

// run executes a command and feeds its message back, as the program would.
func run(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if msg := cmd(); msg != nil {
		m.Update(msg)
	}
}

func TestAddRequiredSectionWithFigureAndSave(t *testing.T) {
	m, path := newEditor(t)
	// Go to the last section ("其他需要报告的情况") and add a sibling.
	keys(m, strings.Split(strings.Repeat("j", 30), "")...)
	keys(m, "a")
	keys(m, "数据安全工作", "tab", "data_security", "tab", " ", "tab", "100", "enter")
	s := m.t.Section("data_security")
	if s == nil || !s.Required || s.MinChars != 100 || m.t.Parent("data_security") != nil {
		t.Fatalf("section not added: %+v\n%s", s, screen(m))
	}
	if !strings.Contains(screen(m), "六、数据安全工作") {
		t.Fatalf("tree lacks the new section:\n%s", screen(m))
	}
	keys(m, "f", "a", "数据安全事件", "tab", "incidents", "tab", "起", "tab", "tab", " ", "enter")
	f, sec := m.t.Figure("incidents")
	if f == nil || sec.ID != "data_security" || !f.Required || f.Unit != "起" {
		t.Fatalf("figure not added: %+v\n%s", f, screen(m))
	}
	if !strings.Contains(screen(m), "数据安全事件 · incidents · 单位 起 · 数量 · 必填") {
		t.Fatalf("figure not shown:\n%s", screen(m))
	}
	keys(m, "esc")
	run(m, keys(m, "ctrl+s"))
	if !strings.Contains(screen(m), "已保存") || m.dirty() {
		t.Fatalf("not saved:\n%s", screen(m))
	}
	back, err := model.LoadTemplate(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Section("data_security") == nil || back.ID != "county" {
		t.Fatal("saved file lacks the section")
	}
	if cmd := keys(m, "q"); cmd == nil {
		t.Fatal("q after saving should quit")
	}
}

func TestSaveRefusedWhileLintErrors(t *testing.T) {
	m, path := newEditor(t)
	keys(m, "j", "f", "a", "坏比率", "tab", "bad_rate", "tab", "%", "tab", " ", "tab", "tab", "tab", "tab", "nope", "tab", "major_decisions", "enter")
	if f, _ := m.t.Figure("bad_rate"); f == nil {
		t.Fatalf("figure not added:\n%s", screen(m))
	}
	out := screen(m)
	if !strings.Contains(out, "比率分子引用了不存在的数字“nope”") {
		t.Fatalf("lint panel lacks the dangling reference:\n%s", out)
	}
	run(m, keys(m, "ctrl+s"))
	if !strings.Contains(screen(m), "不能保存：模板有 1 个错误") {
		t.Fatalf("save not refused:\n%s", screen(m))
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("file written despite errors")
	}
}

func TestMoveIndentDeleteAndQuitConfirm(t *testing.T) {
	m, _ := newEditor(t)
	// measures, functions: indent functions' next sibling under it.
	keys(m, "j", "j") // decisions
	keys(m, ">")
	if p := m.t.Parent("decisions"); p == nil || p.ID != "functions" {
		t.Fatalf("indent: parent %v", p)
	}
	if m.current().ID != "decisions" {
		t.Fatal("selection did not follow the moved section")
	}
	keys(m, "<", "K")
	if m.t.Section("measures").Sections[0].ID != "decisions" {
		t.Fatalf("move up failed:\n%s", screen(m))
	}
	keys(m, "d")
	if !strings.Contains(screen(m), "确定删除章节“推进行政决策科学化、民主化、法治化”吗？连同下级共 1 节、3 个数字") {
		t.Fatalf("no confirmation:\n%s", screen(m))
	}
	keys(m, "n")
	if m.t.Section("decisions") == nil {
		t.Fatal("deleted despite no")
	}
	keys(m, "d", "y")
	if m.t.Section("decisions") != nil {
		t.Fatal("not deleted")
	}
	keys(m, "q")
	if !strings.Contains(screen(m), "有尚未保存的修改。[s] 保存并退出    [d] 不保存退出    [esc] 取消") {
		t.Fatalf("quit did not ask as the drafting editor does:\n%s", screen(m))
	}
	keys(m, "esc")
	if m.state != stateTree {
		t.Fatal("esc should return to editing")
	}
	keys(m, "q")
	if cmd := keys(m, "d"); cmd == nil || !m.quitting {
		t.Fatal("d should quit without saving")
	}
}

// The quit question means what it means in the drafting editor: y (like
// s) saves before quitting, d quits without saving, and n (no hidden
// alias of d) leaves the question open with the change kept.
func TestQuitQuestionSameAsDraftingEditor(t *testing.T) {
	for _, c := range []struct {
		key   string
		saves bool
	}{{"s", true}, {"y", true}, {"enter", true}, {"d", false}} {
		m, path := newEditor(t)
		keys(m, " ") // toggle required: a change to lose or keep
		keys(m, "q")
		if m.state != stateConfirmQuit {
			t.Fatalf("%s: q did not ask", c.key)
		}
		cmd := keys(m, c.key)
		if c.saves {
			run(m, cmd) // the save; its message quits
			if _, err := os.Stat(path); err != nil {
				t.Errorf("%s: not saved before quitting: %v\n%s", c.key, err, screen(m))
			}
			continue
		}
		if !m.quitting {
			t.Errorf("%s: did not quit", c.key)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("%s: saved although it means quit without saving", c.key)
		}
	}
	m, _ := newEditor(t)
	keys(m, " ")
	keys(m, "q")
	keys(m, "n")
	if m.quitting || m.state != stateConfirmQuit {
		t.Errorf("n answered the quit question (quitting %v)", m.quitting)
	}
}

func TestGroupedKeysAreSplit(t *testing.T) {
	m, _ := newEditor(t)
	keys(m, "fa")
	if m.state != stateForm || m.formKind != formAddFigure {
		t.Fatalf("\"fa\" did not open the figure form:\n%s", screen(m))
	}
}

func TestRuleSeverities(t *testing.T) {
	m, _ := newEditor(t)
	keys(m, "R", "j", " ")
	if m.t.Rules["section.missing"] != "off" && len(m.t.Rules) != 1 {
		t.Fatalf("rules %v\n%s", m.t.Rules, screen(m))
	}
	if !strings.Contains(screen(m), "关闭") {
		t.Fatalf("rule list lacks the new level:\n%s", screen(m))
	}
	keys(m, "0")
	if len(m.t.Rules) != 0 {
		t.Fatalf("rule not reset: %v", m.t.Rules)
	}
}

func TestVersionBumpOnStructuralSave(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "county.yaml")
	base, _ := templates.Embedded("standard")
	tp := base.Clone()
	tp.ID = "county"
	if err := tp.Save(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	cur, _ := model.ParseTemplateLenient(path, data)
	prev, _ := model.ParseTemplateLenient(path, data)
	m := New(Options{Template: cur, Path: path, Previous: prev, Saved: data})
	if m.dirty() {
		t.Fatal("fresh file is dirty")
	}
	keys(m, "a", "新节", "enter")
	run(m, keys(m, "ctrl+s"))
	if m.t.Version != 2 || !strings.Contains(screen(m), "版本 2") {
		t.Fatalf("version not bumped:\n%s", screen(m))
	}
}

func TestEditSectionKeywordsAndRunIn(t *testing.T) {
	m, _ := newEditor(t)
	// The embedded templates run every （一） heading in; start from one
	// that does not, to see the toggle turn it on.
	if err := m.t.SetRunIn("functions", false); err != nil {
		t.Fatal(err)
	}
	keys(m, "j", "e") // functions: not run-in, keywords from the template
	out := screen(m)
	for _, want := range []string{"标题接排：否", "关键词（导入已有报告时识别这一节，用、分隔）"} {
		if !strings.Contains(out, want) {
			t.Fatalf("form lacks %q:\n%s", want, out)
		}
	}
	keys(m, "tab", "tab", "tab", " ", "tab", "ctrl+u", "职能，放管服、 营商环境 ;职能", "enter")
	s := m.t.Section("functions")
	if !s.RunIn || strings.Join(s.Keywords, "|") != "职能|放管服|营商环境" {
		t.Fatalf("section %+v", s)
	}
	out = screen(m)
	if !strings.Contains(out, "id functions · 选填 · 最少字数 不限 · 标题接排") || !strings.Contains(out, "关键词：职能、放管服、营商环境") {
		t.Fatalf("details do not show the new fields:\n%s", out)
	}
}

func TestRenameSectionIDInEditor(t *testing.T) {
	m, path := newEditor(t)
	keys(m, "j", "i")
	if !strings.Contains(screen(m), "修改章节 id") {
		t.Fatalf("no id form:\n%s", screen(m))
	}
	for _, c := range []struct{ id, err string }{
		{"", "章节 id 不能为空"},
		{"政府职能", "只能用英文字母、数字、_ 和 -"},
		{"2duties", "并以字母开头"},
		{"decisions", "已被使用"},
	} {
		keys(m, "ctrl+u")
		if c.id != "" {
			keys(m, c.id)
		}
		keys(m, "enter")
		if m.state != stateForm || !strings.Contains(screen(m), c.err) {
			t.Fatalf("id %q: want %q in the form:\n%s", c.id, c.err, screen(m))
		}
	}
	keys(m, "ctrl+u", "duties", "enter")
	s := m.t.Section("duties")
	if m.state != stateTree || s == nil || strings.Join(s.Formerly, ",") != "functions" {
		t.Fatalf("not renamed: %+v\n%s", s, screen(m))
	}
	out := screen(m)
	if !strings.Contains(out, "id duties") || !strings.Contains(out, "旧 id：functions") || !strings.Contains(out, "id 已由 functions 改为 duties") {
		t.Fatalf("screen:\n%s", out)
	}
	run(m, keys(m, "ctrl+s"))
	back, err := model.LoadTemplate(path)
	if err != nil {
		t.Fatal(err)
	}
	if b := back.Section("duties"); b == nil || strings.Join(b.Formerly, ",") != "functions" {
		t.Fatalf("saved %+v", b)
	}
	// The old id is reserved now: adding a section under it is refused.
	keys(m, "a", "新节", "tab", "functions", "enter")
	if !strings.Contains(screen(m), "以前的 id") {
		t.Fatalf("old id reused:\n%s", screen(m))
	}
}

func TestTemplateInfoForm(t *testing.T) {
	m, _ := newEditor(t)
	keys(m, "t", "ctrl+u", "云溪县模板", "tab", "ctrl+u", "{单位}{year}年度报告", "enter")
	if m.state != stateForm || !strings.Contains(screen(m), "“{单位}”不会被替换") {
		t.Fatalf("bad pattern accepted:\n%s", screen(m))
	}
	if m.t.Name == "云溪县模板" {
		t.Fatal("a refused form changed the template")
	}
	keys(m, "ctrl+u", "{unit}{year}年度法治建设情况报告", "tab", "县直部门和乡镇使用。", "tab", "enter")
	if m.t.Name != "云溪县模板" || m.t.TitlePattern != "{unit}{year}年度法治建设情况报告" || !strings.HasSuffix(m.t.Description, "县直部门和乡镇使用。") {
		t.Fatalf("info %q %q %q", m.t.Name, m.t.TitlePattern, m.t.Description)
	}
	if !strings.Contains(screen(m), "报告标题示例：云溪县2025年度法治建设情况报告") || !strings.Contains(screen(m), "云溪县模板") {
		t.Fatalf("screen:\n%s", screen(m))
	}
}

func TestFigureKeywords(t *testing.T) {
	m, _ := newEditor(t)
	keys(m, "j", "j", "f", "e", "shift+tab")
	if !strings.Contains(screen(m), "▸ 关键词") {
		t.Fatalf("keywords field not focused:\n%s", screen(m))
	}
	keys(m, "ctrl+u", "重大行政决策、事项", "enter")
	f, _ := m.t.Figure("major_decisions")
	if strings.Join(f.Keywords, "|") != "重大行政决策|事项" {
		t.Fatalf("keywords %v", f.Keywords)
	}
	if !strings.Contains(screen(m), "关键词 重大行政决策、事项") {
		t.Fatalf("figure line lacks keywords:\n%s", screen(m))
	}
	keys(m, "a", "新数字", "shift+tab", "甲、乙", "enter")
	nf, _ := m.t.Figure(m.current().Figures[len(m.current().Figures)-1].ID)
	if nf.Label != "新数字" || strings.Join(nf.Keywords, "|") != "甲|乙" {
		t.Fatalf("new figure %+v", nf)
	}
}
