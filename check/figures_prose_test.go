package check

import (
	"strings"
	"testing"

	"nianbao/model"
)

// mismatchCase is one labelled sentence: the prose of a section, the values
// typed into fields, and which figures must be reported as disagreeing.
type mismatchCase struct {
	name    string
	section string
	text    string
	fields  map[string]string
	want    []string // figure ids reported by figure.prose-mismatch
}

var proseMismatchCases = []mismatchCase{
	// Positives: the field says one number, the sentence another.
	{"received, 收到", "disputes", "全年收到行政复议申请25件，依法审结23件。",
		map[string]string{"review_received": "52"}, []string{"review_received"}},
	{"received, 办理…案件", "disputes", "全年共办理行政复议案件32件，均在法定期限内办结。",
		map[string]string{"review_received": "23"}, []string{"review_received"}},
	{"decided, digits swapped", "disputes", "全年收到行政复议申请25件，依法审结23件。",
		map[string]string{"review_received": "25", "review_decided": "32"}, []string{"review_decided"}},
	{"litigation cases", "disputes", "全年发生行政应诉案件18件，败诉2件。",
		map[string]string{"litigation_cases": "81", "litigation_lost": "2"}, []string{"litigation_cases"}},
	{"mediation succeeded", "disputes", "人民调解组织受理矛盾纠纷930件，调解成功921件。",
		map[string]string{"mediation_received": "930", "mediation_succeeded": "912"}, []string{"mediation_succeeded"}},
	{"publicity events in 场次", "publicity", "全年开展普法宣传活动120场次，覆盖群众3000余人次。",
		map[string]string{"publicity_events": "210"}, []string{"publicity_events"}},
	{"audience in 万", "publicity", "组织法治宣传活动86场，受众2.3万人次。",
		map[string]string{"publicity_events": "86", "publicity_audience": "2.3"}, []string{"publicity_audience"}},
	{"rate", "disputes", "全年收到行政复议申请40件，审结40件，纠错4件，纠错率10%。",
		map[string]string{"review_correction_rate": "1"}, []string{"review_correction_rate"}},

	// Negatives: look-alikes that must be left alone.
	{"every field agrees, other figures in the same sentence", "disputes", "全年收到行政复议申请25件，依法审结23件，纠错2件。",
		map[string]string{"review_received": "25", "review_decided": "23", "review_corrected": "2"}, nil},
	{"a neighbour's number is not this field's", "disputes", "全年收到行政复议申请25件，依法审结23件。",
		map[string]string{"review_decided": "23"}, nil},
	{"not received: negation", "disputes", "全年收到行政复议申请25件，其中不予受理3件。",
		map[string]string{"review_received": "25"}, nil},
	{"a change, not a level", "disputes", "行政应诉案件12件，同比减少5件。",
		map[string]string{"litigation_cases": "12"}, nil},
	{"same value written differently", "publicity", "全年开展普法活动1,200场，受众1.5万人次。",
		map[string]string{"publicity_events": "1200", "publicity_audience": "15000"}, nil},
	{"a year is not a count", "disputes", "2024年全年收到行政复议申请25件。",
		map[string]string{"review_received": "25"}, nil},
	{"plans are targets", "plans", "下一年度力争办理行政复议案件40件，调解成功率保持在98%以上。",
		map[string]string{"review_received": "25"}, nil},
	{"field empty: the text is the value", "disputes", "全年收到行政复议申请25件。",
		map[string]string{}, nil},
	{"text states nothing", "disputes", "复议工作稳步推进，办案质量不断提高。",
		map[string]string{"review_received": "25"}, nil},
	{"another unit", "disputes", "行政复议工作人员5人，全年收到行政复议申请25件。",
		map[string]string{"review_received": "25"}, nil},
}

