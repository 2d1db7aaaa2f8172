package check

import (
	"strings"
	"testing"
)

// In a document every section key exists; a part is there only when the
// import gave it a line. Absent parts are doubtful (another heading may
// hold them) and say what was looked for; a part present without text is
// certain.
func TestDocumentPartAbsentOrEmpty(t *testing.T) {
	tp, r := complete(t)
	r.SetText("other", "")
	r.SetText("shortcomings", "")
	lines := DocLines{Sections: map[string]int{}}
	i := 1
	for _, s := range tp.Flatten() {
		if s.ID != "other" {
			lines.Sections[s.ID] = i // shortcomings keeps its heading line
			i += 2
		}
	}
	res := Document(tp, r, lines)
	nf := findRule(res.Findings, RuleSectionNotFound)
	if len(nf) != 1 || nf[0].Section != "other" || nf[0].Severity != Warning || !strings.Contains(nf[0].Message, "“其他需要报告”") {
		t.Errorf("not-found: %+v", nf)
	}
	empty := findRule(res.Findings, RuleSectionEmpty)
	if len(empty) != 1 || empty[0].Section != "shortcomings" || empty[0].Severity != Error {
		t.Errorf("empty: %+v", empty)
	}
	// The same draft checked as a draft keeps its old findings.
	if fs := findRule(Report(tp, r).Findings, RuleSectionNotFound); len(fs) != 0 {
		t.Errorf("draft: %+v", fs)
	}
}

// A required figure the import did not find is a warning naming the
// keywords and unit looked for; in a draft it stays an error.
func TestDocumentFigureNotFound(t *testing.T) {
	tp, r := complete(t)
	delete(r.Figures, "penalty_cases")
	fs := findRule(Document(tp, r, DocLines{}).Findings, RuleFigureNotFound)
	if len(fs) != 1 || fs[0].Severity != Warning || !strings.Contains(fs[0].Message, "“行政处罚”、以“件”计") {
		t.Errorf("document: %+v", fs)
	}
	fs = findRule(Report(tp, r).Findings, RuleFigureMissing)
	if len(fs) != 1 || fs[0].Severity != Error {
		t.Errorf("draft: %+v", fs)
	}
}

// A required figure given only unit by unit in a table with no total row
// is not missing: the warning says the table lacks its 合计. A table with
// its total, a table of other figures, or one unit's row is the plain
// warning.
func TestDocumentFigureByUnitWithoutTotal(t *testing.T) {
	const head = "单位　行政处罚案件（件）　罚没金额（万元）\n"
	rows := "县市场监管局　486件　312.6万元\n县交通运输局　320件　96.0万元\n"
	for _, c := range []struct {
		name, text string
		byUnit     bool
	}{
		{"no total", "各单位办理情况见下表。\n" + head + rows + "执法规范化水平持续提升。", true},
		{"bare numbers, no total", head + "县市场监管局　486　312.6\n县交通运输局　320　96.0\n", false},
		{"with total", head + rows + "合计　806件　408.6万元", false},
		{"total first", head + "全县合计　806件　408.6万元\n" + rows, false},
		{"one unit", head + "县市场监管局　486件　312.6万元", false},
		{"other figure", "单位　执法检查（次）\n县市场监管局　486次\n县交通运输局　320次", false},
	} {
		tp, r := complete(t)
		delete(r.Figures, "penalty_cases")
		r.Sections["enforcement"] = c.text
		fs := findRule(Document(tp, r, DocLines{}).Findings, RuleFigureNotFound)
		if len(fs) != 1 || strings.Contains(fs[0].Message, "没有“合计”行") != c.byUnit {
			t.Errorf("%s: %+v", c.name, fs)
		}
	}
}

