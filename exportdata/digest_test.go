package exportdata

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// digestByRune is Digest as it was first written: every rune but the
// ignored ones copied out, then hashed. Drafts exported before Digest
// was made faster carry digests made this way, so the two must agree.
func digestByRune(text string) string {
	var b strings.Builder
	for _, r := range text {
		if unicode.IsSpace(r) || r == '\\' || r == '\u200b' || r == '\ufeff' {
			continue
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:12])
}

func TestDigestMatchesRuneByRune(t *testing.T) {
	alphabet := []string{"法", "治", " ", "\n", "\t", "\u3000", "\\", "\u200b", "\ufeff", "a", "。", "\xff", "\xe4\xb8", "\u00a0", "1",
		"\r", "\v", "\f", "\u0085", "\u2003", "\u2028", "，", "\xef\xbc", "~"}
	rng := rand.New(rand.NewPCG(9, 10))
	texts := []string{"", " ", "法治", "\xff", "  法 治\n"}
	for range 20000 {
		var b strings.Builder
		for k := rng.IntN(10); k >= 0; k-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := Digest(s), digestByRune(s); got != want {
			t.Fatalf("Digest(%q) = %q, want %q", s, got, want)
		}
	}
}
