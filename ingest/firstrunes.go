package ingest

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// startSet is the set of characters a match of an anchored pattern can
// begin with, as inclusive ranges: the cleaner tries a line against a
// score of patterns, and most of them begin with a word no line of
// report text begins with, so one lookup of the line's first character
// spares the regexp (whose backtracker clears a bitmap the size of the
// pattern times the line at every call).
type startSet struct {
	ranges []rune // pairs lo, hi, as syntax.Regexp.Rune holds them
}

// anchoredStarts is the startSet of pattern when it is anchored at the
// start of the text (^ without (?m)) and what it begins with can be told
// from its syntax; nil otherwise, when every line must be tried.
func anchoredStarts(pattern string) *startSet {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return nil
	}
	ranges, empty, ok := firstOfConcat(re.Sub[1:])
	if !ok || empty {
		return nil
	}
	return &startSet{ranges: ranges}
}

// mayStart says whether a match can begin at the start of s.
func (st *startSet) mayStart(s string) bool {
	if s == "" {
		return false // every pattern with a set matches at least a character
	}
	r, _ := utf8.DecodeRuneInString(s)
	for i := 0; i+1 < len(st.ranges); i += 2 {
		if st.ranges[i] <= r && r <= st.ranges[i+1] {
			return true
		}
	}
	return false
}

// first gives the ranges of characters a match of re can begin with,
// whether re can match the empty string, and false when it cannot tell
// (case folding, any character, operators it does not know).
func first(re *syntax.Regexp) (ranges []rune, empty, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, true, true
		}
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return []rune{re.Rune[0], re.Rune[0]}, false, true
	case syntax.OpCharClass:
		return slices.Clone(re.Rune), false, true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpNoMatch:
		return nil, false, true
	case syntax.OpCapture:
		return first(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		r, _, ok := first(re.Sub[0])
		return r, true, ok
	case syntax.OpPlus:
		return first(re.Sub[0])
	case syntax.OpRepeat:
		r, e, ok := first(re.Sub[0])
		return r, e || re.Min == 0, ok
	case syntax.OpConcat:
		return firstOfConcat(re.Sub)
	case syntax.OpAlternate:
		var all []rune
		empty := false
		for _, sub := range re.Sub {
			r, e, ok := first(sub)
			if !ok {
				return nil, false, false
			}
			all, empty = append(all, r...), empty || e
		}
		return all, empty, true
	}
	return nil, false, false
}

// firstOfConcat is first for subs matched one after another: each sub
// that can match empty lets the next one begin the match too.
func firstOfConcat(subs []*syntax.Regexp) (ranges []rune, empty, ok bool) {
	for _, sub := range subs {
		r, e, ok := first(sub)
		if !ok {
			return nil, false, false
		}
		ranges = append(ranges, r...)
		if !e {
			return ranges, false, true
		}
	}
	return ranges, true, true
}

// requiredWords gives words one of which every match of pattern holds,
// nil when it cannot tell: for a pattern not anchored at the start, a
// line with none of them is not given to the regexp.
func requiredWords(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	return required(re.Simplify())
}

// required is requiredWords for a parsed pattern.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min == 0 {
			return nil
		}
		return required(re.Sub[0])
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			w := required(sub)
			if w == nil {
				return nil
			}
			all = append(all, w...)
		}
		return all
	case syntax.OpConcat:
		// Every part must match: the part whose words are longest (the
		// shortest of them, in bytes) filters best.
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			w := required(sub)
			if w == nil {
				continue
			}
			shortest := len(w[0])
			for _, s := range w[1:] {
				shortest = min(shortest, len(s))
			}
			if shortest > bestLen {
				best, bestLen = w, shortest
			}
		}
		return best
	}
	return nil
}
