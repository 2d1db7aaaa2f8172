package model

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"syscall"

	"gopkg.in/yaml.v3"
)

// FigureKind says what sort of number a figure is; checks and inputs treat
// them differently (counts are whole and non-negative, percents are rates).
type FigureKind string

// The figure kinds a template may declare.
const (
	KindCount   FigureKind = "count"
	KindPercent FigureKind = "percent"
	KindAmount  FigureKind = "amount"
)

// Template is what a coordinating office decides every unit must report:
// the section tree, required flags, figures with their relations, guidance
// and rule severities.
type Template struct {
	ID           string
	Version      int
	Name         string            // human name, e.g. 标准模板
	Description  string            // one paragraph for `template list`
	TitlePattern string            // "{unit}{year}年度法治政府建设情况报告"
	Signature    Signature         // 落款 layout; empty means sealed
	Fonts        FontNames         // font names the .docx asks for; empty means GB2312
	Rules        map[string]string // rule id → off | warning | error
	Sections     []*Section

	file string
	node *yaml.Node // the loaded document root, for faithful saving
	orig []byte
	// loaded is the template as parsed; what Marshal produces for it is
	// the baseline that means "unchanged, write orig back". It is encoded
	// only when Marshal runs (rarely: saving), not on every parse — that
	// was a quarter of parsing, paid by every command and every start-up.
	// Not cached, so a template shared between goroutines is never
	// written to.
	loaded *Template
}

// Section is one node of the section tree. Level is derived from depth
// (1 = 一、, 2 = （一）, 3 = 1., 4 = （1）) and is not stored in the file.
type Section struct {
	ID       string
	Title    string
	Level    int
	Required bool
	MinChars int
	Guidance string
	RunIn    bool     // heading runs into the first paragraph (common for （一）)
	Keywords []string // words that identify this part in an existing report
	// Formerly lists ids this section had in earlier versions, oldest
	// first: drafts store text by section id, so migration needs them to
	// carry text written under an old id over instead of setting it aside.
	Formerly []string
	Figures  []*Figure
	Sections []*Section

	Line, Col int // position in the template file, for lint messages
}

// Figure is a number a section must or may report.
type Figure struct {
	ID       string
	Label    string
	Unit     string
	Kind     FigureKind
	Required bool
	Min, Max *float64
	Rate     *Rate    // set for percentages computed from two counts
	LE       []string // this figure cannot exceed any of these
	Keywords []string // words that identify the figure in prose, all must appear

	Line, Col int
}

// Rate says a percentage equals numerator / denominator × 100. Several
// denominators are allowed because offices compute the same rate over
// different bases (纠错率 over cases decided or over cases received); the
// rate is consistent when any of them explains it.
type Rate struct {
	Numerator    string
	Denominators []string
	Tolerance    float64 // percentage points; 0 means the default
}

// DefaultRateTolerance absorbs truncation and rounding to two decimals
// (2/23 = 8.6956… stated as 8.69 or 8.70) but not real mismatches.
const DefaultRateTolerance = 0.1

// EffectiveTolerance returns the tolerance to apply.
func (r *Rate) EffectiveTolerance() float64 {
	if r == nil || r.Tolerance <= 0 {
		return DefaultRateTolerance
	}
	return r.Tolerance
}

// Walk visits every section depth-first in document order; returning false
// from fn stops the walk.
func (t *Template) Walk(fn func(s *Section) bool) {
	var walk func(list []*Section) bool
	walk = func(list []*Section) bool {
		for _, s := range list {
			if !fn(s) || !walk(s.Sections) {
				return false
			}
		}
		return true
	}
	walk(t.Sections)
}

// Flatten lists every section in document order. The sections are
// counted first, so the list is allocated once: a check flattens its
// template a dozen times per file.
func (t *Template) Flatten() []*Section {
	n := 0
	t.Walk(func(*Section) bool { n++; return true })
	out := make([]*Section, 0, n)
	t.Walk(func(s *Section) bool { out = append(out, s); return true })
	return out
}

// Section finds a section by id.
func (t *Template) Section(id string) *Section {
	var found *Section
	t.Walk(func(s *Section) bool {
		if s.ID == id {
			found = s
			return false
		}
		return true
	})
	return found
}

// Figure finds a figure by id and the section that declares it.
func (t *Template) Figure(id string) (*Figure, *Section) {
	var f *Figure
	var sec *Section
	t.Walk(func(s *Section) bool {
		for _, x := range s.Figures {
			if x.ID == id {
				f, sec = x, s
				return false
			}
		}
		return true
	})
	return f, sec
}

