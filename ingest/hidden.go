package ingest

import (
	"sort"
	"strings"

	"nianbao/internal/xmlscan"
)

// Hidden content of a .docx: what the file carries besides the text a
// reader sees on the page. Import keeps the text it always kept (tracked
// insertions and hidden text are read as part of their paragraph, deleted
// text is not), and lists the hidden content in Document.Hidden so the
// check's publish rules can report it: a Word file posted as it is takes
// its comments and tracked deletions along.

// Kinds of hidden content; check.HiddenKind uses the same names.
const (
	HiddenComment = "comment" // a comment (word/comments.xml), anchored at its paragraph
	HiddenInsert  = "insert"  // a tracked insertion not yet accepted (w:ins)
	HiddenDelete  = "delete"  // a tracked deletion not yet accepted (w:del)
	HiddenVanish  = "vanish"  // text formatted as hidden (w:vanish)
	HiddenHeader  = "header"  // text in a page header
	HiddenFooter  = "footer"  // text in a page footer other than page numbers
)

// Hidden is one piece of hidden content.
type Hidden struct {
	Kind string
	// Line is the document line (Line.No) of the paragraph it belongs to;
	// 0 for headers, footers and comments whose anchor was not found.
	Line int
	Text string
}

// hiddenRun is hidden text inside one paragraph; the line is known once
// paragraphs are numbered.
type hiddenRun struct {
	kind string
	text strings.Builder
}

// hiddenState follows the elements parseParagraphs walks that make text
// hidden: w:ins and w:del around runs, w:vanish in a run's properties,
// w:delText, and comment anchors.
type hiddenState struct {
	ins, del  int  // depth of w:ins / w:del elements (and of w:moveTo / w:moveFrom)
	moveFrom  int  // depth of w:moveFrom: moved-away text, in w:t, that is no longer there
	inRun     bool // inside w:r
	inRunPr   bool // inside the w:rPr of a run
	vanish    bool // the current run is hidden
	inDelText bool
}

// start notes a start element; cur is the paragraph being read (nil
// outside one) and inPPr tells whether it is inside paragraph properties,
// whose w:rPr formats the paragraph mark, not text.
func (h *hiddenState) start(e *xmlscan.Token, cur *paragraph, inPPr bool) {
	switch e.Name.Local {
	case "ins":
		h.ins++
	case "del":
		h.del++
	case "moveTo": // a tracked move's new place: an insertion
		h.ins++
	case "moveFrom": // its old place: a deletion whose text Word keeps in w:t
		h.del++
		h.moveFrom++
	case "r":
		h.inRun, h.vanish = true, false
	case "rPr":
		h.inRunPr = h.inRun && !inPPr
	case "vanish":
		if h.inRunPr {
			v := e.AttrValue("val")
			h.vanish = v != "0" && v != "false" && v != "off"
		}
	case "delText":
		h.inDelText = cur != nil
	case "commentReference", "commentRangeStart":
		if cur != nil {
			if id := e.AttrValue("id"); id != "" {
				cur.comments = append(cur.comments, id)
			}
		}
	}
}

func (h *hiddenState) end(e *xmlscan.Token) {
	switch e.Name.Local {
	case "ins":
		h.ins = max(0, h.ins-1)
	case "del":
		h.del = max(0, h.del-1)
	case "moveTo":
		h.ins = max(0, h.ins-1)
	case "moveFrom":
		h.del = max(0, h.del-1)
		h.moveFrom = max(0, h.moveFrom-1)
	case "r":
		h.inRun, h.vanish, h.inRunPr = false, false, false
	case "rPr":
		h.inRunPr = false
	case "delText":
		h.inDelText = false
	}
}

// text notes visible-in-the-import text (w:t) that is hidden in Word or
// not yet accepted.
func (h *hiddenState) text(cur *paragraph, s []byte) {
	switch {
	case h.vanish:
		cur.addHidden(HiddenVanish, s)
	case h.ins > 0:
		cur.addHidden(HiddenInsert, s)
	}
}

// symbol notes a w:sym character as text is noted, and tells whether it
// is read into its paragraph: in a tracked deletion (or a move's old
// place) it is deleted text, as w:delText is.
func (h *hiddenState) symbol(cur *paragraph, s []byte) bool {
	if h.del > 0 {
		cur.addHidden(HiddenDelete, s)
		return false
	}
	h.text(cur, s)
	return true
}

// deleted notes the text of a tracked deletion, which import drops.
func (h *hiddenState) deleted(cur *paragraph, s []byte) {
	if h.inDelText {
		cur.addHidden(HiddenDelete, s)
	}
}

// movedAway tells whether w:t text is the old place of a tracked move,
// which import drops as it drops a deletion (the text stands at its new
// place, w:moveTo); it is noted as deleted text.
func (h *hiddenState) movedAway(cur *paragraph, s []byte) bool {
	if h.moveFrom == 0 {
		return false
	}
	cur.addHidden(HiddenDelete, s)
	return true
}

