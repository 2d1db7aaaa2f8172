package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestIMECursorFollowsText checks the target against the drawn screen: the
// cells left of it end with what was typed, in prose, figures and the form.
func TestIMECursorFollowsText(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, nil, tm, "", 100, 30)
	left := func() string {
		lines := strings.Split(screen(a), "\n")
		x, y, ok := a.env.cursor.Get()
		if !ok || y >= len(lines) {
			t.Fatalf("cursor %d,%d visible=%v", x, y, ok)
		}
		return ansi.Cut(lines[y], 0, x)
	}
	typeText(t, a, "绩溪县人民政府")
	if l := left(); !strings.HasSuffix(l, "绩溪县人民政府") {
		t.Fatalf("form: left of cursor %q", l)
	}
	press(t, a, "ctrl+n")
	long := strings.Repeat("法治政府建设，", 12) + "末尾"
	typeText(t, a, long)
	if l := left(); !strings.HasSuffix(l, "末尾") {
		t.Fatalf("prose: left of cursor %q", l)
	}
	press(t, a, "ctrl+n", "tab")
	typeText(t, a, "１２")
	if l := left(); !strings.HasSuffix(l, "[１２") {
		t.Fatalf("figure: left of cursor %q", l)
	}
	press(t, a, "f3")
	screen(a) // View sets the target
	if _, _, ok := a.env.cursor.Get(); ok {
		t.Fatal("cursor shown in the preview")
	}
}

func TestExternalEditorResult(t *testing.T) {
	tm := stdTemplate(t)
	r := draft(t, tm)
	a := newTestApp(t, r, tm, "", 100, 30)
	f := filepath.Join(t.TempDir(), "sec.txt")
	if err := os.WriteFile(f, []byte("外部编辑器写的正文。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, cmd := a.Update(externalDoneMsg{section: "measures", file: f, before: ""})
	drain(t, a, cmd)
	a.syncProse()
	if got := r.Text("measures"); got != "外部编辑器写的正文。" {
		t.Fatalf("read back %q", got)
	}
	mustContain(t, a, "已读回外部编辑的内容", "本节 10 字", "未保存")
	if _, err := os.Stat(f); err == nil {
		t.Fatal("temp file left behind")
	}
}
