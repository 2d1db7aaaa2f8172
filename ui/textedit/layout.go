package textedit

import "sort"

// place returns the row of paragraph pos.P that shows pos and the cell
// column in it. A position on a row boundary belongs to the later row (the
// cursor after the last character of a full row shows at the start of the
// next row), unless eol is set and the earlier row has a free cell: then it
// shows at the end of the earlier row, which is where End leaves it.
func (s *state) place(pos Pos, eol bool) (r, col int) {
	rows := s.layout(pos.P)
	text := s.paras[pos.P].text
	r = sort.Search(len(rows), func(i int) bool { return int(rows[i]) > pos.C }) - 1
	r = max(r, 0)
	if eol && r > 0 && int(rows[r]) == pos.C {
		if w := cellsOf(text[rows[r-1]:pos.C]); w < s.wrapW {
			return r - 1, w
		}
	}
	return r, cellsOf(text[rows[r]:pos.C])
}

// cursorRow returns the cursor's global row and cell column.
func (s *state) cursorRow() (g, col int) {
	r, col := s.place(s.cur, s.eol)
	return s.idx.before(s.cur.P) + r, col
}

// scrollToCursor moves the window the least needed to show the cursor and
// keeps it from hanging past the end of a text that shrank.
func (s *state) scrollToCursor() {
	g, _ := s.cursorRow()
	h := max(s.height, 1)
	if g < s.top {
		s.top = g
	}
	if g >= s.top+h {
		s.top = g - h + 1
	}
	s.top = max(min(s.top, s.idx.total()-h), 0)
}

// posInRow finds the position in row r of paragraph p closest to cell
// column goal without passing it. A goal inside a wide character lands
// before that character. On a row that continues on the next row, the row's
// end is reachable only with eol affinity when the row has a free cell;
// otherwise the cursor stops before the last character.
func (s *state) posInRow(p, r, goal int) (Pos, bool) {
	rows := s.layout(p)
	text := s.paras[p].text
	start, end := int(rows[r]), rowEnd(rows, r, len(text))
	c, cells := start, 0
	for c < end {
		w := runeCells(text[c])
		if cells+w > goal {
			break
		}
		cells += w
		c++
	}
	if c == end && r < len(rows)-1 {
		if cells < s.wrapW {
			return Pos{p, c}, true
		}
		return Pos{p, max(c-1, start)}, false
	}
	return Pos{p, c}, false
}

// moveRows moves the cursor n visual rows, keeping the goal column. Moving
// up from the first row goes to the start of the text, down from the last
// row to its end, like word processors do.
func (s *state) moveRows(n int) {
	g, col := s.cursorRow()
	if s.goal < 0 {
		s.goal = col
	}
	total := s.idx.total()
	t := g + n
	switch {
	case t < 0:
		s.cur, s.eol = Pos{}, false
		return
	case t >= total:
		last := len(s.paras) - 1
		s.cur, s.eol = Pos{last, len(s.paras[last].text)}, false
		return
	}
	p, r := s.idx.find(t)
	s.cur, s.eol = s.posInRow(p, r, s.goal)
}

// rowHome moves to the start of the visual row the cursor shows on.
func (s *state) rowHome() {
	r, _ := s.place(s.cur, s.eol)
	s.cur, s.eol = Pos{s.cur.P, int(s.layout(s.cur.P)[r])}, false
}

// rowEnd moves to the end of the visual row the cursor shows on.
func (s *state) rowEndMove() {
	r, _ := s.place(s.cur, s.eol)
	s.cur, s.eol = s.posInRow(s.cur.P, r, 1<<30)
}

// page moves the cursor and the window by one screen.
func (s *state) page(dir int) {
	h := max(s.height, 1)
	s.moveRows(dir * h)
	s.top = max(min(s.top+dir*h, s.idx.total()-h), 0)
}

// posAt maps a cell in the view (row, col) to a text position, for mouse
// clicks.
func (s *state) posAt(row, col int) (Pos, bool) {
	g := s.top + max(row, 0)
	if g >= s.idx.total() {
		last := len(s.paras) - 1
		return Pos{last, len(s.paras[last].text)}, false
	}
	p, r := s.idx.find(g)
	return s.posInRow(p, r, max(col, 0))
}
