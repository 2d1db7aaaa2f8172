// Package rollup builds the coordinating office's roll-up of the reports it
// received: one row per unit with its verdict, completeness and every
// figure, a totals row whose rates are recomputed from the summed counts,
// the units ranked by completeness, the reports to send back with the
// reasons, who on the roster has not submitted or was late, and changes
// from last year's roll-up that look like typing errors. It works on
// checked reports in memory; cli reads the files and writes the outputs.
package rollup

import (
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"nianbao/check"
	"nianbao/internal/workers"
	"nianbao/model"
)

// Input is one received file after checking.
type Input struct {
	File     string
	Report   *model.Report   // nil when the file could not be read
	Template *model.Template // the template it was checked against
	Result   check.Result
	Err      error     // why the file could not be read
	Received time.Time // when it arrived (the file's modification time)
	Strict   bool
}

// State tells the three kinds of empty apart: a unit that wrote 0 did the
// work and counted nothing; a blank is a figure not given; 无此项工作 says
// the unit has no such duty. Summing must not treat them alike.
type State int

// The states of a cell.
const (
	Blank State = iota
	Value
	NoWork
)

// NoWorkText is how a unit says it has no such duty, and how the roll-up
// shows it.
const NoWorkText = "无此项工作"

// Cell is one figure of one unit, or a total.
type Cell struct {
	State State
	Value float64
}

// Column is one figure across units.
type Column struct {
	ID, Label, Unit string
	Kind            model.FigureKind
	Rate            *model.Rate
}

// Header is the column's title with its unit: 行政复议收案数（件）.
func (c Column) Header() string {
	if c.Unit == "" {
		return c.Label
	}
	return c.Label + "（" + c.Unit + "）"
}

// Row is one unit.
type Row struct {
	File     string
	Unit     string
	Year     int
	Template string
	Readable bool
	Reason   string // why it could not be read
	// NotReport says the file was read but is not a report (a cover
	// letter, a receipt: check's report.not-report): it is sent back, and
	// neither its numbers nor its unit count towards the totals.
	NotReport    bool
	Passed       bool
	Completeness float64
	Errors       int
	Warnings     int
	Cells        []Cell   // one per Table.Columns
	Problems     []string // the errors, for the reports to return
	Received     time.Time
	Late         bool
	Rank         int // 1 = most complete
	// Superseded marks a report of a unit that sent more than one: the one
	// received last counts in the totals, and this one does not.
	Superseded bool
}

// OnlyLastCounted says, wherever the roll-up names the units that sent more
// than one report, how their reports count.
const OnlyLastCounted = "合计只计每个单位最后收到的一份（见“计入合计”列）"

// Counted says whether the row's figures go into the totals, in words:
// "是", "否（…）" for a report a later one of its unit replaces, "" for a
// file that gave no figures.
func (r Row) Counted() string {
	switch {
	case !r.Readable || r.NotReport:
		return ""
	case r.Superseded:
		return "否（该单位另有后收到的报告）"
	}
	return "是"
}

// Verdict is the row's verdict in Chinese.
func (r Row) Verdict() string {
	switch {
	case !r.Readable:
		return "无法读取"
	case r.Passed:
		return "通过"
	}
	return "未通过"
}

// Total is the totals of one column and how they were computed.
type Total struct {
	Cell
	Units int    // units that gave the figure
	Note  string // how it was computed, or why there is none
}

// Table is the whole roll-up.
type Table struct {
	Columns []Column
	Rows    []Row // ranked: most complete first
	Totals  []Total
	Missing []RosterEntry // on the roster, nothing received
	Extra   []string      // received from units not on the roster
	Changes []Change      // against last year's roll-up
	// Duplicates are units with more than one readable report (a .docx and
	// its PDF, a corrected copy): only the one received last counts in the
	// totals; the others are marked Superseded.
	Duplicates []string
	Roster     bool // a roster was given
	Previous   bool // last year's roll-up was given
}

// Returns lists the rows to send back: unreadable or failed.
func (t *Table) Returns() []Row {
	var out []Row
	for _, r := range t.Rows {
		// A report a later one of its unit replaces is not sent back: the
		// later one decides.
		if (!r.Readable || !r.Passed) && !r.Superseded {
			out = append(out, r)
		}
	}
	return out
}

// Units counts the units the rows come from, names compared as the
// duplicates and the roster compare them (normalizeUnit).
func (t *Table) Units() int {
	units := map[string]bool{}
	for _, r := range t.Rows {
		units[normalizeUnit(r.Unit)] = true
	}
	return len(units)
}

// LateRows lists the rows received after their due date, leaving out a
// unit with a report in time: a corrected copy sent after the date does
// not make a unit that submitted in time late.
func (t *Table) LateRows() []Row {
	inTime := map[string]bool{}
	for _, r := range t.Rows {
		if !r.Late && !r.Received.IsZero() && r.Readable && !r.NotReport {
			inTime[normalizeUnit(r.Unit)] = true
		}
	}
	var out []Row
	for _, r := range t.Rows {
		if r.Late && !inTime[normalizeUnit(r.Unit)] {
			out = append(out, r)
		}
	}
	return out
}

