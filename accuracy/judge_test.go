package accuracy

import (
	"strings"
	"testing"
)

// The harness's own arithmetic: what counts as found, as a false alarm,
// and as worse than the baseline.
func TestJudge(t *testing.T) {
	f := func(rule, sev string) finding { return finding{Rule: rule, Severity: sev} }
	base := []finding{f("writing.punct", "warning")}
	defect := acase{id: "d1.x/b/n", class: "d1.x", rules: []string{"prose.rate", "writing.year*"}}
	if o := judge(defect, base, []finding{f("writing.punct", "warning")}); o.found {
		t.Error("a finding the base already had is not new")
	}
	if o := judge(defect, base, []finding{f("writing.punct", "warning"), f("writing.year-body", "error")}); !o.found {
		t.Error("a prefix pattern accepts the rule")
	}
	want, got, other := 12.5, 12.5, 1.5625
	named := acase{id: "d17.x/b/n", class: "d17.x", rules: []string{"prose.rate"}, computed: &want}
	if o := judge(named, base, []finding{{Rule: "prose.rate", Severity: "error", Computed: &other}}); o.found || len(o.misread) != 1 {
		t.Error("a finding computing another rate explains the defect wrongly: not found")
	}
	if o := judge(named, base, []finding{{Rule: "prose.rate", Severity: "error", Computed: &got}}); !o.found {
		t.Error("a finding computing the expected rate finds the defect")
	}
	quiet := acase{id: "fa1.x/b/n", class: "fa1.x", allow: []string{"section.short"}}
	o := judge(quiet, base, []finding{f("writing.punct", "warning"), f("section.short", "warning"), f("prose.rate", "error"), f("figure.missing", "info")})
	if len(o.alarms) != 1 || o.alarms[0].Rule != "prose.rate" {
		t.Errorf("alarms %+v: want only the new, not allowed, not info finding", o.alarms)
	}
	// Two of a rule where the base has one: the second is new.
	if o := judge(quiet, base, []finding{f("writing.punct", "warning"), f("writing.punct", "warning")}); len(o.alarms) != 1 {
		t.Errorf("alarms %+v", o.alarms)
	}
	// The unmodified base is judged against the findings listed correct.
	un := acase{id: "fa0.unmodified/b/as-published", class: "fa0.unmodified", unmodified: true, expected: []string{"writing.punct"}}
	if o := judge(un, base, []finding{f("writing.punct", "warning"), f("figure.missing", "warning")}); len(o.alarms) != 1 {
		t.Errorf("unmodified alarms %+v", o.alarms)
	}

	outs := []outcome{{c: defect, found: false}, {c: quiet, alarms: []finding{f("prose.rate", "error")}}}
	base2 := map[string]string{defect.id: "found", quiet.id: "0", "gone/b/n": "found"}
	problems := strings.Join(compare(outs, base2), "\n")
	if !strings.Contains(problems, "recall fell in d1.x") || !strings.Contains(problems, "false alarms rose: 1, baseline 0") {
		t.Errorf("compare: %s", problems)
	}
	if p := compare(outs, map[string]string{defect.id: "missed", quiet.id: "1"}); len(p) != 0 {
		t.Errorf("equal to the baseline is not worse: %v", p)
	}
	if p := compare(outs, map[string]string{defect.id: "missed"}); len(p) != 1 || !strings.Contains(p[0], "not in baseline.txt") {
		t.Errorf("unknown case: %v", p)
	}
}
