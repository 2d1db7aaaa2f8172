package ingest

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// Many reports write a part's subjects as enumerated points instead of
// subheadings: "一、主要举措和成效" followed by "一是推进依法决策。……",
// "二是严格规范执法。……", or all of them in one paragraph. The text is
// there; filed under the part alone, every subsection the template
// requires would look empty. distribute hands each point to the
// subsection its lead sentence names.

// pointStartRe finds an enumerated point that starts a sentence inside a
// paragraph; the match begins just after the sentence end before it.
var pointStartRe = lazyRegexp(`[。；;！？!?][ \t\x{3000}]*(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、是])`)

// leadRe strips an enumeration marker from the start of a point.
var leadRe = lazyRegexp(`^[ \t\x{3000}]*(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、是]|首先[，,]|其次[，,]|此外[，,])`)

// maxLeadRunes keeps distribute to theme sentences ("一是推进依法决策。"):
// a long first sentence is narrative, and its words say little about
// which subsection the paragraph belongs to.
const maxLeadRunes = 30

// splitPoints cuts a paragraph before each enumerated point that starts a
// sentence. The pieces concatenate back to the paragraph.
func splitPoints(text string) []string {
	var out []string
	start := 0
	for _, m := range pointStartRe().FindAllStringIndex(text, -1) {
		_, w := utf8.DecodeRuneInString(text[m[0]:])
		cut := m[0] + w
		if cut > start {
			out = append(out, text[start:cut])
			start = cut
		}
	}
	return append(out, text[start:])
}

// startsPoint says whether a piece begins with an enumeration marker.
func startsPoint(s string) bool { return leadRe().MatchString(s) }

// leadTarget is the subsection among free that the point's lead sentence
// names, nil when it names none or the lead is not a short theme.
func leadTarget(piece string, free []*model.Section, year int) *model.Section {
	s := zhtext.TrimBlank(piece)
	// A marked point's lead is its theme ("二是严格规范执法"), so one
	// keyword is enough; an unmarked paragraph needs the stronger evidence
	// a heading would.
	need := escapeToSibling
	if m := leadRe().FindStringIndex(s); m != nil {
		s = s[m[1]:]
		need = 2
	}
	lead := s
	if i := zhtext.IndexAny(s, "。！？；：!?;:"); i >= 0 {
		lead = s[:i]
	}
	if longerThan(lead, maxLeadRunes) {
		if i := zhtext.IndexAny(lead, "，,"); i >= 0 {
			lead = lead[:i]
		}
	}
	if longerThan(lead, maxLeadRunes) {
		return nil
	}
	sec, _ := best(lead, free, year, need)
	return sec
}

// distribute moves the points of a part's own paragraphs to the
// subsections they name, when no heading went to those subsections. A
// paragraph without a marker that follows a moved point goes with it
// (the point's details); the rest stays where it was.
func (a *assembler) distribute(m *mapper) {
	for _, c := range m.t.Flatten() {
		if len(c.Sections) == 0 {
			continue
		}
		var free []*model.Section
		for _, s := range descendants(c) {
			if _, headed := a.res.SectionLines[s.ID]; !headed {
				free = append(free, s)
			}
		}
		if len(free) == 0 {
			continue
		}
		a.distributePart(c, free, m.year)
	}
}

func (a *assembler) distributePart(c *model.Section, free []*model.Section, year int) {
	var keep []para
	moved := map[string][]para{}
	var current *model.Section
	for _, p := range a.texts[c.ID] {
		if !p.body {
			keep = append(keep, p)
			current = nil
			continue
		}
		pieces := splitPoints(p.text)
		targets := make([]*model.Section, len(pieces))
		any := false
		for i, piece := range pieces {
			if s := leadTarget(piece, free, year); s != nil {
				current = s
				any = true
			} else if startsPoint(piece) {
				current = nil
			}
			targets[i] = current
		}
		if !any && targets[0] == nil {
			keep = append(keep, p)
			continue
		}
		// Consecutive pieces with one target stay one paragraph.
		for i := 0; i < len(pieces); {
			j := i + 1
			for j < len(pieces) && targets[j] == targets[i] {
				j++
			}
			q := para{line: p.line, text: strings.Join(pieces[i:j], ""), body: true}
			if targets[i] == nil {
				keep = append(keep, q)
			} else {
				moved[targets[i].ID] = append(moved[targets[i].ID], q)
			}
			i = j
		}
	}
	if len(moved) == 0 {
		return
	}
	a.texts[c.ID] = keep
	if len(keep) == 0 {
		delete(a.texts, c.ID)
	}
	for id, ps := range moved {
		for _, q := range ps {
			q.text = strings.TrimLeftFunc(q.text, isSpace)
			a.addPara(id, q)
		}
	}
}
