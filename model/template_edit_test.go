package model

import (
	"strings"
	"testing"
)

const editYAML = `id: t
version: 1
sections:
  - id: a
    title: 甲
    sections:
      - id: a1
        title: 甲一
        figures:
          - id: recv
            label: 收案
            unit: 件
          - id: done
            label: 审结
            unit: 件
            le: recv
          - id: rate
            label: 纠错率
            unit: '%'
            kind: percent
            rate:
              numerator: done
              denominator: [recv]
      - id: a2
        title: 甲二
  - id: b
    title: 乙
  - id: c
    title: 丙
`

func editTemplate(t *testing.T) *Template {
	t.Helper()
	tp, err := ParseTemplate("t.yaml", []byte(editYAML))
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

// shape renders the tree as "id(level)[children]" so a test states the
// whole expected structure in one string.
func shapeOf(list []*Section) string {
	var parts []string
	for _, s := range list {
		p := s.ID + "(" + string(rune('0'+s.Level)) + ")"
		if len(s.Sections) > 0 {
			p += "[" + shapeOf(s.Sections) + "]"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

func TestAddSection(t *testing.T) {
	tp := editTemplate(t)
	s, err := tp.AddSection("a1", false, "", "数据安全")
	if err != nil || s.ID != "section_1" {
		t.Fatalf("got %v %v", s, err)
	}
	c, err := tp.AddSection("b", true, "", "Data Security 2")
	if err != nil || c.ID != "data_security_2" || c.Level != 2 {
		t.Fatalf("got %+v %v", c, err)
	}
	if _, err := tp.AddSection("", false, "", "末尾"); err != nil {
		t.Fatal(err)
	}
	if _, err := tp.AddSection("b", false, "a", "重复"); err == nil {
		t.Fatal("duplicate id accepted")
	}
	if _, err := tp.AddSection("nope", false, "", "x"); err == nil {
		t.Fatal("missing anchor accepted")
	}
	want := "a(1)[a1(2) section_1(2) a2(2)] b(1)[data_security_2(2)] c(1) section_2(1)"
	if got := shapeOf(tp.Sections); got != want {
		t.Fatalf("shape\n got %s\nwant %s", got, want)
	}
}

func TestMoveIndentOutdentKeepIDsAndChildren(t *testing.T) {
	tp := editTemplate(t)
	steps := []struct {
		name string
		op   func() error
		want string
	}{
		{"down a", func() error { return tp.MoveSection("a", 1) }, "b(1) a(1)[a1(2) a2(2)] c(1)"},
		{"up a", func() error { return tp.MoveSection("a", -1) }, "a(1)[a1(2) a2(2)] b(1) c(1)"},
		{"indent b", func() error { return tp.IndentSection("b") }, "a(1)[a1(2) a2(2) b(2)] c(1)"},
		{"indent a2", func() error { return tp.IndentSection("a2") }, "a(1)[a1(2)[a2(3)] b(2)] c(1)"},
		{"indent c", func() error { return tp.IndentSection("c") }, "a(1)[a1(2)[a2(3)] b(2) c(2)]"},
		{"outdent a1", func() error { return tp.OutdentSection("a1") }, "a(1)[b(2) c(2)] a1(1)[a2(2)]"},
	}
	for _, st := range steps {
		if err := st.op(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := shapeOf(tp.Sections); got != st.want {
			t.Fatalf("%s:\n got %s\nwant %s", st.name, got, st.want)
		}
	}
	if f, s := tp.Figure("rate"); f == nil || s.ID != "a1" {
		t.Fatal("figures must travel with their section")
	}
	for _, bad := range []func() error{
		func() error { return tp.MoveSection("a", -1) },
		func() error { return tp.MoveSection("a1", 1) },
		func() error { return tp.IndentSection("a") },
		func() error { return tp.OutdentSection("a") },
		func() error { return tp.OutdentSection("zzz") },
	} {
		if err := bad(); err == nil {
			t.Fatal("impossible move accepted")
		}
	}
}

func TestDeleteSectionDropsRelations(t *testing.T) {
	tp := editTemplate(t)
	if _, err := tp.AddFigure("b", Figure{ID: "part", Label: "部分", LE: []string{"recv"}}); err != nil {
		t.Fatal(err)
	}
	s, touched, err := tp.DeleteSection("a")
	if err != nil || s.ID != "a" || len(s.Sections) != 2 {
		t.Fatalf("got %v %v", s, err)
	}
	if strings.Join(touched, ",") != "part" {
		t.Fatalf("touched %v", touched)
	}
	if f, _ := tp.Figure("part"); len(f.LE) != 0 {
		t.Fatal("relation to a deleted figure kept")
	}
	if shapeOf(tp.Sections) != "b(1) c(1)" {
		t.Fatal(shapeOf(tp.Sections))
	}
}

func TestSectionFields(t *testing.T) {
	tp := editTemplate(t)
	if err := tp.RenameSection("b", "乙（新）"); err != nil {
		t.Fatal(err)
	}
	if err := tp.SetRequired("b", true); err != nil {
		t.Fatal(err)
	}
	if err := tp.SetMinChars("b", 200); err != nil {
		t.Fatal(err)
	}
	if err := tp.SetMinChars("b", -1); err == nil {
		t.Fatal("negative min_chars accepted")
	}
	if err := tp.SetGuidance("b", "写清楚。"); err != nil {
		t.Fatal(err)
	}
	b := tp.Section("b")
	if b.Title != "乙（新）" || !b.Required || b.MinChars != 200 || b.Guidance != "写清楚。" {
		t.Fatalf("%+v", b)
	}
	if err := tp.RenameSection("zz", "x"); err == nil {
		t.Fatal("unknown id accepted")
	}
	if err := tp.SetRule("figure.rate", "error"); err != nil || tp.Rules["figure.rate"] != "error" {
		t.Fatal(err)
	}
	if err := tp.SetRule("figure.rate", "loud"); err == nil {
		t.Fatal("bad level accepted")
	}
	if err := tp.SetRule("figure.rate", ""); err != nil || len(tp.Rules) != 0 {
		t.Fatal("rule not removed")
	}
	out, err := tp.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseTemplate("t.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if nb := back.Section("b"); nb.Title != b.Title || !nb.Required || nb.MinChars != 200 {
		t.Fatalf("round trip lost fields: %+v", nb)
	}
}

func TestFigureEdits(t *testing.T) {
	tp := editTemplate(t)
	f, err := tp.AddFigure("a2", Figure{Label: "Cases", Unit: "件"})
	if err != nil || f.ID != "cases" || f.Kind != KindCount {
		t.Fatalf("%+v %v", f, err)
	}
	if _, err := tp.AddFigure("a2", Figure{ID: "recv", Label: "x"}); err == nil {
		t.Fatal("duplicate figure id accepted")
	}
	if _, err := tp.AddFigure("a2", Figure{Label: "x", Kind: "ratio"}); err == nil {
		t.Fatal("bad kind accepted")
	}
	// Renaming an id rewrites references.
	touched, err := tp.UpdateFigure("recv", Figure{ID: "received", Label: "收案数", Unit: "次"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(touched, ",") != "done,rate" {
		t.Fatalf("touched %v", touched)
	}
	done, _ := tp.Figure("done")
	rate, _ := tp.Figure("rate")
	if done.LE[0] != "received" || rate.Rate.Denominators[0] != "received" {
		t.Fatal("references not renamed")
	}
	if err := tp.SetRate("rate", &Rate{Numerator: "done", Denominators: []string{"received", "cases"}, Tolerance: 0.5}); err != nil {
		t.Fatal(err)
	}
	if err := tp.SetRate("rate", &Rate{Numerator: "done"}); err == nil {
		t.Fatal("rate without denominator accepted")
	}
	if err := tp.SetLE("cases", []string{"received", " ", "received"}); err != nil {
		t.Fatal(err)
	}
	if c, _ := tp.Figure("cases"); len(c.LE) != 1 {
		t.Fatalf("le %v", c.LE)
	}
	// Removing a denominator keeps the rate; removing the numerator drops it.
	touched, err = tp.RemoveFigure("cases")
	if err != nil || strings.Join(touched, ",") != "rate" || len(rate.Rate.Denominators) != 1 {
		t.Fatalf("%v %v %+v", touched, err, rate.Rate)
	}
	if _, err := tp.RemoveFigure("done"); err != nil || rate.Rate != nil {
		t.Fatal("rate kept without numerator")
	}
	if err := tp.MoveFigure("rate", -1); err != nil {
		t.Fatal(err)
	}
	if tp.Section("a1").Figures[0].ID != "rate" {
		t.Fatal("figure not moved")
	}
}

func TestCloneIsDeep(t *testing.T) {
	tp := editTemplate(t)
	c := tp.Clone()
	if err := c.IndentSection("b"); err != nil {
		t.Fatal(err)
	}
	c.Section("a1").Figures[2].Rate.Denominators[0] = "x"
	if shapeOf(tp.Sections) != "a(1)[a1(2) a2(2)] b(1) c(1)" {
		t.Fatal("clone shares sections")
	}
	if f, _ := tp.Figure("rate"); f.Rate.Denominators[0] != "recv" {
		t.Fatal("clone shares rates")
	}
	a, _ := tp.Marshal()
	if string(a) != editYAML {
		t.Fatal("original changed")
	}
	if err := tp.RenameSectionID("b", "bb"); err != nil {
		t.Fatal(err)
	}
	tp.Clone().Section("bb").Formerly[0] = "changed"
	if tp.Section("bb").Formerly[0] != "b" {
		t.Fatal("clone shares former ids")
	}
}

func TestParseTemplateLenient(t *testing.T) {
	bad := strings.Replace(editYAML, "id: b\n", "id: a\n", 1)
	if _, err := ParseTemplate("t.yaml", []byte(bad)); err == nil {
		t.Fatal("strict parse accepted a duplicate id")
	}
	if _, err := ParseTemplateLenient("t.yaml", []byte(bad)); err != nil {
		t.Fatalf("lenient parse: %v", err)
	}
	typeErr := strings.Replace(editYAML, "title: 乙", "title: [乙]", 1)
	if _, err := ParseTemplateLenient("t.yaml", []byte(typeErr)); err == nil {
		t.Fatal("lenient parse accepted a type error")
	}
}

func TestRenameSectionID(t *testing.T) {
	tp := editTemplate(t)
	if err := tp.RenameSectionID("a1", "review"); err != nil {
		t.Fatal(err)
	}
	s := tp.Section("review")
	if s == nil || tp.Section("a1") != nil || strings.Join(s.Formerly, ",") != "a1" {
		t.Fatalf("renamed section %+v", s)
	}
	if f, sec := tp.Figure("rate"); f == nil || sec != s || f.Rate.Numerator != "done" || f.Rate.Denominators[0] != "recv" {
		t.Fatal("figures and their relations must stay with the renamed section")
	}
	if want := "a(1)[review(2) a2(2)] b(1) c(1)"; shapeOf(tp.Sections) != want {
		t.Fatalf("shape %s", shapeOf(tp.Sections))
	}
	for _, bad := range []string{"", "b", "甲", "1x", "a b", "x.y", "_x"} {
		if err := tp.RenameSectionID("review", bad); err == nil {
			t.Errorf("id %q accepted", bad)
		}
	}
	if strings.Join(s.Formerly, ",") != "a1" {
		t.Fatalf("a refused rename changed formerly: %v", s.Formerly)
	}
	// The old id stays reserved: a new section may not take it.
	if _, err := tp.AddSection("b", false, "a1", "新"); err == nil || !strings.Contains(err.Error(), "以前的 id") {
		t.Fatalf("former id reused: %v", err)
	}
	if _, err := tp.AddSection("b", false, "x-2", "新"); err != nil {
		t.Fatal(err)
	}
	if _, err := tp.AddSection("b", false, "新节", "新"); err == nil {
		t.Fatal("non-ASCII id accepted")
	}
	if err := tp.RenameSectionID("review", "reconsideration"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tp.Section("reconsideration").Formerly, ","); got != "a1,review" {
		t.Fatalf("chain formerly %s", got)
	}
	// Renaming back takes the id off the list.
	if err := tp.RenameSectionID("reconsideration", "a1"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tp.Section("a1").Formerly, ","); got != "review,reconsideration" {
		t.Fatalf("after renaming back formerly %s", got)
	}
	if err := tp.RenameSectionID("zz", "yy"); err == nil {
		t.Fatal("unknown section accepted")
	}
}

func TestNewSectionIDAvoidsFormerIDs(t *testing.T) {
	tp := editTemplate(t)
	s, _ := tp.AddSection("c", false, "", "新一")
	if s.ID != "section_1" {
		t.Fatal(s.ID)
	}
	if err := tp.RenameSectionID("section_1", "new_one"); err != nil {
		t.Fatal(err)
	}
	if s, _ := tp.AddSection("c", false, "", "新二"); s.ID != "section_2" {
		t.Fatalf("generated %s, a former id", s.ID)
	}
}

// A renamed section keeps its comments and the keys nianbao does not know
// when saved, and its old id is written as formerly right after the id.
func TestRenameSectionIDRoundTrip(t *testing.T) {
	src := strings.Replace(editYAML, "  - id: b\n    title: 乙\n", "  # 乙部分的说明\n  - id: b\n    title: 乙\n    owner: 办公室\n", 1)
	tp, err := ParseTemplate("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := tp.RenameSectionID("b", "second"); err != nil {
		t.Fatal(err)
	}
	out, err := tp.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := "  # 乙部分的说明\n  - id: second\n    formerly: [b]\n    title: 乙\n    owner: 办公室\n"
	if !strings.Contains(string(out), want) {
		t.Fatalf("saved:\n%s\nwant to contain:\n%s", out, want)
	}
	back, err := ParseTemplate("t.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if s := back.Section("second"); s == nil || strings.Join(s.Formerly, ",") != "b" {
		t.Fatalf("formerly not read back: %+v", s)
	}
	again, err := back.Marshal()
	if err != nil || string(again) != string(out) {
		t.Fatalf("second round trip changed the file: %v\n%s", err, again)
	}
	// The template it was cloned from still has its loaded tree unchanged.
	orig, _ := ParseTemplate("t.yaml", []byte(src))
	c := orig.Clone()
	_ = c.RenameSectionID("b", "second")
	if data, _ := orig.Marshal(); string(data) != src {
		t.Fatal("renaming in a clone changed the original's file")
	}
}

func TestSectionKeywordsRunInAndTemplateInfo(t *testing.T) {
	tp := editTemplate(t)
	if err := tp.SetSectionKeywords("b", []string{" 复议 ", "", "应诉", "复议"}); err != nil {
		t.Fatal(err)
	}
	if err := tp.SetRunIn("b", true); err != nil {
		t.Fatal(err)
	}
	if err := tp.SetRunIn("zz", true); err == nil {
		t.Fatal("unknown section accepted")
	}
	if err := tp.SetFigureKeywords("recv", []string{"收案", " 行政复议 "}); err != nil {
		t.Fatal(err)
	}
	if err := tp.SetFigureKeywords("zz", nil); err == nil {
		t.Fatal("unknown figure accepted")
	}
	tp.SetName(" 县级模板 ")
	tp.SetDescription("县直部门使用。\n")
	if err := tp.SetTitlePattern("{unit}{year}年度法治建设报告"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"{单位}{year}年报告", "{unit}{年度", "{unit}｛year｝"} {
		if err := tp.SetTitlePattern(bad); err == nil {
			t.Errorf("pattern %q accepted", bad)
		}
	}
	if tp.Title("甲县", 2024) != "甲县2024年度法治建设报告" {
		t.Fatal(tp.Title("甲县", 2024))
	}
	out, err := tp.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseTemplate("t.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	b := back.Section("b")
	f, _ := back.Figure("recv")
	if strings.Join(b.Keywords, ",") != "复议,应诉" || !b.RunIn || strings.Join(f.Keywords, ",") != "收案,行政复议" {
		t.Fatalf("round trip lost fields: %+v %+v", b, f)
	}
	if back.Name != "县级模板" || back.Description != "县直部门使用。" || back.TitlePattern != "{unit}{year}年度法治建设报告" {
		t.Fatalf("template info %q %q %q", back.Name, back.Description, back.TitlePattern)
	}
	if err := tp.SetTitlePattern(""); err != nil || tp.Title("甲县", 2024) != "甲县2024年度法治政府建设情况报告" {
		t.Fatal("empty pattern should restore the default")
	}
}
