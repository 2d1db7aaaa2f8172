package cli

import (
	"nianbao/check"
	"nianbao/ingest"
)

// keepPublish narrows each file's result to the publish group, for
// `check --publish`: the office's last look before posting a report.
func keepPublish(results []*fileCheck) {
	for _, r := range results {
		if r.unreadable() {
			continue
		}
		var fs []check.Finding
		var lines []int
		var extra [][]int
		for k, f := range r.result.Findings {
			if check.IsPublishRule(f.Rule) {
				fs = append(fs, f)
				lines = append(lines, r.lines[k])
				extra = append(extra, r.extra[k])
			}
		}
		r.result.Findings, r.lines, r.extra = fs, lines, extra
	}
}

// findingColumn is the column to show with a finding's line: only for
// documents, where the line is the finding's own. A draft's line is the
// YAML line of its section key, which the column does not belong to.
func findingColumn(r *fileCheck, k int) int {
	if r.kind != "document" {
		return 0
	}
	return r.result.Findings[k].Column
}

// hiddenForCheck hands the importer's list of hidden .docx content to the
// publish rules; the two packages name the kinds alike.
func hiddenForCheck(hs []ingest.Hidden) []check.HiddenContent {
	if len(hs) == 0 {
		return nil
	}
	out := make([]check.HiddenContent, len(hs))
	for i, h := range hs {
		out[i] = check.HiddenContent{Kind: check.HiddenKind(h.Kind), Line: h.Line, Text: h.Text}
	}
	return out
}
