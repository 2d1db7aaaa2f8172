package templates

import (
	"testing"

	"nianbao/model"
)

// TestRunInConsistentPerLevel (issue 20): in the standard template （一）
// printed as its own heading while （二）–（五） ran into their paragraph,
// because run_in was set on some sections and not others. Within every
// embedded template all headings of one level make the same choice; and
// the choice is the one GB/T 9704 reports usually make: top-level headings
// (一、) stand alone, second-level ones (（一）) run in with their paragraph.
func TestRunInConsistentPerLevel(t *testing.T) {
	want := map[int]bool{1: false, 2: true}
	for _, id := range IDs() {
		tpl, err := Embedded(id)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int]string{} // level → first section id, for the message
		var walk func(secs []*model.Section, level int)
		walk = func(secs []*model.Section, level int) {
			for _, s := range secs {
				if w, ok := want[level]; ok && s.RunIn != w {
					t.Errorf("%s: %s (level %d) has run_in %v, want %v like every level-%d heading", id, s.ID, level, s.RunIn, w, level)
				}
				if first, ok := seen[level]; !ok {
					seen[level] = s.ID
				} else if fs := find(tpl.Sections, first); fs != nil && fs.RunIn != s.RunIn {
					t.Errorf("%s: %s and %s are both level %d but differ in run_in", id, first, s.ID, level)
				}
				walk(s.Sections, level+1)
			}
		}
		walk(tpl.Sections, 1)
		if _, ok := seen[2]; !ok {
			t.Errorf("%s has no second-level sections; the test expects the （一） level", id)
		}
	}
}

func find(secs []*model.Section, id string) *model.Section {
	for _, s := range secs {
		if s.ID == id {
			return s
		}
		if f := find(s.Sections, id); f != nil {
			return f
		}
	}
	return nil
}
