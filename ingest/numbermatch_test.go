package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// numberMatches finds exactly what the unanchored numRe finds, on the
// corpus, on our fixtures and on made-up edge cases (digit groups, decimals
// in a row, units right after one another).
func TestNumberMatchesEqualsRegexp(t *testing.T) {
	texts := []string{
		"12.5.3件", "1,2345件", "3件5件", "共1,200余件", "2024年审结48件，纠错5件，纠错率1.04%",
		"受理120件，上年结转6件", "覆盖群众3.2万人次", "9 件", "开展活动91余场次", "", "无数字",
		"x1y22件z333", "1,000,000元", "12345", "7项决策",
	}
	for _, dir := range []string{filepath.Join("..", "..", "shared", "corpus"), filepath.Join("..", "accuracy", "testdata")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, strings.Split(string(b), "\n")...)
			}
		}
	}
	if len(texts) < 50 {
		t.Fatalf("only %d texts to compare", len(texts))
	}
	for _, s := range texts {
		want := numRe().FindAllStringSubmatchIndex(s, -1)
		if got := numberMatches(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
}
