package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbkBytes encodes s as GBK, the way a Chinese Windows editor saves it.
func gbkBytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hostileYAML lists inputs that a draft and a template must both refuse
// with a located Chinese message, in bounded time and memory. The sizes are
// chosen so that an unbounded parser would visibly blow up: the structure
// bomb costs the YAML parser about 2 GB and ten seconds when it is not
// stopped first.
func hostileYAML(t *testing.T) []struct {
	name      string
	in        []byte
	line, col int
	msg       string
} {
	var laughs strings.Builder
	laughs.WriteString("a0: &a0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n")
	for i := 1; i < 40; i++ {
		p := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&laughs, "a%d: &a%d [%s, %s, %s, %s, %s, %s, %s, %s, %s]\n", i, i, p, p, p, p, p, p, p, p, p)
	}
	var deepBlock strings.Builder
	for i := 0; i < 100; i++ {
		deepBlock.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	var manyKeys strings.Builder
	manyKeys.WriteString("sections:\n")
	for i := 0; i < 60000; i++ {
		fmt.Fprintf(&manyKeys, "  s%d: 文字\n", i)
	}
	// "全省统一学习" in GBK happens to be valid UTF-8 ("È«Ê¡Í³Ò»Ñ§Ï°").
	misread := append([]byte("unit: "), gbkBytes(t, "全省统一学习")...)
	return []struct {
		name      string
		in        []byte
		line, col int
		msg       string
	}{
		{"billion laughs", []byte(laughs.String()), 1, 5, "不支持 YAML 锚点和别名"},
		{"merge key", []byte("base: &b {unit: 甲}\ndraft:\n  <<: *b\n"), 1, 7, "锚点"},
		{"deep flow nesting beyond the parser's limit", []byte("unit: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"), 1, 71, "嵌套层级过深"},
		{"deep flow nesting", []byte("unit: " + strings.Repeat("{a: ", 100) + "1" + strings.Repeat("}", 100) + "\n"), 1, 260, "嵌套层级过深（超过 64 层）"},
		{"deep compact lists beyond the parser's limit", []byte(strings.Repeat("- ", 20000) + "x\n"), 1, 129, "嵌套层级过深"},
		{"deep block nesting", []byte(deepBlock.String()), 65, 65, "嵌套层级过深"},
		{"structure bomb", []byte("unit: [" + strings.Repeat("1,", 7<<20) + "1]\n"), 1, 100005, "文件结构过于复杂"},
		{"sixty thousand keys", []byte(manyKeys.String()), 50001, 9, "文件结构过于复杂"},
		{"invalid UTF-8 (GBK)", append([]byte("unit: 甲\ntitle: "), gbkBytes(t, "报告")...), 2, 8, "不是有效的 UTF-8 编码（可能是 GBK）"},
		{"GBK that is valid UTF-8", misread, 1, 7, "似乎是用 GBK 编码保存的"},
		{"UTF-16", append([]byte{0xFF, 0xFE}, []byte("u\x00n\x00i\x00t\x00:\x00")...), 1, 1, "不是有效的 UTF-8"},
		{"NUL byte", []byte("unit: 甲\nyear: 20\x0024\n"), 2, 9, "空字符（NUL）"},
		{"control character", []byte("unit: 甲\ntitle: 标\x1b[2J题\n"), 2, 9, "控制字符（U+001B）"},
		{"empty", nil, 1, 1, "文件为空"},
		{"only blank lines", []byte("\n\n   \n"), 1, 1, "文件为空"},
		{"only a comment", []byte("# 草稿\n"), 1, 1, "文件为空"},
		{"two documents", []byte("unit: 甲\n---\nunit: 乙\n"), 2, 1, "只能有一个 YAML 文档"},
		{"web page", []byte("<html><body>报告</body></html>\n"), 1, 1, "应当是映射（键: 值）"},
		{"list instead of mapping", []byte("- 甲\n- 乙\n"), 1, 1, "应当是映射（键: 值）"},
		{"unclosed quote", []byte("unit: \"甲\nyear: 2024\n"), 3, 1, "YAML 格式错误"},
	}
}

