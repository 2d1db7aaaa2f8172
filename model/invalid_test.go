package model

import (
	"strings"
	"testing"
)

// TestInvalidFiguresLoadAsText: a figure value that is not a number (typed
// wrong in the editor, or by hand in the file) loads as text with its
// position, is never a value, and is written back as it was.
func TestInvalidFiguresLoadAsText(t *testing.T) {
	cases := []struct{ name, value, want string }{
		{"beyond 10^15", "99999999999999999999", "99999999999999999999"},
		{"negative beyond 10^15", "-1000000000000001", "-1000000000000001"},
		{"exponent", "1e400", "1e400"},
		{"exponent typed in the editor", `"1e20"`, "1e20"},
		{"infinity", ".inf", ".inf"},
		{"chinese numerals", "十二", "十二"},
		{"percent sign", "8.69%", "8.69%"},
		{"words", "很多", "很多"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := "unit: 甲\nfigures:\n  good: 3\n  cases: " + c.value + "\n"
			r, err := ParseReport("d.yaml", []byte(in))
			if err != nil {
				t.Fatalf("a draft with a wrong figure must open: %v", err)
			}
			if _, ok := r.Figure("cases"); ok {
				t.Fatal("invalid text became a value")
			}
			if r.Invalid["cases"] != c.want {
				t.Fatalf("kept %q, want %q", r.Invalid["cases"], c.want)
			}
			if p := r.PosOf("figures", "cases"); p.Line != 4 {
				t.Errorf("position %+v, want line 4", p)
			}
			if n, ok := r.Figure("good"); !ok || n.Value != 3 {
				t.Errorf("the valid figure beside it: %+v %v", n, ok)
			}
			r.Unit = "乙" // force a re-encode
			out, err := r.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParseReport("d.yaml", out)
			if err != nil || back.Invalid["cases"] != c.want {
				t.Fatalf("not written back as typed: %v\n%s", err, out)
			}
		})
	}
	// A mapping where a number belongs is still an error: that is a broken
	// file, not a value typed wrong.
	if _, err := ParseReport("d.yaml", []byte("figures:\n  cases: {a: 1}\n")); err == nil {
		t.Error("a mapping as a figure value loaded")
	}
}

func TestSetFigureAndInvalidExclude(t *testing.T) {
	r := &Report{}
	r.SetFigure("a", NumberOf(120))
	r.SetInvalidFigure("a", "1e20")
	if _, ok := r.Figure("a"); ok || r.Invalid["a"] != "1e20" {
		t.Fatalf("invalid text must replace the old value: %+v %+v", r.Figures, r.Invalid)
	}
	out, err := r.Marshal()
	if err != nil || !strings.Contains(string(out), `a: "1e20"`) {
		t.Fatalf("%v\n%s", err, out)
	}
	r.SetFigure("a", NumberOf(12))
	if _, bad := r.Invalid["a"]; bad {
		t.Fatal("a valid value must clear the invalid text")
	}
	r.ClearFigure("a")
	if _, ok := r.Figure("a"); ok {
		t.Fatal("ClearFigure kept the value")
	}
	if cp := (&Report{Invalid: map[string]string{"x": "y"}}).Snapshot(); cp.Invalid["x"] != "y" {
		t.Fatal("Snapshot dropped invalid text")
	}
}
