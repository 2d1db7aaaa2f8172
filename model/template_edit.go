package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Template editing: the operations the coordinating office performs in the
// template editor. They are pure changes to the tree, return Chinese errors
// a status line can show, keep section ids and subtrees when moving, and
// recompute levels, so the editor only decides which operation to call.

// ParseTemplateLenient decodes a template like ParseTemplate but lets
// through what lint reports itself with positions (missing ids, titles and
// labels, duplicate ids, dangling references), so `template lint` and the
// template editor can open a broken file and say everything that is wrong
// with it. Type errors (a list where a number belongs) still fail.
func ParseTemplateLenient(file string, data []byte) (*Template, error) {
	return parseTemplate(file, data, true)
}

// Clone returns a deep copy of the template's content. The loaded YAML tree
// is shared: saving reads it but never changes it.
func (t *Template) Clone() *Template {
	c := *t
	if t.Rules != nil {
		c.Rules = make(map[string]string, len(t.Rules))
		for k, v := range t.Rules {
			c.Rules[k] = v
		}
	}
	c.Sections = cloneSections(t.Sections)
	return &c
}

func cloneSections(list []*Section) []*Section {
	if list == nil {
		return nil
	}
	out := make([]*Section, len(list))
	for i, s := range list {
		c := *s
		c.Keywords = append([]string(nil), s.Keywords...)
		c.Formerly = append([]string(nil), s.Formerly...)
		if s.Formerly == nil {
			c.Formerly = nil
		}
		c.Figures = make([]*Figure, len(s.Figures))
		for j, f := range s.Figures {
			c.Figures[j] = f.Clone()
		}
		if s.Figures == nil {
			c.Figures = nil
		}
		c.Sections = cloneSections(s.Sections)
		out[i] = &c
	}
	return out
}

// Clone returns a deep copy of the figure.
func (f *Figure) Clone() *Figure {
	c := *f
	if f.Min != nil {
		v := *f.Min
		c.Min = &v
	}
	if f.Max != nil {
		v := *f.Max
		c.Max = &v
	}
	if f.Rate != nil {
		r := *f.Rate
		r.Denominators = append([]string(nil), f.Rate.Denominators...)
		c.Rate = &r
	}
	c.LE = append([]string(nil), f.LE...)
	c.Keywords = append([]string(nil), f.Keywords...)
	if f.LE == nil {
		c.LE = nil
	}
	if f.Keywords == nil {
		c.Keywords = nil
	}
	return &c
}

// siblings returns the list that holds section id and its index there.
func (t *Template) siblings(id string) (*[]*Section, int) {
	var list *[]*Section
	idx := -1
	var walk func(l *[]*Section) bool
	walk = func(l *[]*Section) bool {
		for i, s := range *l {
			if s.ID == id {
				list, idx = l, i
				return false
			}
			if !walk(&s.Sections) {
				return false
			}
		}
		return true
	}
	walk(&t.Sections)
	return list, idx
}

func (t *Template) mustSection(id string) (*Section, error) {
	if s := t.Section(id); s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("没有 id 为“%s”的章节", id)
}

// NewSectionID makes an id no section uses yet: from the ASCII letters and
// digits of the title when it has any (ids are English by convention),
// otherwise "section_N".
func (t *Template) NewSectionID(title string) string {
	return uniqueID(slug(title, "section"), func(id string) bool { return t.Section(id) != nil || t.FormerOwner(id) != nil })
}

// NewFigureID makes an id no figure uses yet, like NewSectionID.
func (t *Template) NewFigureID(label string) string {
	return uniqueID(slug(label, "figure"), func(id string) bool { f, _ := t.Figure(id); return f != nil })
}

func slug(title, fallback string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	s := strings.Trim(b.String(), "_")
	if s == "" || !unicode.IsLetter(rune(s[0])) {
		return fallback
	}
	return s
}

func uniqueID(base string, taken func(string) bool) string {
	if base != "section" && base != "figure" && !taken(base) {
		return base
	}
	for n := 1; ; n++ {
		id := base + "_" + strconv.Itoa(n)
		if !taken(id) {
			return id
		}
	}
}

// AddSection inserts a new section with the given title: as the last child
// of anchor when asChild, otherwise right after anchor among its siblings.
// An empty anchor appends at the top level. The id is generated when empty.
func (t *Template) AddSection(anchor string, asChild bool, id, title string) (*Section, error) {
	if id == "" {
		id = t.NewSectionID(title)
	} else if err := t.checkNewSectionID(id); err != nil {
		return nil, err
	}
	s := &Section{ID: id, Title: title}
	switch {
	case anchor == "":
		t.Sections = append(t.Sections, s)
	case asChild:
		p, err := t.mustSection(anchor)
		if err != nil {
			return nil, err
		}
		p.Sections = append(p.Sections, s)
	default:
		list, i := t.siblings(anchor)
		if list == nil {
			return nil, fmt.Errorf("没有 id 为“%s”的章节", anchor)
		}
		*list = insertAt(*list, i+1, s)
	}
	t.setLevels()
	return s, nil
}

