package ui

import (
	"strings"
	"unicode/utf8"

	"nianbao/model"
)

// baseline is the draft as it is on disk (loaded or last saved), so an
// edit that takes the text back to it (typing a character and deleting
// it) leaves the draft unmodified, as word processors do.
type baseline struct {
	snap  *model.Report
	runes map[string]int    // section id → characters, for a cheap first test
	ver   map[string]uint64 // editor versions that hold the baseline's text
}

// setBaseline records snap as what the disk holds; versions are the prose
// editors' versions whose text snap carries.
func (a *App) setBaseline(snap *model.Report, versions map[string]uint64) {
	b := &baseline{snap: snap, runes: map[string]int{}, ver: versions}
	for id, text := range snap.Sections {
		b.runes[id] = utf8.RuneCountInString(text)
	}
	a.file.base = b
}

// editorVersions is every prose editor's version now.
func (a *App) editorVersions() map[string]uint64 { return a.prose.versions() }

// atBaseline says whether the draft holds exactly what the disk holds. It
// runs after each edit, so it compares lengths first and texts only when
// every length matches; an editor untouched since the baseline is equal
// without looking at its text.
func (a *App) atBaseline() bool {
	b := a.file.base
	if b == nil {
		return false
	}
	r, s := a.c.report, b.snap
	if r.Unit != s.Unit || r.Year != s.Year || r.Title != s.Title || r.Date != s.Date || r.Contact != s.Contact {
		return false
	}
	if len(r.Figures) != len(s.Figures) {
		return false
	}
	for id, n := range r.Figures {
		if m, ok := s.Figures[id]; !ok || m.Text != n.Text {
			return false
		}
	}
	var changed []string
	for id, ed := range a.prose.editors {
		if v, ok := b.ver[id]; ok && v == ed.Version() {
			continue
		}
		if strings.HasPrefix(id, leftoverEditorKey) || ed.Len() != b.runes[id] {
			return false
		}
		changed = append(changed, id)
	}
	for _, id := range changed {
		if a.prose.editors[id].Value() != s.Text(id) {
			return false
		}
	}
	return true
}
