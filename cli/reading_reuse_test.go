package cli

import (
	"io"
	"path/filepath"
	"testing"
)

// TestCheckReusesImportReading: checking an exported report reads its
// figures once. The check reuses the importer's reading only while the
// texts it read are the report's, so the import must not change a section
// after reading it (it once took the printed signature off the last
// section afterwards, and every exported report was read twice).
func TestCheckReusesImportReading(t *testing.T) {
	dir := t.TempDir()
	draft := writeFile(t, filepath.Join(dir, "a.yaml"), draftVariant(t, "real-size"))
	cache := newTemplateCache()
	for _, ext := range []string{".txt", ".docx", ".md"} {
		out := filepath.Join(dir, "a"+ext)
		if code := Run([]string{"export", "-o", out, draft}, testStreams(nil, io.Discard, io.Discard)); code != 0 {
			t.Fatalf("export %s failed", ext)
		}
		tp, err := cache.lookup("")
		if err != nil {
			t.Fatal(err)
		}
		r, lines, err := loadDocumentForCheck(out, tp, cache)
		if err != nil {
			t.Fatal(err)
		}
		if lines.FigureReading == nil {
			t.Fatalf("%s: the import kept no figure reading", ext)
		}
		if _, same := lines.FigureReading.For(tp, r); !same {
			t.Errorf("%s: the check would read the figures again", ext)
		}
	}
	// A department's own text: imported against the department template,
	// which the check then finds by the draft's reference; it must be the
	// object the import read against.
	const dept = "testdata/followup-dept-2024.txt"
	tp, err := cache.lookup("")
	if err != nil {
		t.Fatal(err)
	}
	r, lines, err := loadDocumentForCheck(dept, tp, cache)
	if err != nil {
		t.Fatal(err)
	}
	if r.Template.ID != "department" {
		t.Fatalf("the fixture was imported as %q, not as a department report", r.Template.ID)
	}
	dt, err := cache.forDraft(dept, r.Template)
	if err != nil {
		t.Fatal(err)
	}
	if _, same := lines.FigureReading.For(dt, r); !same {
		t.Error("a department report's figures would be read again by its check")
	}
}
