package model

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"nianbao/internal/zhtext"
)

// TemplateRef names the template (and its version) a draft was written
// against, so the checker and the editor use the same structure.
type TemplateRef struct {
	ID      string
	Version int
}

// RemovedSection keeps the text of a section that a newer template no longer
// has: migration never silently drops drafted text.
type RemovedSection struct {
	ID    string
	Title string
	Text  string
}

// Report is one annual report draft.
type Report struct {
	Template TemplateRef
	Unit     string
	Year     int
	Title    string // overrides the template's title pattern when set
	Date     string // 成文日期, e.g. 2025年3月1日 or 2025-03-01
	Contact  string
	// Addressee is the 主送机关 line (GB/T 9704 §7.3.2), e.g.
	// "市人民政府："; empty prints none.
	Addressee string
	// Signature chooses the 落款 layout; empty means the template's.
	Signature Signature
	Cursor    string // section id the drafter was last working on

	Sections map[string]string // section id → prose
	Figures  map[string]Number // figure id → value
	// Invalid keeps what was typed into a figure field that is not a
	// number ("1e20", twenty 9s), so nothing typed is lost: the check
	// reports it and no rule ever uses it as a value. A figure is in
	// Figures or in Invalid, never both.
	Invalid   map[string]string
	Hints     map[string]Number // last year's values, shown beside empty fields
	Sources   map[string]string // figure id → sentence an imported value came from
	Reference map[string]string // section id → text offered as reference (e.g. last year's plans)
	Unmatched string            // imported text that matched no section
	Removed   []RemovedSection  // text of sections a template migration removed
	Previous  *Previous         // last year's report when attached; see previous.go

	file string
	node *yaml.Node
	orig []byte
	// base is what Marshal produced for the draft as loaded; equal output
	// means nothing changed and orig is written back byte for byte. It is
	// computed on first use from loaded (a snapshot taken at load), so
	// opening a long draft does not pay for encoding it once more.
	base   []byte
	loaded *Report
	pos    map[string]Pos // "sections/ID", "figures/ID" … → where the key was
	disk   DiskState      // the file as last read or written, for conflict checks
	// Key order from the file or the template, so saving is stable.
	sectionOrder, figureOrder []string
}

// Pos is a line and column in a file.
type Pos struct{ Line, Col int }

// NewReport starts an empty draft against a template, with every section
// present (empty) in template order so the file reads like the report.
func NewReport(t *Template) *Report {
	r := &Report{
		Template: TemplateRef{ID: t.ID, Version: t.Version},
		Sections: map[string]string{},
		Figures:  map[string]Number{},
	}
	for _, s := range t.Flatten() {
		r.Sections[s.ID] = ""
	}
	r.UseTemplateOrder(t)
	return r
}

// UseTemplateOrder makes keys that are not yet in the file appear in
// template order when saved.
func (r *Report) UseTemplateOrder(t *Template) {
	r.sectionOrder = r.sectionOrder[:0:0]
	r.figureOrder = r.figureOrder[:0:0]
	for _, s := range t.Flatten() {
		r.sectionOrder = append(r.sectionOrder, s.ID)
	}
	for _, f := range t.Figures() {
		r.figureOrder = append(r.figureOrder, f.ID)
	}
}

// File is the path the draft was loaded from or last saved to.
func (r *Report) File() string { return r.file }

// SetFile records the draft's path without saving.
func (r *Report) SetFile(path string) { r.file = path }

// DisplayTitle is the title as printed: the override, or the template
// pattern filled with unit and year.
func (r *Report) DisplayTitle(t *Template) string {
	if strings.TrimSpace(r.Title) != "" {
		return r.Title
	}
	if t == nil {
		return (&Template{}).Title(r.Unit, r.Year)
	}
	return t.Title(r.Unit, r.Year)
}

// PosOf says where a key was in the loaded file, e.g. PosOf("figures",
// "review_received"); the zero Pos when unknown.
func (r *Report) PosOf(group, id string) Pos {
	return r.pos[group+"/"+id]
}

// Text returns the prose of a section ("" when absent).
func (r *Report) Text(id string) string { return r.Sections[id] }

// Written says whether a section has text a reader sees: a character the
// editor counts as 字数 (zhtext.IsCounted), not only blanks, line ends and
// invisible marks. A nil report has none.
func (r *Report) Written(id string) bool {
	if r == nil {
		return false
	}
	for _, c := range r.Sections[id] {
		if zhtext.IsCounted(c) {
			return true
		}
	}
	return false
}

// SetText stores a section's prose.
func (r *Report) SetText(id, text string) {
	if r.Sections == nil {
		r.Sections = map[string]string{}
	}
	r.Sections[id] = text
}