func insertAt(list []*Section, i int, s *Section) []*Section {
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = s
	return list
}

// RenameSection changes a section's title; the id stays, so drafts keep
// their text.
func (t *Template) RenameSection(id, title string) error {
	s, err := t.mustSection(id)
	if err != nil {
		return err
	}
	s.Title = title
	return nil
}

// checkNewSectionID says why id cannot be given to a section: drafts and
// the YAML file use it as a key, so it must be a plain ASCII word, unused,
// and not an id another section had before (migration would then not know
// where text written under it belongs).
func (t *Template) checkNewSectionID(id string) error {
	if err := ValidSectionID(id); err != nil {
		return err
	}
	if s := t.Section(id); s != nil {
		return fmt.Errorf("章节 id“%s”已被使用（章节“%s”）", id, s.Title)
	}
	if s := t.FormerOwner(id); s != nil {
		return fmt.Errorf("“%s”是章节“%s”以前的 id，用于迁移旧草稿，不能再给别的章节使用", id, s.Title)
	}
	return nil
}

// ValidSectionID reports whether id can be a section id: an English letter
// followed by letters, digits, _ or -.
func ValidSectionID(id string) error {
	if id == "" {
		return fmt.Errorf("章节 id 不能为空")
	}
	for i, r := range id {
		ok := r < unicode.MaxASCII && (unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || r == '_' || r == '-'))
		if !ok {
			return fmt.Errorf("章节 id“%s”无效：只能用英文字母、数字、_ 和 -，并以字母开头", id)
		}
	}
	return nil
}

// FormerOwner returns the section that lists id among its former ids, or
// nil.
func (t *Template) FormerOwner(id string) *Section {
	var found *Section
	t.Walk(func(s *Section) bool {
		for _, f := range s.Formerly {
			if f == id {
				found = s
				return false
			}
		}
		return true
	})
	return found
}

// RenameSectionID changes a section's id and records the old one in its
// Formerly list, so migrating a draft written against the old id moves the
// text instead of setting it aside as removed. Figures keep their ids, so
// no relation changes. Renaming back to a former id takes it off the list.
func (t *Template) RenameSectionID(old, id string) error {
	s, err := t.mustSection(old)
	if err != nil {
		return err
	}
	id = strings.TrimSpace(id)
	if id == old {
		return nil
	}
	formerly := s.Formerly
	s.Formerly = without(s.Formerly, id) // renaming back is allowed
	if err := t.checkNewSectionID(id); err != nil {
		s.Formerly = formerly
		return err
	}
	s.ID = id
	s.Formerly = appendNew(s.Formerly, old)
	return nil
}

// MoveSection moves a section up (delta < 0) or down (delta > 0) one place
// among its siblings, with its subtree.
func (t *Template) MoveSection(id string, delta int) error {
	list, i := t.siblings(id)
	if list == nil {
		return fmt.Errorf("没有 id 为“%s”的章节", id)
	}
	if delta == 0 {
		return nil
	}
	j := i + 1
	if delta < 0 {
		j = i - 1
	}
	if j < 0 {
		return fmt.Errorf("“%s”已经在同级最前面", (*list)[i].Title)
	}
	if j >= len(*list) {
		return fmt.Errorf("“%s”已经在同级最后面", (*list)[i].Title)
	}
	(*list)[i], (*list)[j] = (*list)[j], (*list)[i]
	return nil
}

// IndentSection makes a section the last child of its previous sibling.
func (t *Template) IndentSection(id string) error {
	list, i := t.siblings(id)
	if list == nil {
		return fmt.Errorf("没有 id 为“%s”的章节", id)
	}
	if i == 0 {
		return fmt.Errorf("“%s”前面没有同级章节，无法降级", (*list)[i].Title)
	}
	s, prev := (*list)[i], (*list)[i-1]
	*list = append((*list)[:i], (*list)[i+1:]...)
	prev.Sections = append(prev.Sections, s)
	t.setLevels()
	return nil
}

// OutdentSection makes a section the next sibling of its parent.
func (t *Template) OutdentSection(id string) error {
	parent := t.Parent(id)
	if parent == nil {
		if t.Section(id) == nil {
			return fmt.Errorf("没有 id 为“%s”的章节", id)
		}
		return fmt.Errorf("“%s”已经是最上一级", t.Section(id).Title)
	}
	list, i := t.siblings(id)
	s := (*list)[i]
	*list = append((*list)[:i], (*list)[i+1:]...)
	plist, pi := t.siblings(parent.ID)
	*plist = insertAt(*plist, pi+1, s)
	t.setLevels()
	return nil
}

