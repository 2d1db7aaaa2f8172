package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// copyFixture puts one of ingest's fixtures into a fresh directory, so the
// default output name lands there.
func copyFixture(t *testing.T, name, as string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), as)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportWritesDraft(t *testing.T) {
	src := copyFixture(t, "defects-gbk.txt", "青山县2024.txt")
	code, out, errOut := run(t, "import", src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if out != "" {
		t.Errorf("stdout should stay empty, got %q", out)
	}
	for _, want := range []string{"文本，GB18030", "模板 standard", "提取数字 16 个", "未归类 0 字", "删除非正文内容 7 处", "报告单位：青山县；年度：2024"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("summary lacks %q:\n%s", want, errOut)
		}
	}
	draft := strings.TrimSuffix(src, ".txt") + ".yaml"
	r, err := model.LoadReport(draft)
	if err != nil {
		t.Fatal(err)
	}
	if r.Unit != "青山县" || r.Year != 2024 || r.Figures["mediation_success_rate"].Value != 95 ||
		!strings.Contains(r.Sources["mediation_success_rate"], "调解成功率95%") || r.Text("leadership") != "" {
		t.Errorf("draft: unit %q year %d figures %v", r.Unit, r.Year, r.Figures)
	}

	// A second import does not overwrite the draft the drafter may have
	// edited since, unless asked to.
	code, _, errOut = run(t, "import", src)
	if code != ExitInput || !strings.Contains(errOut, "已存在") {
		t.Errorf("overwrite: exit %d %q", code, errOut)
	}
	code, _, errOut = run(t, "import", "--force", "--verbose", src)
	if code != ExitOK {
		t.Fatalf("--force: exit %d %s", code, errOut)
	}
	for _, want := range []string{"章节对应：", "第 12 行 （二）矛盾纠纷化解成效明显", "有效预防调处化解社会矛盾纠纷［disputes］（标题匹配）",
		"提取的数字：", "人民调解成功率 = 95%（第 12 行", "删除的非正文内容（网页残留、Word 目录）：", "第 1 行［网站欢迎语］欢迎访问青山县人民政府网站！"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("--verbose lacks %q:\n%s", want, errOut)
		}
	}
}

func TestImportToStdoutAndTemplate(t *testing.T) {
	src := copyFixture(t, "defects.txt", "a.txt")
	code, out, errOut := run(t, "import", "-o", "-", "--template", "department", src)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r, err := model.ParseReport("stdout", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if r.Template.ID != "department" || r.Text("disputes") == "" {
		t.Errorf("template %q disputes %q", r.Template.ID, r.Text("disputes"))
	}
}

func TestImportChoosesDepartmentTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "局.txt")
	text := "县市场监管局2024年度法治政府建设情况报告\n一、基本情况\n（一）加强组织领导。局主要负责人履行第一责任人职责。\n二、存在的问题\n执法力量不足。\n三、下一步工作打算\n加强执法培训。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "import", "-o", "-", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "id: department") || !strings.Contains(out, "leadership: |-\n    加强组织领导。") {
		t.Errorf("department draft:\n%s", out)
	}
}

func TestImportUnreadable(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "坏.docx")
	if err := os.WriteFile(bad, []byte("PK\x03\x04 truncated"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "没有.txt"), bad} {
		code, _, errOut := run(t, "import", path)
		if code != ExitInput || !strings.Contains(errOut, path) {
			t.Errorf("%s: exit %d %q", path, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "坏.yaml")); err == nil {
		t.Error("no draft may be written for an unreadable document")
	}
	code, _, _ := run(t, "import")
	if code != ExitInput {
		t.Errorf("no argument: exit %d", code)
	}
}

// TestCheckDocument checks the defect report directly: the document is
// imported in memory, and the findings point at its lines. The wrong rate
// is reported once, by the sentence rule, not again by the figure rule
// from the same numbers read back.
func TestCheckDocument(t *testing.T) {
	src := copyFixture(t, "defects-gbk.txt", "青山县.txt")
	code, out, errOut := run(t, "check", src)
	if code != ExitFindings {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	for _, want := range []string{
		"[section.not-found] 警告：文档中没有找到必填章节“三、上一年度党政主要负责人履行", // no leadership part
		"[section.not-found] 警告：文档中没有找到必填章节“五、其他需要报告的情况”（查找的是",
		":11: [prose.blank]",       // 办理行政许可 件
		":12: [prose.rate]",        // 95% stated, 540/600 = 90%
		":12: [writing.numbering]", // （二） twice
		":11: [writing.punct]",     // (二) with ASCII brackets
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "[figure.rate]") {
		t.Errorf("the sentence's wrong rate is reported twice:\n%s", out)
	}
}

// TestCheckCorpus checks the published reports of the reference corpus
// directly and logs what the check finds, for the issue.
func TestCheckCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	for _, name := range []string{"dongchangfu-sfj-2023.txt", "jixi-county-2023.txt"} {
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err != nil {
			t.Skip("corpus absent:", err)
		}
		code, out, errOut := run(t, "check", path)
		t.Logf("check %s: exit %d\n%s%s", name, code, out, errOut)
		if code == ExitInput {
			t.Errorf("%s could not be read", name)
		}
		// Correct or acceptably truncated rates must not be flagged.
		if strings.Contains(out, "figure.rate") || strings.Contains(out, "prose.rate") {
			t.Errorf("%s: a correct rate was flagged", name)
		}
	}
}
