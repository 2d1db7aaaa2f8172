package check

import (
	"math"
	"strconv"
	"strings"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// figures checks the figure fields: required, bounds, part ≤ whole, and
// rates against their counts. It returns the completeness tally for
// required figures.
func (c *collector) figures(t *model.Template, r *model.Report, lines *DocLines) tally {
	var done tally
	t.Walk(func(s *model.Section) bool {
		for _, f := range s.Figures {
			n, set := r.Figures[f.ID]
			line := lineOf(lines, "figures", f.ID)
			if line == 0 {
				line = lineOf(lines, "sections", s.ID)
			}
			if f.Required {
				done.total++
			}
			if !set {
				switch {
				case !f.Required:
				case lines != nil:
					// In a document the figure lives in the prose; that the
					// importer did not recognise it is not proof it is absent.
					c.add(Finding{Rule: RuleFigureNotFound, Section: s.ID, Figure: f.ID, Line: line,
						Message: sprintf("文档中没有找到必填数字“%s”：%s，请核对正文是否写明", f.Label, lookedFor(f))})
				default:
					c.add(Finding{Rule: RuleFigureMissing, Section: s.ID, Figure: f.ID, Line: line,
						Message: sprintf("必填数字“%s”未填写", f.Label)})
				}
				continue
			}
			inBounds := c.bounds(s, f, n, line)
			if f.Required && inBounds {
				done.valid++
			}
			for _, whole := range f.LE {
				w, ok := r.Figures[whole]
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
				c.rate(t, r, s, f, n, line)
			}
		}
		return true
	})
	return done
}

// lookedFor says what the importer looks for to find a figure in prose.
func lookedFor(f *model.Figure) string {
	var words []string
	for _, k := range f.Keywords {
		if k != f.Unit {
			words = append(words, "“"+k+"”")
		}
	}
	unit := f.Unit
	if unit == "" {
		unit = "任意单位"
	}
	if len(words) == 0 {
		return sprintf("查找的是以“%s”为单位的数字", unit)
	}
	return sprintf("查找的是同一句中含%s、以“%s”为单位的数字", strings.Join(words, ""), unit)
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
func (c *collector) rate(t *model.Template, r *model.Report, s *model.Section, f *model.Figure, stated model.Number, line int) {
	num, ok := r.Figures[f.Rate.Numerator]
	if !ok {
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
		den, ok := r.Figures[id]
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
	msg := sprintf("“%s”填写为 %s%%，按“%s”%s ÷ “%s”%s 计算应为 %s%%",
		f.Label, stated.Text, labelOf(numF, f.Rate.Numerator), num.Text, firstDen.Label, firstVal.Text, fmtRate(computed))
	if len(f.Rate.Denominators) > 1 {
		msg += "（其他可选分母也不相符）"
	}
	c.add(Finding{Rule: RuleFigureRate, Section: s.ID, Figure: f.ID, Line: line,
		Message: msg, Stated: &st, Computed: &computed, Evidence: ev})
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
