package check

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"nianbao/internal/zhtext"
)

// The check claims linear time on hostile lines (README's hostile-input
// table; the caps in prose.go; part.go's one pass per sentence). These tests
// hold the claim without a clock, which is noisy on shared machines: they
// count work at input sizes n and 4n and require the count to grow at most
// 5x. Two meters are used. zhtext.Scanned counts the bytes the sentence and
// clause scans examine, the work that went quadratic before (each rate
// searching the line for its sentence, each count its sentence for its
// label); zhtext's own test shows it reads about 16x for a quadratic walk.
// Allocation counts cover the detectors that do not use those scans; they
// catch a detector that builds per match what it should build once, but
// not a pure rescan that allocates nothing, so they are the weaker meter.

const maxGrowth = 5.0

type meter func(f func()) int64

// scannedBytes is the work meter of the sentence scans.
func scannedBytes(f func()) int64 {
	var m atomic.Int64
	zhtext.Scanned = &m
	defer func() { zhtext.Scanned = nil }()
	f()
	return m.Load()
}

// allocations is the number of heap allocations made while f ran. Counts,
// not bytes: a slice grown by appending is a few allocations whatever its
// size, while its bytes jump with each doubling and blur the ratio.
func allocations(f func()) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.Mallocs - before.Mallocs)
}

// assertGrowth checks that the work of text(4n) is at most maxGrowth times
// the work of text(n), for check.Text over the line.
func assertGrowth(t *testing.T, m meter, n int, text func(n int) string) {
	t.Helper()
	small, large := text(n), text(4*n)
	ws := m(func() { Text(small) })
	wl := m(func() { Text(large) })
	if ws <= 0 {
		t.Fatalf("no work counted at n=%d", n)
	}
	ratio := float64(wl) / float64(ws)
	t.Logf("n=%d: %d, 4n: %d, ratio %.2f", n, ws, wl, ratio)
	if ratio > maxGrowth {
		t.Errorf("4x the input cost %.1fx the work (%d → %d), want at most %.0fx", ratio, ws, wl, maxGrowth)
	}
}

func TestLinearManyRatesInOneLine(t *testing.T) {
	assertGrowth(t, scannedBytes, 5000, func(n int) string {
		return strings.Repeat("全年受理行政复议案件12件，审结10件，纠错2件，纠错率30%。", n)
	})
}

func TestLinearManyRatesInOneSentence(t *testing.T) {
	assertGrowth(t, scannedBytes, 5000, func(n int) string {
		return strings.Repeat("受理12件，纠错率30%，", n) + "。"
	})
}

func TestLinearOneSentenceOfManyCounts(t *testing.T) {
	assertGrowth(t, scannedBytes, 1<<14, func(n int) string {
		return strings.Repeat("受理1件", n) + "成功率50%。"
	})
}

func TestLinearManyPartsInOneSentence(t *testing.T) {
	assertGrowth(t, scannedBytes, 5000, func(n int) string {
		return strings.Repeat("审结40件，其中纠错52件，", n)
	})
	assertGrowth(t, scannedBytes, 5000, func(n int) string {
		return strings.Repeat("审结40件，其中纠错52件。", n)
	})
}

// TestLinearPublishDetectors: the personal-data detectors (publish*.go)
// walk a line without the sentence scans, so their work is read as heap
// allocations; every line is built from what a detector looks for.
func TestLinearPublishDetectors(t *testing.T) {
	lines := map[string]string{
		"party words":   "申请人张建国、",
		"disputes":      "张伟与刘强",
		"digits":        "13812345678 ",
		"one long run":  "1",
		"groups":        "6222 ",
		"mail":          "a@b.cn@",
		"markings":      "秘密★1年",
		"addresses":     "幸福路8号3栋",
		"unclosed book": "《征求意见稿",
	}
	prefix := map[string]string{"disputes": "纠纷", "addresses": "家住"}
	for name, unit := range lines {
		t.Run(name, func(t *testing.T) {
			// About 100 KB at n, so that slices growing by doubling do
			// not dominate what is allocated.
			assertGrowth(t, allocations, 100000/len(unit), func(n int) string {
				return prefix[name] + strings.Repeat(unit, n)
			})
		})
	}
}
