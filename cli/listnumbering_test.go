package cli

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestListNumberedDocxChecksAsText: a report whose headings Word numbers
// with a list (一、 and （一） come from word/numbering.xml, not from the
// text) checks as the same report typed: same verdict, completeness and
// rules. Without the list's numbers import found no headings and the
// check warned of parts not found.
func TestListNumberedDocxChecksAsText(t *testing.T) {
	reports, _ := filepath.Glob("../accuracy/testdata/*.txt")
	corpus, _ := filepath.Glob("../../shared/corpus/*.txt")
	top := regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	sub := regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	numbering := `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + ns + `><w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	for _, report := range append(reports, corpus...) {
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		var body strings.Builder
		listed := 0
		for _, line := range strings.Split(string(data), "\n") {
			level := ""
			switch {
			case top.MatchString(line):
				level, line = "0", top.ReplaceAllString(line, "")
			case sub.MatchString(line):
				level, line = "1", sub.ReplaceAllString(line, "")
			}
			var text strings.Builder
			xml.EscapeText(&text, []byte(line))
			body.WriteString("<w:p>")
			if level != "" {
				listed++
				body.WriteString(`<w:pPr><w:numPr><w:ilvl w:val="` + level + `"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
			}
			body.WriteString("<w:r><w:t>" + text.String() + "</w:t></w:r></w:p>")
		}
		if listed < 3 {
			t.Fatalf("%s: %d numbered headings", report, listed)
		}
		docx := zipOf(t, map[string][]byte{
			"[Content_Types].xml": []byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
			"word/document.xml":   []byte(`<?xml version="1.0" encoding="UTF-8"?><w:document ` + ns + `><w:body>` + body.String() + `</w:body></w:document>`),
			"word/numbering.xml":  []byte(numbering),
		})
		name := strings.TrimSuffix(filepath.Base(report), ".txt")
		path := writeFile(t, filepath.Join(t.TempDir(), name+".docx"), docx)
		want, got := checkJSON(t, report), checkJSON(t, path)
		if got.Verdict != want.Verdict || got.Completeness != want.Completeness || ruleSet(got) != ruleSet(want) {
			t.Errorf("%s: list-numbered .docx %s %v%% [%s], typed %s %v%% [%s]", name,
				got.Verdict, got.Completeness, ruleSet(got), want.Verdict, want.Completeness, ruleSet(want))
		}
	}
}
