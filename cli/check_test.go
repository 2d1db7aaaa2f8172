package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/check"
	"nianbao/model"
	"nianbao/templates"
)

// prose writes n characters of report-like text (our own words).
func prose(n int) string {
	const base = "本部门坚持依法行政，完善制度机制，加强监督检查，推动各项工作落地见效。"
	var b strings.Builder
	for b.Len() < n*3 {
		b.WriteString(base)
	}
	return string([]rune(b.String())[:n])
}

// draftVariant builds a draft of the standard template: clean, or with one
// deliberate defect, and returns the YAML.
func draftVariant(t *testing.T, variant string) []byte {
	t.Helper()
	tp, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	r := model.NewReport(tp)
	r.Unit, r.Year = "青山县人民政府", 2024
	for _, s := range tp.Flatten() {
		r.SetText(s.ID, prose(max(s.MinChars, 60)+10))
	}
	r.SetText("other", "暂无。")
	figs := map[string]string{
		"legality_reviews": "88", "normative_docs_filed": "9", "penalty_cases": "412",
		"review_received": "64", "review_decided": "60", "review_corrected": "6", "review_correction_rate": "10",
		"litigation_cases": "23", "litigation_lost": "2", "litigation_loss_rate": "8.69",
		"mediation_received": "930", "mediation_succeeded": "921", "mediation_success_rate": "99.03",
		"publicity_events": "150",
	}
	switch variant {
	case "clean":
	case "wrong-rate": // an error
		figs["mediation_success_rate"] = "90"
	case "punct": // a warning only
		r.SetText("shortcomings", prose(120)+"原因有二,一是人员少。")
	case "empty": // an error on a section
		r.SetText("leadership", "")
	case "real-size": // clean, at the length of a long published report (~13,000 characters) and as varied
		for i, s := range tp.Flatten() {
			if s.ID != "other" {
				r.SetText(s.ID, variedProse(1000, uint32(i)))
			}
		}
	default:
		t.Fatalf("unknown variant %s", variant)
	}
	for id, v := range figs {
		n, err := model.ParseNumber(v)
		if err != nil {
			t.Fatal(err)
		}
		r.SetFigure(id, n)
	}
	data, err := r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckUsageErrors(t *testing.T) {
	if code, _, errOut := run(t, "check"); code != ExitInput || !strings.Contains(errOut, "请给出") {
		t.Errorf("no paths: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "check", "--format", "xml", "a.yaml"); code != ExitInput || !strings.Contains(errOut, "xml") {
		t.Errorf("bad format: %d %q", code, errOut)
	}
	if code, _, errOut := run(t, "check", "--nosuch"); code != ExitInput || !strings.Contains(errOut, "参数错误") {
		t.Errorf("bad flag: %d %q", code, errOut)
	}
}

func TestCheckSampleIsClean(t *testing.T) {
	const sample = "../examples/sample-report.yaml"
	if _, err := os.Stat(sample); err != nil {
		t.Fatal("the shipped example draft is missing:", err)
	}
	code, out, errOut := run(t, "check", "--strict", sample)
	if code != ExitOK || !strings.Contains(out, "通过  完整度 100%  错误 0  警告 0  提示 0") {
		t.Errorf("sample: %d\n%s%s", code, out, errOut)
	}
}

func TestCheckTextOutput(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "草稿.yaml"), draftVariant(t, "empty"))
	code, out, _ := run(t, "check", path)
	if code != ExitFindings {
		t.Errorf("exit %d, want %d", code, ExitFindings)
	}
	if !strings.HasPrefix(out, path+": 未通过  完整度 ") {
		t.Errorf("verdict line missing:\n%s", out)
	}
	// The finding points at the YAML line of the section's key.
	data, _ := os.ReadFile(path)
	line := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "leadership:") {
			line = i + 1
		}
	}
	want := fmt.Sprintf("%s:%d: [section.empty] 错误：必填章节“三、", path, line)
	if line == 0 || !strings.Contains(out, want) {
		t.Errorf("want %q in:\n%s", want, out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("colour codes in piped output")
	}
	if strings.Contains(out, "合计") || strings.Contains(out, "共 1 个文件") {
		t.Error("a single file gets no summary table")
	}
}

