package ui

import (
	"testing"

	"nianbao/model"
)

// TestEditsAfterRebuildReachTheEditor: restoring a recovery file rebuilds
// the editor around it; a figure typed and a 报告信息 field changed
// afterwards still reach the live editor (dirty, autosaved, checked), not
// the discarded copy the rebuild started from.
func TestEditsAfterRebuildReachTheEditor(t *testing.T) {
	r, path, rec := recoveryFixture(t)
	a := newTestAppWith(t, Options{Report: r, Path: path, Recoveries: []*model.Recovery{rec}}, 100, 30)
	press(t, a, "r")
	if a.state == statePrompt {
		t.Fatalf("still asking: %s", screen(a))
	}
	a.file.savedGen = a.file.editGen // judge only what follows
	seq := a.live.seq
	press(t, a, "ctrl+n", "tab") // decisions, its first figure
	typeText(t, a, "7")
	if !a.dirty() || a.live.seq == seq {
		t.Fatalf("a figure typed after the rebuild: dirty %v, check scheduled %v", a.dirty(), a.live.seq != seq)
	}
	if n, ok := a.c.report.Figure(a.figures.fields[0].fig.ID); !ok || n.Value != 7 {
		t.Fatalf("the report holds %+v", n)
	}
	a.file.savedGen = a.file.editGen
	press(t, a, "f4", "ctrl+u")
	typeText(t, a, "青山县")
	if !a.dirty() {
		t.Fatal("typing in the form after the rebuild left the draft unmodified")
	}
	press(t, a, "enter")
	if a.c.report.Unit != "青山县" {
		t.Fatalf("unit %q", a.c.report.Unit)
	}
}
