// Package accuracy measures how well `nianbao check` judges report
// documents: labelled cases, each a mutation of a sample report of our own
// (testdata/) or of a published report from ../shared/corpus, with the
// finding it must produce or the silence it must keep. The package holds
// only tests; scripts/accuracy runs them, prints recall per class and the
// false alarms, and compares them with baseline.txt.
//
// It sits at the top level, not inside check or ingest, because it tests
// the path a reviewer uses: a document is read and cleaned, its template
// chosen, its parts and figures recognised by ingest, and the result judged
// by check, all through the `check` command itself. Classes from both sides
// live in one table, so one run shows where precision or recall is lost.
package accuracy
