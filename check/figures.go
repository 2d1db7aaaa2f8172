package check

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/exportdata"
	"nianbao/ingest"
	"nianbao/internal/zhtext"
	"nianbao/model"
)

// figureValues is the value each figure has for every rule, and where the
// prose states it: the field when filled, else the number the prose
// states, read by the importer's extractor (ingest.ReadFigures). A figure
// written only in the text is given; a field holding invalid text has no
// value and does not fall back to the text, since the drafter typed
// something else. The check, the editor's figure panel and export all
// take figure values from here, so they cannot disagree.
func figureValues(t *model.Template, r *model.Report, prior *ingest.FigureReading) (vals map[string]model.Number, prose map[string]ingest.ProseFigure) {
	if t == nil {
		return r.Figures, nil
	}
	prose, same := prior.For(t, r)
	if !same {
		prose = ingest.ReadFigures(t, r)
	}
	vals = make(map[string]model.Number, len(r.Figures)+len(prose))
	for id, n := range r.Figures {
		vals[id] = n
	}
	for id, p := range prose {
		if _, set := vals[id]; set {
			continue
		}
		if _, bad := r.Invalid[id]; !bad {
			vals[id] = p.Value
		}
	}
	return vals, prose
}

// figures checks the figures: required, valid, bounds, part ≤ whole, rates
// against their counts, and fields against the prose. It returns the
// completeness tally for required figures and what the prose states.
func (c *collector) figures(t *model.Template, r *model.Report, lines *DocLines) (tally, map[string]ingest.ProseFigure) {
	var done tally
	var prior *ingest.FigureReading
	if lines != nil {
		prior = lines.FigureReading
	}
	vals, prose := figureValues(t, r, prior)
	// typed are the values a drafter typed into fields. An imported
	// document has none: its figures were read from its text (unless it is
	// a nianbao export carrying its draft's fields).
	typed := r.Figures
	if lines != nil && !lines.Carried {
		typed = nil
	}
	t.Walk(func(s *model.Section) bool {
		for _, f := range s.Figures {
			n, set := vals[f.ID]
			line := lineOf(lines, "figures", f.ID)
			if line == 0 {
				line = lineOf(lines, "sections", s.ID)
			}
			if f.Required {
				done.total++
			}
			if raw, bad := r.Invalid[f.ID]; bad {
				c.invalid(s, f, raw, line)
				continue
			}
			if p, read := prose[f.ID]; read {
				if typed, filled := r.Figures[f.ID]; filled {
					c.proseMismatch(s, f, typed, p, line)
				}
			}
			if !set {
				if f.Required && (lines == nil || carriedBlank(lines, s.ID)) {
					c.add(Finding{Rule: RuleFigureMissing, Section: s.ID, Figure: f.ID, Line: line,
						Message: sprintf("必填数字“%s”未填写", f.Label)})
				} else if f.Required {
					c.figureNotFound(s, f, r.Text(s.ID), line)
				}
				continue
			}
			inBounds := c.bounds(s, f, n, line)
			if f.Required && inBounds {
				done.valid++
			}
			for _, whole := range f.LE {
				w, ok := vals[whole]
				if !ok || n.Value <= w.Value {
					continue
				}
				wf, _ := t.Figure(whole)
				label := whole
				if wf != nil {
					label = wf.Label
				}
				c.add(Finding{Rule: RuleFigureLE, Section: s.ID, Figure: f.ID, Line: line,
					Message: sprintf("“%s”（%s%s）大于“%s”（%s%s）：部分不能超过整体",
						f.Label, n.Text, f.Unit, label, w.Text, unitOf(wf))})
			}
			if f.Rate != nil {
				var read *ingest.ProseFigure
				p, inProse := prose[f.ID]
				tv, isTyped := typed[f.ID]
				switch {
				case inProse && !isTyped:
					read = &p
				case inProse && tv.Value == p.Value.Value && c.proseRateFound(&p):
					// The field states the very number of a sentence the
					// prose rules have judged: one slip, reported once, at
					// the sentence (an export's text edited after export
					// gives its field the text's number).
					continue
				}
				c.rate(t, vals, typed, prose, s, f, n, read, line)
			}
		}
		return true
	})
	return done, prose
}

