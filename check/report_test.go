package check

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

func standard(t testing.TB) *model.Template {
	t.Helper()
	tp, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

// paragraph writes n characters of plausible report prose (our own words).
func paragraph(n int) string {
	const base = "本单位坚持依法行政，健全工作机制，加强队伍建设，强化监督检查，推动各项工作落到实处。"
	var b strings.Builder
	for b.Len() < n*3 {
		b.WriteString(base)
	}
	return string([]rune(b.String())[:n])
}

// complete returns a draft of the standard template that passes every rule.
func complete(t testing.TB) (*model.Template, *model.Report) {
	tp := standard(t)
	r := model.NewReport(tp)
	r.Unit = "青山县人民政府"
	r.Year = 2024
	for _, s := range tp.Flatten() {
		r.SetText(s.ID, paragraph(max(s.MinChars, 60)+20))
	}
	r.SetText("disputes", "全年受理行政复议申请64件，审结60件，纠错6件，纠错率10%。人民调解组织受理纠纷930件，调解成功921件，成功率99.03%。"+paragraph(120))
	r.SetText("plans", "2025年，重点做好以下工作。一是完善决策机制。二是规范执法行为。三是深化普法宣传。"+paragraph(100))
	r.SetText("other", "暂无。")
	set := func(id string, v float64) { r.SetFigure(id, model.NumberOf(v)) }
	set("legality_reviews", 88)
	set("normative_docs_filed", 9)
	set("penalty_cases", 412)
	set("review_received", 64)
	set("review_decided", 60)
	set("review_corrected", 6)
	set("review_correction_rate", 10)
	set("litigation_cases", 23)
	set("litigation_lost", 2)
	r.SetFigure("litigation_loss_rate", model.Number{Value: 8.69, Text: "8.69"})
	set("mediation_received", 930)
	set("mediation_succeeded", 921)
	r.SetFigure("mediation_success_rate", model.Number{Value: 99.03, Text: "99.03"})
	set("publicity_events", 150)
	return tp, r
}

func TestCompleteReportIsClean(t *testing.T) {
	tp, r := complete(t)
	res := Report(tp, r)
	for _, f := range res.Findings {
		t.Errorf("unexpected finding: [%s] %s", f.Rule, f.Message)
	}
	if res.Completeness != 100 || !res.Passed(true) {
		t.Errorf("completeness %v passed %v", res.Completeness, res.Passed(true))
	}
}

func TestStructureRules(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(r *model.Report)
		rule   string
		fires  bool
		detail string
	}{
		{"missing section", func(r *model.Report) { delete(r.Sections, "shortcomings") }, RuleSectionMissing, true, "存在的不足"},
		{"empty section", func(r *model.Report) { r.SetText("leadership", "  \n") }, RuleSectionEmpty, true, "三、"},
		{"short section", func(r *model.Report) { r.SetText("decisions", paragraph(40)) }, RuleSectionShort, true, "只有 40 字"},
		{"placeholder", func(r *model.Report) { r.SetText("enforcement", paragraph(160)+"办理行政处罚案件XXX件。") }, RulePlaceholder, true, "XXX"},
		{"other says 暂无", func(r *model.Report) { r.SetText("other", "暂无") }, RuleSectionEmpty, false, ""},
		{"other says 无。", func(r *model.Report) { r.SetText("other", "无。") }, RuleSectionShort, false, ""},
		{"optional empty", func(r *model.Report) { r.SetText("digital", "") }, RuleSectionEmpty, false, ""},
		{"parent filled by children", func(r *model.Report) { r.SetText("measures", "") }, RuleSectionEmpty, false, ""},
		{"parent and children empty", func(r *model.Report) {
			for _, id := range []string{"measures", "functions", "decisions", "enforcement", "disputes", "publicity", "emergencies", "supervision", "digital"} {
				r.SetText(id, "")
			}
		}, RuleSectionEmpty, true, "主要举措"},
		{"exactly min chars", func(r *model.Report) { r.SetText("decisions", paragraph(150)) }, RuleSectionShort, false, ""},
		{"unit missing", func(r *model.Report) { r.Unit = "" }, RuleMeta, true, "报告单位"},
		{"unit placeholder", func(r *model.Report) { r.Unit = "XX县人民政府" }, RuleMeta, true, "XX"},
		{"unit set", func(r *model.Report) {}, RuleMeta, false, ""},
		{"title placeholder", func(r *model.Report) { r.Title = "XX县2024年度法治政府建设情况报告" }, RuleMeta, true, "标题"},
		{"title year", func(r *model.Report) { r.Title = "青山县2023年度法治政府建设情况报告" }, RuleYearTitle, true, "2023"},
		{"title right", func(r *model.Report) { r.Title = "青山县2024年度法治政府建设情况报告" }, RuleYearTitle, false, ""},
		{"plans year in draft", func(r *model.Report) {
			r.SetText("plans", "2026年，我县将全面完成示范创建。"+paragraph(100))
		}, RuleYearPlans, true, "2026年"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tp, r := complete(t)
			tc.edit(r)
			got := findRule(Report(tp, r).Findings, tc.rule)
			if tc.fires != (len(got) > 0) {
				t.Fatalf("%s fired=%v, want %v: %+v", tc.rule, len(got) > 0, tc.fires, got)
			}
			if tc.fires && !strings.Contains(got[0].Message, tc.detail) {
				t.Errorf("message %q lacks %q", got[0].Message, tc.detail)
			}
		})
	}
}

