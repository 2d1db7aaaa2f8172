package followup

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/ingest"
	"nianbao/model"
	"nianbao/templates"
)

// corpusDir holds two published reports of different units (see its
// README); it lives outside the repository and the test skips without it.
const corpusDir = "../../shared/corpus"

func corpusReport(t *testing.T, name string) (*model.Template, *model.Report) {
	t.Helper()
	path := filepath.Join(corpusDir, name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	doc, err := ingest.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Import(doc, tm)
	if err != nil {
		t.Fatal(err)
	}
	return tm, res.Report
}

// TestCorpusPlansAcrossUnits is a negative control on real text: the plans
// of one unit checked against another unit's report should mostly find no
// trace. Real plan items are long and written in slogans, so this measures
// how often slogans alone pass for a follow-up.
func TestCorpusPlansAcrossUnits(t *testing.T) {
	names := []string{"jixi-county-2023.txt", "dongchangfu-sfj-2023.txt"}
	var plans [][]Plan
	var measures [][]Sentence
	for _, n := range names {
		tm, r := corpusReport(t, n)
		p := Attach(r, tm, n, nil)
		items := SplitPlans(p.Plans)
		if len(items) < 5 {
			t.Errorf("%s: plans split into %d items: %q", n, len(items), texts(items))
		}
		plans = append(plans, items)
		measures = append(measures, Measures(tm, r))
	}
	followed, total := 0, 0
	for i := range names {
		other := measures[1-i]
		for _, st := range FollowUp(plans[i], other) {
			total++
			if st.Followed {
				followed++
				t.Logf("%s plan taken as followed by %s: %s ⇐ %s", names[i], names[1-i], st.Plan.Name(), Shorten(st.Match.Sentence.Text, 40))
			}
		}
	}
	t.Logf("plans of one unit taken as followed by another unit's report: %d/%d", followed, total)
	if followed*3 > total {
		t.Errorf("%d of %d plans taken as followed by an unrelated report", followed, total)
	}
}
