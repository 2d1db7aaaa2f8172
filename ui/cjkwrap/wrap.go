// Package cjkwrap wraps plain Chinese text to a width in terminal cells
// following the line-breaking rules of zhtext: no row starts with “，” or
// ends with “（”, and digit and Latin runs (“8.69%”) stay whole. The
// drafting editor and the template editor both show guidance through it.
package cjkwrap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"nianbao/internal/zhtext"
)

// Lines wraps plain text (guidance, the preview) to width cells following
// the Chinese line-breaking rules of zhtext (the editor's textedit uses the
// same sets), keeping digit and Latin runs such as “8.69%” or “12件”'s
// “12” whole when they fit. lipgloss wraps by cells only and would start
// rows with “，” or split numbers.
func Lines(text string, width int) []string {
	if width <= 0 {
		return nil
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapPara(para, width)...)
	}
	return out
}

// units splits a paragraph into the pieces a row may break between.
func units(s string) []string {
	var out []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%' || r == ',' && word.Len() > 0) {
			word.WriteRune(r)
			continue
		}
		flush()
		out = append(out, string(r))
	}
	flush()
	return out
}

func wrapPara(para string, width int) []string {
	us := units(para)
	if len(us) == 0 {
		return []string{""}
	}
	var rows []string
	var row []string
	rowW := 0
	emit := func() {
		rows = append(rows, strings.Join(row, ""))
		row, rowW = nil, 0
	}
	for i := 0; i < len(us); i++ {
		u := us[i]
		w := ansi.StringWidth(u)
		if w > width { // a token wider than the row: cut it by cells
			if rowW > 0 {
				emit()
			}
			for _, r := range u {
				rw := ansi.StringWidth(string(r))
				if rowW+rw > width {
					emit()
				}
				row = append(row, string(r))
				rowW += rw
			}
			continue
		}
		if rowW+w > width {
			// Carry the row's last unit down with a forbidden row start, or
			// an opener that would end the row; never empty the row.
			var carry []string
			take := func() {
				carry = append([]string{row[len(row)-1]}, carry...)
				row = row[:len(row)-1]
			}
			if noLineStart(u) {
				// “算）。”: the closers go down with the character before them.
				for len(row) > 1 && noLineStart(row[len(row)-1]) {
					take()
				}
				if len(row) > 1 {
					take()
				}
			}
			for len(row) > 1 && noLineEnd(row[len(row)-1]) {
				take()
			}
			emit()
			for _, c := range carry {
				row = append(row, c)
				rowW += ansi.StringWidth(c)
			}
			if u == " " && len(row) == 0 {
				continue // a space does not start a row
			}
		}
		row = append(row, u)
		rowW += w
	}
	emit()
	return rows
}

// noLineStart and noLineEnd apply the line-breaking sets to a unit: only a
// single punctuation character is ever forbidden at a row's edge (a digit
// run such as “8.69%” is a unit of its own and may start a row).
func noLineStart(u string) bool {
	r, n := utf8.DecodeRuneInString(u)
	return n == len(u) && zhtext.NoBreakBefore(r)
}

func noLineEnd(u string) bool {
	r, n := utf8.DecodeRuneInString(u)
	return n == len(u) && zhtext.NoBreakAfter(r)
}