func TestFigureRules(t *testing.T) {
	num := func(s string) model.Number {
		n, err := model.ParseNumber(s)
		if err != nil {
			panic(err)
		}
		return n
	}
	cases := []struct {
		name  string
		set   map[string]string
		unset []string
		rule  string
		fires bool
		want  string
	}{
		{"missing required", nil, []string{"legality_reviews"}, RuleFigureMissing, true, "合法性审查件数"},
		{"missing optional", nil, []string{"review_decided"}, RuleFigureMissing, false, ""},
		{"rate over 100", map[string]string{"review_correction_rate": "120"}, nil, RuleFigureBounds, true, "大于上限 100"},
		{"negative count", map[string]string{"penalty_cases": "-3"}, nil, RuleFigureBounds, true, "小于下限"},
		{"fractional count", map[string]string{"penalty_cases": "12.5"}, nil, RuleFigureBounds, true, "整数"},
		{"rate at 100", map[string]string{"mediation_received": "921", "mediation_success_rate": "100"}, nil, RuleFigureBounds, false, ""},
		{"part over whole", map[string]string{"litigation_lost": "30"}, nil, RuleFigureLE, true, "大于“行政应诉案件数”"},
		{"part equals whole", map[string]string{"litigation_lost": "23", "litigation_loss_rate": "100"}, nil, RuleFigureLE, false, ""},
		{"wrong rate", map[string]string{"mediation_received": "7004", "mediation_succeeded": "6196", "mediation_success_rate": "98"}, nil, RuleFigureRate, true, "88.46%"},
		{"truncated rate", map[string]string{"litigation_loss_rate": "8.69"}, nil, RuleFigureRate, false, ""},
		{"rounded rate", map[string]string{"litigation_loss_rate": "8.7"}, nil, RuleFigureRate, false, ""},
		{"integer truncation", map[string]string{"litigation_loss_rate": "8"}, nil, RuleFigureRate, false, ""},
		{"alternative denominator", map[string]string{"review_correction_rate": "9.37"}, nil, RuleFigureRate, false, ""},
		{"neither denominator", map[string]string{"review_correction_rate": "25"}, nil, RuleFigureRate, true, "其他可选分母"},
		{"denominator unset", map[string]string{"litigation_loss_rate": "50"}, []string{"litigation_cases"}, RuleFigureRate, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tp, r := complete(t)
			for id, v := range tc.set {
				r.SetFigure(id, num(v))
			}
			for _, id := range tc.unset {
				delete(r.Figures, id)
			}
			got := findRule(Report(tp, r).Findings, tc.rule)
			if tc.fires != (len(got) > 0) {
				t.Fatalf("%s fired=%v, want %v: %+v", tc.rule, len(got) > 0, tc.fires, got)
			}
			if !tc.fires {
				return
			}
			f := got[0]
			if !strings.Contains(f.Message, tc.want) {
				t.Errorf("message %q lacks %q", f.Message, tc.want)
			}
			if f.Figure == "" || f.Section != "disputes" && f.Section != "decisions" && f.Section != "enforcement" {
				t.Errorf("finding not located: %+v", f)
			}
			if tc.rule == RuleFigureRate && (f.Stated == nil || f.Computed == nil) {
				t.Errorf("rate finding lacks stated/computed values: %+v", f)
			}
		})
	}
}

