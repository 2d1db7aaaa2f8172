package zhtext

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// AppendRunes and RuneCount agree with the range loop and utf8 on text
// of every kind of byte sequence: ASCII, two-, three- and four-byte
// characters, the overlong and surrogate forms of E0 and ED, and cut or
// stray continuation bytes.
func TestRunesEqualRangeLoop(t *testing.T) {
	pieces := []string{"a", " ", "é", "字", "，", "　", "𠀀", "\xe0\xa0\x80", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
		"\xef\xbf\xbf", "\xe4", "\xe4\xb8", "\x80", "\xbf", "\xff", "\xc0\x80", "\xf0\x9f", "\xee\x80\x80"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50000 {
		s := joinRandom(rng, pieces, rng.IntN(10))
		var want []rune
		for _, r := range s {
			want = append(want, r)
		}
		if got := AppendRunes(nil, s); !slices.Equal(got, want) {
			t.Fatalf("AppendRunes(%q) = %q, want %q", s, got, want)
		}
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
		}
		for i := 0; i < len(s); {
			r, w := RuneAt(s, i)
			if wr, ww := utf8.DecodeRuneInString(s[i:]); r != wr || w != ww {
				t.Fatalf("RuneAt(%q, %d) = %q, %d, want %q, %d", s, i, r, w, wr, ww)
			}
			i += w
		}
	}
}

func TestIndexWideEqualsIndex(t *testing.T) {
	pieces := []string{"是", "年", "一", "二", "a", "\xe6", "\x98", "\xaf", "\xe6\x98", "\x98\xaf", "字", "2024",
		"行政", "复议", "行", "政"}
	subs := []string{"是", "年", "a", "", "行政复议", "行政", "政复", "是年", "年2", "一是一", "字a", "\xe6\x98", "\x98\xaf是"}
	rng := rand.New(rand.NewPCG(9, 10))
	found := 0
	for range 50000 {
		s := joinRandom(rng, pieces, rng.IntN(12))
		for _, c := range subs {
			if strings.Contains(s, c) {
				found++
			}
			if got, want := IndexWide(s, c), strings.Index(s, c); got != want {
				t.Fatalf("IndexWide(%q, %q) = %d, want %d", s, c, got, want)
			}
		}
	}
	if found < 50000 {
		t.Errorf("only %d finds: the cases test little", found)
	}
}

// BenchmarkIndexWide compares IndexWide with strings.Index on keyword
// searches in Chinese prose of a clause's length: ratio is Index's time
// over IndexWide's.
func BenchmarkIndexWide(b *testing.B) {
	text := strings.Repeat("全面推进依法行政，严格规范公正文明执法，全年办理", 12) + "行政复议案件"
	subs := []string{"行政复议", "复议", "应诉", "办理", "案件", "听证"}
	var wide, std time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		for _, s := range subs {
			n += IndexWide(text, s)
		}
		wide += time.Since(start)
		start = time.Now()
		for _, s := range subs {
			n -= strings.Index(text, s)
		}
		std += time.Since(start)
	}
	if n != 0 {
		b.Fatal("IndexWide and strings.Index disagree")
	}
	b.ReportMetric(float64(std)/float64(wide), "ratio")
}

// joinRandom joins n pieces drawn at random.
func joinRandom(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// TrimBlank trims what the rune-by-rune definition trims, on text built
// of every blank and line end, characters that share a blank's lead byte
// (。 with U+3000, ‐ with U+2000), plain characters, and broken bytes at
// either end.
func TestTrimBlankEqualsTrimFunc(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u1680", "\u2000", "\u200a", "\u200b", "\u2060",
		"\u202f", "\u205f", "\u3000", "\ufeff", "。", "‐", "字", "a", "\x85", "\xe3\x80", "\x80", "\xe4\xb8", "\xff", "１"}
	blank := func(r rune) bool { return IsBlank(r) || IsLineEnd(r) }
	rng := rand.New(rand.NewPCG(11, 12))
	for range 50000 {
		s := joinRandom(rng, pieces, rng.IntN(8))
		if got, want := TrimBlank(s), strings.TrimFunc(s, blank); got != want {
			t.Fatalf("TrimBlank(%q) = %q, want %q", s, got, want)
		}
	}
}