func TestHostileYAMLIsRefusedWithPosition(t *testing.T) {
	for _, c := range hostileYAML(t) {
		for _, kind := range []string{"draft", "template"} {
			t.Run(kind+"/"+c.name, func(t *testing.T) {
				var err error
				if kind == "draft" {
					_, err = ParseReport("f.yaml", c.in)
				} else {
					_, err = ParseTemplate("f.yaml", c.in)
				}
				var e *Error
				if !errors.As(err, &e) || !IsUnreadable(err) {
					t.Fatalf("want a located *Error, got %T %v", err, err)
				}
				if e.File != "f.yaml" || e.Line != c.line || e.Col != c.col {
					t.Errorf("at %s:%d:%d, want f.yaml:%d:%d (%v)", e.File, e.Line, e.Col, c.line, c.col, clip(err.Error(), 200))
				}
				if !strings.Contains(e.Msg, c.msg) {
					t.Errorf("message %q lacks %q", clip(e.Msg, 200), c.msg)
				}
				if strings.ContainsAny(err.Error(), "\x00\x1b") {
					t.Errorf("message carries control characters: %q", err)
				}
				if strings.Contains(err.Error(), "exceeded") {
					t.Errorf("English parser message leaked: %v", err)
				}
			})
		}
	}
}

// TestHugeScalarLoadsWhole: a 12 MB section (sixty times a long report) is
// within the limits and comes back whole; one byte over the file limit is a
// clear error, not a truncated draft.
func TestHugeScalarLoadsWhole(t *testing.T) {
	text := strings.Repeat("全年办理行政复议案件十二件。", 300000)
	in := "unit: 甲\nsections:\n  measures: |-\n    " + text + "\n"
	r, err := ParseReport("big.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if r.Text("measures") != text {
		t.Fatalf("section changed: %d bytes, want %d", len(r.Text("measures")), len(text))
	}
	r.SetText("plans", "明年。")
	out, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseReport("big.yaml", out)
	if err != nil || back.Text("measures") != text {
		t.Fatalf("re-encoded huge section lost: %v", err)
	}
	over := make([]byte, MaxFileSize+1)
	copy(over, "unit: 甲\n")
	_, err = ParseReport("over.yaml", over)
	if err == nil || !strings.Contains(err.Error(), "文件过大") || !strings.Contains(err.Error(), "over.yaml") {
		t.Errorf("oversized file: %v", err)
	}
}

// TestEnormousAndNegativeNumbers: figure values beyond what a float holds
// exactly are kept as text, never as a value (TestInvalidFiguresLoadAsText);
// a negative count loads (the drafter's text
// is never refused for its value) and is left to the check, which reports
// it. Years and template versions have sane bounds.
func TestEnormousAndNegativeNumbers(t *testing.T) {
	bad := []struct {
		name, in  string
		line, col int
		msg       string
	}{
		{"year beyond int", "year: 99999999999999999999999\n", 1, 7, "应当是整数"},
		{"negative year", "year: -2024\n", 1, 7, "四位年份"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseReport("d.yaml", []byte(c.in))
			var e *Error
			if !errors.As(err, &e) || e.Line != c.line || e.Col != c.col || !strings.Contains(e.Msg, c.msg) {
				t.Errorf("got %v, want %d:%d %q", err, c.line, c.col, c.msg)
			}
		})
	}
	r, err := ParseReport("d.yaml", []byte("figures:\n  cases: -3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := r.Figure("cases"); !ok || n.Value != -3 || n.Text != "-3" {
		t.Errorf("negative count not kept as written: %+v", n)
	}
	tpl := func(extra string) string {
		return "id: t\nversion: " + extra + "\nsections:\n  - id: a\n    title: 甲\n"
	}
	for in, want := range map[string]string{
		tpl("9223372036854775807"):  "version 过大",
		tpl("99999999999999999999"): "应当是整数",
		tpl("-1"):                   "正整数",
		"id: t\nversion: 1\nsections:\n  - id: a\n    title: 甲\n    min_chars: -5\n":                                                                               "不能为负数",
		"id: t\nversion: 1\nsections:\n  - id: a\n    title: 甲\n    figures:\n      - {id: f, label: 数, min: 1e400}\n":                                             "不是数字",
		"id: t\nversion: 1\nsections:\n  - id: a\n    title: 甲\n    figures:\n      - {id: f, label: 数, max: 99999999999999999999}\n":                              "数字过大",
		"id: t\nversion: 1\nsections:\n  - id: a\n    title: 甲\n    figures:\n      - {id: f, label: 数, rate: {numerator: f, denominator: f, tolerance: 1e999}}\n": "不是数字",
	} {
		_, err := ParseTemplate("t.yaml", []byte(in))
		var e *Error
		if !errors.As(err, &e) || e.Line == 0 || !strings.Contains(err.Error(), want) {
			t.Errorf("template %q: got %v, want a located %q", in, err, want)
		}
	}
	// The largest allowed version can still be bumped by the template editor.
	top, err := ParseTemplate("t.yaml", []byte(tpl(fmt.Sprint(MaxTemplateVersion))))
	if err != nil {
		t.Fatal(err)
	}
	top.Version++
	out, _ := top.Marshal()
	if _, err := ParseTemplate("t.yaml", out); err == nil || !strings.Contains(err.Error(), "过大") {
		t.Errorf("version beyond the limit after a bump: %v", err)
	}
}

