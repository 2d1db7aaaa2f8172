package check

import (
	"strings"
	"testing"

	"nianbao/followup"
	"nianbao/internal/benchtext"
	"nianbao/model"
)

// BenchmarkReportFollowUp measures what attaching last year's report adds
// to the check of a long draft (20,000 characters of measures, 20 plans):
// compare the two sub-benchmarks as a ratio.
func BenchmarkReportFollowUp(b *testing.B) {
	tp, last, this := reportPair(b)
	for _, id := range []string{"decisions", "enforcement", "disputes", "publicity"} {
		this.SetText(id, this.Text(id)+"\n"+benchtext.Prose(5000))
	}
	var plans strings.Builder
	for i := 0; i < 4; i++ {
		plans.WriteString(last.Text("plans"))
	}
	last.SetText("plans", plans.String())
	prev := followup.Attach(last, tp, "x", nil)
	for _, c := range []struct {
		name string
		p    *model.Previous
	}{{"without", nil}, {"with", prev}} {
		b.Run(c.name, func(b *testing.B) {
			this.Previous = c.p
			for i := 0; i < b.N; i++ {
				Report(tp, this)
			}
		})
	}
}
