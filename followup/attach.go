package followup

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"strings"

	"nianbao/model"
)

// Role is what a top-level part of a report is for, as far as follow-up
// cares.
type Role int

// Roles of a report's parts.
const (
	RoleMeasures Role = iota // everything that reports what was done
	RoleShortcomings
	RolePlans
)

var (
	plansWords        = []string{"下一年度", "下一步", "主要安排", "工作打算", "工作计划", "工作思路", "工作安排", "打算"}
	shortcomingsWords = []string{"不足", "存在的问题", "存在问题", "短板", "差距"}
)

// RoleOf says what a top-level section is for, by id in nianbao's
// templates and by title words in an office's own.
func RoleOf(s *model.Section) Role {
	switch s.ID {
	case "plans":
		return RolePlans
	case "shortcomings":
		return RoleShortcomings
	}
	for _, w := range plansWords {
		if strings.Contains(s.Title, w) {
			return RolePlans
		}
	}
	for _, w := range shortcomingsWords {
		if strings.Contains(s.Title, w) {
			return RoleShortcomings
		}
	}
	return RoleMeasures
}

// Part is the text of one section and its subsections.
type Part struct {
	ID   string // section id
	Text string
}

// Parts lists a report's sections with a role, in template order, each
// with its own text (subsections are listed separately, under their
// top-level section's role).
func Parts(t *model.Template, r *model.Report, role Role) []Part {
	var out []Part
	var walk func(s *model.Section)
	walk = func(s *model.Section) {
		if text := strings.TrimSpace(r.Text(s.ID)); text != "" {
			out = append(out, Part{ID: s.ID, Text: text})
		}
		for _, c := range s.Sections {
			walk(c)
		}
	}
	for _, s := range t.Sections {
		if RoleOf(s) == role {
			walk(s)
		}
	}
	return out
}

// TopSection is the first top-level section with a role; nil when there is
// none.
func TopSection(t *model.Template, role Role) *model.Section {
	for _, s := range t.Sections {
		if RoleOf(s) == role {
			return s
		}
	}
	return nil
}

func joinParts(ps []Part) string {
	var b strings.Builder
	for _, p := range ps {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// Attach makes the copy of last year's report that this year's draft
// keeps: where it came from (path and a hash of data, the file's bytes) and
// its plans, shortcomings and figures. t is the template last year's report
// was read with.
func Attach(last *model.Report, t *model.Template, path string, data []byte) *model.Previous {
	sum := sha256.Sum256(data)
	return &model.Previous{
		File:         path,
		SHA256:       hex.EncodeToString(sum[:]),
		Unit:         last.Unit,
		Year:         last.Year,
		Plans:        joinParts(Parts(t, last, RolePlans)),
		Shortcomings: joinParts(Parts(t, last, RoleShortcomings)),
		Figures:      maps.Clone(last.Figures),
	}
}

// Measures lists this year's sentences that can follow up a plan: every
// part that reports what was done (not the shortcomings, not next year's
// plans).
func Measures(t *model.Template, r *model.Report) []Sentence {
	var out []Sentence
	for _, p := range Parts(t, r, RoleMeasures) {
		out = append(out, Sentences(p.ID, p.Text)...)
	}
	return out
}

// Figures describes a template's figures for CheckChanges and Jumps.
func Figures(t *model.Template) []FigureInfo {
	var out []FigureInfo
	for _, f := range t.Figures() {
		out = append(out, FigureInfo{ID: f.ID, Label: f.Label, Unit: f.Unit,
			Percent: f.Kind == model.KindPercent, Keywords: f.Keywords})
	}
	return out
}

// AttachTo puts last year's report on this year's draft, and offers last
// year's figures as hints beside the fields the draft has not filled — only
// figures t knows, since a draft's hints must name its own figures.
func AttachTo(r *model.Report, t *model.Template, p *model.Previous) {
	r.Previous = p
	for id, n := range p.Figures {
		if f, _ := t.Figure(id); f == nil {
			continue
		}
		if _, set := r.Figures[id]; set {
			continue
		}
		if r.Hints == nil {
			r.Hints = map[string]model.Number{}
		}
		if _, has := r.Hints[id]; !has {
			r.Hints[id] = n
		}
	}
}

// PlansSource is the text of last year's plans a draft holds: the attached
// report's, or else the reference text `new --from` put beside this year's
// measures. reference says it came from the latter.
func PlansSource(t *model.Template, r *model.Report) (text string, reference bool) {
	if r.Previous != nil {
		return r.Previous.Plans, false
	}
	if s := TopSection(t, RoleMeasures); s != nil && strings.TrimSpace(r.Reference[s.ID]) != "" {
		return r.Reference[s.ID], true
	}
	return "", false
}