// maxProblems keeps the reasons in a spreadsheet cell readable.
const maxProblems = 8

// Build makes the roll-up. roster and previous may be nil.
func Build(inputs []Input, roster []RosterEntry, previous *Previous) *Table {
	t := &Table{Columns: columns(inputs), Roster: roster != nil, Previous: previous != nil,
		Rows: make([]Row, 0, len(inputs))} // sized once: growing it copied every row a dozen times
	// Which section holds each figure, worked out once per template: a
	// season's thousand reports share one or two.
	sections := map[*model.Template]map[string]string{}
	for _, in := range inputs {
		if in.Template != nil && sections[in.Template] == nil {
			sections[in.Template] = figureSections(in.Template)
		}
	}
	// A row reads only its own report and the shared, unchanging columns
	// and section maps, so the rows are built on every core. They are a
	// few milliseconds per 1,000 reports, after the checks, when the
	// other cores would be idle; BenchmarkRollupVsCheck showed no change
	// beyond its noise.
	t.Rows = t.Rows[:len(inputs)]
	workers.Each(len(inputs), 0, func(i int) {
		t.Rows[i] = row(inputs[i], t.Columns, sections[inputs[i].Template])
	})
	t.Duplicates = markSuperseded(t.Rows)
	t.Totals = totals(t.Columns, t.Rows)
	rank(t.Rows)
	if roster != nil {
		t.Missing, t.Extra = matchRoster(roster, t.Rows)
	}
	if previous != nil {
		t.Changes = compare(t, previous)
	}
	return t
}

// columns is the union of the templates' figures, in the order the first
// template giving each lists them.
func columns(inputs []Input) []Column {
	var out []Column
	seen := map[string]bool{}
	done := map[*model.Template]bool{} // a season's reports share a template or two
	for _, in := range inputs {
		if in.Template == nil || done[in.Template] {
			continue
		}
		done[in.Template] = true
		for _, f := range in.Template.Figures() {
			if seen[f.ID] {
				continue
			}
			seen[f.ID] = true
			out = append(out, Column{ID: f.ID, Label: f.Label, Unit: f.Unit, Kind: f.Kind, Rate: f.Rate})
		}
	}
	return out
}

// figureSections maps each figure id of t to its section's id.
func figureSections(t *model.Template) map[string]string {
	out := map[string]string{}
	t.Walk(func(s *model.Section) bool {
		for _, f := range s.Figures {
			out[f.ID] = s.ID
		}
		return true
	})
	return out
}

// row is one unit's line; sectionOf maps its template's figures to their
// sections.
func row(in Input, cols []Column, sectionOf map[string]string) Row {
	r := Row{File: in.File, Received: in.Received, Cells: make([]Cell, len(cols))}
	r.Unit = strings.TrimSuffix(filepath.Base(in.File), filepath.Ext(in.File))
	if in.Report == nil || in.Err != nil {
		if in.Err != nil {
			r.Reason = reason(in.Err)
		}
		r.Problems = []string{r.Reason}
		return r
	}
	rep := in.Report
	r.Readable = true
	if strings.TrimSpace(rep.Unit) != "" {
		r.Unit = strings.TrimSpace(rep.Unit)
	}
	r.Year, r.Template = rep.Year, in.Template.ID
	r.Completeness = in.Result.Completeness
	r.Errors, r.Warnings, _ = in.Result.Counts()
	r.Passed = in.Result.Passed(in.Strict)
	for _, f := range in.Result.Findings {
		if f.Severity == check.Error || in.Strict && f.Severity == check.Warning {
			r.Problems = append(r.Problems, f.Message)
		}
		r.NotReport = r.NotReport || f.Rule == check.RuleNotReport
	}
	if len(r.Problems) > maxProblems {
		more := len(r.Problems) - maxProblems
		r.Problems = append(r.Problems[:maxProblems], "……另有 "+strconv.Itoa(more)+" 条")
	}
	// noWorkIn is noWork for rep, once per section: a section's figures
	// share its answer.
	known := map[string]bool{}
	noWorkIn := func(sec string) bool {
		v, ok := known[sec]
		if !ok {
			v = noWork(rep, sec)
			known[sec] = v
		}
		return v
	}
	if r.NotReport {
		return r // a unit's cover letter must not add to its report's numbers
	}
	for i, c := range cols {
		// The value the check judged: the field, or else what the prose
		// states (Result.Prose), so a unit that wrote its figures only in
		// the text is summed as the check and the editor read it.
		if n, ok := rep.Figure(c.ID); ok {
			r.Cells[i] = Cell{State: Value, Value: n.Value}
		} else if p, ok := in.Result.Prose[c.ID]; ok && !invalid(rep, c.ID) {
			r.Cells[i] = Cell{State: Value, Value: p.Value.Value}
		} else if sec := sectionOf[c.ID]; noWorkIn(sec) {
			r.Cells[i] = Cell{State: NoWork}
		}
	}
	return r
}

