package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

// TestPathShapedTemplateIDIsRefusedUnread: a received draft's template id
// is an id, never a path: nianbao neither reads nor quotes nor remembers
// the file it names. A path given on the command line still works.
func TestPathShapedTemplateIDIsRefusedUnread(t *testing.T) {
	isolate(t)
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	dir := t.TempDir()
	secret := writeFile(t, filepath.Join(dir, "secret.txt"), []byte("机密内容第一行\n"))
	std, _ := templates.Raw("standard")
	planted := writeFile(t, filepath.Join(dir, "planted.yaml"), bytes.Replace(std, []byte("version: "), []byte("# planted\nversion: "), 1))
	clean := string(draftVariant(t, "clean"))
	for _, id := range []string{"../../../../etc/passwd", secret, planted, "standard.yaml", `..\\..\\x`, "a b", "标准"} {
		t.Run(id, func(t *testing.T) {
			body := strings.Replace(clean, "id: standard", "id: '"+id+"'", 1)
			if body == clean {
				t.Fatal("fixture has no template id")
			}
			draft := writeFile(t, filepath.Join(t.TempDir(), "d.yaml"), []byte(body))
			for _, cmd := range [][]string{{"check", draft}, {"export", "--format", "txt", "-o", "-", draft}} {
				code, out, errOut := run(t, cmd...)
				if code != ExitInput || !strings.Contains(errOut, "不是有效的 id") {
					t.Errorf("%v: exit %d\n%s%s", cmd, code, out, errOut)
				}
				if strings.Contains(out+errOut, "机密内容") || strings.Contains(out+errOut, "root:") {
					t.Errorf("%v quoted the file the id names:\n%s%s", cmd, out, errOut)
				}
			}
		})
	}
	hist, _ := os.ReadDir(filepath.Join(state, "nianbao", "templates"))
	for _, e := range hist {
		if data, _ := os.ReadFile(filepath.Join(state, "nianbao", "templates", e.Name())); strings.Contains(string(data), "# planted") {
			t.Fatalf("the planted template was remembered as %s", e.Name())
		}
	}
	// --template with a path is the user's own choice and still works.
	draft := writeFile(t, filepath.Join(t.TempDir(), "d.yaml"), []byte(clean))
	if code, out, errOut := run(t, "check", "--template", planted, draft); code != ExitOK {
		t.Errorf("--template FILE: exit %d\n%s%s", code, out, errOut)
	}
}

// TestRememberKeepsFirstCopy: a later file with the same id and version
// does not replace the remembered copy migration relies on.
func TestRememberKeepsFirstCopy(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	std, _ := templates.Embedded("standard")
	if err := templates.Remember(std); err != nil {
		t.Fatal(err)
	}
	raw, _ := templates.Raw("standard")
	forged, err := model.ParseTemplate("forged.yaml", bytes.Replace(raw, []byte("version: "), []byte("# forged\nversion: "), 1))
	if err != nil {
		t.Fatal(err)
	}
	if err := templates.Remember(forged); err != nil {
		t.Fatal(err)
	}
	got := templates.Version(std.ID, std.Version)
	if got == nil || bytes.Contains(got.Source(), []byte("# forged")) {
		t.Fatal("the remembered copy was replaced")
	}
}
