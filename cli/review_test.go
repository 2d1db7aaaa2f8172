package cli

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/officetest"
	"nianbao/review"
)

// annotation is a comment as LibreOffice read it: who wrote it, what it
// says and the text it is anchored on.
type annotation struct {
	creator, text, anchored string
}

// odtAnnotations converts a .docx with LibreOffice and reads the comments
// back from the OpenDocument it writes.
func odtAnnotations(t *testing.T, docx string) []annotation {
	t.Helper()
	odt := officetest.Convert(t, docx, ".odt")
	zr, err := zip.NewReader(bytes.NewReader(odt), int64(len(odt)))
	if err != nil {
		t.Fatal(err)
	}
	var content []byte
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			rc, _ := f.Open()
			content, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(content))
	var out []annotation
	byName := map[string]int{}
	open := map[int]bool{}
	cur, field := -1, ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("content.xml: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "annotation":
				out = append(out, annotation{})
				cur = len(out) - 1
				for _, a := range e.Attr {
					if a.Name.Local == "name" {
						byName[a.Value] = cur
						open[cur] = true
					}
				}
			case "annotation-end":
				for _, a := range e.Attr {
					if a.Name.Local == "name" {
						delete(open, byName[a.Value])
					}
				}
			case "creator":
				field = "creator"
			case "p":
				if cur >= 0 {
					field = "text"
				}
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "annotation":
				cur, field = -1, ""
			case "creator":
				field = ""
			}
		case xml.CharData:
			switch {
			case cur >= 0 && field == "creator":
				out[cur].creator += string(e)
			case cur >= 0 && field == "text":
				out[cur].text += string(e)
			case cur < 0:
				for i := range open {
					out[i].anchored += string(e)
				}
			}
		}
	}
	return out
}

// TestReviewRoundTripLibreOffice: review writes a .docx for a Word input
// and for a PDF input whose comments LibreOffice shows, by our author, on
// the sentence with the wrong rate.
func TestReviewRoundTripLibreOffice(t *testing.T) {
	isolate(t)
	text := strings.Replace(officeReport, "调解成功率91.67%", "调解成功率98%", 1)
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	writeFile(t, filepath.Join(in, "县司法局.docx"), officetest.ConvertText(t, text, ".docx"))
	writeFile(t, filepath.Join(in, "县财政局.pdf"), officetest.ConvertText(t, text, ".pdf"))
	out := filepath.Join(dir, "退回")
	code, _, errOut := run(t, "review", "-o", out, in)
	if code != 0 {
		t.Fatalf("review: exit %d\n%s", code, errOut)
	}
	for _, name := range []string{"县司法局（审查意见）.docx", "县财政局（审查意见）.docx"} {
		t.Run(name, func(t *testing.T) {
			anns := odtAnnotations(t, filepath.Join(out, name))
			if len(anns) == 0 {
				t.Fatalf("LibreOffice shows no comments:\n%s", errOut)
			}
			found := false
			for _, a := range anns {
				if a.creator != review.Author {
					t.Errorf("comment by %q", a.creator)
				}
				if strings.Contains(a.text, "prose.rate") {
					found = true
					if strings.TrimSpace(a.anchored) != "调解成功率98%" {
						t.Errorf("rate comment anchored on %q", a.anchored)
					}
				}
			}
			if !found {
				t.Errorf("no rate comment among %+v", anns)
			}
		})
	}
}

func TestReviewNeedsOutput(t *testing.T) {
	if code, _, errOut := run(t, "review", "a.docx"); code != ExitInput || !strings.Contains(errOut, "-o") {
		t.Errorf("exit %d %q", code, errOut)
	}
}

// TestReviewOfAltChunkDocx: a .docx whose report is an altChunk (an office
// system's export) has no paragraph of its own to anchor on; review writes
// the text it read with the comments, as for a PDF, instead of failing.
func TestReviewOfAltChunkDocx(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	report := strings.Replace(officeReport, "调解成功率91.67%", "调解成功率9.17%", 1) // a finding to anchor
	var html strings.Builder
	html.WriteString("<html><body>")
	for _, l := range strings.Split(report, "\n") {
		var esc strings.Builder
		xml.EscapeText(&esc, []byte(l))
		html.WriteString("<p>" + esc.String() + "</p>")
	}
	html.WriteString("</body></html>")
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "系统导出.docx"), zipOf(t, map[string][]byte{
		"[Content_Types].xml":          []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"word/document.xml":            []byte(`<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body><w:altChunk r:id="c1"/><w:sectPr/></w:body></w:document>`),
		"word/_rels/document.xml.rels": []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="c1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.html"/></Relationships>`),
		"word/chunk.html":              []byte(html.String()),
	}))
	out := filepath.Join(dir, "退回")
	code, _, errOut := run(t, "review", "-o", out, in)
	if code == ExitInput || !strings.Contains(errOut, "条批注") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(out, "系统导出（审查意见）.docx"))
	if err != nil {
		t.Fatal(err)
	}
	parts := officetest.Unzip(t, data)
	if doc := parts["word/document.xml"]; !strings.Contains(doc, "commentRangeStart") || !strings.Contains(doc, "调解成功率9.17%") {
		t.Errorf("no anchored comment on the text read:\n%.300s", doc)
	}
	if !strings.Contains(parts["word/comments.xml"], "prose.rate") {
		t.Errorf("comments: %.300s", parts["word/comments.xml"])
	}
}
