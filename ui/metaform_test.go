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
