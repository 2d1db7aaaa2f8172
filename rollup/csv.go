package rollup

import (
	"encoding/csv"
	"io"
)

// WriteCSV writes the units table with its totals row. It starts with a
// UTF-8 byte order mark: without it Excel on Chinese Windows reads the
// file as GBK and the Chinese turns into mojibake.
func WriteCSV(w io.Writer, t *Table) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	_ = cw.Write(t.Heads())
	for _, r := range t.Rows {
		_ = cw.Write(t.rowTexts(r))
	}
	_ = cw.Write(t.totalTexts())
	cw.Flush()
	return cw.Error()
}
