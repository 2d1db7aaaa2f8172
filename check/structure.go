package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

var sprintf = fmt.Sprintf

// sectionName is how messages name a section: the heading number it
// prints with in r (model.PrintedNumbers; a section after an optional one
// left empty prints one number lower than its place in the template) and
// its title, so a drafter finds it in the printed report and in the
// editor's outline, which show the same number.
func sectionName(t *model.Template, r *model.Report, s *model.Section) string {
	num := ""
	if t != nil {
		num = t.PrintedNumber(s.ID, r)
	}
	return "“" + num + s.Title + "”"
}

// partName is sectionName for the part a finding is about. In a document
// the number is the one printed on the part's heading line when it has
// one: it differs from the template's when a drafter left optional parts
// out, since nianbao's export (and a drafter numbering by hand) numbers
// only the parts printed, and a reviewer looks for the number on the page.
//
// The title is the document's own when its heading words it otherwise
// (“（二）健全依法决策机制，决策质量稳步提升” for the template's 推进行政决策
// 科学化、民主化、法治化): a reviewer looks for the words on the page too.
func (c *collector) partName(t *model.Template, s *model.Section) string {
	if c.doc != nil {
		if at := c.doc.Sections[s.ID]; at > 0 {
			line := strings.TrimLeft(lineAt(c.doc.Text, at), " \t\u3000")
			if _, _, label := headingOf(line); label != "" {
				return "“" + label + printedTitle(strings.TrimPrefix(line, label), s.Title) + "”"
			}
		}
	}
	return sectionName(t, c.r, s)
}

// maxPrintedTitle bounds the heading words a message quotes.
const maxPrintedTitle = 30

// printedTitle is a heading's words after its number, up to a run-in
// sentence (runIn) and at most maxPrintedTitle characters; the template's
// title, whole, when the heading has none or is the template's.
func printedTitle(words, title string) string {
	if body := runIn(words); body != "" {
		words = strings.TrimSuffix(words[:len(words)-len(body)], "。")
		words = strings.TrimSuffix(words, "：")
	}
	words = strings.TrimSpace(words)
	if words == "" || words == title {
		return title
	}
	if rs := []rune(words); len(rs) > maxPrintedTitle {
		words = string(rs[:maxPrintedTitle]) + "…"
	}
	return words
}

// lineAt is line n (1-based) of text, "" past its end. Only a message
// being written asks, so the text is not split for every check.
func lineAt(text string, n int) string {
	for line := range strings.Lines(text) {
		if n--; n == 0 {
			return strings.TrimRight(line, "\r\n")
		}
	}
	return ""
}

func lineOf(lines *DocLines, group, id string) int {
	if lines == nil {
		return 0
	}
	switch group {
	case "figures":
		if l := lines.Figures[id]; l > 0 {
			return l
		}
	case "sections":
		return lines.Sections[id]
	}
	return 0
}

// meta checks the report's unit, year and title.
func (c *collector) meta(t *model.Template, r *model.Report, lines *DocLines) {
	var missing []string
	if strings.TrimSpace(r.Unit) == "" {
		missing = append(missing, "报告单位")
	}
	if r.Year == 0 {
		missing = append(missing, "报告年度")
	}
	// An imported document may simply not say (the title check below still
	// runs); one carrying its draft data says what the draft says.
	if len(missing) > 0 && (lines == nil || lines.Carried) {
		c.add(Finding{Rule: RuleMeta, Message: strings.Join(missing, "和") + "未填写"})
	}
	c.leftovers(r)
	if p := placeholderIn(r.Unit); p != "" {
		c.add(Finding{Rule: RuleMeta, Message: sprintf("报告单位“%s”中留有占位内容“%s”", r.Unit, p)})
	}
	if p := placeholderIn(r.Title); p != "" {
		c.add(Finding{Rule: RuleMeta, Message: sprintf("标题“%s”中留有占位内容“%s”", r.Title, p)})
	}
	if r.Year == 0 {
		return
	}
	title := r.DisplayTitle(t)
	if y, ok := firstYear(title); ok && y != r.Year {
		f := Finding{Rule: RuleYearTitle,
			Message: sprintf("标题“%s”中的年份 %d 与报告年度 %d 不一致", title, y, r.Year)}
		if lines != nil && lines.Text != "" {
			f.Line = titleLine(lines.Text, title)
		}
		c.add(f)
	}
}

