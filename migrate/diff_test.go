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
