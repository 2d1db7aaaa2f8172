package plain

import (
	"testing"

	"nianbao/model"
)

// edit --plain --previous attaches last year's report as the full editor
// does: a change to save, kept in the draft once saved.
func TestAttachGivenOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	opts := newDraft(t, dir, "d.yaml")
	opts.Attach = &model.Previous{File: "去年.yaml", SHA256: "ab", Unit: "青山县人民政府", Year: 2023,
		Plans: "一是加强合法性审查。二是推进执法规范化。"}
	if _, err := script(t, opts, lines("s", "q")); err != nil {
		t.Fatal(err)
	}
	got := load(t, opts.Path).Previous
	if got == nil || got.Year != 2023 || got.Plans != opts.Attach.Plans {
		t.Fatalf("saved previous %+v", got)
	}
}