func TestCompleteness(t *testing.T) {
	tp, r := complete(t)
	// standard: 10 required sections (measures, decisions, enforcement,
	// disputes, publicity, shortcomings, leadership, plans, other) … count
	// them from the template so the test follows template edits.
	var req int
	for _, s := range tp.Flatten() {
		if s.Required {
			req++
		}
	}
	for _, f := range tp.Figures() {
		if f.Required {
			req++
		}
	}
	r.SetText("shortcomings", "")                    // empty: not counted
	r.SetText("leadership", paragraph(10))           // short: not counted
	r.SetFigure("penalty_cases", model.NumberOf(-1)) // out of bounds: not counted
	delete(r.Figures, "publicity_events")            // missing: not counted
	r.SetText("plans", paragraph(120)+"待补充")         // placeholder: not counted
	want := float64(100 * (req - 5) / req)
	if got := Report(tp, r).Completeness; got != want {
		t.Errorf("completeness %v, want %v (of %d items)", got, want, req)
	}
	empty := model.NewReport(tp)
	if got := Report(tp, empty).Completeness; got != 0 {
		t.Errorf("empty draft completeness %v", got)
	}
}

func TestTemplateRuleSettings(t *testing.T) {
	tp, r := complete(t)
	r.SetText("decisions", paragraph(40)+"共受理1 927件。")
	tp.Rules = map[string]string{RuleSectionShort: "off", RuleProseSpace: "error"}
	res := Report(tp, r)
	if got := findRule(res.Findings, RuleSectionShort); len(got) != 0 {
		t.Errorf("rule turned off still reported: %+v", got)
	}
	got := findRule(res.Findings, RuleProseSpace)
	if len(got) != 1 || got[0].Severity != Error {
		t.Fatalf("severity override not applied: %+v", got)
	}
	if len(got[0].Sections) != 1 || got[0].Sections[0] != "decisions" {
		t.Errorf("summary in a draft should name its sections: %+v", got[0])
	}
	if e, _, _ := res.Counts(); e != 1 || res.Passed(false) {
		t.Errorf("counts/verdict wrong: %d %v", e, res.Passed(false))
	}
	cfg := Configured(tp)
	for _, c := range cfg {
		if c.ID == RuleSectionShort && !c.Off || c.ID == RuleProseSpace && c.Severity != Error {
			t.Errorf("Configured wrong for %s: %+v", c.ID, c)
		}
	}
}

func TestOrderAndSeverity(t *testing.T) {
	tp, r := complete(t)
	r.Unit = ""
	r.SetText("plans", "")
	r.SetText("decisions", paragraph(20))
	delete(r.Figures, "legality_reviews")
	res := Report(tp, r)
	var order []string
	for _, f := range res.Findings {
		order = append(order, f.Section+"/"+f.Rule)
	}
	want := []string{"/report.meta", "decisions/figure.missing", "decisions/section.short", "plans/section.empty"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("order %v, want %v", order, want)
	}
	if res.Passed(false) || res.Verdict(false) != "未通过" {
		t.Error("errors must fail the verdict")
	}
}

func TestNilTemplate(t *testing.T) {
	r := model.NewReport(standard(t))
	r.Unit, r.Year = "青山县", 2024
	if res := Report(nil, r); res.Completeness != 100 || len(res.Findings) != 0 {
		t.Errorf("nil template: %+v", res)
	}
}