// invalid reports a field holding text that is not a number. The text is
// kept in the draft so nothing typed is lost, but it counts as no value.
func (c *collector) invalid(s *model.Section, f *model.Figure, raw string, line int) {
	why := "不是数字"
	if _, err := model.ParseNumber(raw); err != nil {
		why = err.Error()
	}
	c.add(Finding{Rule: RuleFigureInvalid, Section: s.ID, Figure: f.ID, Line: line,
		Message: sprintf("数字“%s”填写为“%s”，无效（%s）：未计入，请改正", f.Label, clipRunes(raw, 30), why)})
}

// proseMismatch reports a field whose value differs from the number the
// prose states for the same figure. A warning: the extractor may have
// read the sentence wrongly, and the drafter can see both.
func (c *collector) proseMismatch(s *model.Section, f *model.Figure, typed model.Number, p ingest.ProseFigure, line int) {
	if !p.Differs(typed) {
		return
	}
	st, tx := typed.Value, p.Value.Value
	c.add(Finding{Rule: RuleFigureProse, Section: s.ID, Figure: f.ID, Line: line,
		Message: sprintf("“%s”数字栏填写 %s%s，正文写的是 %s%s（“%s”）：请核对，以正确的为准改正另一处",
			f.Label, typed.Text, f.Unit, p.Value.Text, p.Unit, clipRunes(p.Quote(), 60)),
		Stated: &st, Computed: &tx})
}

// clipRunes shortens s to n runes with an ellipsis, for quoting.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// carriedBlank: the document is a nianbao export whose section s reads as
// exported, so a required figure its draft left blank is blank in the
// draft the drafter checked, and is reported as the editor reported it.
// Once the section's text was edited after the export, the figure may be
// stated in words the importer does not read: that is figureNotFound's
// warning.
func carriedBlank(lines *DocLines, s string) bool {
	if !lines.Carried {
		return false
	}
	for _, e := range lines.Edits {
		if e.Kind == exportdata.EditSection && e.Section == s || e.Kind == exportdata.EditUnreadable {
			return false
		}
	}
	return true
}

// figureNotFound reports a required figure the importer did not find in a
// document. The text may state it in words the extractor does not know, so
// it is a warning that says what was looked for, not an error.
func (c *collector) figureNotFound(s *model.Section, f *model.Figure, text string, line int) {
	var words, keys []string
	for _, k := range f.Keywords {
		// One-character keywords ("收") are fragments of words; they
		// would confuse more than tell.
		if k != f.Unit && utf8.RuneCountInString(k) > 1 {
			words = append(words, k)
			keys = append(keys, "“"+k+"”")
		}
	}
	msg := sprintf("文档中没有找到必填数字“%s”", f.Label)
	if len(keys) > 0 {
		msg += sprintf("（查找的是写有%s、以“%s”计的数字）", strings.Join(keys, "和"), f.Unit)
	}
	if len(words) > 0 && tableByUnitWithoutTotal(text, words, f.Unit) {
		msg += "；章节中的表格按单位分列了这项数字，但没有“合计”行：请在表中加合计行，或在正文写明总数"
	} else {
		msg += "；如文中已写明，请核对写法，否则请补上"
	}
	c.add(Finding{Rule: RuleFigureNotFound, Section: s.ID, Figure: f.ID, Line: line, Message: msg})
}

func unitOf(f *model.Figure) string {
	if f == nil {
		return ""
	}
	return f.Unit
}

// bounds reports a value outside the template's range, or a count that is
// not a whole number; it says whether the value is acceptable.
func (c *collector) bounds(s *model.Section, f *model.Figure, n model.Number, line int) bool {
	var msg string
	switch {
	case f.Min != nil && n.Value < *f.Min:
		msg = sprintf("数字“%s”为 %s%s，小于下限 %s", f.Label, n.Text, f.Unit, fmtNum(*f.Min))
	case f.Max != nil && n.Value > *f.Max:
		msg = sprintf("数字“%s”为 %s%s，大于上限 %s", f.Label, n.Text, f.Unit, fmtNum(*f.Max))
	case (f.Kind == model.KindCount || f.Kind == "") && n.Value < 0:
		// A template without min: 0 still cannot make a count negative.
		msg = sprintf("数字“%s”是件数、人次一类的计数，不能为负数，实际填写 %s", f.Label, n.Text)
	case (f.Kind == model.KindCount || f.Kind == "") && n.Value != math.Trunc(n.Value):
		msg = sprintf("数字“%s”是件数、人次一类的计数，应为整数，实际填写 %s", f.Label, n.Text)
	default:
		return true
	}
	c.add(Finding{Rule: RuleFigureBounds, Section: s.ID, Figure: f.ID, Line: line, Message: msg})
	return false
}