// SetFigure stores a figure value.
func (r *Report) SetFigure(id string, n Number) {
	if r.Figures == nil {
		r.Figures = map[string]Number{}
	}
	r.Figures[id] = n
	delete(r.Invalid, id)
}

// SetInvalidFigure keeps text typed for a figure that is not a number in
// place of its value: the figure then has no value at all, rather than the
// last one that parsed.
func (r *Report) SetInvalidFigure(id, text string) {
	if r.Invalid == nil {
		r.Invalid = map[string]string{}
	}
	r.Invalid[id] = text
	delete(r.Figures, id)
}

// ClearFigure empties a figure: no value and no invalid text.
func (r *Report) ClearFigure(id string) {
	delete(r.Figures, id)
	delete(r.Invalid, id)
}

// Figure returns a figure value and whether it is set.
func (r *Report) Figure(id string) (Number, bool) {
	n, ok := r.Figures[id]
	return n, ok
}

// LoadReport reads a draft file.
func LoadReport(path string) (*Report, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	r, err := ParseReport(path, data)
	if err != nil {
		return nil, err
	}
	r.disk = diskStateOf(data, path)
	return r, nil
}

// ParseReport decodes a draft; file is used in messages only. It does not
// need the template: use Validate for ids the template does not know.
func ParseReport(file string, data []byte) (*Report, error) {
	doc, err := parseDocument(file, data)
	if err != nil {
		return nil, err
	}
	root := doc.Content[0]
	if e := expectMapping(file, root, "报告草稿"); e != nil {
		return nil, e
	}
	r := &Report{file: file, node: root, orig: data, pos: map[string]Pos{},
		Sections: map[string]string{}, Figures: map[string]Number{}}
	d := &decoder{file: file}
	pairs(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "template":
			r.decodeTemplateRef(d, v)
		case "unit":
			r.Unit = d.str(v, "报告单位 unit")
		case "year":
			r.Year = d.int(v, "年度 year")
			if r.Year != 0 && (r.Year < 1949 || r.Year > 2200) {
				d.add(errAt(file, v, "年度 year 应当是四位年份，例如 2024"))
			}
		case "title":
			r.Title = d.str(v, "标题 title")
		case "date":
			r.Date = d.str(v, "日期 date")
		case "contact":
			r.Contact = d.str(v, "联系人 contact")
		case "addressee":
			r.Addressee = d.str(v, "主送机关 addressee")
		case "signature":
			r.Signature = d.signature(v)
		case "cursor":
			r.Cursor = d.str(v, "cursor")
		case "sections":
			r.sectionOrder = d.textMap(v, "章节内容 sections", "sections", r.pos, &r.Sections)
		case "figures":
			r.figureOrder = d.numberMap(v, "数字 figures", "figures", r.pos, &r.Figures, &r.Invalid)
		case "hints":
			d.numberMap(v, "往年数字 hints", "hints", r.pos, &r.Hints, nil)
		case "sources":
			d.textMap(v, "数字出处 sources", "sources", r.pos, &r.Sources)
		case "reference":
			d.textMap(v, "参考内容 reference", "reference", r.pos, &r.Reference)
		case "unmatched":
			r.Unmatched = d.str(v, "未归类内容 unmatched")
		case "removed":
			r.Removed = d.removed(v)
		case "previous":
			r.Previous = d.previous(v, r.pos)
		}
	})
	if err := errorsOrNil(d.errs); err != nil {
		return nil, err
	}
	r.loaded = r.Snapshot()
	return r, nil
}

func (r *Report) decodeTemplateRef(d *decoder, v *yaml.Node) {
	switch {
	case v.Kind == yaml.ScalarNode:
		r.Template.ID = v.Value
	case v.Kind == yaml.MappingNode:
		pairs(v, func(k, v *yaml.Node) {
			switch k.Value {
			case "id":
				r.Template.ID = d.str(v, "模板 id")
			case "version":
				r.Template.Version = d.int(v, "模板版本 version")
			}
		})
	default:
		d.add(errAt(d.file, v, "template 应当写成 id 和 version，实际是%s", kindName(v)))
	}
}

func (d *decoder) textMap(n *yaml.Node, what, group string, pos map[string]Pos, out *map[string]string) []string {
	if isNull(n) {
		return nil
	}
	if e := expectMapping(d.file, n, what); e != nil {
		d.add(e)
		return nil
	}
	if *out == nil {
		*out = map[string]string{}
	}
	var order []string
	pairs(n, func(k, v *yaml.Node) {
		(*out)[k.Value] = d.str(v, fmt.Sprintf("%s中的“%s”", what, k.Value))
		pos[group+"/"+k.Value] = Pos{k.Line, k.Column}
		order = append(order, k.Value)
	})
	return order
}

