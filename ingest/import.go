package ingest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/exportdata"
	"nianbao/internal/zhtext"
	"nianbao/model"
)

// Mapped records where one heading's text went, for --verbose and for
// tests that account for every character.
type Mapped struct {
	Line    int    // source line of the heading (or of the first opening paragraph)
	Level   int    // 1 = 一、 …; 0 for the opening paragraphs
	Heading string // the heading line as written; "开头段落" for the opening
	Section string // template section id that received the text; "" = unmatched
	How     string // Chinese: 标题匹配 / 归入上级 / 按小节推断 / 未匹配 / 开头段落
	Score   int    // evidence for the match (1000 = exact title)
	Removed string // text taken out of the prose (the heading number, or a whole heading line the template title replaces)
}

// Result is an imported report and what the import did to get it.
type Result struct {
	Report       *model.Report
	Title        string // the title line as written ("" when none was found)
	TitleLine    int
	Date         string // 成文日期 from the last line, when present
	Signature    string // the signing unit above the date, when present
	Dropped      []Dropped
	SectionLines map[string]int // section id → source line where its text starts
	Mapping      []Mapped
	Headings     []Heading
	FigureLines  map[string]int // figure id → source line of the sentence its value came from
	Items        int            // 一是/二是 points recognised in paragraphs
	Tables       int            // data tables read a row to a line
	// Text is the document after cleaning, one paragraph a line, with the
	// same line numbers as the source: dropped lines are left empty so that
	// a line number from the check points at the same line in the file.
	Text     string
	Encoding string
	Format   Format
	// Edits lists where the visible text of an exported file disagrees
	// with the draft data it carries (the text won); see reconcile.
	Edits []exportdata.Edit
	// Carried says the file's own draft data was used (a nianbao export).
	Carried bool
	// FigureReading is the importer's reading of the figures in the
	// prose, which the check of Report reuses while the text is unchanged.
	FigureReading *FigureReading
}

// Import turns a read document into a draft against t.
func Import(doc *Document, t *model.Template) (*Result, error) {
	res, _, err := ImportChoosing(doc, t, nil)
	return res, err
}

// ImportChoosing imports doc against gov, or against dept when it is a
// department report (IsDepartmentReport). Most of an office's folder is
// departments' reports; deciding from the outline, before the text is
// assembled and its figures read, imports each once rather than twice.
// A nianbao export's carried draft may rename the unit (reconcile), so
// such a file is decided after its import, as IsDepartmentReport is.
// dept nil imports against gov.
func ImportChoosing(doc *Document, gov, dept *model.Template) (*Result, *model.Template, error) {
	if doc == nil || gov == nil {
		return nil, nil, fmt.Errorf("ingest.Import: 文档和模板都不能为空")
	}
	if dept == nil {
		return importOutlined(doc, outlineDocument(doc), gov), gov, nil
	}
	if doc.Carried != nil && doc.CarriedErr == nil {
		res := importOutlined(doc, outlineDocument(doc), gov)
		if !IsDepartmentReport(res) {
			return res, gov, nil
		}
		return importOutlined(doc, outlineDocument(doc), dept), dept, nil
	}
	od := outlineDocument(doc)
	var probe model.Report
	probe.Unit, probe.Year = metadata(od.title(), od.o.opening)
	applyMeta(&probe, doc.Meta)
	if isDepartment(probe.Unit, od.o.headings) {
		return importOutlined(doc, od, dept), dept, nil
	}
	return importOutlined(doc, od, gov), gov, nil
}

// outlinedDocument is a document cleaned and split into its parts: what
// importing it takes before any template is involved.
type outlinedDocument struct {
	lines   []Line
	dropped []Dropped
	o       *outline
}

func outlineDocument(doc *Document) outlinedDocument {
	lines, dropped := clean(doc.Lines)
	return outlinedDocument{lines: lines, dropped: dropped, o: parseOutline(lines)}
}

// title is the title line as written, "" when there is none.
func (od outlinedDocument) title() string {
	if od.o.title == nil {
		return ""
	}
	return zhtext.TrimBlank(od.o.title.Text)
}