// rate compares a stated percentage with numerator ÷ denominator. Any of the
// listed denominators may explain it (纠错率 is computed over cases decided
// or over cases received, depending on the office).
//
// read is where the stated rate was read when it comes from the prose, not
// a field: the prose rules have then judged that sentence already, and a
// second finding for the same words would report one slip twice.
//
// typed are the values typed into fields, prose those read from the text.
// When the numbers read from the text come from more than one sentence,
// the finding is a doubt (a warning): the reading paired numbers across
// sentences, and the drafter must confirm they belong together.
func (c *collector) rate(t *model.Template, vals, typed map[string]model.Number, prose map[string]ingest.ProseFigure, s *model.Section, f *model.Figure, stated model.Number, read *ingest.ProseFigure, line int) {
	num, ok := vals[f.Rate.Numerator]
	if !ok {
		return
	}
	if read != nil && (c.proseRateFound(read) || c.proseRateExplained(read)) {
		return
	}
	tol := f.Rate.EffectiveTolerance()
	decimals := decimalsOf(stated.Text)
	numF, _ := t.Figure(f.Rate.Numerator)
	ev := &Evidence{Numbers: []EvidenceNumber{
		{Role: "stated", Text: stated.Text + "%", Value: stated.Value, Label: f.Label, Qualifier: zhtext.Exact.String()},
		{Role: "numerator", Text: num.Text + unitOf(numF), Value: num.Value, Label: labelOf(numF, f.Rate.Numerator)},
	}}
	var firstDen *model.Figure
	var firstVal model.Number
	for _, id := range f.Rate.Denominators {
		den, ok := vals[id]
		if !ok || den.Value <= 0 {
			continue
		}
		computed := 100 * num.Value / den.Value
		if rateConsistent(stated.Value, computed, decimals, tol, zhtext.Exact) {
			return
		}
		df, _ := t.Figure(id)
		ev.Denominators = append(ev.Denominators, Denominator{Text: labelOf(df, id) + " " + den.Text + unitOf(df), Value: den.Value, Rate: computed})
		if firstDen == nil {
			firstDen, firstVal = df, den
			if firstDen == nil {
				firstDen = &model.Figure{ID: id, Label: id}
			}
		}
	}
	if firstDen == nil {
		return // no usable denominator: nothing to compare with
	}
	computed := 100 * num.Value / firstVal.Value
	st := stated.Value
	how := "填写为"
	if read != nil {
		how = "在正文中写为"
	}
	msg := sprintf("“%s”%s %s%%，按“%s”%s ÷ “%s”%s 计算应为 %s%%",
		f.Label, how, stated.Text, labelOf(numF, f.Rate.Numerator), num.Text, firstDen.Label, firstVal.Text, fmtRate(computed))
	if len(f.Rate.Denominators) > 1 {
		msg += "（其他可选分母也不相符）"
	}
	rule := RuleFigureRate
	if readAcrossSentences(typed, prose, f.ID, f.Rate.Numerator, firstDen.ID) {
		rule = RuleProseRateDoubt
		msg += "；这些数字是从正文不同的句子中读出的，请核对比率和件数是否对应"
	}
	c.add(Finding{Rule: rule, Section: s.ID, Figure: f.ID, Line: line,
		Message: msg, Stated: &st, Computed: &computed, Evidence: ev})
}

// readAcrossSentences says whether the figures ids that were not typed
// into fields were read from more than one sentence of the text.
func readAcrossSentences(typed map[string]model.Number, prose map[string]ingest.ProseFigure, ids ...string) bool {
	first := ""
	for _, id := range ids {
		if _, ok := typed[id]; ok {
			continue
		}
		p, ok := prose[id]
		if !ok {
			continue
		}
		if first == "" {
			first = p.Sentence
		} else if p.Sentence != first {
			return true
		}
	}
	return false
}

