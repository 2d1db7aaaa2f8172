package model

import (
	"strings"
	"testing"
)

// TestCompareSectionsSaysWhatChanged: a report's information that changed
// without changing its length (the year) is named by its fields, and the
// figures are counted as figures, not characters.
func TestCompareSectionsSaysWhatChanged(t *testing.T) {
	old := &Report{Year: 0, Unit: "青山县", Sections: map[string]string{"measures": "甲"}}
	new := &Report{Year: 2026, Unit: "青山县", Contact: "李明", Sections: map[string]string{"measures": "甲乙"},
		Figures: map[string]Number{"penalty_cases": NumberOf(3)}}
	var got []string
	for _, c := range CompareSections(nil, old, new) {
		got = append(got, c.Title+c.Amount())
	}
	want := []string{"报告信息：改动了年度、联系人", "measures：1 → 2 字", "数字：0 → 1 个数字"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("changes = %q, want %q", got, want)
	}
}
