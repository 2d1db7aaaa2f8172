package cli

import (
	"io"
	"path/filepath"
	"testing"

	"nianbao/check"
	"nianbao/model"
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
		tp, r, lines := loadForCheck(t, cache, out)
		if _, same := lines.FigureReading.For(tp, r); !same {
			t.Errorf("%s: the check would read the figures again", ext)
		}
	}
	// A department's own text: imported against the department template,
	// which the check then finds by the draft's reference; it must be the
	// object the import read against.
	const dept = "testdata/followup-dept-2024.txt"
	_, r, lines := loadForCheck(t, cache, dept)
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

// loadForCheck imports path as check does, against the default template,
// and fails when the import kept no figure reading.
func loadForCheck(t *testing.T, cache *templateCache, path string) (*model.Template, *model.Report, check.DocLines) {
	t.Helper()
	tp, err := cache.lookup("")
	if err != nil {
		t.Fatal(err)
	}
	r, lines, err := loadDocumentForCheck(path, tp, cache)
	if err != nil {
		t.Fatal(err)
	}
	if lines.FigureReading == nil {
		t.Fatalf("%s: the import kept no figure reading", path)
	}
	return tp, r, lines
}
