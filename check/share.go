package check

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// Shares of a whole broken down with 其中 (“受案680件，其中刑事案件420件，
// 占61.8%”) are checked against the whole and the part the sentence
// gives. The rule reads only the plain form: the part's count right before
// 占 (so “其中调解90件，诉讼30件，调解占75%” names its part by words and is
// left alone), the whole a count of the part's unit before 其中, and 占
// followed by the per-cent, by 比, or by the whole's name with 总 or 全部
// (“占总数的55.3%”, “占全部案件的”); a share of something the sentence does
// not count (“占全市同类案件的35%”) is not judged.

// shares checks every share in a line that holds 其中 and a per-cent:
// against the whole its own sentence states, and, for a sentence that
// opens with 其中, against the sentence before (shareOfPrevious). Both
// read the share as stated once, qualifier included (“约占62%”).
func (c *collector) shares(line string, at int) {
	line = zhtext.FoldDigits(line)
	eachWithCounts(line, "占", c.year, 1, func(pos, off, a, b int, counts []proseCount) {
		stated, ok := shareValue(line, off, b)
		if !ok {
			return
		}
		if w := suffixIn(line[:pos], []string{"约", "近"}); w != "" && stated.Qualifier == zhtext.Exact {
			// “约占62%”: the qualifier stands before 占.
			stated.Qualifier, stated.QualWord, stated.QualStart = zhtext.About, w, stated.Start-1
		}
		if q := strings.LastIndex(line[a:pos], "其中"); q >= 0 && len(counts) >= 2 {
			q += a
			if part := partBefore(line, counts, q, pos); part >= 0 {
				c.checkShare(line[a:b], counts, part, q, stated, false, at)
			}
		}
		if q := skipBlank(line, a); strings.HasPrefix(line[q:pos], "其中") {
			c.shareOfPrevious(line, a, b, q, pos, counts, stated, at)
		}
	})
}

// shareOfPrevious checks the share at pos of a sentence [a, b) that opens
// with 其中 at q against the whole the sentence before states ("全年受理各类
// 案件680件。其中刑事案件420件，占61.8%。"); own are the sentence's counts.
// The whole is then less sure (the sentence before may count something
// else), so a share no count there explains is a warning
// (prose.rate-doubt), not an error. line has its digits folded.
func (c *collector) shareOfPrevious(line string, a, b, q, pos int, own []proseCount, stated zhtext.Number, at int) {
	ps, pe := previousSentence(line, a)
	if pe <= ps {
		return
	}
	prev := dropOtherYears(countsIn(nil, line, ps, pe, maxSentenceCounts, true), line, ps, c.year)
	if len(prev) == 0 || len(prev) > maxSentenceCounts {
		return
	}
	pool := append(prev, own...)
	if part := partBefore(line, pool, q, pos); part >= len(prev) {
		c.checkShare(line[ps:b], pool, part, q, stated, true, at)
	}
}

// shareValue reads the per-cent after 占 at byte i: “61.8%”, “比25%”, “比为
// 25%”, “总数的55.3%”, “全部案件的约30%”.
func shareValue(line string, i, b int) (zhtext.Number, bool) {
	rest := line[i:b]
	switch {
	case strings.HasPrefix(rest, "比"):
		i += len("比")
	default:
		// The whole named by words: up to ten characters ending in 的
		// that say it is the total.
		if d := strings.Index(rest, "的"); d > 0 && utf8.RuneCountInString(rest[:d]) <= 10 {
			name := rest[:d]
			if !strings.Contains(name, "总") && !strings.Contains(name, "全部") || !zhtext.AllHan(name) {
				return zhtext.Number{}, false
			}
			i += d + len("的")
		}
	}
	j := valueStart(line, i, b)
	if j < 0 {
		return zhtext.Number{}, false
	}
	n, ok := zhtext.ScanNumber(line, j)
	if !ok || !zhtext.IsPercentSign(firstRune(n.Unit)) || n.End > b || n.Value > 100 {
		return zhtext.Number{}, false
	}
	if j > i {
		// A qualifier valueStart skipped (约, 近, 超过) belongs to the value.
		if q := line[i:j]; strings.Contains(q, "约") || strings.Contains(q, "近") {
			n.Qualifier, n.QualWord, n.QualStart = zhtext.About, "约", n.Start-1
		} else if strings.Contains(q, "超") || strings.Contains(q, "不低于") || strings.Contains(q, "不少于") {
			n.Qualifier, n.QualWord, n.QualStart = zhtext.Over, "超过", n.Start-1
		}
	}
	return n, true
}

// partBefore is the count whose share 占 at pos states: the count just
// before it, after 其中 at q, with nothing between but a comma or 约 —
// -1 when the words before 占 name the part another way.
func partBefore(line string, counts []proseCount, q, pos int) int {
	for i := len(counts) - 1; i >= 0; i-- {
		n := counts[i]
		if n.End > pos {
			continue
		}
		if n.Start < q || !n.exact() {
			return -1
		}
		gap := strings.TrimSpace(line[n.End:pos])
		for _, w := range []string{"，", ",", "、", "约", "近"} {
			gap = strings.ReplaceAll(gap, w, "")
		}
		if gap != "" {
			return -1
		}
		return i
	}
	return -1
}

// checkShare judges the share stated of counts[part] against every count
// of its unit before 其中 at q that can be its whole, the nearest first.
func (c *collector) checkShare(sentence string, counts []proseCount, part, q int, stated zhtext.Number, wholeBefore bool, at int) {
	p := counts[part]
	var wholes []int
	for i := len(counts) - 1; i >= 0; i-- {
		w := counts[i]
		if w.End <= q && w.exact() && zhtext.SameCountUnit(w.Unit, p.Unit) && w.Value >= p.Value && w.Value > 0 {
			wholes = append(wholes, i)
		}
	}
	if len(wholes) == 0 {
		return
	}
	ev := &Evidence{Sentence: strings.TrimSpace(sentence),
		Numbers: []EvidenceNumber{
			{Role: "stated", Text: rateValue(stated), Value: stated.Value, Label: "占", Qualifier: stated.Qualifier.String()},
			{Role: "numerator", Text: p.written(), Value: p.Value, Label: p.label},
		}}
	for _, i := range wholes {
		w := counts[i]
		r := 100 * p.Value / w.Value
		if rateConsistent(stated.Value, r, stated.Decimals, 0.1, stated.Qualifier) {
			return
		}
		ev.Denominators = append(ev.Denominators, Denominator{Text: w.written(), Value: w.Value, Rate: r})
	}
	w := counts[wholes[0]]
	computed := 100 * p.Value / w.Value
	note := ""
	if stated.Qualifier == zhtext.Exact && decimalSlip(stated.Value, stated.Decimals, computed) {
		note = "，疑为小数点错位"
	}
	rule, where := RuleProseRate, "同一句中的数字"
	if wholeBefore {
		rule, where, note = RuleProseRateDoubt, "前一句的数字", note+"，整体取自前一句，请核对"
	}
	st := stated.Value
	c.add(Finding{Rule: rule, Section: c.section, Line: at,
		Message: sprintf("“%s%s，占%s”与%s不符：%s ÷ %s = %s%%%s",
			lastRunes(p.label, 12), p.written(), rateValue(stated), where, p.written(), w.written(), fmtRate(computed), note),
		Stated: &st, Computed: &computed, Evidence: ev})
}
