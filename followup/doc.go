// Package followup compares this year's annual report with last year's:
// which of last year's plans left a trace in this year's text, which stated
// year-on-year changes last year's figures contradict, which passages were
// copied over, and which figures jumped suspiciously. Everything here is a
// pure function over strings and numbers; the check engine turns the results
// into findings.
//
// Matching is lexical: Chinese has no spaces, and no segmenter or model may
// be downloaded, so texts are compared by Han-character bigrams weighted by
// how rare they are in this year's report, plus a few key terms (titles in
// 《》, quoted names, and a short list of domain terms). The small Chinese
// text helpers here (sentence splitting, number parsing) belong in the
// shared Chinese-text package once it exists.
package followup
