package zhtext

import "testing"

// TestSameCountUnit: cases counted in 件, 起 or 宗 are one kind of count;
// people and events are not cases.
func TestSameCountUnit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"件", "件", true}, {"件", "起", true}, {"宗", "起", true}, {"人次", "人次", true},
		{"件", "次", false}, {"起", "人", false}, {"件", "件次", false}, {"", "件", false},
	} {
		if got := SameCountUnit(c.a, c.b); got != c.want {
			t.Errorf("SameCountUnit(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
