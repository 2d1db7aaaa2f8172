package cli

import (
	"fmt"
	"io"
	"strings"

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

// noteHidden tells the drafter after an import what the Word file held
// besides its text and what became of it, so a tracked insertion or hidden
// text that was read into the draft does not go out unnoticed.
func noteHidden(w io.Writer, path string, hs []ingest.Hidden) {
	if len(hs) == 0 {
		return
	}
	count := map[string]int{}
	for _, h := range hs {
		count[h.Kind]++
	}
	var parts []string
	for _, k := range []struct{ kind, label string }{
		{ingest.HiddenComment, "批注"}, {ingest.HiddenInsert, "未接受的插入修订"}, {ingest.HiddenDelete, "未接受的删除修订"},
		{ingest.HiddenVanish, "隐藏文字"}, {ingest.HiddenHeader, "页眉文字"}, {ingest.HiddenFooter, "页脚文字"},
	} {
		if n := count[k.kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 处", k.label, n))
		}
	}
	fmt.Fprintf(w, "注意：Word 文件中有%s。插入修订和隐藏文字已读入草稿，删除修订、批注和页眉页脚未读入；公开前请核对，运行 nianbao check --publish %s 查看。\n",
		strings.Join(parts, "、"), quoteArg(path))
}
