package ingest

import (
	"strings"

	"nianbao/exportdata"
	"nianbao/internal/zhtext"
)

var (
	mdHeadingRe = lazyRegexp(`^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`)
	mdBulletRe  = lazyRegexp(`^[ \t]*(?:[-*+][ \t]+|>[ \t]?)+`)
	mdRuleRe    = lazyRegexp(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdEmphRe    = lazyRegexp(`\*\*|__|~~`)
	mdBreakRe   = lazyRegexp(`(?i)<br[ \t]*/?>`)
	mdRowRe     = lazyRegexp(`^[ \t]*\|.*\|[ \t]*$`)
	mdDelimRe   = lazyRegexp(`^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$`)
)

// markdownLines strips the markup drafters and exporters put in Markdown
// reports: heading marks (which give the level), emphasis, bullets and
// rules. Ordered-list markers such as "1." are kept because in a Chinese
// report they are heading numbers, not list markup.
func markdownLines(text string) ([]Line, map[string]string, []byte, int) {
	raw := strings.Split(text, "\n")
	out := make([]Line, 0, len(raw))
	var meta map[string]string
	carried, skip := exportdata.FromFrontMatter(raw)
	if skip == 0 {
		meta, skip = frontMatter(raw)
	}
	for i, l := range raw {
		ln := Line{No: i + 1}
		switch {
		case i < skip:
			// Front matter: read into meta, not report text.
		case mdRuleRe().MatchString(l):
			// A rule carries no text; keep the line empty so numbering holds.
		case mdHeadingRe().MatchString(l):
			m := mdHeadingRe().FindStringSubmatch(l)
			ln.Level = len(m[1])
			// A heading is one line; <br> in it (nianbao's export of a
			// title with a typed break) only sets where it wraps.
			ln.Text = mdBreakRe().ReplaceAllString(stripEmphasis(m[2]), "")
		default:
			ln.Text = stripEmphasis(mdBulletRe().ReplaceAllString(l, ""))
		}
		ln.Text = zhtext.TrimBlank(ln.Text)
		out = append(out, ln)
	}
	tables := pipeTables(raw, out, skip)
	return out, meta, carried, tables
}

// pipeTables reads each Markdown pipe table ("| 项目 | 数量 |" over
// "| --- | --- |") of raw from line from on as a data table: each row's
// line in out takes the row as tableLines reads it, and the delimiter
// row's line is left empty, so the line numbers hold. It gives the number
// of tables read so.
func pipeTables(raw []string, out []Line, from int) int {
	tables := 0
	for i := from; i+1 < len(raw); i++ {
		if !mdRowRe().MatchString(raw[i]) || !mdDelimRe().MatchString(raw[i+1]) {
			continue
		}
		rows := []int{i}
		j := i + 2
		for j < len(raw) && mdRowRe().MatchString(raw[j]) {
			rows = append(rows, j)
			j++
		}
		grid := make([][][]string, len(rows))
		for r, k := range rows {
			for _, cell := range pipeCells(raw[k]) {
				grid[r] = append(grid[r], []string{zhtext.TrimBlank(stripEmphasis(cell))})
			}
		}
		if isDataTable(grid) {
			tables++
			out[i+1].Text = ""
			for r, line := range tableLines(joinCells(grid)) {
				out[rows[r]].Text = line
			}
		}
		i = j - 1
	}
	return tables
}

// pipeCells splits a pipe table row into its cells; "\|" is a bar in a
// cell.
func pipeCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, cur.String())
}

// frontMatter reads a leading "---" block of "key: value" lines and returns
// the values and the number of lines it spans (0 when there is none).
func frontMatter(raw []string) (map[string]string, int) {
	if len(raw) == 0 || strings.TrimSpace(raw[0]) != "---" {
		return nil, 0
	}
	meta := map[string]string{}
	for i := 1; i < len(raw) && i < 64; i++ {
		l := strings.TrimSpace(raw[i])
		if l == "---" || l == "..." {
			return meta, i + 1
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return nil, 0 // not front matter after all: a rule, then text
		}
		meta[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"'`)
	}
	return nil, 0
}

func stripEmphasis(s string) string {
	s = mdEmphRe().ReplaceAllString(s, "")
	// A lone *word* or _word_ is emphasis too; only strip a pair that wraps
	// the whole line so a stray asterisk in the text survives.
	if len(s) > 2 && (s[0] == '*' && s[len(s)-1] == '*' || s[0] == '_' && s[len(s)-1] == '_') {
		s = s[1 : len(s)-1]
	}
	return strings.ReplaceAll(s, `\`, "")
}
