package render

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"nianbao/model"
)

// document is the report as it will be printed, independent of format:
// every writer walks the same blocks, so they cannot disagree about which
// sections appear or how they are numbered.
type document struct {
	Title  string
	Blocks []block
	Unit   string
	Date   string // formatted as 2025年3月1日 when it was given as a date
}

// block is one printed paragraph: a heading line, a prose paragraph, or a
// run-in heading followed by the section's first paragraph.
type block struct {
	Section string // section id, for writers that label blocks
	Level   int    // heading level (1 = 一、); 0 for prose
	Number  string // 一、 （一） 1. （1）
	Heading string // heading title as printed (run-in ones end in 。)
	RunIn   bool   // Text follows the heading in the same paragraph
	Text    string // prose; empty for a heading on its own line
}

// IsHeading reports whether the block starts with a heading.
func (b block) IsHeading() bool { return b.Level > 0 }

// layout decides what is printed. Numbering comes from the template order
// but only over the sections that are printed, so skipping an empty
// optional section leaves no gap (一、二、三、, never 一、三、).
func layout(t *model.Template, r *model.Report, opts Options) *document {
	d := &document{Title: strings.TrimSpace(r.DisplayTitle(t)), Unit: strings.TrimSpace(r.Unit)}
	date := r.Date
	if strings.TrimSpace(opts.Date) != "" {
		date = opts.Date
	}
	d.Date = FormatDate(date)
	if t == nil {
		return d
	}
	var walk func(list []*model.Section, level int)
	walk = func(list []*model.Section, level int) {
		n := 0
		for _, s := range list {
			if !printed(s, r) {
				continue
			}
			n++
			paras := Paragraphs(r.Text(s.ID))
			h := block{Section: s.ID, Level: level, Number: model.HeadingNumber(level, n), Heading: strings.TrimSpace(s.Title)}
			if s.RunIn && len(paras) > 0 {
				h.RunIn = true
				h.Heading = runInHeading(h.Heading)
				h.Text = paras[0]
				paras = paras[1:]
			}
			d.Blocks = append(d.Blocks, h)
			for _, p := range paras {
				d.Blocks = append(d.Blocks, block{Section: s.ID, Text: p})
			}
			walk(s.Sections, level+1)
		}
	}
	walk(t.Sections, 1)
	return d
}

// printed says whether a section appears in the output. Optional sections
// with no text anywhere below them are left out entirely; required ones
// stay, even empty, so a gap is visible on paper (the check engine warns
// about it as well). "暂无" is text like any other, so the "other matters"
// section is printed when it says so.
func printed(s *model.Section, r *model.Report) bool {
	if s.Required || strings.TrimSpace(r.Text(s.ID)) != "" {
		return true
	}
	for _, c := range s.Sections {
		if printed(c, r) {
			return true
		}
	}
	return false
}

// runInHeading ends a run-in heading with a full stop, as official
// documents do ("（一）坚持依法决策。全年……"), unless the title already
// ends in punctuation.
func runInHeading(title string) string {
	if title == "" {
		return title
	}
	last := []rune(title)[len([]rune(title))-1]
	if strings.ContainsRune("。！？；：.!?;:", last) {
		return title
	}
	return title + "。"
}

// Paragraphs splits prose on newlines. Indentation the drafter typed
// (spaces, full-width spaces, tabs) is removed because every format
// indents paragraphs itself; blank lines only separate.
func Paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

var isoDate = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)

// FormatDate writes 2025-03-01 (or 2025/3/1, 2025.3.1) as 2025年3月1日, the
// form GB/T 9704 7.3.5 uses for 成文日期. Anything else is printed as the
// drafter wrote it.
func FormatDate(s string) string {
	s = strings.TrimSpace(s)
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || day < 1 || day > 31 {
		return s
	}
	return m[1] + "年" + strconv.Itoa(mo) + "月" + strconv.Itoa(day) + "日"
}
