package model

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const minimalTemplate = `id: t1
version: 2
sections:
  - id: measures
    title: 主要举措和成效
    required: true
    figures:
      - id: cases
        label: 案件数
        unit: 件
        kind: count
        required: true
      - id: lost
        label: 败诉数
        unit: 件
        kind: count
        le: cases
      - id: loss_rate
        label: 败诉率
        unit: '%'
        kind: percent
        rate:
          numerator: lost
          denominator: cases
    sections:
      - id: decisions
        title: 依法决策
  - id: plans
    title: 下一年度主要安排
`

func mustTemplate(t *testing.T) *Template {
	t.Helper()
	tpl, err := ParseTemplate("t.yaml", []byte(minimalTemplate))
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}

func TestNewReportMarshalParsesBack(t *testing.T) {
	tpl := mustTemplate(t)
	r := NewReport(tpl)
	r.Unit, r.Year = "云溪县", 2025
	r.SetText("measures", "第一段。\n第二段。")
	r.SetFigure("cases", NumberOf(23))
	r.SetFigure("loss_rate", Number{Value: 8.69, Text: "8.69"})
	data, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{"measures: |-\n    第一段。\n    第二段。\n", "  cases: 23\n", "  loss_rate: 8.69\n", "  id: t1\n  version: 2\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	back, err := ParseReport("r.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Text("measures") != "第一段。\n第二段。" || back.Unit != "云溪县" || back.Year != 2025 {
		t.Errorf("fields lost: %+v", back)
	}
	if n, _ := back.Figure("loss_rate"); n.Text != "8.69" || n.Value != 8.69 {
		t.Errorf("figure = %+v", n)
	}
	if err := back.Validate(tpl); err != nil {
		t.Errorf("validate: %v", err)
	}
	// Sections appear in template order, not alphabetical order.
	if strings.Index(text, "measures:") > strings.Index(text, "decisions:") || strings.Index(text, "decisions:") > strings.Index(text, "plans:") {
		t.Errorf("sections not in template order:\n%s", text)
	}
}

func TestRoundTripByteIdentical(t *testing.T) {
	inputs := map[string]string{
		"canonical":             "template:\n  id: standard\n  version: 1\nunit: 云溪县\nyear: 2025\ndate: \"\"\ncontact: \"\"\nsections:\n  measures: |-\n    正文。\nfigures:\n  cases: 3\n",
		"hand written":          "# 草稿，手工编辑\ntemplate: {id: standard, version: 1}\n\nunit:   云溪县   # 单位\nyear: 2025\nsections:\n  measures: \"正文。\"\n\n  plans: |\n    明年。\nfigures: {cases: 3}\nreviewer: 张三\n",
		"crlf-free odd spacing": "unit: 'x'\nyear: 2024\nsections: {}\nfigures: {}\n",
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			r, err := ParseReport("r.yaml", []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			out, err := r.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != in {
				t.Errorf("round trip changed the file:\n--- in\n%s\n--- out\n%s", in, out)
			}
		})
	}
}

func TestUnknownKeysAndCommentsSurviveEdit(t *testing.T) {
	in := `# 县司法局草稿
template:
  id: standard
  version: 1
  note: 模板备注
unit: 云溪县
year: 2025
reviewer: 张三 # 审核人
sections:
  measures: |-
    旧正文。
  plans: |-
    明年。
figures:
  cases: 3
attachments:
  - 附件一
  - 附件二
`
	r, err := ParseReport("r.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	r.SetText("measures", "新正文。")
	r.SetFigure("lost", NumberOf(1))
	out, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"# 县司法局草稿", "note: 模板备注", "reviewer: 张三 # 审核人", "attachments:\n  - 附件一\n  - 附件二", "新正文。", "lost: 1", "plans: |-\n    明年。"} {
		if !strings.Contains(text, want) {
			t.Errorf("lost %q after edit:\n%s", want, text)
		}
	}
	if strings.Contains(text, "旧正文") {
		t.Errorf("old text still present:\n%s", text)
	}
	// Unknown keys keep their place relative to known ones.
	if !(strings.Index(text, "year:") < strings.Index(text, "reviewer:") && strings.Index(text, "reviewer:") < strings.Index(text, "sections:")) {
		t.Errorf("unknown key moved:\n%s", text)
	}
	// The new figure lands after its neighbour, not at the top.
	if strings.Index(text, "lost: 1") < strings.Index(text, "cases: 3") {
		t.Errorf("new figure placed before existing one:\n%s", text)
	}
}