func TestProseMismatchLabelled(t *testing.T) {
	tp := standard(t)
	for _, c := range proseMismatchCases {
		t.Run(c.name, func(t *testing.T) {
			r := model.NewReport(tp)
			r.Unit, r.Year = "青山县人民政府", 2024
			r.SetText(c.section, c.text)
			for id, v := range c.fields {
				n, err := model.ParseNumber(v)
				if err != nil {
					t.Fatal(err)
				}
				r.SetFigure(id, n)
			}
			var got []string
			for _, f := range Report(tp, r).Findings {
				if f.Rule != RuleFigureProse {
					continue
				}
				got = append(got, f.Figure)
				if f.Severity != Warning {
					t.Errorf("%s: severity %v, want a warning", f.Figure, f.Severity)
				}
				// The message names both numbers and quotes the sentence.
				typed := r.Figures[f.Figure].Text
				if !strings.Contains(f.Message, typed) || !strings.Contains(f.Message, "“"+string([]rune(c.text)[:10])) {
					t.Errorf("message lacks the field value %s or the sentence: %s", typed, f.Message)
				}
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("reported %v, want %v", got, c.want)
			}
		})
	}
}

// TestProseMismatchNamesBothNumbers pins the message for the issue's own
// example: a field of 52 against 25 in the text.
func TestProseMismatchNamesBothNumbers(t *testing.T) {
	tp := standard(t)
	r := model.NewReport(tp)
	r.SetText("disputes", "全年收到行政复议申请25件，依法审结23件。")
	r.SetFigure("review_received", model.NumberOf(52))
	f, ok := firstOf(Report(tp, r).Findings, RuleFigureProse)
	if !ok {
		t.Fatal("no finding")
	}
	want := "“行政复议收案数”数字栏填写 52件，正文写的是 25件（“全年收到行政复议申请25件，依法审结23件。”）"
	if !strings.HasPrefix(f.Message, want) || f.Section != "disputes" || f.Figure != "review_received" {
		t.Errorf("got %+v", f)
	}
	if f.Stated == nil || *f.Stated != 52 || f.Computed == nil || *f.Computed != 25 {
		t.Errorf("stated/computed: %v %v", f.Stated, f.Computed)
	}
}

// TestProseMismatchQuotesTheParts: a 纠错 count the text gives only by its
// outcomes is quoted as the sum of what it lists, so the drafter sees
// where the number came from.
func TestProseMismatchQuotesTheParts(t *testing.T) {
	tp := standard(t)
	r := model.NewReport(tp)
	r.SetText("disputes", "全年收到行政复议申请52件，审结48件，其中撤销5件、确认违法2件、责令履行1件，其余维持。")
	r.SetFigure("review_corrected", model.NumberOf(7))
	f, ok := firstOf(Report(tp, r).Findings, RuleFigureProse)
	if !ok {
		t.Fatal("no finding")
	}
	want := "“行政复议纠错数”数字栏填写 7件，正文写的是 8件（“撤销5件+确认违法2件+责令履行1件”）"
	if !strings.HasPrefix(f.Message, want) {
		t.Errorf("got %q, want it to start %q", f.Message, want)
	}
	r.SetFigure("review_corrected", model.NumberOf(8))
	if f, ok := firstOf(Report(tp, r).Findings, RuleFigureProse); ok {
		t.Errorf("the sum typed, still: %s", f.Message)
	}
}

// TestProseAtLeastAllOfACount: a figure the text gives as all of a count
// ("审核各类文件19件，均出具合法性审查意见", "受理52件，均已审结") is at least
// that count; a larger field agrees with it, a smaller one does not.
func TestProseAtLeastAllOfACount(t *testing.T) {
	tp := standard(t)
	for _, c := range []struct {
		section, text, figure string
		typed                 float64
		differs               bool
	}{
		{"decisions", "全年审核各类文件19件，均出具合法性审查意见。", "legality_reviews", 216, false},
		{"decisions", "全年审核各类文件19件，均出具合法性审查意见。", "legality_reviews", 19, false},
		{"decisions", "全年审核各类文件19件，均出具合法性审查意见。", "legality_reviews", 12, true},
		{"disputes", "全年受理行政复议案件52件，均已审结。", "review_decided", 55, false},
		{"disputes", "全年受理行政复议案件52件，均已审结。", "review_decided", 50, true},
		// A count stated outright is exact.
		{"disputes", "全年受理行政复议案件52件，审结52件。", "review_decided", 55, true},
	} {
		r := model.NewReport(tp)
		r.SetText(c.section, c.text)
		r.SetFigure(c.figure, model.NumberOf(c.typed))
		_, got := firstOf(Report(tp, r).Findings, RuleFigureProse)
		if got != c.differs {
			t.Errorf("%q with %s = %v: prose mismatch %v, want %v", c.text, c.figure, c.typed, got, c.differs)
		}
	}
}

