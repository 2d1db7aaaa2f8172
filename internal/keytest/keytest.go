// Package keytest turns a key name, as bindings spell it, into the key
// message a terminal sends, so the editors' tests press exactly the keys
// their help shows. Test support only: no program path imports it.
package keytest

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// namedKeys maps bubbletea's key names back to key types, built from
// bubbletea itself so a name is spelt exactly as key.Matches compares it.
var namedKeys = func() map[string]tea.KeyType {
	m := map[string]tea.KeyType{}
	for t := tea.KeyType(-200); t <= 200; t++ {
		if t == tea.KeyRunes {
			continue
		}
		if s := (tea.KeyMsg{Type: t}).String(); s != "" && !strings.HasPrefix(s, "unknown") {
			if _, dup := m[s]; !dup {
				m[s] = t
			}
		}
	}
	return m
}()

// Msg is the key message a terminal sends for a key name as bindings spell
// it ("ctrl+s", "shift+tab", "alt+up", "f1", "K", " "), so tests can press
// exactly the keys help shows. A name it does not know becomes typed text.
func Msg(name string) tea.KeyMsg {
	if t, ok := namedKeys[name]; ok {
		return tea.KeyMsg{Type: t}
	}
	if rest, ok := strings.CutPrefix(name, "alt+"); ok && rest != "" {
		k := Msg(rest)
		k.Alt = true
		return k
	}
	if name == " " {
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}
