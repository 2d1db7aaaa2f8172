package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/render"
)

// TestCarriedDataSurvivesLibreOffice re-saves an exported .docx with
// LibreOffice, as an office without Word does, both directly (docx → docx)
// and through its own format (docx → odt → docx), and checks the result:
// the carried data must still be there, so the check still equals the
// draft's. (LibreOffice drops a custom XML part on the odt route but keeps
// custom document properties, which is why the payload rides there.)
//
// Needs: apt-get install libreoffice-writer.
func TestCarriedDataSurvivesLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: LibreOffice conversion takes seconds")
	}
	soffice := ""
	for _, n := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(n); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		t.Skip("LibreOffice (soffice) not installed")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	convert := func(in, to, outdir string) string {
		t.Helper()
		// Its own profile and HOME, so a running LibreOffice or a parallel
		// test does not lock the conversion.
		cmd := exec.CommandContext(ctx, soffice, "--headless", "--norestore",
			"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
			"--convert-to", to, "--outdir", outdir, in)
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		ext := "." + strings.SplitN(to, ":", 2)[0]
		return filepath.Join(outdir, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+ext)
	}
	for _, draft := range carriedDrafts {
		want := checkJSON(t, draft)
		exp := exportTo(t, draft, render.FormatDOCX)
		direct := convert(exp, "docx", filepath.Join(dir, "direct"))
		odt := convert(exp, "odt", filepath.Join(dir, "odt"))
		viaODT := convert(odt, "docx", filepath.Join(dir, "via-odt"))
		for name, path := range map[string]string{"docx→docx": direct, "docx→odt→docx": viaODT} {
			got := checkJSON(t, path)
			if got.Verdict != want.Verdict || got.Completeness != want.Completeness {
				t.Errorf("%s %s: %s %v%%, draft %s %v%%", filepath.Base(draft), name, got.Verdict, got.Completeness, want.Verdict, want.Completeness)
			}
			if joined(got.Findings) != joined(want.Findings) {
				t.Errorf("%s %s: findings differ\nre-saved:\n  %s\ndraft:\n  %s", filepath.Base(draft), name,
					strings.Join(got.Findings, "\n  "), strings.Join(want.Findings, "\n  "))
			}
		}
	}
}
