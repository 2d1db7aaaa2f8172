package review

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// A comment on a few words of a paragraph needs its range marks between
// runs, so the run holding a boundary is split there: the text before stays
// in the run, the mark follows, and a new run with the same properties
// carries on with the rest.

// runInfo is the run a text belongs to; its properties are copied to the
// part split off.
type runInfo struct {
	rPr string // the run's raw <w:rPr>…</w:rPr>, or ""
}

// textSeg is the character data of one <w:t>: where each decoded character
// starts in the raw XML (entities make the two differ), and where it sits
// in the paragraph's text.
type textSeg struct {
	offsets []int // raw offset of each character, then of the end
	at      int   // byte position of the segment in the paragraph's text
	text    string
	run     *runInfo
}

// newSeg maps raw character data (as it stands in the file) to its decoded
// characters. CDATA and anything it does not understand make it give up,
// and the comment then covers the whole paragraph.
func newSeg(raw []byte, base, at int, run *runInfo) (textSeg, bool) {
	if bytes.Contains(raw, []byte("<")) {
		return textSeg{}, false
	}
	seg := textSeg{at: at, run: run}
	var text strings.Builder
	for i := 0; i < len(raw); {
		seg.offsets = append(seg.offsets, base+i)
		if raw[i] == '&' {
			j := bytes.IndexByte(raw[i:], ';')
			if j < 0 {
				return textSeg{}, false
			}
			r, ok := entity(string(raw[i+1 : i+j]))
			if !ok {
				return textSeg{}, false
			}
			text.WriteRune(r)
			i += j + 1
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		text.WriteRune(r)
		i += n
	}
	seg.offsets = append(seg.offsets, base+len(raw))
	seg.text = text.String()
	return seg, true
}

func entity(name string) (rune, bool) {
	switch name {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	var r rune
	var ok bool
	if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
		r, ok = parseRune(name[2:], 16)
	} else if strings.HasPrefix(name, "#") {
		r, ok = parseRune(name[1:], 10)
	}
	return r, ok
}

func parseRune(s string, base int) (rune, bool) {
	if s == "" {
		return 0, false
	}
	var v rune
	for _, c := range s {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case base == 16 && c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		v = v*rune(base) + d
		if v > utf8.MaxRune {
			return 0, false
		}
	}
	return v, true
}

// boundary is a place inside a <w:t> where a range mark goes.
type boundary struct {
	raw int
	run *runInfo
}

// mark splits the run at the boundary around text.
func (b boundary) mark(text string) insertion {
	return insertion{b.raw, `</w:t></w:r>` + text + `<w:r>` + b.run.rPr + `<w:t xml:space="preserve">`}
}

// span finds the first quote that the paragraph's text holds within its
// segments, and the boundaries around it.
func (p para) span(quotes []string) (start, end boundary, ok bool) {
	if len(p.segs) == 0 {
		return
	}
	for _, q := range quotes {
		if q == "" {
			continue
		}
		i := strings.Index(p.text, q)
		if i < 0 {
			continue
		}
		s, ok1 := p.boundaryAt(i, false)
		e, ok2 := p.boundaryAt(i+len(q), true)
		if ok1 && ok2 {
			return s, e, true
		}
	}
	return
}

// boundaryAt is the raw offset of byte position pos of the paragraph's
// text. An end boundary may sit at the end of a segment; a start boundary
// goes at the start of the segment holding the character.
func (p para) boundaryAt(pos int, isEnd bool) (boundary, bool) {
	for _, s := range p.segs {
		if pos < s.at || pos > s.at+len(s.text) || pos == s.at+len(s.text) && !isEnd {
			continue
		}
		// Count characters up to pos within the segment.
		n := utf8.RuneCountInString(s.text[:pos-s.at])
		return boundary{raw: s.offsets[n], run: s.run}, true
	}
	return boundary{}, false
}

// Quotes lists the words a finding's message quotes (“…”), longest first:
// the longer the quote, the surer its place in the paragraph.
func Quotes(message string) []string {
	var out []string
	for rest := message; ; {
		i := strings.Index(rest, "“")
		if i < 0 {
			break
		}
		rest = rest[i+len("“"):]
		j := strings.Index(rest, "”")
		if j < 0 {
			break
		}
		if q := rest[:j]; utf8.RuneCountInString(q) >= 2 {
			out = append(out, q)
		}
		rest = rest[j+len("”"):]
	}
	// Stable: equal lengths keep the message's order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
