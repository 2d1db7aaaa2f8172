package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nianbao/internal/xmlscan"
	"nianbao/model"
	"nianbao/render"
)

// slowTokens is what xmlTokens handed fn before xmlscan.Fast: encoding/xml's
// tokens (comments and processing instructions left out, as every reader
// of them ignores those), or the error.
func slowTokens(data []byte) ([]string, error) {
	dec := xmlscan.NewDecoder(data, charsetReader)
	var out []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if depth != 0 {
				return nil, fmt.Errorf("unclosed")
			}
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.Comment, xml.ProcInst:
			continue
		}
		out = append(out, describe(tok, depth))
	}
}

func describe(tok xml.Token, depth int) string {
	switch t := tok.(type) {
	case xml.StartElement:
		return fmt.Sprintf("%d start %q %q", depth, t.Name, t.Attr)
	case xml.EndElement:
		return fmt.Sprintf("%d end %q", depth, t.Name)
	case xml.CharData:
		return fmt.Sprintf("%d text %q", depth, string(t))
	}
	return fmt.Sprintf("%d %T", depth, tok)
}

func fastTokens(data []byte) ([]string, bool) {
	var out []string
	ok, _ := xmlscan.Fast(data, xmlscan.Generous, func(tok *xmlscan.Token, depth int) error {
		out = append(out, describe(standardToken(tok), depth))
		return nil
	})
	return out, ok
}

// standardToken is tok as encoding/xml would give it.
func standardToken(tok *xmlscan.Token) xml.Token {
	switch tok.Kind {
	case xmlscan.Start:
		return xml.StartElement{Name: tok.Name, Attr: tok.Attr}
	case xmlscan.End:
		return xml.EndElement{Name: tok.Name}
	}
	return xml.CharData(tok.Text)
}

// sameTokens fails when xmlscan.Fast reads data at all and reads it otherwise
// than encoding/xml: it may decline any document, never misread one.
func sameTokens(t *testing.T, name string, data []byte) (taken bool) {
	t.Helper()
	walkedSame(t, name, data)
	fast, ok := fastTokens(data)
	if !ok {
		return false
	}
	slow, err := slowTokens(data)
	if err != nil {
		t.Fatalf("%s: xmlscan.Fast read a document encoding/xml refuses (%v):\n%q", name, err, data)
	}
	if !reflect.DeepEqual(fast, slow) {
		for i := range min(len(fast), len(slow)) {
			if fast[i] != slow[i] {
				t.Fatalf("%s: token %d\n fast %s\n slow %s", name, i, fast[i], slow[i])
			}
		}
		t.Fatalf("%s: %d tokens fast, %d slow", name, len(fast), len(slow))
	}
	return true
}

// walkedSame holds xmlscan.Walk, which starts over on encoding/xml when
// Fast declines part-way, to encoding/xml's tokens and its verdict: a
// reader put back by restart sees each token once.
func walkedSame(t *testing.T, name string, data []byte) {
	t.Helper()
	var walked []string
	werr := xmlscan.Walk(data, xmlscan.Generous, charsetReader, func(tok *xmlscan.Token, depth int) error {
		walked = append(walked, describe(standardToken(tok), depth))
		return nil
	}, func() { walked = nil })
	slow, serr := slowTokens(data)
	slow = slices.DeleteFunc(slow, func(s string) bool { return strings.HasSuffix(s, " xml.Directive") }) // Walk hands on no DOCTYPE
	switch {
	case (werr == nil) != (serr == nil):
		t.Fatalf("%s: Walk's error %v, encoding/xml's %v:\n%q", name, werr, serr, data)
	case werr == nil && !slices.Equal(walked, slow):
		t.Fatalf("%s: Walk's tokens\n%q\nencoding/xml's\n%q", name, walked, slow)
	}
}

