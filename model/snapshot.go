package model

import "maps"

// Snapshot copies the draft so another goroutine can check or save it while
// the editor keeps changing the original. Strings are immutable, so copying
// the maps is enough.
func (r *Report) Snapshot() *Report {
	cp := *r
	cp.Sections = maps.Clone(r.Sections)
	cp.Figures = maps.Clone(r.Figures)
	cp.Invalid = maps.Clone(r.Invalid)
	cp.Hints = maps.Clone(r.Hints)
	cp.Sources = maps.Clone(r.Sources)
	cp.Reference = maps.Clone(r.Reference)
	cp.Removed = append([]RemovedSection(nil), r.Removed...)
	cp.pos = maps.Clone(r.pos)
	cp.sectionOrder = append([]string(nil), r.sectionOrder...)
	cp.figureOrder = append([]string(nil), r.figureOrder...)
	return &cp
}

// AdoptSaved takes over what saving a snapshot of r changed (file, saved
// bytes, key positions, the file's fingerprint), so the next save of r
// merges onto what is on disk now and checks for conflicts against it. The
// content of r is left as it is: edits made during the save stay.
func (r *Report) AdoptSaved(saved *Report) {
	r.file, r.node, r.orig, r.base, r.loaded, r.pos = saved.file, saved.node, saved.orig, saved.base, saved.loaded, saved.pos
	r.disk = saved.disk
}
