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

func TestAfterComparison(t *testing.T) {
	for _, c := range []struct {
		prefix string
		want   bool
	}{
		{"较上年的", true},
		{"较2025年的", true},
		{"比上年同期的", true},
		{"比去年同期的", true},
		{"与上年的", true},
		{"与2019年的", true},
		{"与上年度的", true},
		{"同比增加", true},
		{"较上年增加", true},
		{"比上年减少了", true},
		{"比去年同期的230件减少", true},
		{"较上年的450件下降", true}, // a change, whatever its unit
		{"全年调解成功矛盾纠纷", false},
		{"较2026年的", false}, // the report's own year
		{"比例", false},
		{"与上年相比受理", false}, // the comparison closed, this year's count
		{"占比", false},
		{"同比增长12.9%，办结", false},
		{"受理", false},
		{"全年受理信访事项150件，与2019年的125件相比有所增加，按期办结", false},
	} {
		if got := AfterComparison(c.prefix, 2026); got != c.want {
			t.Errorf("AfterComparison(%q) = %v, want %v", c.prefix, got, c.want)
		}
	}
	if AfterComparison("较2019年的", 0) {
		t.Error("a year in digits is not known to be another when the report's year is not known")
	}
}
