package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

// corpusDir holds published reports (see its README); it lives outside the
// repository, so the test skips when it is absent.
const corpusDir = "../../shared/corpus"

func readCorpus(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, name))
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	return string(b)
}

func TestCorpus(t *testing.T) {
	for _, name := range []string{"dongchangfu-sfj-2023.txt", "jixi-county-2023.txt"} {
		t.Run(name, func(t *testing.T) {
			fs := Text(readCorpus(t, name))
			for _, f := range fs {
				t.Logf("%d: [%s] %s：%s (count %d, lines %v)", f.Line, f.Rule, f.Severity.Label(), f.Message, f.Count, f.Lines)
			}
			if len(fs) >= 30 {
				t.Errorf("%d findings: the check floods", len(fs))
			}
			punct := findRule(fs, RuleHalfWidthPunct)
			if len(punct) != 1 || punct[0].Count < 50 {
				t.Errorf("want the scraper's ASCII punctuation once with a count, got %+v", punct)
			}
			for _, f := range fs {
				if f.Severity == Error {
					t.Errorf("no errors expected in a published report: %+v", f)
				}
			}
			switch name {
			case "dongchangfu-sfj-2023.txt":
				sp := findRule(fs, RuleProseSpace)
				if len(sp) != 1 || !strings.Contains(sp[0].Message, "6.5 %") {
					t.Errorf("“6.5 %%” not found: %+v", sp)
				}
			case "jixi-county-2023.txt":
				// 1913/1927 = 99.27%, 2/23 truncated to 8.69%, and a completion
				// rate of 107.39% are all correct.
				if r := findRule(fs, RuleProseRate); len(r) > 0 {
					t.Errorf("correct rates flagged: %+v", r)
				}
				if y := findRule(fs, RuleYearPlans); len(y) > 0 {
					t.Errorf("2024 plans of a 2023 report flagged: %+v", y)
				}
			}
			if n := findRule(fs, RuleNumbering); len(n) > 0 {
				t.Errorf("both reports number their headings correctly: %+v", n)
			}
		})
	}
}

// TestSampleChecksClean keeps the example draft shipped in examples/ free
// of errors and warnings: it is what new users copy.
func TestSampleChecksClean(t *testing.T) {
	r, err := model.LoadReport("../examples/sample-report.yaml")
	if err != nil {
		t.Fatalf("the shipped example draft cannot be loaded: %v", err)
	}
	tp, err := templates.LookupID(r.Template.ID)
	if err != nil {
		t.Fatal(err)
	}
	res := Report(tp, r)
	for _, f := range res.Findings {
		if f.Severity >= Warning {
			t.Errorf("sample: [%s] %s", f.Rule, f.Message)
		}
	}
	if res.Completeness != 100 {
		t.Errorf("sample completeness %v", res.Completeness)
	}
}

// BenchmarkCheck measures a typical complete report (about 3,800 Chinese
// characters, every required figure, a few rates in prose).
func BenchmarkCheck(b *testing.B) {
	tp, r := complete(b)
	// Make it the length of a real report.
	for _, id := range []string{"functions", "decisions", "enforcement", "publicity", "supervision", "leadership"} {
		r.SetText(id, r.Text(id)+"\n"+paragraph(250)+"全年受理投诉举报318件，办结316件，办结率99.37%。\n"+paragraph(120))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res := Report(tp, r)
		if len(res.Findings) != 0 {
			b.Fatalf("typical report should be clean: %+v", res.Findings)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}
