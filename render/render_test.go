package render

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
	"nianbao/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtures are the drafts every golden test renders: our own sample and
// the project's example report. Both are in the repository, so a missing
// one fails the test that loads it rather than shrinking the set.
func fixtures(t testing.TB) map[string]string {
	return map[string]string{
		"sample":  filepath.Join("testdata", "sample.yaml"),
		"example": filepath.Join("..", "examples", "sample-report.yaml"),
	}
}

func load(t testing.TB, path string) (*model.Template, *model.Report) {
	t.Helper()
	r, err := model.LoadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := templates.LookupID(r.Template.ID)
	if err != nil {
		t.Fatal(err)
	}
	return tpl, r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file (go test ./render -update to accept):\n%s", name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			if len(w) > 400 || len(g) > 400 { // one-line XML: show where it starts to differ
				j := 0
				for j < len(w) && j < len(g) && w[j] == g[j] {
					j++
				}
				lo := max(0, j-80)
				return "line " + itoa(i+1) + " byte " + itoa(j) + ":\nwant …" + w[lo:min(len(w), j+120)] + "\n got …" + g[lo:min(len(g), j+120)]
			}
			return "line " + itoa(i+1) + ":\nwant " + w + "\n got " + g
		}
	}
	return ""
}

func TestGoldenTextFormats(t *testing.T) {
	for name, path := range fixtures(t) {
		tpl, r := load(t, path)
		for _, f := range []Format{FormatMarkdown, FormatHTML, FormatText} {
			var buf bytes.Buffer
			if err := Write(&buf, f, tpl, r, Options{}); err != nil {
				t.Fatal(err)
			}
			golden(t, name+f.Ext(), buf.Bytes())
		}
	}
}

