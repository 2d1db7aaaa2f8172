package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/ui/plain"
)

func TestPlainReason(t *testing.T) {
	cases := []struct {
		name     string
		flag     bool
		env      map[string]string
		terminal bool
		want     plain.Reason
		plain    bool
	}{
		{"full-screen terminal", false, map[string]string{"TERM": "xterm-256color"}, true, 0, false},
		{"flag", true, map[string]string{"TERM": "xterm-256color"}, true, plain.ReasonFlag, true},
		{"accessible", false, map[string]string{"TERM": "xterm-256color", "NIANBAO_ACCESSIBLE": "1"}, true, plain.ReasonAccessible, true},
		{"accessible off", false, map[string]string{"TERM": "xterm-256color", "NIANBAO_ACCESSIBLE": "0"}, true, 0, false},
		{"dumb", false, map[string]string{"TERM": "dumb"}, true, plain.ReasonDumb, true},
		{"no TERM", false, map[string]string{}, true, plain.ReasonNoCursor, true},
		{"no TERM on a Windows console", false, map[string]string{"GOOS": "windows"}, true, 0, false},
		{"not a terminal", false, map[string]string{"TERM": "xterm-256color"}, false, plain.ReasonNoCursor, true},
		{"flag wins over dumb", true, map[string]string{"TERM": "dumb"}, true, plain.ReasonFlag, true},
		{"terminfo without cup", false, map[string]string{"TERM": "glasstty"}, true, plain.ReasonNoCursor, true},
		{"unknown terminal type", false, map[string]string{"TERM": "mystery"}, true, 0, false},
	}
	// What the terminfo entries say, without depending on this machine's.
	terminfo := map[string][2]bool{"xterm-256color": {true, true}, "glasstty": {false, true}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opts := &editOptions{
				streams: &Streams{OutTerminal: c.terminal},
				plain:   c.flag,
				getenv:  func(k string) string { return c.env[k] },
				goos:    c.env["GOOS"],
				cursor: func(term string) (bool, bool) {
					e := terminfo[term]
					return e[0], e[1]
				},
			}
			got, ok := plainReason(opts)
			if ok != c.plain || ok && got != c.want {
				t.Errorf("plainReason = %v, %v; want %v, %v", got, ok, c.want, c.plain)
			}
		})
	}
}

// TERM=dumb on a real terminal runs plain mode through the command:
// the announcement names TERM=dumb, and what was typed is saved.
func TestEditWithDumbTerminalRunsPlainMode(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	t.Setenv("TERM", "dumb")
	t.Setenv("NIANBAO_ACCESSIBLE", "")
	path := filepath.Join(dir, "d.yaml")
	var out, errOut bytes.Buffer
	s := testStreams(strings.NewReader("13\nt\n暂无。\n.\ns\nq\n"), &out, &errOut)
	s.OutTerminal = true // as on a serial console: a terminal, but dumb
	code := Run([]string{"edit", path}, s)
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "因 TERM=dumb 而开启") || strings.Contains(out.String(), "\x1b") {
		t.Errorf("not plain mode:\n%q", out.String())
	}
	r, err := model.LoadReport(path)
	if err != nil || r.Text("other") != "暂无。" {
		t.Errorf("saved %v %q", err, r.Text("other"))
	}
}

// EOF with unsaved text exits with the ended code, says where the text is
// once (on stdout, in the session) and not again on stderr.
func TestPlainEditEOFExitsEndedWithRecovery(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", filepath.Join(dir, "state"))
	path := filepath.Join(dir, "d.yaml")
	var out, errOut bytes.Buffer
	code := Run([]string{"edit", "--plain", path}, testStreams(strings.NewReader("13\nt\n暂无"), &out, &errOut))
	if code != ExitEnded {
		t.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
	}
	rec := model.AutosavePath(path, model.ThisSession())
	if strings.Count(out.String()+errOut.String(), rec) != 1 {
		t.Errorf("recovery file named %d times:\n%s\n%s", strings.Count(out.String()+errOut.String(), rec), out.String(), errOut.String())
	}
	// This process wrote it (the command ran in-process), so it is read
	// directly: FindRecoveries never offers a live editor's own file.
	found, err := model.LoadReport(rec)
	if err != nil || found.Text("other") != "暂无" {
		t.Errorf("recovery %v %+v", err, found)
	}
}

// nianbao without a subcommand opens the editor too, and picks plain mode
// the same way.
func TestRootCommandPicksPlainMode(t *testing.T) {
	isolate(t)
	t.Setenv("XDG_STATE_HOME", filepath.Join(t.TempDir(), "state"))
	t.Setenv("NIANBAO_ACCESSIBLE", "1")
	var out, errOut bytes.Buffer
	code := Run(nil, testStreams(strings.NewReader("q\n"), &out, &errOut))
	if code != 0 || !strings.Contains(out.String(), "因设置了 NIANBAO_ACCESSIBLE=1 而开启") || !strings.Contains(out.String(), "草稿：未命名") {
		t.Errorf("exit %d:\n%s\n%s", code, out.String(), errOut.String())
	}
}

// "nianbao 草稿.yaml" is "nianbao edit 草稿.yaml", flags included: --plain
// (and --previous) work without the subcommand too.
func TestRootCommandTakesEditFlags(t *testing.T) {
	isolate(t)
	t.Setenv("XDG_STATE_HOME", filepath.Join(t.TempDir(), "state"))
	draft := filepath.Join(t.TempDir(), "草稿.yaml")
	var out, errOut bytes.Buffer
	code := Run([]string{"--plain", draft}, testStreams(strings.NewReader("q\n"), &out, &errOut))
	if code != 0 || !strings.Contains(out.String(), "因使用了 --plain 而开启") || !strings.Contains(out.String(), "草稿："+draft) {
		t.Errorf("exit %d:\n%s\n%s", code, out.String(), errOut.String())
	}
	for _, flag := range []string{"--plain", "--previous", "--template"} {
		if code, out, _ := run(t, "--help"); code != 0 || !strings.Contains(out, flag) {
			t.Errorf("nianbao --help does not list %s", flag)
		}
	}
}
