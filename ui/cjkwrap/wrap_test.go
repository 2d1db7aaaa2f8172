package cjkwrap

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"nianbao/internal/zhtext"
)

func TestWrapCJK(t *testing.T) {
	text := "写行政复议、行政应诉、人民调解和信访工作的情况。纠错率8.69%，审结23件（一般按审结案件计算）。"
	for w := 8; w <= 40; w++ {
		rows := Lines(text, w)
		if got := strings.Join(rows, ""); got != text {
			t.Fatalf("w=%d: text changed: %q", w, got)
		}
		for i, r := range rows {
			if ansi.StringWidth(r) > w {
				t.Fatalf("w=%d: row %q too wide", w, r)
			}
			first := []rune(r)
			if i > 0 && len(first) > 0 && zhtext.NoBreakBefore(first[0]) {
				t.Fatalf("w=%d: row %d starts with %q: %q", w, i, first[0], rows)
			}
			if i < len(rows)-1 && len(first) > 0 && zhtext.NoBreakAfter(first[len(first)-1]) {
				t.Fatalf("w=%d: row %d ends with an opener: %q", w, i, rows)
			}
		}
		if w >= 10 && strings.Contains(strings.Join(rows, "\n"), "8.\n") {
			t.Fatalf("w=%d: number split: %q", w, rows)
		}
	}
}