// A short document in which at most one required part was found is not a
// report (a cover letter sent in its place): an error, so the office sends
// it back. One more part found, or a thousand characters, and the rule is
// silent; a draft is never judged this way.
func TestDocumentNotReport(t *testing.T) {
	tp, r := complete(t)
	for _, s := range tp.Flatten() {
		r.SetText(s.ID, "")
	}
	r.SetText("measures", "现将我局年度报告随文报送，请审阅。")
	cases := []struct {
		name  string
		chars int
		parts []string
		want  int
	}{
		{"letter", 120, []string{"measures"}, 1},
		{"nothing found", 30, nil, 1},
		{"just under", notReportChars - 1, []string{"measures"}, 1},
		{"long enough", notReportChars, []string{"measures"}, 0},
		{"two parts", 120, []string{"measures", "shortcomings"}, 0},
	}
	for _, c := range cases {
		lines := DocLines{Text: strings.Repeat("报", c.chars) + "\n \u3000\n", Sections: map[string]int{}}
		for i, id := range c.parts {
			lines.Sections[id] = i + 1
			if id != "measures" {
				r.SetText(id, "存在的不足。")
			}
		}
		fs := findRule(Document(tp, r, lines).Findings, RuleNotReport)
		if len(fs) != c.want || c.want == 1 && (fs[0].Severity != Error || !strings.Contains(fs[0].Message, "不像是年度报告全文")) {
			t.Errorf("%s: %+v", c.name, fs)
		}
		r.SetText("shortcomings", "")
	}
	if fs := findRule(Report(tp, r).Findings, RuleNotReport); len(fs) != 0 {
		t.Errorf("draft: %+v", fs)
	}
}

// A document names its parts by the numbers it printed: with the optional
// （一） left out, nianbao's export prints 推进行政决策 as （一）, and a
// message that said （二） sent the reviewer to the wrong part.
func TestDocumentNamesPartsAsPrinted(t *testing.T) {
	tp, r := complete(t)
	r.SetText("decisions", "")
	text := "青山县2025年度法治政府建设情况报告\n\n　　一、上一年度推进法治政府建设的主要举措和成效\n　　全年依法行政。\n" +
		"　　（一）推进行政决策科学化、民主化、法治化\n"
	lines := DocLines{Text: text, Sections: map[string]int{"measures": 3, "decisions": 5}}
	fs := findRule(Document(tp, r, lines).Findings, RuleSectionEmpty)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "“（一）推进行政决策科学化、民主化、法治化”") {
		t.Errorf("document: %+v", fs)
	}
	// Without a heading on its line the template's number stays, and a
	// draft always has it.
	lines.Sections["decisions"] = 4
	if fs := findRule(Document(tp, r, lines).Findings, RuleSectionEmpty); len(fs) != 1 || !strings.Contains(fs[0].Message, "“（二）推进行政决策") {
		t.Errorf("no heading on the line: %+v", fs)
	}
	if fs := findRule(Report(tp, r).Findings, RuleSectionEmpty); len(fs) != 1 || !strings.Contains(fs[0].Message, "“（二）推进行政决策") {
		t.Errorf("draft: %+v", fs)
	}
}

// A document names its parts by the words it printed, too: a reviewer who
// reads “（一）推进行政决策科学化…” looks for those words and does not find
// “（一）健全依法决策机制”. A run-in heading is quoted up to its first
// sentence, a long one cut.
func TestDocumentNamesPartsByTheirOwnWords(t *testing.T) {
	tp, r := complete(t)
	r.SetText("decisions", "")
	for _, c := range []struct{ heading, want string }{
		{"（一）健全依法决策机制，决策质量稳步提升", "“（一）健全依法决策机制，决策质量稳步提升”"},
		{"（一）健全依法决策机制。全年作出重大行政决策7项", "“（一）健全依法决策机制”"},
		{"（一）坚持依法科学民主决策，健全重大行政决策程序，严格规范性文件备案审查，决策质量明显提升",
			"“（一）坚持依法科学民主决策，健全重大行政决策程序，严格规范性文件备…”"},
		{"（一）推进行政决策科学化、民主化、法治化", "“（一）推进行政决策科学化、民主化、法治化”"},
	} {
		text := "青山县2025年度法治政府建设情况报告\n\n　　一、上一年度推进法治政府建设的主要举措和成效\n　　全年依法行政。\n　　" + c.heading + "\n"
		lines := DocLines{Text: text, Sections: map[string]int{"measures": 3, "decisions": 5}}
		fs := findRule(Document(tp, r, lines).Findings, RuleSectionEmpty)
		if len(fs) != 1 || !strings.Contains(fs[0].Message, c.want) {
			t.Errorf("%s: %+v, want %s", c.heading, fs, c.want)
		}
	}
}
