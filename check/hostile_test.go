package check

import (
	"strings"
	"testing"

	"nianbao/model"
)

// The inputs below are far beyond any report (a published report is about
// 50 KB) but within what a draft file may hold (16 MB). Before the fixes the
// first two ran for more than five minutes: each rate searched the whole
// line for the ends of its sentence, each count the whole sentence for its
// label. They must now finish like any other text, and the number of
// findings must stay bounded.

func countRule(fs []Finding, rule string) (listed int, overflow *Finding) {
	for i, f := range fs {
		if f.Rule != rule {
			continue
		}
		if strings.Contains(f.Message, "未逐条列出") {
			overflow = &fs[i]
			continue
		}
		listed++
	}
	return listed, overflow
}

func TestManyRatesInOneLine(t *testing.T) {
	const n = 100000
	right := strings.Repeat("全年受理行政复议案件12件，审结10件，纠错2件，纠错率20%。", n)
	tp := standard(t)
	r := model.NewReport(tp)
	r.Unit, r.Year = "青山县人民政府", 2024
	r.SetText("disputes", right)
	if listed, _ := countRule(Report(tp, r).Findings, RuleProseRate); listed != 0 {
		t.Errorf("consistent rates flagged %d times", listed)
	}
	wrong := strings.Repeat("全年受理行政复议案件12件，审结10件，纠错2件，纠错率30%。", n)
	r.SetText("disputes", wrong)
	listed, over := countRule(Report(tp, r).Findings, RuleProseRate)
	if listed != maxFindingsPerRule || over == nil {
		t.Fatalf("listed %d findings, overflow %v", listed, over)
	}
	if over.Count != n-maxFindingsPerRule || over.Section != "disputes" ||
		!strings.Contains(over.Message, "同类问题另有 99950 处，未逐条列出（只列出前 50 处）") {
		t.Errorf("overflow finding %+v", *over)
	}
	// The same text as a document: findings carry the line.
	listed, over = countRule(Text(wrong), RuleProseRate)
	if listed != maxFindingsPerRule || over == nil || over.Line != 1 {
		t.Errorf("document: listed %d, overflow %+v", listed, over)
	}
}

func TestOneSentenceOfManyCounts(t *testing.T) {
	// No sentence end and no comma: every count's label reaches back to
	// the previous count only.
	text := strings.Repeat("受理1件", 1<<19) + "成功率50%。"
	fs := Text(text)
	if listed, _ := countRule(fs, RuleProseRate); listed != 0 {
		t.Errorf("a run of half a million counts produced %d rate findings", listed)
	}
	// A normal sentence right after it is still checked.
	fs = Text(text + "受理纠纷100件，调解成功90件，成功率80%。")
	if listed, _ := countRule(fs, RuleProseRate); listed != 1 {
		t.Errorf("sentence after the long one: %d rate findings", listed)
	}
}

func TestFindingsPerRuleAreCapped(t *testing.T) {
	fs := Text(strings.Repeat("一、工作情况\n", 1000))
	listed, over := countRule(fs, RuleNumbering)
	if listed != maxFindingsPerRule || over == nil {
		t.Fatalf("listed %d, overflow %v", listed, over)
	}
	// The first heading is fine; the other 999 repeat it.
	if over.Count != 999-maxFindingsPerRule || over.Line != maxFindingsPerRule+2 || over.Severity != defaultSeverity(RuleNumbering) {
		t.Errorf("overflow %+v", *over)
	}
	// Summarised rules stay one finding however often they fire.
	fs = Text(strings.Repeat("加强管理,完善制度。\n", 100000))
	if listed, over := countRule(fs, RuleHalfWidthPunct); listed != 1 || over != nil || fs[0].Count != 100000 {
		t.Errorf("punctuation: listed %d overflow %v", listed, over)
	}
}

// TestNegativeCount: a count below zero is an error even when the template
// sets no lower bound (the embedded templates set min: 0).
func TestNegativeCount(t *testing.T) {
	tp, err := model.ParseTemplate("t.yaml", []byte(`id: t
version: 1
sections:
  - id: disputes
    title: 化解纠纷
    figures:
      - {id: cases, label: 受理案件数, unit: 件}
      - {id: amount, label: 调整金额, unit: 万元, kind: amount}
`))
	if err != nil {
		t.Fatal(err)
	}
	r, err := model.ParseReport("d.yaml", []byte("figures:\n  cases: -3\n  amount: -12.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range Report(tp, r).Findings {
		if f.Rule == RuleFigureBounds {
			msgs = append(msgs, f.Message)
		}
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "“受理案件数”是件数、人次一类的计数，不能为负数，实际填写 -3") {
		t.Errorf("bounds findings %q", msgs)
	}
	if defaultSeverity(RuleFigureBounds) != Error {
		t.Errorf("a negative count must be an error")
	}
}

// TestMessagesCarryNoControlCharacters: findings quote the report's own
// text; an escape sequence in it must not reach the terminal.
func TestMessagesCarryNoControlCharacters(t *testing.T) {
	text := "一、总体\n加强\x1b]0;标题\x07管理,完善\x1b[2J制度。\n办理业务\x1b 件。\n"
	fs := Text(text)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if strings.ContainsFunc(f.Message, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Errorf("control character in %q", f.Message)
		}
	}
}

// TestManyPartsInOneSentence: a sentence without an end holding many 其中
// is examined once, not once per 其中 (which would be quadratic).
func TestManyPartsInOneSentence(t *testing.T) {
	line := strings.Repeat("审结40件，其中纠错52件，", 20000)
	fs := Text(line)
	if n := len(findRule(fs, RuleProsePart)); n != 0 {
		t.Errorf("a table of more than %d counts is not prose: %d findings", maxSentenceCounts, n)
	}
	short := strings.Repeat("审结40件，其中纠错52件。", 20000)
	listed, over := countRule(Text(short), RuleProsePart)
	if listed != maxFindingsPerRule || over == nil {
		t.Errorf("listed %d, overflow %v", listed, over)
	}
}
