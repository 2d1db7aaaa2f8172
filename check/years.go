package check

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// plansYears checks the years written in next year's plans. A heading must
// name the year after the report year; in the text, a paragraph opening
// with a year (“2024年，我县将…”) must name it too, and no year beyond it may
// appear except in ranges (2021—2025年), titles (《…》) and long-term
// targets (到2025年, 2025年底前). Years before the report year are context
// and are left alone.
func (c *collector) plansYears(s string, at int, heading bool) {
	want := c.year + 1
	body := strings.TrimLeft(s, " \t\u3000")
	headEnd := 0 // the heading part of the line; a run-in heading ends at its first 。
	if lvl, _, label := headingOf(body); lvl > 0 {
		body = body[len(label):]
		heading = true
	}
	if heading {
		headEnd = len(body)
		if k := strings.Index(body, "。"); k >= 0 {
			headEnd = k
		}
	}
	book := 0
	for i := 0; i+4 < len(body); i++ {
		switch {
		case strings.HasPrefix(body[i:], "《"):
			book++
		case strings.HasPrefix(body[i:], "》"):
			book--
		}
		if !isASCIIDigit(body[i]) || i > 0 && isASCIIDigit(body[i-1]) {
			continue
		}
		if !(isASCIIDigit(body[i+1]) && isASCIIDigit(body[i+2]) && isASCIIDigit(body[i+3])) || !strings.HasPrefix(body[i+4:], "年") {
			continue
		}
		y, _ := strconv.Atoi(body[i : i+4])
		after := body[i+4+len("年"):]
		before := body[:i]
		if y < 1949 || y > 2200 || y == want || book > 0 || isRangeEnd(before) || isRangeStart(after) || isTarget(before, after) {
			continue
		}
		var msg string
		switch {
		case i < headEnd:
			msg = sprintf("下一年度安排的标题写的是“%d年”，报告年度为 %d 年，应为 %d 年", y, c.year, want)
		case i == 0 && (strings.HasPrefix(after, "，") || strings.HasPrefix(after, ",") || strings.HasPrefix(after, "度，") || strings.HasPrefix(after, "度,")):
			msg = sprintf("下一年度安排以“%d年”开头，报告年度为 %d 年，安排应针对 %d 年", y, c.year, want)
		case y > want:
			msg = sprintf("下一年度安排中出现“%d年”，报告年度为 %d 年，安排应针对 %d 年", y, c.year, want)
		default:
			continue
		}
		c.add(Finding{Rule: RuleYearPlans, Section: c.section, Line: at, Message: msg})
		return // one finding per line is enough
	}
}

// isRangeEnd: the year closes a range such as 2021—2025年 or 2023年至2025年.
func isRangeEnd(before string) bool {
	b := strings.TrimSuffix(before, "年")
	for _, sep := range []string{"—", "–", "-", "~", "～", "至", "到", "－"} {
		if strings.HasSuffix(b, sep) {
			b = strings.TrimSuffix(strings.TrimSuffix(b, sep), "年")
			return len(b) >= 4 && isASCIIDigit(b[len(b)-1])
		}
	}
	return false
}

// isRangeStart: the year opens a range (2024年—2026年).
func isRangeStart(after string) bool {
	for _, sep := range []string{"—", "–", "-", "~", "～", "至", "到", "－"} {
		if strings.HasPrefix(after, sep) {
			rest := strings.TrimPrefix(after, sep)
			return len(rest) > 0 && isASCIIDigit(rest[0])
		}
	}
	return false
}

