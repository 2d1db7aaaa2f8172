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
	"strings"
	"testing"
	"unicode/utf8"

	"nianbao/model"
	"nianbao/render"
)

// slowTokens is what xmlTokens handed fn before fastXML: encoding/xml's
// tokens (comments and processing instructions left out, as every reader
// of them ignores those), or the error.
func slowTokens(data []byte) ([]string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = charsetReader
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
	ok, _ := fastXML(data, func(tok *xmlToken, depth int) error {
		out = append(out, describe(standardToken(tok), depth))
		return nil
	})
	return out, ok
}

// standardToken is tok as encoding/xml would give it.
func standardToken(tok *xmlToken) xml.Token {
	switch tok.Kind {
	case xmlStart:
		return xml.StartElement{Name: tok.Name, Attr: tok.Attr}
	case xmlEnd:
		return xml.EndElement{Name: tok.Name}
	}
	return xml.CharData(tok.Text)
}

// sameTokens fails when fastXML reads data at all and reads it otherwise
// than encoding/xml: it may decline any document, never misread one.
func sameTokens(t *testing.T, name string, data []byte) (taken bool) {
	t.Helper()
	fast, ok := fastTokens(data)
	if !ok {
		return false
	}
	slow, err := slowTokens(data)
	if err != nil {
		t.Fatalf("%s: fastXML read a document encoding/xml refuses (%v):\n%q", name, err, data)
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
		t.Errorf("fastXML read only %d of %d real parts: it declines what it should read", taken, len(parts))
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

// Random documents over XML's own alphabet: whatever fastXML reads, it
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

// plainXMLDefinition is what plainXMLBytes decides, in three passes.
func plainXMLDefinition(data []byte) bool {
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' {
			return false
		}
	}
	return utf8.Valid(data) && !bytes.Contains(data, []byte("\xef\xbf\xbe")) && !bytes.Contains(data, []byte("\xef\xbf\xbf"))
}

func TestPlainXMLBytesEqualsDefinition(t *testing.T) {
	for name, data := range realXMLParts(t) {
		if plainXMLBytes(data) != plainXMLDefinition(data) {
			t.Errorf("%s: plainXMLBytes %v", name, plainXMLBytes(data))
		}
	}
	// Random bytes around the boundaries that matter: control characters,
	// every lead byte, continuation bytes, U+FFFD/FFFE/FFFF, surrogates,
	// overlong forms, at every alignment against the eight-byte steps.
	pieces := []string{"a", "<w:t>", "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "法", "，", "\xef\xbf\xbd",
		"\xef\xbf\xbe", "\xef\xbf\xbf", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\xaf", "\xe0\xa0\x80",
		"\xc2\xa0", "\xc0\xaf", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\x80", "\xbf", "\xef", "\xe5\x9b", "\xff"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		data := []byte(randomText(rng, pieces, rng.IntN(20)))
		if plainXMLBytes(data) != plainXMLDefinition(data) {
			t.Fatalf("%q: plainXMLBytes %v", data, plainXMLBytes(data))
		}
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
		t.Error("fastXML took an element with 70 attributes")
	}
	if _, ok := fastTokens([]byte(`<a x="1" y="2"/>`)); !ok {
		t.Error("fastXML declined an ordinary element")
	}
}
