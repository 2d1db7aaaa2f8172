package ui

import (
	"testing"

	"nianbao/model"
)

// TestDatePlaceholderFollowsYear: the example date is in the year after
// the report's year, as typed in the form, and falls back to the usual
// example while the year is not a year.
func TestDatePlaceholderFollowsYear(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, model.NewReport(tm), tm, "", 100, 30)
	mustContain(t, a, "例如 2025年3月1日") // testNow is in 2025: the report is on 2024
	press(t, a, "enter", "ctrl+u")
	typeText(t, a, "2025")
	mustContain(t, a, "例如 2026年3月1日")
	press(t, a, "enter")
	mustContain(t, a, "例如 2026年3月1日")
	press(t, a, "up", "ctrl+u")
	typeText(t, a, "20x")
	mustContain(t, a, "例如 2025年3月1日")

	r := draft(t, tm)
	r.Year = 2022
	b := newTestApp(t, r, tm, "", 100, 30)
	press(t, b, "f4")
	mustContain(t, b, "例如 2023年3月1日")
}

// TestSuggestedYearIsReplacedByTyping: the year nianbao suggests for a
// new draft is replaced by the first character typed in its field (it
// used to be appended to: "20242023"); an editing key edits it instead,
// and a year the draft already had is edited as any text is.
func TestSuggestedYearIsReplacedByTyping(t *testing.T) {
	tm := stdTemplate(t)
	a := newTestApp(t, model.NewReport(tm), tm, "", 100, 30)
	press(t, a, "enter") // to the year field, holding the suggested 2024
	mustContain(t, a, "2024", "直接输入即替换")
	typeText(t, a, "2")
	typeText(t, a, "023")
	mustContain(t, a, "年　　度  2023")
	mustNotContain(t, a, "直接输入即替换", "20242023")
	press(t, a, "enter")
	if got := a.c.report.Year; got != 2023 {
		t.Errorf("report year %d, want 2023", got)
	}

	b := newTestApp(t, model.NewReport(tm), tm, "", 100, 30)
	press(t, b, "enter", "backspace") // an edit of the suggestion, not a replacement
	typeText(t, b, "3")
	mustContain(t, b, "年　　度  2023")

	r := draft(t, tm)
	r.Year = 2022
	c := newTestApp(t, r, tm, "", 100, 30)
	press(t, c, "f4", "down")
	mustNotContain(t, c, "直接输入即替换")
	typeText(t, c, "1")
	mustContain(t, c, "20221")
}
