package model

import "testing"

// TestFieldWithLineBreakReadsBack: a one-line field that came to hold a
// line break (pasted or imported) with a tab after it is saved so that
// the draft opens again with the same text; yaml.v3's own choice, a
// literal block, could not be read back.
func TestFieldWithLineBreakReadsBack(t *testing.T) {
	for _, s := range []string{"\t第一段。\n第二段。", "\t\n", "\n\t", " \t\n x", "县\r\n司法局", "\t县司法局"} {
		r := &Report{Unit: s, Title: s, Contact: s, Year: 2025, Sections: map[string]string{"a": s}, Figures: map[string]Number{}}
		data, err := r.Marshal()
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		back, err := ParseReport("x", data)
		if err != nil {
			t.Fatalf("%q: %v\n%s", s, err, data)
		}
		if back.Unit != s || back.Title != s || back.Contact != s || back.Sections["a"] != s {
			t.Errorf("%q came back as unit %q, title %q, contact %q, text %q", s, back.Unit, back.Title, back.Contact, back.Sections["a"])
		}
	}
}
