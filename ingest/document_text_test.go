package ingest

import "strings"

// Text is the whole document as plain text, one paragraph a line: what the
// tests compare a reader's output with.
func (d *Document) Text() string {
	var b strings.Builder
	for _, l := range d.Lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
