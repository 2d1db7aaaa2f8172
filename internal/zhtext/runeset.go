package zhtext

// RuneSet is a set of BMP runes as a bitmap (8 KB). The readers and the
// check test characters against many small sets in their per-character
// loops; a bitmap costs one lookup where strings.ContainsRune converts the
// rune to a string and searches the set's text for it.
type RuneSet [1 << 13]byte

// NewRuneSet is the set of the runes in s; runes beyond the BMP are left
// out (no set of a report's punctuation or words needs one).
func NewRuneSet(s string) *RuneSet {
	var t RuneSet
	for _, r := range s {
		if r < 1<<16 {
			t[r>>3] |= 1 << (r & 7)
		}
	}
	return &t
}

// Has tells whether r is in the set.
func (t *RuneSet) Has(r rune) bool { return r >= 0 && r < 1<<16 && t[r>>3]&(1<<(r&7)) != 0 }
