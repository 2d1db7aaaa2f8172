package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/model"
)

const shortReport = "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n全年开展合法性审查12件。\n"

func emptyDocx(t testing.TB, body string) []byte {
	return buildDocx(t, docxParts(`<w:document xmlns:w="`+wordNS+`"><w:body>`+body+`</w:body></w:document>`, ""))
}

// corruptEntry overwrites the middle of a zip entry's compressed bytes.
func corruptEntry(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(nil), data...)
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		for i := off + int64(f.CompressedSize64)/3; i < off+int64(f.CompressedSize64)*2/3; i++ {
			out[i] = 0xFF
		}
		return out
	}
	t.Fatalf("%s not in the zip", name)
	return nil
}

// TestHostileDocuments: every file a coordinating office may be sent that
// is not a readable report gets a Chinese message naming the file, and no
// draft. The large ones would cost gigabytes if they got through: ten
// million empty lines took 31 s and 2.3 GB before lines were capped.
func TestHostileDocuments(t *testing.T) {
	valid := buildDocx(t, docxParts(sampleDocumentXML, sampleStylesXML))
	cut := valid[:len(valid)-30] // local entries intact, central directory gone
	manyParas := emptyDocx(t, strings.Repeat("<w:p><w:r><w:t>字</w:t></w:r></w:p>", MaxLines+1))
	manyBreaks := emptyDocx(t, "<w:p><w:r><w:t>字</w:t>"+strings.Repeat("<w:br/>", MaxLines+1)+"</w:r></w:p>")
	cases := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty text", "a.txt", nil, "没有文字（空文件）"},
		{"empty markdown", "a.md", nil, "没有文字（空文件）"},
		{"only blanks", "a.txt", []byte("\xEF\xBB\xBF \r\n\u3000\t\n\n"), "没有文字（空文件）"},
		{"empty docx", "a.docx", nil, "文件是空的"},
		{"docx without text", "a.docx", emptyDocx(t, `<w:p><w:r><w:drawing/></w:r></w:p><w:p/>`), "没有文字"},
		{"docx with an empty document part", "a.docx", buildDocx(t, docxParts("", "")), "没有文字"},
		{"ten million empty lines", "a.txt", bytes.Repeat([]byte("\n"), MaxTextSize), "没有文字"},
		{"a million lines", "a.txt", bytes.Repeat([]byte("字\n"), MaxTextSize/4), "行数或段落数过多"},
		{"docx with too many paragraphs", "a.docx", manyParas, "行数或段落数过多"},
		{"docx with too many line breaks", "a.docx", manyBreaks, "行数或段落数过多"},
		{"text renamed .docx", "a.docx", []byte(shortReport), "请把扩展名改为 .txt"},
		{"docx cut before its directory", "a.docx", cut, "zip 结构损坏或文件不完整"},
		{"docx cut after 100 bytes", "a.docx", valid[:100], "zip 结构损坏或文件不完整"},
		{"docx with corrupt compressed text", "a.docx", corruptEntry(t, valid, "word/document.xml"), "word/document.xml 无法解压"},
		{"docx with corrupt styles", "a.docx", corruptEntry(t, valid, "word/styles.xml"), "word/styles.xml 无法解压"},
		{"UTF-16 with an odd byte", "a.txt", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "UTF-16"},
		{"binary with NUL bytes", "a.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00"), "不是文本文件"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read(c.file, c.data)
			var me *model.Error
			if !errors.As(err, &me) {
				t.Fatalf("want *model.Error, got %v (%d lines)", err, lenLines(doc))
			}
			if me.File != c.file || !strings.Contains(me.Msg, c.want) {
				t.Errorf("error %q, want it to mention %q", err, c.want)
			}
		})
	}
}

func lenLines(d *Document) int {
	if d == nil {
		return 0
	}
	return len(d.Lines)
}