// Figures lists every figure in document order.
func (t *Template) Figures() []*Figure {
	n := 0
	t.Walk(func(s *Section) bool { n += len(s.Figures); return true })
	out := make([]*Figure, 0, n)
	t.Walk(func(s *Section) bool { out = append(out, s.Figures...); return true })
	return out
}

// Parent returns the section that contains the section with the given id,
// or nil for a top-level section.
func (t *Template) Parent(id string) *Section {
	var parent *Section
	var walk func(p *Section, list []*Section) bool
	walk = func(p *Section, list []*Section) bool {
		for _, s := range list {
			if s.ID == id {
				parent = p
				return false
			}
			if !walk(s, s.Sections) {
				return false
			}
		}
		return true
	}
	walk(nil, t.Sections)
	return parent
}

// Numbers gives every section its heading number (一、 （一） 1. （1）) from
// its position in the tree: drafters never type numbering.
func (t *Template) Numbers() map[string]string {
	out := map[string]string{}
	var walk func(list []*Section, level int)
	walk = func(list []*Section, level int) {
		for i, s := range list {
			out[s.ID] = HeadingNumber(level, i+1)
			walk(s.Sections, level+1)
		}
	}
	walk(t.Sections, 1)
	return out
}

// Printed says whether a section is printed (in every export, and in the
// editor's preview): a required one always, an optional one when it or a
// subsection is written (or has a required subsection). An optional
// section left empty is left out, heading and all. written says whether
// a section has text; Report.Written says it of a draft, and the editor
// answers from its live counts while the drafter types.
func Printed(s *Section, written func(id string) bool) bool {
	if s.Required || written(s.ID) {
		return true
	}
	for _, c := range s.Sections {
		if Printed(c, written) {
			return true
		}
	}
	return false
}

// PrintedNumbers gives each printed section (see Printed) the heading
// number it is printed with. Numbering runs over the printed sections
// only, so leaving an optional section empty leaves no gap (一、二、三、,
// never 一、三、) and the sections after it print one number lower than in
// Numbers. Every place that shows a section's number to the drafter or
// the reviewer (the export, the preview, the outline, the check's
// messages) takes it from here, so the number on the screen is the one on
// the page. Sections not printed have no number.
func (t *Template) PrintedNumbers(written func(id string) bool) map[string]string {
	out := map[string]string{}
	var walk func(list []*Section, level int)
	walk = func(list []*Section, level int) {
		n := 0
		for _, s := range list {
			if !Printed(s, written) {
				continue
			}
			n++
			out[s.ID] = HeadingNumber(level, n)
			walk(s.Sections, level+1)
		}
	}
	walk(t.Sections, 1)
	return out
}

// PrintedNumber is the number section id prints with in the first of rs
// that prints it, "" when none does: a list of what differs between two
// versions of a draft (a recovery file's and the editor's) names each
// section as one of them prints it.
func (t *Template) PrintedNumber(id string, rs ...*Report) string {
	for _, r := range rs {
		if n, ok := t.PrintedNumbers(r.Written)[id]; ok {
			return n
		}
	}
	return ""
}

// Title builds the report title from the pattern.
func (t *Template) Title(unit string, year int) string {
	p := t.TitlePattern
	if p == "" {
		p = "{unit}{year}年度法治政府建设情况报告"
	}
	y := ""
	if year > 0 {
		y = strconv.Itoa(year)
	}
	return fillTitle(p, unit, y)
}

// fillTitle puts unit and year into a title pattern in one pass, left to
// right, as a strings.Replacer would: what it puts in is never read again,
// so a unit name holding "{year}" stays as typed, and "{un{year}it}" with
// no year does not become the unit. A Replacer is not used because
// building one per call allocated a dozen objects, and import asks for
// the title once per file.
func fillTitle(p, unit, year string) string {
	if strings.IndexByte(p, '{') < 0 {
		return p
	}
	var b strings.Builder
	b.Grow(len(p) + len(unit) + len(year))
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		b.WriteString(p[:i])
		p = p[i:]
		switch {
		case strings.HasPrefix(p, "{year}"):
			b.WriteString(year)
			p = p[len("{year}"):]
		case strings.HasPrefix(p, "{unit}"):
			b.WriteString(unit)
			p = p[len("{unit}"):]
		default:
			b.WriteByte('{')
			p = p[1:]
		}
	}
}