// TestErrorListIsCapped: a file with hundreds of problems lists the first
// fifty and says how many more there are.
func TestErrorListIsCapped(t *testing.T) {
	in := strings.Repeat("unit: 甲\n", 201)
	_, err := ParseReport("d.yaml", []byte(in))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("want Errors, got %v", err)
	}
	if len(es) != maxErrors+1 {
		t.Fatalf("%d errors listed, want %d", len(es), maxErrors+1)
	}
	if es[0].Line != 2 || !strings.Contains(es[0].Msg, "重复") {
		t.Errorf("first error: %v", es[0])
	}
	if last := es[len(es)-1]; !strings.Contains(last.Msg, "另有 150 处问题未列出") || last.File != "d.yaml" {
		t.Errorf("last error: %v", last)
	}
}

// TestQuotedControlCharactersNeverReachMessages: YAML escapes can put an
// escape sequence into a value; messages quoting the value replace it.
func TestQuotedControlCharactersNeverReachMessages(t *testing.T) {
	_, err := ParseReport("d.yaml", []byte("year: \"\\e[2J\\e]0;x\\a\"\n"))
	if err == nil || strings.ContainsAny(err.Error(), "\x1b\x07") || !strings.Contains(err.Error(), "\uFFFD[2J") {
		t.Errorf("message: %q", err)
	}
	// The text itself is kept as written: saving must not alter it.
	r, err := ParseReport("d.yaml", []byte("sections:\n  measures: \"正文\\e[1m加粗\\0\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Text("measures") != "正文\x1b[1m加粗\x00" {
		t.Errorf("text %q", r.Text("measures"))
	}
	r.SetText("plans", "明年。")
	out, _ := r.Marshal()
	if back, err := ParseReport("d.yaml", out); err != nil || back.Text("measures") != r.Text("measures") {
		t.Errorf("control characters lost on save: %v", err)
	}
}

func TestMisreadGBK(t *testing.T) {
	yes := [][]byte{gbkBytes(t, "全省统一学习"), append([]byte("2024 "), gbkBytes(t, "学习")...)}
	for _, in := range yes {
		if got, ok := MisreadGBK(in); !ok || !strings.Contains(got, "学习") {
			t.Errorf("%q not recognised as GBK: %q", in, got)
		}
	}
	no := []string{"全省统一学习", "plain ASCII", "Café", "naïve café", "", "报告 È«"}
	for _, in := range no {
		if _, ok := MisreadGBK([]byte(in)); ok {
			t.Errorf("%q taken for GBK", in)
		}
	}
}

// TestFileErrors covers what reaches LoadReport and LoadTemplate from the
// file system: each is a located Chinese message naming the file.
func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.yaml")
	os.WriteFile(empty, nil, 0o644)
	// A sparse file: its size is checked before anything is read.
	big := filepath.Join(dir, "big.yaml")
	f, _ := os.Create(big)
	f.Truncate(1 << 40)
	f.Close()
	cases := map[string]string{
		filepath.Join(dir, "none.yaml"): "无法打开文件：文件不存在",
		dir:                             "这是一个目录，不是文件",
		empty:                           "文件为空",
		big:                             "文件过大（1099511627776 字节",
		filepath.Join(empty, "x.yaml"):  "无法打开文件",
	}
	for path, want := range cases {
		for kind, load := range map[string]func(string) error{
			"draft":    func(p string) error { _, err := LoadReport(p); return err },
			"template": func(p string) error { _, err := LoadTemplate(p); return err },
		} {
			err := load(path)
			if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path) || !IsUnreadable(err) {
				t.Errorf("%s %s: %v, want %q", kind, path, err, want)
			}
		}
	}
	if OSReason(&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}) != "没有权限" {
		t.Error("permission error not explained")
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: file permissions are not enforced, the unreadable-file case is covered by OSReason only")
		return
	}
	locked := filepath.Join(dir, "locked.yaml")
	os.WriteFile(locked, []byte("unit: 甲\n"), 0o000)
	if _, err := LoadReport(locked); err == nil || !strings.Contains(err.Error(), "没有权限") {
		t.Errorf("unreadable file: %v", err)
	}
}

