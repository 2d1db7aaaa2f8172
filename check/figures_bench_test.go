package check

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/ingest"
	"nianbao/internal/benchtext"
	"nianbao/model"
)

// BenchmarkReportLive is the editor's debounced check (check.Report, which
// now reads the figures from the prose) over N characters spread across
// every section; BenchmarkReadFigures is the prose reading alone, the part
// this check added. Both run off the update loop.
func BenchmarkReportLive(b *testing.B) {
	for _, n := range []int{2000, 10000, 50000} {
		tp, r := benchReport(b, n)
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			for b.Loop() {
				Report(tp, r)
			}
		})
	}
}

func BenchmarkReadFigures(b *testing.B) {
	for _, n := range []int{2000, 10000, 50000} {
		tp, r := benchReport(b, n)
		b.Run(fmt.Sprintf("chars=%d", n), func(b *testing.B) {
			for b.Loop() {
				ingest.ReadFigures(tp, r)
			}
		})
	}
}

func benchReport(b *testing.B, n int) (*model.Template, *model.Report) {
	tp := standard(b)
	r := model.NewReport(tp)
	r.Unit, r.Year = "青山县人民政府", 2024
	secs := tp.Flatten()
	for _, s := range secs {
		// Digits, so every paragraph has a number the reader must weigh.
		r.SetText(s.ID, strings.ReplaceAll(benchtext.Prose(n/len(secs)), "一百二十", "120"))
	}
	return tp, r
}