// With invalid set, a scalar that is not a number is kept there as text
// instead of failing the load: a draft saved with a figure typed wrong
// still opens, and the check reports the figure.
func (d *decoder) numberMap(n *yaml.Node, what, group string, pos map[string]Pos, out *map[string]Number, invalid *map[string]string) []string {
	if isNull(n) {
		return nil
	}
	if e := expectMapping(d.file, n, what); e != nil {
		d.add(e)
		return nil
	}
	if *out == nil {
		*out = map[string]Number{}
	}
	var order []string
	pairs(n, func(k, v *yaml.Node) {
		pos[group+"/"+k.Value] = Pos{k.Line, k.Column}
		order = append(order, k.Value)
		if isNull(v) {
			return // an empty figure is simply not filled in yet
		}
		num, e := decodeNumber(d.file, v, fmt.Sprintf("数字“%s”", k.Value))
		if e != nil && invalid != nil && v.Kind == yaml.ScalarNode {
			if *invalid == nil {
				*invalid = map[string]string{}
			}
			(*invalid)[k.Value] = v.Value
			return
		}
		d.add(e)
		if e == nil {
			(*out)[k.Value] = num
		}
	})
	return order
}

func (d *decoder) removed(n *yaml.Node) []RemovedSection {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.add(errAt(d.file, n, "已移除章节 removed 应当是列表，实际是%s", kindName(n)))
		return nil
	}
	var out []RemovedSection
	for _, it := range n.Content {
		if e := expectMapping(d.file, it, "已移除章节"); e != nil {
			d.add(e)
			continue
		}
		var rs RemovedSection
		pairs(it, func(k, v *yaml.Node) {
			switch k.Value {
			case "id":
				rs.ID = d.str(v, "id")
			case "title":
				rs.Title = d.str(v, "title")
			case "text":
				rs.Text = d.str(v, "text")
			}
		})
		out = append(out, rs)
	}
	return out
}

