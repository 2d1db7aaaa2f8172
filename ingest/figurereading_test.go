package ingest

import (
	"maps"
	"testing"

	"nianbao/model"
)

// TestFigureReadingReusedOnlyForSameText: the importer's reading of the
// figures stands for the check's while the report's text and template are
// the ones it read, and is refused after any edit of a section it read,
// or for another template.
func TestFigureReadingReusedOnlyForSameText(t *testing.T) {
	tpl := loadTemplate(t, "standard")
	r := model.NewReport(tpl)
	var sec string
	for _, s := range tpl.Flatten() {
		if len(s.Figures) > 0 && !isPlans(s) {
			sec = s.ID
			break
		}
	}
	if sec == "" {
		t.Fatal("the standard template has no section with figures")
	}
	r.SetText(sec, "全年共办理行政复议案件96件，审结88件。")
	fr := ReadFigureReading(tpl, r)
	got, same := fr.For(tpl, r)
	if !same || !maps.Equal(got, ReadFigures(tpl, r)) || len(got) == 0 {
		t.Fatalf("unchanged text: reused=%v, %v, want the fresh reading %v", same, got, ReadFigures(tpl, r))
	}
	r.SetText(sec, "全年共办理行政复议案件97件，审结88件。")
	if _, same := fr.For(tpl, r); same {
		t.Errorf("a changed section was given the old reading")
	}
	if _, same := fr.For(loadTemplate(t, "standard"), r); same {
		t.Errorf("another template (another load) was given the reading")
	}
	var none *FigureReading
	if _, same := none.For(tpl, r); same {
		t.Errorf("no reading was taken for one")
	}
}
