package migrate

import (
	"fmt"
	"sort"
	"strings"

	"nianbao/model"
)

// Result says what Draft did, for the summary `nianbao migrate` prints.
type Result struct {
	Kept     []string    // section ids whose text stayed under the same id
	Renamed  [][2]string // old id → new id, matched by title
	Moved    [][2]string // old id → new id, through the new section's former ids
	Removed  []string    // section ids whose text went to the 已移除章节 part
	Figures  []string    // figure ids whose values went to the 已移除章节 part
	FromVer  int
	ToVer    int
	FromID   string
	ToID     string
	Changed  bool
	NewEmpty []string // sections the new template adds (empty in the draft)
}

// RemovedFiguresID is the id of the kept part that collects values of
// figures the new template no longer has.
const RemovedFiguresID = "removed_figures"

// Needed reports whether a draft was written against another template or
// an older version than t, so the editor can offer migration.
func Needed(r *model.Report, t *model.Template) bool {
	return r.Template.ID != t.ID || r.Template.Version != t.Version
}

// Draft carries r over to template new. Text of a section stays under its
// id when new has it; otherwise it moves to the new section that lists the
// id among its former ids (a renamed id), or else to the new section with
// the same title (old gives the titles; old may be nil, then only ids and
// former ids match); what
// matches nothing goes to r.Removed, shown as the kept part 已移除章节.
// Figure values, last year's hints and their source sentences stay by id;
// those of figures new lacks are written into r.Removed as text. Nothing a
// drafter wrote is dropped.
func Draft(r *model.Report, old, new *model.Template) Result {
	res := Result{FromID: r.Template.ID, FromVer: r.Template.Version, ToID: new.ID, ToVer: new.Version}
	byTitle := map[string]string{} // new title → new id, for sections not matched by id
	for _, s := range new.Flatten() {
		if _, ok := byTitle[norm(s.Title)]; !ok {
			byTitle[norm(s.Title)] = s.ID
		}
	}
	former := formerIDs(new)
	sections := map[string]string{}
	var removed []model.RemovedSection
	for _, id := range sortedIDs(r.Sections, old) {
		text := r.Sections[id]
		if new.Section(id) != nil {
			sections[id] = join(sections[id], text)
			res.Kept = append(res.Kept, id)
			continue
		}
		if to, ok := former[id]; ok {
			// The office declared the rename, so the text belongs there
			// even when the draft also has some under the new id.
			sections[to] = join(sections[to], text)
			moveReference(r, id, to)
			res.Moved = append(res.Moved, [2]string{id, to})
			continue
		}
		title := id
		if old != nil && old.Section(id) != nil {
			title = old.Section(id).Title
		}
		if to, ok := byTitle[norm(title)]; ok && old != nil && old.Section(id) != nil {
			if _, taken := r.Sections[to]; !taken || strings.TrimSpace(r.Sections[to]) == "" {
				sections[to] = join(sections[to], text)
				moveReference(r, id, to)
				res.Renamed = append(res.Renamed, [2]string{id, to})
				continue
			}
		}
		if strings.TrimSpace(text) == "" && r.Reference[id] == "" {
			continue // an empty section loses nothing by going
		}
		if ref := r.Reference[id]; ref != "" {
			text = join(text, "【参考内容】\n"+ref)
			delete(r.Reference, id)
		}
		removed = append(removed, model.RemovedSection{ID: id, Title: title, Text: text})
		res.Removed = append(res.Removed, id)
	}
	for _, s := range new.Flatten() {
		if _, ok := sections[s.ID]; !ok {
			sections[s.ID] = ""
			if old != nil && old.Section(s.ID) == nil {
				res.NewEmpty = append(res.NewEmpty, s.ID)
			}
		}
	}
	for id := range r.Reference {
		if to, ok := former[id]; ok {
			moveReference(r, id, to)
			continue
		}
		if new.Section(id) == nil {
			removed = append(removed, model.RemovedSection{ID: id, Title: "参考内容：" + id, Text: r.Reference[id]})
			delete(r.Reference, id)
		}
	}
	if figs := removedFigures(r, old, new, &res); figs != "" {
		removed = append(removed, model.RemovedSection{ID: RemovedFiguresID, Title: "已移除的数字", Text: figs})
	}
	r.Sections = sections
	r.Removed = append(r.Removed, removed...)
	if to, ok := former[r.Cursor]; ok {
		r.Cursor = to
	}
	if r.Cursor != "" && new.Section(r.Cursor) == nil {
		r.Cursor = ""
	}
	res.Changed = res.FromID != new.ID || res.FromVer != new.Version || len(res.Removed) > 0 || len(res.Renamed) > 0 || len(res.Moved) > 0 || len(res.Figures) > 0
	r.Template = model.TemplateRef{ID: new.ID, Version: new.Version}
	r.UseTemplateOrder(new)
	return res
}