func TestSaveIsAtomicAndStable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.yaml")
	if err := os.WriteFile(path, []byte("unit: 旧\nyear: 2024\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	r.Unit = "新单位"
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if !strings.Contains(string(first), "unit: 新单位") {
		t.Errorf("saved file: %s", first)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("permissions changed to %v", st.Mode().Perm())
	}
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(path)
	if string(first) != string(second) {
		t.Errorf("second save differs:\n%s\n---\n%s", first, second)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestSaveFailureLeavesOriginalIntact(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.yaml")
	orig := []byte("unit: 原文\nyear: 2024\n")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	// A read-only directory makes creating the temporary file fail; the
	// original must be untouched. Root ignores permissions, so skip there.
	if os.Geteuid() == 0 {
		t.Skip("running as root: directory permissions are not enforced")
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	if err := WriteFileAtomic(path, []byte("unit: 新\n")); err == nil {
		t.Fatal("expected an error writing into a read-only directory")
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(orig) {
		t.Errorf("original changed: %s", got)
	}
}

func TestWriteFileAtomicReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	long := strings.Repeat("很长的内容。", 10000)
	if err := WriteFileAtomic(path, []byte(long)); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("短")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "短" {
		t.Errorf("got %q", got)
	}
	if err := WriteFileAtomic(dir, []byte("x")); err == nil {
		t.Error("writing over a directory should fail")
	}
}

func TestMalformedReportsAreLocated(t *testing.T) {
	cases := []struct {
		name, in  string
		line, col int
		msg       string
	}{
		{"duplicate key", "unit: 甲\nyear: 2024\nunit: 乙\n", 3, 1, "重复"},
		{"duplicate section", "sections:\n  measures: 一\n  measures: 二\n", 3, 3, "重复"},
		{"bad indentation", "unit: 甲\n  year: 2024\n", 2, 3, "YAML 格式错误"},
		{"tab indentation", "sections:\n\tmeasures: 一\n", 2, 1, "制表符"},
		{"year not a number", "year: 二〇二四\n", 1, 7, "整数"},
		{"sections is a list", "sections:\n  - 一\n", 2, 3, "映射"},
		{"alias bomb", "a: &x [1]\nb: *x\n", 1, 4, "锚点"},
		{"invalid utf8", "unit: \xb9\xe3\n", 1, 7, "UTF-8"},
		{"nul byte", "unit: a\x00\n", 1, 8, "空字符"},
		{"empty file", "", 1, 1, "为空"},
		{"top level list", "- a\n", 1, 1, "映射"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseReport("draft.yaml", []byte(c.in))
			if err == nil {
				t.Fatal("expected an error")
			}
			if !IsUnreadable(err) {
				t.Errorf("error is not marked unreadable: %v", err)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("not a *model.Error: %T %v", err, err)
			}
			if e.File != "draft.yaml" || e.Line != c.line || e.Col != c.col {
				t.Errorf("located at %s:%d:%d, want line %d col %d (%v)", e.File, e.Line, e.Col, c.line, c.col, err)
			}
			if !strings.Contains(e.Msg, c.msg) {
				t.Errorf("message %q lacks %q", e.Msg, c.msg)
			}
			if !strings.HasPrefix(err.Error(), "draft.yaml:") {
				t.Errorf("message does not start with the file: %v", err)
			}
		})
	}
}

func TestValidateUnknownIDs(t *testing.T) {
	tpl := mustTemplate(t)
	r, err := ParseReport("d.yaml", []byte("sections:\n  measures: 正文\n  mesures: 写错的章节\nfigures:\n  casez: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = r.Validate(tpl)
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("want 2 errors, got %v", err)
	}
	if es[0].Line != 3 || es[0].Col != 3 || !strings.Contains(es[0].Msg, "没有章节“mesures”") {
		t.Errorf("first error: %v", es[0])
	}
	if es[1].Line != 5 || !strings.Contains(es[1].Msg, "没有数字“casez”") {
		t.Errorf("second error: %v", es[1])
	}
	// The text under the unknown id is still in the report: nothing dropped.
	if r.Text("mesures") != "写错的章节" {
		t.Error("text under unknown id lost")
	}
}

func TestParseNumber(t *testing.T) {
	good := map[string]float64{"120": 120, "8.69": 8.69, "１２０": 120, "1,234": 1234, "1，234": 1234, " 7 ": 7, "-3": -3, "0.5": 0.5}
	for in, want := range good {
		n, err := ParseNumber(in)
		if err != nil || n.Value != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, n.Value, err, want)
		}
	}
	for _, in := range []string{"", "abc", "12件", "8.69%", "1e400", "NaN", "Inf", "1.2.3", "十二"} {
		if _, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) accepted", in)
		}
	}
}

func TestEmptyFigureIsNotSet(t *testing.T) {
	r, err := ParseReport("d.yaml", []byte("figures:\n  cases:\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Figure("cases"); ok {
		t.Error("empty figure counted as set")
	}
	if out, _ := r.Marshal(); string(out) != "figures:\n  cases:\n" {
		t.Errorf("unchanged file rewritten: %q", out)
	}
}

func TestReportRemovedAndExtras(t *testing.T) {
	r := &Report{Unit: "甲", Year: 2025, Removed: []RemovedSection{{ID: "old", Title: "旧章节", Text: "旧文字。"}},
		Hints: map[string]Number{"cases": NumberOf(5)}, Reference: map[string]string{"measures": "去年的安排。"}, Unmatched: "无法归类的段落。"}
	data, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseReport("x.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Removed) != 1 || back.Removed[0].Text != "旧文字。" || back.Hints["cases"].Value != 5 ||
		back.Reference["measures"] != "去年的安排。" || back.Unmatched != "无法归类的段落。" {
		t.Errorf("round trip lost fields: %+v", back)
	}
}

func TestDisplayTitle(t *testing.T) {
	tpl := mustTemplate(t)
	r := &Report{Unit: "云溪县", Year: 2025}
	if got := r.DisplayTitle(tpl); got != "云溪县2025年度法治政府建设情况报告" {
		t.Errorf("title = %q", got)
	}
	r.Title = "自定标题"
	if got := r.DisplayTitle(tpl); got != "自定标题" {
		t.Errorf("override ignored: %q", got)
	}
}

func TestDefaultYear(t *testing.T) {
	for _, c := range []struct {
		month time.Month
		want  int
	}{{time.February, 2025}, {time.June, 2025}, {time.October, 2026}, {time.November, 2026}} {
		if got := DefaultYear(time.Date(2026, c.month, 15, 0, 0, 0, 0, time.Local)); got != c.want {
			t.Errorf("%v: %d, want %d", c.month, got, c.want)
		}
	}
}
