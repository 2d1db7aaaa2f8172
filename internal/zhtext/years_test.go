package zhtext

import "testing"

func TestLedByAnotherYear(t *testing.T) {
	for _, tc := range []struct {
		clause string
		year   int
		want   bool
	}{
		{"2023年全县收到行政复议申请", 2024, true},
		{"2024年全县收到行政复议申请", 2024, false},
		{"去年受理", 2024, true},
		{"上年结转", 2024, true},
		{"上年同期为", 2024, true},
		{"2023年以来，今年", 2024, false}, // names the report's year too
		{"全年收到行政复议申请", 2024, false},
		{"2023年受理", 0, false}, // year not known
		{"12023年", 2024, false},
		{"　上年受理", 2024, true}, // an indent first
	} {
		if got := LedByAnotherYear(tc.clause, tc.year); got != tc.want {
			t.Errorf("LedByAnotherYear(%q, %d) = %v, want %v", tc.clause, tc.year, got, tc.want)
		}
	}
}

func TestLedByThisYear(t *testing.T) {
	for _, tc := range []struct {
		clause string
		year   int
		want   bool
	}{
		{"今年受理", 2024, true},
		{"全年收到", 2024, true},
		{"2024年调解成功率", 2024, true},
		{"2023年调解成功率", 2024, false},
		{"2024年调解成功率", 0, false},
		{"上年受理", 2024, false},
		{"受理", 2024, false},
	} {
		if got := LedByThisYear(tc.clause, tc.year); got != tc.want {
			t.Errorf("LedByThisYear(%q, %d) = %v, want %v", tc.clause, tc.year, got, tc.want)
		}
	}
}
