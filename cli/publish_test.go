package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The personal data injected into a draft below; no output may repeat it.
const (
	leakID     = "341802198503121237"
	leakMobile = "13812345678"
	leakName   = "张建国"
)

// leakyDraft is the export fixture with a party's name, mobile number and
// ID number added to its first section.
func leakyDraft(t *testing.T) string {
	t.Helper()
	p := exportDraft(t)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "  measures: |-\n", "  measures: |-\n    申请人"+leakName+"与被申请人李某因宅基地纠纷申请调解，联系电话"+leakMobile+"，身份证号"+leakID+"。\n", 1)
	if s == string(data) {
		t.Fatal("fixture has no measures section")
	}
	return writeFile(t, p, []byte(s))
}

func assertNoLeak(t *testing.T, where, s string) {
	t.Helper()
	for _, v := range []string{leakID, leakMobile, leakName} {
		if strings.Contains(s, v) {
			t.Errorf("%s repeats %q:\n%s", where, v, s)
		}
	}
}

func TestCheckPublishOnlyThisGroup(t *testing.T) {
	draft := leakyDraft(t)
	code, out, errOut := run(t, "check", "--publish", draft)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1:\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"[publish.id-number]", "3418**********1237", "[publish.phone]", "138****5678", "[publish.name]", "张**"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		if !strings.Contains(line, "[publish.") {
			t.Errorf("--publish lists another group: %s", line)
		}
	}
	assertNoLeak(t, "check --publish", out+errOut)

	// The clean fixture passes --publish; its own figure checks do not count.
	if code, out, _ := run(t, "check", "--publish", exportDraft(t)); code != ExitOK {
		t.Errorf("clean draft: exit %d\n%s", code, out)
	}
}

