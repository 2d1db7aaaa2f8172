package render

import (
	"strings"
	"testing"
)

// Title breaking, labelled: each case gives the title, the unit and the
// lines it must be printed on. Lines hold at most 20 2号 characters.
func TestBreakTitle(t *testing.T) {
	cases := []struct {
		name, title, unit string
		want              []string
	}{
		{"fits one line", "示例县2024年度法治政府建设情况报告", "示例县", []string{"示例县2024年度法治政府建设情况报告"}},
		{"county government: unit and year, then the rest", "示例县人民政府2024年度法治政府建设情况报告", "示例县人民政府",
			[]string{"示例县人民政府2024年度", "法治政府建设情况报告"}},
		{"department: never 法｜治 or 建｜设", "示例市市场监督管理局2024年度法治政府建设情况报告", "示例市市场监督管理局",
			[]string{"示例市市场监督管理局", "2024年度法治政府建设情况报告"}},
		{"long unit breaks after its place name", "示例省示例自治州示例县人民政府2024年度法治政府建设情况报告", "示例省示例自治州示例县人民政府",
			[]string{"示例省示例自治州示例县人民政府", "2024年度法治政府建设情况报告"}},
		{"关于 stays with what follows, 的 with what precedes", "示例县人民政府关于2024年度法治政府建设工作情况的报告", "示例县人民政府",
			[]string{"示例县人民政府关于2024年度", "法治政府建设工作情况的报告"}},
		{"typed break kept", "示例县人民政府\n2024年度法治政府建设情况报告", "示例县人民政府",
			[]string{"示例县人民政府", "2024年度法治政府建设情况报告"}},
		{"typed break with CRLF and blank line", "示例县人民政府\r\n\r\n2024年度法治政府建设情况报告", "示例县人民政府",
			[]string{"示例县人民政府", "2024年度法治政府建设情况报告"}},
		{"three lines, all balanced", "示例省示例市示例县人民政府办公室关于推进法治政府建设第一责任人职责履行的有关工作情况的报告", "示例省示例市示例县人民政府办公室",
			nil},
	}
	for _, c := range cases {
		got := breakTitle(titleLines(c.title), c.unit, titleLineChars)
		if strings.Join(got, "") != strings.Join(strings.Fields(strings.ReplaceAll(c.title, "\r", "")), "") {
			t.Errorf("%s: lines %q lose or add text", c.name, got)
		}
		for _, l := range got {
			if textWidth(l) > titleLineChars {
				t.Errorf("%s: line %q is wider than %d characters", c.name, l, titleLineChars)
			}
		}
		if c.want != nil && strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
		if c.want == nil {
			if len(got) != 3 {
				t.Errorf("%s: %d lines %q, want 3", c.name, len(got), got)
			}
			checkBalanced(t, c.name, got)
		}
	}
}

// Words are never split: for every break chosen automatically, the text on
// either side of it must end and start at a word the tokenizer knows.
func TestBreakTitleKeepsWords(t *testing.T) {
	unit := "示例县人民政府"
	for _, year := range []string{"2023", "2024", "2025"} {
		for _, pattern := range []string{"{u}{y}年度法治政府建设情况报告", "{u}关于{y}年度法治政府建设情况的报告",
			"{u}{y}年度推进法治政府建设工作情况报告", "{u}{y}年度法治政府建设年度报告"} {
			title := strings.NewReplacer("{u}", unit, "{y}", year).Replace(pattern)
			lines := breakTitle(titleLines(title), unit, titleLineChars)
			for i := 1; i < len(lines); i++ {
				joint := lastRunes(lines[i-1], 1) + firstRunes(lines[i], 1)
				for _, w := range []string{"法治", "建设", "情况", "报告", "政府", "年度"} {
					if joint == w {
						t.Errorf("%q broken inside %q: %q", title, w, lines)
					}
				}
			}
			checkBalanced(t, title, lines)
		}
	}
}

func checkBalanced(t *testing.T, name string, lines []string) {
	t.Helper()
	longest := 0.0
	for _, l := range lines {
		longest = max(longest, textWidth(l))
	}
	for _, l := range lines {
		if textWidth(l) < longest/2 {
			t.Errorf("%s: line %q shorter than half the longest (%q)", name, l, lines)
		}
	}
}

func lastRunes(s string, n int) string  { r := []rune(s); return string(r[len(r)-n:]) }
func firstRunes(s string, n int) string { return string([]rune(s)[:n]) }

func TestUnitWords(t *testing.T) {
	for unit, want := range map[string]string{
		"示例县人民政府":    "示例县|人民政府",
		"示例市市场监督管理局": "示例市|市场监督管理局",
		"中共示例县委":     "中共示例县委",
		"示例自治州司法局":   "示例自治州|司法局",
		"示例区":        "示例区",
		"示例市示例区人民政府": "示例市|示例区|人民政府",
	} {
		if got := strings.Join(unitWords(unit), "|"); got != want {
			t.Errorf("unitWords(%q) = %q, want %q", unit, got, want)
		}
	}
}
