// Package wordsym reads the characters Word stores as w:sym elements
// rather than text, for every reader of a .docx's paragraphs (the
// importer, and the review's writer, which must find the same text to
// anchor its comments on).
package wordsym

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A character inserted from Word's Insert ▸ Symbol dialog in a symbol
// font is no w:t text but a w:sym element: <w:sym w:font="Wingdings"
// w:char="F0AB"/> is the ★ of a marking such as 秘密★1年. Read as nothing,
// as it was before, such a marking lost its star and passed the publish
// scan; the characters of the other symbol-font glyphs were lost too.

// symbolFonts map the codes of the symbol fonts reports use to Unicode:
// the stars, bullets, boxes, checks and circled digits of Wingdings, and
// the bullet and signs of Symbol. A code not listed gives nothing, as
// there is no character to give.
var symbolFonts = map[string]map[byte]rune{
	"wingdings": {
		0x6C: '●', 0x6E: '■', 0x6F: '□', 0x71: '❑', 0x75: '◆', 0x76: '❖',
		0x80: '⓪', 0x81: '①', 0x82: '②', 0x83: '③', 0x84: '④', 0x85: '⑤', 0x86: '⑥', 0x87: '⑦', 0x88: '⑧', 0x89: '⑨', 0x8A: '⑩',
		0x9F: '•', 0xA1: '○', 0xA4: '◉', 0xA5: '◎', 0xA7: '▪', 0xA8: '◻', 0xAA: '✦', 0xAB: '★', 0xB5: '✪', 0xB6: '✰',
		0xFB: '✗', 0xFC: '✓', 0xFD: '☒', 0xFE: '☑',
	},
	"symbol": {0xA3: '≤', 0xAE: '→', 0xB1: '±', 0xB3: '≥', 0xB4: '×', 0xB7: '•'},
}

// Text is the text a w:sym with these w:font and w:char attributes stands
// for, "" when it is not known. w:char is hexadecimal: a symbol font's
// code, often with F000 added (the private-use block Word maps symbol
// fonts to), or a Unicode character when the font is an ordinary one.
func Text(fontName, char string) string {
	code, err := strconv.ParseUint(char, 16, 32)
	if err != nil || code == 0 {
		return ""
	}
	font := symbolFonts[strings.ToLower(strings.TrimSpace(fontName))]
	switch {
	case code >= 0xF000 && code <= 0xF0FF:
		if r, ok := font[byte(code-0xF000)]; ok {
			return string(r)
		}
		return ""
	case font != nil && code <= 0xFF:
		if r, ok := font[byte(code)]; ok {
			return string(r)
		}
		return ""
	case code < 0x20 || code >= 0xE000 && code <= 0xF8FF || !utf8.ValidRune(rune(code)):
		return "" // a control or another private-use code: no character
	}
	return string(rune(code))
}
