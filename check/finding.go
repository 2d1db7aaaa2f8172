package check

import (
	"fmt"

	"nianbao/ingest"
)

// Severity orders findings; the zero value is Info.
type Severity int

// Severities, from least to most serious.
const (
	Info Severity = iota
	Warning
	Error
)

// String is the stable English name used in JSON and in template rule
// settings (info, warning, error).
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Label is the Chinese word shown to drafters.
func (s Severity) Label() string {
	switch s {
	case Info:
		return "提示"
	case Warning:
		return "警告"
	case Error:
		return "错误"
	}
	return s.String()
}

// MarshalText makes JSON carry "error" rather than 2, so the schema does not
// depend on the order of the constants.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a template rule level. ok is false for "off" and for
// anything unknown; off is reported separately by the caller.
func ParseSeverity(level string) (Severity, bool) {
	switch level {
	case "info":
		return Info, true
	case "warning":
		return Warning, true
	case "error":
		return Error, true
	}
	return Info, false
}

// Finding is one problem in a report.
type Finding struct {
	Rule     string   // stable rule id, e.g. "figure.rate"
	Severity Severity //
	Section  string   // section id ("" for the whole report)
	Figure   string   // figure id when the finding is about a figure field
	Line     int      // 1-based line in a document (imported text); 0 for drafts
	Column   int      // 1-based character (rune) column in that line, for publish findings; 0 when unknown
	Message  string   // Chinese, shown to the drafter
	Stated   *float64 // for rates: the value written
	Computed *float64 // for rates: the value the counts give
	Count    int      // for summarised findings: how many occurrences
	Lines    []int    // for summarised findings: the first few lines
	// Sections lists, for summarised findings in drafts (which have no line
	// numbers), the sections of the first few occurrences, so a caller can
	// point at them (the CLI turns them into YAML lines).
	Sections []string
	// Evidence is what the finding was decided on, for the rules about
	// numbers (rates, part and whole, years): enough to redo the arithmetic.
	Evidence *Evidence
}

// Evidence is what a finding about numbers was decided on, so a reviewer
// (or a tool reading the JSON) can redo the arithmetic and judge a doubtful
// finding without opening the report.
type Evidence struct {
	Sentence string           `json:"sentence,omitempty"` // the sentence (or two) the numbers were read from
	Numbers  []EvidenceNumber `json:"numbers,omitempty"`  // the numbers used, the stated one first
	// Denominators lists, for rates, every base tried and the rate it
	// gives; the finding is made only when none of them explains the
	// stated rate.
	Denominators []Denominator `json:"denominators,omitempty"`
}

// EvidenceNumber is one number a finding used.
type EvidenceNumber struct {
	// Role says what the number is: stated (the rate written), numerator,
	// whole, part, complement (a count of the rate's negation, 不合格6卷),
	// year (a year mentioned in the body), report-year.
	Role      string  `json:"role"`
	Text      string  `json:"text"` // as written, with its unit: "48件", "1.04%"
	Value     float64 `json:"value"`
	Label     string  `json:"label,omitempty"`     // the words before it in the sentence, or the figure's label
	Qualifier string  `json:"qualifier,omitempty"` // for a stated rate: exact, over (以上), under (近), about (约)
}

// Denominator is one base tried for a rate.
type Denominator struct {
	Text  string  `json:"text"`  // the count or counts, as written: "120件", "120件+6件"
	Value float64 `json:"value"` // the base
	Rate  float64 `json:"rate"`  // numerator ÷ base × 100
}

// Result is the outcome of checking one report.
type Result struct {
	Findings []Finding
	// Completeness is 0–100: the share of required sections and required
	// figures present and valid, rounded down so that 100 always means
	// nothing required is missing. The editor shows the same number.
	Completeness float64
	// Prose holds, per figure id, the value the report's prose states
	// (see figureValues): the editor shows it beside the field.
	Prose map[string]ProseFigure `json:"-"`
}

// ProseFigure is a figure value a report's prose states, with its sentence.
type ProseFigure = ingest.ProseFigure

// Counts returns how many findings there are of each severity.
func (r Result) Counts() (errors, warnings, infos int) {
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		case Info:
			infos++
		}
	}
	return
}

// Passed is the verdict: no errors; with strict, no warnings either.
func (r Result) Passed(strict bool) bool {
	e, w, _ := r.Counts()
	return e == 0 && (!strict || w == 0)
}

// Verdict is Passed in Chinese: 通过 or 未通过.
func (r Result) Verdict(strict bool) string {
	if r.Passed(strict) {
		return "通过"
	}
	return "未通过"
}

// UnmarshalText reads what MarshalText writes, so JSON output can be read
// back by tools written in Go.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("未知的级别“%s”", b)
	}
	*s = v
	return nil
}
