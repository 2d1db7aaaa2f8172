package accuracy

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"nianbao/cli"
)

// baselineFile records each case's outcome as last accepted. Regenerate it
// with `scripts/accuracy -update` (which sets updateEnv).
const (
	baselineFile = "baseline.txt"
	updateEnv    = "NIANBAO_ACCURACY_UPDATE"
	corpusDir    = "../../shared/corpus"
)

// finding is the part of `check --format json` the harness reads.
type finding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Line     int      `json:"line"`
	Message  string   `json:"message"`
	Computed *float64 `json:"computed"`
}

type fileOut struct {
	File     string    `json:"file"`
	Verdict  string    `json:"verdict"`
	Error    string    `json:"error"`
	Findings []finding `json:"findings"`
}

// outcome is what one case came to.
type outcome struct {
	c      acase
	found  bool      // defect cases: the expected finding appeared
	alarms []finding // findings counted as false alarms
	// misread: findings of an accepted rule that computed another rate
	// than the case expects.
	misread []finding
}

// good is the outcome the case asks for.
func (o outcome) good() bool {
	if o.c.defect() {
		return o.found
	}
	return len(o.alarms) == 0
}

// baseRecord is a case's outcome as stored in the baseline: for a defect
// case found or missed, for a silence case its number of false alarms.
func (o outcome) baseRecord() string {
	if o.c.defect() {
		if o.found {
			return "found"
		}
		return "missed"
	}
	return strconv.Itoa(len(o.alarms))
}

func TestAccuracy(t *testing.T) {
	bases := sampleBases(t)
	for name, text := range corpusBases() {
		bases[name] = text
	}
	cases := allCases(t, bases)
	dir := t.TempDir()
	results := runCheck(t, dir, bases, cases)
	var outs []outcome
	for _, c := range cases {
		outs = append(outs, judge(c, results["base:"+c.base], results[c.id]))
	}
	report := summarize(outs)
	// The table goes to stdout for scripts/accuracy; -v shows it in go test.
	fmt.Print(report)
	if os.Getenv(updateEnv) != "" {
		writeBaseline(t, outs)
		return
	}
	base, err := readBaseline()
	if err != nil {
		t.Fatalf("%v（用 scripts/accuracy -update 生成）", err)
	}
	for _, p := range compare(outs, base) {
		t.Error(p)
	}
}

