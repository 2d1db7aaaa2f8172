// Package benchtext makes the Chinese prose the benchmarks type into and
// load, so every benchmark measures the same kind of text.
package benchtext

import "strings"

// Prose is Chinese text of exactly n characters in ~80-character
// paragraphs with full-width punctuation, like a real report.
func Prose(n int) string {
	const para = "一是深入推进严格规范公正文明执法，全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，全年办理行政处罚案件一百二十件。"
	var b strings.Builder
	count := 0
	for count < n {
		r := []rune(para)
		if rest := n - count; rest < len(r) {
			r = r[:rest]
		}
		b.WriteString(string(r))
		count += len(r)
		if count < n {
			b.WriteString("\n")
			count++
		}
	}
	return b.String()
}
