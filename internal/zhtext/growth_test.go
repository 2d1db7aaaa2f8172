package zhtext

import (
	"strings"
	"sync/atomic"
	"testing"
)

// scanned runs f with the Scanned meter set and returns the bytes the
// sentence scans examined.
func scanned(f func()) int64 {
	var m atomic.Int64
	Scanned = &m
	defer func() { Scanned = nil }()
	f()
	return m.Load()
}

// walk finds the sentence of every 率 in a line. Careful, it does what the
// check does: a rate inside the sentence already found is skipped, and the
// previous sentence's end bounds the backward search. Careless, every rate
// searches the line afresh, as the check did before it was fixed.
func walk(line string, careful bool) {
	done := 0
	for off := 0; ; {
		k := strings.Index(line[off:], "率")
		if k < 0 {
			return
		}
		pos := off + k
		off = pos + len("率")
		if careful && pos < done {
			continue
		}
		from := 0
		if careful {
			from = done
		}
		_, end := SentenceBounds(line, pos, from)
		done = end
	}
}

// TestSentenceWalkIsLinear: walking a line of n sentences, or one sentence
// of n rates, the careful way examines about 4x the bytes at 4n (the claim
// in SentenceBounds' comment); the careless way is about 16x on the long
// sentence, which the meter must show, or the check's growth tests built
// on it could not fail.
func TestSentenceWalkIsLinear(t *testing.T) {
	line := func(n int) string {
		return strings.Repeat("受理12件，纠错2件，纠错率20%。", n) + strings.Repeat("纠错率20%，", n) + "。"
	}
	const n = 500
	ratio := func(careful bool) float64 {
		small := scanned(func() { walk(line(n), careful) })
		large := scanned(func() { walk(line(4*n), careful) })
		if small == 0 {
			t.Fatal("the meter counted nothing")
		}
		t.Logf("careful=%v: %d bytes scanned at n=%d, %d at 4n", careful, small, n, large)
		return float64(large) / float64(small)
	}
	if r := ratio(true); r > 5 {
		t.Errorf("bounded walk: 4x the input costs %.1fx the scanning, want at most 5x", r)
	}
	if r := ratio(false); r < 10 {
		t.Errorf("unbounded walk: 4x the input costs only %.1fx; the meter cannot tell quadratic from linear", r)
	}
}

// TestClauseStartCounts: the meter counts the bytes ClauseStart walks back.
func TestClauseStartCounts(t *testing.T) {
	s := "受理纠纷，调解成功110件"
	i := strings.Index(s, "110")
	if got := scanned(func() { ClauseStart(s, i) }); got != int64(len("调解成功")) {
		t.Errorf("ClauseStart scanned %d bytes, want %d", got, len("调解成功"))
	}
	if got := scanned(func() { ClauseStart("调解成功", len("调解成功")) }); got != int64(len("调解成功")) {
		t.Errorf("ClauseStart to the line start scanned %d bytes", got)
	}
}