// formerIDs maps the former ids sections of t declare to their current
// ids. A former id that is a live id again, or that an earlier section
// already claimed, is ignored (lint reports both).
func formerIDs(t *model.Template) map[string]string {
	out := map[string]string{}
	t.Walk(func(s *model.Section) bool {
		for _, f := range s.Formerly {
			if _, taken := out[f]; !taken && f != "" && t.Section(f) == nil {
				out[f] = s.ID
			}
		}
		return true
	})
	return out
}

// removedFigures takes the values, hints and sources of figures new does
// not have out of r and writes them as lines of text.
func removedFigures(r *model.Report, old, new *model.Template, res *Result) string {
	ids := map[string]bool{}
	for id := range r.Figures {
		ids[id] = true
	}
	for id := range r.Hints {
		ids[id] = true
	}
	for id := range r.Sources {
		ids[id] = true
	}
	for id := range r.Invalid {
		ids[id] = true
	}
	var sorted []string
	for id := range ids {
		if f, _ := new.Figure(id); f == nil {
			sorted = append(sorted, id)
		}
	}
	sort.Strings(sorted)
	var lines []string
	for _, id := range sorted {
		name, unit := id, ""
		if old != nil {
			if f, _ := old.Figure(id); f != nil {
				name, unit = f.Label+"（"+id+"）", f.Unit
			}
		}
		line := "数字“" + name + "”"
		if v, ok := r.Figures[id]; ok {
			line += "：" + v.Text + unit
			delete(r.Figures, id)
		} else if raw, ok := r.Invalid[id]; ok {
			line += "：填写为“" + raw + "”（不是有效数字）"
			delete(r.Invalid, id)
		} else {
			line += "：未填写"
		}
		if v, ok := r.Hints[id]; ok {
			line += fmt.Sprintf("；上年：%s%s", v.Text, unit)
			delete(r.Hints, id)
		}
		if s, ok := r.Sources[id]; ok {
			line += "；出处：" + s
			delete(r.Sources, id)
		}
		lines = append(lines, line)
		res.Figures = append(res.Figures, id)
	}
	return strings.Join(lines, "\n")
}

func moveReference(r *model.Report, from, to string) {
	if ref, ok := r.Reference[from]; ok {
		if r.Reference[to] == "" {
			r.Reference[to] = ref
		} else {
			r.Reference[to] = join(r.Reference[to], ref)
		}
		delete(r.Reference, from)
	}
}

func norm(title string) string {
	return strings.Join(strings.Fields(title), "")
}

// join appends text to what is already there, a blank line apart.
func join(have, text string) string {
	switch {
	case strings.TrimSpace(text) == "":
		if have == "" {
			return text
		}
		return have
	case strings.TrimSpace(have) == "":
		return text
	}
	return have + "\n\n" + text
}

// sortedIDs orders the draft's section ids by the old template when known,
// so removed sections are listed as they appeared in the report.
func sortedIDs(m map[string]string, old *model.Template) []string {
	var out []string
	seen := map[string]bool{}
	if old != nil {
		for _, s := range old.Flatten() {
			if _, ok := m[s.ID]; ok {
				out = append(out, s.ID)
				seen[s.ID] = true
			}
		}
	}
	var rest []string
	for id := range m {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
