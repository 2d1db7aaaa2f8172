package ingest

import (
	"slices"
	"strings"

	"nianbao/internal/zhtext"
)

// Heading is a numbered or marked heading recognised in the document.
type Heading struct {
	Line   int    // source line
	Level  int    // 1 = 一、 2 = （一） 3 = 1. 4 = （1）, after adjusting for the levels used
	Number string // the number as written, e.g. "(一)" or "一,"; "" for a heading given by markup only
	Index  int    // the number's value (一 = 1), 0 when unnumbered
	Text   string // heading text without number and closing punctuation; for run-in headings up to the first full stop
	RunIn  bool   // body text follows on the same line
}

// headingRe is a line that looks like a numbered heading, for the
// cleaner's quick tests (isHeadingLine): looser than zhtext.ParseHeading,
// which reads the number.
var headingRe = lazyRegexp(`^[ \t\x{3000}]*(?:[一二三四五六七八九十]{1,3}[ \t]*[、,，.．]|[(（][ \t]*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[ \t]*[)）]|[0-9０-９]{1,2}[ \t]*[.．、,，][^0-9０-９]|[0-9０-９]{1,2}[.．][0-9０-９]{1,2}[ \t\x{3000}]*\p{Han})`)

// matchNumber recognises a heading number at the start of a line and
// returns its level, the prefix as written and its value (see
// zhtext.ParseHeading, which the check reads headings with too).
func matchNumber(s string) (level int, prefix string, index int) {
	h, ok := zhtext.ParseHeading(s)
	if !ok {
		return 0, "", 0
	}
	return h.Level, h.Prefix, h.Index
}

// headingStart is the first character of s after the blanks the heading
// expressions allow before a number (space, tab, U+3000); 0 for none.
func headingStart(s string) rune { return firstRune(strings.TrimLeft(s, " \t\u3000")) }

// mayStartHeading says whether s starts, after blanks, with a character a
// heading number starts with (a numeral, a bracket, a digit or 第): most
// lines start with none, and then no heading expression needs to run.
// It holds the first characters matchNumber dispatches on.
func mayStartHeading(s string) bool {
	r := headingStart(s)
	return zhtext.NumeralValue(r) != 0 || zhtext.IsDigit(r) || r == '(' || r == '（' || r == '第'
}

// isHeadingLine is headingRe's match, asked only of lines that may start
// a heading: on a line that cannot, the expression's backtracker still
// cleared a bitmap the length of the line.
func isHeadingLine(s string) bool {
	return mayStartHeading(s) && headingRe().MatchString(s)
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// splitHeading separates a heading's text from run-in body text: a heading
// like "（一）加强组织领导。本年度……" states its theme in the first sentence.
func splitHeading(rest string) (text string, runIn bool) {
	rest = zhtext.TrimBlank(rest)
	sentence := false // the text ends with a full stop: a sentence, not a title
	if i := zhtext.IndexAny(rest, "。！？!?"); i >= 0 {
		after := strings.TrimFunc(rest[i:], func(r rune) bool { return isSpace(r) || strings.ContainsRune("。！？!?", r) })
		if after != "" {
			return rest[:i], true
		}
		sentence = true
	}
	text = strings.TrimRightFunc(rest, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune("。：:；;，,、", r)
	})
	// A heading run into its prose at a comma, a colon or a blank
	// ("（二）推进依法决策，全年开展合法性审查216件…", "（三）严格规范执法：
	// 全县…"): what follows is body, a count or, in a line that ends as a
	// sentence does, more than a clause, and is kept. A title may hold a
	// second phrase, long or not ("…第一责任人职责，加强法治政府建设的有关
	// 情况"), never a count. The whole text still names the section: its
	// first phrase alone may not ("坚持和发展新时代“枫桥经验”，有效预防调处
	// 化解社会矛盾纠纷…").
	if i := headingBreak(text); i > 0 {
		if after := text[i:]; holdsCount(after) || sentence && longerThan(after, 20) {
			return text, true
		}
	}
	// No break, but a count: prose, the heading's words run straight
	// into it ("（二）全年开展合法性审查216件"). Kept as body.
	if holdsCount(text) {
		return text, true
	}
	return text, false
}

