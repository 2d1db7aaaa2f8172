package textedit

import (
	"slices"
	"strings"

	"nianbao/internal/zhtext"
)

// Pos is a place between characters: paragraph P, before rune C of it.
type Pos struct{ P, C int }

// less orders positions in document order.
func (a Pos) less(b Pos) bool { return a.P < b.P || (a.P == b.P && a.C < b.C) }

// para is one paragraph (text between '\n's) and its cached layout.
type para struct {
	text []rune
	// rows holds the offset where each visual row starts at the state's
	// wrap width; nil means stale. Only the paragraphs an edit touches are
	// made stale, so one keystroke rewraps one paragraph.
	rows []int32
	// drawn caches each row's text as drawn (tabs expanded, clipped to the
	// width), filled by View for rows without cursor or selection; it lives
	// and dies with rows.
	drawn []drawnRow
}

// layout returns p's rows at width w, wrapping if the cache is stale.
func (s *state) layout(p int) []int32 {
	pp := &s.paras[p]
	if pp.rows == nil {
		pp.rows = wrapRows(pp.text, s.wrapW, nil)
		pp.drawn = nil
	}
	return pp.rows
}

// relayoutAll rewraps every paragraph and rebuilds the row index; used when
// the width changes or the whole text is replaced.
func (s *state) relayoutAll() {
	counts := make([]int32, len(s.paras))
	for i := range s.paras {
		s.paras[i].rows = wrapRows(s.paras[i].text, s.wrapW, s.paras[i].rows)
		s.paras[i].drawn = nil
		counts[i] = int32(len(s.paras[i].rows))
	}
	s.idx.build(counts)
}

// rebuildIndexFrom refreshes the layout of paragraphs [from, to) and rebuilds
// the row index after paragraphs were inserted or removed.
func (s *state) rebuildIndex(from, to int) {
	for i := from; i < to && i < len(s.paras); i++ {
		s.paras[i].rows = nil
		s.layout(i)
	}
	counts := make([]int32, len(s.paras))
	for i := range s.paras {
		counts[i] = int32(len(s.layout(i)))
	}
	s.idx.build(counts)
}

// clampPos keeps p inside the document.
func (s *state) clampPos(p Pos) Pos {
	p.P = min(max(p.P, 0), len(s.paras)-1)
	p.C = min(max(p.C, 0), len(s.paras[p.P].text))
	return p
}

// endOf is where text ends when inserted at from.
func endOf(from Pos, text []rune) Pos {
	nl := 0
	last := -1
	for i, r := range text {
		if r == '\n' {
			nl++
			last = i
		}
	}
	if nl == 0 {
		return Pos{from.P, from.C + len(text)}
	}
	return Pos{from.P + nl, len(text) - last - 1}
}

// slice copies the text between a and b (a <= b), with '\n' between
// paragraphs.
func (s *state) slice(a, b Pos) []rune {
	if a.P == b.P {
		return slices.Clone(s.paras[a.P].text[a.C:b.C])
	}
	out := slices.Clone(s.paras[a.P].text[a.C:])
	for p := a.P + 1; p < b.P; p++ {
		out = append(out, '\n')
		out = append(out, s.paras[p].text...)
	}
	out = append(out, '\n')
	return append(out, s.paras[b.P].text[:b.C]...)
}

// replace is the single primitive every edit goes through (typing, delete,
// paste, undo): it swaps the text in [from, to) for text, which may hold
// '\n', keeps the layout caches and row index current, and returns the end
// of the inserted text and the text removed. The common case (no paragraph
// added or removed) costs O(paragraph + log n).
func (s *state) replace(from, to Pos, text []rune) (Pos, []rune) {
	from, to = s.clampPos(from), s.clampPos(to)
	if to.less(from) {
		from, to = to, from
	}
	s.version++
	removed := s.slice(from, to)
	s.nRunes += len(text) - len(removed)
	s.nChars += countRunes(text) - countRunes(removed)
	if from.P == to.P && !slices.Contains(text, '\n') {
		pp := &s.paras[from.P]
		pp.text = slices.Replace(pp.text, from.C, to.C, text...)
		pp.rows = nil
		s.idx.set(from.P, int32(len(s.layout(from.P))))
		return Pos{from.P, from.C + len(text)}, removed
	}
	lines := splitLines(text)
	head := s.paras[from.P].text[:from.C]
	tail := s.paras[to.P].text[to.C:]
	fresh := make([]para, len(lines))
	for i, l := range lines {
		var t []rune
		if i == 0 {
			t = append(t, head...)
		}
		t = append(t, l...)
		if i == len(lines)-1 {
			t = append(t, tail...)
		}
		fresh[i] = para{text: t}
	}
	s.paras = slices.Replace(s.paras, from.P, to.P+1, fresh...)
	s.rebuildIndex(from.P, from.P+len(fresh))
	return endOf(from, text), removed
}

// countRunes counts the runes that zhtext.IsCounted: the editor's 字数.
func countRunes(rs []rune) int {
	n := 0
	for _, r := range rs {
		if zhtext.IsCounted(r) {
			n++
		}
	}
	return n
}

// splitLines splits on '\n'; it always returns at least one line. The
// lines share text's array but their capacity is capped, so that growing
// one paragraph in place reallocates instead of overwriting the next.
func splitLines(text []rune) [][]rune {
	var out [][]rune
	start := 0
	for i, r := range text {
		if r == '\n' {
			out = append(out, text[start:i:i])
			start = i + 1
		}
	}
	return append(out, text[start:len(text):len(text)])
}

// load replaces the whole text.
func (s *state) load(v string) {
	text := normalize([]rune(v))
	lines := splitLines(text)
	s.paras = make([]para, len(lines))
	s.nRunes, s.nChars = 0, 0
	for i, l := range lines {
		s.paras[i] = para{text: l}
		s.nRunes += len(l)
		s.nChars += countRunes(l)
	}
	s.nRunes += len(lines) - 1
	s.relayoutAll()
	s.version++
}

// value joins the paragraphs back into one string.
func (s *state) value() string {
	var b strings.Builder
	b.Grow(s.nRunes * 3)
	for i := range s.paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, r := range s.paras[i].text {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// normalize prepares text from outside (typed, pasted or loaded): CRLF and
// lone CR become '\n', Unicode line and paragraph separators too; tabs are
// kept (drawn as spaces); other control characters and the BOM are dropped
// because a terminal cannot draw them and they would break the layout.
func normalize(in []rune) []rune {
	out := in[:0:0]
	for i := 0; i < len(in); i++ {
		r := in[i]
		switch {
		case r == '\r':
			if i+1 < len(in) && in[i+1] == '\n' {
				i++
			}
			out = append(out, '\n')
		case r == '\n', r == '\t':
			out = append(out, r)
		case r == '\u2028', r == '\u2029':
			out = append(out, '\n')
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == '\ufeff':
			// dropped
		default:
			out = append(out, r)
		}
	}
	return out
}
