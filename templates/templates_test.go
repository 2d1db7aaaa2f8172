package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

func TestEmbeddedTemplatesLoadAndAreCanonical(t *testing.T) {
	ids := IDs()
	if len(ids) < 2 || ids[0] != "standard" {
		t.Fatalf("ids = %v", ids)
	}
	for _, id := range ids {
		tpl, err := Embedded(id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		raw, _ := Raw(id)
		// Re-encoding from scratch (not the byte-identical shortcut) must give
		// the embedded text, so `template show` output, a saved copy and a
		// template edited in the TUI all look alike.
		tpl.Name += "·"
		out, err := tpl.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Replace(string(raw), "name: "+strings.TrimSuffix(tpl.Name, "·"), "name: "+tpl.Name, 1)
		if string(out) != want {
			t.Errorf("%s is not in canonical form", id)
		}
		for _, s := range tpl.Flatten() {
			if strings.TrimSpace(s.Guidance) == "" {
				t.Errorf("%s: section %s has no guidance", id, s.ID)
			}
			if len(s.Keywords) == 0 {
				t.Errorf("%s: section %s has no keywords for import", id, s.ID)
			}
		}
	}
}

func TestStandardTemplateShape(t *testing.T) {
	tpl, err := Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, s := range tpl.Sections {
		top = append(top, s.ID)
	}
	if strings.Join(top, ",") != "measures,shortcomings,leadership,plans,other" {
		t.Errorf("top-level order = %v", top)
	}
	for _, id := range []string{"decisions", "enforcement", "disputes", "publicity"} {
		s := tpl.Section(id)
		if s == nil || !s.Required || tpl.Parent(id).ID != "measures" {
			t.Errorf("%s must be a required subsection of measures", id)
		}
	}
	rates := 0
	for _, f := range tpl.Figures() {
		if f.Rate != nil {
			rates++
			if f.Kind != model.KindPercent {
				t.Errorf("rate figure %s is not a percent", f.ID)
			}
		}
	}
	if rates < 4 {
		t.Errorf("only %d rate relations", rates)
	}
	f, _ := tpl.Figure("review_correction_rate")
	if f == nil || len(f.Rate.Denominators) != 2 || f.Rate.Denominators[0] != "review_decided" {
		t.Errorf("correction rate must allow cases decided and received as denominators: %+v", f)
	}
}

func TestLookup(t *testing.T) {
	dir := t.TempDir()
	custom := filepath.Join(dir, "county.yaml")
	raw, _ := Raw("department")
	body := strings.Replace(string(raw), "id: department", "id: county", 1)
	if err := os.WriteFile(custom, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ ref, wantID string }{
		{"", "standard"},
		{"standard", "standard"},
		{"department", "department"},
		{custom, "county"},
	}
	for _, c := range cases {
		tpl, err := Lookup(c.ref)
		if err != nil || tpl.ID != c.wantID {
			t.Errorf("Lookup(%q) = %v, %v; want %s", c.ref, tpl, err, c.wantID)
		}
	}
	// A template directory from settings is searched by id.
	if tpl, err := Lookup("county", dir); err != nil || tpl.ID != "county" {
		t.Errorf("Lookup in dirs: %v, %v", tpl, err)
	}
	if _, err := Lookup("nosuch"); err == nil || !strings.Contains(err.Error(), "没有名为“nosuch”的内置模板") {
		t.Errorf("unknown id: %v", err)
	}
	if _, err := Lookup(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
}

// TestEmbeddedCopies: the parsed embedded template is shared, but every
// caller gets its own copy to change.
func TestEmbeddedCopies(t *testing.T) {
	a, err := Embedded(Default)
	if err != nil {
		t.Fatal(err)
	}
	title := a.Sections[0].Title
	a.ID, a.Sections[0].Title = "changed", "改过的标题"
	a.Sections[0].Figures = nil
	b, err := Embedded(Default)
	if err != nil {
		t.Fatal(err)
	}
	if b.ID != Default || b.Sections[0].Title != title {
		t.Errorf("a caller's change leaked: id %q, title %q", b.ID, b.Sections[0].Title)
	}
}