// The parts of real .docx files: our fixtures, and a nianbao export.
func realXMLParts(t *testing.T) map[string][]byte {
	t.Helper()
	parts := map[string][]byte{}
	docs := map[string][]byte{}
	// nianbao's own export of the shipped example, and the .docx files
	// LibreOffice and others wrote, when the corpus holds any.
	orig, err := model.LoadReport("../examples/sample-report.yaml")
	if err != nil {
		t.Fatal("the shipped example draft is missing:", err)
	}
	var buf bytes.Buffer
	if err := render.Write(&buf, render.FormatDOCX, loadTemplate(t, orig.Template.ID), orig, render.Options{}); err != nil {
		t.Fatal(err)
	}
	docs["export.docx"] = buf.Bytes()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.docx"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[f] = data
	}
	for f, data := range docs {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			continue
		}
		for _, zf := range zr.File {
			if !strings.HasSuffix(zf.Name, ".xml") {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			parts[f+":"+zf.Name] = b
		}
	}
	parts["sample document.xml"] = []byte(sampleDocumentXML)
	parts["sample styles.xml"] = []byte(sampleStylesXML)
	return parts
}

func TestFastXMLEqualsEncodingXML(t *testing.T) {
	taken := 0
	parts := realXMLParts(t)
	for name, data := range parts {
		if sameTokens(t, name, data) {
			taken++
		}
	}
	if taken < len(parts)/2 {
		t.Errorf("xmlscan.Fast read only %d of %d real parts: it declines what it should read", taken, len(parts))
	}
	for _, s := range []string{
		`<a/>`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<a>x</a>\n",
		`<w:d xmlns:w="urn:w"><w:p><w:t xml:space="preserve"> 依法 &amp; 行政 &#x4E00;&#20108;</w:t></w:p></w:d>`,
		`<a b='1' c="2">t<!-- c --><b/>u</a>`, `<a xmlns="urn:d"><b/></a>`, `<a><x:b/></a>`,
		`<a>&nbsp;</a>`, "<a>\r\n</a>", `<a><![CDATA[x]]></a>`, `<!DOCTYPE a><a/>`, `<a><b></a></b>`,
		`<a></a><b/>`, `<a b=1/>`, `<a b="<"/>`, `<a b="1" b="2"/>`, `<a><b xmlns:c="u"/></a>`, `<a>]]></a>`,
		`<?xml version="1.0" encoding="GBK"?><a/>`, `<a>&#0;</a>`, "<a>\x01</a>", "<a>\xff</a>", `<a`, `<a>`, ``,
		`<a:b:c/>`, `<a b:="1"/>`, `<1a/>`, `<a/><!-- after -->`, `<a>x</a>y`,
	} {
		sameTokens(t, s, []byte(s))
	}
}

// Random documents over XML's own alphabet: whatever xmlscan.Fast reads, it
// reads as encoding/xml does.
func TestFastXMLRandom(t *testing.T) {
	pieces := []string{"<a>", "</a>", "<b/>", "<w:t>", "</w:t>", `<w:p w:val="1">`, "</w:p>", "法治", " ", "\n",
		"&amp;", "&lt;", "&#x4E00;", "&x;", "<!--c-->", "<?pi x?>", "'", `"`, "=", ">", "<", "&", "]]>",
		`<r xmlns:w="urn:w">`, "</r>", `<c xml:space="preserve">`, "</c>"}
	rng := rand.New(rand.NewPCG(13, 14))
	taken := 0
	for range 30000 {
		doc := `<r xmlns:w="urn:w">` + randomText(rng, pieces, rng.IntN(12)+1) + "</r>"
		if sameTokens(t, "random", []byte(doc)) {
			taken++
		}
	}
	if taken < 1000 {
		t.Errorf("only %d of 30000 random documents taken by the fast path: the test checks too little", taken)
	}
}

func FuzzFastXML(f *testing.F) {
	f.Add([]byte(sampleDocumentXML))
	f.Add([]byte(`<a b="1">x&amp;y<c/></a>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameTokens(t, "fuzz", data)
	})
}

// A hostile element with very many attributes is left to encoding/xml
// rather than checked for duplicates pairwise.
func TestFastXMLDeclinesManyAttributes(t *testing.T) {
	var b strings.Builder
	b.WriteString("<a")
	for i := range 70 {
		fmt.Fprintf(&b, ` x%d="1"`, i)
	}
	b.WriteString("/>")
	if _, ok := fastTokens([]byte(b.String())); ok {
		t.Error("xmlscan.Fast took an element with 70 attributes")
	}
	if _, ok := fastTokens([]byte(`<a x="1" y="2"/>`)); !ok {
		t.Error("xmlscan.Fast declined an ordinary element")
	}
}
