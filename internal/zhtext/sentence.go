package zhtext

import (
	"sync/atomic"
	"unicode/utf8"
)

// Scanned, when set, adds up the bytes SentenceBounds and ClauseStart
// examine. Those two scans are what made the check quadratic on hostile
// lines (each rate searching the whole line for its sentence, each count
// the whole sentence for its label), so the linear-time tests count this
// work at input sizes n and 4n instead of timing it. The program leaves it
// nil: one comparison per call.
var Scanned *atomic.Int64

// IsSentenceEnd reports a character that ends a sentence: 。！？ and the
// ASCII ! and ?. The ASCII full stop is not one: in these reports it is a
// decimal point (“99.27%”) or a heading separator (“1.”).
func IsSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?':
		return true
	}
	return false
}

// IsSemicolon reports a full-width or ASCII semicolon: a clause break that
// figure extraction treats as a sentence end and rate checking does not.
func IsSemicolon(r rune) bool { return r == '；' || r == ';' }

// IsClauseBreak reports the punctuation between clauses of one sentence:
// commas, the enumeration comma, colons, semicolons and opening brackets.
// The words of a count (“调解成功”110件) stand between the previous clause
// break and the number.
func IsClauseBreak(r rune) bool {
	switch r {
	case '，', ',', '、', '；', ';', '：', ':', '（', '(':
		return true
	}
	return false
}

// SentenceBounds returns the byte bounds [start, end) of the sentence of s
// that contains byte offset pos: after the previous sentence end and up to
// (not including) the next one. from bounds the backward search — a caller
// walking a line sentence by sentence passes where the previous sentence
// ended, which keeps a line of many sentences linear.
func SentenceBounds(s string, pos, from int) (start, end int) {
	from = min(max(from, 0), pos)
	start = from
	// Bytes, not runes: 。 is E3 80 82, ！ EF BC 81, ？ EF BC 9F, and no
	// other character ends in those three bytes.
	for j := pos - 1; j >= from; j-- {
		switch b := s[j]; {
		case b == '!' || b == '?':
			start = j + 1
		case j-2 >= from && (b == 0x82 && s[j-1] == 0x80 && s[j-2] == 0xE3 ||
			(b == 0x81 || b == 0x9F) && s[j-1] == 0xBC && s[j-2] == 0xEF):
			start = j + 1
		default:
			continue
		}
		break
	}
	end = len(s)
	for j := pos; j < len(s); {
		if b := s[j]; b < utf8.RuneSelf {
			if b == '!' || b == '?' {
				end = j
				break
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		if IsSentenceEnd(r) {
			end = j
			break
		}
		j += w
	}
	if m := Scanned; m != nil {
		m.Add(int64(end - start))
	}
	return start, end
}

// ClauseStart is the byte offset where the clause holding byte offset i of
// s begins: just after the last IsClauseBreak or sentence end before i.
func ClauseStart(s string, i int) int {
	i = min(max(i, 0), len(s))
	for j := i; j > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if IsClauseBreak(r) || IsSentenceEnd(r) {
			if m := Scanned; m != nil {
				m.Add(int64(i - j))
			}
			return j
		}
		j -= w
	}
	if m := Scanned; m != nil {
		m.Add(int64(i))
	}
	return 0
}