func utf16Bytes(s string, big bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestOddEncodingsImport: text in the encodings Windows editors save is
// read correctly, including the two a naive reader gets wrong: UTF-16
// without a byte order mark (every ASCII character has a NUL byte) and GBK
// that happens to be valid UTF-8 (it would import as mojibake).
func TestOddEncodingsImport(t *testing.T) {
	gbkMisread, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("全省统一学习"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		enc  string
		text string
	}{
		{"UTF-16LE with BOM", append([]byte{0xFF, 0xFE}, utf16Bytes(shortReport, false)...), "UTF-16", shortReport},
		{"UTF-16BE with BOM", append([]byte{0xFE, 0xFF}, utf16Bytes(shortReport, true)...), "UTF-16", shortReport},
		{"UTF-16LE without BOM", utf16Bytes(shortReport, false), "UTF-16", shortReport},
		{"UTF-16BE without BOM", utf16Bytes(shortReport, true), "UTF-16", shortReport},
		{"GBK valid as UTF-8", gbkMisread, "GB18030", "全省统一学习"},
		{"UTF-8 Latin text stays UTF-8", []byte("naïve café 报告"), "UTF-8", "naïve café 报告"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read("a.txt", c.data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != c.enc || strings.TrimSpace(doc.Text()) != strings.TrimSpace(c.text) {
				t.Errorf("encoding %s text %q, want %s %q", doc.Encoding, doc.Text(), c.enc, c.text)
			}
		})
	}
	// A docx part that declares GBK (some converters write it) is decoded.
	gbkXML, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(`<?xml version="1.0" encoding="GBK"?><w:document xmlns:w="` + wordNS + `"><w:body><w:p><w:r><w:t>全年开展合法性审查12件。</w:t></w:r></w:p></w:body></w:document>`))
	doc, err := Read("a.docx", buildDocx(t, map[string][]byte{"word/document.xml": gbkXML}))
	if err != nil || doc.Text() != "全年开展合法性审查12件。\n" {
		t.Errorf("GBK docx: %v %q", err, doc.Text())
	}
}

// TestEnormousAndNegativeFiguresInProse: a figure too large to be true is
// not lifted into the draft, and its sentence stays in the text; a minus
// sign in front of a count is not part of a Chinese report's figures.
func TestEnormousAndNegativeFiguresInProse(t *testing.T) {
	text := "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n（一）依法决策\n全年开展合法性审查99999999999999999999件。\n（二）化解争议\n全年收到行政复议申请-5件。\n"
	doc, res := importString(t, "x.txt", []byte(text), "standard")
	r := res.Report
	if _, ok := r.Figures["legality_reviews"]; ok {
		t.Errorf("enormous figure lifted: %v", r.Figures["legality_reviews"])
	}
	if !strings.Contains(r.Text("decisions"), "99999999999999999999件") {
		t.Errorf("sentence with the enormous figure lost: %q", r.Text("decisions"))
	}
	if n, ok := r.Figures["review_received"]; ok && n.Value < 0 {
		t.Errorf("negative count lifted: %v", n)
	}
	if !strings.Contains(r.Text("disputes"), "-5件") {
		t.Errorf("sentence with the negative count lost: %q", r.Text("disputes"))
	}
	assertNoLoss(t, doc, res)
}

// TestReadFileLimits: the size is checked before reading, so a huge (here
// sparse) file costs nothing; an empty file is refused like empty text.
func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(1 << 40)
	f.Close()
	if _, err := ReadFile(big); err == nil || !strings.Contains(err.Error(), "文件过大（1099511627776 字节") || !strings.HasPrefix(err.Error(), big) {
		t.Errorf("huge file: %v", err)
	}
	empty := filepath.Join(dir, "empty.docx")
	os.WriteFile(empty, nil, 0o644)
	if _, err := ReadFile(empty); err == nil || !strings.Contains(err.Error(), "文件是空的") {
		t.Errorf("empty file: %v", err)
	}
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "locked.txt")
		os.WriteFile(locked, []byte(shortReport), 0o000)
		if _, err := ReadFile(locked); err == nil || !strings.Contains(err.Error(), "没有权限") {
			t.Errorf("unreadable file: %v", err)
		}
	}
}
