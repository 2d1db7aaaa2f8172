package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"nianbao/exportdata"
	"nianbao/model"
	"nianbao/render"
)

func sampleExport(t *testing.T, f render.Format) (*model.Report, *model.Template, []byte) {
	t.Helper()
	const sample = "../examples/sample-report.yaml"
	if _, err := os.Stat(sample); err != nil {
		t.Fatal("the shipped example draft is missing:", err)
	}
	r, err := model.LoadReport(sample)
	if err != nil {
		t.Fatal(err)
	}
	tpl := loadTemplate(t, r.Template.ID)
	var buf bytes.Buffer
	if err := render.Write(&buf, f, tpl, r, render.Options{}); err != nil {
		t.Fatal(err)
	}
	return r, tpl, buf.Bytes()
}

// replacePart rewrites one zip entry (or adds it), keeping the rest.
func replacePart(t *testing.T, data []byte, name string, content []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	w.Write(content)
	zw.Close()
	return buf.Bytes()
}

// TestDamagedCarriedData: data that cannot be used is reported, and the
// file is read by its visible text as any other document; nothing panics,
// nothing is guessed from the damaged data.
func TestDamagedCarriedData(t *testing.T) {
	_, tpl, docx := sampleExport(t, render.FormatDOCX)
	_, _, txt := sampleExport(t, render.FormatText)
	_, _, md := sampleExport(t, render.FormatMarkdown)
	bomb := bytes.Repeat([]byte("<"), 10*exportdata.MaxSize)
	cases := map[string]struct {
		name string
		data []byte
		want string
	}{
		"docx garbage":     {"a.docx", replacePart(t, docx, exportdata.DocxPartName, []byte("<Properties><property name=\"nianbao-draft-parts\"><vt:lpwstr>1</vt:lpwstr></property><property name=\"nianbao-draft-001\"><vt:lpwstr>nianbao: 1\nfigures: [</vt:lpwstr></property></Properties>")), "附带的草稿数据无法使用"},
		"docx bomb":        {"a.docx", replacePart(t, docx, exportdata.DocxPartName, bomb), "过大"},
		"docx newer":       {"a.docx", replacePart(t, docx, exportdata.DocxPartName, exportdata.DocxCustomXML([]byte("nianbao: 7\nunit: 某县\n"))), "请升级"},
		"txt cut trailer":  {"a.txt", txt[:bytes.Index(txt, []byte("figures:"))], "缺少结束标记"},
		"md newer version": {"a.md", bytes.Replace(md, []byte("nianbao: 1\n"), []byte("nianbao: 2\n"), 1), "请升级"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			doc, err := Read(c.name, c.data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Carried != nil || doc.CarriedErr == nil || !strings.Contains(doc.CarriedErr.Error(), c.want) {
				t.Fatalf("carried %v, error %v; want an error saying %q", doc.Carried, doc.CarriedErr, c.want)
			}
			res, err := Import(doc, tpl)
			if err != nil {
				t.Fatal(err)
			}
			if res.Carried || len(res.Edits) != 1 || res.Edits[0].Kind != exportdata.EditUnreadable {
				t.Errorf("edits %+v", res.Edits)
			}
			if res.Report.Contact != "" {
				t.Errorf("contact %q taken from damaged data", res.Report.Contact)
			}
		})
	}
}

// TestCarriedTemplate: an export names its template, so import and check
// use it without guessing from the reporting unit.
func TestCarriedTemplate(t *testing.T) {
	for _, f := range render.CarryingFormats {
		_, _, data := sampleExport(t, f)
		doc, err := Read("a"+f.Ext(), data)
		if err != nil {
			t.Fatal(err)
		}
		if got := doc.CarriedTemplate(); got != "standard" {
			t.Errorf("%s: carried template %q", f, got)
		}
	}
	doc, err := Read("a.txt", []byte("某县2025年度法治政府建设情况报告\n\n一、主要举措\n正文。\n"))
	if err != nil || doc.CarriedTemplate() != "" || doc.Carried != nil || doc.CarriedErr != nil {
		t.Errorf("plain text: %v %v", doc, err)
	}
}

// TestHTMLExportReads: nianbao's own page is read block by block, at its
// source lines; a portal page is still refused with advice.
func TestHTMLExportReads(t *testing.T) {
	_, _, page := sampleExport(t, render.FormatHTML)
	doc, err := Read("a.html", page)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Split(string(page), "\n")
	for i, l := range doc.Lines {
		if l.No != i+1 {
			t.Fatalf("line %d numbered %d", i+1, l.No)
		}
		if l.Text != "" && !strings.Contains(strings.ReplaceAll(src[l.No-1], "&amp;", "&"), l.Text[:min(len(l.Text), 12)]) {
			t.Errorf("line %d %q is not on source line %d: %q", l.No, l.Text, l.No, src[l.No-1])
		}
		if strings.Contains(l.Text, "nianbao") || strings.Contains(l.Text, "{") {
			t.Errorf("hidden content read as text: %q", l.Text)
		}
	}
	// A portal's page is no export: it is read as a saved web page, by its
	// article, and carries no draft data.
	if doc, err := Read("portal.html", []byte("<!DOCTYPE html><html><body><p>首页 › 政务公开</p><p>全年审结行政复议案件23件，纠错2件。</p></body></html>")); err != nil || doc.CarriedTemplate() != "" {
		t.Errorf("portal page: %v", err)
	}
}

// TestHostileHTMLExport: a page that names nianbao as its generator gets
// the bounds every document gets.
func TestHostileHTMLExport(t *testing.T) {
	head := `<!DOCTYPE html><html><head><meta name="generator" content="nianbao"></head><body>`
	for name, page := range map[string]string{
		"blank lines":  head + strings.Repeat("\n", MaxLines+5) + "<p>正文</p>",
		"many blocks":  head + strings.Repeat("<p>段</p>\n", MaxLines+5),
		"too large":    head + strings.Repeat("<p>正文正文正文</p>", MaxTextSize/20),
		"unclosed tag": head + "<p>正文<" + strings.Repeat("a", 1<<16),
	} {
		doc, err := Read("a.html", []byte(page))
		switch name {
		case "unclosed tag":
			if err != nil || len(doc.Lines) == 0 {
				t.Errorf("%s: %v", name, err)
			}
		default:
			if err == nil {
				t.Errorf("%s: accepted", name)
			} else if !strings.Contains(err.Error(), "上限") {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
}
