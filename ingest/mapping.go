package ingest

import (
	"strconv"
	"strings"

	"nianbao/model"

	"nianbao/internal/zhtext"
)

// Thresholds for moving a part out of the section its parent went to. A
// subsection normally belongs under its parent; only a heading that names
// another section strongly (第一责任人 is 5 characters of evidence) is
// moved, because a wrong move is worse than leaving the text in place.
const (
	escapeFromContainer = 5 // from a section with subsections to one elsewhere
	escapeToSibling     = 4 // from a leaf subsection to a sibling subsection
)

// normalizeHeading drops spaces and quotes so that “放管服” and "放管服"
// and 放管服 all match the keyword.
func normalizeHeading(s string) string {
	if !mayNormalize(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSpace(r) || strings.ContainsRune("“”\"'‘’「」《》", r) {
			return -1
		}
		return r
	}, s)
}

// mayNormalize says whether normalizeHeading could change s: whether it
// holds an ASCII blank or quote, or a character whose UTF-8 lead byte is
// one that blanks and the quotes “”‘’「」《》 share (C2, E1, E2, E3, EF).
// Titles of ideographs alone are left as they are without decoding them.
func mayNormalize(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b <= ' ' || b == '"' || b == '\'' || b == 0x7f:
			return true
		case b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF:
			return true
		}
	}
	return false
}

// normalizedTitles keeps each section title's normalizeHeading form: a
// document's headings are each scored against every section, and titles
// are few (the templates'). Keyed by the title text, so an edited title is
// simply another entry.
var normalizedTitles = newBoundedCache[string, string](4096)

func normalizedTitle(s *model.Section) string {
	if n, ok := normalizedTitles.get(s.Title); ok {
		return n
	}
	n := normalizeHeading(s.Title)
	normalizedTitles.put(s.Title, n)
	return n
}

// scoreNormalized says how strongly a heading, already normalized
// (normalizeHeading), names a template section: its exact title, a title
// containing it, or the total length of the section's keywords it contains
// (longer keywords are stronger evidence). best normalizes the heading once
// for all the sections it tries.
func scoreNormalized(h string, s *model.Section, year int) int {
	if h == "" {
		return 0
	}
	title := normalizedTitle(s)
	if h == title {
		return exactTitle
	}
	if runeLen(h) >= 4 && (strings.Contains(title, h) || strings.Contains(h, title)) {
		return 500
	}
	n := 0
	for _, k := range s.Keywords {
		if k != "" && zhtext.ContainsWide(h, k) {
			n += runeLen(k)
		}
	}
	// "2024年度……主要安排" in a 2023 report is the plans part even when
	// the keyword list is short: it names next year.
	if year > 0 && hasKeyword(s, "下一年度") && strings.Contains(h, strconv.Itoa(year+1)+"年") {
		n += 3
	}
	return n
}

func hasKeyword(s *model.Section, k string) bool {
	for _, x := range s.Keywords {
		if x == k {
			return true
		}
	}
	return false
}

// best returns the highest-scoring section of list (template order breaks
// ties) with at least min points.
func best(heading string, list []*model.Section, year, min int) (*model.Section, int) {
	var out *model.Section
	top := 0
	h := normalizeHeading(heading)
	for _, s := range list {
		if sc := scoreNormalized(h, s, year); sc >= min && sc > top {
			out, top = s, sc
		}
	}
	return out, top
}

func descendants(s *model.Section) []*model.Section {
	var out []*model.Section
	for _, c := range s.Sections {
		out = append(out, c)
		out = append(out, descendants(c)...)
	}
	return out
}

// mapper decides which template section each heading's text goes to.
type mapper struct {
	t    *model.Template
	year int
	all  []*model.Section
}

