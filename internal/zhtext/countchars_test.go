package zhtext

import "testing"

// countCharsByRune is CountChars as its definition reads: every rune that
// IsCounted, invalid bytes counted one each as range yields them.
func countCharsByRune(s string) int {
	n := 0
	for _, r := range s {
		if IsCounted(r) {
			n++
		}
	}
	return n
}

func TestCountCharsMatchesDefinition(t *testing.T) {
	for _, s := range []string{
		"", "法治政府建设", "一是\u2002二是", "全角\u3000空格", "\ufeff开头", "a b\tc\n",
		"\xe4\xb8", "\xe4\xb8\xad\xe4", "\xed\xa0\x80", "\xe0\x80\x80", "\xee\x80\x80私用", "\xf0\x9f\x98\x80表情",
		"\u00a0\u1680\u200b\u202f\u205f\u2060", "１２３％", "\xc2", "\xff\xfe",
	} {
		if got, want := CountChars(s), countCharsByRune(s); got != want {
			t.Errorf("CountChars(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzCountChars(f *testing.F) {
	f.Add("法治政府\u3000建设\n")
	f.Add("\xe4\xb8\xad\xe4\xb8")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CountChars(s), countCharsByRune(s); got != want {
			t.Fatalf("CountChars(%q) = %d, want %d", s, got, want)
		}
	})
}

// PlainWideAt takes whole ideographs and leaves blanks, marks, a character
// cut short and anything outside its ranges to a full decode.
func TestPlainWideAt(t *testing.T) {
	for _, c := range []struct {
		s    string
		i    int
		want bool
	}{
		{"法治", 0, true}, {"法治", 3, true}, {"法治", 6, false}, {"\u3000", 0, false}, {"“", 0, false},
		{"、", 0, false}, {"\ufeff", 0, false}, {"\xe4\xb8", 0, false}, {"a法", 0, false}, {"a法", 1, true},
		{"\u4000", 0, true}, {"\u3fff", 0, false}, {"\ue000", 0, true}, {"\ud7a3", 0, false},
	} {
		if got := PlainWideAt(c.s, c.i); got != c.want {
			t.Errorf("PlainWideAt(%q, %d) = %v, want %v", c.s, c.i, got, c.want)
		}
	}
}
