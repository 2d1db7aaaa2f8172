package accuracy

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// acase is one labelled case: a base report, a mutation, and what the
// check must say about the result.
type acase struct {
	id    string // class/base/name, stable: the baseline is keyed by it
	class string // d… = defect to find, fa… = correct text to leave alone
	base  string
	text  string
	ext   string // the document's file extension; "" is .txt
	// rules: for a defect, the rule ids that count as finding it (a
	// trailing * matches a prefix, for rules whose final id the check side
	// chooses); for silence, unused.
	rules []string
	// allow: rules a silence case's mutation may legitimately add.
	allow []string
	// unmodified cases judge the base itself; expected lists the findings
	// on it judged correct.
	unmodified bool
	expected   []string
	// computed, for a defect whose message must name the right counts: the
	// rate those counts give. A finding of an accepted rule that computes
	// another rate explains the defect wrongly and does not find it.
	computed *float64
}

func (c acase) defect() bool { return strings.HasPrefix(c.class, "d") }

func (c acase) accepts(rule string) bool { return matchAny(c.rules, rule) }

func (c acase) allows(rule string) bool { return matchAny(c.allow, rule) }

func matchAny(patterns []string, rule string) bool {
	for _, p := range patterns {
		if p == rule || strings.HasSuffix(p, "*") && strings.HasPrefix(rule, strings.TrimSuffix(p, "*")) {
			return true
		}
	}
	return false
}

// mutation turns a base text into a case's text; an error means the case
// does not fit its base (an anchor is missing), which is a bug in the case.
type mutation func(string) (string, error)

// rep replaces the first occurrence of old.
func rep(old, new string) mutation {
	return func(s string) (string, error) {
		if !strings.Contains(s, old) {
			return "", fmt.Errorf("anchor %q not found", old)
		}
		return strings.Replace(s, old, new, 1), nil
	}
}

// re replaces every match of a pattern (for corpus texts, whose wording the
// repository must not copy).
func re(pattern, repl string) mutation {
	rx := regexp.MustCompile(pattern)
	return func(s string) (string, error) {
		if !rx.MatchString(s) {
			return "", fmt.Errorf("pattern %q matches nothing", pattern)
		}
		return rx.ReplaceAllString(s, repl), nil
	}
}

// lineWith finds the first line matching pattern.
func lineWith(lines []string, pattern string) int {
	rx := regexp.MustCompile(pattern)
	for i, l := range lines {
		if rx.MatchString(l) {
			return i
		}
	}
	return -1
}

// appendTo adds text to the end of the first line matching pattern.
func appendTo(pattern, text string) mutation {
	return func(s string) (string, error) {
		lines := strings.Split(s, "\n")
		i := lineWith(lines, pattern)
		if i < 0 {
			return "", fmt.Errorf("no line matches %q", pattern)
		}
		lines[i] += text
		return strings.Join(lines, "\n"), nil
	}
}

// dropLines removes the lines from the first matching from up to, not
// including, the first later line matching to ("" = to the end, keeping a
// closing signature and date).
func dropLines(from, to string) mutation {
	return func(s string) (string, error) {
		lines := strings.Split(s, "\n")
		i := lineWith(lines, from)
		if i < 0 {
			return "", fmt.Errorf("no line matches %q", from)
		}
		j := len(lines)
		if to != "" {
			k := lineWith(lines[i+1:], to)
			if k < 0 {
				return "", fmt.Errorf("no line after %q matches %q", from, to)
			}
			j = i + 1 + k
		}
		return strings.Join(append(append([]string{}, lines[:i]...), lines[j:]...), "\n"), nil
	}
}

// lineAfter adds text as a line of its own after the first line matching
// pattern.
func lineAfter(pattern, text string) mutation {
	return func(s string) (string, error) {
		lines := strings.Split(s, "\n")
		i := lineWith(lines, pattern)
		if i < 0 {
			return "", fmt.Errorf("no line matches %q", pattern)
		}
		return strings.Join(slices.Insert(lines, i+1, text), "\n"), nil
	}
}

// appendText adds lines at the end of the text.
func appendText(text ...string) mutation {
	return func(s string) (string, error) {
		return strings.TrimRight(s, "\n") + "\n" + strings.Join(text, "\n") + "\n", nil
	}
}

