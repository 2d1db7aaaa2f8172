package ingest

import (
	"strings"
	"testing"
)

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

// wantLines fails t unless d's lines are want.
func wantLines(t *testing.T, d *Document, want ...string) {
	t.Helper()
	if got := d.Text(); got != strings.Join(want, "\n")+"\n" {
		t.Errorf("lines:\n%swant:\n%s", got, strings.Join(want, "\n"))
	}
}
