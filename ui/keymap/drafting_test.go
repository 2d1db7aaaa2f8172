package keymap_test

import (
	"reflect"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"nianbao/ui"
	"nianbao/ui/keymap"
	"nianbao/ui/textedit"
)

// The shared bindings are the drafting editor's, key for key and word for
// word, so switching it onto keymap.Common changes nothing a drafter sees;
// undo and redo are the prose widget's. Matched by field name, so a
// binding renamed on either side fails here.
func TestSameAsDraftingEditor(t *testing.T) {
	shared := reflect.ValueOf(keymap.Default())
	drafting := reflect.ValueOf(ui.DefaultKeyMap())
	prose := reflect.ValueOf(textedit.DefaultKeyMap())
	for i := 0; i < shared.NumField(); i++ {
		name := shared.Type().Field(i).Name
		want := drafting.FieldByName(name)
		if name == "Undo" || name == "Redo" {
			want = prose.FieldByName(name)
		}
		if !want.IsValid() {
			t.Errorf("%s: the drafting editor has no such binding", name)
			continue
		}
		a, b := shared.Field(i).Interface().(key.Binding), want.Interface().(key.Binding)
		if !reflect.DeepEqual(a.Keys(), b.Keys()) || a.Help() != b.Help() {
			t.Errorf("%s: shared %v %q, drafting editor %v %q", name, a.Keys(), a.Help(), b.Keys(), b.Help())
		}
	}
}
