package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func zipOf(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hostileDrafts are YAML drafts every command that reads a draft must
// refuse with exit 2 and file:line:col, leaving the file as it was.
func hostileDrafts(t *testing.T) map[string]struct {
	data []byte
	pos  string // ":line:col: " after the path; "" when the file has no position
	msg  string
} {
	return map[string]struct {
		data []byte
		pos  string
		msg  string
	}{
		"alias.yaml":     {[]byte("a: &x [甲, 甲, 甲]\nb: [*x, *x, *x]\nunit: 县\n"), ":1:4: ", "不支持 YAML 锚点和别名"},
		"deep.yaml":      {[]byte("unit: " + strings.Repeat("[", 30000) + strings.Repeat("]", 30000) + "\n"), ":1:71: ", "嵌套层级过深"},
		"bomb.yaml":      {[]byte("unit: 县\nextra: [" + strings.Repeat("0,", 6<<20) + "0]\n"), ":2:100004: ", "文件结构过于复杂"},
		"gbk.yaml":       {append([]byte("unit: 县\ntitle: "), gbk(t, "青山县年度报告")...), ":2:8: ", "不是有效的 UTF-8 编码（可能是 GBK）"},
		"gbk-utf8.yaml":  {append([]byte("unit: "), gbk(t, "全省统一学习")...), ":1:7: ", "似乎是用 GBK 编码保存的"},
		"nul.yaml":       {[]byte("unit: 县\x00\n"), ":1:8: ", "空字符"},
		"escape.yaml":    {[]byte("unit: 县\ncontact: \x1b[31m张三\n"), ":2:10: ", "控制字符"},
		"empty.yaml":     {nil, ":1:1: ", "文件为空"},
		"figure.yaml":    {[]byte("template: {id: standard, version: 1}\nfigures:\n  legality_reviews: {a: 1}\n"), ":3:21: ", "应当是数字"},
		"year.yaml":      {[]byte("template: {id: standard, version: 1}\nyear: -2024\n"), ":2:7: ", "四位年份"},
		"directory.yaml": {nil, "", "这是一个目录，不是文件"}, // check: 目录中没有可检查的文件
	}
}

func writeHostile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if name == "directory.yaml" || strings.HasPrefix(name, "directory.") {
		if err := os.Mkdir(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return writeFile(t, p, data)
}

// TestHostileDraftsExitTwo runs check, export, migrate and new --from on
// each hostile draft: exit 2, the located Chinese message, nothing written.
func TestHostileDraftsExitTwo(t *testing.T) {
	isolate(t)
	for name, c := range hostileDrafts(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeHostile(t, dir, name, c.data)
			out := filepath.Join(dir, "out.yaml")
			commands := [][]string{
				{"check", path},
				{"export", "-o", filepath.Join(dir, "out.docx"), path},
				{"migrate", "--template", "standard", path},
				{"new", "--from", path, "-o", out},
			}
			for _, args := range commands {
				code, stdout, errOut := run(t, args...)
				msg := c.msg
				if args[0] == "check" && name == "directory.yaml" {
					msg = "目录中没有可检查的文件" // check walks a directory; this one is empty
				}
				if code != ExitInput {
					t.Errorf("%s: exit %d, want %d\n%s%s", args[0], code, ExitInput, stdout, errOut)
				}
				if !strings.Contains(errOut, path+c.pos) || !strings.Contains(errOut, msg) {
					t.Errorf("%s: stderr lacks %q and %q:\n%s", args[0], path+c.pos, msg, clipText(errOut, 300))
				}
				if strings.ContainsAny(errOut, "\x00\x1b") {
					t.Errorf("%s: control characters on the terminal: %q", args[0], errOut)
				}
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("files written beside a refused draft: %v", entries)
			}
			if c.data != nil {
				if got, _ := os.ReadFile(path); !bytes.Equal(got, c.data) {
					t.Error("the refused draft was changed")
				}
			}
		})
	}
}

// TestHostileTemplatesExitTwo: a template file gets the same defences as a
// draft, whether it is linted, named with --template or found in a
// template directory.
func TestHostileTemplatesExitTwo(t *testing.T) {
	dir := t.TempDir()
	isolate(t, dir)
	draft := writeFile(t, filepath.Join(t.TempDir(), "d.yaml"), draftVariant(t, "clean"))
	bad := map[string]struct {
		data []byte
		want string
	}{
		"alias.yaml": {[]byte("id: x\nversion: 1\nsections: &s\n  - id: a\n    title: 甲\nmore: *s\n"), ":3:11: 不支持 YAML 锚点和别名"},
		"gbk.yaml":   {append([]byte("id: x\nversion: 1\nname: "), gbk(t, "县级模板")...), ":3:7: 文件不是有效的 UTF-8 编码"},
		"deep.yaml":  {[]byte("id: x\nversion: 1\nsections: " + strings.Repeat("[", 20000) + "\n"), ":3:75: 嵌套层级过深"},
		"bomb.yaml":  {[]byte("id: x\nversion: 1\nsections:\n" + strings.Repeat("  - {id: a, title: 甲}\n", 20000)), ":10003:8: 文件结构过于复杂"},
		"huge.yaml":  {[]byte("id: x\nversion: 99999999999\nsections:\n  - id: a\n    title: 甲\n"), ":2:10: 模板版本号 version 过大"},
		"empty.yaml": {nil, ":1:1: 文件为空"},
	}
	for name, c := range bad {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, filepath.Join(dir, name), c.data)
			for _, args := range [][]string{
				{"template", "lint", p},
				{"check", "--template", p, draft},
				{"new", "--template", p, "--unit", "县", "--year", "2024", "-o", "-"},
			} {
				code, _, errOut := run(t, args...)
				if code != ExitInput || !strings.Contains(errOut, p+c.want) {
					t.Errorf("%v: exit %d, stderr %q, want %q", args, code, clipText(errOut, 300), p+c.want)
				}
			}
		})
	}
	// Listing the template directory skips every bad file and still works.
	code, out, errOut := run(t, "template", "list")
	if code != ExitOK || !strings.Contains(out, "standard") || strings.Count(errOut, "不是有效的模板") != len(bad) {
		t.Errorf("template list: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := run(t, "template", "lint", dir); code != ExitInput || !strings.Contains(errOut, "这是一个目录") {
		t.Errorf("lint a directory: exit %d %q", code, errOut)
	}
}

