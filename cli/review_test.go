package cli

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
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
