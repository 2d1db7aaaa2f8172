package zhtext

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The importer's heading expressions before ParseHeading replaced them:
// the reference ParseHeading is held equal to.
var (
	refH1     = regexp.MustCompile(`^[ \t\x{3000}]*([一二三四五六七八九十]{1,3})[ \t]*[、,，.．]`)
	refH2     = regexp.MustCompile(`^[ \t\x{3000}]*[(（][ \t]*([一二三四五六七八九十]{1,3})[ \t]*[)）][ \t]*[、,，.．]?`)
	refH3     = regexp.MustCompile(`^[ \t\x{3000}]*([0-9０-９]{1,2})[ \t]*[.．、,，]`)
	refH4     = regexp.MustCompile(`^[ \t\x{3000}]*[(（][ \t]*([0-9０-９]{1,2})[ \t]*[)）][ \t]*[、,，.．]?`)
	refH34    = regexp.MustCompile(`^[ \t\x{3000}]*([0-9０-９]{1,2})[.．]([0-9０-９]{1,2})[ \t\x{3000}]*`)
	refH1Part = regexp.MustCompile(`^[ \t\x{3000}]*第([一二三四五六七八九十]{1,3})部分[ \t\x{3000}]*[、,，.．:：]?`)
)

// refHeading is the importer's matchNumber as it was, on the expressions.
func refHeading(s string) (level int, prefix string, index int) {
	first := func(s string) rune {
		for _, r := range s {
			return r
		}
		return 0
	}
	digits := func(s string) int { n, _ := strconv.Atoi(FoldDigits(s)); return n }
	switch r := first(strings.TrimLeft(s, " \t\u3000")); {
	case r == '(' || r == '（':
		if m := refH2.FindStringSubmatchIndex(s); m != nil {
			return 2, s[:m[1]], ParseNumeral(s[m[2]:m[3]])
		}
		if m := refH4.FindStringSubmatchIndex(s); m != nil {
			return 4, s[:m[1]], digits(s[m[2]:m[3]])
		}
	case r == '第':
		if m := refH1Part.FindStringSubmatchIndex(s); m != nil {
			// Added with ParseHeading: run into a sentence, it is prose.
			if m[1] == m[3]+len("部分") && partRunsOn(s[m[1]:]) {
				return 0, "", 0
			}
			return 1, s[:m[1]], ParseNumeral(s[m[2]:m[3]])
		}
	case NumeralValue(r) != 0:
		if m := refH1.FindStringSubmatchIndex(s); m != nil {
			if NumeralValue(first(s[m[1]:])) != 0 {
				return 0, "", 0
			}
			return 1, s[:m[1]], ParseNumeral(s[m[2]:m[3]])
		}
	case IsDigit(r):
		rest := strings.TrimLeftFunc(strings.TrimLeft(s, " \t\u3000"), IsDigit)
		if (strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, "．")) && IsDigit(first(strings.TrimPrefix(strings.TrimPrefix(rest, "."), "．"))) {
			if m := refH34.FindStringSubmatchIndex(s); m != nil {
				rest := s[m[1]:]
				if r := first(rest); r >= 0x4E00 && r <= 0x9FFF && !strings.ContainsRune(amountStarts, r) &&
					decimalHeadingShape(digits(s[m[2]:m[3]]), digits(s[m[4]:m[5]]), rest) {
					return 4, s[:m[1]], digits(s[m[4]:m[5]])
				}
				return 0, "", 0
			}
		}
		if m := refH3.FindStringSubmatchIndex(s); m != nil {
			rest := s[m[1]:]
			if r := first(rest); IsDigit(r) || rest == "" {
				return 0, "", 0
			}
			return 3, s[:m[1]], digits(s[m[2]:m[3]])
		}
	}
	return 0, "", 0
}

func parsed(s string) (int, string, int) {
	h, ok := ParseHeading(s)
	if !ok {
		return 0, "", 0
	}
	return h.Level, h.Prefix, h.Index
}

