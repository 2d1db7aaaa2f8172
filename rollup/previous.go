package rollup

import (
	"math"
	"os"
	"strconv"
	"strings"

	"nianbao/model"
)

// Previous is last year's roll-up: per unit, per figure label, the value.
type Previous struct {
	File   string
	Values map[string]map[string]float64 // normalized unit → label → value
}

// ChangeFactor is how far a figure may move in a year before it is flagged:
// a count that triples or falls to a third is more often a typing error
// (a digit added or lost) than a real change.
const ChangeFactor = 3.0

// Change is a figure that moved beyond ChangeFactor since last year.
type Change struct {
	Unit, Label string
	Last, Now   float64
}

// ReadPrevious reads last year's roll-up as nianbao wrote it, .xlsx or .csv:
// the sheet 汇总, a header row with 单位 and one column per figure.
func ReadPrevious(path string) (*Previous, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法读取去年的汇总表：" + model.OSReason(err)}
	}
	rows, err := readTable(path, data, sheetUnits, "去年的汇总表")
	if err != nil {
		return nil, err
	}
	if len(rows) < 2 {
		return nil, &model.Error{File: path, Msg: "去年的汇总表没有数据"}
	}
	unitCol := -1
	for i, h := range rows[0] {
		if h == headUnit {
			unitCol = i
		}
	}
	if unitCol < 0 {
		return nil, &model.Error{File: path, Msg: "去年的汇总表第一行没有“" + headUnit + "”列"}
	}
	p := &Previous{File: path, Values: map[string]map[string]float64{}}
	for _, r := range rows[1:] {
		if unitCol >= len(r) || r[unitCol] == "" || r[unitCol] == totalLabel {
			continue
		}
		vals := map[string]float64{}
		for i, h := range rows[0] {
			if i >= len(r) || i == unitCol {
				continue
			}
			if v, err := strconv.ParseFloat(strings.ReplaceAll(r[i], ",", ""), 64); err == nil {
				vals[labelOf(h)] = v
			}
		}
		p.Values[normalizeUnit(r[unitCol])] = vals
	}
	return p, nil
}

// labelOf strips the unit from a header: 行政复议收案数（件） → 行政复议收案数.
func labelOf(header string) string {
	if i := strings.LastIndex(header, "（"); i > 0 && strings.HasSuffix(header, "）") {
		return header[:i]
	}
	return header
}

// compare flags counts and amounts that moved beyond ChangeFactor. Rates
// are left out: a rate over few cases swings widely for real. A zero on
// either side is not a factor and is left out too.
func compare(t *Table, p *Previous) []Change {
	var out []Change
	for _, r := range t.Rows {
		last, ok := p.Values[normalizeUnit(r.Unit)]
		if !ok {
			continue
		}
		for i, c := range t.Columns {
			if c.Kind == model.KindPercent || r.Cells[i].State != Value {
				continue
			}
			old, ok := last[c.Label]
			now := r.Cells[i].Value
			if !ok || old <= 0 || now <= 0 {
				continue
			}
			if f := now / old; f >= ChangeFactor || f <= 1/ChangeFactor {
				out = append(out, Change{Unit: r.Unit, Label: c.Label, Last: old, Now: now})
			}
		}
	}
	return out
}

// Factor is how many times larger (or, below 1, smaller) the figure is.
func (c Change) Factor() float64 { return math.Round(c.Now/c.Last*100) / 100 }