// Validate reports section and figure ids the template does not know, at
// their place in the file. Text under an unknown id is never dropped; the
// error tells the drafter to fix the id or migrate the draft.
func (r *Report) Validate(t *Template) error {
	var errs Errors
	at := func(group, id string) (int, int) {
		p := r.pos[group+"/"+id]
		return p.Line, p.Col
	}
	for _, id := range sortedKeys(r.Sections) {
		if t.Section(id) == nil {
			l, c := at("sections", id)
			errs = append(errs, &Error{File: r.file, Line: l, Col: c,
				Msg: fmt.Sprintf("模板“%s”中没有章节“%s”：请检查 id 是否写错，或用 nianbao migrate 迁移草稿", t.ID, id)})
		}
	}
	for _, group := range []string{"figures", "hints", "sources"} {
		var ids []string
		switch group {
		case "figures":
			ids = sortedKeys(r.Figures)
			ids = append(ids, sortedKeys(r.Invalid)...)
		case "hints":
			ids = sortedKeys(r.Hints)
		case "sources":
			ids = sortedKeys(r.Sources)
		}
		for _, id := range ids {
			if f, _ := t.Figure(id); f == nil {
				l, c := at(group, id)
				errs = append(errs, &Error{File: r.file, Line: l, Col: c,
					Msg: fmt.Sprintf("模板“%s”中没有数字“%s”", t.ID, id)})
			}
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	return errorsOrNil(errs)
}

var reportShape = &shape{known: map[string]*shape{
	"template":  {known: map[string]*shape{"id": nil, "version": nil}},
	"unit":      nil,
	"year":      nil,
	"title":     nil,
	"date":      nil,
	"contact":   nil,
	"addressee": nil,
	"signature": nil,
	"cursor":    nil,
	"sections":  {},
	"figures":   {},
	"hints":     {},
	"sources":   {},
	"reference": {},
	"unmatched": nil,
	"removed":   {items: &shape{known: map[string]*shape{"id": nil, "title": nil, "text": nil}}},
	"previous":  previousShape,
}}

// Marshal encodes the draft. A draft loaded and not changed comes back byte
// for byte; otherwise comments, key order and unknown keys of the loaded
// file are kept and only changed values are rewritten.
func (r *Report) Marshal() ([]byte, error) {
	out, err := encodeDocument(merge(r.node, r.encode(), reportShape), "")
	if err != nil {
		return nil, err
	}
	if r.orig != nil && string(out) == string(r.baseBytes()) {
		return r.orig, nil
	}
	return keepEncoding(r.orig, out), nil
}

// baseBytes encodes the loaded snapshot once. A Report used from two
// goroutines is always a Snapshot copy per goroutine, so caching on r is
// safe.
func (r *Report) baseBytes() []byte {
	if r.base == nil && r.loaded != nil {
		l := r.loaded
		if b, err := encodeDocument(merge(l.node, l.encode(), reportShape), ""); err == nil {
			r.base = b
		}
	}
	return r.base
}

// Save writes the draft atomically and makes path its file. After a save the
// written bytes are the new baseline, so saving again writes the same bytes.
func (r *Report) Save(path string) error {
	data, err := r.Marshal()
	if err != nil {
		return err
	}
	if err := saveThroughLink(path, data); err != nil {
		return err
	}
	r.file = path
	r.disk = diskStateOf(data, path)
	return r.rebase(data)
}

// rebase makes data the loaded state, so later saves merge onto what is on
// disk now.
func (r *Report) rebase(data []byte) error {
	fresh, err := ParseReport(r.file, data)
	if err != nil {
		return err
	}
	r.node, r.orig, r.base, r.loaded, r.pos = fresh.node, fresh.orig, fresh.base, fresh.loaded, fresh.pos
	return nil
}

func (r *Report) encode() *yaml.Node {
	m := mapNode()
	tr := mapNode()
	addPair(tr, "id", StringNode(r.Template.ID))
	addPair(tr, "version", intNode(r.Template.Version))
	addPair(m, "template", tr)
	addPair(m, "unit", StringNode(r.Unit))
	if r.Year != 0 {
		addPair(m, "year", intNode(r.Year))
	}
	if r.Title != "" {
		addPair(m, "title", StringNode(r.Title))
	}
	addPair(m, "date", StringNode(r.Date))
	addPair(m, "contact", StringNode(r.Contact))
	if r.Addressee != "" {
		addPair(m, "addressee", StringNode(r.Addressee))
	}
	if r.Signature != "" {
		addPair(m, "signature", StringNode(string(r.Signature)))
	}
	if r.Cursor != "" {
		addPair(m, "cursor", StringNode(r.Cursor))
	}
	sec := mapNode()
	for _, id := range orderedKeys(r.Sections, r.sectionOrder) {
		addPair(sec, id, proseNode(r.Sections[id]))
	}
	addPair(m, "sections", sec)
	fig := mapNode()
	filled := make(map[string]bool, len(r.Figures)+len(r.Invalid))
	for id := range r.Figures {
		filled[id] = true
	}
	for id := range r.Invalid {
		filled[id] = true
	}
	for _, id := range orderedKeys(filled, r.figureOrder) {
		if n, ok := r.Figures[id]; ok {
			addPair(fig, id, numberNode(n))
			continue
		}
		// Quoted, so the file shows it is text, not a number.
		t := StringNode(r.Invalid[id])
		t.Style = yaml.DoubleQuotedStyle
		addPair(fig, id, t)
	}
	addPair(m, "figures", fig)
	if len(r.Hints) > 0 {
		h := mapNode()
		for _, id := range orderedKeys(r.Hints, r.figureOrder) {
			addPair(h, id, numberNode(r.Hints[id]))
		}
		addPair(m, "hints", h)
	}
	if len(r.Sources) > 0 {
		s := mapNode()
		for _, id := range orderedKeys(r.Sources, r.figureOrder) {
			addPair(s, id, StringNode(r.Sources[id]))
		}
		addPair(m, "sources", s)
	}
	if len(r.Reference) > 0 {
		s := mapNode()
		for _, id := range orderedKeys(r.Reference, r.sectionOrder) {
			addPair(s, id, proseNode(r.Reference[id]))
		}
		addPair(m, "reference", s)
	}
	if r.Unmatched != "" {
		addPair(m, "unmatched", proseNode(r.Unmatched))
	}
	if len(r.Removed) > 0 {
		seq := seqNode()
		for _, rs := range r.Removed {
			it := mapNode()
			addPair(it, "id", StringNode(rs.ID))
			addPair(it, "title", StringNode(rs.Title))
			addPair(it, "text", proseNode(rs.Text))
			seq.Content = append(seq.Content, it)
		}
		addPair(m, "removed", seq)
	}
	if r.Previous != nil {
		addPair(m, "previous", r.Previous.encode(r.figureOrder))
	}
	return m
}

// orderedKeys lists a map's keys: first in the preferred order, then the
// rest sorted, so output never depends on map iteration.
func orderedKeys[V any](m map[string]V, preferred []string) []string {
	out := make([]string, 0, len(m))
	seen := map[string]bool{}
	for _, k := range preferred {
		if _, ok := m[k]; ok && !seen[k] {
			out = append(out, k)
			seen[k] = true
		}
	}
	var rest []string
	for k := range m {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func sortedKeys[V any](m map[string]V) []string {
	return orderedKeys(m, nil)
}

// DefaultYear is the year a report started at now is most likely about:
// reports are written in the first quarter about the year before, but a
// drafter starting in the last quarter is preparing this year's.
func DefaultYear(now time.Time) int {
	if now.Month() >= time.October {
		return now.Year()
	}
	return now.Year() - 1
}
