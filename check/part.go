package check

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// partWhole reports a part larger than its whole in prose: “审结40件，其中
// 纠错52件”. The whole is the count of the same unit just before 其中 in the
// same sentence; the parts are the counts of the clause 其中 opens (“其中
// 纠错5件、变更3件”). When several counts of the unit precede 其中 (“受理
// 纠纷120件、信访50件，其中…”), 其中 may refer to their sum, and only a part
// larger than the sum is reported.
func (c *collector) partWhole(line string, at int) {
	line = zhtext.FoldDigits(line)
	eachWithCounts(line, "其中", -1, 2, func(pos, off, a, b int, counts []proseCount) {
		c.partsOf(line, pos, off, a, b, counts, at)
	})
}

// eachWithCounts calls fn for every word in line, with the bounds of its
// sentence and the sentence's counts when it holds at least least of them
// (and no more than a table run into one line would). A sentence's bounds and
// counts are found once, however many words it holds, so a long line
// stays linear. With year >= 0 (0: the report's year unknown) the counts
// of another year are left out (dropOtherYears); -1 keeps them. off is
// just past the word.
func eachWithCounts(line, word string, year, least int, fn func(pos, off, a, b int, counts []proseCount)) {
	a, b := 0, -1 // the sentence examined last, and its counts
	var counts []proseCount
	for off := 0; ; {
		k := strings.Index(line[off:], word)
		if k < 0 {
			return
		}
		pos := off + k
		off = pos + len(word)
		if pos >= b {
			a, b = zhtext.SentenceBounds(line, pos, max(b, 0))
			counts = countsIn(counts[:0], line, a, b, maxSentenceCounts, false)
			if year >= 0 {
				counts = dropOtherYears(counts, line, a, year)
			}
		}
		if len(counts) >= least && len(counts) <= maxSentenceCounts {
			fn(pos, off, a, b, counts)
		}
	}
}

// partsOf checks the parts 其中 at pos opens against the whole before it.
func (c *collector) partsOf(line string, pos, off, a, b int, counts []proseCount, at int) {
	partEnd := clauseEnd(line, off, b)
	var first *proseCount
	found := false
	for i := range counts {
		p := &counts[i]
		if p.Start < off || p.Start >= partEnd {
			continue
		}
		if first == nil {
			first = p
		}
		if p.Ordinal || p.Qualifier == zhtext.Under || p.Qualifier == zhtext.About {
			continue
		}
		if c.partTooLarge(line, a, b, counts, *p, pos, at) {
			found = true
			break // one finding per 其中
		}
	}
	if first == nil || found {
		return
	}
	for _, p := range parallelParts(line, counts, *first, partEnd, b) {
		if c.partTooLarge(line, a, b, counts, p, pos, at) {
			break
		}
	}
}

// parallelParts are the parts listed after the first one of a 其中, a
// clause each: “其中民事案件860件，刑事案件420件，执行案件1800件”. A clause
// is taken for one only when it is a name and a count of the first part's
// unit and nothing else, the name ending as the first part's does (案件,
// 纠纷); the first clause of any other shape ends the list, since the
// sentence has gone on to another subject (“…，办结85件”).
func parallelParts(line string, counts []proseCount, first proseCount, from, b int) []proseCount {
	ending := lastRunes(strings.TrimPrefix(first.label, "其中"), 2)
	if utf8.RuneCountInString(ending) < 2 {
		return nil
	}
	var out []proseCount
	for i := from; i < b; {
		w := prefixIn(line[i:b], []string{"，", ",", "；", ";"})
		if w == "" {
			return out
		}
		i += len(w)
		end := clauseEnd(line, i, b)
		var in []proseCount
		for _, n := range counts {
			if n.Start >= i && n.Start < end {
				in = append(in, n)
			}
		}
		if len(in) != 1 || !in[0].exact() || !zhtext.SameCountUnit(in[0].Unit, first.Unit) ||
			in[0].End > end || strings.TrimSpace(line[in[0].End:end]) != "" {
			return out
		}
		label := line[i:in[0].QualStart]
		if n := utf8.RuneCountInString(label); n < 2 || n > 10 || !zhtext.AllHan(label) || !strings.HasSuffix(label, ending) {
			return out
		}
		out = append(out, in[0])
		i = end
	}
	return out
}

// clauseEnd is where the clause opened at i ends: the next comma or
// semicolon, skipping one right after 其中 (“其中，纠错5件”).
func clauseEnd(line string, i, b int) int {
	j := i
	if w := prefixIn(line[j:b], []string{"，", ",", "：", ":"}); w != "" {
		j += len(w)
	}
	for k := j; k < b; {
		n := strings.IndexAny(line[k:b], "，,；;")
		if n < 0 {
			break
		}
		k += n
		// "1,204件" is one number: its comma groups digits.
		if zhtext.GroupingCommaAt(line, k) {
			k++
			continue
		}
		return k
	}
	return b
}

// partTooLarge reports p when it exceeds every count of its unit before 其中
// and the sum of the list the nearest of them belongs to (“受理纠纷120件、
// 信访50件，其中…” may refer to 170). The largest count is what a part
// can least exceed: “受理纠纷120件，调解成功110件，其中涉企纠纷115件”
// refers to the 120. A count that is itself led by 其中 is no whole.
func (c *collector) partTooLarge(line string, a, b int, counts []proseCount, p proseCount, pos, at int) bool {
	var whole *proseCount
	listSum, lastEnd := 0.0, -1
	for i := range counts {
		w := &counts[i]
		if w.End > pos || !zhtext.SameCountUnit(w.Unit, p.Unit) {
			continue
		}
		if strings.HasPrefix(w.label, "其中") {
			// A part of an earlier 其中 is a sibling, not the whole: in
			// "审查214件次，其中规范性文件8件，其中重大决策12件" both are
			// parts of the 214.
			continue
		}
		if !w.exact() {
			return false // “1500余件”: the whole is not known exactly
		}
		if whole == nil || w.Value > whole.Value {
			whole = w
		}
		if lastEnd >= 0 && !strings.ContainsAny(line[lastEnd:w.QualStart], "，,；;") {
			listSum += w.Value // joined by 、 or 和: one list
		} else {
			listSum = w.Value
		}
		lastEnd = w.End
	}
	if whole == nil || p.Value <= whole.Value || p.Value <= listSum {
		return false
	}
	ev := &Evidence{Sentence: strings.TrimSpace(line[a:b]), Numbers: []EvidenceNumber{
		{Role: "whole", Text: whole.written(), Value: whole.Value, Label: whole.label},
		{Role: "part", Text: p.written(), Value: p.Value, Label: p.label},
	}}
	msg := sprintf("“其中%s%s”大于前面的“%s%s”：部分不能超过整体", strings.TrimPrefix(p.label, "其中"), p.written(), whole.label, whole.written())
	if listSum > whole.Value {
		msg += sprintf("（也大于前面并列各数之和 %s%s）", fmtNum(listSum), p.Unit)
	}
	c.add(Finding{Rule: RuleProsePart, Section: c.section, Line: at, Message: msg, Evidence: ev})
	return true
}