// TestCorruptRecoveryFileIsReportedAndKept: a recovery file damaged by a
// crash, a disk error or a sync tool is reported with its position and is
// never deleted; the draft beside it still opens.
func TestCorruptRecoveryFileIsReportedAndKept(t *testing.T) {
	good := []byte("unit: 甲\nyear: 2025\nsections:\n  measures: |-\n    已经写好的一段。\n")
	cases := map[string]struct {
		data []byte
		msg  string
	}{
		"cut in half":    {good[:len(good)/2+3], ""},
		"zero bytes":     {nil, "文件为空"},
		"NUL filled":     {make([]byte, 4096), "空字符"},
		"GBK":            {append([]byte("unit: "), gbkBytes(t, "青山县司法局")...), "UTF-8"},
		"alias bomb":     {[]byte("a: &x [1, 1]\nb: [*x, *x]\n"), "锚点"},
		"structure bomb": {[]byte("a: [" + strings.Repeat("1,", 60000) + "1]\n"), "结构过于复杂"},
		"not a mapping":  {[]byte("just text\n"), "映射"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "d.yaml")
			os.WriteFile(path, good, 0o644)
			os.WriteFile(AutosavePath(path, crashed), c.data, 0o644)
			rec, err := findOne(path)
			if rec != nil {
				// Half a draft can still be valid YAML; then it is offered
				// like any other recovery, never applied silently.
				if name != "cut in half" {
					t.Fatalf("corrupt recovery offered: %+v", rec)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.File != AutosavePath(path, crashed) || (c.msg != "" && !strings.Contains(e.Msg, c.msg)) {
				t.Fatalf("got %v, want a *Error in %s mentioning %q", err, AutosavePath(path, crashed), c.msg)
			}
			if e.Line == 0 && c.data != nil && c.msg != "结构过于复杂" {
				t.Errorf("error not located: %v", err)
			}
			if got, _ := os.ReadFile(AutosavePath(path, crashed)); string(got) != string(c.data) {
				t.Error("recovery file changed or removed")
			}
			if _, err := LoadReport(path); err != nil {
				t.Errorf("the draft itself no longer opens: %v", err)
			}
		})
	}
	// A directory in the recovery file's place, and an unnamed draft's
	// corrupt recovery among good ones: reported, others still found.
	dir := t.TempDir()
	path := filepath.Join(dir, "d.yaml")
	os.Mkdir(AutosavePath(path, crashed), 0o755)
	if _, err := findOne(path); err == nil || !strings.Contains(err.Error(), "目录") {
		t.Errorf("directory as recovery file: %v", err)
	}
	unsaved := t.TempDir()
	okPath := filepath.Join(unsaved, unsavedPrefix+"20250101-100000-1.yaml")
	badPath := filepath.Join(unsaved, unsavedPrefix+"20250101-100000-2.yaml")
	os.WriteFile(AutosavePath(okPath, crashed), good, 0o600)
	os.WriteFile(AutosavePath(badPath, crashed), []byte("unit: [\n"), 0o600)
	found, errs := FindUnsavedRecoveries(unsaved)
	if len(found) != 1 || found[0].Report.Text("measures") != "已经写好的一段。" || len(errs) != 1 {
		t.Errorf("found %d, errors %v", len(found), errs)
	}
	if _, err := os.Stat(AutosavePath(badPath, crashed)); err != nil {
		t.Error("corrupt unnamed recovery file was removed")
	}
}
