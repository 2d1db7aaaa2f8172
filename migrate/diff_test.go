package migrate

import (
	"strings"
	"testing"

	"nianbao/model"
)

func texts(cs []Change) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return strings.Join(out, "\n")
}

func TestDiffUnchangedIsEmpty(t *testing.T) {
	old := standard(t)
	if cs := Diff(old, old.Clone()); len(cs) != 0 {
		t.Fatalf("unexpected changes:\n%s", texts(cs))
	}
}

func TestDiffReadable(t *testing.T) {
	old := standard(t)
	nt := old.Clone()
	nt.Version = 2
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := nt.AddSection("publicity", false, "data", "数据安全")
	must(err)
	must(nt.SetRequired(s.ID, true))
	_, err = nt.AddFigure("data", model.Figure{ID: "incidents", Label: "数据安全事件", Unit: "起", Required: true})
	must(err)
	_, _, err = nt.DeleteSection("functions")
	must(err)
	must(nt.RenameSection("other", "其他事项"))
	must(nt.SetMinChars("decisions", 200))
	must(nt.SetGuidance("plans", "新说明"))
	must(nt.MoveSection("leadership", -1))
	must(nt.IndentSection("other"))
	pc, _ := nt.Figure("penalty_cases")
	c := *pc
	c.Unit = "次"
	_, err = nt.UpdateFigure("penalty_cases", c)
	must(err)
	must(nt.SetRule("figure.rate", "error"))

	got := texts(Diff(old, nt))
	for _, want := range []string{
		"版本号由 1 改为 2",
		"规则“figure.rate”的级别设为“错误”",
		"新增必填章节“数据安全”（位于“上一年度推进法治政府建设的主要举措和成效”之下）",
		"删除章节“依法全面履行政府职能”（原位于“上一年度推进法治政府建设的主要举措和成效”之下）",
		"章节“其他需要报告的情况”改名为“其他事项”",
		"章节“其他事项”由最上一级移到“下一年度推进法治政府建设的主要安排”之下",
		"章节“推进行政决策科学化、民主化、法治化”的最少字数由 150 字改为 200 字",
		"的填写说明有修改",
		"数字“行政处罚案件数”的单位由“件”改为“次”",
		"在章节“数据安全”中新增必填数字“数据安全事件”（数量，单位“起”）",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diff lacks %q; got:\n%s", want, got)
		}
	}
	// One swap is one move, not a cascade of every later section.
	if n := strings.Count(got, "调整了次序"); n != 1 {
		t.Errorf("want 1 reorder, got %d:\n%s", n, got)
	}
	if !HasStructural(Diff(old, nt)) {
		t.Error("adding sections must be structural")
	}
	text := old.Clone()
	_ = text.SetGuidance("plans", "只改说明")
	if HasStructural(Diff(old, text)) {
		t.Error("guidance is not structural")
	}
}

func TestDiffFigureRemovedAndRelations(t *testing.T) {
	old := standard(t)
	nt := old.Clone()
	if _, err := nt.RemoveFigure("review_decided"); err != nil {
		t.Fatal(err)
	}
	got := texts(Diff(old, nt))
	for _, want := range []string{"删除数字“行政复议审结", "的比率关系由“", "“不超过”关系由"} {
		if !strings.Contains(got, want) {
			t.Errorf("diff lacks %q; got:\n%s", want, got)
		}
	}
}

func TestDiffSectionIDRename(t *testing.T) {
	old := standard(t)
	nt := old.Clone()
	nt.Version = 2
	for _, r := range [][2]string{{"functions", "gov_functions"}, {"measures", "main_measures"}} {
		if err := nt.RenameSectionID(r[0], r[1]); err != nil {
			t.Fatal(err)
		}
	}
	cs := Diff(old, nt)
	got := texts(cs)
	for _, want := range []string{
		"章节“依法全面履行政府职能”的 id 由“functions”改为“gov_functions”",
		"章节“上一年度推进法治政府建设的主要举措和成效”的 id 由“measures”改为“main_measures”",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diff lacks %q; got:\n%s", want, got)
		}
	}
	// Children of a renamed section did not move, its figures did not move,
	// and nothing was removed or added.
	for _, not := range []string{"删除", "新增", "移到", "调整了次序"} {
		if strings.Contains(got, not) {
			t.Errorf("diff says %q for a rename:\n%s", not, got)
		}
	}
	if len(cs) != 3 {
		t.Errorf("want version and two renames, got:\n%s", got)
	}
	// Drafts keep text by id: a rename needs migrating, so a new version.
	if !HasStructural(cs) {
		t.Error("an id rename must be structural")
	}

	// A renamed section that also moved is reported as both, once each.
	if err := nt.OutdentSection("gov_functions"); err != nil {
		t.Fatal(err)
	}
	got = texts(Diff(old, nt))
	if !strings.Contains(got, "章节“依法全面履行政府职能”由“上一年度推进法治政府建设的主要举措和成效”之下移到最上一级") || strings.Contains(got, "删除") {
		t.Errorf("rename and move:\n%s", got)
	}
}

func TestDiffKeywordsRunInDescription(t *testing.T) {
	old := standard(t)
	nt := old.Clone()
	_ = nt.SetSectionKeywords("other", []string{"其他", "暂无"})
	_ = nt.SetRunIn("other", true)
	_ = nt.SetFigureKeywords("penalty_cases", nil)
	nt.SetDescription("新的说明")
	got := texts(Diff(old, nt))
	for _, want := range []string{"模板说明有修改", "章节“其他需要报告的情况”的标题改为接排", "识别关键词", "数字“行政处罚案件数”"} {
		if !strings.Contains(got, want) {
			t.Errorf("diff lacks %q; got:\n%s", want, got)
		}
	}
	if HasStructural(Diff(old, nt)) {
		t.Error("keywords, run_in and description are not structural")
	}
}
