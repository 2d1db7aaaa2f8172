package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/officetest"
	"nianbao/model"
)

func renderDOCX(t testing.TB, tpl *model.Template, r *model.Report, opts Options) map[string][]byte {
	t.Helper()
	var buf bytes.Buffer
	if err := DOCX(&buf, tpl, r, opts); err != nil {
		t.Fatal(err)
	}
	return unzip(t, buf.Bytes())
}

func unzip(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, text := range officetest.Unzip(t, data) {
		out[name] = []byte(text)
	}
	return out
}

// splitTags puts one tag per line so golden diffs point at the element.
func splitTags(data []byte) []byte {
	return bytes.ReplaceAll(data, []byte("><"), []byte(">\n<"))
}

func wellFormed(t testing.TB, name string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
			return
		}
	}
}

// elems parses a part and returns every element with the given local name
// (namespace prefixes are resolved by encoding/xml, so "w:pgMar" is
// "pgMar"), each as its attributes by local name.
func elems(t testing.TB, data []byte, local string) []map[string]string {
	t.Helper()
	var out []map[string]string
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			m := map[string]string{}
			for _, a := range se.Attr {
				m[a.Name.Local] = a.Value
			}
			out = append(out, m)
		}
	}
}

// styleXML returns the raw XML of one style, for assertions on its
// properties.
func styleXML(t testing.TB, styles []byte, id string) []byte {
	t.Helper()
	s := string(styles)
	i := strings.Index(s, `w:styleId="`+id+`"`)
	if i < 0 {
		t.Fatalf("style %s missing", id)
	}
	j := strings.Index(s[i:], "</w:style>")
	return []byte(`<x xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style ` + s[i:i+j] + `</w:style></x>`)
}

func one(t testing.TB, data []byte, local string) map[string]string {
	t.Helper()
	es := elems(t, data, local)
	if len(es) != 1 {
		t.Fatalf("want one %s, found %d", local, len(es))
	}
	return es[0]
}

func TestDOCXPackage(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	for _, opts := range []Options{{}, {PageNumbers: PageNumbersCentered}} {
		pkg := renderDOCX(t, tpl, r, opts)
		for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
			"word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/_rels/document.xml.rels",
			"docProps/core.xml", "docProps/app.xml"} {
			if pkg[name] == nil {
				t.Errorf("part %s missing", name)
			}
		}
		for name, data := range pkg {
			wellFormed(t, name, data)
		}
		// Every part has a content type, by override or by extension.
		types := map[string]bool{}
		for _, d := range elems(t, pkg["[Content_Types].xml"], "Default") {
			types["ext:"+d["Extension"]] = true
		}
		for _, o := range elems(t, pkg["[Content_Types].xml"], "Override") {
			if pkg[strings.TrimPrefix(o["PartName"], "/")] == nil {
				t.Errorf("content type for missing part %s", o["PartName"])
			}
			types[o["PartName"]] = true
		}
		for name := range pkg {
			if name == "[Content_Types].xml" {
				continue
			}
			if !types["/"+name] && !types["ext:"+strings.TrimPrefix(path.Ext(name), ".")] {
				t.Errorf("part %s has no content type", name)
			}
		}
		// Every relationship points at a part that exists.
		for name, data := range pkg {
			if !strings.HasSuffix(name, ".rels") {
				continue
			}
			base := path.Dir(path.Dir(name)) // word/_rels/document.xml.rels → word
			for _, rel := range elems(t, data, "Relationship") {
				target := path.Join(base, rel["Target"])
				if base == "." {
					target = rel["Target"]
				}
				if pkg[target] == nil {
					t.Errorf("%s: relationship %s points at missing %s", name, rel["Id"], target)
				}
			}
		}
		// Every r:id used in the document is declared.
		ids := map[string]bool{}
		for _, rel := range elems(t, pkg["word/_rels/document.xml.rels"], "Relationship") {
			ids[rel["Id"]] = true
		}
		for _, ref := range elems(t, pkg["word/document.xml"], "footerReference") {
			if !ids[ref["id"]] {
				t.Errorf("footerReference %s undeclared", ref["id"])
			}
		}
	}
}

