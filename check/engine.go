package check

import (
	"sort"
	"sync"

	"nianbao/exportdata"
	"nianbao/ingest"
	"nianbao/model"
)

// DocLines maps a report that was built from a document (.txt, .md, .docx)
// back to that document, so findings carry the document's line numbers.
//
// Text is the document as the importer saw it after cleaning (one paragraph
// per line, web-page leftovers dropped); line numbers count its lines from 1.
// When Text is set, the prose and writing rules run over Text itself — so
// heading numbering, which the importer consumes into the section tree, is
// still checked — and every finding is attributed to the section whose line
// range contains it. When Text is empty, they run over each section's text
// and findings carry the section's line.
type DocLines struct {
	Text string
	// Sections gives, for each section id the importer recognised, the
	// 1-based line of its heading in Text (or of its first paragraph when it
	// had no heading). A section runs until the next recognised section.
	Sections map[string]int
	// Figures gives, for each figure id, the line of the sentence the value
	// was read from; figure findings fall back to their section's line.
	Figures map[string]int
	// Carried says the document is a nianbao export carrying its draft
	// data (package exportdata): it states everything a draft states, so a
	// missing unit or year is reported as for a draft.
	Carried bool
	// Edits lists where its visible text disagrees with that data.
	Edits []exportdata.Edit
	// Hidden is what an imported .docx carries besides its visible text
	// (comments, tracked changes, hidden text, headers and footers); the
	// publish rules report it.
	Hidden []HiddenContent
	// FigureReading is the importer's reading of the prose's figures; the
	// check takes it instead of reading again when the text is the same.
	FigureReading *ingest.FigureReading
}

// item is a finding with its sort keys.
type item struct {
	f   Finding
	sec int // section index in template order; -1 for the whole report
	seq int
}

// summary accumulates a typography rule's occurrences for one report.
type summary struct {
	count    int
	first    string // an example of the first occurrence
	section  string
	sec      int
	lines    []int
	sections []string
}

// collector gathers the findings of one check. It is pooled: the scratch
// buffers keep their capacity between reports, so checking thousands of
// reports does not allocate per rune or per line.
type collector struct {
	t     *model.Template
	r     *model.Report // the report checked, for the numbers messages name parts by
	items []item
	runes []rune
	punct summary
	space summary
	// wideDigits counts numbers typed with full-width digits (writing.digits).
	wideDigits summary
	secIndex   map[string]int
	year       int // report year; 0 when unknown
	// years counts the years the body (outside the plans) reports on,
	// for the year-body rule.
	years []yearSeen
	// staleHeadings are the year-heading findings, made only when the
	// year-body rule does not find the whole body of another year.
	staleHeadings []Finding
	// counts is scratch for the counts of the sentence a rate is checked in.
	counts []proseCount
	// explained are the rates the prose rules found given by counts of
	// their own sentence (or the one before), so that a figure read from
	// that sentence is not judged again against counts read elsewhere.
	explained []explainedRate
	// placeheld marks sections where the scan found a placeholder, so the
	// completeness count does not scan the text a second time.
	placeheld map[string]bool
	// seqBase orders findings of one section and severity: structure and
	// figure findings before prose findings, though the prose scan runs first.
	seqBase int

	// perRule counts the findings of each rule in each section; beyond
	// maxFindingsPerRule they are only counted (see add).
	perRule  map[ruleSection]int
	overflow map[ruleSection]*overflowed

	pub pubScan // the publish detectors' notes on the current line

	// current text position
	section string
	sec     int
	docMode bool // lines are document lines (not relative to a draft section)
	// doc is the document being checked, nil for a draft: messages name
	// its parts by the heading numbers it printed (partName).
	doc *DocLines
}

var collectors = sync.Pool{New: func() any { return &collector{} }}

