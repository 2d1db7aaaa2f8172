package workers

import (
	"runtime/debug"
	"sync/atomic"
	"testing"
)

// TestEachCallsEveryIndexOnce: every index once, whatever the number of
// workers, none for an empty batch.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		for _, jobs := range []int{0, 1, 3, 64} {
			seen := make([]atomic.Int32, n)
			Each(n, jobs, func(i int) { seen[i].Add(1) })
			for i := range seen {
				if c := seen[i].Load(); c != 1 {
					t.Fatalf("n=%d jobs=%d: index %d called %d times", n, jobs, i, c)
				}
			}
		}
	}
}

// TestEachRestoresTheCollectorTarget: a batch raises the collector's
// target while it runs and puts back the one it found.
func TestEachRestoresTheCollectorTarget(t *testing.T) {
	t.Setenv("GOGC", "")
	before := debug.SetGCPercent(150)
	defer debug.SetGCPercent(before)
	var during atomic.Int32
	// One worker: reading the target means setting it, which two
	// workers at once would race on.
	Each(4, 1, func(int) {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		during.Store(int32(p))
	})
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("target after the batch = %d, want the 150 it found", got)
	}
	if during.Load() != batchGCPercent {
		t.Errorf("target during the batch = %d, want %d", during.Load(), batchGCPercent)
	}
}