// prependText adds lines at the start of the text.
func prependText(text ...string) mutation {
	return func(s string) (string, error) {
		return strings.Join(text, "\n") + "\n" + s, nil
	}
}

// titleLineRe finds a report's title line: a year and 报告 on one line.
var titleLineRe = regexp.MustCompile(`(?m)^.*\d{4}\s*年.*报告.*$`)

// bodyYear moves every year below the title back by one: last year's
// report under this year's title.
func bodyYear(year int) mutation {
	return func(s string) (string, error) {
		loc := titleLineRe.FindStringIndex(s)
		if loc == nil || !strings.Contains(s[loc[0]:loc[1]], strconv.Itoa(year)) {
			return "", fmt.Errorf("no title line with %d", year)
		}
		body := s[loc[1]:]
		body = strings.ReplaceAll(body, strconv.Itoa(year)+"年", strconv.Itoa(year-1)+"年")
		body = strings.ReplaceAll(body, strconv.Itoa(year+1)+"年", strconv.Itoa(year)+"年")
		return s[:loc[1]] + body, nil
	}
}

func chain(ms ...mutation) mutation {
	return func(s string) (string, error) {
		var err error
		for _, m := range ms {
			if s, err = m(s); err != nil {
				return "", err
			}
		}
		return s, nil
	}
}

// sampleBases reads the sample reports written for the harness.
func sampleBases(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range []string{"county", "district", "department"} {
		b, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(b)
	}
	return out
}

// corpusBases reads the published reports when ../shared is present.
func corpusBases() map[string]string {
	out := map[string]string{}
	for name, file := range map[string]string{"jixi": "jixi-county-2023.txt", "dongchangfu": "dongchangfu-sfj-2023.txt"} {
		if b, err := os.ReadFile(filepath.Join(corpusDir, file)); err == nil {
			out[name] = string(b)
		}
	}
	return out
}

// builder collects cases, applying each mutation to its base.
type builder struct {
	bases map[string]string
	cases []acase
	errs  []string
}

func (b *builder) add(class, base, name string, m mutation, c acase) {
	text, ok := b.bases[base]
	if !ok {
		return // a corpus base that is absent
	}
	out, err := m(text)
	c.id, c.class, c.base = class+"/"+base+"/"+name, class, base
	if err != nil {
		b.errs = append(b.errs, c.id+": "+err.Error())
		return
	}
	c.text = out
	b.cases = append(b.cases, c)
}

// addAs adds a case whose document is written with extension ext.
func (b *builder) addAs(ext, class, base, name string, m mutation, c acase) {
	c.ext = ext
	b.add(class, base, name, m, c)
}

func (b *builder) defect(class, base, name string, m mutation, rules ...string) {
	b.add(class, base, name, m, acase{rules: rules})
}

// defectComputed adds a wrong rate whose finding must compute want from
// the counts the sentence gives.
func (b *builder) defectComputed(class, base, name string, m mutation, want float64, rules ...string) {
	b.add(class, base, name, m, acase{rules: rules, computed: &want})
}

func (b *builder) quiet(class, base, name string, m mutation, allow ...string) {
	b.add(class, base, name, m, acase{allow: allow})
}

func (b *builder) unmodified(base string, expected ...string) {
	b.add("fa0.unmodified", base, "as-published", func(s string) (string, error) { return s, nil },
		acase{unmodified: true, expected: expected})
}

func allCases(t *testing.T, bases map[string]string) []acase {
	t.Helper()
	b := &builder{bases: bases}
	unmodifiedCases(b)
	figurePhrasingCases(b)
	sectionCases(b)
	rateCases(b)
	tableCases(b)
	enumCases(b)
	runInCases(b)
	headingLookalikeCases(b)
	mergedPartCases(b)
	noCaseCases(b)
	halfWidthStopCases(b)
	counterVisitCases(b)
	leftoverCases(b)
	notReportCases(b)
	wordPromptCases(b)
	defectCases(b)
	for _, e := range b.errs {
		t.Error("bad case ", e)
	}
	seen := map[string]bool{}
	for _, c := range b.cases {
		if seen[c.id] {
			t.Errorf("duplicate case id %s", c.id)
		}
		seen[c.id] = true
	}
	return b.cases
}