func getCollector(t *model.Template) *collector {
	c := collectors.Get().(*collector)
	c.t = t
	c.items = c.items[:0]
	c.punct = summary{sec: -1}
	c.space = summary{sec: -1}
	c.wideDigits = summary{sec: -1}
	c.year = 0
	c.years = c.years[:0]
	c.staleHeadings = c.staleHeadings[:0]
	c.section, c.sec, c.docMode, c.doc = "", -1, false, nil
	if c.secIndex == nil {
		c.secIndex = map[string]int{}
		c.placeheld = map[string]bool{}
		c.perRule = map[ruleSection]int{}
		c.overflow = map[ruleSection]*overflowed{}
	} else {
		clear(c.secIndex)
		clear(c.placeheld)
		clear(c.perRule)
		clear(c.overflow)
	}
	c.seqBase = 0
	c.explained = c.explained[:0]
	if t != nil {
		i := 0
		t.Walk(func(s *model.Section) bool {
			c.secIndex[s.ID] = i
			i++
			return true
		})
	}
	return c
}

func putCollector(c *collector) {
	c.t, c.r, c.doc = nil, nil, nil
	if cap(c.runes) > 1<<16 {
		c.runes = nil // do not keep one giant document's buffer forever
	}
	collectors.Put(c)
}

// maxFindingsPerRule bounds how many findings of one rule one section
// lists. A real report has a handful; a pasted table or a hostile file can
// have a million, which would flood the output and memory. The rest are
// counted in one closing finding of the same rule.
const maxFindingsPerRule = 50

type ruleSection struct{ rule, section string }

// overflowed counts the findings of one rule and section beyond the cap.
type overflowed struct {
	count, sec, line int
}

// add records a finding at the default severity of its rule; the template's
// settings are applied once at the end.
func (c *collector) add(f Finding) {
	f.Severity = defaultSeverity(f.Rule)
	f.Message = model.Printable(f.Message)
	sec := -1
	if f.Section != "" {
		if i, ok := c.secIndex[f.Section]; ok {
			sec = i
		} else {
			sec = len(c.secIndex)
		}
	}
	key := ruleSection{f.Rule, f.Section}
	if c.perRule[key]++; c.perRule[key] > maxFindingsPerRule {
		o := c.overflow[key]
		if o == nil {
			o = &overflowed{sec: sec, line: f.Line}
			c.overflow[key] = o
		}
		o.count++
		return
	}
	c.items = append(c.items, item{f: f, sec: sec, seq: c.seqBase + len(c.items)})
}

// flushOverflow turns the findings beyond the cap into one finding per rule
// and section, placed after the ones listed.
func (c *collector) flushOverflow() {
	keys := make([]ruleSection, 0, len(c.overflow))
	for k := range c.overflow {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].section != keys[j].section {
			return keys[i].section < keys[j].section
		}
		return keys[i].rule < keys[j].rule
	})
	for _, k := range keys {
		o := c.overflow[k]
		f := Finding{Rule: k.rule, Section: k.section, Line: o.line, Count: o.count,
			Severity: defaultSeverity(k.rule),
			Message:  sprintf("同类问题另有 %d 处，未逐条列出（只列出前 %d 处）", o.count, maxFindingsPerRule)}
		c.items = append(c.items, item{f: f, sec: o.sec, seq: 3<<29 + len(c.items)})
	}
}

// note records one occurrence of a summarised rule.
func (c *collector) note(s *summary, line int, example func() string) {
	s.count++
	if s.count == 1 {
		s.first = example()
		s.section, s.sec = c.section, c.sec
	}
	if c.docMode || c.section == "" {
		if line > 0 && len(s.lines) < summaryExampleLines && (len(s.lines) == 0 || s.lines[len(s.lines)-1] != line) {
			s.lines = append(s.lines, line)
		}
	} else if len(s.sections) < summaryExampleLines && (len(s.sections) == 0 || s.sections[len(s.sections)-1] != c.section) {
		s.sections = append(s.sections, c.section)
	}
}

