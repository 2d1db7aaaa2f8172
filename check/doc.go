// Package check is nianbao's rule engine: pure functions over model types
// that the editor (live), `nianbao check` (batch) and export (warnings) all
// share. It returns structured findings; turning them into screen text is
// the caller's job.
//
// Three entry points cover the three kinds of input:
//
//   - Report(t, r) checks a draft. Drafts have no line numbers of their
//     own, so findings carry a section id (and a figure id); the command
//     turns those into YAML lines with model.Report.PosOf.
//   - Document(t, r, lines) checks a report the importer built from a
//     .txt/.md/.docx file. lines.Text is the cleaned document and
//     lines.Sections the line where each recognised section starts; the
//     prose and writing rules then run over the document text itself (so the
//     numbering of the headings the importer consumed is checked too) and
//     every finding carries a document line and the section containing it.
//   - Text(text) runs only the prose and writing rules over free text, with
//     line numbers relative to text. It needs no template.
//
// Rules() documents every rule; a template's Rules map can turn a rule off or
// change its severity. Typography rules (half-width punctuation, stray
// spaces) are summarised into one finding per report with a count and the
// first few locations: real reports have hundreds of such occurrences and a
// reviewer needs to see the missing section and the wrong rate first.
//
// Numbers are read with internal/zhtext, the one copy of the Chinese-text
// rules (units, qualifiers such as 以上 and 余, full-width digits, sentence
// ends) that ingest and ui use too. The number rules favour precision: an
// error only when the text itself proves the mistake, a warning
// (prose.rate-doubt) when a mismatch may have an explanation the text does
// not give. Their findings carry Evidence — the sentence, the numbers used,
// every denominator tried — so a reviewer can redo the arithmetic.
// RateExplains is the rate tolerance itself, exported so the editor's
// figures pane agrees with the check.
//
// Completeness (0–100) is the share of required sections and required
// figures that are present and valid: a section counts when it is non-empty,
// has no placeholder and reaches its minimum length (“暂无” is a complete
// answer for 其他需要报告的情况); a figure counts when it is set and within
// its bounds. It does not depend on the template's rule settings.
package check