// TestHostileDocumentsExitTwo: import, check and new --from on documents
// that are not readable reports; import writes no draft for them.
func TestHostileDocumentsExitTwo(t *testing.T) {
	isolate(t)
	bomb := zipOf(t, map[string][]byte{
		"[Content_Types].xml": []byte("<Types/>"),
		"word/document.xml":   bytes.Repeat([]byte("<w:p/>"), 8<<20), // 48 MB that compresses to about 50 KB
	})
	cases := map[string]struct {
		data []byte
		msg  string
	}{
		"empty.txt":      {nil, "没有文字（空文件）"},
		"blank.md":       {[]byte("\n\n   \n"), "没有文字（空文件）"},
		"scan.docx":      {[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "这是图片"},
		"renamed.docx":   {[]byte("某县2024年度法治政府建设情况报告\n"), "不是有效的 .docx 文件"},
		"cut.docx":       {bomb[:len(bomb)/2], "zip 结构损坏或文件不完整"},
		"bomb.docx":      {bomb, "疑似压缩炸弹"},
		"lines.txt":      {bytes.Repeat([]byte("字\n"), 2<<20), "行数或段落数过多"},
		"binary.txt":     {[]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00"), "不是文本文件"},
		"directory.docx": {nil, "这是一个目录"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeHostile(t, dir, name, c.data)
			for _, args := range [][]string{
				{"import", path},
				{"check", path},
				{"new", "--from", path, "-o", filepath.Join(dir, "new.yaml")},
			} {
				msg := c.msg
				if args[0] == "check" && name == "directory.docx" {
					msg = "目录中没有可检查的文件" // check walks a directory; this one is empty
				}
				code, _, errOut := run(t, args...)
				if code != ExitInput || !strings.Contains(errOut, path+": ") || !strings.Contains(errOut, msg) {
					t.Errorf("%s: exit %d, stderr %q, want %q", args[0], code, clipText(errOut, 300), msg)
				}
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("draft written for an unreadable document: %v", entries)
			}
		})
	}
}

// TestCorruptRecoveryFileStopsEdit: a damaged .FILE.autosave beside the
// draft stops `edit` before the editor starts (its autosave would replace
// the file), names the recovery file with the position of the damage, and
// leaves both files as they were.
func TestCorruptRecoveryFileStopsEdit(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	draft := writeFile(t, filepath.Join(dir, "d.yaml"), draftVariant(t, "clean"))
	for name, data := range map[string][]byte{
		"half written": []byte("unit: 青山县\nsections:\n  measures: \"没有写完\n"),
		"GBK":          append([]byte("unit: "), gbk(t, "青山县司法局")...),
		"alias bomb":   []byte("a: &x [1, 1]\nb: [*x, *x]\n"),
		"NUL filled":   make([]byte, 512),
	} {
		t.Run(name, func(t *testing.T) {
			rec := writeFile(t, filepath.Join(dir, ".d.yaml.autosave"), data)
			code, _, errOut := run(t, "edit", draft)
			if code != ExitInput || !strings.Contains(errOut, "恢复文件 "+rec+" 无法读取") || !strings.Contains(errOut, rec+":") ||
				!strings.Contains(errOut, "请先查看或移走它") {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
			if got, _ := os.ReadFile(rec); !bytes.Equal(got, data) {
				t.Error("recovery file changed")
			}
		})
	}
	if got, _ := os.ReadFile(draft); !bytes.Equal(got, draftVariant(t, "clean")) {
		t.Error("draft changed")
	}
}

// TestInvalidFigureIsAFinding: a draft saved with text typed wrong in a
// figure field opens and checks; the field is an error at its line.
func TestInvalidFigureIsAFinding(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "d.yaml"), []byte("template: {id: standard, version: 1}\nfigures:\n  legality_reviews: \"1e20\"\n"))
	code, out, errOut := run(t, "check", path)
	if code != ExitFindings || !strings.Contains(out, path+":3: [figure.invalid] 错误：数字“合法性审查件数”填写为“1e20”") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}
