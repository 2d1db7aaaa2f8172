package zhtext

import (
	"encoding/binary"
	"unicode/utf8"
)

// Valid is utf8.Valid, faster on a report's text: every file read is
// validated before anything else, and most of it is three-byte
// characters, which utf8.Valid decodes through its tables one at a time.
// Runs of ASCII (markup, digits) are passed eight bytes at a time as
// utf8.Valid passes them, a three-byte character whose lead byte needs
// no range check (E1–EC, EE, EF) is tested by its two continuation
// bytes, and anything else is left to utf8.Valid's own decoding.
// TestValidEqualsUTF8Valid holds the two equal.
func Valid(p []byte) bool {
	for i := 0; i < len(p); {
		b := p[i]
		switch {
		case b < utf8.RuneSelf:
			i++
			for i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
				i += 8
			}
			for i < len(p) && p[i] < utf8.RuneSelf {
				i++
			}
		case b >= 0xE1 && b != 0xED && b <= 0xEF:
			if i+2 >= len(p) {
				return false
			}
			if c := p[i+1 : i+3]; !isContinuation(c[0]) || !isContinuation(c[1]) {
				return false
			}
			i += 3
		default:
			// Two and four bytes, and E0 and ED, whose second byte has a
			// narrower range (no overlong forms, no surrogates).
			r, w := utf8.DecodeRune(p[i:])
			if r == utf8.RuneError && w == 1 {
				return false
			}
			i += w
		}
	}
	return true
}
