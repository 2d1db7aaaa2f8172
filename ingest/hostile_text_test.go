package ingest

import (
	"strings"
	"testing"
)

// TestHostileTextIsLinear feeds text built to make a careless importer
// quadratic (one huge line of numbers, a sentence without a stop, tens of
// thousands of headings); each must import in well under the time a
// quadratic pass would take.
func TestHostileTextIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	tpl := loadTemplate(t, "standard")
	cases := map[string]string{
		"one long line of numbers": "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n" + strings.Repeat("行政复议受理1件，", 60000),
		"one long sentence":        "一、主要举措和成效\n" + strings.Repeat("行政复议受理", 100000) + "1件",
		"many headings":            strings.Repeat("一、主要举措\n（一）依法决策\n1.执法\n（1）普法\n", 10000),
		"many lines":               strings.Repeat("一是二是三是四是\n", 60000),
	}
	// No wall-clock assertion (the machines are shared): linear work here
	// is well under a second per case, a quadratic regression is hours,
	// which the test binary's timeout reports with the stuck stack.
	for name, text := range cases {
		doc, err := Read("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Import(doc, tpl); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}
