package workers

import (
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
