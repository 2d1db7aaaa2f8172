package model

import (
	"strings"
	"testing"
)

const draftWithPrevious = `template:
  id: standard
  version: 1
unit: 青山县
year: 2024
sections:
  measures: |
    今年的举措。
figures:
  review_received: 132
previous:
  file: 青山县2023.docx
  sha256: 0123abcd
  unit: 青山县
  year: 2023
  plans: |
    一是修订县政府工作规则。
    二是建设公共法律服务中心。
  shortcomings: |
    基层力量薄弱。
  figures:
    review_received: 120
    review_correction_rate: 9.1
  reviewer_note: 保留这条 # a key nianbao does not know
`

func TestPreviousRoundTrip(t *testing.T) {
	r, err := ParseReport("d.yaml", []byte(draftWithPrevious))
	if err != nil {
		t.Fatal(err)
	}
	p := r.Previous
	if p == nil || p.File != "青山县2023.docx" || p.SHA256 != "0123abcd" || p.Year != 2023 || p.Unit != "青山县" {
		t.Fatalf("previous = %+v", p)
	}
	if !strings.Contains(p.Plans, "二是建设公共法律服务中心") || p.Shortcomings != "基层力量薄弱。\n" {
		t.Errorf("plans %q shortcomings %q", p.Plans, p.Shortcomings)
	}
	if p.Figures["review_received"].Value != 120 || p.Figures["review_correction_rate"].Text != "9.1" {
		t.Errorf("figures %+v", p.Figures)
	}
	// Unchanged: byte for byte.
	out, err := r.Marshal()
	if err != nil || string(out) != draftWithPrevious {
		t.Fatalf("unchanged draft rewritten (%v):\n%s", err, out)
	}
	// Replaced: the new copy is written, the unknown key kept.
	np := p.Clone()
	np.Plans = "一是新的安排。"
	np.Figures["review_received"] = NumberOf(121)
	r.Previous = np
	out, err = r.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{"一是新的安排。", "review_received: 121", "reviewer_note: 保留这条", "sha256: 0123abcd"} {
		if !strings.Contains(s, want) {
			t.Errorf("saved draft lacks %q:\n%s", want, s)
		}
	}
	if p.Figures["review_received"].Value != 120 {
		t.Error("Clone shares figures with the original")
	}
	back, err := ParseReport("d.yaml", out)
	if err != nil || back.Previous.Plans != "一是新的安排。" {
		t.Fatalf("reparse: %v %+v", err, back.Previous)
	}
	// Detached: the key goes.
	back.Previous = nil
	out, _ = back.Marshal()
	if strings.Contains(string(out), "previous:") {
		t.Errorf("detached previous still saved:\n%s", out)
	}
}

func TestPreviousMalformed(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{"previous: 青山县2023.docx\n", "previous"},
		{"previous:\n  year: 二〇二三\n", "previous.year"},
		{"previous:\n  figures:\n    a: 十二\n", "数字"},
	} {
		_, err := ParseReport("d.yaml", []byte("unit: x\n"+c.doc))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "d.yaml:") {
			t.Errorf("%q: error %v, want one naming %q with a location", c.doc, err, c.want)
		}
	}
}
