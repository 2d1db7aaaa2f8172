package ingest

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// allocations is the number of heap allocations made while f ran: the work
// meter of the linear-time tests, which must not time anything (the
// machines are shared and noisy). It catches a pass that builds per line,
// per number or per node what it should build once; a rescan that
// allocates nothing would slip past it.
func allocations(f func()) int64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return int64(after.Mallocs - before.Mallocs)
}

// hostileCases are the inputs of the linear-time test and benchmark.
var hostileCases = []struct {
	name string
	file string
	n    int
	text func(n int) string
}{
	{"one long line of numbers", "x.txt", 15000, func(n int) string {
		return "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n" + strings.Repeat("行政复议受理1件，", n)
	}},
	{"one long sentence", "x.txt", 25000, func(n int) string {
		return "一、主要举措和成效\n" + strings.Repeat("行政复议受理", n) + "1件"
	}},
	{"many headings", "x.txt", 2500, func(n int) string {
		return strings.Repeat("一、主要举措\n（一）依法决策\n1.执法\n（1）普法\n", n)
	}},
	// Words the readers of counts stated as none look for, over and over
	// with no stop: each one's clause and sentence must not be searched
	// back to the start of the line.
	{"none of them, no stop", "x.txt", 4000, func(n int) string {
		return "一、主要举措和成效\n（四）有效预防调处化解社会矛盾纠纷\n" + strings.Repeat("有复议案件、无纠错、", n)
	}},
	{"many lines", "x.txt", 15000, func(n int) string { return strings.Repeat("一是二是三是四是\n", n) }},
	{"deeply nested page", "x.html", 100, func(n int) string {
		return "<html><body>" + strings.Repeat("<div><span>一、主要举措和成效</span>", n) +
			"<p>行政复议受理1件。</p>" + strings.Repeat("</div>", n) + "</body></html>"
	}},
}

// TestHostileTextIsLinear feeds text built to make a careless importer
// quadratic (one huge line of numbers, a sentence without a stop, tens of
// thousands of headings, a page nested 400 deep, under the reader's 512
// limit) at sizes n and 4n; the import's work may grow at most 5x.
func TestHostileTextIsLinear(t *testing.T) {
	tpl := loadTemplate(t, "standard")
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			work := func(n int) int64 {
				data := []byte(c.text(n))
				return allocations(func() {
					doc, err := Read(c.file, data)
					if err != nil {
						t.Fatal(err)
					}
					if _, err := Import(doc, tpl); err != nil {
						t.Fatal(err)
					}
				})
			}
			small, large := work(c.n), work(4*c.n)
			if small <= 0 {
				t.Fatal("no work counted")
			}
			ratio := float64(large) / float64(small)
			t.Logf("n=%d: %d allocations, 4n: %d, ratio %.2f", c.n, small, large, ratio)
			if ratio > 5 {
				t.Errorf("4x the input cost %.1fx the allocations, want at most 5x", ratio)
			}
		})
	}
}

// BenchmarkHostileTextGrowth times the same imports at n and 4n and reports
// their ratio as growth-4x (about 4 when linear, about 16 when quadratic).
// The allocation counts of TestHostileTextIsLinear would miss a rescan that
// allocates nothing; time does not, but is noisy, so it is a benchmark to
// read, not an assertion: go test ./ingest -run '^$' -bench HostileTextGrowth
// The nested page reads about 5x: golang.org/x/net/html's own parse grows
// about 8-9x from 100 to 400 levels (its scope checks walk the stack of open
// elements), which the reader's 512-level limit bounds; nianbao's one-pass
// countText is not where the growth is.
func BenchmarkHostileTextGrowth(b *testing.B) {
	tpl := loadTemplate(b, "standard")
	for _, c := range hostileCases {
		b.Run(c.name, func(b *testing.B) {
			small, large := []byte(c.text(c.n)), []byte(c.text(4*c.n))
			once := func(data []byte) time.Duration {
				start := time.Now()
				doc, err := Read(c.file, data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Import(doc, tpl); err != nil {
					b.Fatal(err)
				}
				return time.Since(start)
			}
			var ts, tl time.Duration
			for range b.N {
				ts += once(small)
				tl += once(large)
			}
			b.ReportMetric(float64(tl)/float64(ts), "growth-4x")
		})
	}
}

// TestPDFLayoutIsLinear: a long run of lines with column gaps that never
// makes a table (no numbers), with or without short lines between them,
// must not be tried as a table from each of its lines again: at 4x the
// lines the work may grow at most 5x. Trying every line took seconds
// for two thousand.
func TestPDFLayoutIsLinear(t *testing.T) {
	for name, line := range map[string]string{
		"gapped lines":               "甲乙丙  丁戊\n",
		"gapped lines and fragments": "甲乙丙  丁戊\n短句\n",
		"numbers after words":        "甲乙丙  丁戊\n甲乙丙  丁戊\n甲乙丙  丁戊\n审结  88\n",
	} {
		work := func(n int) int64 {
			layout := "项目  数量\n" + strings.Repeat(line, n)
			return allocations(func() { pdfParagraphs(layout) })
		}
		small, large := work(500), work(2000)
		if ratio := float64(large) / float64(small); ratio > 5 {
			t.Errorf("%s: 4x the lines cost %.1fx the allocations, want at most 5x", name, ratio)
		}
	}
}