// importOutlined is Import once the document is outlined.
func importOutlined(doc *Document, od outlinedDocument, t *model.Template) *Result {
	lines, dropped, o := od.lines, od.dropped, od.o
	res := &Result{Dropped: dropped, SectionLines: map[string]int{}, Headings: o.headings,
		Items: o.itemCount, Encoding: doc.Encoding, Format: doc.Format, Tables: doc.Tables}
	r := model.NewReport(t)
	res.Report = r

	if o.title != nil {
		res.Title = od.title()
		res.TitleLine = o.title.No
	}
	r.Unit, r.Year = metadata(res.Title, o.opening)
	if o.dateLine != nil {
		res.Date = zhtext.TrimBlank(o.dateLine.Text)
		r.Date = res.Date
	}
	if o.contact != "" {
		r.Contact = o.contact
	}
	applyMeta(r, doc.Meta)
	if res.Title != "" && res.Title != t.Title(r.Unit, r.Year) {
		r.Title = res.Title
	}

	a := &assembler{res: res, texts: map[string][]para{}}
	for _, l := range o.preamble {
		a.add("", l.No, l.Text)
	}
	for _, l := range o.afterword {
		a.add("", l.No, l.Text)
	}
	if len(o.opening) > 0 {
		target := openingSection(t)
		id := ""
		// Without any heading the text has no recognisable structure:
		// filing all of it under measures would hide that the other
		// parts are missing, so it stays unmatched for the drafter to sort.
		if target != nil && len(o.headings) > 0 {
			id = target.ID
		}
		how := "开头段落"
		if id == "" {
			how = "开头段落（未匹配）"
		}
		res.Mapping = append(res.Mapping, Mapped{Line: o.opening[0].No, Heading: "开头段落", Section: id, How: how})
		for _, l := range o.opening {
			a.addBody(id, l.No, l.Text)
		}
	}
	m := &mapper{t: t, year: r.Year, all: t.Flatten()}
	a.walk(m, o.root, nil, "")
	a.distribute(m)
	var sig []string
	for _, l := range o.trailer {
		sig = append(sig, zhtext.TrimBlank(l.Text))
	}
	res.Signature = strings.Join(sig, "\n")

	for id, paras := range a.texts {
		texts := make([]string, len(paras))
		for i, p := range paras {
			texts[i] = p.text
		}
		if id == "" {
			r.Unmatched = strings.Join(texts, "\n")
			continue
		}
		r.SetText(id, strings.Join(texts, "\n"))
	}
	var starts []int
	res.Text, starts = cleanedText(doc.Lines, lines)
	if doc.Carried != nil && doc.CarriedErr == nil {
		// Before the figures are read: the printed signature and date
		// are not prose, and the check reuses this reading only while
		// the texts it read are the report's.
		takeShownTrailer(res, t, doc.Carried)
	}
	figs, srcs, reading := extractFigures(t, r)
	res.FigureReading = reading
	for id, n := range figs {
		r.SetFigure(id, n)
	}
	if len(srcs) > 0 {
		r.Sources = srcs
	}
	res.FigureLines = sourceLines(res.Text, starts, doc.Lines, lines, srcs)
	reconcile(res, t, doc)
	return res
}

// cleanedText lays the kept lines out at their source line numbers, and
// gives where each source line starts in it.
func cleanedText(src, kept []Line) (string, []int) {
	byNo := make(map[int]string, len(kept))
	size := len(src)
	for _, l := range kept {
		byNo[l.No] = l.Text
		size += len(l.Text)
	}
	var b strings.Builder
	b.Grow(size)
	starts := make([]int, len(src))
	for i, l := range src {
		if i > 0 {
			b.WriteByte('\n')
		}
		starts[i] = b.Len()
		b.WriteString(byNo[l.No])
	}
	return b.String(), starts
}

// sourceLines finds the line each figure's sentence came from: the first
// kept line that holds it, found by searching the cleaned text once per
// figure rather than each line (starts is where each of src's lines
// begins in text; kept are the lines text holds).
func sourceLines(text string, starts []int, src, kept []Line, srcs map[string]string) map[string]int {
	out := map[string]int{}
	for id, sent := range srcs {
		if sent == "" {
			if len(kept) > 0 {
				out[id] = kept[0].No // what a search of each line finds first
			}
			continue
		}
		for from := 0; from <= len(text); {
			i := indexByASCII(text[from:], sent)
			if i < 0 {
				break
			}
			i += from
			// The line holding the match's start; a match running on
			// into the next line is no line's (the old per-line search
			// could not find it), so the search goes on after it.
			k := sort.SearchInts(starts, i+1) - 1
			end := len(text)
			if k+1 < len(starts) {
				end = starts[k+1] - 1
			}
			if i+len(sent) <= end {
				out[id] = src[k].No
				break
			}
			from = i + 1
		}
	}
	return out
}

