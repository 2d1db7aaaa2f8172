package textedit

import "unicode"

// charClass groups runes for word movement.
type charClass int

const (
	classSpace charClass = iota
	classPunct
	classHan   // ideographs, kana, hangul: runs of CJK text
	classToken // letters and digits of Latin-like scripts
)

// classOf returns r's class.
func classOf(r rune) charClass {
	switch {
	case unicode.IsSpace(r):
		return classSpace
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return classPunct
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return classHan
	}
	return classToken
}

// Word movement. Chinese has no spaces and UAX #29 word boundaries treat
// every ideograph as a word, which would make ctrl+right a slow right arrow.
// A "word" here is a run of one class: for Chinese prose that is the clause
// between two punctuation marks, for Latin text and figures the word or
// number. Moving skips spaces and punctuation first, then one run, so
// ctrl+right walks a sentence clause by clause.

// wordRight returns the position after the next word.
func (s *state) wordRight(p Pos) Pos {
	text := s.paras[p.P].text
	if p.C >= len(text) {
		if p.P+1 < len(s.paras) {
			return Pos{p.P + 1, 0}
		}
		return p
	}
	c := p.C
	for c < len(text) && classOf(text[c]) <= classPunct {
		c++
	}
	if c < len(text) {
		k := classOf(text[c])
		for c < len(text) && classOf(text[c]) == k {
			c++
		}
	}
	return Pos{p.P, c}
}

// wordLeft returns the position at the start of the previous word.
func (s *state) wordLeft(p Pos) Pos {
	if p.C == 0 {
		if p.P > 0 {
			return Pos{p.P - 1, len(s.paras[p.P-1].text)}
		}
		return p
	}
	text := s.paras[p.P].text
	c := p.C
	for c > 0 && classOf(text[c-1]) <= classPunct {
		c--
	}
	if c > 0 {
		k := classOf(text[c-1])
		for c > 0 && classOf(text[c-1]) == k {
			c--
		}
	}
	return Pos{p.P, c}
}

// charRight returns the position one character after p.
func (s *state) charRight(p Pos) Pos {
	if p.C < len(s.paras[p.P].text) {
		return Pos{p.P, p.C + 1}
	}
	if p.P+1 < len(s.paras) {
		return Pos{p.P + 1, 0}
	}
	return p
}

// charLeft returns the position one character before p.
func (s *state) charLeft(p Pos) Pos {
	if p.C > 0 {
		return Pos{p.P, p.C - 1}
	}
	if p.P > 0 {
		return Pos{p.P - 1, len(s.paras[p.P-1].text)}
	}
	return p
}

// docEnd is the position after the last character.
func (s *state) docEnd() Pos {
	last := len(s.paras) - 1
	return Pos{last, len(s.paras[last].text)}
}
