package exportdata

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDocxCustomXMLRoundTrip(t *testing.T) {
	// Long enough for several parts, with a part boundary falling inside
	// Chinese text and line breaks that an XML processor could normalise.
	payload := []byte("nianbao: 1\nunit: " + strings.Repeat("青禾县人民政府", 80) + "\ncontact: 王芳 <wang@example.org> & 李明\n")
	x := DocxCustomXML(payload)
	if bytes.Count(x, []byte("<property ")) < 4 {
		t.Fatalf("expected several parts:\n%s", x)
	}
	for _, v := range bytes.Split(x, []byte("<vt:lpwstr>"))[1:] {
		v = v[:bytes.Index(v, []byte("</vt:lpwstr>"))]
		if n := utf8.RuneCount(v); n > 255 {
			t.Errorf("a part has %d characters, Word keeps 255", n)
		}
	}
	back, err := FromDocxCustomXML(x)
	if err != nil || !bytes.Equal(back, payload) {
		t.Fatalf("round trip: %v\n%q", err, back)
	}
	// As LibreOffice rewrites it: line breaks as &#10;, other properties
	// around ours.
	lo := strings.ReplaceAll(string(x), "&#xA;", "&#10;")
	lo = strings.Replace(lo, "<property ", `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" name="审核人"><vt:lpwstr>张三</vt:lpwstr></property><property `, 1)
	if back, err := FromDocxCustomXML([]byte(lo)); err != nil || !bytes.Equal(back, payload) {
		t.Fatalf("LibreOffice form: %v\n%q", err, back)
	}
}

func TestDocxCustomXMLDamaged(t *testing.T) {
	whole := string(DocxCustomXML([]byte(strings.Repeat("数据", 300))))
	prop := func(name, v string) string {
		return fmt.Sprintf(`<property fmtid="x" pid="2" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`, name, v)
	}
	wrap := func(s string) []byte {
		return []byte(`<Properties xmlns:vt="v">` + s + `</Properties>`)
	}
	errCases := map[string][]byte{
		"part missing":   []byte(strings.Replace(whole, `name="nianbao-draft-002"`, `name="其他"`, 1)),
		"no count":       wrap(prop("nianbao-draft-001", "a")),
		"bad count":      wrap(prop("nianbao-draft-parts", "两") + prop("nianbao-draft-001", "a")),
		"huge count":     wrap(prop("nianbao-draft-parts", "99999999")),
		"broken xml":     []byte(whole[:len(whole)/2]),
		"too large part": wrap(prop("nianbao-draft-parts", "1") + prop("nianbao-draft-001", strings.Repeat("a", MaxSize+1))),
	}
	for name, in := range errCases {
		if p, err := FromDocxCustomXML(in); err == nil {
			t.Errorf("%s: accepted, %d bytes", name, len(p))
		}
	}
	for name, in := range map[string][]byte{
		"other properties only": wrap(prop("审核人", "张三")),
		"empty part":            []byte(`<?xml version="1.0"?><Properties/>`),
	} {
		if p, err := FromDocxCustomXML(in); p != nil || err != nil {
			t.Errorf("%s: %q %v, want no payload", name, p, err)
		}
	}
}

func TestHTMLBlockCannotCloseTheScript(t *testing.T) {
	payload := []byte("nianbao: 1\nunit: </script><script>alert(1)</script><!-- \u2028\n")
	blk := HTMLBlock(payload)
	if n := strings.Count(strings.ToLower(blk), "</script"); n != 1 {
		t.Errorf("%d </script in the block:\n%s", n, blk)
	}
	if strings.Contains(blk, "<!--") || strings.Contains(blk, "\u2028") {
		t.Errorf("block carries raw markup or a line separator:\n%s", blk)
	}
	page := []byte("<!DOCTYPE html><html><head>" + blk + "</head><body><p>正文</p></body></html>")
	back, err := FromHTML(page)
	if err != nil || !bytes.Equal(back, payload) {
		t.Fatalf("round trip: %v %q", err, back)
	}
	if p, err := FromHTML([]byte("<html><body>无数据</body></html>")); p != nil || err != nil {
		t.Errorf("page without block: %q %v", p, err)
	}
	for _, bad := range []string{
		`<script type="application/json" id="nianbao-draft">{"format":</script>`,
		`<script type="application/json" id="nianbao-draft">{"format":"other","payload":"x"}</script>`,
	} {
		if _, err := FromHTML([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestFrontMatter(t *testing.T) {
	payload := []byte("nianbao: 1\nunit: 某县\nfigures:\n  a: 1\n")
	md := FrontMatter(payload) + "\n# 标题\n"
	lines := strings.Split(md, "\n")
	back, n := FromFrontMatter(lines)
	if !bytes.Equal(back, payload) || n != 6 || lines[n] != "" {
		t.Errorf("got %q, %d lines", back, n)
	}
	for name, in := range map[string]string{
		"not ours":    "---\nunit: 某县\n---\n",
		"not closed":  "---\nnianbao: 1\nunit: 某县\n正文",
		"not at top":  "\n---\nnianbao: 1\n---\n",
		"a rule only": "---\n",
	} {
		if p, n := FromFrontMatter(strings.Split(in, "\n")); p != nil || n != 0 {
			t.Errorf("%s: %q %d", name, p, n)
		}
	}
}

func TestTextTrailer(t *testing.T) {
	payload := []byte("nianbao: 1\nunit: 某县\n")
	body := "标题\n\n　　正文。\n　　　　某县\n　　　　2026年3月2日\n"
	text := body + TextTrailer(payload)
	got, p, found := SplitTextTrailer(text)
	if !found || !bytes.Equal(p, payload) || got != strings.TrimRight(body, "\n") {
		t.Fatalf("split: %v %q %q", found, p, got)
	}
	// Saved by Notepad with CRLF line ends.
	if _, p, _ := SplitTextTrailer(strings.ReplaceAll(text, "\n", "\r\n")); !bytes.Equal(p, payload) {
		t.Errorf("CRLF: %q", p)
	}
	// The end marker cut off: no data, and nothing dropped.
	cut := text[:strings.Index(text, trailerEnd)]
	if got, p, found := SplitTextTrailer(cut); !found || p != nil || got != cut {
		t.Errorf("cut trailer: %v %q %q", found, p, got)
	}
	// A sentence that quotes the marker mid-line is text.
	quoted := body + "　　说明：" + trailerMarker + "是什么。\n"
	if got, _, found := SplitTextTrailer(quoted); found || got != quoted {
		t.Errorf("quoted marker taken as trailer")
	}
	// Text added after the trailer is kept as text.
	if got, p, found := SplitTextTrailer(text + "　　补充一段。\n"); !found || !bytes.Equal(p, payload) || !strings.HasSuffix(got, "\n补充一段。") {
		t.Errorf("text after the trailer: %v %q %q", found, p, got)
	}
}

func FuzzCarriers(f *testing.F) {
	f.Add([]byte(DocxCustomXML([]byte("nianbao: 1\n"))))
	f.Add([]byte(HTMLBlock([]byte("nianbao: 1\n"))))
	f.Add([]byte("---\nnianbao: 1\n---\n" + TextTrailer([]byte("nianbao: 1\n"))))
	f.Fuzz(func(t *testing.T, in []byte) {
		_, _ = FromDocxCustomXML(in)
		_, _ = FromHTML(in)
		_, _ = FromFrontMatter(strings.Split(string(in), "\n"))
		_, _, _ = SplitTextTrailer(string(in))
		_ = IsNianbaoHTML(in)
	})
}