func TestCheckColour(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "wrong-rate"))
	var out, errOut bytes.Buffer
	s := testStreams(strings.NewReader(""), &out, &errOut)
	s.Color, s.OutTerminal = true, true
	if code := Run([]string{"check", path}, s); code != ExitFindings {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(out.String(), ansiRed+"未通过"+ansiReset) || !strings.Contains(out.String(), ansiRed+"错误"+ansiReset) {
		t.Errorf("no colour on a terminal:\n%q", out.String())
	}
}

func TestCheckStrict(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "punct"))
	code, out, _ := run(t, "check", path)
	if code != ExitOK || !strings.Contains(out, "通过") || !strings.Contains(out, "[writing.punct] 警告") {
		t.Errorf("warnings alone pass: %d\n%s", code, out)
	}
	code, out, _ = run(t, "check", "--strict", path)
	if code != ExitFindings || !strings.Contains(out, "未通过") {
		t.Errorf("--strict fails on warnings: %d\n%s", code, out)
	}
}

func TestCheckUnreadableInputStillChecksOthers(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "clean"))
	bad := writeFile(t, filepath.Join(dir, "b.yaml"), []byte("unit: 县\nsections:\n  measures: [\n"))
	missing := filepath.Join(dir, "nosuch.yaml")
	code, out, errOut := run(t, "check", good, bad, missing)
	if code != ExitInput {
		t.Errorf("exit %d, want %d", code, ExitInput)
	}
	if !strings.Contains(out, good+": 通过") {
		t.Errorf("good file not reported:\n%s", out)
	}
	if !regexp.MustCompile(regexp.QuoteMeta(bad) + `:\d+:\d+: YAML 格式错误`).MatchString(errOut) {
		t.Errorf("YAML error not located:\n%s", errOut)
	}
	if !strings.Contains(errOut, missing) || !strings.Contains(out, "无法读取 2") {
		t.Errorf("missing file not reported:\nout:\n%s\nerr:\n%s", out, errOut)
	}
}

// A document is checked where it stands: findings carry its own line
// numbers.
func TestCheckDocumentFindingsCarryLines(t *testing.T) {
	text := "青山县2024年度法治政府建设情况报告\n一、主要举措和成效\n受理纠纷120件，调解成功110件，成功率98%。\n"
	dir := t.TempDir()
	doc := writeFile(t, filepath.Join(dir, "报告.txt"), []byte(text))
	code, out, _ := run(t, "check", doc)
	if code != ExitFindings || !strings.Contains(out, doc+":3: [prose.rate]") {
		t.Errorf("document finding without its line: %d\n%s", code, out)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "wrong-rate"))
	writeFile(t, filepath.Join(dir, "sub", "b.yml"), draftVariant(t, "clean"))
	writeFile(t, filepath.Join(dir, ".hidden", "c.yaml"), []byte("not: [valid"))
	writeFile(t, filepath.Join(dir, "notes.csv"), []byte("ignored"))
	code, out, errOut := run(t, "check", "--format", "json", dir)
	if code != ExitFindings {
		t.Errorf("exit %d: %s", code, errOut)
	}
	var rep checkReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Version != 1 || len(rep.Files) != 2 || rep.Summary != (checkSummary{Files: 2, Passed: 1, Failed: 1, Errors: 1}) {
		t.Fatalf("unexpected report: %+v", rep)
	}
	a := rep.Files[0]
	if a.Verdict != "failed" || a.Kind != "draft" || a.Template != "standard" || len(a.Findings) != 1 {
		t.Fatalf("file a: %+v", a)
	}
	f := a.Findings[0]
	if f.Rule != check.RuleFigureRate || f.Figure != "mediation_success_rate" || f.Line == 0 ||
		f.Stated == nil || *f.Stated != 90 || f.Computed == nil {
		t.Errorf("rate finding: %+v", f)
	}
	// The evidence names the numbers used and every denominator tried.
	if ev := f.Evidence; ev == nil || len(ev.Numbers) != 2 || ev.Numbers[0].Role != "stated" || len(ev.Denominators) == 0 ||
		ev.Denominators[0].Rate != *f.Computed {
		t.Errorf("evidence: %+v", f.Evidence)
	}
	if !strings.Contains(out, `"denominators": [`) {
		t.Errorf("no denominators in the JSON:\n%s", out)
	}
	// Severity is spelled out, not a number.
	if !strings.Contains(out, `"severity": "error"`) {
		t.Errorf("severity not a word:\n%s", out)
	}
}