// isTarget: a long-term target (到2025年, 2025年底前) is not a plans year.
func isTarget(before, after string) bool {
	for _, w := range []string{"到", "至", "截至", "截止", "于", "在"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	for _, w := range []string{"底", "前", "末", "以前", "之前", "以后", "目标"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// yearSeen counts the mentions of one year in the body of a report.
type yearSeen struct {
	year, count int
	line        int    // the first mention's line (documents)
	section     string // and section
	example     string
}

// maxYearsSeen bounds the distinct years remembered; a report names a few.
const maxYearsSeen = 16

// countYears counts the years the body reports on: “2023年，全县…”,
// “2023年全县…”, “2023年度…”. Years in book titles (《…》), ranges
// (2021—2025年), targets (到2025年) and comparisons (较2022年, 与2022年相比,
// 2022年以来) are context, not the year reported on, and the title line of a
// document is not body. Plans are not passed here.
func (c *collector) countYears(s string, at int) {
	if c.docMode && len(s) < 300 && zhtext.ContainsWide(s, "报告") && zhtext.ContainsWide(s, "法治") {
		return // the title line
	}
	// Look only where a 年 follows four digits: 年 is common (全年, 年度)
	// and most lines that have it have no year. Full-width years are folded
	// first, on the rare line that has full-width digits.
	if hasFullWidthYear(s) {
		s = zhtext.FoldDigits(s)
	}
	reportedYears(s, func(y, i int) bool {
		c.sawYear(y, at, s, i)
		return true
	})
}

// reportedYears calls f with each year s reports on and its byte offset,
// leaving out the years countYears leaves out, until f returns false.
func reportedYears(s string, f func(y, i int) bool) {
	for off := 0; ; {
		k := zhtext.IndexWide(s[off:], "年")
		if k < 0 {
			return
		}
		p := off + k
		off = p + len("年")
		i := p - 4
		if i < 0 || !allASCIIDigits(s[i:p]) || i > 0 && zhtext.IsASCIIDigit(s[i-1]) {
			continue
		}
		y, _ := strconv.Atoi(s[i:p])
		before, after := s[:i], s[off:]
		if y < 1949 || y > 2200 || strings.Count(before, "《") > strings.Count(before, "》") ||
			isRangeEnd(before) || isRangeStart(after) || isTarget(before, after) || isComparison(before, after) {
			continue
		}
		if !f(y, i) {
			return
		}
	}
}

// reportYearParts name the parts of a report about the report year itself
// (its measures, shortcomings and the heads' duties): a year in their
// headings is the report year.
var reportYearParts = []string{"举措和成效", "不足和原因", "存在的不足", "第一责任人"}

// headingYear reports a top-level heading of a part about the report year
// that names another year ("二、2025年度推进法治政府建设存在的不足和原因" in
// a report on 2026): last year's report copied, its heading left as it
// was. A run-in heading ends at its first 。.
func (c *collector) headingYear(s string, at int) {
	head := strings.TrimSpace(s)
	if k := strings.Index(head, "。"); k >= 0 {
		head = head[:k]
	}
	if !zhtext.ContainsAnyWord(head, reportYearParts) {
		return
	}
	// The year a part reports on opens its heading ("二、2025年度推进…");
	// one later on is some other matter ("存在的不足和原因及2025年度督察反馈
	// 问题整改情况").
	_, _, label := headingOf(head)
	opens := len(head) - len(strings.TrimLeft(head[len(label):], " \t\u3000"))
	reportedYears(head, func(y, i int) bool {
		if i != opens {
			return false
		}
		if y == c.year {
			return true
		}
		c.staleHeadings = append(c.staleHeadings, Finding{Rule: RuleYearHeading, Section: c.section, Line: at,
			Message: sprintf("标题“%s”写的是“%d年”，报告年度为 %d 年：可能沿用了往年的报告，请改为 %d 年", head, y, c.year, c.year),
			Evidence: &Evidence{Numbers: []EvidenceNumber{
				{Role: "year", Text: sprintf("%d年", y), Value: float64(y)},
				{Role: "report-year", Text: sprintf("%d年", c.year), Value: float64(c.year)}}}})
		return false
	})
}

// hasFullWidthYear: a 年 right after a full-width digit.
func hasFullWidthYear(s string) bool {
	for off := 0; ; {
		k := zhtext.IndexWide(s[off:], "年")
		if k < 0 {
			return false
		}
		p := off + k
		off = p + len("年")
		if r, _ := utf8.DecodeLastRuneInString(s[:p]); r >= '０' && r <= '９' {
			return true
		}
	}
}

func allASCIIDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !zhtext.IsASCIIDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// isComparison: the year is a point of comparison or a start (较2022年,
// 与2022年相比, 2022年以来), not the year reported on.
func isComparison(before, after string) bool {
	if zhtext.HasSuffixAny(before, []string{"较", "比", "与", "同", "自", "从", "于", "较之", "相比"}) {
		return true
	}
	return prefixIn(after, []string{"以来", "相比", "同期", "同比", "的基础", "基础上"}) != ""
}

func (c *collector) sawYear(y, at int, s string, i int) {
	for k := range c.years {
		if c.years[k].year == y {
			c.years[k].count++
			return
		}
	}
	if len(c.years) >= maxYearsSeen {
		return
	}
	c.years = append(c.years, yearSeen{year: y, count: 1, line: at, section: c.section,
		example: strings.TrimSpace(excerpt(s, i, 12))})
}

// excerpt is up to n runes of s from byte i.
func excerpt(s string, i, n int) string {
	rs := []rune(s[i:])
	return string(rs[:min(n, len(rs))])
}

// minStaleMentions is how often the body must name another year, and never
// the report year, before the report is taken for last year's with a new
// title: two could be comparisons the rule did not recognise.
const minStaleMentions = 3

// yearBody reports a body that reports on another year than the report's,
// and says whether it did. Next year (Y+1) is left to the plans rule: an
// undetected plans part names it often.
func (c *collector) yearBody() bool {
	if c.year == 0 {
		return false
	}
	best := -1
	for k, y := range c.years {
		if y.year == c.year {
			return false
		}
		if y.year != c.year+1 && (best < 0 || y.count > c.years[best].count) {
			best = k
		}
	}
	if best < 0 || c.years[best].count < minStaleMentions {
		return false
	}
	y := c.years[best]
	c.add(Finding{Rule: RuleYearBody, Section: y.section, Line: y.line,
		Message: sprintf("正文有 %d 处写“%d年”（如“%s”），没有一处写报告年度“%d年”：可能沿用了往年的报告，只改了标题",
			y.count, y.year, y.example, c.year),
		Evidence: &Evidence{Numbers: []EvidenceNumber{
			{Role: "year", Text: sprintf("%d年", y.year), Value: float64(y.year), Label: sprintf("%d 处", y.count)},
			{Role: "report-year", Text: sprintf("%d年", c.year), Value: float64(c.year)}}}})
	return true
}