// indexByASCII is strings.Index(s, sub), searching for sub's first ASCII
// byte (a figure's sentence holds its number) and comparing around it:
// strings.Index searches for the first byte, which for Chinese is a lead
// byte a sixth of the text shares, and falls back to hashing every byte.
func indexByASCII(s, sub string) int {
	k := 0
	for k < len(sub) && sub[k] >= utf8.RuneSelf {
		k++
	}
	if k == len(sub) {
		return strings.Index(s, sub)
	}
	return zhtext.IndexAnchored(s, sub, k)
}

// applyMeta takes unit, year, title and date from Markdown front matter;
// they are what the exporter knew, so they beat guesses from the text.
func applyMeta(r *model.Report, meta map[string]string) {
	if v := meta["unit"]; v != "" {
		r.Unit = v
	}
	if v, err := strconv.Atoi(meta["year"]); err == nil && v >= 1949 && v <= 2200 {
		r.Year = v
	}
	if v := meta["date"]; v != "" {
		r.Date = v
	}
}

// openingSection is where the paragraphs between the title and the first
// heading go: the main-measures part, whose guidance invites an overview.
func openingSection(t *model.Template) *model.Section {
	if s := t.Section("measures"); s != nil {
		return s
	}
	if len(t.Sections) > 0 {
		return t.Sections[0]
	}
	return nil
}

type assembler struct {
	res   *Result
	texts map[string][]para // section id ("" = unmatched) → paragraphs
}

// para is one paragraph of a section's text. body marks a paragraph that
// stood directly under its part's heading (or in the opening), which
// distribute may hand on to a subsection its lead sentence names.
type para struct {
	line int
	text string
	body bool
}

func (a *assembler) add(id string, line int, text string) {
	a.addPara(id, para{line: line, text: text})
}

func (a *assembler) addBody(id string, line int, text string) {
	a.addPara(id, para{line: line, text: text, body: true})
}

func (a *assembler) addPara(id string, p para) {
	text, line := p.text, p.line
	if isBlankText(text) {
		return
	}
	a.texts[id] = append(a.texts[id], p)
	if id != "" {
		if l, ok := a.res.SectionLines[id]; !ok || line < l {
			a.res.SectionLines[id] = line
		}
	}
}

// afterOwnTitle is what a heading line says after the title of the
// section it maps to, when it starts with that title exactly and goes on
// to a sentence: "" for a heading that is only a title, whatever its
// closing punctuation.
func afterOwnTitle(line string, h *Heading, sec *model.Section) string {
	if sec.Title == "" || !strings.Contains(line, sec.Title) {
		return "" // most headings: no number prefix is matched for them
	}
	rest := strings.TrimLeftFunc(line[len(numberPrefix(line, h)):], isSpace)
	after, ok := strings.CutPrefix(rest, sec.Title)
	if !ok {
		return ""
	}
	after = strings.TrimLeftFunc(after, func(r rune) bool { return isSpace(r) || strings.ContainsRune("。！？!?：:；;，,、", r) })
	if zhtext.IndexAny(after, "。！？!?") < 0 {
		return "" // "（一）推进行政决策科学化、民主化、法治化工作" is a title
	}
	return after
}

