package ingest

import (
	"bytes"
	"testing"

	"nianbao/model"
	"nianbao/render"
)

// FuzzImportExport starts from nianbao's own exports, so the fuzzer mutates
// the carried data (custom properties, JSON block, front matter, trailer)
// as well as the text: any mutation must give a draft or a clear error.
func FuzzImportExport(f *testing.F) {
	const sample = "../examples/sample-report.yaml"
	r, err := model.LoadReport(sample)
	if err != nil {
		f.Fatal("the shipped example draft cannot be loaded:", err)
	}
	tpl := loadTemplate(f, r.Template.ID)
	for _, format := range render.CarryingFormats {
		var buf bytes.Buffer
		if err := render.Write(&buf, format, tpl, r, render.Options{}); err != nil {
			f.Fatal(err)
		}
		f.Add("a"+format.Ext(), buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := Read(name, data)
		if err != nil {
			return
		}
		if _, err := Import(doc, tpl); err != nil {
			t.Fatal(err)
		}
	})
}
