package wordsym

import "testing"

func TestText(t *testing.T) {
	for _, c := range []struct{ font, char, want string }{
		{"Wingdings", "F0AB", "★"}, // the code as Word writes it, in the private-use block
		{"wingdings", "AB", "★"},   // the bare font code
		{" Wingdings ", "F0FC", "✓"},
		{"Symbol", "F0B7", "•"},
		{"Wingdings", "F0C0", ""}, // a glyph without a listed character
		{"宋体", "2605", "★"},       // an ordinary font: the code is Unicode
		{"宋体", "E000", ""},        // private use: no character
		{"宋体", "0007", ""},        // a control
		{"Wingdings", "zz", ""},
		{"Wingdings", "", ""},
		{"", "110000", ""}, // beyond Unicode
	} {
		if got := Text(c.font, c.char); got != c.want {
			t.Errorf("Text(%q, %q) = %q, want %q", c.font, c.char, got, c.want)
		}
	}
}
