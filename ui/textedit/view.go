package textedit

import (
	"strings"
	"unicode/utf8"
)

// View draws exactly Height rows, each padded to Width cells. Only the
// visible rows are visited, so its cost depends on the window, not on the
// length of the text.
func (m Model) View() string {
	s := m.s
	if s == nil || s.height <= 0 {
		return ""
	}
	ms := s.marks.blurred
	if s.focused {
		ms = s.marks.focused
	}
	var b strings.Builder
	b.Grow(s.height * (s.width*3 + 16))
	if s.nRunes == 0 && s.placeholder != "" {
		s.viewPlaceholder(&b, ms)
		return b.String()
	}
	cr, _ := s.place(s.cur, s.eol)
	rr := rowRender{s: s, ms: ms, cur: -1}
	if s.sel && s.anchor != s.cur {
		rr.selA, rr.selB = s.anchor, s.cur
		if rr.selB.less(rr.selA) {
			rr.selA, rr.selB = rr.selB, rr.selA
		}
		rr.hasSel = true
	}
	p, r := s.idx.find(s.top)
	for i := 0; i < s.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p >= len(s.paras) {
			b.WriteString(spaces(s.width))
			continue
		}
		rows := s.layout(p)
		rr.cur = -1
		if s.focused && p == s.cur.P && r == cr {
			rr.cur = s.cur.C
		}
		text := s.paras[p].text
		start, end := int(rows[r]), rowEnd(rows, r, len(text))
		if rr.cur < 0 && !rr.selects(p, start, end) {
			d := s.drawnRow(p, r)
			ms.text.write(&b, d.text)
			b.WriteString(spaces(s.width - d.cells))
		} else {
			rr.row(&b, p, text, start, end)
		}
		if r++; r >= len(rows) {
			p, r = p+1, 0
		}
	}
	return b.String()
}

// rowRender paints one visual row, grouping runes of the same style into
// one styled segment.
type rowRender struct {
	s          *state
	ms         markSet
	cur        int // rune offset of the cursor on this row, or -1
	hasSel     bool
	selA, selB Pos
	seg        []byte
}

// selects reports whether the selection covers part of runes [start, end)
// of paragraph p.
func (rr *rowRender) selects(p, start, end int) bool {
	return rr.hasSel && (Pos{p, start}).less(rr.selB) && rr.selA.less(Pos{p, end})
}

// drawnRow is a row's text as drawn and its width in cells.
type drawnRow struct {
	text  string
	cells int
}

// drawnRow returns row r of paragraph p as plain drawn text, from the cache
// when it is there. Rows away from the cursor and selection are most of
// the screen; caching them makes View mostly copying.
func (s *state) drawnRow(p, r int) drawnRow {
	pp := &s.paras[p]
	rows := s.layout(p)
	if pp.drawn == nil {
		pp.drawn = make([]drawnRow, len(rows))
		for i := range pp.drawn {
			pp.drawn[i].cells = -1
		}
	}
	d := &pp.drawn[r]
	if d.cells < 0 {
		var buf []byte
		cells := 0
		for _, c := range pp.text[rows[r]:rowEnd(rows, r, len(pp.text))] {
			w := runeCells(c)
			if cells+w > s.width {
				break
			}
			if c == '\t' {
				buf = append(buf, "    "...)
			} else {
				buf = utf8.AppendRune(buf, c)
			}
			cells += w
		}
		*d = drawnRow{text: string(buf), cells: cells}
	}
	return *d
}

// spaces returns n spaces (none for n <= 0) without allocating for the
// usual widths.
func spaces(n int) string {
	const blank = "                                                                                                                                "
	if n <= 0 {
		return ""
	}
	if n <= len(blank) {
		return blank[:n]
	}
	return strings.Repeat(" ", n)
}

// styleAt picks the style of rune c of paragraph p.
func (rr *rowRender) styleAt(p, c int) *mark {
	if c == rr.cur {
		return &rr.ms.cursor
	}
	if rr.hasSel {
		at := Pos{p, c}
		if !at.less(rr.selA) && at.less(rr.selB) {
			return &rr.ms.sel
		}
	}
	return &rr.ms.text
}

// row paints runes [start, end) of text (paragraph p), clipped and padded to the
// widget's width, with the cursor cell after the text when it sits there.
func (rr *rowRender) row(b *strings.Builder, p int, text []rune, start, end int) {
	s := rr.s
	cells := 0
	var cur *mark
	rr.seg = rr.seg[:0]
	for c := start; c < end; c++ {
		w := runeCells(text[c])
		if cells+w > s.width {
			break
		}
		st := rr.styleAt(p, c)
		if st != cur {
			rr.flush(b, cur)
			cur = st
		}
		if text[c] == '\t' {
			rr.seg = append(rr.seg, "    "...)
		} else {
			rr.seg = utf8.AppendRune(rr.seg, text[c])
		}
		cells += w
	}
	rr.flush(b, cur)
	if rr.cur >= end && cells < s.width {
		rr.ms.cursor.write(b, " ")
		cells++
	}
	b.WriteString(spaces(s.width - cells))
}

// flush writes the pending segment in style st.
func (rr *rowRender) flush(b *strings.Builder, st *mark) {
	if len(rr.seg) > 0 && st != nil {
		st.writeBytes(b, rr.seg)
	}
	rr.seg = rr.seg[:0]
}

// viewPlaceholder paints the placeholder, wrapped like text, with the
// cursor on its first character when focused.
func (s *state) viewPlaceholder(b *strings.Builder, ms markSet) {
	text := []rune(s.placeholder)
	rows := wrapRows(text, s.wrapW, nil)
	ph := rowRender{s: s, ms: ms, cur: -1}
	ph.ms.text = ms.placeholder
	for i := 0; i < s.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i >= len(rows) {
			b.WriteString(spaces(s.width))
			continue
		}
		ph.cur = -1
		if i == 0 && s.focused {
			ph.cur = 0
		}
		ph.row(b, 0, text, int(rows[i]), rowEnd(rows, i, len(text)))
	}
}

// CursorPosition returns the cursor's cell inside View (row from the top,
// column in cells from the left), for placing the terminal's own cursor
// where an input method shows its candidates. The column counts cells, so
// after three Chinese characters it is 6; after the last character of a
// full row the cursor is at column 0 of the next row.
func (m Model) CursorPosition() (row, col int) {
	s := m.s
	if s == nil || s.height <= 0 {
		return 0, 0
	}
	if s.nRunes == 0 {
		return 0, 0
	}
	g, col := s.cursorRow()
	row = min(max(g-s.top, 0), s.height-1)
	col = min(col, max(s.width-1, 0))
	return row, col
}
