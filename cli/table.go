package cli

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// writeTable prints rows in aligned columns. text/tabwriter counts bytes,
// which misaligns Chinese; this counts terminal cells.
func writeTable(w io.Writer, rows [][]string) error {
	widths := map[int]int{}
	for _, row := range rows {
		for i, cell := range row {
			if n := runewidth.StringWidth(cell); n > widths[i] {
				widths[i] = n
			}
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(cell)+2))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