// File is the path the template was loaded from ("" for embedded ones).
func (t *Template) File() string { return t.file }

// SetFile records where the template lives, for messages and saving.
func (t *Template) SetFile(path string) { t.file = path }

func (t *Template) setLevels() {
	var walk func(list []*Section, level int)
	walk = func(list []*Section, level int) {
		for _, s := range list {
			s.Level = level
			walk(s.Sections, level+1)
		}
	}
	walk(t.Sections, 1)
}

// LoadTemplate reads and validates a template file.
func LoadTemplate(path string) (*Template, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return ParseTemplate(path, data)
}

// ParseTemplate decodes a template; file is used only in messages.
func ParseTemplate(file string, data []byte) (*Template, error) {
	return parseTemplate(file, data, false)
}

// parseTemplate decodes a template. When lenient, problems that lint
// reports itself (missing ids and titles, duplicate ids, dangling
// references) do not fail the parse; see ParseTemplateLenient.
func parseTemplate(file string, data []byte, lenient bool) (*Template, error) {
	doc, err := parseDocument(file, data)
	if err != nil {
		return nil, err
	}
	root := doc.Content[0]
	if e := expectMapping(file, root, "模板文件"); e != nil {
		return nil, e
	}
	t := &Template{file: file, node: root, orig: data}
	d := &decoder{file: file, lenient: lenient}
	seenID, seenVersion, seenSections := false, false, false
	var versionNode *yaml.Node
	pairs(root, func(k, v *yaml.Node) {
		switch k.Value {
		case "id":
			seenID = true
			t.ID = d.str(v, "模板 id")
		case "version":
			seenVersion, versionNode = true, v
			t.Version = d.int(v, "模板版本 version")
		case "name":
			t.Name = d.str(v, "模板名称 name")
		case "description":
			t.Description = d.str(v, "模板说明 description")
		case "title_pattern":
			t.TitlePattern = d.str(v, "标题格式 title_pattern")
		case "signature":
			t.Signature = d.signature(v)
		case "fonts":
			t.Fonts = d.fontNames(v)
		case "rules":
			t.Rules = d.rules(v)
		case "sections":
			seenSections = true
			t.Sections = d.sections(v, 1)
		}
	})
	if !seenID || strings.TrimSpace(t.ID) == "" {
		d.semantic(errAt(file, root, "模板缺少 id"))
	}
	if !seenVersion {
		d.semantic(errAt(file, root, "模板缺少版本号 version（整数，从 1 开始）"))
	} else if t.Version < 1 && len(d.errs) == 0 {
		d.semantic(errAt(file, root, "模板版本号 version 应当是正整数"))
	} else if t.Version > MaxTemplateVersion {
		d.add(errAt(file, versionNode, "模板版本号 version 过大（上限 %d）", MaxTemplateVersion))
	}
	if !seenSections || len(t.Sections) == 0 {
		d.semantic(errAt(file, root, "模板缺少章节列表 sections"))
	}
	if !lenient {
		d.checkIDs(t)
	}
	if err := errorsOrNil(d.errs); err != nil {
		return nil, err
	}
	t.setLevels()
	t.loaded = t.Clone()
	return t, nil
}

// MaxTemplateVersion bounds template versions: an office publishes a few
// a year, and the bound keeps "version + 1" from overflowing.
const MaxTemplateVersion = 1_000_000

type decoder struct {
	file    string
	errs    Errors
	lenient bool // skip the checks lint makes itself
}

// semantic adds an error that lint also finds; a lenient parse leaves it
// to lint, which reports it with the rest.
func (d *decoder) semantic(e *Error) {
	if !d.lenient {
		d.add(e)
	}
}

func (d *decoder) add(e *Error) {
	if e != nil {
		d.errs = append(d.errs, e)
	}
}

func (d *decoder) str(n *yaml.Node, what string) string {
	s, e := decodeString(d.file, n, what)
	d.add(e)
	return s
}

func (d *decoder) int(n *yaml.Node, what string) int {
	v, e := decodeInt(d.file, n, what)
	d.add(e)
	return v
}

func (d *decoder) bool(n *yaml.Node, what string) bool {
	v, e := decodeBool(d.file, n, what)
	d.add(e)
	return v
}

