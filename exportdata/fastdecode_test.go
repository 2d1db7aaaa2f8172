package exportdata

import (
	"maps"
	"math/rand/v2"
	"strings"
	"testing"

	"nianbao/model"
)

// pieces make the strings of the random payloads: plain Chinese, and
// everything that changes how YAML reads a scalar (indicators, quotes,
// backslashes, colons and hashes with and without a space, words YAML
// reads as booleans, nulls, numbers or dates, line-break characters,
// control and C1 characters, leading and trailing blanks).
var pieces = []string{"县", "人民政府", "司法局", "2026年3月1日", "a", "Z", "0", "12", "1e5", "0x1F", ".5",
	"-", "?", ":", ": ", " #", "#", "&", "*", "!", "|", ">", "'", `"`, `\`, "%", "@", "`", ",", "[", "]", "{", "}",
	" ", "　", "\t", "\n", "\u0085", "\u2028", "\ufeff", "\x01", "true", "null", "~", "yes", "No",
	"2026-03-01", "<<", "=", "（", "）", "王芳 0571-66001234"}

// ordinary are the pieces of the strings real reports carry.
var ordinary = []string{"县", "人民政府", "司法局", "2026年3月1日", "王芳 0571-66001234", "（", "）", "12", "a"}

// randomString is mostly an ordinary string (so that the fast reader's
// side is tested too) and otherwise one built from every piece.
func randomString(rng *rand.Rand) string {
	from := pieces
	if rng.IntN(10) < 8 {
		from = ordinary
	}
	var b strings.Builder
	for range rng.IntN(5) {
		b.WriteString(from[rng.IntN(len(from))])
	}
	return b.String()
}

func randomPayload(rng *rand.Rand) *Payload {
	ids := []string{"review_received", "review_decided", "penalty_cases", "publicity_audience", "litigation_loss_rate"}
	values := []string{"0", "7", "96", "1286", "126000", "12.5", "5.26", "96.49", "0.5", "100", "2097"}
	r := &model.Report{
		Template: model.TemplateRef{ID: []string{"standard", "department", "qingshan", "a-b", "1"}[rng.IntN(5)], Version: rng.IntN(4)},
		Unit:     randomString(rng), Year: []int{2024, 2025, 2025, 2026, 0, 1900, 2300}[rng.IntN(7)], Title: randomString(rng),
		Date: randomString(rng), Contact: randomString(rng),
		Sections: map[string]string{},
		Figures:  map[string]model.Number{},
	}
	for _, id := range ids {
		if rng.IntN(3) > 0 {
			r.Figures[id] = mustNumber(values[rng.IntN(len(values))])
		}
	}
	for _, id := range []string{"measures", "decisions", "disputes"} {
		if rng.IntN(3) > 0 {
			r.Sections[id] = randomString(rng) + "全面推进依法行政。" + randomString(rng)
		}
	}
	return New(r, r.Date, Shown{Title: randomString(rng), Signature: randomString(rng), Date: randomString(rng)})
}

// mutate damages an encoded payload the ways a hand edit of a text
// export's trailer would: a character dropped, doubled or replaced, a
// line indented or unindented, a line duplicated.
func mutate(rng *rand.Rand, data []byte) []byte {
	s := string(data)
	lines := strings.Split(s, "\n")
	i := rng.IntN(len(lines))
	switch rng.IntN(5) {
	case 0:
		if n := len(lines[i]); n > 0 {
			j := rng.IntN(n)
			lines[i] = lines[i][:j] + lines[i][j+1:]
		}
	case 1:
		lines[i] = "  " + lines[i]
	case 2:
		lines[i] = strings.TrimPrefix(lines[i], "  ")
	case 3:
		lines = append(lines[:i+1], lines[i:]...)
	case 4:
		if n := len(lines[i]); n > 0 {
			j := rng.IntN(n)
			lines[i] = lines[i][:j] + pieces[rng.IntN(len(pieces))] + lines[i][j:]
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

func samePayload(a, b *Payload) bool {
	da, db := a.Draft, b.Draft
	return a.Version == b.Version && a.Shown == b.Shown && maps.Equal(a.Digests, b.Digests) &&
		da.Template == db.Template && da.Unit == db.Unit && da.Year == db.Year && da.Title == db.Title &&
		da.Date == db.Date && da.Contact == db.Contact && maps.Equal(da.Figures, db.Figures) &&
		len(da.Sections) == 0 && len(db.Sections) == 0 && len(da.Invalid) == 0 && len(db.Invalid) == 0
}

// TestDecodeFastEqualsYAML: whatever the fast reader accepts, the
// hardened YAML reader reads to the same payload, on payloads Encode
// wrote from random drafts and on damaged copies of them; and the fast
// reader does take the payloads of ordinary reports.
func TestDecodeFastEqualsYAML(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 12))
	fast, total := 0, 0
	check := func(data []byte) {
		total++
		got, ok := decodeFast(data)
		if !ok {
			return
		}
		fast++
		want, err := decodeYAML(data)
		if err != nil {
			t.Fatalf("the fast reader took a payload the YAML reader refuses (%v):\n%s", err, data)
		}
		if !samePayload(got, want) {
			t.Fatalf("the two readers differ on\n%s\nfast: %+v %+v\nyaml: %+v %+v", data, got, got.Draft, want, want.Draft)
		}
	}
	for range 4000 {
		p := randomPayload(rng)
		data, err := p.Encode()
		if err != nil {
			t.Fatalf("%v: %+v %+v", err, p.Draft, p.Shown)
		}
		check(data)
		for range 3 {
			check(mutate(rng, data))
		}
	}
	if fast < total/20 || fast > total*9/10 {
		t.Errorf("fast reader took %d of %d payloads: the cases do not test both sides", fast, total)
	}
	ordinary, err := samplePayload("青禾县人民政府").Encode()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := decodeFast(ordinary); !ok {
		t.Errorf("an ordinary report's payload is left to the slow reader:\n%s", ordinary)
	}
	t.Logf("fast reader took %d of %d payloads", fast, total)
}

// BenchmarkDecode compares the two readers on an ordinary payload.
func BenchmarkDecode(b *testing.B) {
	data, err := samplePayload("青禾县人民政府").Encode()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("reader=fast", func(b *testing.B) {
		for b.Loop() {
			if _, err := Decode(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reader=yaml", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeYAML(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzDecodeFast: on any input the fast reader neither panics nor takes
// what the YAML reader reads otherwise.
func FuzzDecodeFast(f *testing.F) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		if data, err := randomPayload(rng).Encode(); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := decodeFast(data)
		if !ok {
			return
		}
		want, err := decodeYAML(data)
		if err != nil || !samePayload(got, want) {
			t.Fatalf("the readers differ on %q: %v", data, err)
		}
	})
}
