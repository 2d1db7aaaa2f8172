// Package e2e drives the real nianbao binary in tmux: what a drafter types
// is what ends up in the file, and the screen agrees with `nianbao check`.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "nianbao-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "nianbao")
	// The programs under test (and the tmux servers, which inherit this
	// environment) keep their state here, not in the real home directory.
	os.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	build := exec.Command("go", "build", "-o", binary, "nianbao")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building nianbao:", err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// term is one tmux server (private socket) running one program.
type term struct {
	t      *testing.T
	socket string
}

func startTmux(t *testing.T, dir string, w, h int, args ...string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &term{t: t, socket: fmt.Sprintf("nianbao-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	cmd := args
	if len(args) == 0 || args[0] != "env" {
		cmd = append([]string{binary}, args...)
	}
	tm.run("new-session", "-d", "-s", "main", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "-c", dir, strings.Join(cmd, " "))
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *term) run(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...)
	// tmux decides whether the terminal is UTF-8 from the locale.
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color")
	out, err := cmd.CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *term) screen() string { return tm.run("capture-pane", "-p", "-t", "main") }

// keys sends tmux key names (Enter, Tab, C-n …).
func (tm *term) keys(k ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "main"}, k...)...)
}

// text sends literal text, as an IME commits it.
func (tm *term) text(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "main", "-l", s)
}

// waitFor polls the screen until it contains all of want.
func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(s, w)
		}
		if ok {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q:\n%s", want, s)
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// cursor is where the terminal cursor is, as an IME would see it.
func (tm *term) cursor() (x, y int) {
	out := strings.TrimSpace(tm.run("display", "-p", "-t", "main", "#{cursor_x},#{cursor_y}"))
	if _, err := fmt.Sscanf(out, "%d,%d", &x, &y); err != nil {
		tm.t.Fatalf("cursor %q: %v", out, err)
	}
	return x, y
}

// assertCursorAfter checks that the cells left of the cursor end with text:
// the IME candidate window opens right after what was typed.
func (tm *term) assertCursorAfter(text string) {
	tm.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		x, y := tm.cursor()
		lines := strings.Split(tm.screen(), "\n")
		before := ""
		if y < len(lines) {
			before = ansi.Cut(lines[y], 0, x)
		}
		if strings.HasSuffix(before, text) {
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("cursor at %d,%d; left of it %q, want it after %q\n%s", x, y, before, text, strings.Join(lines, "\n"))
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// waitExit waits until the program in the session has ended, so the test
// directory is not removed under a process still writing to it.
func (tm *term) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for tm.alive() {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the editor did not exit:\n%s", tm.screen())
		}
		time.Sleep(30 * time.Millisecond)
	}
}

func (tm *term) alive() bool {
	err := exec.Command("tmux", "-L", tm.socket, "has-session", "-t", "main").Run()
	return err == nil
}

var completenessRe = regexp.MustCompile(`完整度 (\d+(?:\.\d+)?)%`)

func TestDraftNewReport(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "草稿.yaml")
	tm := startTmux(t, dir, 100, 30, "edit", "草稿.yaml")

	// Metadata form first, with the tree visible.
	tm.waitFor("报告单位", "一、…的主要举措")
	tm.text("绩溪县")
	tm.assertCursorAfter("绩溪县")
	tm.keys("Enter", "C-u")
	tm.text("2024")
	tm.keys("Enter", "Enter") // year, then keep the derived title
	tm.text("2025年3月1日")
	tm.keys("Enter")
	tm.text("张三")
	tm.keys("Enter")

	// Section 1 (measures): an opening paragraph.
	measures := "全年法治政府建设工作稳步推进，各项任务按期完成。"
	tm.waitFor("一、上一年度推进法治政府建设的主要举措和成效（必填）")
	tm.text(measures)
	tm.waitFor("本节 24 字")
	tm.assertCursorAfter("按期完成。")

	// Section 2 (decisions): prose and figures, one bad key typed and
	// taken back (the field keeps what is typed, see livefigures_test.go).
	decisions := "严格落实重大行政决策程序规定，全年审查重大行政决策12件。"
	tm.keys("C-n")
	tm.waitFor("（一）推进行政决策科学化、民主化、法治化（必填）")
	tm.text(decisions)
	tm.assertCursorAfter("决策12件。")
	tm.keys("Tab")
	tm.text("12")
	tm.keys("Tab")
	tm.text("35x")
	tm.waitFor("[35x", "不是数字")
	tm.keys("BSpace")
	tm.keys("Tab")
	tm.text("8")

	// Section 3 (enforcement).
	enforcement := "全面推行行政执法三项制度，全年办理行政处罚案件120件。"
	tm.keys("C-n")
	tm.waitFor("（二）坚持严格规范公正文明执法（必填）")
	tm.text(enforcement)
	tm.keys("Tab")
	tm.text("120")

	// Section 4 (disputes): the computed rate shows beside the stated one.
	disputes := "行政复议收案25件，审结23件，纠错2件，纠错率8.69%。"
	tm.keys("C-n")
	tm.waitFor("（三）有效预防调处化解社会矛盾纠纷（必填）")
	tm.text(disputes)
	tm.assertCursorAfter("8.69%。")
	tm.keys("Tab")
	tm.text("25")
	tm.keys("Tab")
	tm.text("23")
	tm.keys("Tab")
	tm.text("2")
	tm.keys("Tab")
	tm.text("8.69")
	tm.waitFor("按行政复议审结数计算 8.70 %")

	tm.keys("C-s")
	tm.waitFor("已保存")
	// F5 offers the formats; Enter writes the Word file beside the draft.
	tm.keys("F5")
	tm.waitFor("[w] Word 文档", "[p] PDF")
	tm.keys("Enter")
	tm.waitFor("已导出 草稿.docx")
	if st, err := os.Stat(filepath.Join(dir, "草稿.docx")); err != nil || st.Size() == 0 {
		t.Errorf("F5 Enter wrote no Word file: %v", err)
	}
	tm.keys("C-q")
	deadline := time.Now().Add(5 * time.Second)
	for tm.alive() && time.Now().Before(deadline) {
		time.Sleep(30 * time.Millisecond)
	}
	if tm.alive() {
		t.Fatalf("ctrl+q after saving did not quit:\n%s", tm.screen())
	}

	r, err := model.LoadReport(file)
	if err != nil {
		t.Fatal(err)
	}
	if r.Unit != "绩溪县" || r.Year != 2024 || r.Date != "2025年3月1日" || r.Contact != "张三" || r.Title != "" {
		t.Errorf("metadata %q %d %q %q %q", r.Unit, r.Year, r.Date, r.Contact, r.Title)
	}
	for id, want := range map[string]string{"measures": measures, "decisions": decisions, "enforcement": enforcement, "disputes": disputes, "other": ""} {
		if got := r.Text(id); got != want {
			t.Errorf("section %s = %q, want %q", id, got, want)
		}
	}
	for id, want := range map[string]string{"major_decisions": "12", "legality_reviews": "35", "normative_docs_filed": "8",
		"penalty_cases": "120", "review_received": "25", "review_decided": "23", "review_corrected": "2", "review_correction_rate": "8.69"} {
		if n, ok := r.Figure(id); !ok || n.Text != want {
			t.Errorf("figure %s = %q (set %v), want %q", id, n.Text, ok, want)
		}
	}
	if len(r.Figures) != 8 {
		t.Errorf("figures %v, want exactly the 8 typed", r.Figures)
	}
	if r.Cursor != "disputes" {
		t.Errorf("cursor %q, want disputes", r.Cursor)
	}
}

