package ingest

import (
	"path/filepath"
	"strconv"
	"strings"

	"nianbao/model"
)

// CarryOver makes this year's draft from last year's report: structure and
// prose carried over, the year moved on by one (in an overridden title
// too), last year's figures kept only as hints beside empty fields so the
// check reports them missing until updated, and last year's plans offered
// as a reference for this year's measures. Sources are cleared: they
// described last year's text.
func CarryOver(last *model.Report, t *model.Template) *model.Report {
	r := model.NewReport(t)
	r.Unit = last.Unit
	r.Contact = last.Contact
	if last.Year > 0 {
		r.Year = last.Year + 1
	}
	if last.Title != "" {
		r.Title = last.Title
		if last.Year > 0 {
			r.Title = strings.ReplaceAll(last.Title, strconv.Itoa(last.Year), strconv.Itoa(r.Year))
		}
		if r.Title == t.Title(r.Unit, r.Year) {
			r.Title = ""
		}
	}
	for id, text := range last.Sections {
		if t.Section(id) != nil {
			r.SetText(id, text)
		} else if strings.TrimSpace(text) != "" {
			// A section this template lacks: keep the text where the
			// drafter will see it rather than drop it.
			r.Unmatched = joinNonEmpty(r.Unmatched, text)
		}
	}
	r.Unmatched = joinNonEmpty(r.Unmatched, last.Unmatched)
	for id, n := range last.Figures {
		if f, _ := t.Figure(id); f != nil {
			if r.Hints == nil {
				r.Hints = map[string]model.Number{}
			}
			r.Hints[id] = n
		}
	}
	if plans := plansSection(t); plans != nil {
		if text := strings.TrimSpace(last.Sections[plans.ID]); text != "" {
			if target := openingSection(t); target != nil && target.ID != plans.ID {
				r.Reference = map[string]string{target.ID: text}
			}
		}
	}
	return r
}

func plansSection(t *model.Template) *model.Section {
	if s := t.Section("plans"); s != nil {
		return s
	}
	for _, s := range t.Sections {
		if isPlans(s) {
			return s
		}
	}
	return nil
}

func joinNonEmpty(a, b string) string {
	switch {
	case strings.TrimSpace(a) == "":
		return b
	case strings.TrimSpace(b) == "":
		return a
	}
	return a + "\n" + b
}

// IsDocument says whether a path names a document to import rather than a
// YAML draft. Anything not named .yaml/.yml is a document: its real format
// (Word, PDF, web page, text) is told from its content when it is read.
func IsDocument(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return false
	}
	return true
}