// titleLine finds the line of the title in a document (0 when not found).
func titleLine(text, title string) int {
	n := 1
	for line := range strings.Lines(text) {
		if strings.Contains(line, strings.TrimSpace(title)) {
			return n
		}
		n++
		if n > 40 {
			break
		}
	}
	return 0
}

// firstYear finds the first “2023年” in s.
func firstYear(s string) (int, bool) {
	for i := 0; i+4 < len(s); i++ {
		if !isASCIIDigit(s[i]) || (i > 0 && isASCIIDigit(s[i-1])) {
			continue
		}
		if y, ok := zhtext.FourDigits(s[i : i+4]); ok && strings.HasPrefix(s[i+4:], "年") && y >= 1949 && y <= 2200 {
			return y, true
		}
	}
	return 0, false
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// structure checks required sections and returns the completeness tally for
// them.
func (c *collector) structure(t *model.Template, r *model.Report, lines *DocLines) tally {
	var done tally
	found := 0 // required parts a document has, found by heading or paragraph
	t.Walk(func(s *model.Section) bool {
		text, present := r.Sections[s.ID]
		if !s.Required {
			return true
		}
		done.total++
		line := lineOf(lines, "sections", s.ID)
		trimmed := strings.TrimSpace(text)
		if trimmed == "" && len(s.Sections) > 0 && subtreeHasText(r, s) {
			// A part with subsections (e.g. 主要举措和成效) is filled when its
			// introduction or any subsection has text; its subsections carry
			// their own requirements.
			present, trimmed = true, "（见各小节）"
		}
		switch {
		case !present && lines == nil:
			c.add(Finding{Rule: RuleSectionMissing, Section: s.ID, Line: line,
				Message: sprintf("缺少必填章节%s", sectionName(t, r, s))})
			return true
		case !present || trimmed == "":
			// A report read from a document has every section key; the
			// part is there only when a heading or paragraph went to it.
			if lines != nil && (!present || line == 0 && trimmed == "") {
				c.add(Finding{Rule: RuleSectionNotFound, Section: s.ID, Line: line,
					Message: sprintf("文档中没有找到必填章节%s%s", c.partName(t, s), lookedFor(s))})
				return true
			}
			found++
			c.add(Finding{Rule: RuleSectionEmpty, Section: s.ID, Line: line,
				Message: sprintf("必填章节%s没有内容", c.partName(t, s))})
			return true
		}
		found++
		if isOther(s) && isNothingToReport(trimmed) {
			done.valid++ // “暂无” is the expected answer when there is nothing
			return true
		}
		ok := !c.placeheld[s.ID] // the prose scan reported it with its line
		if s.MinChars > 0 {
			if n := countChars(text); n < s.MinChars && len(s.Sections) == 0 {
				c.add(Finding{Rule: RuleSectionShort, Section: s.ID, Line: line,
					Message: sprintf("章节%s只有 %d 字，模板要求至少 %d 字", c.partName(t, s), n, s.MinChars)})
				ok = false
			}
		}
		if ok {
			done.valid++
		}
		return true
	})
	if lines != nil {
		c.notReport(lines.Text, found, done.total)
	}
	return done
}

// notReportChars is the length below which a document that has at most
// one of the template's required parts is not taken for a report. The
// standard template's minimum lengths add up to about 850 characters and
// published reports run from 3,000 to 13,000, while a cover letter, a
// notice or a receipt that a unit sends instead of the report is a few
// hundred.
const notReportChars = 1000

// notReport flags a short document in which the import found at most one
// required part: one, because the import puts a document's opening
// paragraphs in its first part whatever they say. Without this a unit's
// cover letter checked as 通过 with a string of warnings, and the office
// did not send it back.
//
// A document mostly not in Chinese, in which under half the required
// parts were found, is not a report either, however long:
// an English read-me, a data listing or a script that lands in the folder
// the office checks. A report's prose is nearly all Chinese characters
// (the corpus reports: 84 %, the sample bases 83 to 86 %, tables of
// figures included), so under a third is far from any report.
func (c *collector) notReport(text string, found, required int) {
	// Counting the characters of a whole report is a good part of its
	// check: a document in which half the required parts were found is
	// not looked at.
	if required < 3 || found*2 >= required {
		return
	}
	n := countChars(text)
	if found <= 1 && n < notReportChars {
		c.add(Finding{Rule: RuleNotReport, Message: sprintf(
			"文档只有 %d 字，模板的 %d 个必填章节只对应上 %d 个：这不像是年度报告全文（可能是报送函、通知、邮件或回执），请确认报送的是报告全文", n, required, found)})
		return
	}
	if han := zhtext.CountHan(text); n > 0 && han*3 < n {
		c.add(Finding{Rule: RuleNotReport, Message: sprintf(
			"文档 %d 字中汉字只有 %d 个（%d%%）：这不像是年度报告全文（可能是说明文件、数据表或外文文档），请确认报送的是报告全文", n, han, han*100/n)})
	}
}

// lookedFor says which heading words the import matched a part by, so a
// reviewer can tell whether the document has the part under another name.
func lookedFor(s *model.Section) string {
	var ks []string
	for _, k := range s.Keywords {
		if len(ks) == 6 {
			break
		}
		ks = append(ks, "“"+k+"”")
	}
	if len(ks) == 0 {
		return "（按标题查找）"
	}
	return "（查找的是与模板标题相同、或含" + strings.Join(ks, "") + "等词的标题；内容如写在其他标题下，请调整标题）"
}

func subtreeHasText(r *model.Report, s *model.Section) bool {
	for _, x := range s.Sections {
		if strings.TrimSpace(r.Sections[x.ID]) != "" || subtreeHasText(r, x) {
			return true
		}
	}
	return false
}

// isOther recognises 其他需要报告的情况, where “暂无” is a complete answer.
func isOther(s *model.Section) bool {
	return s.ID == "other" || strings.Contains(s.Title, "其他需要报告")
}

func isNothingToReport(text string) bool {
	t := strings.TrimRight(text, "。.！! \n")
	if utf8.RuneCountInString(t) > 20 {
		return false
	}
	for _, p := range []string{"暂无", "无", "没有", "本年度无", "本年度暂无"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// countChars counts what a drafter would call characters (zhtext.CountChars,
// the count the editor shows).
func countChars(s string) int { return zhtext.CountChars(s) }

// plansSections marks the section holding next year's plans and its
// subsections: the glossary id “plans”, or a top-level section titled like
// one when a custom template uses another id.
func plansSections(t *model.Template) map[string]bool {
	out := map[string]bool{}
	var mark func(s *model.Section)
	mark = func(s *model.Section) {
		out[s.ID] = true
		for _, x := range s.Sections {
			mark(x)
		}
	}
	for _, s := range t.Sections {
		if s.ID == "plans" {
			mark(s)
			return out
		}
	}
	for _, s := range t.Sections {
		if isPlansHeading(s.Title) {
			mark(s)
		}
	}
	return out
}

var plansWords = []string{"下一年度", "下一步", "主要安排", "工作打算", "工作计划", "工作打划", "工作思路", "工作安排", "打算"}

func isPlansHeading(s string) bool {
	for _, w := range plansWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// leftovers reports drafted text outside every section: it never prints,
// so a report that looks finished may still hide a paragraph there.
func (c *collector) leftovers(r *model.Report) {
	for _, rs := range r.Removed {
		if n := countChars(rs.Text); n > 0 {
			title := rs.Title
			if strings.TrimSpace(title) == "" {
				title = rs.ID
			}
			c.add(Finding{Rule: RuleLeftover, Message: sprintf("“已移除章节”中的“%s”还有 %d 字未处理，不会打印", title, n)})
		}
	}
	if n := countChars(r.Unmatched); n > 0 {
		c.add(Finding{Rule: RuleLeftover, Message: sprintf("“未归类内容”还有 %d 字未处理，不会打印", n)})
	}
}
