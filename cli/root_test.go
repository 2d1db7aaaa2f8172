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

// TestRootOpensNamedDraft: "nianbao 草稿.yaml" opens that draft, as
// "nianbao edit 草稿.yaml" does (here in plain mode: the test's streams are
// not a terminal).
func TestRootOpensNamedDraft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "青山县.yaml")
	if code, _, errOut := run(t, "new", "--unit", "青山县司法局", "--year", "2025", "-o", path); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := run(t, path)
	if code != 0 || !strings.Contains(out+errOut, "青山县司法局") {
		t.Errorf("nianbao FILE: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	_, viaEdit, _ := run(t, "edit", path)
	if viaEdit != out {
		t.Errorf("nianbao FILE and nianbao edit FILE differ:\n%s\n---\n%s", out, viaEdit)
	}
}

// TestRootUnknownCommand: a mistyped command is named in Chinese, with the
// command it may have meant, and exits 2; no editor opens on a file of that
// name.
func TestRootUnknownCommand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, c := range []struct{ arg, want string }{
		{"chek", "是不是要用 check"},
		{"rolup", "是不是要用 rollup"},
		{"xyz", "没有“xyz”这个命令"},
	} {
		code, out, errOut := run(t, c.arg)
		if code != ExitInput || !strings.Contains(errOut, c.want) || strings.Contains(errOut, "unknown") || out != "" {
			t.Errorf("nianbao %s: exit %d, stderr %q", c.arg, code, errOut)
		}
	}
	if code, _, errOut := run(t, "a.yaml", "b.yaml"); code != ExitInput || !strings.Contains(errOut, "这个命令") {
		t.Errorf("two files: exit %d, %q", code, errOut)
	}
	if err := os.Mkdir(filepath.Join(dir, "收到的报告"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "收到的报告"); code != ExitInput || !strings.Contains(errOut, "是目录") || !strings.Contains(errOut, "nianbao check 收到的报告") {
		t.Errorf("a folder: exit %d, %q", code, errOut)
	}
	_ = os.Remove(filepath.Join(dir, "收到的报告"))
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a mistyped command left files: %v", entries)
	}
}

// TestDocumentGivenAsDraft: a received document given to edit or export
// is named as a document, with the commands that read it, not reported as
// a YAML error at some line of its text; a draft's own YAML error keeps its
// line and column.
func TestDocumentGivenAsDraft(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, filepath.Join(dir, "报告.txt"), []byte("青山县2025年度法治政府建设情况报告\n\n一、主要举措：全年受理行政复议申请52件。\n"))
	html := writeFile(t, filepath.Join(dir, "报告.docx"), []byte("<html><body><p>青山县2025年度报告</p></body></html>"))
	draft := filepath.Join(dir, "稿.yaml")
	if code, _, errOut := run(t, "new", "--unit", "青山县", "--year", "2025", "-o", draft); code != 0 {
		t.Fatal(errOut)
	}
	docx := filepath.Join(dir, "收到的.docx")
	if code, _, errOut := run(t, "export", "-o", docx, draft); code != 0 {
		t.Fatal(errOut)
	}
	for _, c := range []struct {
		path, kind string
	}{{txt, "文本"}, {html, "网页"}, {docx, "Word 文档（.docx）"}} {
		for _, args := range [][]string{{"edit", c.path}, {c.path}, {"export", "-o", filepath.Join(dir, "out.docx"), c.path}} {
			code, _, errOut := run(t, args...)
			if code != ExitInput || !strings.Contains(errOut, "文档（"+c.kind+"）") ||
				!strings.Contains(errOut, "nianbao import -o 草稿.yaml") || strings.Contains(errOut, "YAML") {
				t.Errorf("%v: exit %d, %q", args, code, errOut)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.docx")); err == nil {
		t.Error("export of a document wrote a file")
	}
	bad := writeFile(t, filepath.Join(dir, "坏.yaml"), []byte("unit: 青山县\nsections: [\n"))
	if code, _, errOut := run(t, "export", "-o", filepath.Join(dir, "o.docx"), bad); code != ExitInput || !strings.Contains(errOut, "坏.yaml:") || !strings.Contains(errOut, "YAML") {
		t.Errorf("a broken draft: exit %d, %q", code, errOut)
	}
}
