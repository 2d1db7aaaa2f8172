package keymap

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/internal/keytest"
)

// Every key of every shared binding turns into a message the binding
// matches: a key name misspelt in a binding would never fire.
func TestMsgMatchesEveryBoundKey(t *testing.T) {
	c := Default()
	for _, b := range []key.Binding{c.Up, c.Down, c.Enter, c.Back, c.BackPane, c.Help, c.Save, c.Quit,
		c.Interrupt, c.Undo, c.Redo, c.PageUp, c.PageDown, c.ConfirmSave, c.ConfirmDrop, c.ConfirmAbort} {
		for _, k := range b.Keys() {
			if msg := keytest.Msg(k); !key.Matches(msg, b) || msg.String() != k {
				t.Errorf("%s (%s): keytest.Msg(%q) = %q, not matched", b.Help().Key, b.Help().Desc, k, msg.String())
			}
		}
	}
	for name, want := range map[string]tea.KeyType{"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEsc,
		"ctrl+s": tea.KeyCtrlS, "backspace": tea.KeyBackspace, "up": tea.KeyUp, "f1": tea.KeyF1} {
		if got := keytest.Msg(name).Type; got != want {
			t.Errorf("keytest.Msg(%q).Type = %v, want %v", name, got, want)
		}
	}
	for _, k := range []string{"alt+up", "alt+down", "shift+tab", "K", "?", " ", "f1", "delete", "backspace", "pgdown"} {
		if got := keytest.Msg(k).String(); got != k {
			t.Errorf("keytest.Msg(%q).String() = %q", k, got)
		}
	}
}

// The quit question: s, y and enter save, esc and c cancel, and only d,
// the key the question shows, drops the unsaved text; no other letter
// does, so a word typed on after ctrl+q loses nothing.
func TestQuitAnswers(t *testing.T) {
	c := Default()
	for k, want := range map[string]key.Binding{"s": c.ConfirmSave, "y": c.ConfirmSave, "enter": c.ConfirmSave,
		"d": c.ConfirmDrop, "esc": c.ConfirmAbort} {
		if !key.Matches(keytest.Msg(k), want) {
			t.Errorf("%s does not answer %s", k, want.Help().Desc)
		}
	}
	for _, r := range "abcefghijklmnopqrtuvwxz" {
		if key.Matches(keytest.Msg(string(r)), c.ConfirmDrop) {
			t.Errorf("%c drops the unsaved text", r)
		}
	}
}

func TestExtendKeepsKeysAndDesc(t *testing.T) {
	c := Default()
	q := Extend(c.Quit, "q", "q")
	if !key.Matches(keytest.Msg("q"), q) || !key.Matches(keytest.Msg("ctrl+q"), q) || q.Help().Key != "q" || q.Help().Desc != "退出" {
		t.Fatalf("extended %v %v", q.Keys(), q.Help())
	}
	if key.Matches(keytest.Msg("q"), c.Quit) {
		t.Fatal("Extend changed the original binding")
	}
}