// invalid says whether the unit typed something that is not a number into
// the figure's field: the check counts no value then, and neither does
// the roll-up, whatever the prose says.
func invalid(r *model.Report, id string) bool {
	_, bad := r.Invalid[id]
	return bad
}

// noWork says whether a unit declared it has no such duty: the figure's
// section says 无此项工作, or answers only 无/暂无/本年度无.
func noWork(r *model.Report, section string) bool {
	if section == "" {
		return false
	}
	text := strings.TrimSpace(r.Text(section))
	if strings.Contains(text, NoWorkText) {
		return true
	}
	t := strings.TrimRight(text, "。.！! \n")
	if text == "" || len(t) > 20*utf8.UTFMax || utf8.RuneCountInString(t) > 20 {
		return false
	}
	for _, p := range []string{"暂无", "无", "本年度无", "本年度暂无", "未发生", "本年度未发生"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

func reason(err error) string {
	if me, ok := err.(*model.Error); ok {
		return model.Printable(me.Msg)
	}
	return err.Error()
}

// totals sums counts and amounts and recomputes rates from the summed
// counts. Averaging rates would weigh a unit with 2 cases like one with
// 2,000; a rate whose counts are not in the template cannot be totalled.
func totals(cols []Column, rows []Row) []Total {
	idx := map[string]int{}
	labels := make([]string, len(cols))
	for i, c := range cols {
		idx[c.ID] = i
		labels[i] = c.Label
	}
	out := make([]Total, len(cols))
	for i, c := range cols {
		tot := &out[i]
		if c.Kind == model.KindPercent {
			*tot = rateTotal(c, rows, idx, labels)
			continue
		}
		noWork := 0
		for _, r := range rows {
			if r.Superseded {
				continue
			}
			switch r.Cells[i].State {
			case Value:
				tot.State = Value
				tot.Value += r.Cells[i].Value
				tot.Units++
			case NoWork:
				noWork++
			}
		}
		if tot.State != Value && noWork > 0 {
			tot.State = NoWork
		}
		tot.Note = strconv.Itoa(tot.Units) + " 个单位填报之和"
		if noWork > 0 {
			tot.Note += "；" + strconv.Itoa(noWork) + " 个单位无此项工作"
		}
	}
	return out
}

func rateTotal(c Column, rows []Row, idx map[string]int, labels []string) Total {
	if c.Rate == nil {
		return Total{Note: "比率没有对应的件数，不能汇总（比率不取平均）"}
	}
	ni, ok := idx[c.Rate.Numerator]
	if !ok {
		return Total{Note: "比率的分子不在汇总的数字中"}
	}
	// The first denominator is the template's main one; the others are
	// what some units divide by instead.
	den := c.Rate.Denominators[0]
	di, ok := idx[den]
	if !ok {
		return Total{Note: "比率的分母不在汇总的数字中"}
	}
	var num, sum float64
	units := 0
	for _, r := range rows {
		if !r.Superseded && r.Cells[ni].State == Value && r.Cells[di].State == Value {
			num += r.Cells[ni].Value
			sum += r.Cells[di].Value
			units++
		}
	}
	note := "由 " + strconv.Itoa(units) + " 个单位的合计数重新计算：合计“" + labels[ni] + "” ÷ 合计“" + labels[di] + "” × 100%"
	if sum == 0 {
		return Total{Units: units, Note: note + "（分母合计为 0，无法计算）"}
	}
	return Total{Cell: Cell{State: Value, Value: math.Round(num/sum*10000) / 100}, Units: units, Note: note}
}

// rank orders rows by completeness, then by fewer errors, then by unit,
// and numbers them.
func rank(rows []Row) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Readable != b.Readable {
			return a.Readable
		}
		if a.Completeness != b.Completeness {
			return a.Completeness > b.Completeness
		}
		if a.Errors != b.Errors {
			return a.Errors < b.Errors
		}
		return a.Unit < b.Unit
	})
	for i := range rows {
		rows[i].Rank = i + 1
	}
}

// markSuperseded marks, for each unit that sent more than one readable
// report, every report but the one received last, and lists those units
// in input order; a cover letter beside the report is not a second one.
func markSuperseded(rows []Row) []string {
	latest := map[string]int{} // unit → the row that counts
	count := map[string]int{}
	var order []string
	for i, r := range rows {
		if !r.Readable || r.NotReport {
			continue
		}
		u := normalizeUnit(r.Unit)
		count[u]++
		k, seen := latest[u]
		if !seen {
			order = append(order, r.Unit)
			latest[u] = i
			continue
		}
		// The later file wins; at the same time, the later in the folder's
		// order (a renamed "…（修改稿）" sorts after its first version).
		if !r.Received.Before(rows[k].Received) {
			rows[k].Superseded = true
			latest[u] = i
		} else {
			rows[i].Superseded = true
		}
	}
	var out []string
	for _, u := range order {
		if count[normalizeUnit(u)] > 1 {
			out = append(out, u)
		}
	}
	return out
}