// The docx is compared on its XML, not its zip bytes: compression may
// change between Go releases without changing the document.
func TestGoldenDOCX(t *testing.T) {
	for name, path := range fixtures(t) {
		tpl, r := load(t, path)
		pkg := renderDOCX(t, tpl, r, Options{})
		golden(t, name+".document.xml", splitTags(pkg["word/document.xml"]))
		golden(t, name+".styles.xml", splitTags(pkg["word/styles.xml"]))
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"docx": FormatDOCX, "Word": FormatDOCX, ".md": FormatMarkdown, "markdown": FormatMarkdown, "HTM": FormatHTML, "text": FormatText, "txt": FormatText} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if got, err := ParseFormat("PDF"); err != nil || got != FormatPDF {
		t.Errorf("ParseFormat(PDF) = %q, %v", got, err)
	}
	if _, err := ParseFormat("odt"); err == nil || !strings.Contains(err.Error(), "odt") || !strings.Contains(err.Error(), "pdf") {
		t.Errorf("ParseFormat(odt) error = %v", err)
	}
	for in, want := range map[string]Format{"a/报告.docx": FormatDOCX, "x.MD": FormatMarkdown, "x.html": FormatHTML, "x.txt": FormatText, "x.PDF": FormatPDF} {
		if got, err := FormatFromPath(in); err != nil || got != want {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"报告", "报告.odt"} {
		if _, err := FormatFromPath(in); err == nil {
			t.Errorf("FormatFromPath(%q) should fail", in)
		}
	}
	if got := DefaultOutput("dir/县报告.yaml", FormatDOCX); got != "dir/县报告.docx" {
		t.Errorf("DefaultOutput = %q", got)
	}
}

func TestFormatDate(t *testing.T) {
	for in, want := range map[string]string{
		"2025-03-01":  "2025年3月1日",
		"2025/3/1":    "2025年3月1日",
		"2025.12.31":  "2025年12月31日",
		"2025年3月1日":   "2025年3月1日",
		" 2025-03-01": "2025年3月1日",
		"2025-13-01":  "2025-13-01",
		"":            "",
	} {
		if got := FormatDate(in); got != want {
			t.Errorf("FormatDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	got := Paragraphs("　　第一段。\r\n\n  第二段。\t\n\n")
	if len(got) != 2 || got[0] != "第一段。" || got[1] != "第二段。" {
		t.Errorf("Paragraphs = %q", got)
	}
}

func TestLayoutSkipsEmptyOptionalAndRenumbers(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	d := layout(tpl, r, Options{})
	var heads []string
	for _, b := range d.Blocks {
		if b.IsHeading() {
			heads = append(heads, b.Number+b.Section)
		}
	}
	want := "一、measures （一）functions （二）decisions （三）enforcement （四）disputes （五）publicity （六）digital 二、shortcomings 三、leadership 四、plans 五、other"
	if got := strings.Join(heads, " "); got != want {
		t.Errorf("headings:\n got %s\nwant %s", got, want)
	}
	if d.Date != "2025年3月1日" || d.Unit != "示例县人民政府" {
		t.Errorf("signature = %q %q", d.Unit, d.Date)
	}
	// A required section with no text still prints its heading; an
	// optional parent whose children are all empty disappears.
	r.SetText("shortcomings", "")
	r.SetText("functions", "")
	r.SetText("digital", "")
	d = layout(tpl, r, Options{Date: "2025-02-28"})
	var found bool
	for _, b := range d.Blocks {
		if b.Section == "shortcomings" && b.Number == "二、" && b.Text == "" {
			found = true
		}
		if b.Section == "functions" || b.Section == "digital" {
			t.Errorf("empty optional section %s printed", b.Section)
		}
		if b.Section == "decisions" && b.IsHeading() && b.Number != "（一）" {
			t.Errorf("decisions numbered %s after functions was skipped", b.Number)
		}
	}
	if !found {
		t.Error("empty required section shortcomings not printed")
	}
	if d.Date != "2025年2月28日" {
		t.Errorf("date override: %q", d.Date)
	}
}

func TestRunIn(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	d := layout(tpl, r, Options{})
	for _, b := range d.Blocks {
		if b.Section == "decisions" && b.IsHeading() {
			if !b.RunIn || b.Heading != "推进行政决策科学化、民主化、法治化。" || !strings.HasPrefix(b.Text, "全年提交") {
				t.Errorf("run-in block = %+v", b)
			}
		}
		// Every （一） heading runs in (templates' TestRunInConsistentPerLevel),
		// the first of them too.
		if b.Section == "functions" && b.IsHeading() && (!b.RunIn || b.Heading != "依法全面履行政府职能。" || !strings.HasPrefix(b.Text, "修订县级政府部门权责清单")) {
			t.Errorf("functions does not run in: %+v", b)
		}
	}
	var txt bytes.Buffer
	if err := Text(&txt, tpl, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.String(), "\n　　（二）推进行政决策科学化、民主化、法治化。全年提交") {
		t.Errorf("text output lacks the run-in paragraph:\n%s", txt.String())
	}
}

// Characters with meaning in XML, HTML or Markdown must come out as text.
func TestEscaping(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	r.Title = `A&B <县> "报告" *重点*`
	r.SetText("other", "R&D <script>alert(1)</script> 控制字符\x01结束")
	for _, f := range Formats {
		if f == FormatPDF {
			continue // the .docx converted by LibreOffice: its escaping is the .docx's
		}
		var buf bytes.Buffer
		if err := Write(&buf, f, tpl, r, Options{}); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		switch f {
		case FormatDOCX:
			pkg := unzip(t, buf.Bytes())
			for name, data := range pkg {
				wellFormed(t, name, data)
			}
			doc := string(pkg["word/document.xml"])
			if !strings.Contains(doc, "R&amp;D &lt;script&gt;") || !strings.Contains(string(pkg["docProps/core.xml"]), "A&amp;B &lt;县&gt;") {
				t.Error("docx: text not escaped")
			}
		case FormatHTML:
			if strings.Contains(s, "<script>") || !strings.Contains(s, "R&amp;D &lt;script&gt;") || !strings.Contains(s, "<title>A&amp;B &lt;县&gt; &#34;报告&#34; *重点*</title>") {
				t.Errorf("html: text not escaped:\n%s", s)
			}
		case FormatMarkdown:
			if !strings.Contains(s, `# A&B \<县\> "报告" \*重点\*`) || !strings.Contains(s, "title: A&B <县> \"报告\" *重点*") && !strings.Contains(s, `title: 'A&B <县> "报告" *重点*'`) {
				t.Errorf("markdown: escaping wrong:\n%s", s)
			}
		case FormatText:
			if !strings.Contains(s, "R&D <script>") {
				t.Errorf("text must stay literal:\n%s", s)
			}
		}
	}
}

func TestMarkdownListGuard(t *testing.T) {
	for in, want := range map[string]string{"1. 健全制度": `1\. 健全制度`, "- 一项": `\- 一项`, "2025年": "2025年", "普通": "普通"} {
		if got := mdParagraph(in); got != want {
			t.Errorf("mdParagraph(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExportFile(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := t.TempDir()
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	draft := filepath.Join(dir, "报告.yaml")
	if err := r.Save(draft); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "报告.docx")
	if _, err := ExportFile(out, FormatDOCX, tpl, r, Options{}, false); err != nil {
		t.Fatal(err)
	}
	unzip(t, mustRead(t, out))
	// Its own unchanged export is replaced without asking or a backup.
	if bak, err := ExportFile(out, FormatDOCX, tpl, r, Options{}, false); err != nil || bak != "" {
		t.Fatalf("re-export: %q, %v", bak, err)
	}

	// Edited by hand in Word after the export: refused, untouched.
	edited := append(mustRead(t, out), "手工修改"...)
	os.WriteFile(out, edited, 0o644)
	_, err := ExportFile(out, FormatDOCX, tpl, r, Options{}, false)
	var oe *OverwriteError
	if !errors.As(err, &oe) || !oe.Changed || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("want OverwriteError, got %v", err)
	}
	if !bytes.Equal(mustRead(t, out), edited) {
		t.Error("refused export still touched the file")
	}
	// Forced: the edited file is kept as a backup.
	bak, err := ExportFile(out, FormatDOCX, tpl, r, Options{}, true)
	if err != nil || bak != out+".bak" || !bytes.Equal(mustRead(t, bak), edited) {
		t.Fatalf("force: backup %q, %v", bak, err)
	}

	// A file nianbao never wrote, however old, is not replaced.
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("别的文件"), 0o644)
	past := mustStat(t, draft).ModTime().Add(-3600e9)
	os.Chtimes(notes, past, past)
	if _, err := ExportFile(notes, FormatText, tpl, r, Options{}, false); !errors.As(err, &oe) || oe.Changed {
		t.Fatalf("unrelated file: %v", err)
	}
	if string(mustRead(t, notes)) != "别的文件" {
		t.Error("unrelated file replaced")
	}
	if _, err := ExportFile(draft, FormatText, tpl, r, Options{}, true); err == nil {
		t.Error("exporting over the draft itself must fail, even with force")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 { // draft, docx, its backup, notes
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustStat(t *testing.T, path string) os.FileInfo {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func BenchmarkExportDocx(b *testing.B) {
	tpl, r := load(b, filepath.Join("testdata", "sample.yaml"))
	if p, ok := fixtures(b)["example"]; ok {
		tpl, r = load(b, p)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := DOCX(&buf, tpl, r, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