func TestDOCXLayout(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	pkg := renderDOCX(t, tpl, r, Options{})
	doc, styles := pkg["word/document.xml"], pkg["word/styles.xml"]

	sz := one(t, doc, "pgSz")
	if sz["w"] != "11906" || sz["h"] != "16838" || sz["orient"] != "" {
		t.Errorf("page size = %v, want A4 portrait 11906×16838", sz)
	}
	mm := func(v float64) string { return itoa(int(v*56.6929 + 0.5)) }
	mar := one(t, doc, "pgMar")
	for side, want := range map[string]string{"top": mm(37), "bottom": mm(35), "left": mm(28), "right": mm(26)} {
		if mar[side] != want {
			t.Errorf("margin %s = %s, want %s", side, mar[side], want)
		}
	}
	if mar["top"] != "2098" || mar["bottom"] != "1984" || mar["left"] != "1587" || mar["right"] != "1474" {
		t.Errorf("margins = %v", mar)
	}
	if len(elems(t, doc, "docGrid")) != 0 || strings.Contains(string(styles), "charSpace") {
		t.Error("no docGrid charSpace: LibreOffice renders it far too wide")
	}

	// Body: 16 pt 仿宋_GB2312, Times New Roman for Latin, exact 28.95 pt.
	def := styleDefaults(t, styles)
	if f := one(t, def, "rFonts"); f["eastAsia"] != "仿宋_GB2312" || f["ascii"] != "Times New Roman" || f["hAnsi"] != "Times New Roman" {
		t.Errorf("default fonts = %v", f)
	}
	if one(t, def, "sz")["val"] != "32" {
		t.Error("body size must be 32 half-points (三号)")
	}
	normal := styleXML(t, styles, "Normal")
	sp := one(t, normal, "spacing")
	if sp["line"] != "579" || sp["lineRule"] != "exact" {
		t.Errorf("line spacing = %v, want exact 579", sp)
	}
	ind := one(t, normal, "ind")
	if ind["firstLineChars"] != "200" || ind["firstLine"] != "640" {
		t.Errorf("first-line indent = %v", ind)
	}

	title := styleXML(t, styles, "Title")
	if one(t, title, "sz")["val"] != "44" || one(t, title, "rFonts")["eastAsia"] != "方正小标宋简体" || one(t, title, "jc")["val"] != "center" {
		t.Errorf("title style wrong: %s", title)
	}
	for id, font := range map[string]string{"Heading1": "黑体", "Heading2": "楷体_GB2312", "Heading1Char": "黑体", "Heading2Char": "楷体_GB2312"} {
		if got := one(t, styleXML(t, styles, id), "rFonts")["eastAsia"]; got != font {
			t.Errorf("%s eastAsia font = %s, want %s", id, got, font)
		}
	}
	footer := styleXML(t, styles, "Footer")
	if one(t, footer, "sz")["val"] != "28" || one(t, footer, "rFonts")["eastAsia"] != "宋体" {
		t.Errorf("footer must be 4号 (28 half-points) 宋体: %s", footer)
	}
	sig := styleXML(t, styles, "Signature")
	if one(t, sig, "jc")["val"] != "right" {
		t.Error("signature must be right-aligned")
	}

	// Fallback fonts for machines without the GB2312 fonts.
	alt := map[string]string{}
	var name string
	dec := xml.NewDecoder(bytes.NewReader(pkg["word/fontTable.xml"]))
	for tok, err := dec.Token(); err == nil; tok, err = dec.Token() {
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if se.Name.Local == "font" && a.Name.Local == "name" {
					name = a.Value
				}
				if se.Name.Local == "altName" && a.Name.Local == "val" {
					alt[name] = a.Value
				}
			}
		}
	}
	if alt["仿宋_GB2312"] != "FangSong" || alt["楷体_GB2312"] != "KaiTi" || alt["方正小标宋简体"] != "SimSun" {
		t.Errorf("font fallbacks = %v", alt)
	}

	// The text is there, in order, with the unit and date at the end.
	text := docText(t, doc)
	for _, want := range []string{"示例县人民政府2024年度法治政府建设情况报告", "一、上一年度推进法治政府建设的主要举措和成效",
		"（二）推进行政决策科学化、民主化、法治化。全年提交", "（六）加快推进数字法治政府建设", "五、其他需要报告的情况", "暂无。", "示例县人民政府\n2025年3月1日"} {
		if !strings.Contains(text, want) {
			t.Errorf("document text lacks %q", want)
		}
	}
	if strings.Contains(text, "依法应对突发事件") || strings.Contains(text, "（七）") {
		t.Error("empty optional sections must be skipped")
	}
	// Figures appear only in the prose, never as an injected table.
	if len(elems(t, doc, "tbl")) != 0 {
		t.Error("document must not contain tables")
	}
}

