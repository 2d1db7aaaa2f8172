package rollup

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"nianbao/model"
)

// RosterEntry is one unit the office expects a report from.
type RosterEntry struct {
	Unit string
	Due  time.Time // zero when the roster gives no date
	Line int
}

// ReadRoster reads the list of expected units: the unit in the first
// column, optionally a due date in the second (2025-03-01, 2025/3/1,
// 2025年3月1日). It is an .xlsx (its first sheet) or a CSV in UTF-8 or
// GBK (readTable). A header row is recognised and skipped.
func ReadRoster(path string) ([]RosterEntry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法读取单位名单：" + model.OSReason(err)}
	}
	rows, err := readTable(path, data, "", "单位名单")
	if err != nil {
		return nil, err
	}
	var out []RosterEntry
	seen := map[string]int{}
	for i, rec := range rows {
		line := i + 1
		if len(rec) == 0 || strings.TrimSpace(rec[0]) == "" {
			continue
		}
		unit := strings.TrimSpace(rec[0])
		if line == 1 && headerWords[strings.ToLower(unit)] {
			continue
		}
		e := RosterEntry{Unit: unit, Line: line}
		if len(rec) > 1 && strings.TrimSpace(rec[1]) != "" {
			d, ok := parseDate(rec[1])
			if !ok {
				return nil, &model.Error{File: path, Line: line, Col: 2, Msg: "截止日期“" + strings.TrimSpace(rec[1]) + "”无法识别，请写成 2025-03-01"}
			}
			e.Due = d
		}
		if prev, dup := seen[normalizeUnit(unit)]; dup {
			return nil, &model.Error{File: path, Line: line, Msg: "单位“" + unit + "”重复（第 " + strconv.Itoa(prev) + " 行已有）"}
		}
		seen[normalizeUnit(unit)] = line
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, &model.Error{File: path, Msg: "单位名单是空的"}
	}
	return out, nil
}

var headerWords = map[string]bool{"单位": true, "单位名称": true, "报告单位": true, "名称": true, "unit": true}

var dateRe = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)

func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	// A date cell of an .xlsx, read raw: days since 1899-12-30, within
	// 1955–2119 so that no other number passes for one.
	if serial, err := strconv.ParseFloat(s, 64); err == nil && serial >= 20000 && serial < 80000 {
		d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.Local).AddDate(0, 0, int(serial))
		return d, true
	}
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.Local)
	if t.Month() != time.Month(mo) || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// normalizeUnit makes unit names comparable: spaces and brackets vary
// between the roster and what a unit types on its report.
func normalizeUnit(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\u3000', '（', '）', '(', ')':
			return -1
		}
		return r
	}, s)
}

// matchRoster pairs rows with roster entries: the same name, or else one
// name containing the other when that pairs exactly one entry ("县司法局" on
// the roster, "青山县司法局" on the report). It marks late rows and returns
// the entries with no report and the units not on the roster, each once.
func matchRoster(roster []RosterEntry, rows []Row) (missing []RosterEntry, extra []string) {
	matched := make([]bool, len(roster))
	for i := range rows {
		// An unreadable file still counts as submitted: its name stands
		// for the unit.
		u := normalizeUnit(rows[i].Unit)
		k := -1
		for j, e := range roster {
			if normalizeUnit(e.Unit) == u {
				k = j
				break
			}
		}
		if k < 0 {
			var cands []int
			for j, e := range roster {
				n := normalizeUnit(e.Unit)
				if !matched[j] && (strings.Contains(u, n) || strings.Contains(n, u)) {
					cands = append(cands, j)
				}
			}
			if len(cands) == 1 {
				k = cands[0]
			}
		}
		if k < 0 {
			// Named once, however many files the unit sent.
			if !slices.ContainsFunc(extra, func(e string) bool { return normalizeUnit(e) == u }) {
				extra = append(extra, rows[i].Unit)
			}
			continue
		}
		matched[k] = true
		if due := roster[k].Due; !due.IsZero() && !rows[i].Received.IsZero() && rows[i].Received.After(due.AddDate(0, 0, 1)) {
			rows[i].Late = true
		}
	}
	for j, e := range roster {
		if !matched[j] {
			missing = append(missing, e)
		}
	}
	return missing, extra
}
