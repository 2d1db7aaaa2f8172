package ingest

import (
	"strings"

	"nianbao/exportdata"
	"nianbao/internal/zhtext"
	"nianbao/model"
)

// reconcile weighs the draft data an exported file carries against what
// the importer read from its visible text. The carried data fills in what
// the text does not say (year, contact, the template's version, figures
// phrased so the extractor misses them). Where the page was edited after
// the export (the title, signature or date line reads otherwise; a
// section's text no longer matches its fingerprint) the visible text wins,
// because that is what the office reads, and each disagreement is recorded
// in res.Edits for the check to report. In a section left as exported, the
// carried figures stand even where the extractor reads another number:
// that disagreement was already in the draft and is the draft's to report.
//
// To keep precision, a part the importer did not find in the text (a
// signature or date line it could not recognise) is not taken as deleted:
// only a part found with another value is an edit.
func reconcile(res *Result, t *model.Template, doc *Document) {
	if doc.CarriedErr != nil {
		res.Edits = append(res.Edits, exportdata.Edit{Kind: exportdata.EditUnreadable, Shown: doc.CarriedErr.Error()})
		return
	}
	p := doc.Carried
	if p == nil {
		return
	}
	res.Carried = true
	r, c := res.Report, p.Draft
	if c.Template.ID == t.ID {
		r.Template = c.Template
	}
	guessUnit, guessYear := r.Unit, r.Year
	r.Unit, r.Year, r.Title, r.Date, r.Contact = c.Unit, c.Year, c.Title, c.Date, c.Contact

	if res.Title != p.Shown.Title {
		res.Edits = append(res.Edits, exportdata.Edit{Kind: exportdata.EditTitle, Line: res.TitleLine,
			Carried: p.Shown.Title, Shown: res.Title})
		// The signature line, when there is one, names the unit more
		// surely than a title read by pattern.
		if guessUnit != "" && res.Signature == "" {
			r.Unit = guessUnit
		}
		if guessYear != 0 {
			r.Year = guessYear
		}
		r.Title = ""
		if res.Title != "" && res.Title != t.Title(r.Unit, r.Year) {
			r.Title = res.Title
		}
	}
	if res.Signature != "" && res.Signature != p.Shown.Signature {
		res.Edits = append(res.Edits, exportdata.Edit{Kind: exportdata.EditSignature,
			Carried: p.Shown.Signature, Shown: res.Signature})
		r.Unit = res.Signature
	}
	if res.Date != "" && res.Date != p.Shown.Date {
		res.Edits = append(res.Edits, exportdata.Edit{Kind: exportdata.EditDate,
			Carried: p.Shown.Date, Shown: res.Date})
		r.Date = res.Date
	}

	// Figures: the carried values, then the text's where it states another.
	read := r.Figures
	r.Figures = map[string]model.Number{}
	for id, n := range c.Figures {
		if f, _ := t.Figure(id); f != nil {
			r.Figures[id] = n
		}
	}
	edited := map[string]bool{}
	for _, s := range t.Flatten() {
		if exportdata.Digest(r.Text(s.ID)) != p.Digests[s.ID] {
			edited[s.ID] = true
		}
	}
	var figEdits []exportdata.Edit
	for _, f := range t.Figures() {
		_, sec := t.Figure(f.ID)
		tn, stated := read[f.ID]
		cn, carried := c.Figures[f.ID]
		switch {
		case !stated:
			continue
		case carried && tn.Value == cn.Value:
			continue
		case !edited[sec.ID]:
			// The text is as exported, so the draft's own state stands
			// (a field left empty, or one that disagrees with its
			// sentence already in the draft, which the check reports
			// the same way for both): its check is the export's check.
			delete(r.Sources, f.ID)
			continue
		}
		e := exportdata.Edit{Kind: exportdata.EditFigure, Section: sec.ID, Figure: f.ID,
			Line: res.FigureLines[f.ID], Shown: tn.Text}
		if carried {
			e.Carried = cn.Text
		}
		figEdits = append(figEdits, e)
		r.Figures[f.ID] = tn
	}
	for _, s := range t.Flatten() {
		if !edited[s.ID] {
			continue
		}
		e := exportdata.Edit{Kind: exportdata.EditSection, Section: s.ID, Line: res.SectionLines[s.ID]}
		for _, f := range s.Figures {
			if _, stated := read[f.ID]; !stated {
				if _, carried := c.Figures[f.ID]; carried {
					e.Unconfirmed = append(e.Unconfirmed, f.ID)
				}
			}
		}
		res.Edits = append(res.Edits, e)
	}
	res.Edits = append(res.Edits, figEdits...)
	if len(r.Sources) == 0 {
		r.Sources = nil
	}
}

// takeShownTrailer takes the printed signature and date off the end of
// the last section's text when the importer did not recognise them by
// their form (a date such as "2026年春", a unit name too long for a
// signature line): the carried data says exactly what was printed there,
// so they are not mistaken for an edit of that section.
func takeShownTrailer(res *Result, t *model.Template, p *exportdata.Payload) {
	if res.Date != "" && res.Signature != "" {
		return
	}
	last := ""
	for _, s := range t.Flatten() {
		if !isBlankText(res.Report.Text(s.ID)) {
			last = s.ID
		}
	}
	if last == "" {
		return
	}
	paras := strings.Split(res.Report.Text(last), "\n")
	pop := func(want string) bool {
		n := len(paras)
		if want == "" || n == 0 || zhtext.TrimBlank(paras[n-1]) != want {
			return false
		}
		paras = paras[:n-1]
		return true
	}
	if res.Date == "" && pop(p.Shown.Date) {
		res.Date = p.Shown.Date
	}
	if res.Signature == "" && pop(p.Shown.Signature) {
		res.Signature = p.Shown.Signature
	}
	res.Report.SetText(last, strings.Join(paras, "\n"))
}

// CarriedTemplate is the template id an exported file says it was drafted
// against, "" when it carries none: import and check use that template
// unless told otherwise.
func (d *Document) CarriedTemplate() string {
	if d == nil || d.Carried == nil {
		return ""
	}
	return strings.TrimSpace(d.Carried.Draft.Template.ID)
}