// DeleteSection removes a section with its subtree and returns it. Relations
// of other figures to the figures deleted with it are removed too (see
// RemoveFigure); their ids are returned so the editor can say so.
func (t *Template) DeleteSection(id string) (*Section, []string, error) {
	list, i := t.siblings(id)
	if list == nil {
		return nil, nil, fmt.Errorf("没有 id 为“%s”的章节", id)
	}
	s := (*list)[i]
	*list = append((*list)[:i], (*list)[i+1:]...)
	var touched []string
	sub := &Template{Sections: []*Section{s}}
	for _, f := range sub.Figures() {
		touched = appendNew(touched, t.dropReferences(f.ID)...)
	}
	return s, touched, nil
}

// SetRequired sets whether a section must be filled in.
func (t *Template) SetRequired(id string, required bool) error {
	s, err := t.mustSection(id)
	if err != nil {
		return err
	}
	s.Required = required
	return nil
}

// SetMinChars sets a section's minimum length in characters (0: none).
func (t *Template) SetMinChars(id string, n int) error {
	if n < 0 {
		return fmt.Errorf("最少字数不能为负数")
	}
	s, err := t.mustSection(id)
	if err != nil {
		return err
	}
	s.MinChars = n
	return nil
}

// SetGuidance sets the text shown to drafters beside a section.
func (t *Template) SetGuidance(id, text string) error {
	s, err := t.mustSection(id)
	if err != nil {
		return err
	}
	s.Guidance = text
	return nil
}

// SetRunIn sets whether the heading runs into the first paragraph
// (“（一）加强……。” followed by text on the same line), as second-level
// headings often do in these reports.
func (t *Template) SetRunIn(id string, on bool) error {
	s, err := t.mustSection(id)
	if err != nil {
		return err
	}
	s.RunIn = on
	return nil
}

// SetSectionKeywords sets the words that recognise the section in an
// existing report; blanks and repeats are dropped.
func (t *Template) SetSectionKeywords(id string, words []string) error {
	s, err := t.mustSection(id)
	if err != nil {
		return err
	}
	s.Keywords = cleanWords(words)
	return nil
}

// cleanWords trims words and drops empty and repeated ones, keeping order.
func cleanWords(words []string) []string {
	var out []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			out = appendNew(out, w)
		}
	}
	return out
}

// SetName sets the template's human name (shown by `template list`).
func (t *Template) SetName(name string) { t.Name = strings.TrimSpace(name) }

// SetDescription sets the paragraph `template list` shows.
func (t *Template) SetDescription(text string) { t.Description = strings.TrimSpace(text) }

// SetTitlePattern sets the report title pattern; "" restores the default.
// Only {unit} and {year} are filled in, so any other {…} is refused: it
// would appear literally in every unit's title.
func (t *Template) SetTitlePattern(p string) error {
	p = strings.TrimSpace(p)
	rest := p
	for {
		i := strings.IndexAny(rest, "{｛")
		if i < 0 {
			break
		}
		rest = rest[i:]
		switch {
		case strings.HasPrefix(rest, "{unit}"):
			rest = rest[len("{unit}"):]
		case strings.HasPrefix(rest, "{year}"):
			rest = rest[len("{year}"):]
		default:
			end := strings.IndexAny(rest, "}｝")
			bad := rest
			if end >= 0 {
				_, w := utf8.DecodeRuneInString(rest[end:])
				bad = rest[:end+w]
			}
			return fmt.Errorf("标题格式中的“%s”不会被替换：只能用 {unit}（单位）和 {year}（年度）", bad)
		}
	}
	t.TitlePattern = p
	return nil
}

// SetRule sets a rule's severity; level "" removes the override so the
// checker's default applies.
func (t *Template) SetRule(rule, level string) error {
	rule = strings.TrimSpace(rule)
	if rule == "" {
		return fmt.Errorf("规则 id 不能为空")
	}
	if level == "" {
		delete(t.Rules, rule)
		return nil
	}
	for _, l := range RuleLevels {
		if l == level {
			if t.Rules == nil {
				t.Rules = map[string]string{}
			}
			t.Rules[rule] = level
			return nil
		}
	}
	return fmt.Errorf("级别“%s”无效，应为 off、info、warning 或 error", level)
}

func appendNew(list []string, ids ...string) []string {
	for _, id := range ids {
		found := false
		for _, x := range list {
			found = found || x == id
		}
		if !found {
			list = append(list, id)
		}
	}
	return list
}
