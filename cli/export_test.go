package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/check"
	"nianbao/model"
)

// exportDraft copies the render fixture into a temp dir and returns its path.
func exportDraft(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "render", "testdata", "sample.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "示例县 报告.yaml")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestExportDefaultOutputIsDocx(t *testing.T) {
	draft := exportDraft(t)
	code, out, errOut := run(t, "export", draft)
	if code != ExitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	want := strings.TrimSuffix(draft, ".yaml") + ".docx"
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("default output %s: %v", want, err)
	}
	if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
		t.Errorf("not a docx: %v", err)
	}
	if !strings.Contains(errOut, "已导出："+want) {
		t.Errorf("stderr = %q", errOut)
	}
}

func TestExportFormatFromFlagAndExtension(t *testing.T) {
	draft := exportDraft(t)
	dir := filepath.Dir(draft)
	if code, _, errOut := run(t, "export", "--format", "md", draft); code != 0 {
		t.Fatal(errOut)
	}
	md, err := os.ReadFile(strings.TrimSuffix(draft, ".yaml") + ".md")
	if err != nil || !strings.HasPrefix(string(md), "---\nnianbao: 1\n") || !strings.Contains(string(md), "\nunit: 示例县人民政府\n") {
		t.Errorf("md output: %v %q", err, md)
	}
	html := filepath.Join(dir, "out.html")
	if code, _, errOut := run(t, "export", "-o", html, draft); code != 0 {
		t.Fatal(errOut)
	}
	if b, _ := os.ReadFile(html); !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) {
		t.Errorf("html output: %q", b)
	}
	code, out, _ := run(t, "export", "--format", "txt", "-o", "-", draft)
	if code != 0 || !strings.HasPrefix(out, "示例县人民政府2024年度法治政府建设情况报告\n\n　　一、") {
		t.Errorf("txt to stdout: %d %q", code, out)
	}
	code, _, errOut := run(t, "export", "-o", filepath.Join(dir, "x.odt"), draft)
	if code != ExitInput || !strings.Contains(errOut, ".odt") || !strings.Contains(errOut, ".pdf") {
		t.Errorf("unknown extension: %d %s", code, errOut)
	}
	code, _, errOut = run(t, "export", "--page-numbers", "top", draft)
	if code != ExitInput || !strings.Contains(errOut, "页码位置") {
		t.Errorf("bad --page-numbers: %d %s", code, errOut)
	}
}

// TestExportRefusesForeignFile: `export -o` onto a file nianbao did not
// write (or changed since) refuses without --force, and --force keeps a
// backup.
func TestExportRefusesForeignFile(t *testing.T) {
	draft := exportDraft(t)
	out := strings.TrimSuffix(draft, ".yaml") + ".txt"
	if err := os.WriteFile(out, []byte("在导出后手工修改过的内容"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Older than the draft: age is no proof that nianbao wrote it.
	earlier := time.Now().Add(-time.Hour)
	if err := os.Chtimes(out, earlier, earlier); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "export", "-f", "txt", draft)
	if code != ExitInput || !strings.Contains(errOut, "不是 nianbao 导出的") || !strings.Contains(errOut, "--force") {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); string(b) != "在导出后手工修改过的内容" {
		t.Error("the file was overwritten without --force")
	}
	code, _, errOut = run(t, "export", "-f", "txt", "--force", draft)
	if code != ExitOK || !strings.Contains(errOut, "备份为") {
		t.Fatalf("--force: exit %d %s", code, errOut)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "暂无。") {
		t.Error("--force did not replace the file")
	}
	if b, _ := os.ReadFile(out + ".bak"); string(b) != "在导出后手工修改过的内容" {
		t.Error("--force kept no backup of the replaced file")
	}
	// nianbao's own unchanged export is replaced without asking.
	if code, _, errOut = run(t, "export", "-f", "txt", draft); code != ExitOK {
		t.Fatalf("re-export: exit %d %s", code, errOut)
	}
	// Written atomically: nothing but the draft, the output and its backup remain.
	entries, _ := os.ReadDir(filepath.Dir(draft))
	if len(entries) != 3 {
		t.Errorf("leftover files: %v", entries)
	}
}

func TestExportWarnsOnCheckErrors(t *testing.T) {
	draft := exportDraft(t)
	var out, errOut bytes.Buffer
	opts := &exportOptions{
		streams: testStreams(strings.NewReader(""), &out, &errOut),
		draft:   draft, format: "txt", output: "-", pageNumbers: "outside",
		checker: func(*model.Template, *model.Report) check.Result {
			var fs []check.Finding
			for i := 0; i < 7; i++ {
				fs = append(fs, check.Finding{Rule: "figure.rate", Severity: check.Error, Section: "disputes", Message: "纠错率与件数不符"})
			}
			fs = append(fs, check.Finding{Rule: "text.space", Severity: check.Warning, Message: "只是警告"})
			return check.Result{Findings: fs}
		},
	}
	if err := runExport(opts); err != nil {
		t.Fatalf("export must not refuse on check errors: %v", err)
	}
	e := errOut.String()
	for _, want := range []string{"检查发现 7 个错误", "［有效预防调处化解社会矛盾纠纷］纠错率与件数不符", "另有 2 个", "nianbao check '" + draft + "'"} {
		if !strings.Contains(e, want) {
			t.Errorf("warning lacks %q:\n%s", want, e)
		}
	}
	if strings.Contains(e, "只是警告") {
		t.Error("only errors are summarised")
	}
	if !strings.Contains(out.String(), "暂无。") {
		t.Error("the report was not written")
	}
}

func TestExportUnreadableDraft(t *testing.T) {
	p := filepath.Join(t.TempDir(), "坏.yaml")
	os.WriteFile(p, []byte("unit: 示例县\nsections:\n  measures: |\n  bad: [\n"), 0o644)
	code, _, errOut := run(t, "export", p)
	if code != ExitInput || !strings.Contains(errOut, p+":") {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
	var me *model.Error
	_, _, err := loadDraft(p, "")
	if !asModelError(err, &me) || me.Line == 0 || me.Col == 0 {
		t.Errorf("want file:line:col, got %v", err)
	}
	if code, _, _ := run(t, "export", filepath.Join(t.TempDir(), "无此文件.yaml")); code != ExitInput {
		t.Errorf("missing draft: exit %d", code)
	}
	if code, _, _ := run(t, "export"); code != ExitInput {
		t.Errorf("no argument: exit %d", code)
	}
}

func asModelError(err error, target **model.Error) bool {
	for err != nil {
		if e, ok := err.(*model.Error); ok {
			*target = e
			return true
		}
		if es, ok := err.(model.Errors); ok && len(es) > 0 {
			*target = es[0]
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

func TestExportDocxToTerminalRefused(t *testing.T) {
	draft := exportDraft(t)
	var out, errOut bytes.Buffer
	s := testStreams(strings.NewReader(""), &out, &errOut)
	s.OutTerminal = true
	opts := &exportOptions{streams: s, draft: draft, output: "-", format: "docx", checker: check.Report}
	if err := runExport(opts); exitCode(err) != ExitInput || out.Len() != 0 {
		t.Errorf("docx to a terminal: %v, %d bytes", err, out.Len())
	}
}

func TestExportFormatExtensionMismatchHint(t *testing.T) {
	draft := exportDraft(t)
	out := filepath.Join(filepath.Dir(draft), "报告.md")
	code, _, errOut := run(t, "export", "--format", "txt", "-o", out, draft)
	if code != ExitOK || !strings.Contains(errOut, "提示：按 --format 导出为纯文本") {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
}