// TestFigureInTextOnlyIsPresent: a required figure the prose states counts
// as given for completeness; one in neither place is missing; invalid text
// in the field is its own error and does not fall back to the prose.
func TestFigureInTextOnlyIsPresent(t *testing.T) {
	tp, filled := complete(t)
	base := Report(tp, filled)

	textOnly := filled.Snapshot()
	delete(textOnly.Figures, "review_received") // the text says 收到…64件
	res := Report(tp, textOnly)
	if _, ok := firstOf(res.Findings, RuleFigureMissing); ok || res.Completeness != base.Completeness {
		t.Errorf("text-only figure: completeness %v (filled %v), findings %v", res.Completeness, base.Completeness, res.Findings)
	}
	if p, ok := res.Prose["review_received"]; !ok || p.Value.Value != 64 || !strings.Contains(p.Sentence, "64件") {
		t.Errorf("prose reading: %+v", p)
	}

	neither := textOnly.Snapshot()
	neither.SetText("disputes", paragraph(200))
	delete(neither.Figures, "litigation_cases")
	res = Report(tp, neither)
	if f, ok := firstOf(res.Findings, RuleFigureMissing); !ok || f.Severity != Error {
		t.Errorf("figure in neither place: %+v", res.Findings)
	}

	bad := filled.Snapshot()
	bad.SetInvalidFigure("review_received", "1e20")
	res = Report(tp, bad)
	f, ok := firstOf(res.Findings, RuleFigureInvalid)
	if !ok || f.Severity != Error || !strings.Contains(f.Message, "1e20") || f.Section != "disputes" {
		t.Errorf("invalid field: %+v", res.Findings)
	}
	if _, ok := firstOf(res.Findings, RuleFigureMissing); ok {
		t.Error("an invalid field is reported as invalid, not as missing")
	}
	if _, ok := firstOf(res.Findings, RuleFigureProse); ok {
		t.Error("invalid text is not compared with the prose")
	}
	if res.Completeness >= base.Completeness {
		t.Errorf("invalid field still counted: %v vs %v", res.Completeness, base.Completeness)
	}
}

// TestTextOnlyFiguresFeedRelations: a rate field is checked against counts
// the prose states even when their fields are empty.
func TestTextOnlyFiguresFeedRelations(t *testing.T) {
	tp := standard(t)
	r := model.NewReport(tp)
	r.SetText("disputes", "全年收到行政复议申请40件，审结40件，纠错4件。")
	r.SetFigure("review_correction_rate", model.NumberOf(50))
	if _, ok := firstOf(Report(tp, r).Findings, RuleFigureRate); !ok {
		t.Error("rate against text-only counts not checked")
	}
}

func firstOf(fs []Finding, rule string) (Finding, bool) {
	for _, f := range fs {
		if f.Rule == rule {
			return f, true
		}
	}
	return Finding{}, false
}

// A wrong rate written in the prose, with its counts in the same
// sentence and no field filled, is one slip: prose.rate reports it and
// figure.rate, which reads the same numbers back from that sentence, does
// not report it again. When the counts stand elsewhere, so that only the
// figure rule can see the slip, it says the rate was written in the text,
// not typed into a field, and is a warning (the reading paired numbers
// across sentences).
func TestProseRateReportedOnce(t *testing.T) {
	tp := standard(t)
	cases := []struct {
		name, text          string
		proseRate, figRate  int
		figureMessageSubstr string
	}{
		{"slipped decimal, one sentence", "全年收到行政复议申请50件，审结48件，纠错5件，纠错率1.04%。", 1, 0, ""},
		{"over 100%, one sentence", "全年收到行政复议申请50件，审结48件，纠错5件，纠错率110%。", 1, 0, ""},
		// The rate and its counts were paired across sentences by reading
		// the text: a doubt for the drafter to confirm, not an error.
		{"counts one paragraph away", "全年收到行政复议申请50件，审结48件，纠错5件。\n复议工作规范有序，行政复议纠错率为1.04%。", 1, 0, "在正文中写为"},
		{"right rate: nothing", "全年收到行政复议申请50件，审结48件，纠错5件，纠错率10.4%。", 0, 0, ""},
	}
	for _, tc := range cases {
		r := model.NewReport(tp)
		r.SetText("disputes", tc.text)
		res := Report(tp, r)
		prose, fig := 0, 0
		for _, f := range res.Findings {
			switch f.Rule {
			case RuleProseRate, RuleProseRateDoubt:
				prose++
				if f.Figure != "" && tc.figureMessageSubstr != "" && (f.Severity != Warning || !strings.Contains(f.Message, tc.figureMessageSubstr) || !strings.Contains(f.Message, "不同的句子")) {
					t.Errorf("%s: the rate read across sentences should be a warning that says so: %+v", tc.name, f)
				}
			case RuleFigureRate:
				fig++
				if tc.figureMessageSubstr != "" && !strings.Contains(f.Message, tc.figureMessageSubstr) {
					t.Errorf("%s: figure.rate message %q lacks %q", tc.name, f.Message, tc.figureMessageSubstr)
				}
			}
		}
		if tc.proseRate >= 0 && prose != tc.proseRate || fig != tc.figRate {
			t.Errorf("%s: %d prose rate and %d figure.rate findings, want %d and %d: %+v", tc.name, prose, fig, tc.proseRate, tc.figRate, res.Findings)
		}
	}
}