func (p *paragraph) addHidden(kind string, s []byte) {
	if n := len(p.hidden); n > 0 && p.hidden[n-1].kind == kind {
		p.hidden[n-1].text.Write(s)
		return
	}
	p.hidden = append(p.hidden, &hiddenRun{kind: kind})
	p.hidden[len(p.hidden)-1].text.Write(s)
}

// collectHidden lists the hidden content of a .docx: what parseParagraphs
// noted per paragraph (paras are numbered from line 1), the comments,
// and the text of headers and footers.
func (dr *docxReader) collectHidden(paras []*paragraph) ([]Hidden, error) {
	var out []Hidden
	anchors := map[string]int{}
	for i, p := range paras {
		for _, r := range p.hidden {
			if strings.TrimSpace(r.text.String()) != "" {
				out = append(out, Hidden{Kind: r.kind, Line: i + 1, Text: r.text.String()})
			}
		}
		for _, id := range p.comments {
			if _, ok := anchors[id]; !ok {
				anchors[id] = i + 1
			}
		}
	}
	if dr.files["word/comments.xml"] != nil {
		raw, err := dr.part("word/comments.xml")
		if err != nil {
			return nil, err
		}
		cs, err := parseComments(dr.name, raw)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out = append(out, Hidden{Kind: HiddenComment, Line: anchors[c.id], Text: c.text})
		}
	}
	var parts []string
	for name := range dr.files {
		if strings.HasPrefix(name, "word/header") || strings.HasPrefix(name, "word/footer") {
			if strings.HasSuffix(name, ".xml") {
				parts = append(parts, name)
			}
		}
	}
	sort.Strings(parts)
	seen := map[string]bool{}
	for _, name := range parts {
		raw, err := dr.part(name)
		if err != nil {
			return nil, err
		}
		text, err := partText(dr.name, name, raw)
		if err != nil {
			return nil, err
		}
		kind := HiddenHeader
		if strings.HasPrefix(name, "word/footer") {
			kind = HiddenFooter
		}
		// Word keeps one part per page kind (first, even, default), often
		// with the same text; a page number alone is no content.
		if pageNumberOnly(text) || seen[kind+text] {
			continue
		}
		seen[kind+text] = true
		out = append(out, Hidden{Kind: kind, Text: text})
	}
	return out, nil
}

type comment struct{ id, text string }

// parseComments reads the text of every w:comment in comments.xml.
func parseComments(name string, data []byte) ([]comment, error) {
	var out []comment
	var cur *comment
	var b strings.Builder
	inText := false
	err := xmlTokens(name, "word/comments.xml", data, func(t *xmlscan.Token, depth int) error {
		switch t.Kind {
		case xmlscan.Start:
			switch t.Name.Local {
			case "comment":
				cur = &comment{id: t.AttrValue("id")}
				b.Reset()
			case "t":
				inText = cur != nil
			case "p":
				if cur != nil && b.Len() > 0 {
					b.WriteByte('\n')
				}
			}
		case xmlscan.End:
			switch t.Name.Local {
			case "comment":
				if cur != nil {
					cur.text = b.String()
					out = append(out, *cur)
					cur = nil
				}
			case "t":
				inText = false
			}
		case xmlscan.Text:
			if inText {
				b.Write(t.Text)
			}
		}
		return nil
	}, func() { out, cur, inText = nil, nil, false; b.Reset() })
	return out, err
}

// partText reads the text of a header or footer part, one paragraph a line.
func partText(name, part string, data []byte) (string, error) {
	var lines []string
	var pc paraCollector
	var alt altContent // a header's text box, written twice
	err := xmlTokens(name, part, data, func(t *xmlscan.Token, depth int) error {
		if !alt.skip(t, depth) {
			if s := pc.token(t); s != "" {
				lines = append(lines, s)
			}
		}
		return nil
	}, func() { lines = nil; pc.reset(); alt.reset() })
	return strings.Join(lines, "\n"), err
}

// paraCollector gathers the w:t text of a part's paragraphs (a header, a
// footnote), one trimmed string per paragraph; a tab reads as a space.
type paraCollector struct {
	b      strings.Builder
	inText bool
}

// token takes the next token of the part and gives the text of the
// paragraph it ends, "" when it ends none or the paragraph has no text.
func (c *paraCollector) token(t *xmlscan.Token) string {
	switch t.Kind {
	case xmlscan.Start:
		switch t.Name.Local {
		case "t":
			c.inText = true
		case "tab":
			c.b.WriteByte(' ')
		case "sym":
			c.b.WriteString(symbolText(t))
		}
	case xmlscan.End:
		switch t.Name.Local {
		case "t":
			c.inText = false
		case "p":
			s := strings.TrimSpace(c.b.String())
			c.b.Reset()
			return s
		}
	case xmlscan.Text:
		if c.inText {
			c.b.Write(t.Text)
		}
	}
	return ""
}

func (c *paraCollector) reset() { c.b.Reset(); c.inText = false }

// pageNumberOnly tells whether a footer holds nothing but a page number
// (“— 1 —”, “第 1 页 共 9 页”, “1/9”).
func pageNumberOnly(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return r >= '0' && r <= '9' || strings.ContainsRune(" \t\n\u3000-—–－/第页共PageofPAGE", r)
	}) == ""
}
