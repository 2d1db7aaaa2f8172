package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"nianbao/internal/zhtext"
	"nianbao/model"
	"nianbao/templates"
)

// numRe is the regular expression numberAt implements by hand, anchored
// at a number's first digit; the tests hold the two equal. A first digit
// group of more than three digits takes no thousands separator
// (zhtext.GroupingCommaAt), which needs the alternation.
var numRe = lazyRegexp(`^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(余|多)?\s*(万|亿)?\s*(余|多)?\s*(` + zhtext.UnitAlternation() + `)`)

// regexpNumberMatches is appendNumberMatches with numRe in place of
// numberAt: a number is tried at every digit no digit precedes, and the
// search goes on after each match.
func regexpNumberMatches(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if !isASCIIDigit(s[i]) || i > 0 && isASCIIDigit(s[i-1]) {
			continue
		}
		m := numRe().FindStringSubmatchIndex(s[i:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1] - 1
	}
	return out
}

// numberMatches finds exactly what the unanchored numRe finds, on the
// corpus, on our fixtures and on made-up edge cases (digit groups, decimals
// in a row, units right after one another).
func TestNumberMatchesEqualsRegexp(t *testing.T) {
	texts := []string{
		"12.5.3件", "1,2345件", "3件5件", "共1,200余件", "2024年审结48件，纠错5件，纠错率1.04%",
		"受理120件，上年结转6件", "覆盖群众3.2万人次", "9 件", "开展活动91余场次", "", "无数字",
		"x1y22件z333", "1,000,000元", "12345", "7项决策", "12345,678件", "1,234,5678件", "3,4件", "1,2345.6件",
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
		want := regexpNumberMatches(s)
		if got := numberMatches(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
}

// On random strings over the pattern's own alphabet (digits, group and
// decimal marks, spaces, qualifiers, units, and other text), numberMatches
// and the regular expression agree.
func TestNumberMatchesEqualsRegexpRandom(t *testing.T) {
	alphabet := []string{"0", "1", "9", ",", ".", " ", "\t", "余", "多", "万", "亿", "件", "人", "次", "人次", "场次", "%", "％", "元", "年", "a", "，", "个"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		s := randomText(rng, alphabet, rng.IntN(14)+1)
		want := regexpNumberMatches(s)
		if got := numberMatches(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
}

// proseUnits is exactly the set of units unitFitsFigure accepts, for
// every figure of every embedded template, so bucketing figures by unit
// loses none.
func TestProseUnitsAreTheUnitsThatFit(t *testing.T) {
	stated := append(strings.Split(zhtext.UnitAlternation(), "|"), "万元", "天", "")
	figs := 0
	for _, tp := range embeddedTemplates(t) {
		for _, f := range tp.Figures() {
			figs++
			units := proseUnits(f)
			for _, u := range stated {
				if got, want := slices.Contains(units, u), unitFitsFigure(f, u); got != want {
					t.Errorf("%s %s unit %q: in proseUnits %v, fits %v", tp.ID, f.ID, u, got, want)
				}
			}
		}
	}
	if figs == 0 {
		t.Fatal("no figures in the embedded templates")
	}
}

func embeddedTemplates(t *testing.T) []*model.Template {
	t.Helper()
	var out []*model.Template
	for _, id := range templates.IDs() {
		tp, err := templates.Embedded(id)
		if err != nil {
			t.Fatalf("embedded template %s: %v", id, err)
		}
		out = append(out, tp)
	}
	return out
}

// A template edited in place after a read (as the template editor edits
// one) is read with its new figures, not with the cached candidates.
func TestReadFiguresSeesTemplateEditedInPlace(t *testing.T) {
	tp, err := templates.Embedded("standard")
	if err != nil {
		t.Fatal(err)
	}
	var sec *model.Section
	var fig *model.Figure
	for _, s := range tp.Flatten() {
		if len(s.Figures) > 0 && !isPlans(s) {
			sec, fig = s, s.Figures[0]
			break
		}
	}
	if fig == nil {
		t.Fatal("standard template has no figures")
	}
	r := model.NewReport(tp)
	r.SetText(sec.ID, "本年度共登记试点登记事项37"+fig.Unit+"。")
	if got := ReadFigures(tp, r); got[fig.ID].Sentence != "" {
		t.Fatalf("read %v before the keyword existed", got[fig.ID])
	}
	fig.Keywords = []string{"试点登记事项"}
	got := ReadFigures(tp, r)
	if v, ok := got[fig.ID]; !ok || v.Value.Value != 37 {
		t.Fatalf("after editing the keyword: %v, want 37", got)
	}
	fig.Keywords[0] = "另一个说法"
	if v, ok := ReadFigures(tp, r)[fig.ID]; ok {
		t.Fatalf("after editing the keyword in place: still read %v", v)
	}
}

// clauseStarts is the two LastIndexAny searches it replaces, run on the
// text with every bracket closed before i blanked out: what a closed
// bracket holds is part of the clause around it.
func TestClauseStartsEqualsLastIndexAny(t *testing.T) {
	byIndexAny := func(s string, i int, set string) int {
		rs := []rune(s[:i])
		depth := 0
		for k := len(rs) - 1; k >= 0; k-- {
			switch {
			case rs[k] == '）' || rs[k] == ')':
				depth++
				rs[k] = 'x'
			case depth > 0:
				if rs[k] == '（' || rs[k] == '(' {
					depth--
				}
				rs[k] = 'x'
			}
		}
		j := strings.LastIndexAny(maskKeepingWidth(s[:i], rs), set)
		if j < 0 {
			return 0
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		return j + w
	}
	alphabet := []string{"，", ",", "；", ";", "：", ":", "、", "（", "(", "）", ")", "。", "审结", "件", "1", "a", "\u00a0"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 20000; n++ {
		s := randomText(rng, alphabet, rng.IntN(10)+1)
		i := len(s)
		for i > 0 && rng.IntN(3) == 0 {
			i--
			for i > 0 && !utf8.RuneStart(s[i]) {
				i--
			}
		}
		c, p := clauseStarts(s, i)
		if wc, wp := byIndexAny(s, i, "，,；;：:、（("), byIndexAny(s, i, "，,；;：:（("); c != wc || p != wp {
			t.Fatalf("clauseStarts(%q, %d) = %d, %d; want %d, %d", s, i, c, p, wc, wp)
		}
	}
}

// maskKeepingWidth writes masked runes of s (those rs holds as 'x') as as
// many 'x' bytes as they took in s, so byte offsets stay s's.
func maskKeepingWidth(s string, rs []rune) string {
	var b strings.Builder
	k := 0
	for _, r := range s {
		if rs[k] == 'x' && r != 'x' {
			b.WriteString(strings.Repeat("x", utf8.RuneLen(r)))
		} else {
			b.WriteRune(r)
		}
		k++
	}
	return b.String()
}

// unitFitsFigure is proseUnits as a predicate, written the way it was
// before figures were bucketed by unit; it says whether a unit written in prose states figure f:
// the template unit, its aliases, or a unit one of f's keywords allows.
func unitFitsFigure(f *model.Figure, stated string) bool {
	if unitFits(f.Unit, stated) {
		return true
	}
	for _, k := range f.Keywords {
		for _, u := range extraUnits[k][f.Unit] {
			if u == stated {
				return true
			}
		}
	}
	return false
}

func unitFits(figUnit, stated string) bool {
	if al, ok := unitAliases[figUnit]; ok {
		for _, a := range al {
			if a == stated {
				return true
			}
		}
		return false
	}
	return figUnit == stated
}

// nextDigit, which tests eight bytes at a time, finds the digit a byte
// loop finds: every byte value at every offset of a word, among bytes
// next to the digits (/ and : around them, their high-bit twins).
func TestNextDigitEqualsByteLoop(t *testing.T) {
	naive := func(s string, i int) int {
		for ; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				return i
			}
		}
		return len(s)
	}
	fillers := []byte{'/', ':', 0xAF, 0xB0, 0xB9, 0xBA, 0xE4, 0x7F, 0xFF, 0x00}
	for _, fill := range fillers {
		for b := range 256 {
			for at := range 20 {
				buf := []byte(strings.Repeat(string(fill), 20))
				buf[at] = byte(b)
				s := string(buf)
				for from := range 3 {
					if got, want := nextDigit(s, from), naive(s, from); got != want {
						t.Fatalf("byte %#x at %d among %#x from %d: got %d, want %d", b, at, fill, from, got, want)
					}
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		buf := make([]byte, rng.IntN(40))
		for i := range buf {
			buf[i] = byte(rng.IntN(256))
		}
		s := string(buf)
		from := rng.IntN(len(s) + 1)
		if got, want := nextDigit(s, from), naive(s, from); got != want {
			t.Fatalf("%q from %d: got %d, want %d", s, from, got, want)
		}
	}
}

// sentenceSpans, which reads bytes, splits where a rune-by-rune reading
// of the definition splits, invalid bytes included.
func TestSentenceSpansEqualsRuneReading(t *testing.T) {
	reference := func(text string) [][2]int {
		var out [][2]int
		start := 0
		add := func(end int) {
			if strings.TrimFunc(text[start:end], isSpace) != "" {
				out = append(out, [2]int{start, end})
			}
			start = end
		}
		for i := 0; i < len(text); {
			r, w := utf8.DecodeRuneInString(text[i:])
			i += w
			if r == '\n' || zhtext.IsSentenceEnd(r) || zhtext.IsSemicolon(r) {
				add(i)
			}
		}
		if start < len(text) {
			add(len(text))
		}
		return out
	}
	alphabet := []string{"。", "！", "？", "；", "，", "、", "!", "?", ";", "\n", " ", "　", "字", "1", "\xe3", "\xef", "\xe3\x80", "\xef\xbc", "\x82", "\x9b", "\xef\xbc\x8c", "\xe5", "\xe5\xad", "\xad"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		s := randomText(rng, alphabet, rng.IntN(12)+1)
		if got, want := sentenceSpans(s), reference(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
}

// numberMatches is appendNumberMatches in regexp's layout, for comparing
// the two.
func numberMatches(s string) [][]int {
	var out [][]int
	for _, m := range appendNumberMatches(nil, s) {
		out = append(out, m[:])
	}
	return out
}

func sentenceSpans(text string) [][2]int { return appendSentenceSpans(nil, text) }