// mapTop maps a top-level part: to a top-level section, or failing that to
// a deeper one the heading names strongly (a department report may make
// "领导履职" a part of its own).
func (m *mapper) mapTop(h *Heading) (*model.Section, int) {
	s, sc := best(h.Text, m.t.Sections, m.year, 1)
	if sc >= exactTitle {
		return s, sc
	}
	var deeper []*model.Section
	for _, s := range m.t.Sections {
		deeper = append(deeper, descendants(s)...)
	}
	// A deeper section's exact title beats a top-level keyword: in the
	// department template 普法工作情况 sits under 基本情况, whose keyword
	// 工作情况 the heading "六、普法工作情况" also holds.
	if d, dsc := best(h.Text, deeper, m.year, exactTitle); d != nil {
		return d, dsc
	}
	if s != nil {
		return s, sc
	}
	return best(h.Text, deeper, m.year, escapeToSibling)
}

// exactTitle is scoreNormalized's score for a heading that is a section's
// title.
const exactTitle = 1000

// mapSub maps a subsection, under parentHead, whose parent's text goes to
// parent (nil when the parent matched nothing).
func (m *mapper) mapSub(h, parentHead *Heading, parent *model.Section) (*model.Section, int) {
	if parent == nil {
		return nil, 0
	}
	if len(parent.Sections) == 0 && m.t.Parent(parent.ID) == nil {
		return m.mapMergedPart(h, parentHead, parent)
	}
	if s, sc := best(h.Text, descendants(parent), m.year, 1); s != nil {
		return s, sc
	}
	if len(parent.Sections) > 0 {
		// A container like "主要举措和成效" sometimes holds a part the
		// template keeps elsewhere (leadership duties folded into 一).
		inside := map[string]bool{parent.ID: true}
		for _, d := range descendants(parent) {
			inside[d.ID] = true
		}
		for p := m.t.Parent(parent.ID); p != nil; p = m.t.Parent(p.ID) {
			inside[p.ID] = true
		}
		var outside []*model.Section
		for _, s := range m.all {
			if !inside[s.ID] {
				outside = append(outside, s)
			}
		}
		return best(h.Text, outside, m.year, escapeFromContainer)
	}
	if gp := m.t.Parent(parent.ID); gp != nil {
		var sib []*model.Section
		for _, s := range gp.Sections {
			if s != parent {
				sib = append(sib, s)
			}
		}
		return best(h.Text, sib, m.year, escapeToSibling)
	}
	return nil, 0
}

// mapMergedPart maps a subsection of a top-level part that the template
// keeps as one section with no subsections. Such a part may hold two of
// the template's parts, one subsection each: "三、存在的问题和2027年工作打算"
// with "（一）存在的问题" and "（二）2027年工作打算". A subsection goes to
// another part its parent's heading also names when it names that part
// more strongly than its parent's own section; any other stays with the
// parent (nil).
func (m *mapper) mapMergedPart(h, parentHead *Heading, parent *model.Section) (*model.Section, int) {
	if parentHead == nil {
		return nil, 0
	}
	ph := normalizeHeading(parentHead.Text)
	var named []*model.Section
	for _, s := range m.t.Sections {
		if s != parent && len(s.Sections) == 0 && scoreNormalized(ph, s, m.year) > 0 {
			named = append(named, s)
		}
	}
	if len(named) == 0 {
		return nil, 0
	}
	s, sc := best(h.Text, named, m.year, 1)
	if s == nil || sc <= scoreNormalized(normalizeHeading(h.Text), parent, m.year) {
		return nil, 0
	}
	return s, sc
}

// inferTop maps a top-level part whose heading names nothing by its
// subsections: when most of them map under one top-level section, the part
// is that section ("一、2023年工作" with （一）依法决策 …).
func (m *mapper) inferTop(p *part) *model.Section {
	votes := map[*model.Section]int{}
	n := 0
	for _, c := range p.children {
		n++
		var deeper []*model.Section
		for _, s := range m.t.Sections {
			deeper = append(deeper, descendants(s)...)
		}
		s, _ := best(c.head.Text, deeper, m.year, escapeToSibling)
		if s == nil {
			continue
		}
		top := s
		for q := m.t.Parent(s.ID); q != nil; q = m.t.Parent(q.ID) {
			top = q
		}
		votes[top]++
	}
	for _, s := range m.t.Sections {
		if v := votes[s]; v >= 2 && v*2 >= n {
			return s
		}
	}
	return nil
}
