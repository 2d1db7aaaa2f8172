package templateeditor

import (
	"strings"
	"testing"

	"nianbao/lint"
	"nianbao/model"
)

// A section added with the id left empty gets s and its position, shown
// beforehand as the field's placeholder; the id passes the template's
// validator and lint has nothing to say about it.
func TestNewSectionIDsFollowPosition(t *testing.T) {
	m, _ := newEditor(t)
	// The standard template has five parts; the first has eight sections.
	press(m, "a")
	if m.newID != "s2" || !strings.Contains(screen(m), "s2") {
		t.Fatalf("placeholder %q not shown:\n%s", m.newID, screen(m))
	}
	press(m, "新增一部分", "enter")
	if s := m.current(); s.ID != "s2" || s.Title != "新增一部分" {
		t.Fatalf("sibling after the first part: %+v", s)
	}
	m.selectID("measures")
	press(m, "A", "第九节", "enter")
	if s := m.current(); s.ID != "s1_9" || m.t.Parent("s1_9").ID != "measures" {
		t.Fatalf("ninth child of the first part: %+v", s)
	}
	if !strings.Contains(screen(m), "id s1_9") {
		t.Fatalf("status lacks the id:\n%s", screen(m))
	}
	// A position already used by an id (a section moved there, or an id
	// typed by hand): the next free alternative.
	m.selectID("measures")
	press(m, "a")
	if m.newID != "s2b" {
		t.Fatalf("taken position: default %s", m.newID)
	}
	press(m, "又一部分", "enter")
	if s := m.current(); s.ID != "s2b" {
		t.Fatalf("taken position: got %s", s.ID)
	}
	for _, s := range m.t.Flatten() {
		if err := model.ValidSectionID(s.ID); err != nil {
			t.Fatal(err)
		}
	}
	m.relint()
	if errs, warns := lint.Counts(m.findings); errs+warns != 0 {
		t.Fatalf("lint after adding: %d errors %d warnings", errs, warns)
	}
	// A typed id wins over the default.
	press(m, "a", "自定", "tab", "custom_part", "enter")
	if m.current().ID != "custom_part" {
		t.Fatalf("typed id ignored: %s", m.current().ID)
	}
}

// A figure's default id is its section's id and its place.
func TestNewFigureIDsFollowSection(t *testing.T) {
	m, _ := newEditor(t)
	press(m, "j", "j") // decisions, three figures
	if m.current().ID != "decisions" {
		t.Fatalf("on %s", m.current().ID)
	}
	press(m, "f", "a")
	if !strings.Contains(screen(m), "decisions_4") {
		t.Fatalf("placeholder not shown:\n%s", screen(m))
	}
	press(m, "听证事项", "enter")
	if f, sec := m.t.Figure("decisions_4"); f == nil || sec.ID != "decisions" || f.Label != "听证事项" {
		t.Fatalf("figure %+v", f)
	}
	press(m, "a", "另一项", "enter")
	if f, _ := m.t.Figure("decisions_5"); f == nil {
		t.Fatalf("second figure not decisions_5:\n%s", screen(m))
	}
}
