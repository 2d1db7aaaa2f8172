package rollup

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/model"
)

// The office keeps its roster and last year's roll-up in whatever its
// spreadsheet saved: an .xlsx, or a CSV that Excel on Chinese Windows
// writes in GBK, sometimes split by tabs, semicolons or a full-width
// comma typed by hand. readTable reads any of them into rows of cells.

// readTable reads the rows of a spreadsheet file: for an .xlsx (told by
// its content) the sheet named sheet, or the first sheet when sheet is ""
// or absent; otherwise CSV. what names the file in messages (单位名单).
func readTable(path string, data []byte, sheet, what string) ([][]string, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil, &model.Error{File: path, Msg: what + "无法打开（不是有效的 .xlsx 文件）：" + err.Error()}
		}
		defer f.Close()
		names := f.GetSheetList()
		if len(names) == 0 {
			return nil, &model.Error{File: path, Msg: what + "中没有工作表"}
		}
		name := names[0]
		if sheet != "" && slices.Contains(names, sheet) {
			name = sheet
		}
		// Raw values: a date typed into Excel is a serial number shown
		// through the cell's format, which excelize renders as 03-01-25;
		// parseDate reads the serial.
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &model.Error{File: path, Msg: what + "的工作表“" + name + "”无法读取：" + err.Error()}
		}
		return rows, nil
	}
	text, err := csvText(data)
	if err != nil {
		return nil, &model.Error{File: path, Msg: what + "的编码无法识别，请另存为 UTF-8 的 CSV"}
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = separator(text)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, &model.Error{File: path, Line: line, Msg: what + "不是有效的 CSV：" + err.Error()}
		}
		rows = append(rows, rec)
	}
}

// csvText is a CSV file's text: UTF-8 (a byte order mark dropped) or GBK.
func csvText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	return string(out), err
}

// separator is the field separator of a CSV, told from its first lines
// (a header may hold one column only): a comma unless they have none and
// have a tab, a full-width comma or a semicolon.
func separator(text string) rune {
	head := text
	for i, n := 0, 0; i < len(text); i++ {
		if text[i] == '\n' {
			if n++; n == 5 {
				head = text[:i]
				break
			}
		}
	}
	if strings.Contains(head, ",") {
		return ','
	}
	for _, r := range []rune{'\t', '，', ';'} {
		if strings.ContainsRune(head, r) {
			return r
		}
	}
	return ','
}