// proseRateFound says whether a prose rate finding (an error or a doubt)
// was made on the sentence a figure was read from.
func (c *collector) proseRateFound(read *ingest.ProseFigure) bool {
	for _, it := range c.items {
		f := it.f
		if (f.Rule != RuleProseRate && f.Rule != RuleProseRateDoubt) || f.Evidence == nil || f.Evidence.Sentence == "" {
			continue
		}
		if f.Section != "" && read.Section != "" && f.Section != read.Section {
			continue
		}
		if overlaps(read.Sentence, f.Evidence.Sentence) {
			return true
		}
	}
	return false
}

// proseRateExplained says whether the prose rules found a rate read from
// the text given by the counts of its own sentence: “行政诉讼败诉率为3.1%
// （败诉2件，共审结65件）” is over the cases decided, whatever the count of
// cases another sentence gives, and the text says so itself.
func (c *collector) proseRateExplained(read *ingest.ProseFigure) bool {
	for _, e := range c.explained {
		if e.value == read.Value.Value && overlaps(read.Sentence, e.sentence) {
			return true
		}
	}
	return false
}

// overlaps says whether two readings of a sentence are one: the figure
// reader splits at ；and keeps the closing 。, the prose rules split at 。
// only and drop it, so one holds the other once the closing mark is off.
func overlaps(a, b string) bool {
	a, b = strings.TrimRight(a, "。！？；;!? "), strings.TrimRight(b, "。！？；;!? ")
	if a == "" || b == "" {
		return false
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
}

func labelOf(f *model.Figure, id string) string {
	if f == nil {
		return id
	}
	return f.Label
}

// RateExplains reports whether a stated rate (as typed, so its decimals
// count) agrees with computed, the percentage its counts give, within tol
// percentage points — the one rule the check and the editor's figures pane
// both apply.
func RateExplains(stated model.Number, computed, tol float64) bool {
	return rateConsistent(stated.Value, computed, decimalsOf(stated.Text), tol, zhtext.Exact)
}

// rateConsistent accepts a stated rate that is within tolerance of the
// computed one, or that is the computed one truncated or rounded to the
// number of decimals written (99% for 99.27% is fine; real reports truncate
// more often than they round). A qualified rate is a bound: “95%以上” holds
// for any computed rate from 95 up, “近99%” for one a little under 99, and
// “约96%” for one within a point of it.
func rateConsistent(stated, computed float64, decimals int, tol float64, q zhtext.Qualifier) bool {
	const eps = 1e-6
	switch q {
	case zhtext.Over:
		return computed >= stated-tol-eps
	case zhtext.Under:
		return computed <= stated+tol+eps && computed >= stated-max(5, stated/10)
	case zhtext.About:
		return math.Abs(stated-computed) <= max(tol, 1)+eps
	}
	if math.Abs(stated-computed) <= tol+1e-9 {
		return true
	}
	p := math.Pow10(decimals)
	if math.Abs(math.Floor(computed*p+eps)/p-stated) < eps {
		return true
	}
	return math.Abs(math.Round(computed*p)/p-stated) < eps
}

func decimalsOf(text string) int {
	i := strings.IndexByte(text, '.')
	if i < 0 {
		return 0
	}
	return len(text) - i - 1
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// fmtRate writes a computed rate the way reports do: two decimals, trailing
// zeros dropped.
func fmtRate(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// tableByUnitWithoutTotal says whether text holds a table, as the importer
// reads one a row to a line (cells apart by ingest.CellSep), whose header
// names the figure (every one of words) and whose rows give it unit by
// unit, two or more with a count in unit, with no total row ("合计"):
// the figure is there, split, and the office cannot tell whether the
// units listed are all of them.
func tableByUnitWithoutTotal(text string, words []string, unit string) bool {
	lines := strings.Split(text, "\n")
	for i, head := range lines {
		if !strings.Contains(head, ingest.CellSep) || !containsAll(head, words) {
			continue
		}
		rows := 0
		for _, row := range lines[i+1:] {
			label, _, ok := strings.Cut(row, ingest.CellSep)
			if !ok {
				break
			}
			if ingest.IsTotalLabel(label) {
				return false
			}
			if countIn(row, unit) {
				rows++
			}
		}
		if rows >= 2 {
			return true
		}
	}
	return false
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// countIn says whether s states a count in unit (or one counting the same).
func countIn(s, unit string) bool {
	for n, ok := zhtext.NextNumber(s, 0); ok; n, ok = zhtext.NextNumber(s, n.End) {
		if zhtext.SameCountUnit(n.Unit, unit) {
			return true
		}
	}
	return false
}
