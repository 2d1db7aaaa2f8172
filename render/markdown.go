package render

import (
	"bufio"
	"io"
	"strings"

	"nianbao/exportdata"
	"nianbao/model"
)

// Markdown writes the report with YAML front matter (the carried draft data) and numbered headings
// (# title, ## 一、…, ### （一）…). Run-in headings get their own heading
// line here: Markdown is read as structure, not as a printed page.
func Markdown(w io.Writer, t *model.Template, r *model.Report, opts Options) error {
	d := layout(t, r, opts)
	// The front matter is the draft data every export carries (package
	// exportdata): unit, year, template, date as the drafter wrote it
	// (usually 2025-03-01, which a program can read back; the body prints
	// 2025年3月1日), contact and figures.
	data, err := payload(t, d, r, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(exportdata.FrontMatter(data) + "\n")
	if d.Title != "" {
		// A heading is one line in Markdown; a typed break becomes <br>.
		lines := make([]string, len(d.TitleLines))
		for i, l := range d.TitleLines {
			lines[i] = mdInline(l)
		}
		bw.WriteString("# " + strings.Join(lines, "<br>") + "\n\n")
	}
	for _, bl := range d.Blocks {
		if bl.IsHeading() {
			level := bl.Level + 1
			if level > 6 {
				level = 6
			}
			bw.WriteString(strings.Repeat("#", level) + " " + mdInline(bl.Number+strings.TrimSuffix(bl.Heading, "。")) + "\n\n")
		}
		if bl.Text != "" {
			bw.WriteString(mdParagraph(bl.Text) + "\n\n")
		}
	}
	if d.Unit != "" {
		bw.WriteString(mdParagraph(d.Unit) + "\n\n")
	}
	if d.Date != "" {
		bw.WriteString(mdParagraph(d.Date) + "\n")
	}
	return bw.Flush()
}

// mdInline escapes the characters that would turn Chinese prose into
// Markdown markup (emphasis, links, inline HTML).
func mdInline(s string) string {
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`)

// mdParagraph also keeps a paragraph that starts like a list item or a
// numbered line ("1. 健全…", "- ", "+ ") from becoming a list.
func mdParagraph(s string) string {
	s = mdInline(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return `\` + s
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}
