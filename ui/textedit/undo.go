package textedit

import "time"

// mergeWindow is the longest pause within one typing burst: keys typed
// after a longer pause start a new undo step, as Word and WPS do, so one
// ctrl+z never takes back sentences typed seconds apart.
const mergeWindow = time.Second

// defaultHistory bounds the undo steps kept; a step holds only the text it
// replaced, so even long pastes cost memory once.
const defaultHistory = 1000

// editKind tells which edits may merge into one undo step.
type editKind int

const (
	editOther editKind = iota
	editType
	editBackspace
	editDelete
)

// edit is one undoable change: the text at from was del and became ins.
// Positions are paragraph/rune pairs; they stay valid because steps are
// undone and redone strictly in order.
type edit struct {
	kind      editKind
	from      Pos
	del, ins  []rune
	curBefore Pos
	curAfter  Pos
}

// history is the undo and redo stacks.
type history struct {
	undo, redo []edit
	max        int
	// canMerge is true while the last step may absorb the next keystroke;
	// any move, click or other command clears it so that typing, moving and
	// typing again gives two steps.
	canMerge bool
	// lastPush is when the last step was recorded; now is the clock (nil
	// means time.Now; tests set their own).
	lastPush time.Time
	now      func() time.Time
}

func (h *history) clear() {
	h.undo, h.redo, h.canMerge = nil, nil, false
}

func (h *history) breakMerge() { h.canMerge = false }

func (h *history) clock() time.Time {
	if h.now != nil {
		return h.now()
	}
	return time.Now()
}

// push records e, merging runs of typing, of backspaces and of deletes
// into one step each, as word processors do. A step ends after sentence
// punctuation so that one undo does not take back a whole paragraph.
func (h *history) push(e edit) {
	h.redo = h.redo[:0]
	now := h.clock()
	if now.Sub(h.lastPush) > mergeWindow {
		h.canMerge = false
	}
	h.lastPush = now
	if n := len(h.undo); n > 0 && h.canMerge && e.kind != editOther && h.undo[n-1].kind == e.kind {
		last := &h.undo[n-1]
		switch e.kind {
		case editType:
			if len(e.del) == 0 && last.from.P == e.from.P &&
				last.from.C+len(last.ins) == e.from.C && !endsSentence(last.ins) {
				last.ins = append(last.ins, e.ins...)
				last.curAfter = e.curAfter
				return
			}
		case editBackspace:
			if e.from.P == last.from.P && e.from.C+len(e.del) == last.from.C {
				last.del = append(append([]rune{}, e.del...), last.del...)
				last.from = e.from
				last.curAfter = e.curAfter
				return
			}
		case editDelete:
			if e.from == last.from {
				last.del = append(last.del, e.del...)
				last.curAfter = e.curAfter
				return
			}
		}
	}
	h.undo = append(h.undo, e)
	// Trim in halves so trimming is amortised O(1) per step.
	if h.max > 0 && len(h.undo) >= 2*h.max {
		h.undo = append(h.undo[:0], h.undo[len(h.undo)-h.max:]...)
	}
	h.canMerge = e.kind != editOther
}

// endsSentence reports whether rs ends with sentence-final punctuation or a
// newline.
func endsSentence(rs []rune) bool {
	if len(rs) == 0 {
		return false
	}
	switch rs[len(rs)-1] {
	case '。', '！', '？', '；', '\n', '.', '!', '?':
		return true
	}
	return false
}

// apply performs an edit through replace and records it for undo.
func (s *state) apply(kind editKind, from, to Pos, ins []rune) {
	before := s.cur
	if to.less(from) {
		from, to = to, from
	}
	if from == to && len(ins) == 0 {
		return
	}
	end, del := s.replace(from, to, ins)
	s.cur, s.eol, s.goal, s.sel = end, false, -1, false
	s.hist.push(edit{kind: kind, from: from, del: del, ins: append([]rune(nil), ins...),
		curBefore: before, curAfter: end})
}

// undo takes back the last step.
func (s *state) undo() bool {
	h := &s.hist
	if len(h.undo) == 0 {
		return false
	}
	e := h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	s.replace(e.from, endOf(e.from, e.ins), e.del)
	s.cur, s.eol, s.goal, s.sel = s.clampPos(e.curBefore), false, -1, false
	h.redo = append(h.redo, e)
	h.canMerge = false
	return true
}

// redo repeats the last undone step.
func (s *state) redo() bool {
	h := &s.hist
	if len(h.redo) == 0 {
		return false
	}
	e := h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	s.replace(e.from, endOf(e.from, e.del), e.ins)
	s.cur, s.eol, s.goal, s.sel = s.clampPos(e.curAfter), false, -1, false
	h.undo = append(h.undo, e)
	h.canMerge = false
	return true
}