// TestCompletenessMatchesCheck reopens a draft, edits it, and compares the
// completeness on screen with what `nianbao check` prints for the saved file.
func TestCompletenessMatchesCheck(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "d.yaml")
	tmpl, err := exec.Command(binary, "new", "--unit", "绩溪县", "--year", "2024", "-o", file).CombinedOutput()
	if err != nil {
		t.Fatalf("nianbao new: %v\n%s", err, tmpl)
	}
	tm := startTmux(t, dir, 100, 30, "edit", "d.yaml")
	tm.waitFor("一、上一年度推进法治政府建设的主要举措和成效")
	for _, s := range []string{"严格落实重大行政决策程序。", "全面推行行政执法三项制度。", "行政复议工作依法开展。"} {
		tm.keys("C-n")
		tm.text(s)
	}
	tm.keys("C-s")
	tm.waitFor("已保存")

	out, _ := exec.Command(binary, "check", file).CombinedOutput()
	m := completenessRe.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("no completeness in check output:\n%s", out)
	}
	// The screen updates after the debounced check; poll until it agrees.
	want := "完整度 " + m[1] + "%"
	screen := tm.waitFor(want)
	if got := completenessRe.FindString(screen); got != want {
		t.Fatalf("screen %q, check %q", got, want)
	}
	tm.keys("C-q")
}

// TestNoColor: under NO_COLOR nothing is coloured, and focus and status
// still read from borders and glyphs.
func TestNoColor(t *testing.T) {
	dir := t.TempDir()
	tm := startTmux(t, dir, 80, 24, "env", "NO_COLOR=1", binary, "edit", "n.yaml")
	tm.waitFor("报告单位", "✗ 一、", "╔")
	raw := tm.run("capture-pane", "-p", "-e", "-t", "main")
	if regexp.MustCompile(`\x1b\[[0-9;]*(38|48);[25];`).MatchString(raw) {
		t.Fatalf("colour escapes under NO_COLOR:\n%q", raw)
	}
	tm.keys("C-q")
}
