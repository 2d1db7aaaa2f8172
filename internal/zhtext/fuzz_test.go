package zhtext

import (
	"strconv"
	"testing"
)

// FuzzNumbers: any text, valid UTF-8 or not, yields numbers with offsets
// inside it, in order, whose Text parses, and sentence bounds that contain
// the offset asked about.
func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"受理1,200件，办结率９８．５％以上。", "约3.5万余人次", "第3次", "1,", "１２", "\xef\xbc", "率为%", "12.5.6%", "审结率、纠错率分别为92.3%和10.4%", "、分别为1件、"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, n := range Numbers(s) {
			if n.QualStart > n.Start || n.Start < end || n.End <= n.Start || n.End > len(s) {
				t.Fatalf("%q: bad offsets %+v", s, n)
			}
			if _, err := strconv.ParseFloat(n.Text, 64); err != nil {
				t.Fatalf("%q: Text %q does not parse", s, n.Text)
			}
			end = n.End
		}
		_ = FoldDigits(s)
		for _, p := range RespectivePairs(s) {
			if p.SubjectStart >= p.SubjectEnd || p.SubjectEnd > len(s) || p.Value.End > len(s) || p.Value.Start < p.SubjectEnd {
				t.Fatalf("%q: bad pair %+v", s, p)
			}
		}
		for pos := 0; pos <= len(s); pos += 1 + len(s)/7 {
			a, b := SentenceBounds(s, pos, 0)
			if a > pos || b < pos || b > len(s) {
				t.Fatalf("%q at %d: bounds %d,%d", s, pos, a, b)
			}
			if c := ClauseStart(s, pos); c > pos {
				t.Fatalf("%q at %d: clause start %d", s, pos, c)
			}
		}
	})
}