func TestDOCXFooters(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	check := func(data []byte, jc string) {
		t.Helper()
		f := one(t, data, "fldSimple")
		// MERGEFORMAT keeps the field when WPS saves the file again.
		if strings.Join(strings.Fields(f["instr"]), " ") != `PAGE \* MERGEFORMAT` {
			t.Errorf("footer field = %q, want PAGE \\* MERGEFORMAT", f["instr"])
		}
		if got := docText(t, data); got != "— 1 —" {
			t.Errorf("footer text = %q, want “— 1 —”", got)
		}
		if got := one(t, data, "jc")["val"]; got != jc {
			t.Errorf("footer alignment = %s, want %s", got, jc)
		}
	}
	pkg := renderDOCX(t, tpl, r, Options{})
	check(pkg["word/footer1.xml"], "right")
	check(pkg["word/footer2.xml"], "left")
	if len(elems(t, pkg["word/settings.xml"], "evenAndOddHeaders")) != 1 {
		t.Error("outside page numbers need evenAndOddHeaders")
	}
	refs := elems(t, pkg["word/document.xml"], "footerReference")
	if len(refs) != 2 || refs[0]["type"] != "default" || refs[1]["type"] != "even" {
		t.Errorf("footer references = %v", refs)
	}

	pkg = renderDOCX(t, tpl, r, Options{PageNumbers: PageNumbersCentered})
	check(pkg["word/footer1.xml"], "center")
	if pkg["word/footer2.xml"] != nil || len(elems(t, pkg["word/settings.xml"], "evenAndOddHeaders")) != 0 {
		t.Error("centred page numbers need one footer and no evenAndOddHeaders")
	}
}

func TestDOCXDeterministic(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	var a, b bytes.Buffer
	if err := DOCX(&a, tpl, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := DOCX(&b, tpl, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports of the same report differ")
	}
	zr, _ := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry = %s", zr.File[0].Name)
	}
}

