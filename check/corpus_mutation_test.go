package check

import (
	"regexp"
	"strings"
	"testing"
)

// accuracyRules are the rules this file measures on the published reports.
var accuracyRules = []string{RuleProseRate, RuleProseRateDoubt, RuleProsePart, RuleProseBlank,
	RulePlaceholderMark, RuleYearBody, RuleEnum, RulePlaceholder}

var corpusFiles = []string{"dongchangfu-sfj-2023.txt", "jixi-county-2023.txt"}

func ruleLines(fs []Finding, rules []string) map[string][]int {
	out := map[string][]int{}
	for _, f := range fs {
		for _, r := range rules {
			if f.Rule == r {
				out[r] = append(out[r], f.Line)
			}
		}
	}
	return out
}

// TestCorpusQuiet: the unmodified published reports raise none of the
// number and enumeration findings.
func TestCorpusQuiet(t *testing.T) {
	for _, name := range corpusFiles {
		text := readCorpus(t, name)
		for _, f := range Text(text) {
			for _, r := range accuracyRules {
				if f.Rule == r {
					t.Errorf("%s:%d: false alarm [%s] %s", name, f.Line, f.Rule, f.Message)
				}
			}
		}
	}
}

// injections are defects written in our own words, inserted as a
// paragraph of the body; each must be found at its line and nothing else
// may change.
var injections = []struct {
	rule, text string
}{
	{RuleProseRate, "全年审结行政复议案件48件，纠错5件，纠错率1.04%。"},
	{RuleProseRate, "行政应诉案件36件，负责人出庭应诉36件，出庭应诉率103%。"},
	{RuleProseRate, "受理群众投诉210件，按期办结168件，按期办结率95.2%。"},
	{RuleProseRateDoubt, "受理群众投诉210件，按期办结60件，按期办结率95%。"},
	{RuleProseRateDoubt, "行政应诉案件25件，行政机关负责人出庭应诉23次，出庭应诉率92%。"},
	{RuleProsePart, "全年审结复议案件40件，其中纠错52件。"},
	{RuleProsePart, "受理矛盾纠纷1500件，其中涉企纠纷1620件。"},
	{RuleProseBlank, "全年共办理件，同比有所增长。"},
	{RuleProseBlank, "开展执法检查余次，发现问题12个。"},
	{RuleProseBlank, "覆盖群众 万人次。"},
	{RuleProseBlank, "行政复议纠错率%，低于全省平均水平。"},
	{RulePlaceholderMark, "开展法治讲座X场。"},
	{RuleEnum, "一是健全制度。二是强化监督。三是规范执法。四加强培训。"},
	{RuleEnum, "一是健全制度。二是强化监督。四是加强培训。"},
}

// insertAt inserts a paragraph before line n (1-based).
func insertAt(text string, n int, para string) string {
	lines := strings.Split(text, "\n")
	n = min(max(n-1, 0), len(lines))
	out := append([]string{}, lines[:n]...)
	out = append(out, para)
	return strings.Join(append(out, lines[n:]...), "\n")
}

func TestCorpusInjected(t *testing.T) {
	for _, name := range corpusFiles {
		text := readCorpus(t, name)
		base := ruleLines(Text(text), accuracyRules)
		at := len(strings.Split(text, "\n")) / 2 // the middle of the body
		for _, inj := range injections {
			t.Run(name+"/"+inj.text, func(t *testing.T) {
				got := ruleLines(Text(insertAt(text, at, inj.text)), accuracyRules)
				found := false
				for _, l := range got[inj.rule] {
					found = found || l == at
				}
				if !found {
					t.Errorf("%s not found at line %d: %v", inj.rule, at, got)
				}
				for r, ls := range got {
					n := 0
					for _, l := range ls {
						if l != at {
							n++
						}
					}
					if n != len(base[r]) {
						t.Errorf("[%s] elsewhere changed: %v, was %v", r, ls, base[r])
					}
				}
			})
		}
	}
}

var twoDecimalRate = regexp.MustCompile(`率[为达到是]{0,2}(\d+)\.(\d\d)%`)

// TestCorpusSlippedDecimals moves the decimal point of every two-decimal
// rate whose sentence states two counts; each must be reported.
func TestCorpusSlippedDecimals(t *testing.T) {
	tried := 0
	for _, name := range corpusFiles {
		text := readCorpus(t, name)
		for _, m := range twoDecimalRate.FindAllStringSubmatchIndex(text, -1) {
			a, b := sentenceOf(text, m[0])
			if strings.Count(text[a:b], "件") < 2 {
				continue
			}
			// 99.27% becomes 9.927%: the same digits, the point moved.
			intPart, frac := text[m[2]:m[3]], text[m[4]:m[5]]
			moved := intPart[:len(intPart)-1] + "." + intPart[len(intPart)-1:] + frac
			if strings.HasPrefix(moved, ".") {
				moved = "0" + moved
			}
			mutated := text[:m[2]] + moved + text[m[5]:]
			line := strings.Count(text[:m[0]], "\n") + 1
			tried++
			if ls := ruleLines(Text(mutated), []string{RuleProseRate})[RuleProseRate]; !containsInt(ls, line) {
				t.Errorf("%s:%d: %s%% not reported (%v)", name, line, moved, ls)
			}
		}
	}
	if tried == 0 {
		t.Skip("no rate with its counts in the corpus")
	}
}

