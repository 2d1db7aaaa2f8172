// Package workers runs independent pieces of a batch on every core: the
// files of a folder check, the rows of a roll-up.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each runs fn(0..n-1) on jobs workers (0: one per core), each taking the
// next index as it finishes one, so one slow file does not hold up a
// fixed share of the rest. Each call must write only its own result slot;
// the order of the results is then the order of the input.
func Each(n, jobs int, fn func(i int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	workers := min(jobs, n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}