// headingBreak is where the first comma, colon, semicolon or blank of a
// heading's text stands, -1 for none.
func headingBreak(s string) int {
	for i, r := range s {
		if isSpace(r) || strings.ContainsRune("，,：:；;", r) {
			return i
		}
	}
	return -1
}

// holdsCount says whether s states a number with a unit, as prose does
// ("216件", "98%", "3.2万人次", "120万元"), not a year ("2026年度").
func holdsCount(s string) bool {
	for n, ok := zhtext.NextNumber(s, 0); ok; n, ok = zhtext.NextNumber(s, n.End) {
		if n.Unit != "" {
			return true
		}
	}
	return false
}

// part is one heading with the lines under it, in a tree.
type part struct {
	head     *Heading // nil for the document root
	line     Line     // the heading line as read
	body     []Line
	children []*part
}

// outline is the recognised shape of a document.
type outline struct {
	preamble []Line // lines before the title that were not dropped
	// afterword are the lines after the signature that are no report text
	// (抄送, 印发, a page number): kept, but not in any section.
	afterword []Line
	title     *Line
	opening   []Line // paragraphs between the title and the first heading
	root      *part
	headings  []Heading
	trailer   []Line // signature lines at the end
	dateLine  *Line
	contact   string // the 附注 "（联系人：…）" under the date, when printed
	itemCount int    // 一是/二是 points seen in paragraphs
}

// titleRe finds the report title: a short line naming an annual report.
var titleRe = lazyRegexp(`(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.*报告|年度.*报告|法治政府建设.*报告`)

// titleStart says whether a line can be the first line of a title broken
// over several lines: short, no sentence punctuation, not a heading.
func titleStart(line string) bool {
	t := zhtext.TrimBlank(line)
	// 〔〕 hold a document number's year ("青政发〔2027〕3号"), never a title's.
	if t == "" || longerThan(t, 30) || strings.ContainsAny(t, "。；;，,：:、 　|·>›»/【】[]()（）〔〕") ||
		strings.HasPrefix(t, "附件") || dateLineRe().MatchString(t) {
		return false
	}
	lvl, _, _ := matchNumber(t)
	return lvl == 0
}

var dateLineRe = lazyRegexp(`^\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$`)

var contactNoteRe = lazyRegexp(`^[（(]\s*联系人[：:]\s*(.+?)\s*[）)]$`)

var itemRe = lazyRegexp(`(?:^|[。；;，,：:])\s*([一二三四五六七八九十]{1,3})是`)

