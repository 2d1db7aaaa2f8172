// Package workers runs independent pieces of a batch on every core: the
// files of a folder check, the rows of a roll-up.
package workers

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// batchGCPercent is the collector's target while a batch runs. Each piece
// (a report read, imported and checked) allocates a few hundred KB it
// drops when done, over a live heap of a few MB: at Go's default target
// of 100 the collector restarts every dozen files and takes a tenth of
// the CPU. At 400 the heap may grow to five times the live data (tens of
// MB for a folder of reports) and a batch checks about 10% faster
// (BenchmarkCheckDocumentsOneCore with GOGC=100 against unset).
const batchGCPercent = 400

// Each runs fn(0..n-1) on jobs workers (0: one per core), each taking the
// next index as it finishes one, so one slow file does not hold up a
// fixed share of the rest. Each call must write only its own result slot;
// the order of the results is then the order of the input.
func Each(n, jobs int, fn func(i int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	workers := min(jobs, n)
	if n > 1 && os.Getenv("GOGC") == "" {
		// A GOGC the user set is theirs to keep.
		defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent))
	}
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