func TestCheckCSV(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "clean"))
	writeFile(t, filepath.Join(dir, "b.yaml"), draftVariant(t, "empty"))
	_, out, _ := run(t, "check", "--format", "csv", dir)
	if !strings.HasPrefix(out, "\ufeff") {
		t.Fatal("CSV lacks the UTF-8 BOM Excel needs")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || strings.Join(rows[0], ",") != "文件,结论,完整度,错误,警告,提示" {
		t.Fatalf("rows: %q", rows)
	}
	if rows[1][1] != "通过" || rows[1][2] != "100" || rows[2][1] != "未通过" || rows[2][3] != "1" {
		t.Errorf("rows: %q", rows)
	}
}

func TestCheckRulesList(t *testing.T) {
	code, out, _ := run(t, "check", "--rules")
	if code != ExitOK {
		t.Errorf("exit %d", code)
	}
	for _, r := range check.Rules() {
		if !strings.Contains(out, r.ID) {
			t.Errorf("--rules lacks %s", r.ID)
		}
	}
	dir := t.TempDir()
	raw, _ := templates.Raw("standard")
	custom := strings.Replace(string(raw), "sections:\n", "rules:\n  writing.punct: off\n  section.short: error\nsections:\n", 1)
	path := writeFile(t, filepath.Join(dir, "t.yaml"), []byte(custom))
	_, out, errOut := run(t, "check", "--rules", "--template", path)
	if !regexp.MustCompile(`writing\.punct\s+关闭`).MatchString(out) || !regexp.MustCompile(`section\.short\s+错误`).MatchString(out) {
		t.Errorf("template settings not shown:\n%s%s", out, errOut)
	}
}

// TestCheckThousandDrafts is the coordinating office's batch: 1,000 drafts
// in a directory tree, checked in one run.
func TestCheckThousandDrafts(t *testing.T) {
	dir := t.TempDir()
	variants := map[string][]byte{}
	for _, v := range []string{"clean", "wrong-rate", "punct", "empty"} {
		variants[v] = draftVariant(t, v)
	}
	want := checkSummary{Files: 1000}
	for i := range 1000 {
		v := "clean"
		switch {
		case i%10 == 3:
			v = "wrong-rate"
		case i%10 == 7:
			v = "punct"
		case i%50 == 1:
			v = "empty"
		}
		switch v {
		case "clean":
			want.Passed++
		case "punct":
			want.Passed++
			want.Warnings++
		default:
			want.Failed++
			want.Errors++
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("区%02d", i%20), fmt.Sprintf("单位%04d.yaml", i)), variants[v])
	}
	code, out, errOut := run(t, "check", "--format", "json", dir)
	if code != ExitFindings {
		t.Errorf("exit %d: %s", code, errOut)
	}
	var rep checkReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Summary != want {
		t.Errorf("summary %+v, want %+v", rep.Summary, want)
	}
	code, out, _ = run(t, "check", dir)
	wantLine := fmt.Sprintf("共 1000 个文件：通过 %d，未通过 %d，无法读取 0；错误 %d，警告 %d，提示 0", want.Passed, want.Failed, want.Errors, want.Warnings)
	if code != ExitFindings || !strings.Contains(out, wantLine) || !strings.Contains(out, "文件") {
		t.Errorf("text summary lacks %q", wantLine)
	}
}

// testStreams returns streams backed by buffer-like writers, never a
// terminal, for cli's tests.
func testStreams(in io.Reader, out, errOut io.Writer) *Streams {
	return &Streams{In: in, Out: out, Err: errOut}
}

// TestGuardedFileCheck: a fault inside one file's check becomes that
// file's error, naming it, instead of a crash that loses the folder.
func TestGuardedFileCheck(t *testing.T) {
	fc := guarded("单位甲.docx", func() *fileCheck {
		var s []int
		_ = s[3] // an index out of range, as a rule's slip would be
		return nil
	})
	if fc == nil || fc.err == nil {
		t.Fatal("a panicking check gave no error")
	}
	if msg := fc.err.Error(); !strings.Contains(msg, "单位甲.docx") || !strings.Contains(msg, "内部错误") {
		t.Errorf("message %q does not name the file and the fault", msg)
	}
	ok := guarded("单位乙.txt", func() *fileCheck { return &fileCheck{path: "单位乙.txt"} })
	if ok.err != nil || ok.path != "单位乙.txt" {
		t.Errorf("a check that ran gave %+v", ok)
	}
}
