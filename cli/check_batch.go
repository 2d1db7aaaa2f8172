package cli

import (
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"nianbao/ingest"
	"nianbao/internal/workers"
	"nianbao/model"
	"nianbao/templates"
)

// checkAll checks every input of opts.paths on all cores and returns the
// outcomes in input order. Folders are expanded first; templates found in
// them are registered before any draft is resolved, and the files that need
// LibreOffice are converted in one batch before the workers start.
func checkAll(opts *checkOptions, cache *templateCache) ([]*fileCheck, []skippedFile) {
	var results []*fileCheck
	var todo []int // indexes into results still to check
	var skipped []skippedFile
	for _, p := range opts.paths {
		files, skip, err := collectInputs(p)
		skipped = append(skipped, skip...)
		if err != nil {
			results = append(results, &fileCheck{path: p, err: err})
			continue
		}
		for _, f := range files {
			if f.fromDir && isDraftPath(f.path) {
				if used, note := registerTemplate(f.path, cache); used {
					skipped = append(skipped, skippedFile{f.path, note})
					continue
				}
			}
			todo = append(todo, len(results))
			results = append(results, &fileCheck{path: f.path})
		}
	}
	for _, s := range skipped {
		fmt.Fprintf(opts.streams.Err, "%s: 未检查：%s\n", model.Printable(s.path), s.reason)
	}
	var docs []string
	for _, i := range todo {
		if !isDraftPath(results[i].path) {
			docs = append(docs, results[i].path)
		}
	}
	if len(docs) > 0 {
		ingest.Prepare(docs)
	}
	progress := newProgress(opts.streams, len(todo))
	if len(todo) > 1 {
		defer batchGC()()
	}
	workers.Each(len(todo), opts.jobs, func(n int) {
		i := todo[n]
		path := results[i].path
		results[i] = checkFile(path, opts.template, cache, opts.prev)
		if opts.received {
			if st, err := os.Stat(path); err == nil {
				results[i].received = st.ModTime()
			}
		}
		progress.step()
	})
	progress.done()
	return results, skipped
}

// Garbage collection for a batch: reading a report allocates several times
// its size (the YAML tree, the decoded text), and at the default GOGC the
// collector ran every few files and took a core's share from the workers.
// A batch runs with a quarter of that collection work, under a memory
// limit that keeps the heap bounded on a roll-up of a thousand reports.
// GOGC or GOMEMLIMIT set by the user win.
const (
	batchGCPercent   = 400
	batchMemoryLimit = 1 << 30
)

// batchGC sets the batch's collector and returns what restores it.
func batchGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	percent := debug.SetGCPercent(batchGCPercent)
	limit := debug.SetMemoryLimit(batchMemoryLimit)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// registerTemplate reads a YAML file found in a folder and, when it is a
// template, makes it known to the drafts beside it. A broken template is
// checked as a draft, whose error then says what is wrong with it.
func registerTemplate(path string, cache *templateCache) (bool, string) {
	data, err := model.ReadRegular(path) // a FIFO is not waited on
	if err != nil || !templates.IsTemplateFile(data) {
		return false, ""
	}
	t, err := model.ParseTemplate(path, data)
	if err != nil {
		return false, ""
	}
	cache.addKnown(t)
	return true, fmt.Sprintf("这是模板（%s，第 %d 版），用于查找草稿的模板，不作为草稿检查", t.ID, t.Version)
}

// progress shows "正在检查 12/76" on stderr when it is a terminal.
type progress struct {
	s      *Streams
	total  int
	count  atomic.Int64
	mu     sync.Mutex
	active bool
}

func newProgress(s *Streams, total int) *progress {
	return &progress{s: s, total: total, active: s.ErrTerminal && total > 1}
}

func (p *progress) step() {
	if !p.active {
		return
	}
	n := p.count.Add(1)
	// Every file on a small batch; every 1% on a large one, so the
	// terminal is not the bottleneck.
	if p.total > 100 && n%int64(p.total/100) != 0 && int(n) != p.total {
		return
	}
	p.mu.Lock()
	fmt.Fprintf(p.s.Err, "\r正在检查 %d/%d", n, p.total)
	p.mu.Unlock()
}

func (p *progress) done() {
	if p.active {
		fmt.Fprint(p.s.Err, "\r\x1b[K")
	}
}