// parseOutline recognises title, opening, headings and the part tree.
func parseOutline(lines []Line) *outline {
	o := &outline{root: &part{}}
	nonBlank := make([]Line, 0, len(lines))
	for _, l := range lines {
		if !isBlankText(l.Text) {
			nonBlank = append(nonBlank, l)
		}
	}
	// The title is near the top: the first line marked as title, or the
	// first short line naming an annual report, before any heading.
	ti := -1
	for i, l := range nonBlank {
		if i >= 12 {
			break
		}
		t := zhtext.TrimBlank(l.Text)
		if lvl, _, _ := matchNumber(t); lvl > 0 {
			break
		}
		if l.Title || !longerThan(t, 80) && titleRe().MatchString(t) && !strings.HasSuffix(t, "。") {
			ti = i
			break
		}
	}
	if ti >= 0 {
		// A title printed on two or three balanced lines (GB/T 9704 §7.2)
		// reads back as several lines, the one naming the report last: the
		// short lines just before it are its beginning.
		title := nonBlank[ti]
		for k := 0; k < 2 && ti > 0 && titleStart(nonBlank[ti-1].Text); k++ {
			prev := nonBlank[ti-1]
			prev.Text = zhtext.TrimBlank(prev.Text) + zhtext.TrimBlank(title.Text)
			title = prev
			ti--
		}
		o.preamble = nonBlank[:ti]
		o.title = &title
		nonBlank = nonBlank[ti+1:]
	}
	o.trimTrailer(&nonBlank)

	// Markup levels of unnumbered headings are ranked from the smallest used,
	// so "## 基本情况" under a "# 标题" is a top-level part.
	minMarkup := 0
	for _, l := range nonBlank {
		if l.Level > 0 && (minMarkup == 0 || l.Level < minMarkup) {
			if lvl, _, _ := matchNumber(l.Text); lvl == 0 {
				minMarkup = l.Level
			}
		}
	}
	type found struct {
		h    Heading
		line Line
	}
	// Without numbered parts, a short line naming a part ("存在的问题")
	// is a part's heading: some reports, department ones most, number
	// nothing at the top level.
	plainParts := true
	for _, l := range nonBlank {
		if lvl, _, _ := matchNumber(l.Text); lvl == 1 || l.Level > 0 {
			plainParts = false
			break
		}
	}
	hs := make([]found, 0, len(nonBlank))
	minLevel := 0
	for _, l := range nonBlank {
		t := l.Text
		o.itemCount += countItems(t)
		lvl, prefix, idx := matchNumber(t)
		var h Heading
		switch {
		case lvl > 0:
			text, runIn := splitHeading(t[len(prefix):])
			h = Heading{Line: l.No, Level: lvl, Number: zhtext.TrimBlank(prefix), Index: idx, Text: text, RunIn: runIn}
		case l.Level > 0 && !longerThan(t, 80):
			// A paragraph styled as a heading may run on into prose, as a
			// numbered one may: that prose is kept (RunIn).
			text, runIn := splitHeading(t)
			h = Heading{Line: l.No, Level: l.Level - minMarkup + 1, Text: text, RunIn: runIn}
		case plainParts && isPlainPart(t):
			text, runIn := splitHeading(t)
			h = Heading{Line: l.No, Level: 1, Text: text, RunIn: runIn}
		default:
			hs = append(hs, found{line: l})
			continue
		}
		if minLevel == 0 || h.Level < minLevel {
			minLevel = h.Level
		}
		hs = append(hs, found{h: h, line: l})
	}
	// A report without 一、 parts (only （一） and below) still has top-level
	// parts: shift levels so the highest one used is 1.
	shift := 0
	if minLevel > 1 {
		shift = minLevel - 1
	}
	stack := []*part{o.root}
	seenHeading := false
	// A part's body lines come together, right after its heading (the
	// part on top of the stack is always the newest), so each body is a
	// window of one list, allocated once and never grown.
	bodies := make([]Line, 0, len(hs))
	for _, f := range hs {
		if f.h.Level == 0 {
			if !seenHeading {
				o.opening = append(o.opening, f.line)
				continue
			}
			p := stack[len(stack)-1]
			bodies = append(bodies, f.line)
			n := len(bodies)
			p.body = bodies[n-len(p.body)-1 : n : n]
			continue
		}
		seenHeading = true
		h := f.h
		h.Level -= shift
		o.headings = append(o.headings, h)
		for len(stack) > 1 && stack[len(stack)-1].head.Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		hh := h
		p := &part{head: &hh, line: f.line}
		parent := stack[len(stack)-1]
		parent.children = append(parent.children, p)
		stack = append(stack, p)
	}
	return o
}

// plainPartWords name the parts of a report; a short line holding one and
// no sentence punctuation is a heading, not prose.
var plainPartWords = []string{"基本情况", "工作情况", "主要做法", "主要举措", "举措和成效", "存在的问题", "存在问题", "不足和原因", "问题和不足", "下一步", "工作打算", "工作思路", "主要安排", "工作计划", "其他需要报告", "第一责任人"}