// TestShareOfTheSentenceBefore: a sentence that opens with 其中 breaks
// down the sentence before's whole; a share no count there explains is a
// warning naming where the whole came from, and a right one is quiet.
func TestShareOfTheSentenceBefore(t *testing.T) {
	tp := standard(t)
	for _, c := range []struct {
		text string
		want string // "" for no finding
	}{
		{"全年法律援助受案680件。其中刑事案件420件，占61.8%。", ""},
		{"全年法律援助受案680件。其中刑事案件420件，占16.8%。", "“其中刑事案件420件，占16.8%”与前一句的数字不符：420件 ÷ 680件 = 61.76%，整体取自前一句，请核对"},
		{"上年法律援助受案680件。其中刑事案件420件，占16.8%。", ""},
		// A blank before 占 does not hide the 其中 the sentence opens with.
		{"全年法律援助受案680件。其中刑事案件420件 占16.8%。", "“其中刑事案件420件，占16.8%”与前一句的数字不符：420件 ÷ 680件 = 61.76%，整体取自前一句，请核对"},
	} {
		r := model.NewReport(tp)
		r.SetText("disputes", c.text)
		f, ok := firstOf(Report(tp, r).Findings, RuleProseRateDoubt)
		if _, wrong := firstOf(Report(tp, r).Findings, RuleProseRate); wrong {
			t.Errorf("%q: an error, not a warning", c.text)
		}
		switch {
		case c.want == "" && ok:
			t.Errorf("%q: %s", c.text, f.Message)
		case c.want != "" && (!ok || f.Message != c.want):
			t.Errorf("%q: got %q (found %v), want %q", c.text, f.Message, ok, c.want)
		}
	}
}

// TestCorrectionSumBaseIsNoOutcome: a wrong 纠错率 over outcomes listed
// one by one is compared with the cases decided, never with a fellow
// outcome (维持36件), and with the sentence before's count only as a doubt.
func TestCorrectionSumBaseIsNoOutcome(t *testing.T) {
	tp := standard(t)
	r := model.NewReport(tp)
	r.SetText("disputes", "全年收到行政复议申请52件，审结48件。其中维持36件；撤销5件、确认违法2件、责令履行1件，综合纠错率26.7%。")
	f, ok := firstOf(Report(tp, r).Findings, RuleProseRateDoubt)
	if !ok {
		t.Fatalf("no doubt: %+v", Report(tp, r).Findings)
	}
	want := "“综合纠错率26.7%”与前后两句中的数字不符：撤销5件+确认违法2件+责令履行1件 ÷ 48件 = 16.67%"
	if !strings.HasPrefix(f.Message, want) {
		t.Errorf("got %q, want it to start %q", f.Message, want)
	}
	r.SetText("disputes", "全年收到行政复议申请52件，审结48件。其中维持36件；撤销5件、确认违法2件、责令履行1件，综合纠错率16.7%。")
	for _, f := range Report(tp, r).Findings {
		if f.Rule == RuleProseRate || f.Rule == RuleProseRateDoubt {
			t.Errorf("the right rate: %s", f.Message)
		}
	}
}
