package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// officeTemplate writes the coordinating office's own template (id
// qingshan) into dir under a name that is not its id, as offices name them.
func officeTemplate(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "青山县法治政府建设年度报告模板.yaml")
	if code, _, errOut := run(t, "template", "new", "--id", "qingshan", "-o", path); code != 0 {
		t.Fatalf("template new: %s", errOut)
	}
	return path
}

// freshMachine forgets every remembered template, as on the office's PC
// that receives a draft written elsewhere.
func freshMachine(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	isolate(t)
}

func checked(out, path string) bool {
	return strings.Contains(out, path+": 通过") || strings.Contains(out, path+": 未通过")
}

// TestDraftFromOfficeTemplateTravels: a draft made with new --template FILE
// checks and exports with no flag on the same machine; on another machine
// it checks when its template is beside it, in the checked folder, or
// installed; otherwise the error names the draft and the fix.
func TestDraftFromOfficeTemplateTravels(t *testing.T) {
	freshMachine(t)
	tpl := officeTemplate(t, t.TempDir())
	drafts := t.TempDir()
	draft := filepath.Join(drafts, "县司法局.yaml")
	if code, _, errOut := run(t, "new", "--template", tpl, "--unit", "县司法局", "--year", "2024", "-o", draft); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	if code, out, errOut := run(t, "check", draft); code == ExitInput || !checked(out, draft) {
		t.Errorf("same machine: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := run(t, "export", "--format", "txt", "-o", filepath.Join(t.TempDir(), "a.txt"), draft); code != 0 {
		t.Errorf("export without --template: %s", errOut)
	}

	t.Run("not found", func(t *testing.T) {
		freshMachine(t)
		code, _, errOut := run(t, "check", draft)
		if code != ExitInput || !strings.Contains(errOut, draft+": ") || !strings.Contains(errOut, "qingshan") ||
			!strings.Contains(errOut, "nianbao template install") || !strings.Contains(errOut, "--template") {
			t.Errorf("exit %d, stderr %q", code, errOut)
		}
		if strings.Contains(errOut, "<输入>") {
			t.Errorf("error does not name the draft: %q", errOut)
		}
	})
	t.Run("beside the draft", func(t *testing.T) {
		freshMachine(t)
		dir := t.TempDir()
		d := copyFile(t, draft, filepath.Join(dir, "县司法局.yaml"))
		copyFile(t, tpl, filepath.Join(dir, "模板.yaml"))
		if code, out, errOut := run(t, "check", d); code == ExitInput || !checked(out, d) {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
	})
	t.Run("in the checked folder", func(t *testing.T) {
		freshMachine(t)
		dir := t.TempDir()
		d := copyFile(t, draft, filepath.Join(dir, "收到", "县司法局.yaml"))
		tp := copyFile(t, tpl, filepath.Join(dir, "模板", "青山县模板.yaml"))
		code, out, errOut := run(t, "check", dir)
		if code == ExitInput || !checked(out, d) {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
		if strings.Contains(out, tp) || !strings.Contains(errOut, tp+": 未检查：这是模板（qingshan，第 1 版）") {
			t.Errorf("template checked as a draft:\n%s%s", out, errOut)
		}
	})
	t.Run("installed", func(t *testing.T) {
		freshMachine(t)
		if code, _, errOut := run(t, "template", "install", tpl); code != 0 || !strings.Contains(errOut, "已安装模板") {
			t.Fatalf("install: %d %s", code, errOut)
		}
		if code, out, errOut := run(t, "check", draft); code == ExitInput || !checked(out, draft) {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
		if code, _, errOut := run(t, "new", "--template", "qingshan", "--unit", "县财政局", "-o", filepath.Join(t.TempDir(), "n.yaml")); code != 0 {
			t.Errorf("new --template by id after install: %s", errOut)
		}
		// Import (and new --from a document) find it by id too: before,
		// they looked only in the settings' directories.
		doc := writeFile(t, filepath.Join(t.TempDir(), "报告.txt"), []byte(officeReport))
		imported := filepath.Join(t.TempDir(), "导入.yaml")
		if code, _, errOut := run(t, "import", "--template", "qingshan", "-o", imported, doc); code != 0 {
			t.Errorf("import --template by id after install: %s", errOut)
		} else if data, _ := os.ReadFile(imported); !strings.Contains(string(data), "id: qingshan") {
			t.Errorf("import did not use the installed template:\n%s", data)
		}
		if _, out, _ := run(t, "template", "list"); !strings.Contains(out, "qingshan") {
			t.Errorf("template list lacks the installed template:\n%s", out)
		}
	})
}

func copyFile(t *testing.T, src, dst string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dst, data)
}