// RuneSet holds exactly its runes, ASCII or wide, and nothing beyond the
// BMP or below zero.
func TestRuneSet(t *testing.T) {
	const members = "a(（。第一十"
	set := NewRuneSet(members)
	for _, r := range []rune{'a', 'b', '(', ')', '（', '）', '。', '，', '第', '一', '二', '十', 0, -1, utf8.MaxRune, 0x10000 + '第'} {
		if got, want := set.Has(r), strings.ContainsRune(members, r); got != want {
			t.Errorf("Has(%q) = %v, want %v", r, got, want)
		}
	}
}

// Valid agrees with utf8.Valid on every kind of byte sequence, the edge
// cases of E0, ED and four bytes among them, cut at every length.
func TestValidEqualsUTF8Valid(t *testing.T) {
	pieces := []string{"a", " ", "<w:t>", "é", "字", "，", "　", "𠀀", "\xe0\xa0\x80", "\xe0\x80\x80", "\xe0\x9f\xbf",
		"\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe1\x80\x80", "\xec\xbf\xbf", "\xee\x80\x80", "\xe4", "\xe4\xb8",
		"\x80", "\xbf", "\xff", "\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xf0\x9f", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xe4\xb8\x41", "\xe4\x41\x80"}
	rng := rand.New(rand.NewPCG(15, 16))
	for range 100000 {
		s := []byte(joinRandom(rng, pieces, rng.IntN(12)))
		if got, want := Valid(s), utf8.Valid(s); got != want {
			t.Fatalf("Valid(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkValid reports Valid's speed as a ratio to utf8.Valid's, on
// Chinese prose and on .docx markup, measured in the same run.
func BenchmarkValid(b *testing.B) {
	prose := []byte(strings.Repeat("依法行政，全面推进法治政府建设。2024年办理行政复议案件37件，", 400))
	markup := []byte(strings.Repeat(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>法治政府建设</w:t></w:r></w:p>`, 400))
	for _, c := range []struct {
		name string
		data []byte
	}{{"prose", prose}, {"markup", markup}} {
		b.Run(c.name, func(b *testing.B) {
			ns := func(f func([]byte) bool) float64 {
				start := time.Now()
				for range b.N {
					if !f(c.data) {
						b.Fatal("invalid")
					}
				}
				return float64(time.Since(start).Nanoseconds())
			}
			b.ReportMetric(ns(utf8.Valid)/ns(Valid), "x_utf8.Valid")
		})
	}
}

func TestFoldDigitsWithOffsets(t *testing.T) {
	s := "受理５２件，成功率９８．５％，一．其他\xff完"
	folded, at := FoldDigitsWithOffsets(s)
	if want := "受理52件，成功率98.5%，一．其他\xff完"; folded != want {
		t.Fatalf("folded %q, want %q", folded, want)
	}
	if folded != FoldDigits(s) || len(at) != len(folded)+1 || at[len(folded)] != len(s) {
		t.Fatalf("offsets %v do not cover %q", at, folded)
	}
	k := strings.Index(folded, "52件")
	if got := s[at[k]:at[k+len("52件")]]; got != "５２件" {
		t.Errorf("quoted %q, want ５２件", got)
	}
	if !HasFullWidthDigit(s) || HasFullWidthDigit("成功率％以上，（一）：") || HasFullWidthDigit("\xbc\x90") {
		t.Error("HasFullWidthDigit")
	}
}

func TestIndexAnyEqualsStrings(t *testing.T) {
	pieces := []string{"a", "。", "：", "！", "？", "!", "?", "，", ",", "字", "\xe3", "\xe3\x80", "\x80", "\x82", "\xef\xbc", "\xff", " "}
	sets := []string{"。：", "。！？!?", "。！？；：!?;:", "，,", "）)", "}｝", "。"}
	rng := rand.New(rand.NewPCG(61, 62))
	for range 50000 {
		s := joinRandom(rng, pieces, rng.IntN(10))
		for _, set := range sets {
			if got, want := IndexAny(s, set), strings.IndexAny(s, set); got != want {
				t.Fatalf("IndexAny(%q, %q) = %d, want %d", s, set, got, want)
			}
		}
	}
}
