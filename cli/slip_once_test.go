package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/render"
)

// TestSlippedRateReportedOnce: a rate whose decimal slipped is one error,
// at the sentence, whether the field holds the same number as the text (a
// draft whose drafter typed it twice) or the text was edited after export
// (the field then takes the text's number).
func TestSlippedRateReportedOnce(t *testing.T) {
	count := func(o checkOutcome, rule string) int {
		n := 0
		for _, f := range o.Findings {
			if strings.HasPrefix(f, rule+"|") {
				n++
			}
		}
		return n
	}
	data, err := os.ReadFile("../examples/sample-report.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "纠错率12.5%") || !strings.Contains(string(data), "review_correction_rate: 12.5") {
		t.Fatal("the example no longer states its 纠错率 as 12.5 in text and field")
	}
	slipped := strings.ReplaceAll(strings.ReplaceAll(string(data), "纠错率12.5%", "纠错率1.25%"),
		"review_correction_rate: 12.5", "review_correction_rate: 1.25")
	draft := writeFile(t, filepath.Join(t.TempDir(), "slipped.yaml"), []byte(slipped))
	if o := checkJSON(t, draft); count(o, "prose.rate") != 1 || count(o, "figure.rate") != 0 {
		t.Errorf("draft with the slip in text and field: %q", o.Findings)
	}

	txt := exportTo(t, "../examples/sample-report.yaml", render.FormatText)
	exported, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(exported), "纠错率12.5%", "纠错率1.25%", 1)
	writeFile(t, txt, []byte(edited))
	if o := checkJSON(t, txt); count(o, "prose.rate") != 1 || count(o, "figure.rate") != 0 || count(o, "export.edited") == 0 {
		t.Errorf("export edited to the slip: %q", o.Findings)
	}
}
