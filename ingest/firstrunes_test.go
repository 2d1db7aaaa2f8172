package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnchoredStarts(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    string // the characters the set holds; "-" for nil
	}{
		{`^欢迎(访问|来到)`, "欢"},
		{`^(?:您的位置|当前位置)\s*[:：]`, "您当"},
		{`^【?\s*大 +中 +小`, "【\t\n\f\r 大"},
		{`^(?:x|)y`, "xy"},
		{`^x{0,2}y`, "xy"},
		{`^x{1,2}y`, "x"},
		{`^(?:a*|b+)c`, "abc"},
		{`^[0-9]+件`, "0123456789"},
		{`^$`, "-"},       // matches the empty line
		{`^a*`, "-"},      // may match nothing
		{`^.abc`, "-"},    // any character
		{`(?i)^abc`, "-"}, // case folding
		{`abc`, "-"},      // not anchored
		{`(?m)^abc`, "-"}, // anchored at every line
		{`^(ab`, "-"},     // not a pattern
		{`x|^abc`, "-"},   // anchored in one branch only
	} {
		st := anchoredStarts(c.pattern)
		if c.want == "-" {
			if st != nil {
				t.Errorf("%s: starts %v, want none", c.pattern, st.ranges)
			}
			continue
		}
		if st == nil {
			t.Errorf("%s: no starts, want %q", c.pattern, c.want)
			continue
		}
		for r := rune(0); r < 0x10000; r++ {
			if got, want := st.mayStart(string(r)), strings.ContainsRune(c.want, r); got != want {
				t.Errorf("%s: mayStart(%q) = %v, want %v", c.pattern, r, got, want)
			}
		}
	}
}

func TestRequiredWords(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    []string
	}{
		{`ICP备|ICP证|公网安备`, []string{"ICP", "公网安备"}},
		{`(?:本网站|本站|本网).{0,30}(?:技术支持|主办)`, []string{"技术支持", "主办"}},
		{`(?:版权所有|技术支持)`, []string{"版权所有", "技术支持"}},
		{`a?b`, []string{"b"}},
		{`(?:x|y*)z+`, []string{"z"}},
		{`a*`, nil},
		{`(?i)abc`, nil},
		{`.+`, nil},
		{`(ab`, nil},
	} {
		if got := requiredWords(c.pattern); !slices.Equal(got, c.want) {
			t.Errorf("requiredWords(%s) = %q, want %q", c.pattern, got, c.want)
		}
	}
}

// No leftover pattern matches a line its start set turns away: on the
// corpus's lines, our fixtures' and random lines made of the patterns'
// own words.
func TestLeftoverStartsNeverSkipAMatch(t *testing.T) {
	lines := textLinesForTests()
	alphabet := []string{"欢迎访问", "网站", "繁体版", "|", " ", "您的位置", "：", ":", "【", "】", "字号", "大", "中", "小",
		"发布时间", "2024-01-02", "来源", "本站", "分享到", "微信", "扫一扫", "本页", "打印本页", "关闭窗口", "版权所有",
		"Copyright", "©", "上一篇", "首页", ">", "责任编辑", "张三", "县人民政府", "，", "。", "\t", "x"}
	rng := rand.New(rand.NewPCG(31, 32))
	for range 30000 {
		lines = append(lines, randomText(rng, alphabet, rng.IntN(6)+1))
	}
	filtered, matched := 0, 0
	for _, lo := range leftovers() {
		if lo.starts == nil && lo.needs == nil {
			continue
		}
		filtered++
		for _, s := range lines {
			if lo.re.MatchString(s) {
				matched++
				if !lo.mayMatch(s) {
					t.Fatalf("%s matches %q, which mayMatch turns away", lo.re, s)
				}
			}
		}
	}
	if filtered < len(leftovers()) || matched < 1000 {
		t.Fatalf("%d of %d patterns filtered, %d matches: the test no longer covers them", filtered, len(leftovers()), matched)
	}
}

// textLinesForTests are the lines of the corpus (when ../shared is
// present), of the accuracy fixtures and of this package's test data:
// the real lines the hand-written shortcuts are held to their
// definitions on.
func textLinesForTests() []string {
	var lines []string
	for _, dir := range []string{filepath.Join("..", "..", "shared", "corpus"), filepath.Join("..", "accuracy", "testdata"), "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil && utf8.Valid(b) {
				lines = append(lines, strings.Split(string(b), "\n")...)
			}
		}
	}
	return lines
}
