package textedit

import (
	"testing"
	"time"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }
func withClock(m Model, c *fakeClock) Model  { m.s.hist.now = c.now; return m }
func undoOnce(m Model) Model                 { return press(m, "ctrl+z") }

// A pause longer than mergeWindow between typing bursts ends the undo
// step, so ctrl+z takes back only the last burst; keys typed without a
// pause still merge into one step.
func TestUndoStepEndsAtAPauseInTyping(t *testing.T) {
	c := &fakeClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	m := withClock(newEditor(40, 4, ""), c)
	for _, r := range "全年收到申请" {
		m = typeText(m, string(r))
		c.advance(200 * time.Millisecond)
	}
	c.advance(2500 * time.Millisecond)
	for _, r := range "审结多件" {
		m = typeText(m, string(r))
		c.advance(150 * time.Millisecond)
	}
	m = undoOnce(m)
	if got := m.Value(); got != "全年收到申请" {
		t.Fatalf("after one undo: %q, want the first burst kept", got)
	}
	m = undoOnce(m)
	if got := m.Value(); got != "" {
		t.Fatalf("after two undos: %q, want empty (the first burst was one step)", got)
	}
}

// EndUndoStep (called on save, preview and export) closes the step even
// without a pause.
func TestEndUndoStepSeparatesEdits(t *testing.T) {
	c := &fakeClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	m := withClock(newEditor(40, 4, ""), c)
	m = typeText(m, "依法")
	m.EndUndoStep()
	m = typeText(m, "行政")
	if got := undoOnce(m).Value(); got != "依法" {
		t.Fatalf("undo after EndUndoStep: %q, want 依法", got)
	}
}
