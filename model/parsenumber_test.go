package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// plainCount reads what parseNumberText reads, on every run of ASCII
// digits up to its length limit and around it, and declines the rest.
func TestParseNumberPlainCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	texts := []string{"", "0", "007", "52", "999999999999999", "1000000000000000", "1e3", "1,234", "１２", " 5", "5 ", "-1", "+1", "3.5"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(18) + 1 {
			b.WriteByte(byte('0' + rng.IntN(10)))
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		want, err := parseNumberText(s)
		got, ok := plainCount(s)
		if ok && (err != nil || got != want) {
			t.Fatalf("plainCount(%q) = %+v, parseNumberText = %+v, %v", s, got, want, err)
		}
		if n, err2 := ParseNumber(s); n != want || (err == nil) != (err2 == nil) {
			t.Fatalf("ParseNumber(%q) = %+v, %v; want %+v, %v", s, n, err2, want, err)
		}
		isPlain := s != "" && len(s) <= 15 && strings.Trim(s, "0123456789") == ""
		if ok != isPlain {
			t.Fatalf("plainCount(%q) ok = %v", s, ok)
		}
	}
}
