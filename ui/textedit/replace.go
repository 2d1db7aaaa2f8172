package textedit

// ReplaceRange replaces the text between from and to with text as one
// undo step and leaves the cursor after it, as a fix offered from outside
// the editor (masking a number the check found) should: ctrl+z takes it
// back like any edit.
func (m *Model) ReplaceRange(from, to Pos, text string) {
	s := m.ensure()
	s.apply(editOther, s.clampPos(from), s.clampPos(to), normalize([]rune(text)))
	s.scrollToCursor()
}

// PosOf converts a byte offset in Value to a position. Offsets past the
// end give the end.
func (m Model) PosOf(offset int) Pos {
	p := Pos{}
	for i, r := range m.Value() {
		if i >= offset {
			break
		}
		if r == '\n' {
			p.P++
			p.C = 0
		} else {
			p.C++
		}
	}
	return p
}
