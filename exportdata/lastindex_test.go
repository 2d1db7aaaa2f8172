package exportdata

import (
	"strings"
	"testing"
)

func TestLastIndexEqualsStrings(t *testing.T) {
	for _, c := range [][2]string{{"aaa", "aa"}, {"", "a"}, {"a", ""}, {"", ""}, {"x=====y=====", "====="}, {"报告=====以下", "====="}, {"abc", "d"}} {
		if got, want := lastIndex(c[0], c[1]), strings.LastIndex(c[0], c[1]); got != want {
			t.Errorf("lastIndex(%q, %q) = %d, want %d", c[0], c[1], got, want)
		}
	}
}