func (d *decoder) float(n *yaml.Node, what string) *float64 {
	if isNull(n) {
		return nil
	}
	num, e := decodeNumber(d.file, n, what)
	d.add(e)
	if e != nil {
		return nil
	}
	return &num.Value
}

// strList accepts a single string or a list of strings.
func (d *decoder) strList(n *yaml.Node, what string) []string {
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		d.add(errAt(d.file, n, "%s应当是文字或文字列表，实际是%s", what, kindName(n)))
		return nil
	}
	var out []string
	for _, it := range n.Content {
		out = append(out, d.str(it, what))
	}
	return out
}

// RuleLevels are the severities a template may set for a rule.
var RuleLevels = []string{"off", "info", "warning", "error"}

func (d *decoder) rules(n *yaml.Node) map[string]string {
	if isNull(n) {
		return nil
	}
	if e := expectMapping(d.file, n, "规则设置 rules"); e != nil {
		d.add(e)
		return nil
	}
	out := map[string]string{}
	pairs(n, func(k, v *yaml.Node) {
		lvl := d.str(v, "规则“"+k.Value+"”的级别")
		valid := false
		for _, l := range RuleLevels {
			valid = valid || l == lvl
		}
		if !valid {
			d.add(errAt(d.file, v, "规则“%s”的级别“%s”无效，应为 off、info、warning 或 error", k.Value, lvl))
		}
		out[k.Value] = lvl
	})
	return out
}

func (d *decoder) sections(n *yaml.Node, level int) []*Section {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.add(errAt(d.file, n, "章节列表 sections 应当是列表，实际是%s", kindName(n)))
		return nil
	}
	var out []*Section
	for _, it := range n.Content {
		if e := expectMapping(d.file, it, "章节"); e != nil {
			d.add(e)
			continue
		}
		s := &Section{Level: level, Line: it.Line, Col: it.Column}
		pairs(it, func(k, v *yaml.Node) {
			switch k.Value {
			case "id":
				s.ID = d.str(v, "章节 id")
			case "title":
				s.Title = d.str(v, "章节标题 title")
			case "required":
				s.Required = d.bool(v, "必填 required")
			case "min_chars":
				s.MinChars = d.int(v, "最少字数 min_chars")
				if s.MinChars < 0 {
					d.add(errAt(d.file, v, "最少字数 min_chars 不能为负数"))
				}
			case "guidance":
				s.Guidance = d.str(v, "填写说明 guidance")
			case "run_in":
				s.RunIn = d.bool(v, "标题接排 run_in")
			case "keywords":
				s.Keywords = d.strList(v, "关键词 keywords")
			case "formerly":
				s.Formerly = d.strList(v, "旧 id formerly")
			case "figures":
				s.Figures = d.figures(v)
			case "sections":
				s.Sections = d.sections(v, level+1)
			}
		})
		if strings.TrimSpace(s.ID) == "" {
			d.semantic(errAt(d.file, it, "章节缺少 id"))
		}
		if strings.TrimSpace(s.Title) == "" {
			d.semantic(errAt(d.file, it, "章节“%s”缺少标题 title", s.ID))
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) figures(n *yaml.Node) []*Figure {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.add(errAt(d.file, n, "数字列表 figures 应当是列表，实际是%s", kindName(n)))
		return nil
	}
	var out []*Figure
	for _, it := range n.Content {
		if e := expectMapping(d.file, it, "数字"); e != nil {
			d.add(e)
			continue
		}
		f := &Figure{Kind: KindCount, Line: it.Line, Col: it.Column}
		pairs(it, func(k, v *yaml.Node) {
			switch k.Value {
			case "id":
				f.ID = d.str(v, "数字 id")
			case "label":
				f.Label = d.str(v, "数字名称 label")
			case "unit":
				f.Unit = d.str(v, "单位 unit")
			case "kind":
				f.Kind = FigureKind(d.str(v, "类型 kind"))
				switch f.Kind {
				case KindCount, KindPercent, KindAmount:
				default:
					d.add(errAt(d.file, v, "数字类型“%s”无效，应为 count（数量）、percent（比率）或 amount（金额）", f.Kind))
				}
			case "required":
				f.Required = d.bool(v, "必填 required")
			case "min":
				f.Min = d.float(v, "下限 min")
			case "max":
				f.Max = d.float(v, "上限 max")
			case "le":
				f.LE = d.strList(v, "不超过 le")
			case "keywords":
				f.Keywords = d.strList(v, "关键词 keywords")
			case "rate":
				f.Rate = d.rate(v)
			}
		})
		if strings.TrimSpace(f.ID) == "" {
			d.semantic(errAt(d.file, it, "数字缺少 id"))
		}
		if strings.TrimSpace(f.Label) == "" {
			d.semantic(errAt(d.file, it, "数字“%s”缺少名称 label", f.ID))
		}
		out = append(out, f)
	}
	return out
}