const maxPlainPartRunes = 48 // the standard titles run to 41

func isPlainPart(line string) bool {
	t := strings.TrimRight(zhtext.TrimBlank(line), "：:")
	if t == "" || longerThan(t, maxPlainPartRunes) || strings.ContainsAny(t, "。，；！？,;!?") {
		return false
	}
	return zhtext.ContainsAnyWord(t, plainPartWords)
}

// trimTrailer takes the signature and date off the end of the report: a
// date line, optionally preceded by the unit's name.
func (o *outline) trimTrailer(lines *[]Line) {
	// What follows the date is set aside while the signature and date are
	// found: an attachment (附件, 附表) is kept after the report's text,
	// the lines that are no report text (抄送, 印发, a page number) among
	// the unclassified ones (afterword).
	var after []Line // an attachment, kept after the report's text
	if p := dateBeforeAfterMatter(*lines); p >= 0 {
		rest := slices.Clone((*lines)[p+1:])
		*lines = (*lines)[:p+1]
		for i, l := range rest {
			t := zhtext.TrimBlank(l.Text)
			switch m := contactNoteRe().FindStringSubmatch(t); {
			case isAttachmentStart(t):
				for _, l := range rest[i:] {
					if pageNumber.MatchString(zhtext.TrimBlank(l.Text)) {
						o.afterword = append(o.afterword, l)
					} else {
						after = append(after, l)
					}
				}
			case m != nil && o.contact == "":
				o.contact = strings.TrimSpace(m[1])
				continue
			default:
				o.afterword = append(o.afterword, l)
				continue
			}
			break
		}
		defer func() { *lines = append(*lines, after...) }()
	}
	ls := *lines
	n := len(ls)
	// The copy submitted upward prints the contact as a note under the
	// date (GB/T 9704 §7.3.6 附注): a last line "（联系人：…）" is the
	// contact, not report text.
	if n > 1 {
		if m := contactNoteRe().FindStringSubmatch(zhtext.TrimBlank(ls[n-1].Text)); m != nil {
			o.contact = strings.TrimSpace(m[1])
			n--
			ls = ls[:n]
			*lines = ls
		}
	}
	if n == 0 || !dateLineRe().MatchString(ls[n-1].Text) {
		return
	}
	d := ls[n-1]
	o.dateLine = &d
	n--
	if n > 0 {
		t := zhtext.TrimBlank(ls[n-1].Text)
		if !longerThan(t, 30) && !strings.ContainsAny(t, "。；;，,") && !isHeadingLine(t) {
			o.trailer = append(o.trailer, ls[n-1])
			n--
		}
	}
	*lines = ls[:n]
}

// maxAfterMatter bounds how far before the end the date line is looked
// for: a signature block is followed by a few lines, not pages.
const maxAfterMatter = 12

// dateBeforeAfterMatter is the index of a date line followed only by a
// contact note, 抄送 or 印发 lines, page numbers, or an attachment (from a
// line opening with 附件, 附表 or 附：on); -1 when the date is the last
// line, or there is none such.
func dateBeforeAfterMatter(ls []Line) int {
	for p := len(ls) - 2; p >= 0 && p >= len(ls)-1-maxAfterMatter; p-- {
		if !dateLineRe().MatchString(ls[p].Text) {
			continue
		}
		for _, l := range ls[p+1:] {
			t := zhtext.TrimBlank(l.Text)
			switch {
			case isAttachmentStart(t):
				return p
			case contactNoteRe().MatchString(t), strings.HasPrefix(t, "抄送"), strings.HasSuffix(t, "印发"), pageNumber.MatchString(t):
			default:
				return -1
			}
		}
		return p
	}
	return -1
}

// isAttachmentStart: the line opens an attachment printed after the
// signature ("附件：…", "附表1 …", "附：主要数据统计表").
func isAttachmentStart(t string) bool {
	return zhtext.HasPrefixAny(t, []string{"附件", "附表", "附：", "附:"})
}
