package model

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func addSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(p)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
}

// FuzzParseReport: any input either fails with a located *Error or yields
// a report that marshals and parses back to the same bytes.
func FuzzParseReport(f *testing.F) {
	addSeeds(f, "../examples/*.yaml", "testdata/*.yaml")
	f.Add([]byte("unit: 甲\nyear: 2025\nsections:\n  measures: |-\n    正文。\nfigures:\n  cases: 12\n"))
	f.Add([]byte("a: &x [1]\nb: *x\n"))
	f.Add([]byte("figures: {cases: -3, rate: 8.69}\nextra: {k: v}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseReport("fuzz.yaml", data)
		if err != nil {
			if !IsUnreadable(err) {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		out, err := r.Marshal()
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if !bytes.Equal(out, data) {
			t.Fatalf("unchanged report not byte-identical")
		}
		// An edit forces a real re-encode, which must parse back with the
		// edit and the same figures.
		r.SetText("__fuzz__", "改动")
		out, err = r.Marshal()
		if err != nil {
			t.Fatalf("marshal after edit: %v", err)
		}
		back, err := ParseReport("again.yaml", out)
		if err != nil {
			t.Fatalf("re-encoded report does not parse: %v\n%s", err, out)
		}
		if back.Text("__fuzz__") != "改动" || len(back.Figures) != len(r.Figures) || back.Unit != r.Unit {
			t.Fatalf("re-encode lost content")
		}
		for id, s := range r.Sections {
			if back.Sections[id] != s {
				t.Fatalf("section %q changed: %q → %q", id, s, back.Sections[id])
			}
		}
	})
}

// FuzzParseTemplate: any input either fails with a located error or gives
// a template that survives a re-encode.
func FuzzParseTemplate(f *testing.F) {
	addSeeds(f, "../templates/*.yaml")
	f.Add([]byte(minimalTemplate))
	f.Fuzz(func(t *testing.T, data []byte) {
		tpl, err := ParseTemplate("fuzz.yaml", data)
		if err != nil {
			if !IsUnreadable(err) {
				t.Fatalf("unclassified error: %v", err)
			}
			return
		}
		tpl.Version++
		out, err := tpl.Marshal()
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		back, err := ParseTemplate("again.yaml", out)
		if err != nil {
			t.Fatalf("re-encoded template does not parse: %v\n%s", err, out)
		}
		if len(back.Flatten()) != len(tpl.Flatten()) || len(back.Figures()) != len(tpl.Figures()) {
			t.Fatalf("re-encode changed the structure")
		}
	})
}
