package ingest

import (
	"bytes"
	"os"
	"testing"

	"nianbao/model"
	"nianbao/render"
)

// TestRoundTrip exports the sample draft with render and imports it back:
// every section's prose and every figure the prose states must come back
// unchanged, whatever the format.
func TestRoundTrip(t *testing.T) {
	const sample = "../examples/sample-report.yaml"
	if _, err := os.Stat(sample); err != nil {
		t.Fatal("the shipped example draft is missing:", err)
	}
	orig, err := model.LoadReport(sample)
	if err != nil {
		t.Fatal(err)
	}
	tpl := loadTemplate(t, orig.Template.ID)
	for _, f := range []render.Format{render.FormatMarkdown, render.FormatText, render.FormatDOCX} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := render.Write(&buf, f, tpl, orig, render.Options{}); err != nil {
				t.Fatal(err)
			}
			doc, err := Read("sample"+f.Ext(), buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			res, err := Import(doc, tpl)
			if err != nil {
				t.Fatal(err)
			}
			r := res.Report
			if r.Unit != orig.Unit || r.Year != orig.Year || r.DisplayTitle(tpl) != orig.DisplayTitle(tpl) {
				t.Errorf("metadata: %q %d %q", r.Unit, r.Year, r.DisplayTitle(tpl))
			}
			if r.Date != orig.Date {
				t.Errorf("date %q, want %q", r.Date, orig.Date)
			}
			for _, s := range tpl.Flatten() {
				if got, want := r.Text(s.ID), orig.Text(s.ID); got != want {
					t.Errorf("section %s:\n got %q\nwant %q", s.ID, got, want)
				}
			}
			if r.Unmatched != "" {
				t.Errorf("unmatched %q", r.Unmatched)
			}
			for id, n := range r.Figures {
				if want, ok := orig.Figures[id]; !ok || want.Value != n.Value {
					t.Errorf("figure %s = %v, draft has %v", id, n.Value, want.Value)
				}
			}
			// Every figure of the draft is stated in its prose except the
			// audience ("覆盖群众12.6万人次" does not say 普法 in its clause,
			// and a guess would be as likely wrong as right).
			for id := range orig.Figures {
				if _, ok := r.Figures[id]; !ok && id != "publicity_audience" {
					t.Errorf("figure %s not read back", id)
				}
			}
		})
	}
}