func TestCheckPublishJSONCarriesPositionNotValue(t *testing.T) {
	dir := t.TempDir()
	doc := writeFile(t, filepath.Join(dir, "报告.txt"), []byte("某县2024年度法治政府建设情况报告（征求意见稿）\n一、主要举措和成效\n申请人"+leakName+"的电话是"+leakMobile+"。\n"))
	code, out, _ := run(t, "check", "--publish", "--format", "json", doc)
	if code != ExitFindings {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	assertNoLeak(t, "JSON", out)
	var rep struct {
		Files []struct {
			Findings []struct {
				Rule   string `json:"rule"`
				Line   int    `json:"line"`
				Column int    `json:"column"`
			} `json:"findings"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, f := range rep.Files[0].Findings {
		got[f.Rule] = [2]int{f.Line, f.Column}
	}
	// Columns count characters from 1: 申请人 is 3, the name starts at 4.
	want := map[string][2]int{"publish.draft": {1, 20}, "publish.name": {3, 4}, "publish.phone": {3, 11}}
	for rule, pos := range want {
		if got[rule] != pos {
			t.Errorf("%s at %v, want line/column %v (all: %v)", rule, got[rule], pos, got)
		}
	}
}

func TestExportStopsOnPublishFindings(t *testing.T) {
	draft := leakyDraft(t)
	docx := strings.TrimSuffix(draft, ".yaml") + ".docx"
	code, out, errOut := run(t, "export", draft)
	if code != ExitFindings || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
	if _, err := os.Stat(docx); !os.IsNotExist(err) {
		t.Errorf("a refused export wrote %s (%v)", docx, err)
	}
	for _, want := range []string{"未导出", "3 处", "--allow-unpublishable", "nianbao check --publish"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	assertNoLeak(t, "export summary", errOut)

	// HTML is a copy for publication too; Markdown is a working copy.
	if code, _, _ := run(t, "export", "--format", "html", draft); code != ExitFindings {
		t.Errorf("html export: exit %d, want 1", code)
	}
	if code, _, errOut := run(t, "export", "--format", "md", draft); code != ExitOK || !strings.Contains(errOut, "注意") {
		t.Errorf("md export: exit %d\n%s", code, errOut)
	}

	code, _, errOut = run(t, "export", "--allow-unpublishable", draft)
	if code != ExitOK || !strings.Contains(errOut, "已按 --allow-unpublishable 照常导出") {
		t.Fatalf("--allow-unpublishable: exit %d\n%s", code, errOut)
	}
	if _, err := os.Stat(docx); err != nil {
		t.Errorf("--allow-unpublishable wrote nothing: %v", err)
	}
	assertNoLeak(t, "export warning", errOut)
}

// TestCheckPublishDocxHiddenContent reads a Word file whose visible text is
// clean but which still holds a comment and a tracked deletion with an ID
// number in it.
func TestCheckPublishDocxHiddenContent(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	doc := `<?xml version="1.0"?><w:document ` + ns + `><w:body>` +
		`<w:p><w:r><w:t>某县2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p>` +
		`<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>全年办理行政复议案件32件。</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		`<w:p><w:r><w:t>调解成功</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>申请人身份证号` + leakID + `</w:delText></w:r></w:del><w:r><w:t>。</w:t></w:r></w:p>` +
		`</w:body></w:document>`
	comments := `<?xml version="1.0"?><w:comments ` + ns + `><w:comment w:id="0"><w:p><w:r><w:t>数字请再核对</w:t></w:r></w:p></w:comment></w:comments>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{"word/document.xml": doc, "word/comments.xml": comments} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, filepath.Join(t.TempDir(), "报告.docx"), buf.Bytes())
	code, out, errOut := run(t, "check", "--publish", p)
	if code != ExitFindings {
		t.Fatalf("exit %d:\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"报告.docx:3: [publish.hidden]", "批注 1 处", "报告.docx:4: [publish.hidden]", "未接受的修订（删除）", "3418**********1237"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	assertNoLeak(t, "check --publish of a .docx", out)

	// Importing it says what the file held besides its text.
	code, _, errOut = run(t, "import", "-o", filepath.Join(t.TempDir(), "d.yaml"), p)
	if code != ExitOK || !strings.Contains(errOut, "注意：Word 文件中有批注 1 处、未接受的删除修订 1 处") {
		t.Errorf("import: exit %d\n%s", code, errOut)
	}
	assertNoLeak(t, "import note", errOut)
}

// TestCheckPublishCorpusJSON runs `check --publish --format json` over a
// copy of a published report: clean as published; with personal data
// injected, every piece is found and none appears in the JSON.
func TestCheckPublishCorpusJSON(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpus", "jixi-county-2023.txt"))
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	dir := t.TempDir()
	clean := writeFile(t, filepath.Join(dir, "clean.txt"), data)
	if code, out, _ := run(t, "check", "--publish", "--format", "json", clean); code != ExitOK {
		t.Fatalf("published report: exit %d\n%s", code, out)
	}
	lines := strings.Split(string(data), "\n")
	injected := 0
	for i, l := range lines {
		if len([]rune(l)) > 200 && injected < 3 {
			lines[i] = l + []string{"申请人" + leakName + "不服行政复议决定。", "当事人手机" + leakMobile + "。", "身份证号码" + leakID + "。"}[injected]
			injected++
		}
	}
	leaky := writeFile(t, filepath.Join(dir, "leaky.txt"), []byte(strings.Join(lines, "\n")))
	code, out, _ := run(t, "check", "--publish", "--format", "json", leaky)
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, out)
	}
	assertNoLeak(t, "JSON", out)
	for _, rule := range []string{"publish.name", "publish.phone", "publish.id-number"} {
		if !strings.Contains(out, `"rule": "`+rule+`"`) {
			t.Errorf("%s not found:\n%s", rule, out)
		}
	}
	if strings.Count(out, `"rule": "publish.`) != 3 || strings.Count(out, `"column":`) != 3 {
		t.Errorf("want three findings, each with a column:\n%s", out)
	}
}

// A secrecy marking whose star was inserted from Word's symbol dialog
// (w:sym in Wingdings, not text) is a marking to the publish scan too.
func TestCheckPublishSeesSymbolStar(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	body := `<w:p><w:r><w:t>秘密</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0AB"/></w:r><w:r><w:t>1年</w:t></w:r></w:p>`
	for _, line := range strings.Split(strings.TrimSpace(officeReport), "\n") {
		body += "<w:p><w:r><w:t>" + line + "</w:t></w:r></w:p>"
	}
	docx := zipOf(t, map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"word/document.xml":   []byte(`<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`),
	})
	doc := writeFile(t, filepath.Join(t.TempDir(), "报告.docx"), docx)
	code, out, _ := run(t, "check", "--publish", doc)
	if code != ExitFindings || !strings.Contains(out, "[publish.secret]") || !strings.Contains(out, "秘密★") {
		t.Errorf("exit %d, want a publish.secret finding on 秘密★1年:\n%s", code, out)
	}
}