// runCheck writes every base and every mutated case to dir and checks them
// all in one `nianbao check --format json` run.
func runCheck(t *testing.T, dir string, bases map[string]string, cases []acase) map[string][]finding {
	t.Helper()
	byPath := map[string]string{}
	var paths []string
	write := func(key, text, ext string) {
		if ext == "" {
			ext = ".txt"
		}
		p := filepath.Join(dir, strconv.Itoa(len(paths))+ext)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		byPath[p] = key
		paths = append(paths, p)
	}
	names := make([]string, 0, len(bases))
	for name := range bases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		write("base:"+name, bases[name], "")
	}
	for _, c := range cases {
		write(c.id, c.text, c.ext)
	}
	var out, errOut bytes.Buffer
	code := cli.Run(append([]string{"check", "--format", "json"}, paths...), &cli.Streams{Out: &out, Err: &errOut})
	if code > 1 {
		t.Fatalf("check exit %d: %s", code, errOut.String())
	}
	var rep struct {
		Files []fileOut `json:"files"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("check JSON: %v", err)
	}
	res := map[string][]finding{}
	for _, f := range rep.Files {
		if f.Verdict == "unreadable" {
			t.Errorf("%s unreadable: %s", byPath[f.File], f.Error)
		}
		res[byPath[f.File]] = f.Findings
	}
	return res
}

// judge compares a case's findings with its base's. A finding is new when
// its rule is reported more often than on the base. A defect case is found
// when a rule it accepts is new; in a silence case every new warning or
// error (other than the rules the case allows) is a false alarm. The
// unmodified bases are judged against the findings listed as correct.
func judge(c acase, base, got []finding) outcome {
	o := outcome{c: c}
	if c.unmodified {
		base = nil
	}
	seen := map[string]int{}
	for _, f := range base {
		seen[f.Rule]++
	}
	expected := map[string]int{}
	for _, r := range c.expected {
		expected[r]++
	}
	for _, f := range got {
		if seen[f.Rule] > 0 {
			seen[f.Rule]--
			continue
		}
		if c.defect() && c.accepts(f.Rule) {
			if c.explainedBy(f) {
				o.found = true
			} else {
				o.misread = append(o.misread, f)
			}
			continue
		}
		if expected[f.Rule] > 0 {
			expected[f.Rule]--
			continue
		}
		if !c.defect() && f.Severity != "info" && !c.allows(f.Rule) {
			o.alarms = append(o.alarms, f)
		}
	}
	return o
}

// explainedBy: the finding computes the rate the case expects, when it
// expects one.
func (c acase) explainedBy(f finding) bool {
	if c.computed == nil {
		return true
	}
	return f.Computed != nil && math.Abs(*f.Computed-*c.computed) < 0.05
}

// summarize prints recall per defect class and false alarms per silence
// class, then every false alarm and every missed defect.
func summarize(outs []outcome) string {
	type tally struct{ n, good, alarms int }
	classes := map[string]*tally{}
	var order []string
	for _, o := range outs {
		k := o.c.class
		if classes[k] == nil {
			classes[k] = &tally{}
			order = append(order, k)
		}
		t := classes[k]
		t.n++
		if o.good() {
			t.good++
		}
		t.alarms += len(o.alarms)
	}
	sort.Strings(order)
	var b strings.Builder
	fmt.Fprintf(&b, "%-28s %6s %8s %8s\n", "class", "cases", "recall", "alarms")
	defects, found, alarms := 0, 0, 0
	for _, k := range order {
		t := classes[k]
		if strings.HasPrefix(k, "d") {
			defects += t.n
			found += t.good
			fmt.Fprintf(&b, "%-28s %6d %7.1f%% %8s\n", k, t.n, 100*float64(t.good)/float64(t.n), "-")
		} else {
			alarms += t.alarms
			fmt.Fprintf(&b, "%-28s %6d %8s %8d\n", k, t.n, "-", t.alarms)
		}
	}
	fmt.Fprintf(&b, "%-28s %6d %7.1f%% %8d\n", "total", len(outs), 100*float64(found)/float64(max(defects, 1)), alarms)
	fmt.Fprintf(&b, "\nfalse alarms (%d):\n", alarms)
	for _, o := range outs {
		for _, f := range o.alarms {
			fmt.Fprintf(&b, "  %s: [%s] %s\n", o.c.id, f.Rule, clip(f.Message, 90))
		}
	}
	fmt.Fprintf(&b, "\nmissed defects (%d):\n", defects-found)
	for _, o := range outs {
		if o.c.defect() && !o.found {
			fmt.Fprintf(&b, "  %s: wanted %s", o.c.id, strings.Join(o.c.rules, " or "))
			if o.c.computed != nil {
				fmt.Fprintf(&b, " computing %s%%", strconv.FormatFloat(*o.c.computed, 'f', -1, 64))
			}
			for _, f := range o.misread {
				fmt.Fprintf(&b, "; got %s", f.Message)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func writeBaseline(t *testing.T, outs []outcome) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Accuracy baseline: one case a line, \"id outcome\" (found/missed, or the\n")
	b.WriteString("# number of false alarms). Regenerate with: scripts/accuracy -update\n")
	lines := make([]string, 0, len(outs))
	for _, o := range outs {
		lines = append(lines, o.c.id+" "+o.baseRecord())
	}
	sort.Strings(lines)
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	if err := os.WriteFile(baselineFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readBaseline() (map[string]string, error) {
	f, err := os.Open(baselineFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, rec, ok := strings.Cut(line, " ")
		if !ok {
			return nil, fmt.Errorf("%s: bad line %q", baselineFile, line)
		}
		out[id] = rec
	}
	return out, sc.Err()
}

// compare reports what got worse than the baseline, over the cases both
// runs have (corpus cases are absent when ../shared is): a defect class
// finding fewer of its defects, or more false alarms in total. Cases the
// baseline does not know are listed so the baseline gets regenerated.
func compare(outs []outcome, base map[string]string) []string {
	var problems []string
	foundNow, foundThen := map[string]int{}, map[string]int{}
	alarmsNow, alarmsThen := 0, 0
	var unknown []string
	for _, o := range outs {
		rec, ok := base[o.c.id]
		if !ok {
			unknown = append(unknown, o.c.id)
			continue
		}
		if o.c.defect() {
			if o.found {
				foundNow[o.c.class]++
			}
			if rec == "found" {
				foundThen[o.c.class]++
			}
			continue
		}
		alarmsNow += len(o.alarms)
		n, _ := strconv.Atoi(rec)
		alarmsThen += n
	}
	classes := make([]string, 0, len(foundThen))
	for k := range foundThen {
		classes = append(classes, k)
	}
	sort.Strings(classes)
	for _, k := range classes {
		if foundNow[k] < foundThen[k] {
			problems = append(problems, fmt.Sprintf("recall fell in %s: %d defects found, baseline %d", k, foundNow[k], foundThen[k]))
		}
	}
	if alarmsNow > alarmsThen {
		problems = append(problems, fmt.Sprintf("false alarms rose: %d, baseline %d", alarmsNow, alarmsThen))
	}
	if len(unknown) > 0 {
		problems = append(problems, fmt.Sprintf("%d cases not in %s (run scripts/accuracy -update): %s", len(unknown), baselineFile, strings.Join(unknown, ", ")))
	}
	return problems
}
