package progress

import (
	"testing"

	"nianbao/model"
)

func TestOwn(t *testing.T) {
	sec := &model.Section{ID: "decisions", Required: true, MinChars: 10,
		Figures: []*model.Figure{{ID: "legality_reviews", Required: true}, {ID: "major_decisions"}}}
	optional := &model.Section{ID: "digital"}
	none := func(string) bool { return false }
	stated := func(id string) bool { return id == "legality_reviews" }
	empty := &model.Report{Figures: map[string]model.Number{}}
	typed := &model.Report{Figures: map[string]model.Number{"legality_reviews": model.NumberOf(3)}}
	invalid := &model.Report{Figures: map[string]model.Number{}, Invalid: map[string]string{"major_decisions": "三"}}
	for _, c := range []struct {
		name string
		s    *model.Section
		r    *model.Report
		f    Facts
		want Status
	}{
		{"required and empty", sec, empty, Facts{Stated: none}, Missing},
		{"errors", sec, empty, Facts{Chars: 20, Errors: 1, Stated: stated}, Problem},
		{"invalid field before the check", sec, invalid, Facts{Chars: 20, Stated: stated}, Problem},
		{"short", sec, typed, Facts{Chars: 5, Stated: none}, Started},
		{"figure neither typed nor stated", sec, empty, Facts{Chars: 20, Stated: none}, Started},
		{"figure stated in the text", sec, empty, Facts{Chars: 20, Stated: stated}, Done},
		{"figure typed", sec, typed, Facts{Chars: 20, Stated: none}, Done},
		{"no Stated given", sec, typed, Facts{Chars: 20}, Done},
		{"optional and empty", optional, empty, Facts{}, Optional},
		{"optional and written", optional, empty, Facts{Chars: 3}, Done},
	} {
		if got := Own(c.s, c.r, c.f); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestPart(t *testing.T) {
	part := &model.Section{ID: "measures", Required: true}
	if got := Part(part, Done, max(Done, Started, Optional), Facts{}); got != Started {
		t.Errorf("worst subsection: %v", got)
	}
	if got := Part(part, Missing, Optional, Facts{}); got != Missing {
		t.Errorf("required part with nothing written: %v", got)
	}
	// Its own opening paragraph counts once written: with errors in it,
	// the part has a problem however its subsections stand.
	if got := Part(part, Problem, Done, Facts{Chars: 30, Errors: 1}); got != Problem {
		t.Errorf("errors in the opening paragraph: %v", got)
	}
	if got := Part(part, Missing, Done, Facts{}); got != Done {
		t.Errorf("an unwritten opening paragraph is optional: %v", got)
	}
}
