package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Defences against hostile or mistaken input that the YAML parser itself
// does not bound. See parseDocument for where they apply.

// maxStructure bounds the YAML structure characters of one file: every
// mapping entry needs a ":", every list item a "- " or a ",", every nested
// list or mapping a "[" or "{". A draft has a few hundred of them and the
// largest template a few thousand; prose sits in block scalars and uses
// full-width punctuation. The YAML parser keeps a node of a few hundred
// bytes per item, so a 16 MB file of "[1,1,1,…" would otherwise cost
// gigabytes before any other check could run.
const maxStructure = 50_000

// checkStructure counts the characters that can open a YAML node and
// fails, located at the first one over the limit, when there are too many.
// The count is deliberately rough (it also counts colons in comments and
// quoted text): it only has to be an upper bound on the nodes.
func checkStructure(file string, data []byte) error {
	n, line, col := 0, 1, 1
	for i := 0; i < len(data); i++ {
		c := data[i]
		counts := false
		switch c {
		case '\n':
			line, col = line+1, 1
			continue
		case ':', ',', '[', '{':
			counts = true
		case '-', '?':
			counts = i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\n' || data[i+1] == '\r' || data[i+1] == '\t'
		}
		if counts {
			if n++; n > maxStructure {
				return &Error{File: file, Line: line, Col: col,
					Msg: fmt.Sprintf("文件结构过于复杂（键和列表项超过 %d 个），不像是报告草稿或模板，已停止读取", maxStructure)}
			}
		}
		if c < 0x80 || c >= 0xC0 {
			col++ // count characters, not the continuation bytes of one
		}
	}
	return nil
}

// depthError turns yaml.v3's "exceeded max depth" (its own nesting limit,
// reached before nianbao's deeper-than-maxDepth check can run) into the
// same Chinese message, located at the first bracket or "- " beyond
// maxDepth levels.
func depthError(file string, data []byte) *Error {
	e := &Error{File: file, Msg: fmt.Sprintf("嵌套层级过深（超过 %d 层）", maxDepth)}
	line, col, depth := 1, 1, 0
	lineDash := 0 // "- " items opened on the current line
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '\n':
			line, col, lineDash = line+1, 1, 0
			continue
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		case '-':
			if i+1 < len(data) && data[i+1] == ' ' {
				lineDash++
			}
		}
		if depth > maxDepth || lineDash > maxDepth {
			e.Line, e.Col = line, col
			return e
		}
		if c < 0x80 || c >= 0xC0 {
			col++
		}
	}
	return e
}

// maxErrors bounds the problems listed for one file: fixing the first
// ones usually fixes the rest, and a file with a million duplicate keys
// must not produce a million lines.
const maxErrors = 50

// capErrors keeps the first maxErrors problems and says how many more
// there are.
func capErrors(es Errors) Errors {
	if len(es) <= maxErrors {
		return es
	}
	more := len(es) - maxErrors
	out := append(Errors(nil), es[:maxErrors]...)
	return append(out, &Error{File: es[0].File, Msg: fmt.Sprintf("另有 %d 处问题未列出；请先改正以上问题", more)})
}

// MisreadGBK reports whether data, although valid UTF-8, is really
// GBK/GB18030 text: read as UTF-8 it has no Chinese at all but letters of
// other scripts ("È«Ê¡Í³Ò»"), while read as GB18030 it is Chinese ("全省统一").
// A short GBK text can happen to be valid UTF-8; a long one almost never
// is. It returns the text decoded as GB18030 when so.
//
// Text in a European language can look the same ("café" is "caf茅" in
// GBK), but its accented letters stand alone between ASCII letters, while
// Chinese characters, and so their mojibake, come in runs: at least two
// thirds of the non-ASCII characters must have a non-ASCII neighbour.
func MisreadGBK(data []byte) (string, bool) {
	nonASCII, inRun := 0, 0
	prevWide, prevCounted := false, false
	// Decoded from the bytes: ranging over string(data) copied the whole
	// text on every read of a text report.
	for i := 0; i < len(data); {
		r, w := utf8.DecodeRune(data[i:])
		i += w
		wide := r >= 0x80
		if wide {
			if IsChinese(r) {
				return "", false
			}
			nonASCII++
			if prevWide {
				inRun++
				if !prevCounted {
					inRun++ // the first of the run
				}
			}
		}
		prevCounted = wide && prevWide
		prevWide = wide
	}
	if nonASCII == 0 || inRun*3 < nonASCII*2 {
		return "", false
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
	if err != nil {
		return "", false
	}
	han := 0
	for _, r := range string(out) {
		switch {
		case r < 0x80:
		case r == utf8.RuneError:
			return "", false
		case unicode.Is(unicode.Han, r):
			han++
		case !IsChinese(r):
			return "", false
		}
	}
	// One character could be a name in another script ("Café");
	// two Chinese characters and nothing else is Chinese text.
	if han < 2 {
		return "", false
	}
	return string(out), true
}

// IsChinese reports Han characters and the punctuation Chinese text uses.
func IsChinese(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		r >= 0x3000 && r <= 0x303F || // CJK punctuation: 、。〈〉《》「」【】
		r >= 0xFF00 && r <= 0xFFEF || // full-width forms: ，：；（）！？
		r >= 0x2010 && r <= 0x2027 || // — ‘ ’ “ ” …
		r == 0x00B7 // ·
}

// firstNonASCII locates the first non-ASCII character, for messages about
// the encoding.
func firstNonASCII(data []byte) (line, col int) {
	line, col = 1, 1
	for _, r := range string(data) {
		if r >= 0x80 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
			continue
		}
		col++
	}
	return 1, 1
}

// Printable replaces control characters in text quoted from a file, so a
// message printed on a terminal cannot carry escape sequences.
func Printable(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }
