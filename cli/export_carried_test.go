package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"nianbao/exportdata"
	"nianbao/model"
	"nianbao/render"
)

// carriedDrafts are the drafts every export round trip is tried on: the
// example, one whose counts are phrased so that re-reading the prose
// misses every one of them, and that one again with a signature and date
// the importer does not recognise by their form.
var carriedDrafts = []string{"../examples/sample-report.yaml", "testdata/unusual-counts.yaml", "testdata/odd-signature.yaml",
	"testdata/incomplete.yaml", "testdata/rates-in-text.yaml"}

// checkOutcome is what must agree between a draft and its exports.
type checkOutcome struct {
	Verdict      string
	Completeness float64
	Findings     []string
}

// lineRef is a location inside a message ("如第 9 行“…”"): documents name
// lines, drafts name sections, and that is the one place they may differ.
// Parts are named by their printed numbers in both.
var lineRef = regexp.MustCompile(`第 \d+ 行`)

func checkJSON(t *testing.T, path string) checkOutcome {
	t.Helper()
	_, out, errOut := run(t, "check", "--format", "json", path)
	var rep checkReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Files) != 1 {
		t.Fatalf("check %s: %v\n%s\n%s", path, err, out, errOut)
	}
	f := rep.Files[0]
	if f.Verdict == "unreadable" {
		t.Fatalf("check %s: unreadable: %s", path, f.Error)
	}
	o := checkOutcome{Verdict: f.Verdict, Completeness: *f.Completeness}
	num := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	for _, x := range f.Findings {
		o.Findings = append(o.Findings, fmt.Sprintf("%s|%s|%s|%s|%s|%s|%d|%s", x.Rule, x.Severity, x.Section, x.Figure,
			num(x.Stated), num(x.Computed), x.Count, lineRef.ReplaceAllString(x.Message, "")))
	}
	sort.Strings(o.Findings)
	return o
}

func joined(findings []string) string { return strings.Join(findings, "\n") }

func exportTo(t *testing.T, draft string, f render.Format, flags ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), strings.TrimSuffix(filepath.Base(draft), ".yaml")+f.Ext())
	args := append(append([]string{"export", "--force"}, flags...), "-o", out, draft)
	if code, _, errOut := run(t, args...); code != ExitOK {
		t.Fatalf("export %s: %d %s", out, code, errOut)
	}
	return out
}

// TestCheckOfExportEqualsCheckOfDraft is the promise of issue 15: the
// office that checks the .docx (or .md, .html, .txt) it received gets the
// verdict, the completeness and the findings the drafter got.
func TestCheckOfExportEqualsCheckOfDraft(t *testing.T) {
	for _, draft := range carriedDrafts {
		want := checkJSON(t, draft)
		for _, f := range render.CarryingFormats {
			t.Run(filepath.Base(draft)+"/"+string(f), func(t *testing.T) {
				got := checkJSON(t, exportTo(t, draft, f))
				if got.Verdict != want.Verdict || got.Completeness != want.Completeness {
					t.Errorf("export: %s %v%%, draft: %s %v%%", got.Verdict, got.Completeness, want.Verdict, want.Completeness)
				}
				if g, w := joined(got.Findings), joined(want.Findings); g != w {
					t.Errorf("findings differ\nexport:\n  %s\ndraft:\n  %s", strings.Join(got.Findings, "\n  "), strings.Join(want.Findings, "\n  "))
				}
			})
		}
	}
}

// TestRatesInTextReportedOnce: the three wrong rates of rates-in-text.yaml
// are each reported once, by the prose rules, in the draft (and so, by
// TestCheckOfExportEqualsCheckOfDraft, in every export). The appearance
// rate was reported twice: the figure reader splits its sentence at ；, the
// prose rules do not, and the two readings were not taken for one.
func TestRatesInTextReportedOnce(t *testing.T) {
	got := checkJSON(t, "testdata/rates-in-text.yaml")
	for _, stated := range []string{"15", "90", "20.9"} {
		n := 0
		for _, f := range got.Findings {
			// rule|severity|section|figure|stated|…
			if fields := strings.Split(f, "|"); fields[4] == stated {
				n++
			}
		}
		if n != 1 {
			t.Errorf("the rate stated as %s%% reported %d times, want once:\n  %s", stated, n, strings.Join(got.Findings, "\n  "))
		}
	}
}

// TestExportOfInconsistentDraft: a draft whose figure field disagrees with
// its own sentence (field 150, text 143) is exported unchanged. That is the
// draft's inconsistency, not an edit after the export: the export's check
// is still the draft's, with no export.edited finding.
func TestExportOfInconsistentDraft(t *testing.T) {
	data, err := os.ReadFile("../examples/sample-report.yaml")
	if err != nil {
		t.Fatal("the shipped example draft is missing:", err)
	}
	data = []byte(strings.Replace(string(data), "legality_reviews: 143", "legality_reviews: 150", 1))
	draft := filepath.Join(t.TempDir(), "inconsistent.yaml")
	if err := os.WriteFile(draft, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want := checkJSON(t, draft)
	for _, f := range render.CarryingFormats {
		got := checkJSON(t, exportTo(t, draft, f))
		if got.Verdict != want.Verdict || got.Completeness != want.Completeness ||
			joined(got.Findings) != joined(want.Findings) {
			t.Errorf("%s: export %s %v%% %v, draft %s %v%% %v", f, got.Verdict, got.Completeness, got.Findings,
				want.Verdict, want.Completeness, want.Findings)
		}
		out := filepath.Join(t.TempDir(), "back.yaml")
		if code, _, errOut := run(t, "import", "-o", out, exportTo(t, draft, f)); code != ExitOK {
			t.Fatalf("import: %s", errOut)
		}
		back, err := model.LoadReport(out)
		if err != nil {
			t.Fatal(err)
		}
		if n := back.Figures["legality_reviews"]; n.Value != 150 {
			t.Errorf("%s: legality_reviews %v, the draft's field is 150", f, n.Text)
		}
	}
}

// TestExportWithoutCarriedDataDiffers is the control: the same export with
// its carried data taken out is checked on its prose alone, and for the
// draft with unusually phrased counts that loses the figures. So the
// equality above is the carried data's doing, not re-reading the prose.
func TestExportWithoutCarriedDataDiffers(t *testing.T) {
	draft := "testdata/unusual-counts.yaml"
	want := checkJSON(t, draft)
	for _, f := range render.CarryingFormats {
		t.Run(string(f), func(t *testing.T) {
			path := exportTo(t, draft, f, "--with-contact")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, stripCarried(t, f, data), 0o644); err != nil {
				t.Fatal(err)
			}
			got := checkJSON(t, path)
			if got.Completeness >= want.Completeness {
				t.Errorf("without carried data completeness %v%%, with %v%%: the prose alone should miss the figures", got.Completeness, want.Completeness)
			}
			if !strings.Contains(strings.Join(got.Findings, "\n"), "figure.not-found") {
				t.Errorf("no figure.not-found without the carried data:\n%s", strings.Join(got.Findings, "\n"))
			}
		})
	}
}

// stripCarried removes the carried data from an export the way a tool
// unaware of it might.
func stripCarried(t *testing.T, f render.Format, data []byte) []byte {
	t.Helper()
	switch f {
	case render.FormatDOCX:
		return rezip(t, data, func(name string, b []byte) ([]byte, bool) {
			return b, name != exportdata.DocxPartName
		})
	case render.FormatHTML:
		return regexp.MustCompile(`<script type="application/json"[^>]*>.*?</script>\n`).ReplaceAll(data, nil)
	case render.FormatMarkdown:
		s := string(data)
		end := strings.Index(s[4:], "\n---\n")
		return []byte(s[4+end+5:])
	case render.FormatText:
		s := string(data)
		return []byte(s[:strings.Index(s, "=====")])
	}
	t.Fatalf("format %s", f)
	return nil
}

// rezip rewrites a zip, passing every entry through edit (which may drop it).
func rezip(t *testing.T, data []byte, edit func(name string, b []byte) ([]byte, bool)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		b, keep := edit(f.Name, b)
		if !keep {
			continue
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}

// TestImportOfExportKeepsDraftData: the contact line, the year, the date
// as the drafter wrote it, the template version and every figure survive
// export and import in every format (the contact was lost in all of them).
// The contact travels only in the copy submitted upward (--with-contact);
// TestPublishedExportCarriesNoContact holds the other side.
func TestImportOfExportKeepsDraftData(t *testing.T) {
	for _, draft := range carriedDrafts {
		orig, err := model.LoadReport(draft)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range render.CarryingFormats {
			t.Run(filepath.Base(draft)+"/"+string(f), func(t *testing.T) {
				exp := exportTo(t, draft, f, "--with-contact")
				out := filepath.Join(t.TempDir(), "back.yaml")
				if code, _, errOut := run(t, "import", "-o", out, exp); code != ExitOK {
					t.Fatalf("import: %d %s", code, errOut)
				} else if !strings.Contains(errOut, "使用了文件附带的草稿数据") {
					t.Errorf("import does not say it used the carried data:\n%s", errOut)
				}
				back, err := model.LoadReport(out)
				if err != nil {
					t.Fatal(err)
				}
				if back.Contact != orig.Contact || orig.Contact == "" {
					t.Errorf("contact %q, draft %q", back.Contact, orig.Contact)
				}
				if back.Unit != orig.Unit || back.Year != orig.Year || back.Date != orig.Date || back.Title != orig.Title {
					t.Errorf("metadata %q %d %q %q, draft %q %d %q %q", back.Unit, back.Year, back.Date, back.Title,
						orig.Unit, orig.Year, orig.Date, orig.Title)
				}
				if back.Template != orig.Template {
					t.Errorf("template %+v, draft %+v", back.Template, orig.Template)
				}
				if len(back.Figures) != len(orig.Figures) {
					t.Errorf("%d figures, draft has %d", len(back.Figures), len(orig.Figures))
				}
				for id, n := range orig.Figures {
					if b, ok := back.Figures[id]; !ok || b.Value != n.Value {
						t.Errorf("figure %s = %v, draft %v", id, b.Text, n.Text)
					}
				}
				for id, text := range orig.Sections {
					if exportdata.Digest(back.Text(id)) != exportdata.Digest(text) {
						t.Errorf("section %s:\n got %q\nwant %q", id, back.Text(id), text)
					}
				}
			})
		}
	}
}

// editVisible replaces text on the page of an export, leaving the carried
// data alone, as a drafter editing the file in Word or a text editor does.
func editVisible(t *testing.T, f render.Format, data []byte, old, new string) []byte {
	t.Helper()
	replace := func(s string) string {
		if !strings.Contains(s, old) {
			t.Fatalf("%s export lacks %q", f, old)
		}
		return strings.ReplaceAll(s, old, new)
	}
	switch f {
	case render.FormatDOCX:
		return rezip(t, data, func(name string, b []byte) ([]byte, bool) {
			if name == "word/document.xml" {
				return []byte(replace(string(b))), true
			}
			return b, true
		})
	case render.FormatHTML:
		s := string(data)
		i := strings.Index(s, "<body>")
		return []byte(s[:i] + replace(s[i:]))
	case render.FormatMarkdown:
		s := string(data)
		i := strings.Index(s[4:], "\n---\n") + 9
		return []byte(s[:i] + replace(s[i:]))
	case render.FormatText:
		s := string(data)
		i := strings.Index(s, "=====")
		return []byte(replace(s[:i]) + s[i:])
	}
	t.Fatalf("format %s", f)
	return nil
}

// TestEditedExportTextWins: a figure and the date changed on the page
// after the export. check and import follow the page, and check reports
// each disagreement with both values.
func TestEditedExportTextWins(t *testing.T) {
	const draft = "../examples/sample-report.yaml"
	for _, f := range render.CarryingFormats {
		t.Run(string(f), func(t *testing.T) {
			path := exportTo(t, draft, f, "--with-contact")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			data = editVisible(t, f, data, "合法性审查143件", "合法性审查150件")
			data = editVisible(t, f, data, "2026年2月20日", "2026年2月25日")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			got := checkJSON(t, path)
			want := []string{
				"export.edited|warning|decisions|legality_reviews|-|-|0|数字“合法性审查件数”导出时为 143件，正文现写作 150件；以正文为准",
				"export.edited|warning|decisions||-|-|0|章节“（二）推进行政决策科学化、民主化、法治化”的正文在导出后改过，以正文为准",
				"export.edited|warning|||-|-|0|成文日期在导出后改过：导出时为“2026年2月20日”，现为“2026年2月25日”；以正文为准",
			}
			all := strings.Join(got.Findings, "\n")
			for _, w := range want {
				if !strings.Contains(all, w) {
					t.Errorf("missing finding %s\nin:\n%s", w, all)
				}
			}
			if n := strings.Count(all, "export.edited"); n != len(want) {
				t.Errorf("%d export.edited findings, want %d:\n%s", n, len(want), all)
			}
			if got.Verdict != "passed" {
				t.Errorf("verdict %s: the edits are warnings", got.Verdict)
			}

			out := filepath.Join(t.TempDir(), "back.yaml")
			code, _, errOut := run(t, "import", "-o", out, path)
			if code != ExitOK {
				t.Fatalf("import: %d %s", code, errOut)
			}
			if !strings.Contains(errOut, "以正文为准") || !strings.Contains(errOut, "143") || !strings.Contains(errOut, "150") {
				t.Errorf("import does not report the edits:\n%s", errOut)
			}
			back, err := model.LoadReport(out)
			if err != nil {
				t.Fatal(err)
			}
			if n := back.Figures["legality_reviews"]; n.Value != 150 {
				t.Errorf("legality_reviews = %v, the page says 150", n.Text)
			}
			if back.Date != "2026年2月25日" {
				t.Errorf("date %q, the page says 2026年2月25日", back.Date)
			}
			if back.Figures["penalty_cases"].Value != 1286 || back.Contact == "" {
				t.Errorf("unedited data lost: penalty_cases %v, contact %q", back.Figures["penalty_cases"].Text, back.Contact)
			}
		})
	}
}

// TestEditedTitle: a title retyped after the export wins, with its year;
// the unit stays the one the signature line still shows.
func TestEditedTitle(t *testing.T) {
	const draft = "../examples/sample-report.yaml"
	for _, f := range render.CarryingFormats {
		path := exportTo(t, draft, f)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if f == render.FormatDOCX {
			// Word holds the balanced title as two lines.
			data = editVisible(t, f, data, "云溪县人民政府2025年度", "云溪县2024年度")
			data = editVisible(t, f, data, "法治政府建设情况报告", "法治政府建设工作报告")
		} else {
			data = editVisible(t, f, data, "云溪县人民政府2025年度法治政府建设情况报告", "云溪县2024年度法治政府建设工作报告")
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(checkJSON(t, path).Findings, "\n")
		want := "export.edited|warning|||-|-|0|标题在导出后改过：导出时为“云溪县人民政府2025年度法治政府建设情况报告”，现为“云溪县2024年度法治政府建设工作报告”；以正文为准"
		if !strings.Contains(got, want) {
			t.Errorf("%s: missing %s in\n%s", f, want, got)
		}
		out := filepath.Join(t.TempDir(), "back.yaml")
		if code, _, errOut := run(t, "import", "-o", out, path); code != ExitOK {
			t.Fatalf("import: %s", errOut)
		}
		back, err := model.LoadReport(out)
		if err != nil {
			t.Fatal(err)
		}
		if back.Title != "云溪县2024年度法治政府建设工作报告" || back.Year != 2024 || back.Unit != "云溪县人民政府" {
			t.Errorf("%s: title %q year %d unit %q", f, back.Title, back.Year, back.Unit)
		}
	}
}

// TestPublishedExportCarriesNoContact: without --with-contact no export
// holds the contact, on the page or in the carried data, so a copy put on
// the portal leaks no name or phone number out of sight.
func TestPublishedExportCarriesNoContact(t *testing.T) {
	draft := carriedDrafts[0]
	orig, err := model.LoadReport(draft)
	if err != nil {
		t.Fatal(err)
	}
	if orig.Contact == "" {
		t.Fatal("the first carried draft needs a contact for this test")
	}
	for _, f := range render.CarryingFormats {
		exp := exportTo(t, draft, f)
		data := readAll(t, exp)
		for _, part := range strings.Fields(orig.Contact) {
			if len([]rune(part)) >= 2 && strings.Contains(data, part) {
				t.Errorf("%s export without --with-contact holds %q of the contact", f, part)
			}
		}
	}
}

// readAll is a file's whole content as text; for a .docx, every part of
// the package, so data out of sight is searched too.
func readAll(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, ".docx") {
		return string(data)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		b.Write(part)
	}
	return b.String()
}

// TestImportedReportsCheckAsTheirExports: a report written outside
// nianbao, imported and exported again, gets from the office's check the
// verdict, completeness and rules its own text got. The run-in headings
// nianbao prints ("（一）……。1.……") once made every export of a report
// with numbered items warn that its "2." lacked a "1.". The reports are
// the accuracy harness's and the corpus's (skipped when ../shared is
// absent); messages may differ in counts and lines, since import drops a
// web page's leftovers. One difference is intended: a required figure the
// import could not read is blank in the draft, an error in the editor, and
// so an error in the export's check (the editor's verdict), where the
// original document only had figure.not-found's warning.
func TestImportedReportsCheckAsTheirExports(t *testing.T) {
	reports, _ := filepath.Glob("../accuracy/testdata/*.txt")
	// One of ours with numbered items under its second-level headings.
	county, err := os.ReadFile("../accuracy/testdata/county.txt")
	if err != nil {
		t.Fatal(err)
	}
	numbered := strings.NewReplacer("（一）依法全面履行政府职能\n", "（一）依法全面履行政府职能\n1.",
		"企业开办时间压缩到一个工作日以内，", "企业开办时间压缩到一个工作日以内。\n2.").Replace(string(county))
	reports = append(reports, writeFile(t, filepath.Join(t.TempDir(), "numbered.txt"), []byte(numbered)))
	corpus, _ := filepath.Glob("../../shared/corpus/*.txt")
	if len(corpus) == 0 {
		t.Log("../shared/corpus absent: only our own reports")
	}
	for _, report := range append(reports, corpus...) {
		name := filepath.Base(report)
		draft := filepath.Join(t.TempDir(), strings.TrimSuffix(name, ".txt")+".yaml")
		if code, _, errOut := run(t, "import", "-o", draft, report); code != ExitOK {
			t.Fatalf("import %s: %d %s", name, code, errOut)
		}
		want, editor := checkJSON(t, report), checkJSON(t, draft)
		blankInDraft := strings.NewReplacer("figure.not-found|warning", "figure.missing|error")
		for _, f := range render.CarryingFormats {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				got := checkJSON(t, exportTo(t, draft, f))
				if got.Verdict != editor.Verdict || got.Completeness != want.Completeness {
					t.Errorf("export: %s %v%%, original: %s %v%%, editor: %s", got.Verdict, got.Completeness,
						want.Verdict, want.Completeness, editor.Verdict)
				}
				if g, w := ruleSet(got), blankInDraft.Replace(ruleSet(want)); g != w {
					t.Errorf("rules differ\nexport:   %s\noriginal: %s", g, w)
				}
			})
		}
	}
}

// ruleSet is the rules and severities of an outcome's findings, each once.
func ruleSet(o checkOutcome) string {
	seen := map[string]bool{}
	var out []string
	for _, f := range o.Findings {
		parts := strings.SplitN(f, "|", 3)
		if k := parts[0] + "|" + parts[1]; !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestExportNamesPartsAsPrinted: the draft leaves the optional first
// subsection empty, so its export prints 深入推进法治宣传教育 as （四）, not
// as its place in the template (（五）). The drafter's check and the
// office's check of every export name the part as the page does (and as
// the editor's outline numbers it).
func TestExportNamesPartsAsPrinted(t *testing.T) {
	const draft = "testdata/unusual-counts.yaml"
	short := func(o checkOutcome) string {
		for _, f := range o.Findings {
			if strings.HasPrefix(f, "section.short|warning|publicity|") {
				return f
			}
		}
		return ""
	}
	if f := short(checkJSON(t, draft)); !strings.Contains(f, "“（四）深入推进法治宣传教育”") {
		t.Errorf("draft: %q", f)
	}
	for _, f := range render.CarryingFormats {
		if got := short(checkJSON(t, exportTo(t, draft, f))); !strings.Contains(got, "“（四）深入推进法治宣传教育”") {
			t.Errorf("%s: %q", f, got)
		}
	}
}

// TestBlankFigureOfEditedSection: a required figure the draft left blank
// is the draft's error in an export whose section reads as exported, and
// only figure.not-found's warning once the section's text was edited after
// the export: the added words may state it in a way the importer does not
// read.
func TestBlankFigureOfEditedSection(t *testing.T) {
	out := exportTo(t, "testdata/incomplete.yaml", render.FormatText)
	rules := func(path string) map[string]string {
		got := map[string]string{}
		for _, f := range checkJSON(t, path).Findings {
			p := strings.Split(f, "|")
			if p[3] != "" {
				got[p[3]] = p[0] + "|" + p[1]
			}
		}
		return got
	}
	if got := rules(out)["publicity_events"]; got != "figure.missing|error" {
		t.Errorf("unedited export: publicity_events %q, want the draft's figure.missing error", got)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "全年共受理人民调解案件86件", "全年开展“八五”普法宣讲若干，全年共受理人民调解案件86件", 1)
	if edited == string(data) {
		t.Fatal("the disputes sentence is not in the export")
	}
	if err := os.WriteFile(out, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	got := rules(out)
	if got["litigation_cases"] != "figure.not-found|warning" {
		t.Errorf("edited section: litigation_cases %q, want figure.not-found warning", got["litigation_cases"])
	}
	if got["publicity_events"] != "figure.missing|error" {
		t.Errorf("other, unedited section: publicity_events %q, want figure.missing error", got["publicity_events"])
	}
}
