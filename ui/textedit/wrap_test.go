package textedit

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// rowStrings wraps text at w and returns the rows.
func rowStrings(text string, w int) []string {
	rs := []rune(text)
	rows := wrapRows(rs, w, nil)
	out := make([]string, len(rows))
	for i := range rows {
		out[i] = string(rs[rows[i]:rowEnd(rows, i, len(rs))])
	}
	return out
}

var wrapSamples = []string{
	"",
	"一",
	"依法全面履行政府职能，深化“放管服”改革，持续优化法治化营商环境。",
	"全年共办理行政复议案件23件，纠错率8.69%，负责人出庭应诉率100%。",
	"2024年《中华人民共和国行政复议法》施行……我们——认真学习。",
	"推进PDF、OFD electronic documents和API接口建设，网址https://www.example.gov.cn/path。",
	"abcdefghijklmnopqrstuvwxyz0123456789",
	"，，，，，，，，，，，，",
	"《《《《《《《《《",
	"ｱｲｳ 半角カナ and émigré café 1,234.56",
	"tab\there\tand\tthere",
	"😀 emoji 👍🏽 mix 中文",
}

func TestWrapRowsFitAndConcatenate(t *testing.T) {
	for _, text := range wrapSamples {
		for _, w := range []int{1, 2, 3, 4, 5, 7, 10, 11, 20, 33, 80} {
			rows := rowStrings(text, w)
			if got := strings.Join(rows, ""); got != text {
				t.Fatalf("w=%d: rows %q join to %q, want %q", w, rows, got, text)
			}
			for i, r := range rows {
				cells := cellsOf([]rune(r))
				if cells > w && len([]rune(r)) > 1 {
					t.Errorf("w=%d: row %d %q is %d cells", w, i, r, cells)
				}
				if i > 0 && r == "" && i != len(rows)-1 {
					t.Errorf("w=%d: empty row %d inside %q", w, i, rows)
				}
				if !strings.Contains(r, "\t") && !strings.ContainsAny(r, "😀👍🏽") && ansi.StringWidth(r) != cells {
					t.Errorf("w=%d: row %q: our width %d, ansi %d", w, r, cells, ansi.StringWidth(r))
				}
			}
		}
	}
}

func TestWrapChineseRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		w    int
		want []string
	}{
		{"comma pulls previous character down", "一二三四五，六七八", 10,
			[]string{"一二三四", "五，六七八", ""}},
		{"full stop and closing quote stay together", "一二三四“五六七”。八九", 14,
			[]string{"一二三四“五六", "七”。八九"}},
		{"quoted word and full stop move together", "一二三四五六“七”。", 16,
			[]string{"一二三四五六", "“七”。"}},
		{"opening bracket moves to next row", "一二三四《五六》", 10,
			[]string{"一二三四", "《五六》"}},
		{"number kept whole", "一二三四2024年", 10,
			[]string{"一二三四", "2024年"}},
		{"percent stays with number", "纠错率为8.69%，较上年", 14,
			[]string{"纠错率为", "8.69%，较上年"}},
		{"Latin word kept whole", "推进electronic文书", 10,
			[]string{"推进", "electronic", "文书"}},
		{"token wider than row is cut", "abcdefghijkl", 5,
			[]string{"abcde", "fghij", "kl"}},
		{"ellipsis not split", "一二三四……五", 9,
			[]string{"一二三", "四……五"}},
		{"full last row gets an empty row for the cursor", "一二三四五", 10,
			[]string{"一二三四五", ""}},
		{"only punctuation is cut where full", "，，，，，，", 4,
			[]string{"，，", "，，", "，，", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rowStrings(tt.text, tt.w)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("wrap(%q, %d) = %q, want %q", tt.text, tt.w, got, tt.want)
			}
		})
	}
}

func TestWrapNeverStartsWithClosingPunctuation(t *testing.T) {
	text := strings.Repeat("我们坚持依法行政，推进“放管服”改革；（一）完善制度。全年办理案件23件、纠错率8.69%！", 8)
	for w := 6; w <= 60; w++ {
		for i, r := range rowStrings(text, w) {
			rs := []rune(r)
			if len(rs) == 0 {
				continue
			}
			if i > 0 && noStart(rs[0]) {
				t.Errorf("w=%d row %d starts with %q: %q", w, i, rs[0], r)
			}
			if noEnd(rs[len(rs)-1]) {
				t.Errorf("w=%d row %d ends with %q: %q", w, i, rs[len(rs)-1], r)
			}
		}
	}
}

func TestRowIndexFind(t *testing.T) {
	var x rowIndex
	counts := []int32{3, 1, 1, 4, 2}
	x.build(counts)
	g := 0
	for p, c := range counts {
		if x.before(p) != g {
			t.Fatalf("before(%d) = %d, want %d", p, x.before(p), g)
		}
		for r := 0; r < int(c); r++ {
			if gp, gr := x.find(g); gp != p || gr != r {
				t.Fatalf("find(%d) = %d,%d want %d,%d", g, gp, gr, p, r)
			}
			g++
		}
	}
	x.set(1, 5)
	if x.total() != 15 || x.before(2) != 8 {
		t.Fatalf("after set: total %d before(2) %d", x.total(), x.before(2))
	}
	if p, r := x.find(100); p != 4 || r != 1 {
		t.Fatalf("find past end = %d,%d", p, r)
	}
}

func TestRuneCellsFastPathAgreesWithRunewidth(t *testing.T) {
	for _, rg := range [][2]rune{{0x20, 0x7e}, {0x3000, 0x3029}, {0x3400, 0x4dbf}, {0x4e00, 0x9fff}, {0xff01, 0xff60}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if got, want := runeCells(r), cellCond.RuneWidth(r); got != want {
				t.Fatalf("runeCells(%U) = %d, runewidth %d", r, got, want)
			}
		}
	}
}