// ParseHeading reads exactly what the importer's expressions read, on
// made-up edge cases and on every line of the corpus and our fixtures.
func TestParseHeadingEqualsExpressions(t *testing.T) {
	lines := []string{
		"一、", "一、二季度", "十二、总结", "一二三四、", "  （一）加强领导", "(三) 、推进", "（１２）", "（123）", "（ 二 ）。",
		"第一部分 主要举措", "第十二部分：", "第部分", "1.", "1. 2026年", "1、4月", "12.4国家宪法日期间", "1.5万人次", "1.2 亿元",
		"1.1 依法全面履行政府职能", "１．２推进依法决策", "123.4", "1.234", "1.2", "6.1儿童节期间，", "3.15消费者", "1 .推进", "\u3000\u3000二、",
		"（一）", "（十一）", "一，加强", "第一部分执法人员参加了培训。", "第二部分2026年度主要举措", "第三部分，", "第一部分，全年", "1，2月", "x一、", "", "2026年", "1.2.3", "9.9 重阳敬老", "(1)", "（1）、", "第一部分",
	}
	for _, dir := range []string{filepath.Join("..", "..", "..", "shared", "corpus"), filepath.Join("..", "..", "accuracy", "testdata")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				lines = append(lines, strings.Split(string(b), "\n")...)
			}
		}
	}
	if len(lines) < 100 {
		t.Fatalf("only %d lines to compare", len(lines))
	}
	headings := 0
	for _, s := range lines {
		gl, gp, gi := parsed(s)
		wl, wp, wi := refHeading(s)
		if gl != wl || gp != wp || gi != wi {
			t.Errorf("%q: got %d %q %d, want %d %q %d", s, gl, gp, gi, wl, wp, wi)
		}
		if wl > 0 {
			headings++
		}
	}
	for s, want := range map[string]bool{"第一部分执法人员参加了培训。": false, "第二部分2026年度主要举措": true, "第三部分，全年推进": true, "第一部分 全年开展培训。": true} {
		if _, ok := ParseHeading(s); ok != want {
			t.Errorf("ParseHeading(%q) = %v, want %v", s, ok, want)
		}
	}
	if headings < 20 {
		t.Errorf("only %d headings among the lines compared", headings)
	}
}

// On random lines over the headings' own alphabet the two agree.
func TestParseHeadingEqualsExpressionsRandom(t *testing.T) {
	alphabet := []string{"一", "二", "十", "（", "）", "(", ")", "、", "，", ",", ".", "．", "1", "2", "１", "第", "部分", " ", "\t", "\u3000", "：",
		"节", "日", "期间", "万", "推进", "依法", "。", "a", "\xe4", "；"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) + 1 {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		gl, gp, gi := parsed(s)
		wl, wp, wi := refHeading(s)
		if gl != wl || gp != wp || gi != wi {
			t.Fatalf("%q: got %d %q %d, want %d %q %d", s, gl, gp, gi, wl, wp, wi)
		}
	}
}

// opensWithOccasion tells a date's festival or day of observance from a
// subheading's title that holds 节 or 日.
func TestOpensWithOccasion(t *testing.T) {
	for _, s := range []string{"儿童节期间，开展送法进校园活动", "劳动节前夕开展宣传", "学雷锋日，组织志愿活动", "建军节当天走访退役军人",
		"世界环境日", "妇女节，举办法律讲座", "前后，集中开展宣传", "青年节之际开展普法"} {
		if !opensWithOccasion(s) {
			t.Errorf("%q: a day's occasion not seen", s)
		}
	}
	for _, s := range []string{"抓好关键环节", "做好节日期间执法", "强化执法监督日常管理", "推进依法决策", "规范工作日程", "聚焦重点环节，强化监督",
		"加强节能执法", "落实每日巡查制度"} {
		if opensWithOccasion(s) {
			t.Errorf("%q: a subheading's title taken for a day's occasion", s)
		}
	}
}