func sentenceOf(text string, i int) (int, int) {
	a := strings.LastIndexAny(text[:i], "。\n") + 1
	b := i + strings.IndexAny(text[i:], "。\n")
	if b < i {
		b = len(text)
	}
	return a, b
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

var yearInBody = regexp.MustCompile(`2023年`)

// TestCorpusStaleYear: last year's report with a new title — every 2023 of
// the body turned into 2022 under the 2023 title — is reported.
func TestCorpusStaleYear(t *testing.T) {
	for _, name := range corpusFiles {
		text := readCorpus(t, name)
		lines := strings.Split(text, "\n")
		title := -1
		for i, l := range lines {
			if strings.Contains(l, "报告") && strings.Contains(l, "法治") && strings.Contains(l, "2023") {
				title = i
				break
			}
		}
		if title < 0 {
			t.Fatalf("%s: no title line", name)
		}
		for i := range lines {
			if i != title {
				lines[i] = yearInBody.ReplaceAllString(lines[i], "2022年")
			}
		}
		if got := findRule(Text(strings.Join(lines, "\n")), RuleYearBody); len(got) != 1 {
			t.Errorf("%s: stale body not reported: %+v", name, got)
		}
	}
}

var countAfterNoun = regexp.MustCompile(`(建议|提案|纠纷|活动)(\d+)(件|场|次)`)

// TestCorpusBlankedCounts removes the number of counts that follow a
// counted noun; each blank must be reported.
func TestCorpusBlankedCounts(t *testing.T) {
	tried := 0
	for _, name := range corpusFiles {
		text := readCorpus(t, name)
		for _, m := range countAfterNoun.FindAllStringSubmatchIndex(text, -1) {
			after := text[m[1]:]
			if r := firstRune(after); !(r == '，' || r == ',' || r == '。' || r == '、' || r == ';' || r == '；') {
				continue // the rule wants the unit to end its clause
			}
			mutated := text[:m[4]] + text[m[5]:]
			line := strings.Count(text[:m[0]], "\n") + 1
			tried++
			if ls := ruleLines(Text(mutated), []string{RuleProseBlank})[RuleProseBlank]; !containsInt(ls, line) {
				t.Errorf("%s:%d: %q with its number removed not reported", name, line, text[m[0]:m[1]])
			}
		}
	}
	if tried == 0 {
		t.Skip("no count after a counted noun in the corpus")
	}
}

var rateNumerator = regexp.MustCompile(`(调解成功|办结|审结|纠错|败诉)(\d+)件`)

// TestCorpusBumpedNumerators raises the numerator of every rate the corpus
// states with its counts by a tenth plus one; the rate no longer fits its
// counts (or the part outgrows its whole) and must be reported.
func TestCorpusBumpedNumerators(t *testing.T) {
	tried := 0
	for _, name := range corpusFiles {
		text := readCorpus(t, name)
		quiet := ruleLines(Text(text), rateRules)
		for _, m := range rateNumerator.FindAllStringSubmatchIndex(text, -1) {
			a, b := sentenceOf(text, m[0])
			if !strings.Contains(text[a:b], "率") || !strings.Contains(text[a:b], "%") || strings.Count(text[a:b], "件") < 2 {
				continue
			}
			v := 0
			for _, ch := range text[m[4]:m[5]] {
				v = v*10 + int(ch-'0')
			}
			mutated := text[:m[4]] + sprintf("%d", v+v/10+1) + text[m[5]:]
			line := strings.Count(text[:m[0]], "\n") + 1
			tried++
			got := ruleLines(Text(mutated), append([]string{RuleProsePart}, rateRules...))
			found := false
			for _, ls := range got {
				found = found || containsInt(ls, line)
			}
			if !found {
				t.Errorf("%s:%d: numerator %d→%d not reported (%v, before %v)", name, line, v, v+v/10+1, got, quiet)
			}
		}
	}
	if tried == 0 {
		t.Skip("no rate numerator in the corpus")
	}
}

var anyCount = regexp.MustCompile(`(\d+(?:\.\d+)?)(万)?(余|多)?(人次|场次|件|次|场|个|项|名|条|篇|份)`)

// TestCorpusBlankRecall removes, one at a time, the number of every count
// in the published reports and measures how many of the blanks prose.blank
// or prose.blank-doubt report. Not every blank is findable without false
// alarms (“连续个月”, “培训次350人次”), so this is a floor, not 100%.
func TestCorpusBlankRecall(t *testing.T) {
	found, total := 0, 0
	for _, name := range corpusFiles {
		text := readCorpus(t, name)
		for _, m := range anyCount.FindAllStringSubmatchIndex(text, -1) {
			if m[0] > 0 && strings.ContainsAny(text[m[0]-1:m[0]], "0123456789.") || strings.HasPrefix(text[m[1]:], "月") {
				continue // inside a longer number, or a duration (55个月)
			}
			line := strings.Count(text[:m[0]], "\n") + 1
			got := ruleLines(Text(text[:m[2]]+text[m[3]:]), []string{RuleProseBlank, RuleProseBlankDoubt})
			total++
			if containsInt(got[RuleProseBlank], line) || containsInt(got[RuleProseBlankDoubt], line) {
				found++
			}
		}
	}
	t.Logf("blank figures found: %d of %d", found, total)
	if total > 0 && float64(found) < 0.8*float64(total) {
		t.Errorf("blank recall fell to %d of %d", found, total)
	}
}
