package templateeditor

import (
	"testing"
)

// dirty encodes the template once per change, not once per frame, and
// still says "not modified" when an edit is undone by hand.
func TestDirtyFollowsChangesWithoutReencodingPerFrame(t *testing.T) {
	m, _ := newEditor(t)
	saved, err := m.t.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	m.saved = saved
	m.touched()
	if m.dirty() {
		t.Fatal("a freshly opened template is dirty")
	}
	at := m.dirtyAt
	for i := 0; i < 5; i++ {
		m.View()
	}
	if m.dirtyAt != at {
		t.Fatal("drawing frames recomputed dirtiness without any change")
	}
	old := m.t.Name
	if err := m.edit("改名称", func() error { m.t.SetName(old + "（改）"); return nil }); err != nil {
		t.Fatal(err)
	}
	if !m.dirty() {
		t.Fatal("a renamed template is not dirty")
	}
	if err := m.edit("改回", func() error { m.t.SetName(old); return nil }); err != nil {
		t.Fatal(err)
	}
	if m.dirty() {
		t.Fatal("renaming back by hand still counts as modified")
	}
	m.undoEdit()
	if !m.dirty() {
		t.Fatal("undo back to the renamed state is not dirty")
	}
}
