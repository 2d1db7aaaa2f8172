package render

import (
	"bufio"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"nianbao/exportdata"
	"nianbao/model"
)

// ideographicSpace indents paragraphs the way Chinese plain text does.
const ideographicSpace = "　"

// textLineWidth is the printed line in characters (GB/T 9704: 28).
const textLineWidth = 28

// Text writes the report as plain UTF-8 text laid out like the printed
// page: title, then every paragraph and heading indented by two full-width
// spaces, run-in headings in the same paragraph, and the unit and date
// pushed to the right of a 28-character line.
func Text(w io.Writer, t *model.Template, r *model.Report, opts Options) error {
	d := layout(t, r, opts)
	data, err := payload(t, d, r, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	indent := strings.Repeat(ideographicSpace, 2)
	if d.Title != "" {
		bw.WriteString(strings.Join(d.TitleLines, "\n") + "\n\n")
	}
	for _, bl := range d.Blocks {
		line := indent
		if bl.IsHeading() {
			line += bl.Number + bl.Heading
		}
		line += bl.Text
		bw.WriteString(line + "\n")
	}
	if d.Unit != "" || d.Date != "" {
		bw.WriteString("\n")
		for _, s := range []string{d.Unit, d.Date} {
			if s != "" {
				bw.WriteString(rightAlign(s) + "\n")
			}
		}
	}
	bw.WriteString(exportdata.TextTrailer(data))
	return bw.Flush()
}

// rightAlign pads with full-width spaces so the text ends two characters
// before the end of a 28-character line, as the signature does on paper.
// Terminal cell widths count two per Chinese character.
func rightAlign(s string) string {
	cells := runewidth.StringWidth(s)
	pad := (textLineWidth-2)*2 - cells
	if pad <= 0 {
		return s
	}
	return strings.Repeat(ideographicSpace, pad/2) + strings.Repeat(" ", pad%2) + s
}