// styleDefaults returns the w:rPrDefault element.
func styleDefaults(t testing.TB, styles []byte) []byte {
	s := string(styles)
	i, j := strings.Index(s, "<w:rPrDefault>"), strings.Index(s, "</w:rPrDefault>")
	if i < 0 || j < 0 {
		t.Fatal("no rPrDefault")
	}
	return []byte(`<x xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + s[i:j] + `</w:rPrDefault></x>`)
}

// docText extracts w:t text, one line per paragraph.
func docText(t testing.TB, data []byte) string {
	t.Helper()
	var b strings.Builder
	dec := xml.NewDecoder(bytes.NewReader(data))
	inT := false
	paras := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "p" && paras > 0 {
				b.WriteString("\n")
			}
			if tok.Name.Local == "p" {
				paras++
			}
			inT = tok.Name.Local == "t"
		case xml.EndElement:
			inT = false
		case xml.CharData:
			if inT {
				b.Write(tok)
			}
		}
	}
	return b.String()
}

// runsOf returns each w:r of a part as its raw XML.
func runsOf(data []byte) []string {
	s := string(data)
	var out []string
	for {
		i := strings.Index(s, "<w:r>")
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], "</w:r>")
		out = append(out, s[i:i+j+len("</w:r>")])
		s = s[i+j:]
	}
}

// Every run holding “”‘’…— (or ·) carries w:hint="eastAsia", in the
// document and in the footers; runs without them carry no hint.
func TestDOCXEastAsianHint(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	r.Title = "示例县人民政府“2024年度”法治政府建设情况报告"
	r.SetText("other", "本年度开展“八五”普法……推进‘一件事’改革——成效明显。李·某参与。")
	pkg := renderDOCX(t, tpl, r, Options{})
	hinted, plain := 0, 0
	for _, part := range []string{"word/document.xml", "word/footer1.xml", "word/footer2.xml"} {
		for _, run := range runsOf(pkg[part]) {
			has := strings.ContainsAny(run, "“”‘’…—·")
			hint := strings.Contains(run, `<w:rFonts w:hint="eastAsia"/>`)
			switch {
			case has && !hint:
				t.Errorf("%s: run with full-width punctuation lacks the East Asian hint: %s", part, run)
			case !has && hint:
				t.Errorf("%s: run without ambiguous punctuation carries a hint: %s", part, run)
			case has:
				hinted++
			default:
				plain++
			}
		}
	}
	if hinted < 5 || plain < 5 {
		t.Errorf("hinted %d runs, plain %d; the fixture should give both", hinted, plain)
	}
	// The hint sits after rStyle, as the schema orders rPr.
	if doc := string(pkg["word/document.xml"]); strings.Contains(doc, `<w:rFonts w:hint="eastAsia"/><w:rStyle`) {
		t.Error("rFonts before rStyle: Word rejects out-of-order rPr")
	}
}

// A typed line break in the title is a w:br inside the one title
// paragraph; without one, a long title is broken at a word boundary.
func TestDOCXTitleBreaks(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	title := func() string {
		doc := string(renderDOCX(t, tpl, r, Options{})["word/document.xml"])
		i := strings.Index(doc, `<w:pStyle w:val="Title"/>`)
		return doc[i : i+strings.Index(doc[i:], "</w:p>")]
	}
	got := title()
	if !strings.Contains(got, `<w:t>示例县人民政府2024年度</w:t></w:r><w:r><w:br/><w:t>法治政府建设情况报告</w:t>`) {
		t.Errorf("automatic title break wrong: %s", got)
	}
	r.Title = "示例县人民政府\n2024年度法治政府建设情况报告"
	got = title()
	if strings.Count(got, "<w:br/>") != 1 || !strings.Contains(got, `<w:br/><w:t>2024年度法治政府建设情况报告</w:t>`) {
		t.Errorf("typed title break not kept: %s", got)
	}
	if core := string(renderDOCX(t, tpl, r, Options{})["docProps/core.xml"]); !strings.Contains(core, "<dc:title>示例县人民政府2024年度法治政府建设情况报告</dc:title>") {
		t.Errorf("core title should be the title on one line: %s", core)
	}
}

// The title's typed break is honoured by every format.
func TestTitleBreakInEveryFormat(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	r.Title = "示例县人民政府\n2024年度法治政府建设情况报告"
	want := map[Format]string{
		FormatText:     "示例县人民政府\n2024年度法治政府建设情况报告\n\n",
		FormatMarkdown: "# 示例县人民政府<br>2024年度法治政府建设情况报告\n",
		FormatHTML:     "<h1>示例县人民政府<br>2024年度法治政府建设情况报告</h1>",
	}
	for f, w := range want {
		var buf bytes.Buffer
		if err := Write(&buf, f, tpl, r, Options{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), w) {
			t.Errorf("%s: lacks %q", f, w)
		}
	}
}

// Tabs are w:tab elements, never characters inside w:t.
func TestDOCXTabs(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	r.SetText("other", "项目\t件数\t办结率\n行政复议\t87\t90.8%")
	doc := string(renderDOCX(t, tpl, r, Options{})["word/document.xml"])
	if strings.Contains(doc, "\t") {
		t.Error("a tab character is inside w:t")
	}
	if !strings.Contains(doc, `<w:t>行政复议</w:t><w:tab/><w:t>87</w:t><w:tab/><w:t>90.8%</w:t>`) {
		t.Errorf("tabs not written as w:tab: %s", doc[strings.Index(doc, "行政复议")-40:])
	}
}

// The contact line is printed only on request, under the date as a 附注;
// the 主送机关 line, when given, follows the blank line under the title.
func TestDOCXContactAndAddressee(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	text := docText(t, renderDOCX(t, tpl, r, Options{})["word/document.xml"])
	if strings.Contains(text, "王明") || strings.Contains(text, "联系人") {
		t.Error("contact printed without WithContact: the published copy must not carry it")
	}
	r.Addressee = "市人民政府:"
	text = docText(t, renderDOCX(t, tpl, r, Options{WithContact: true})["word/document.xml"])
	if !strings.Contains(text, "2025年3月1日\n（联系人：县司法局 王明 0000-1234567）") {
		t.Errorf("contact line missing or misplaced:\n%s", text[len(text)-120:])
	}
	if !strings.Contains(text, "法治政府建设情况报告\n\n市人民政府：\n一、") {
		t.Errorf("addressee line missing or misplaced:\n%s", text[:200])
	}
	for in, want := range map[string]string{"王明 电话 123": "（联系人：王明 电话 123）", "联系人：王明": "（联系人：王明）", "（联系电话：123）": "（联系电话：123）", " ": ""} {
		if got := contactLine(in); got != want {
			t.Errorf("contactLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// The signature paragraphs: placed by §7.3.5, kept with each other and
// with the last text paragraph, after the right number of blank lines.
func TestDOCXSignature(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	tail := func() string {
		doc := string(renderDOCX(t, tpl, r, Options{})["word/document.xml"])
		i := strings.LastIndex(doc, "暂无。")
		i = strings.LastIndex(doc[:i], "<w:p>")
		return doc[i:strings.Index(doc, "<w:sectPr>")]
	}
	// Sealed: 7-character unit, date 2025年3月1日 = 6 characters and five
	// changes between digits and Chinese (7 with the space around them).
	want := `<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>暂无。</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:keepNext/></w:pPr></w:p><w:p><w:pPr><w:keepNext/></w:pPr></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Signature"/><w:keepNext/><w:keepLines/><w:ind w:left="0" w:right="1285" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/></w:pPr><w:r><w:t>示例县人民政府</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Signature"/><w:keepLines/><w:ind w:left="0" w:right="1285" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/></w:pPr><w:r><w:t>2025年3月1日</w:t></w:r></w:p>`
	if got := tail(); got != want {
		t.Errorf("sealed signature:\n got %s\nwant %s", got, want)
	}
	r.Signature = "unsealed"
	got := tail()
	// Unit 右空二字 (2×315 + 25 twips); the date starts where the unit
	// does plus two characters: 28 − 7 cells from the left.
	for _, w := range []string{`<w:ind w:left="0" w:right="655"`, `<w:ind w:left="6615" w:right="0"`, `<w:jc w:val="left"/>`} {
		if !strings.Contains(got, w) {
			t.Errorf("unsealed signature lacks %s:\n%s", w, got)
		}
	}
	if strings.Count(got, `<w:p><w:pPr><w:keepNext/></w:pPr></w:p>`) != 1 {
		t.Errorf("unsealed signature wants one blank line: %s", got)
	}
}

func TestSignatureLines(t *testing.T) {
	type pos struct {
		right bool
		from  float64
	}
	cases := []struct {
		name       string
		sig        model.Signature
		unit, date string
		want       []pos
	}{
		{"sealed, unit as long as the date", model.SignatureSealed, "示例县人民政府", "2025年3月1日", []pos{{true, 4}, {true, 4}}},
		{"sealed, longer unit centred over the date", model.SignatureSealed, "示例县人民政府办公室", "2025年3月1日", []pos{{true, 2.5}, {true, 4}}},
		{"sealed, short unit centred over the date", model.SignatureSealed, "示例县司法局", "2025年12月31日", []pos{{true, 5}, {true, 4}}},
		{"sealed, very long unit flush right", model.SignatureSealed, "示例省示例市示例县人民政府法治政府建设领导小组办公室", "2025年3月1日", []pos{{true, 0}, {true, 4}}},
		{"unsealed, unit longer than date", model.SignatureUnsealed, "示例县人民政府办公室", "2025年3月1日", []pos{{true, 2}, {false, 10}}},
		{"unsealed, date longer than unit", model.SignatureUnsealed, "示例县司法局", "2025年12月31日", []pos{{false, 12}, {true, 2}}},
		{"unsealed, unit only", model.SignatureUnsealed, "示例县人民政府", "", []pos{{true, 2}}},
		{"sealed, date only", model.SignatureSealed, "", "2025年3月1日", []pos{{true, 4}}},
	}
	for _, c := range cases {
		got := signatureLines(&document{Unit: c.unit, Date: c.date, Signature: c.sig})
		if len(got) != len(c.want) {
			t.Errorf("%s: %d lines, want %d", c.name, len(got), len(c.want))
			continue
		}
		for i, w := range c.want {
			if got[i].AlignRight != w.right || math.Abs(got[i].FromRight-w.from) > 1e-9 {
				t.Errorf("%s: line %d = right %v, %.2f characters; want right %v, %.2f", c.name, i, got[i].AlignRight, got[i].FromRight, w.right, w.from)
			}
		}
	}
}

// Fonts: the GB2312 names by default, the stock Windows names when the
// template or the export asks; fontTable gives panose and family for each.
func TestDOCXFontSets(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	for _, c := range []struct {
		opts  Options
		tmpl  model.FontNames
		body  string
		title string
	}{
		{Options{}, "", "仿宋_GB2312", "方正小标宋简体"},
		{Options{}, model.FontsWindows, "仿宋", "宋体"},
		{Options{Fonts: model.FontsWindows}, "", "仿宋", "宋体"},
		{Options{Fonts: model.FontsGB2312}, model.FontsWindows, "仿宋_GB2312", "方正小标宋简体"},
	} {
		tpl.Fonts = c.tmpl
		pkg := renderDOCX(t, tpl, r, c.opts)
		styles := pkg["word/styles.xml"]
		if got := one(t, styleDefaults(t, styles), "rFonts")["eastAsia"]; got != c.body {
			t.Errorf("%v/%s: body font %s, want %s", c.opts.Fonts, c.tmpl, got, c.body)
		}
		if got := one(t, styleXML(t, styles, "Title"), "rFonts")["eastAsia"]; got != c.title {
			t.Errorf("%v/%s: title font %s, want %s", c.opts.Fonts, c.tmpl, got, c.title)
		}
		// Every font a style names is in fontTable with panose and family.
		table := map[string]map[string]string{}
		var name string
		dec := xml.NewDecoder(bytes.NewReader(pkg["word/fontTable.xml"]))
		for tok, err := dec.Token(); err == nil; tok, err = dec.Token() {
			if se, ok := tok.(xml.StartElement); ok {
				if se.Name.Local == "font" {
					name = se.Attr[0].Value
					table[name] = map[string]string{}
				} else if len(se.Attr) > 0 && name != "" {
					table[name][se.Name.Local] = se.Attr[0].Value
				}
			}
		}
		for _, f := range elems(t, styles, "rFonts") {
			for _, attr := range []string{"eastAsia", "ascii"} {
				n := f[attr]
				if n == "" {
					continue
				}
				e, ok := table[n]
				if !ok {
					t.Errorf("font %s used in styles but not in fontTable", n)
					continue
				}
				if len(e["panose1"]) != 20 || e["family"] == "" || e["family"] == "script" {
					t.Errorf("fontTable entry %s: panose %q family %q", n, e["panose1"], e["family"])
				}
			}
		}
	}
	tpl.Fonts = ""
}

// Widow control is off, explicitly, so Word, WPS and LibreOffice all keep
// 22 lines a page.
func TestDOCXWidowControl(t *testing.T) {
	tpl, r := load(t, filepath.Join("testdata", "sample.yaml"))
	styles := renderDOCX(t, tpl, r, Options{})["word/styles.xml"]
	for _, xmlPart := range [][]byte{styleXML(t, styles, "Normal"), []byte(`<x xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		string(styles[bytes.Index(styles, []byte("<w:pPrDefault>")):bytes.Index(styles, []byte("</w:pPrDefault>"))+len("</w:pPrDefault>")]) + `</x>`)} {
		if w := one(t, xmlPart, "widowControl"); w["val"] != "0" {
			t.Errorf("widowControl = %v, want explicit 0", w)
		}
	}
}
