package plain

import (
	"errors"
	"os"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/ui"
)

// Guidance is read only when asked for, the help lists every command, n
// walks on, and a number out of range says which numbers there are.
func TestGuidanceHelpAndNavigation(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	out, err := script(t, opts, lines("g", "2", "g", "n", "?", "99", "13", "n", "zz", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "还没有选择章节：请先输入章节编号（l 读出章节列表）。")
	mustLine(t, out, "写作提示：")
	mustLine(t, out, "可写：权责清单动态调整、“放管服”改革、行政许可事项清单管理、优化营商环境的具体措施，以及企业和群众办事时间、环节减少了多少。")
	if strings.Count(out, "可写：权责清单动态调整") != 1 {
		t.Error("guidance read without being asked for")
	}
	mustLine(t, out, "第 3 节：（一）推进行政决策科学化、民主化、法治化。未填写，必填，至少 150 字。")
	for _, c := range []string{"t：写本节正文（可替换或追加，单独一行“.”结束）", "c：检查全文并读出结果", "q：退出（有未保存的修改时会询问）"} {
		mustLine(t, out, c)
	}
	mustLine(t, out, "没有第 99 节：章节编号是 1 到 13。")
	mustLine(t, out, "已是最后一节。")
	mustLine(t, out, "没有“zz”这个命令；输入 ? 查看命令。")
	// A part made of subsections says where they are.
	out, _ = script(t, newDraft(t, t.TempDir(), "d.yaml"), lines("1", "q"))
	mustLine(t, out, "本节下有 8 个小节（第 2 到 9 节），状态按其中最差的一节计。")
}

// The section list uses status words, and they follow the text, the
// figures and the check.
func TestStatusWords(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	r := opts.Report
	r.SetText("other", "暂无。")                     // required, written: 已完成
	r.SetText("plans", "一是继续。")                   // required, short: 未写完
	r.SetText("shortcomings", "存在XXX等问题，原因是待补充。") // placeholder: 有错误
	r.SetText("functions", "")                    // optional, empty
	out, err := script(t, opts, lines("q", "n"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "13. 五、其他需要报告的情况：已完成")
	mustLine(t, out, "12. 四、下一年度推进法治政府建设的主要安排：未写完（5 字，至少 100 字）")
	mustLine(t, out, "10. 二、上一年度推进法治政府建设存在的不足和原因：有错误（1 条，输入 c 检查全文读出）")
	mustLine(t, out, "2. 依法全面履行政府职能：选填，未写")
	mustLine(t, out, "3. （一）推进行政决策科学化、民主化、法治化：未填写")
}

// Report information: a year that is not a year is refused and asked
// again; 清除 empties a field.
func TestMetaRefusesBadYear(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	opts.Report.Contact = "张三"
	out, err := script(t, opts, lines("m", "青山县", "25", "二〇二五", "2025", "", "", "清除", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "年度应当是四位年份，例如 2025；年度没有改动，请重新输入。"); n != 2 {
		t.Errorf("bad year refused %d times:\n%s", n, out)
	}
	r := load(t, opts.Path)
	if r.Unit != "青山县" || r.Year != 2025 || r.Contact != "" {
		t.Errorf("saved %q %d %q", r.Unit, r.Year, r.Contact)
	}
}

// EOF half-way through the figures keeps the figures already answered.
func TestEOFMidFiguresKeepsAnswers(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	out, err := script(t, opts, lines("5", "f", "30", "25"))
	var ended *ui.Ended
	if !errors.As(err, &ended) || ended.Recovery == "" {
		t.Fatalf("got %v\n%s", err, out)
	}
	rec, err := findRecovery(opts.Path)
	if err != nil || rec == nil {
		t.Fatal("no recovery", err)
	}
	for id, v := range map[string]string{"review_received": "30", "review_decided": "25"} {
		if n, ok := rec.Report.Figure(id); !ok || n.Text != v {
			t.Errorf("recovery %s = %+v", id, n)
		}
	}
}

// e hands the section to the drafter's editor and reads it back; without
// an editor it says so; a failed editor or non-UTF-8 file changes nothing
// and loses nothing.
func TestExternalEditor(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	opts.Report.SetText("other", "原文。")
	opts.External = func(file string) error {
		data, _ := os.ReadFile(file)
		return os.WriteFile(file, append(data, []byte("\n外部编辑器里加的一段。\n")...), 0o600)
	}
	out, err := script(t, opts, lines("13", "e", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "已读回外部编辑的内容：本节正文 15 字（尚未保存）。")
	if got := load(t, opts.Path).Text("other"); got != "原文。\n外部编辑器里加的一段。" {
		t.Errorf("saved %q", got)
	}

	opts = newDraft(t, t.TempDir(), "d.yaml")
	out, _ = script(t, opts, lines("13", "e", "q"))
	mustLine(t, out, "没有设置外部编辑器（环境变量 VISUAL 或 EDITOR）；请用 t 逐行输入。")

	opts = newDraft(t, t.TempDir(), "d.yaml")
	opts.External = func(string) error { return errors.New("exit status 1") }
	out, _ = script(t, opts, lines("13", "e", "q"))
	mustLine(t, out, "外部编辑器出错：exit status 1（正文未改动）")

	opts = newDraft(t, t.TempDir(), "d.yaml")
	var kept string
	opts.External = func(file string) error {
		kept = file
		return os.WriteFile(file, []byte{0xc7, 0xe0, 0xc9, 0xbd}, 0o600)
	}
	out, _ = script(t, opts, lines("13", "e", "q"))
	if !strings.Contains(out, "外部编辑的内容不是 UTF-8 文字，未采用（正文未改动）。内容留在 "+kept) || !exists(kept) {
		t.Errorf("non-UTF-8 edit dropped:\n%s", out)
	}
	os.Remove(kept)
}

// A draft written against another template version is offered migration
// as a numbered choice, as in the full editor.
func TestMigrationQuestion(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	opts.Report.Template.Version = 0
	opts.Report.SetText("other", "暂无。")
	if err := opts.Report.Save(opts.Path); err != nil {
		t.Fatal(err)
	}
	o := openDraft(t, opts.Path)
	out, err := script(t, o, lines("1", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "草稿是按模板“standard”第 0 版起草的，现在的模板是“standard”第 1 版。")
	mustLine(t, out, "1. 迁移（或输入 m），直接回车即选此项")
	if !strings.Contains(out, "已迁移到第 1 版；原文件备份为 "+opts.Path+".bak") || !exists(opts.Path+".bak") {
		t.Errorf("no backup said:\n%s", out)
	}
	r := load(t, opts.Path)
	if r.Template.Version != 1 || r.Text("other") != "暂无。" {
		t.Errorf("migrated %+v %q", r.Template, r.Text("other"))
	}

	o = openDraft(t, opts.Path+".bak")
	out, err = script(t, o, lines("q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "已退出，草稿未改动。")
}

// Text that belongs to no section is listed after the sections, read on
// request and deleted only after a yes.
func TestLeftoversAreListedReadAndDeleted(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	opts.Report.Removed = []model.RemovedSection{{ID: "old_part", Title: "旧的一节", Text: "旧模板里写的一段。"}}
	opts.Report.Unmatched = "导入时没有归类的一句话。"
	out, err := script(t, opts, lines("x", "14", "x", "n", "x", "y", "l", "14", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	mustLine(t, out, "另有 2 处不属于任何章节的内容，不会打印：")
	mustLine(t, out, "14. 已移除章节“旧的一节”：9 字")
	mustLine(t, out, "15. 未归类内容：12 字")
	mustLine(t, out, "x 删去不属于任何章节的内容：请先输入它的编号。")
	mustLine(t, out, "第 1 段：旧模板里写的一段。")
	mustLine(t, out, "已删去已移除章节“旧的一节”（尚未保存，输入 s 保存）。")
	mustLine(t, out, "另有 1 处不属于任何章节的内容，不会打印：")
	mustLine(t, out, "第 14 项：未归类内容，不会打印。")
	r := load(t, opts.Path)
	if len(r.Removed) != 0 || r.Unmatched != "导入时没有归类的一句话。" {
		t.Errorf("saved removed=%+v unmatched=%q", r.Removed, r.Unmatched)
	}
}

// A lone "." ends the walk through a section's figures early; the
// findings name the figure command to fix them.
func TestFigureWalkEndsEarly(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	out, err := script(t, opts, lines("5", "f", "30", "25", "5", "50", ".", "q", "n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "第 6 项，") {
		t.Errorf("walk went on after the dot:\n%s", out)
	}
	if !strings.Contains(out, "（输入 f 4 修改）") || !strings.Contains(out, "必填数字“行政应诉案件数”未填写（输入 f 5 修改）") {
		t.Errorf("findings do not say which figure:\n%s", out)
	}
}

// The example 成文日期 follows the year just entered, not the default
// year: a 2022 report is dated early in 2023.
func TestMetaDateExampleFollowsYear(t *testing.T) {
	opts := newDraft(t, t.TempDir(), "d.yaml")
	out, err := script(t, opts, lines("m", "青山县", "2022", "", "", "", "s", "q"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "成文日期（例如 2023年3月1日）") {
		t.Errorf("date example does not follow the year 2022:\n%s", out)
	}
}
