package ingest

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"

	"nianbao/exportdata"
	"nianbao/internal/zhtext"
	"nianbao/model"
)

// readHTML reads a web page that nianbao exported (see
// exportdata.IsNianbaoHTML). Saved pages from portals, with their navigation and
// scripts, are a different job and are still refused by Read with advice.
//
// Block elements (headings, paragraphs, list items, table rows, line
// breaks) end a line; h1…h6 give the heading level as # does in Markdown;
// the text of script, style and head is not report text. Each block is
// numbered by the source line it starts on, so findings point into the
// file; the lines are dense (empty ones fill the gaps), as the importer
// expects Lines[i] to be line i+1, and a second block on one source line
// takes the next number.
func readHTML(name string, data []byte) (*Document, error) {
	if len(data) > MaxTextSize {
		return nil, &model.Error{File: name, Msg: fmt.Sprintf("网页过大（%d 字节，上限 %d 字节），不像是一份年度报告", len(data), MaxTextSize)}
	}
	text, enc, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	doc := &Document{Name: name, Format: FormatHTML, Encoding: enc}
	doc.carry(exportdata.FromHTML([]byte(text)))
	var n int
	if doc.Lines, n = htmlLines(text); n > MaxLines {
		return nil, tooManyLines(name, n)
	}
	if len(doc.Lines) == 0 {
		return nil, &model.Error{File: name, Msg: "网页中没有正文文字，没有可导入的内容"}
	}
	return doc, nil
}

var (
	// htmlHiddenRes remove what a browser does not show, one element kind
	// at a time (RE2 has no back-references to pair a closing tag): the
	// head first, as it holds the others.
	htmlHiddenRes = []*regexp.Regexp{
		regexp.MustCompile(`(?s)<!--.*?-->`),
		regexp.MustCompile(`(?is)<head\b[^>]*>.*?</head\s*>`),
		regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script\s*>`),
		regexp.MustCompile(`(?is)<style\b[^>]*>.*?</style\s*>`),
		regexp.MustCompile(`(?is)<template\b[^>]*>.*?</template\s*>`),
		regexp.MustCompile(`(?is)<noscript\b[^>]*>.*?</noscript\s*>`),
		regexp.MustCompile(`(?s)<[!?][^>]*>`), // doctype, processing instructions
	}
	htmlTagRe = regexp.MustCompile(`(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>`)
)

// htmlBlocks are the elements that start and end a line.
var htmlBlocks = map[string]bool{
	"p": true, "div": true, "li": true, "tr": true, "br": true, "footer": true, "header": true,
	"article": true, "section": true, "blockquote": true, "pre": true, "table": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "body": true, "html": true,
}

// htmlLines returns the lines and how many there are; beyond MaxLines it
// stops filling them in (a page of a million blank lines must not cost a
// million Lines) and only the count is true.
func htmlLines(page string) ([]Line, int) {
	// Hidden parts become blank space of the same line count, so line
	// numbers of what follows stay true.
	for _, re := range htmlHiddenRes {
		page = re.ReplaceAllStringFunc(page, func(s string) string {
			return strings.Repeat("\n", strings.Count(s, "\n"))
		})
	}
	var out []Line
	over := 0
	var cur bytes.Buffer
	level, start := 0, 0
	line := 1
	flush := func() {
		t := zhtext.TrimBlank(html.UnescapeString(collapseSpace(cur.String())))
		if t != "" {
			no := max(start, len(out)+1)
			if no > MaxLines {
				over = max(over, no)
				return
			}
			for len(out) < no-1 {
				out = append(out, Line{No: len(out) + 1})
			}
			out = append(out, Line{No: no, Text: t, Level: level})
		}
		cur.Reset()
		level = 0
		start = 0
	}
	last := 0
	for _, m := range htmlTagRe.FindAllStringSubmatchIndex(page, -1) {
		seg := page[last:m[0]]
		if !isBlankText(seg) && start == 0 {
			start = line + strings.Count(seg[:len(seg)-len(strings.TrimLeftFunc(seg, isSpace))], "\n")
		}
		cur.WriteString(seg)
		line += strings.Count(page[last:m[1]], "\n")
		last = m[1]
		tag := strings.ToLower(page[m[4]:m[5]])
		if !htmlBlocks[tag] {
			continue
		}
		flush()
		if m[3] == m[2] && len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
			level = int(tag[1] - '0')
		}
	}
	seg := page[last:]
	if !isBlankText(seg) && start == 0 {
		start = line
	}
	cur.WriteString(seg)
	flush()
	if over > 0 {
		return nil, over
	}
	return out, len(out)
}

// collapseSpace turns runs of ASCII white space (source line breaks inside
// a paragraph) into one space, as a browser does; Chinese text has none.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
	}), " ")
}
