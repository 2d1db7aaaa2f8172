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

// run executes nianbao with args and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, testStreams(strings.NewReader(""), &out, &errOut))
	return code, out.String(), errOut.String()
}

func TestVersionAndHelp(t *testing.T) {
	code, out, _ := run(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "nianbao ") {
		t.Errorf("--version: %d %q", code, out)
	}
	code, out, _ = run(t, "--help")
	for _, sub := range []string{"edit", "new", "check", "export", "import", "template", "completion"} {
		if !strings.Contains(out, "\n  "+sub+" ") {
			t.Errorf("help lacks %s:\n%s", sub, out)
		}
	}
	if code != 0 || !strings.Contains(out, "用法") {
		t.Errorf("help not localised: %s", out)
	}
}

func TestBadFlagExits2(t *testing.T) {
	code, _, errOut := run(t, "new", "--nosuchflag")
	if code != ExitInput || !strings.Contains(errOut, "参数错误") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

func TestCompletion(t *testing.T) {
	code, out, _ := run(t, "completion", "bash")
	if code != 0 || !strings.Contains(out, "nianbao") {
		t.Errorf("completion: %d", code)
	}
}

func TestNewWritesLoadableDraft(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jixi.yaml")
	code, _, errOut := run(t, "new", "--unit", "绩溪县", "--year", "2024", "-o", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := templates.Embedded("standard")
	if r.Unit != "绩溪县" || r.Year != 2024 || r.Template.ID != "standard" || r.Template.Version != tpl.Version {
		t.Errorf("draft = %+v", r)
	}
	if err := r.Validate(tpl); err != nil {
		t.Error(err)
	}
	if len(r.Sections) != len(tpl.Flatten()) {
		t.Errorf("draft has %d sections, template %d", len(r.Sections), len(tpl.Flatten()))
	}
	// Refuses to overwrite without --force, and leaves the file alone.
	before, _ := os.ReadFile(path)
	code, _, errOut = run(t, "new", "--unit", "别的县", "--year", "2024", "-o", path)
	if code != ExitInput || !strings.Contains(errOut, "已存在") {
		t.Errorf("overwrite: %d %q", code, errOut)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("file changed despite refusal")
	}
	if code, _, _ = run(t, "new", "--unit", "别的县", "--year", "2024", "-o", path, "--force"); code != 0 {
		t.Errorf("--force: %d", code)
	}
}

func TestNewToStdoutWithDepartmentTemplate(t *testing.T) {
	code, out, _ := run(t, "new", "--template", "department", "--unit", "县司法局", "--year", "2025")
	if code != 0 {
		t.Fatal(code)
	}
	r, err := model.ParseReport("stdout", []byte(out))
	if err != nil || r.Template.ID != "department" || r.Unit != "县司法局" {
		t.Errorf("%v %+v", err, r)
	}
	if code, _, errOut := run(t, "new", "--template", "nosuch"); code != ExitInput || !strings.Contains(errOut, "nosuch") {
		t.Errorf("unknown template: %d %q", code, errOut)
	}
	if code, _, _ := run(t, "new", "--year", "24"); code != ExitInput {
		t.Errorf("bad year accepted")
	}
}

func TestTemplateShowIsLoadableYAML(t *testing.T) {
	for _, id := range templates.IDs() {
		code, out, _ := run(t, "template", "show", id)
		if code != 0 {
			t.Fatalf("%s: exit %d", id, code)
		}
		tpl, err := model.ParseTemplate("stdout", []byte(out))
		if err != nil || tpl.ID != id {
			t.Errorf("%s: %v", id, err)
		}
	}
	code, out, _ := run(t, "template", "list")
	if code != 0 || !strings.Contains(out, "standard") || !strings.Contains(out, "department") {
		t.Errorf("list: %d %s", code, out)
	}
}

func TestEditReportsYAMLErrorsWithPosition(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.yaml")
	os.WriteFile(path, []byte("unit: 甲\nfigures:\n  legality_reviews: [12]\n"), 0o644)
	code, _, errOut := run(t, "edit", path)
	if code != ExitInput || !strings.Contains(errOut, path+":3:21:") || !strings.Contains(errOut, "应当是数字") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
	os.WriteFile(path, []byte("template: {id: standard, version: 1}\nsections:\n  nosuch: 文字\n"), 0o644)
	code, _, errOut = run(t, "edit", path)
	if code != ExitInput || !strings.Contains(errOut, path+":3:3:") {
		t.Errorf("unknown section: code %d, stderr %q", code, errOut)
	}
}

func TestSampleReportLoads(t *testing.T) {
	r, tpl, err := loadDraft(filepath.Join("..", "examples", "sample-report.yaml"), "")
	if err != nil {
		t.Fatal(err)
	}
	if tpl.ID != "standard" || r.Unit == "" || len(r.Figures) < 15 {
		t.Errorf("sample report incomplete: %+v", r)
	}
	data, _ := r.Marshal()
	orig, _ := os.ReadFile(filepath.Join("..", "examples", "sample-report.yaml"))
	if !bytes.Equal(data, orig) {
		t.Error("sample report does not round-trip byte for byte")
	}
}