// finish turns summaries into findings, applies the template's rule
// settings and sorts. byLine sorts documents by line (their own order);
// drafts are sorted by the template's section order.
func (c *collector) finish(byLine bool) []Finding {
	if !c.yearBody() {
		for _, f := range c.staleHeadings {
			c.add(f)
		}
	}
	c.flushSummary(&c.punct, RuleHalfWidthPunct, "汉字之间使用了半角标点 %d 处，公文应使用全角标点（，。；：（）？！），如%s")
	c.flushSummary(&c.space, RuleProseSpace, "数字中间或百分号前有多余空格 %d 处，如%s")
	c.flushSummary(&c.wideDigits, RuleFullWidthDigits, "有 %d 处数字用了全角数字，公文中的阿拉伯数字应使用半角，如%s")
	c.flushOverflow()
	out := c.items[:0]
	for _, it := range c.items {
		sev, off := effective(c.t, it.f.Rule, it.f.Severity)
		if off {
			continue
		}
		it.f.Severity = sev
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if byLine && a.f.Line != b.f.Line {
			return a.f.Line < b.f.Line
		}
		if a.sec != b.sec {
			return a.sec < b.sec
		}
		if !byLine && a.f.Line != b.f.Line {
			return a.f.Line < b.f.Line
		}
		if a.f.Severity != b.f.Severity {
			return a.f.Severity > b.f.Severity
		}
		return a.seq < b.seq
	})
	if len(out) == 0 {
		return nil
	}
	fs := make([]Finding, len(out))
	for i, it := range out {
		fs[i] = it.f
	}
	return fs
}

func (c *collector) flushSummary(s *summary, rule, format string) {
	if s.count == 0 {
		return
	}
	f := Finding{Rule: rule, Section: s.section, Count: s.count,
		Message: model.Printable(sprintf(format, s.count, s.first))}
	if len(s.lines) > 0 {
		f.Line = s.lines[0]
		f.Lines = append([]int(nil), s.lines...)
	}
	if len(s.sections) > 0 {
		f.Sections = append([]string(nil), s.sections...)
	}
	f.Severity = defaultSeverity(rule)
	c.items = append(c.items, item{f: f, sec: s.sec, seq: len(c.items)})
}

// Report runs every rule on a draft. Findings come in the template's section
// order (whole-report findings first), then by severity, errors first.
func Report(t *model.Template, r *model.Report) Result {
	if t == nil {
		t = &model.Template{} // nothing is required; the title and metadata are still checked
	}
	c := getCollector(t)
	defer putCollector(c)
	c.r = r
	c.year = r.Year
	c.seqBase = 1 << 30
	plans := plansSections(t)
	t.Walk(func(s *model.Section) bool {
		text := r.Sections[s.ID]
		if text == "" {
			return true
		}
		c.section, c.sec = s.ID, c.secIndex[s.ID]
		c.scanText(text, plans[s.ID])
		return true
	})
	c.section, c.sec, c.seqBase = "", -1, 0
	c.publishTitle(r.Title)
	c.meta(t, r, nil)
	done := c.structure(t, r, nil)
	figs, prose := c.figures(t, r, nil)
	done = done.plus(figs)
	c.followUp(t, r, nil)
	return Result{Findings: c.finish(false), Completeness: done.percent(), Prose: prose}
}

// Document runs every rule on a report imported from a document; see
// DocLines for how findings get their line numbers. Findings come in line
// order (findings without a line first).
func Document(t *model.Template, r *model.Report, lines DocLines) Result {
	if t == nil {
		t = &model.Template{}
	}
	c := getCollector(t)
	defer putCollector(c)
	c.r = r
	c.year = r.Year
	c.docMode = true
	c.doc = &lines
	c.seqBase = 1 << 30
	plans := plansSections(t)
	if lines.Text != "" {
		c.scanDocument(lines.Text, sectionStarts(lines.Sections), plans)
	} else {
		t.Walk(func(s *model.Section) bool {
			text := r.Sections[s.ID]
			if text == "" {
				return true
			}
			c.section, c.sec = s.ID, c.secIndex[s.ID]
			c.scanTextAt(text, lines.Sections[s.ID], plans[s.ID])
			return true
		})
	}
	c.publishHidden(lines.Hidden, sectionStarts(lines.Sections))
	c.section, c.sec, c.seqBase = "", -1, 0
	c.meta(t, r, &lines)
	c.edits(t, r, lines.Edits)
	done := c.structure(t, r, &lines)
	figs, prose := c.figures(t, r, &lines)
	done = done.plus(figs)
	c.followUp(t, r, &lines)
	return Result{Findings: c.finish(true), Completeness: done.percent(), Prose: prose}
}

// tally counts required items for the completeness score.
type tally struct{ total, valid int }

func (a tally) plus(b tally) tally { return tally{a.total + b.total, a.valid + b.valid} }

func (a tally) percent() float64 {
	if a.total == 0 {
		return 100
	}
	return float64(100 * a.valid / a.total) // integer division rounds down
}