func (d *decoder) rate(n *yaml.Node) *Rate {
	if e := expectMapping(d.file, n, "比率关系 rate"); e != nil {
		d.add(e)
		return nil
	}
	r := &Rate{}
	pairs(n, func(k, v *yaml.Node) {
		switch k.Value {
		case "numerator":
			r.Numerator = d.str(v, "分子 numerator")
		case "denominator":
			r.Denominators = d.strList(v, "分母 denominator")
		case "tolerance":
			if p := d.float(v, "容差 tolerance"); p != nil {
				r.Tolerance = *p
			}
		}
	})
	if r.Numerator == "" || len(r.Denominators) == 0 {
		d.semantic(errAt(d.file, n, "比率关系 rate 需要分子 numerator 和分母 denominator"))
	}
	return r
}

// checkIDs reports duplicate ids and relations to figures that do not
// exist; a template with either cannot be used to check anything.
func (d *decoder) checkIDs(t *Template) {
	secs := map[string]*Section{}
	figs := map[string]*Figure{}
	t.Walk(func(s *Section) bool {
		if s.ID != "" {
			if p, ok := secs[s.ID]; ok {
				d.add(&Error{File: d.file, Line: s.Line, Col: s.Col, Msg: fmt.Sprintf("章节 id“%s”重复（第 %d 行已使用）", s.ID, p.Line)})
			}
			secs[s.ID] = s
		}
		for _, f := range s.Figures {
			if f.ID == "" {
				continue
			}
			if p, ok := figs[f.ID]; ok {
				d.add(&Error{File: d.file, Line: f.Line, Col: f.Col, Msg: fmt.Sprintf("数字 id“%s”重复（第 %d 行已使用）", f.ID, p.Line)})
			}
			figs[f.ID] = f
		}
		return true
	})
	for _, f := range t.Figures() {
		refs := append([]string{}, f.LE...)
		if f.Rate != nil {
			refs = append(refs, f.Rate.Numerator)
			refs = append(refs, f.Rate.Denominators...)
		}
		for _, r := range refs {
			if r != "" && figs[r] == nil {
				d.add(&Error{File: d.file, Line: f.Line, Col: f.Col, Msg: fmt.Sprintf("数字“%s”引用了不存在的数字“%s”", f.ID, r)})
			}
		}
	}
}

var templateShape = &shape{known: map[string]*shape{
	"id": nil, "version": nil, "name": nil, "description": nil, "title_pattern": nil,
	"signature": nil, "fonts": nil,
	"rules":    {},
	"sections": {items: sectionShape},
}}

var sectionShape = &shape{}

var figureShape = &shape{known: map[string]*shape{
	"id": nil, "label": nil, "unit": nil, "kind": nil, "required": nil, "min": nil, "max": nil,
	"le": nil, "keywords": nil,
	"rate": {known: map[string]*shape{"numerator": nil, "denominator": nil, "tolerance": nil}},
}}

func init() {
	sectionShape.known = map[string]*shape{
		"id": nil, "title": nil, "required": nil, "min_chars": nil, "guidance": nil, "run_in": nil,
		"keywords": nil, "formerly": nil, "figures": {items: figureShape}, "sections": {items: sectionShape},
	}
}

// Source is the bytes the template was parsed from: what Marshal returns
// for a template not changed since, without encoding it to find out. It is
// nil for a template built in memory or given another id or version since
// loading; other edits it does not see, so it is for templates fresh from
// a file.
func (t *Template) Source() []byte {
	if t.loaded == nil || t.ID != t.loaded.ID || t.Version != t.loaded.Version {
		return nil
	}
	return t.orig
}

// Marshal encodes the template. A template loaded and not changed comes
// back byte for byte as it was read.
func (t *Template) Marshal() ([]byte, error) {
	fresh := t.encode()
	out, err := encodeDocument(merge(t.renamedNode(), fresh, templateShape), "")
	if err != nil {
		return nil, err
	}
	if t.orig != nil && t.loaded != nil {
		l := t.loaded
		if base, err := encodeDocument(merge(l.renamedNode(), l.encode(), templateShape), ""); err == nil && string(out) == string(base) {
			return t.orig, nil
		}
	}
	return out, nil
}