// walk assigns each part's text: a part whose heading names a section goes
// there (its number dropped, a run-in heading sentence kept as the first
// sentence); any other part stays with its parent, heading line and all,
// so nothing is lost.
func (a *assembler) walk(m *mapper, p *part, parentSec *model.Section, target string) {
	for _, c := range p.children {
		var sec *model.Section
		sc := 0
		how := ""
		if p.head == nil {
			sec, sc = m.mapTop(c.head)
			how = "标题匹配"
			if sec == nil {
				if sec = m.inferTop(c); sec != nil {
					how = "按小节推断"
				}
			}
		} else {
			sec, sc = m.mapSub(c.head, p.head, parentSec)
			how = "标题匹配"
		}
		entry := Mapped{Line: c.line.No, Level: c.head.Level, Heading: c.line.Text, Score: sc}
		childSec, childTarget := parentSec, target
		if sec != nil {
			childSec, childTarget = sec, sec.ID
			entry.Section, entry.How = sec.ID, how
			if c.head.RunIn {
				prefix := numberPrefix(c.line.Text, c.head)
				rest := strings.TrimLeftFunc(c.line.Text[len(prefix):], isSpace)
				if sc >= 1000 && strings.HasPrefix(rest, c.head.Text) {
					// The run-in heading is the template's own title (an
					// exported draft): export prints it again, so it is
					// not prose.
					rest = strings.TrimLeftFunc(strings.TrimLeftFunc(rest[len(c.head.Text):], func(r rune) bool {
						return strings.ContainsRune("。！？!?", r)
					}), isSpace)
					prefix = c.line.Text[:len(c.line.Text)-len(rest)]
				} else if own := afterOwnTitle(c.line.Text, c.head, sec); own != "" {
					// The title, a blank or a comma, then prose.
					rest, prefix = own, c.line.Text[:len(c.line.Text)-len(own)]
				}
				entry.Removed = prefix
				a.add(sec.ID, c.line.No, rest)
			} else if rest := afterOwnTitle(c.line.Text, c.head, sec); rest != "" {
				// The template's title run straight into prose, with no
				// stop between ("（三）坚持严格规范公正文明执法全县……。", a
				// PDF line joined to its heading): the title prints
				// again, the prose is kept.
				entry.Removed = c.line.Text[:len(c.line.Text)-len(rest)]
				a.add(sec.ID, c.line.No, rest)
			} else {
				entry.Removed = c.line.Text
				if _, ok := a.res.SectionLines[sec.ID]; !ok {
					a.res.SectionLines[sec.ID] = c.line.No
				}
			}
		} else {
			entry.Section = target
			entry.How = "归入上级"
			if target == "" {
				entry.How = "未匹配"
			}
			a.add(target, c.line.No, c.line.Text)
		}
		a.res.Mapping = append(a.res.Mapping, entry)
		for _, l := range c.body {
			if sec != nil {
				a.addBody(childTarget, l.No, l.Text)
			} else {
				a.add(childTarget, l.No, l.Text)
			}
		}
		a.walk(m, c, childSec, childTarget)
	}
}

// numberPrefix is the part of a heading line before its text: the number
// and the punctuation after it, with any leading spaces.
func numberPrefix(line string, h *Heading) string {
	if h.Number == "" {
		return line[:len(line)-len(strings.TrimLeftFunc(line, isSpace))]
	}
	_, prefix, _ := matchNumber(line)
	return prefix
}

var (
	titleMetaRe   = lazyRegexp(`^(.*?)((?:19|20|21)\d{2})\s*年度?(.*)$`)
	openingUnitRe = lazyRegexp(`^((?:19|20|21)\d{2})\s*年(?:度|以来)?\s*[,，]?\s*(?:全)?(.{2,24}?)(?:始终|坚持|深入|认真|全面|紧紧|紧扣|以|在|围绕|聚焦|按照|立足|深化|持续)`)
	anyYearRe     = lazyRegexp(`((?:19|20|21)\d{2})\s*年`)
)

// metadata reads the reporting unit and year from the title ("绩溪县2023年
// 度法治政府建设工作情况报告"), falling back to the opening sentence
// ("2023年，东昌府区司法局坚持……").
func metadata(title string, opening []Line) (unit string, year int) {
	t := strings.TrimPrefix(normalizeHeading(title), "关于")
	if m := titleMetaRe().FindStringSubmatch(t); m != nil {
		year, _ = strconv.Atoi(m[2])
		unit = strings.TrimSpace(m[1])
		if unit == "" {
			// "2023年度XX县法治政府建设情况报告"
			rest := m[3]
			if i := strings.Index(rest, "法治政府"); i > 0 {
				unit = rest[:i]
			}
		}
	}
	if len(opening) > 0 {
		first := zhtext.TrimBlank(opening[0].Text)
		if unit == "" {
			if m := openingUnitRe().FindStringSubmatch(first); m != nil {
				unit = m[2]
				if year == 0 {
					year, _ = strconv.Atoi(m[1])
				}
			}
		}
		if year == 0 {
			if m := anyYearRe().FindStringSubmatch(first); m != nil {
				year, _ = strconv.Atoi(m[1])
			}
		}
	}
	// "青川县人民政府关于2025年度…的报告": 关于 stands between the unit
	// and the year as often as before both.
	unit = strings.TrimSuffix(strings.TrimPrefix(unit, "关于"), "的")
	unit = strings.TrimSpace(strings.TrimSuffix(unit, "关于"))
	return unit, year
}
