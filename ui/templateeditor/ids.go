package templateeditor

import (
	"strconv"
	"strings"

	"nianbao/model"
)

// Ids for new sections and figures, when the office leaves the id field
// empty. Titles are Chinese and there is no pinyin at hand, so a section's
// id says where it was added: "s" and its position, s4 for a fourth
// top-level section, s3_2 for the second under the third. A figure's id
// is its section's id and its place there: decisions_4 is the fourth
// figure of decisions. Ids never change when sections move later (drafts
// refer to them), so the position is where the section was created. The
// add forms show the id as the empty field's placeholder, so it is never a
// surprise, and i changes it afterwards.

const (
	idNote       = "留空即用灰字所示 id：s 加位置，如 s3_2 为第三部分下第 2 节"
	figureIDNote = "留空即用灰字所示 id：所在章节 id 加序号"
)

// newSectionID is the id a section added now would get, as a sibling
// after the selected section or as its last child.
func (m *Model) newSectionID(child bool) string {
	path := []int{len(m.t.Sections) + 1}
	if s := m.current(); s != nil {
		path = positionOf(m.t.Sections, s.ID)
		if child {
			path = append(path, len(s.Sections)+1)
		} else {
			path[len(path)-1]++
		}
	}
	parts := make([]string, len(path))
	for i, n := range path {
		parts[i] = strconv.Itoa(n)
	}
	base := "s" + strings.Join(parts, "_")
	taken := func(id string) bool { return m.t.Section(id) != nil || m.t.FormerOwner(id) != nil }
	return unique(base, taken)
}

// newFigureID is the id a figure added now to the selected section would
// get.
func (m *Model) newFigureID() string {
	s := m.current()
	if s == nil {
		return ""
	}
	taken := func(id string) bool { f, _ := m.t.Figure(id); return f != nil }
	for n := len(s.Figures) + 1; ; n++ {
		if id := s.ID + "_" + strconv.Itoa(n); !taken(id) {
			return id
		}
	}
}

// unique returns base, or base with the first free letter b, c, … z after
// it (s4 already taken by a section moved there: s4b). Letters, so an
// alternative never reads as another position, as s4_2 would.
func unique(base string, taken func(string) bool) string {
	if !taken(base) {
		return base
	}
	for c := 'b'; c <= 'z'; c++ {
		if id := base + string(c); !taken(id) {
			return id
		}
	}
	for n := 2; ; n++ {
		if id := base + "z" + strconv.Itoa(n); !taken(id) {
			return id
		}
	}
}

// positionOf is the 1-based path of a section in the tree (nil if absent).
func positionOf(list []*model.Section, id string) []int {
	for i, s := range list {
		if s.ID == id {
			return []int{i + 1}
		}
		if p := positionOf(s.Sections, id); p != nil {
			return append([]int{i + 1}, p...)
		}
	}
	return nil
}