// Save writes the template atomically to path.
func (t *Template) Save(path string) error {
	data, err := t.Marshal()
	if err != nil {
		return err
	}
	if err := WriteFileAtomic(path, data); err != nil {
		return err
	}
	t.file = path
	return nil
}

func (t *Template) encode() *yaml.Node {
	m := mapNode()
	addPair(m, "id", StringNode(t.ID))
	addPair(m, "version", intNode(t.Version))
	if t.Name != "" {
		addPair(m, "name", StringNode(t.Name))
	}
	if t.Description != "" {
		addPair(m, "description", proseNode(t.Description))
	}
	if t.TitlePattern != "" {
		addPair(m, "title_pattern", StringNode(t.TitlePattern))
	}
	if t.Signature != "" {
		addPair(m, "signature", StringNode(string(t.Signature)))
	}
	if t.Fonts != "" {
		addPair(m, "fonts", StringNode(string(t.Fonts)))
	}
	if len(t.Rules) > 0 {
		r := mapNode()
		for _, k := range sortedKeys(t.Rules) {
			addPair(r, k, StringNode(t.Rules[k]))
		}
		addPair(m, "rules", r)
	}
	addPair(m, "sections", encodeSections(t.Sections))
	return m
}

// renamedNode returns the loaded document with the ids of sections renamed
// since loading replaced by their new ids. Merging matches sections by id,
// so without this a renamed section would be written afresh and lose its
// comments and the keys nianbao does not know. The loaded tree is shared
// by clones and never changed: renaming works on a copy.
func (t *Template) renamedNode() *yaml.Node {
	if t.node == nil {
		return nil
	}
	renames := map[string]string{} // old id → new id
	t.Walk(func(s *Section) bool {
		for _, old := range s.Formerly {
			if t.Section(old) == nil {
				renames[old] = s.ID
			}
		}
		return true
	})
	if len(renames) == 0 {
		return t.node
	}
	inFile := map[string]bool{}
	var collect func(seq *yaml.Node)
	collect = func(seq *yaml.Node) {
		for _, it := range seq.Content {
			if it.Kind != yaml.MappingNode {
				continue
			}
			inFile[itemID(it)] = true
			if i := indexOfKey(it.Content, "sections"); i >= 0 && it.Content[i+1].Kind == yaml.SequenceNode {
				collect(it.Content[i+1])
			}
		}
	}
	if i := indexOfKey(t.node.Content, "sections"); i >= 0 && t.node.Content[i+1].Kind == yaml.SequenceNode {
		collect(t.node.Content[i+1])
	}
	for old, id := range renames {
		// The file already has a section under the new id (renamed back
		// and forth): leave both nodes as they are.
		if inFile[id] {
			delete(renames, old)
		}
	}
	if len(renames) == 0 {
		return t.node
	}
	// Copy the mappings and lists on the way down to each section so the
	// shared tree stays as loaded.
	var renameList func(seq *yaml.Node) *yaml.Node
	renameList = func(seq *yaml.Node) *yaml.Node {
		out := *seq
		out.Content = make([]*yaml.Node, len(seq.Content))
		for i, it := range seq.Content {
			out.Content[i] = it
			if it.Kind != yaml.MappingNode {
				continue
			}
			c := *it
			c.Content = append([]*yaml.Node(nil), it.Content...)
			if j := indexOfKey(c.Content, "id"); j >= 0 {
				if to, ok := renames[c.Content[j+1].Value]; ok {
					v := *c.Content[j+1]
					v.Value = to
					c.Content[j+1] = &v
				}
			}
			if j := indexOfKey(c.Content, "sections"); j >= 0 && c.Content[j+1].Kind == yaml.SequenceNode {
				c.Content[j+1] = renameList(c.Content[j+1])
			}
			out.Content[i] = &c
		}
		return &out
	}
	root := *t.node
	root.Content = append([]*yaml.Node(nil), t.node.Content...)
	if i := indexOfKey(root.Content, "sections"); i >= 0 && root.Content[i+1].Kind == yaml.SequenceNode {
		root.Content[i+1] = renameList(root.Content[i+1])
	}
	return &root
}

