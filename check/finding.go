// Package check is nianbao's rule engine: pure functions over model types
// that the editor (live), `nianbao check` (batch) and export (warnings) all
// share. It returns structured findings; turning them into screen text is
// the caller's job.
package check

// Severity orders findings; the zero value is Info.
type Severity int

// Severities, from least to most serious.
const (
	Info Severity = iota
	Warning
	Error
)

// Finding is one problem in a report.
type Finding struct {
	Rule     string   // stable rule id, e.g. "figure.rate"
	Severity Severity //
	Section  string   // section id ("" for the whole report)
	Figure   string   // figure id when the finding is about a figure field
	Line     int      // 1-based line in a document (imported text); 0 for drafts
	Message  string   // Chinese, shown to the drafter
	Stated   *float64 // for rates: the value written
	Computed *float64 // for rates: the value the counts give
	Count    int      // for summarised findings: how many occurrences
	Lines    []int    // for summarised findings: the first few lines
}

// Result is the outcome of checking one report.
type Result struct {
	Findings     []Finding
	Completeness float64 // 0–100: share of required sections and figures present and valid
}
