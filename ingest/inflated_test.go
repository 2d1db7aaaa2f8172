package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"testing"
)

// readThroughZip is an entry as archive/zip's streaming reader gives it.
func readThroughZip(t *testing.T, f *zip.File) ([]byte, error) {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func variedXML(paras int) string {
	var b strings.Builder
	b.WriteString(`<w:document xmlns:w="` + wordNS + `"><w:body>`)
	for i := range paras {
		fmt.Fprintf(&b, `<w:p><w:r><w:t>第%d项：办理行政复议案件%d件，纠错%d件，纠错率%.1f%%。</w:t></w:r></w:p>`, i, i*37%991, i%13, float64(i%13)*100/float64(i*37%991+1))
	}
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// TestInflatedEqualsArchiveZip: every deflated entry of a .docx is read
// by inflate.Decode, and to the bytes archive/zip reads.
func TestInflatedEqualsArchiveZip(t *testing.T) {
	parts := docxParts(variedXML(2000), sampleStylesXML)
	parts["word/footer1.xml"] = []byte(`<w:ftr xmlns:w="` + wordNS + `"><w:p><w:r><w:t>第1页</w:t></w:r></w:p></w:ftr>`)
	parts["empty.xml"] = nil
	data := buildDocx(t, parts)
	dr, err := openDocx("a.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range dr.files {
		got, ok := dr.inflated(f, maxEntrySize)
		want, err := readThroughZip(t, f)
		if err != nil {
			t.Fatal(err)
		}
		if !ok || !bytes.Equal(got, want) || !bytes.Equal(want, parts[name]) {
			t.Errorf("%s: fast path %v, %d bytes; archive/zip %d bytes; written %d", name, ok, len(got), len(want), len(parts[name]))
		}
	}
}

// TestInflatedDeclines: what the fast path does not read exactly as the
// directory describes goes to archive/zip, which reads it or says why not
// in the same words as before.
func TestInflatedDeclines(t *testing.T) {
	doc := []byte(variedXML(300))
	cases := map[string]struct {
		data []byte
		want string // in part's error; "" when part reads the document
	}{
		"stored entry": {data: buildDocxWith(t, docxParts(string(doc), ""), zip.Store)},
		"wrong CRC":    {data: patchDirectory(t, buildDocx(t, docxParts(string(doc), "")), "word/document.xml", 16, 4), want: "校验和不符"},
		"size too small": {
			data: patchDirectory(t, buildDocx(t, docxParts(string(doc), "")), "word/document.xml", 24, 4), want: "无法解压"},
		"corrupt stream": {data: corruptEntry(t, buildDocx(t, docxParts(string(doc), "")), "word/document.xml"), want: "无法解压"},
	}
	for name, c := range cases {
		dr, err := openDocx("a.docx", c.data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f := dr.files["word/document.xml"]
		if _, ok := dr.inflated(f, maxEntrySize); ok {
			t.Errorf("%s: the fast path read it", name)
		}
		got, err := dr.part("word/document.xml")
		switch {
		case c.want == "" && (err != nil || !bytes.Equal(got, doc)):
			t.Errorf("%s: %d bytes, %v", name, len(got), err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one saying %q", name, err, c.want)
		}
	}
}

// patchDirectory adds one to the little-endian field at offset off (of
// width bytes) of name's central directory record: its CRC-32 at 16, its
// uncompressed size at 24.
func patchDirectory(t *testing.T, data []byte, name string, off, width int) []byte {
	t.Helper()
	data = bytes.Clone(data)
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("PK\x01\x02"))
		if j < 0 {
			t.Fatalf("no directory record for %s", name)
		}
		rec := data[i+j:]
		n := int(binary.LittleEndian.Uint16(rec[28:]))
		if string(rec[46:46+n]) == name {
			binary.LittleEndian.PutUint32(rec[off:], binary.LittleEndian.Uint32(rec[off:])-1)
			return data
		}
		i += j + 4
	}
}