func encodeSections(list []*Section) *yaml.Node {
	seq := seqNode()
	for _, s := range list {
		m := mapNode()
		addPair(m, "id", StringNode(s.ID))
		if len(s.Formerly) > 0 {
			addPair(m, "formerly", flowList(s.Formerly))
		}
		addPair(m, "title", StringNode(s.Title))
		if s.Required {
			addPair(m, "required", boolNode(true))
		}
		if s.MinChars > 0 {
			addPair(m, "min_chars", intNode(s.MinChars))
		}
		if s.RunIn {
			addPair(m, "run_in", boolNode(true))
		}
		if len(s.Keywords) > 0 {
			addPair(m, "keywords", flowList(s.Keywords))
		}
		if s.Guidance != "" {
			addPair(m, "guidance", proseNode(s.Guidance))
		}
		if len(s.Figures) > 0 {
			addPair(m, "figures", encodeFigures(s.Figures))
		}
		if len(s.Sections) > 0 {
			addPair(m, "sections", encodeSections(s.Sections))
		}
		seq.Content = append(seq.Content, m)
	}
	return seq
}

func encodeFigures(list []*Figure) *yaml.Node {
	seq := seqNode()
	for _, f := range list {
		m := mapNode()
		addPair(m, "id", StringNode(f.ID))
		addPair(m, "label", StringNode(f.Label))
		if f.Unit != "" {
			addPair(m, "unit", StringNode(f.Unit))
		}
		kind := f.Kind
		if kind == "" {
			kind = KindCount
		}
		addPair(m, "kind", StringNode(string(kind)))
		if f.Required {
			addPair(m, "required", boolNode(true))
		}
		if f.Min != nil {
			addPair(m, "min", numberNode(NumberOf(*f.Min)))
		}
		if f.Max != nil {
			addPair(m, "max", numberNode(NumberOf(*f.Max)))
		}
		if len(f.LE) == 1 {
			addPair(m, "le", StringNode(f.LE[0]))
		} else if len(f.LE) > 1 {
			addPair(m, "le", flowList(f.LE))
		}
		if f.Rate != nil {
			r := mapNode()
			addPair(r, "numerator", StringNode(f.Rate.Numerator))
			if len(f.Rate.Denominators) == 1 {
				addPair(r, "denominator", StringNode(f.Rate.Denominators[0]))
			} else {
				addPair(r, "denominator", flowList(f.Rate.Denominators))
			}
			if f.Rate.Tolerance > 0 {
				addPair(r, "tolerance", numberNode(NumberOf(f.Rate.Tolerance)))
			}
			addPair(m, "rate", r)
		}
		if len(f.Keywords) > 0 {
			addPair(m, "keywords", flowList(f.Keywords))
		}
		seq.Content = append(seq.Content, m)
	}
	return seq
}

func flowList(items []string) *yaml.Node {
	n := seqNode()
	n.Style = yaml.FlowStyle
	for _, s := range items {
		n.Content = append(n.Content, StringNode(s))
	}
	return n
}

func readLimited(path string) ([]byte, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, &Error{File: path, Msg: "无法打开文件：" + OSReason(err)}
	}
	defer f.Close()
	if st.IsDir() {
		return nil, &Error{File: path, Msg: "这是一个目录，不是文件"}
	}
	if st.Size() > MaxFileSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("文件过大（%d 字节，上限 %d 字节）", st.Size(), MaxFileSize)}
	}
	buf, err := ReadUpTo(f, st.Size(), MaxFileSize)
	if err != nil {
		return nil, &Error{File: path, Msg: "无法读取文件：" + OSReason(err)}
	}
	if len(buf) > MaxFileSize {
		return nil, &Error{File: path, Msg: "文件过大"}
	}
	return buf, nil
}

// OSReason explains a file-system error in Chinese for messages.
func OSReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间已满"
	case errors.Is(err, syscall.EDQUOT):
		return "超出磁盘配额"
	case errors.Is(err, syscall.EROFS):
		return "所在的文件系统是只读的"
	case errors.Is(err, syscall.EIO):
		return "磁盘读写出错"
	case errors.Is(err, syscall.ELOOP):
		return "符号链接过多或出于安全不跟随"
	case errors.Is(err, syscall.ENOTDIR):
		return "路径中有一段不是目录"
	case errors.Is(err, syscall.EISDIR):
		return "这是一个目录"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "文件名过长"
	case errors.Is(err, fs.ErrExist):
		return "文件已存在"
	}
	return err.Error()
}
