package templateeditor

import (
	"bytes"

	"nianbao/model"
)

// maxHistory bounds undo: a snapshot of a template is a few kilobytes, and
// an office session rarely makes more changes than this.
const maxHistory = 200

// step is one undoable edit: the whole template as it was on the other side
// of the edit, what the edit did in words, and where the cursor was, so
// undo and redo show the place that changed.
type step struct {
	t       *model.Template
	label   string // e.g. 删除章节“行政复议”
	section string // selected section id
	fig     int    // figure cursor
}

// edit runs fn against the template and records it for undo. Snapshots
// are whole clones rather than inverse operations: every model operation
// is then undoable without each one knowing how to reverse itself. A
// failed fn leaves the template as it was (an operation may fail after
// changing part of it, e.g. the section form's several setters), and an
// edit that changed nothing is not recorded, so undo never seems to do
// nothing.
func (m *Model) edit(label string, fn func() error) error {
	before := m.t.Clone()
	sec, fig := m.selection()
	m.touched() // fn may change the template even when it fails
	if err := fn(); err != nil {
		m.t = before
		return err
	}
	if sameTemplate(before, m.t) {
		return nil
	}
	m.undo = append(m.undo, step{t: before, label: label, section: sec, fig: fig})
	if len(m.undo) > maxHistory {
		m.undo = append([]step(nil), m.undo[len(m.undo)-maxHistory:]...)
	}
	m.redo = nil
	return nil
}

// sameTemplate compares what would be saved; a template that cannot be
// encoded counts as changed.
func sameTemplate(a, b *model.Template) bool {
	x, err := a.Marshal()
	if err != nil {
		return false
	}
	y, err := b.Marshal()
	return err == nil && bytes.Equal(x, y)
}

func (m *Model) selection() (string, int) {
	if s := m.current(); s != nil {
		return s.ID, m.figCursor
	}
	return "", m.figCursor
}

// undoEdit goes back one edit; the template it leaves becomes the redo.
func (m *Model) undoEdit() {
	if len(m.undo) == 0 {
		m.status = "没有可以撤销的修改"
		return
	}
	st := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	m.redo = append(m.redo, m.swap(st))
	m.changed("已撤销：" + st.label)
}

// redoEdit applies again the edit undone last.
func (m *Model) redoEdit() {
	if len(m.redo) == 0 {
		m.status = "没有可以重做的修改"
		return
	}
	st := m.redo[len(m.redo)-1]
	m.redo = m.redo[:len(m.redo)-1]
	m.undo = append(m.undo, m.swap(st))
	m.changed("已重做：" + st.label)
}

// swap makes st's template the live one and returns the step that leads
// back. The version number is only raised by saving and says what units
// may already have: going back in the edits never lowers it.
func (m *Model) swap(st step) step {
	sec, fig := m.selection()
	back := step{t: m.t, label: st.label, section: sec, fig: fig}
	st.t.Version = max(st.t.Version, m.t.Version)
	m.t = st.t
	m.touched()
	m.selectID(st.section)
	m.figCursor = st.fig
	return back
}
