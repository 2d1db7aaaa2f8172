package render

import (
	"bufio"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"nianbao/model"
)

// frontMatter is the metadata block at the top of the Markdown file, so an
// import can restore unit, year and date without guessing from the prose.
type frontMatter struct {
	Unit     string `yaml:"unit"`
	Year     int    `yaml:"year,omitempty"`
	Title    string `yaml:"title"`
	Date     string `yaml:"date,omitempty"`
	Template string `yaml:"template,omitempty"`
}

// Markdown writes the report with YAML front matter and numbered headings
// (# title, ## 一、…, ### （一）…). Run-in headings get their own heading
// line here: Markdown is read as structure, not as a printed page.
func Markdown(w io.Writer, t *model.Template, r *model.Report, opts Options) error {
	d := layout(t, r, opts)
	bw := bufio.NewWriter(w)
	// The front matter keeps the date as the drafter wrote it (usually
	// 2025-03-01), which a program can read back; the body prints 2025年3月1日.
	date := strings.TrimSpace(r.Date)
	if strings.TrimSpace(opts.Date) != "" {
		date = strings.TrimSpace(opts.Date)
	}
	fm := frontMatter{Unit: d.Unit, Year: r.Year, Title: d.Title, Date: date, Template: r.Template.ID}
	if t != nil && t.ID != "" {
		fm.Template = t.ID
	}
	meta, err := yaml.Marshal(fm)
	if err != nil {
		return err
	}
	bw.WriteString("---\n")
	bw.Write(meta)
	bw.WriteString("---\n\n")
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
