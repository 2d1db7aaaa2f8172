package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const relNSDecl = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func chunkRels(targets map[string]string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for id, target := range targets {
		b.WriteString(`<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="` + target + `"/>`)
	}
	b.WriteString(`<Relationship Id="rLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.gov.cn/" TargetMode="External"/>`)
	b.WriteString(`</Relationships>`)
	return []byte(b.String())
}

func shellDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNSDecl + ` ` + relNSDecl + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

// A report stored as altChunks is read from them, each where it stands:
// an HTML page, a single-file web page, plain text in GBK, and a .docx.
func TestDocxAltChunksRead(t *testing.T) {
	inner := buildDocx(t, docxParts(shellDocument(`<w:p><w:r><w:t>三、下一步工作打算</w:t></w:r></w:p><w:p><w:r><w:t>继续深化改革。</w:t></w:r></w:p>`), ""))
	mht := "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/html; charset=\"utf-8\"\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>=E4=BA=8C=E3=80=81=E5=AD=98=E5=9C=A8=E7=9A=84=E9=97=AE=E9=A2=98</p></body></html>\r\n--b1--\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("乡镇力量薄弱。"))
	if err != nil {
		t.Fatal(err)
	}
	body := `<w:p><w:r><w:t>某县司法局2024年度法治政府建设情况报告</w:t></w:r></w:p>` +
		`<w:altChunk r:id="rHTML"/>` +
		`<w:p><w:r><w:t>段落中</w:t></w:r><w:altChunk r:id="rMHT"/><w:r><w:t>的嵌入。</w:t></w:r></w:p>` +
		`<w:altChunk r:id="rTXT"/><w:altChunk r:id="rDOCX"/>`
	parts := docxParts(shellDocument(body), "")
	parts["word/_rels/document.xml.rels"] = chunkRels(map[string]string{
		"rHTML": "chunk1.html", "rMHT": "afchunk.mht", "rTXT": "/word/chunk3.txt", "rDOCX": "sub/chunk4.docx"})
	parts["word/chunk1.html"] = []byte(`<html><body><h2>一、基本情况</h2><p>全年办理行政复议案件32件。</p></body></html>`)
	parts["word/afchunk.mht"] = []byte(mht)
	parts["word/chunk3.txt"] = gbk
	parts["word/sub/chunk4.docx"] = inner
	d, err := Read("嵌入.docx", buildDocx(t, parts))
	if err != nil {
		t.Fatal(err)
	}
	want := "某县司法局2024年度法治政府建设情况报告|一、基本情况|全年办理行政复议案件32件。|段落中的嵌入。|二、存在的问题|乡镇力量薄弱。|三、下一步工作打算|继续深化改革。"
	if got := strings.ReplaceAll(strings.TrimSuffix(d.Text(), "\n"), "\n", "|"); got != want {
		t.Errorf("lines\n%s\nwant\n%s", got, want)
	}
	for i, l := range d.Lines {
		if l.No != i+1 {
			t.Errorf("line %d numbered %d", i+1, l.No)
		}
	}
}

// A chunk that is missing or cannot be read is an error naming what to do,
// never a report read without it.
func TestDocxAltChunkUnreadable(t *testing.T) {
	for name, c := range map[string]struct {
		target string
		data   []byte
		msg    string
	}{
		"missing": {"gone.html", nil, "找不到"},
		"rtf":     {"chunk.rtf", []byte(`{\rtf1\ansi 一、基本情况}`), "无法直接读取"},
		"empty":   {"chunk.html", []byte(`<html><body></body></html>`), "嵌入的内容（chunk.html）无法读取：网页中没有正文文字"},
	} {
		parts := docxParts(shellDocument(`<w:altChunk r:id="r1"/>`), "")
		parts["word/_rels/document.xml.rels"] = chunkRels(map[string]string{"r1": c.target})
		if c.data != nil {
			parts["word/"+c.target] = c.data
		}
		_, err := Read("嵌入.docx", buildDocx(t, parts))
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), "嵌入.docx") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
