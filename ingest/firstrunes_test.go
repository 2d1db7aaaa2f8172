package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
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

// No leftover pattern matches a line its start set turns away: on the
// corpus's lines, our fixtures' and random lines made of the patterns'
// own words.
func TestLeftoverStartsNeverSkipAMatch(t *testing.T) {
	var lines []string
	for _, dir := range []string{filepath.Join("..", "..", "shared", "corpus"), filepath.Join("..", "accuracy", "testdata"), "testdata"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil && utf8.Valid(b) {
				lines = append(lines, strings.Split(string(b), "\n")...)
			}
		}
	}
	alphabet := []string{"欢迎访问", "网站", "繁体版", "|", " ", "您的位置", "：", ":", "【", "】", "字号", "大", "中", "小",
		"发布时间", "2024-01-02", "来源", "本站", "分享到", "微信", "扫一扫", "本页", "打印本页", "关闭窗口", "版权所有",
		"Copyright", "©", "上一篇", "首页", ">", "责任编辑", "张三", "县人民政府", "，", "。", "\t", "x"}
	rng := rand.New(rand.NewPCG(31, 32))
	for range 30000 {
		lines = append(lines, randomText(rng, alphabet, rng.IntN(6)+1))
	}
	withSets, matched := 0, 0
	for _, lo := range leftovers() {
		if lo.starts == nil {
			continue
		}
		withSets++
		for _, s := range lines {
			if lo.re.MatchString(s) {
				matched++
				if !lo.starts.mayStart(s) {
					t.Fatalf("%s matches %q, which its start set turns away", lo.re, s)
				}
			}
		}
	}
	if withSets < 12 || matched < 1000 {
		t.Fatalf("%d patterns with start sets, %d matches: the test no longer covers them", withSets, matched)
	}
}