// Every rule id the package declares (the Rule… string constants of its
// source files, read from the source, so a new rule cannot be left out) is
// listed once by Rules() with a description, and nothing else is.
func TestRulesDocumented(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var decls []ast.Decl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		decls = append(decls, f.Decls...)
	}
	declared := map[string]string{} // rule id → constant name
	for _, d := range decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if !strings.HasPrefix(name.Name, "Rule") || i >= len(vs.Values) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					id, _ := strconv.Unquote(lit.Value)
					declared[id] = name.Name
				}
			}
		}
	}
	if len(declared) < 20 {
		t.Fatalf("read only %d rule constants from the source", len(declared))
	}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] || r.Description == "" {
			t.Errorf("rule %q duplicated or undocumented", r.ID)
		}
		seen[r.ID] = true
		if _, ok := declared[r.ID]; !ok {
			t.Errorf("Rules() lists %q, which no Rule constant declares", r.ID)
		}
	}
	for id, name := range declared {
		if !seen[id] {
			t.Errorf("%s (%q) is missing from Rules()", name, id)
		}
	}
}

func TestDocumentLines(t *testing.T) {
	tp := standard(t)
	text := strings.Join([]string{
		"青山县2024年度法治政府建设情况报告", // 1
		"一、主要举措和成效",           // 2
		"（一）依法决策",             // 3
		"全年审查文件XXX件。",         // 4
		"（三）严格执法",             // 5
		"办理案件52件,办结50件。",      // 6
		"二、2026年工作安排",         // 7
		"一是完善制度。三是强化监督。",      // 8
	}, "\n")
	r := model.NewReport(tp)
	r.Unit, r.Year = "青山县", 2024
	r.SetText("decisions", "全年审查文件XXX件。")
	r.SetText("enforcement", "办理案件52件,办结50件。")
	r.SetText("plans", "一是完善制度。三是强化监督。")
	lines := DocLines{Text: text, Sections: map[string]int{"measures": 2, "decisions": 3, "enforcement": 5, "plans": 7}}
	res := Document(tp, r, lines)
	at := map[string]int{}
	sec := map[string]string{}
	for _, f := range res.Findings {
		if f.Line > 0 && at[f.Rule] == 0 {
			at[f.Rule], sec[f.Rule] = f.Line, f.Section
		}
	}
	want := map[string]int{RulePlaceholder: 4, RuleNumbering: 5, RuleHalfWidthPunct: 6, RuleYearPlans: 7, RuleEnum: 8}
	for rule, line := range want {
		if at[rule] != line {
			t.Errorf("%s at line %d, want %d (%+v)", rule, at[rule], line, res.Findings)
		}
	}
	if sec[RuleNumbering] != "enforcement" || sec[RuleEnum] != "plans" {
		t.Errorf("findings not attributed to sections: %v", sec)
	}
	for i := 1; i < len(res.Findings); i++ {
		if res.Findings[i].Line < res.Findings[i-1].Line {
			t.Errorf("document findings not in line order at %d", i)
		}
	}
	// Without the text, prose findings fall back to the section's line.
	res = Document(tp, r, DocLines{Sections: lines.Sections})
	if got := findRule(res.Findings, RulePlaceholder); len(got) != 1 || got[0].Line != 3 {
		t.Errorf("fallback line wrong: %+v", got)
	}
}

func TestLeftoverTextIsReported(t *testing.T) {
	tm, r := complete(t)
	r.Removed = []model.RemovedSection{{ID: "pilot", Title: "试点工作", Text: "试点的文字。"}, {ID: "empty", Title: "空", Text: "  "}}
	r.Unmatched = "未归类的一段。"
	res := Report(tm, r)
	var got []string
	for _, f := range res.Findings {
		if f.Rule == RuleLeftover {
			if f.Severity != Warning {
				t.Fatalf("severity %v", f.Severity)
			}
			got = append(got, f.Message)
		}
	}
	want := []string{"“已移除章节”中的“试点工作”还有 6 字未处理，不会打印", "“未归类内容”还有 7 字未处理，不会打印"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("leftover findings %q, want %q", got, want)
	}
	// A draft whose leftovers were all moved is clean again.
	r.Removed, r.Unmatched = nil, ""
	if res := Report(tm, r); len(res.Findings) != 0 {
		t.Fatalf("findings %v", res.Findings)
	}
}
