package inflate

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// samples are inputs that reach every kind of block and code: nothing,
// one byte, runs (overlapping copies), report-like Chinese prose in XML,
// random bytes (stored blocks at high levels too), and long inputs that
// take several blocks.
func samples() map[string][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 70_000)
	for i := range random {
		random[i] = byte(rng.IntN(256))
	}
	skewed := make([]byte, 200_000)
	for i := range skewed {
		// Few symbols often, many rarely: long codes, second tables.
		skewed[i] = byte(rng.ExpFloat64() * 12)
	}
	var xml strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&xml, `<w:p><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>全年办理行政复议案件%d件，纠错率%d.%d%%。</w:t></w:r></w:p>`, i*7%1000, i%100, i%10)
	}
	return map[string][]byte{
		"prose":  prose(rng, 40_000),
		"empty":  nil,
		"one":    {'a'},
		"run":    bytes.Repeat([]byte{'x'}, 100_000),
		"pair":   bytes.Repeat([]byte("ab"), 50_000),
		"period": bytes.Repeat([]byte("法治政府"), 20_000),
		"xml":    []byte(xml.String()),
		"random": random,
		"skewed": skewed,
	}
}

// prose is XML paragraphs of report-like sentences drawn at random from
// a few dozen words and numbers: compressed about as a report's
// document.xml is (a third of its size), not as a repeated sentence.
func prose(rng *rand.Rand, n int) []byte {
	words := strings.Fields("全年 办理 行政复议 案件 行政应诉 执法 普法 开展 合法性审查 规范性文件 备案 纠错率 " +
		"同比 增长 下降 推进 落实 制度 机制 培训 人次 场次 覆盖 单位 部门 乡镇 街道 群众 满意度 政务公开 " +
		"依法行政 考核 督察 整改 问题 重大行政决策 听证 公示 专家论证 风险评估 集体讨论")
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(`<w:p><w:pPr><w:spacing w:line="560"/></w:pPr><w:r><w:t>`)
		for range 5 + rng.IntN(20) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(4) == 0 {
				fmt.Fprintf(&b, "%d件", rng.IntN(5000))
			}
			b.WriteString("，"[:3*rng.IntN(2)])
		}
		b.WriteString(`。</w:t></w:r></w:p>`)
	}
	return []byte(b.String())
}

func compress(t testing.TB, data []byte, level int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, level)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDecodeEqualsFlate: every level compress/flate writes, stored and
// Huffman-only included, decodes to the original.
func TestDecodeEqualsFlate(t *testing.T) {
	for name, data := range samples() {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, 3, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
			src := compress(t, data, level)
			got, err := Decode(nil, src, len(data))
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("%s at level %d: %d bytes, error %v; want %d bytes", name, level, len(got), err, len(data))
			}
			// Into a buffer that already holds something, sized or not.
			prefix := []byte("前缀")
			got, err = Decode(append(make([]byte, 0, len(prefix)+len(data)), prefix...), src, len(data))
			if err != nil || !bytes.Equal(got, append(prefix, data...)) {
				t.Errorf("%s at level %d after a prefix: error %v", name, level, err)
			}
		}
	}
}

// TestDecodeFixedCodes: a hand-made block of the fixed codes (type 1),
// which compress/flate writes only for tiny inputs: "abcabcabc" as three
// literals and a copy of six at distance three.
func TestDecodeFixedCodes(t *testing.T) {
	for _, data := range []string{"a", "abcabcabc", "hello, hello, hello", strings.Repeat("z", 300)} {
		src := compress(t, []byte(data), flate.BestCompression)
		got, err := Decode(nil, src, 1000)
		if err != nil || string(got) != data {
			t.Errorf("%q: %q, %v", data, got, err)
		}
	}
	// Written bit by bit: BFINAL=1, BTYPE=01, then codes (MSB first in
	// the code, packed LSB first in the byte).
	var w bitWriter
	w.bits(1, 1)
	w.bits(1, 2)
	for _, c := range "abc" {
		w.code(0x30+uint32(c), 8) // literals 0-143: 00110000 + value
	}
	w.code(0b0000100, 7) // length code 260: length 6
	w.code(2, 5)         // distance code 2: distance 3
	w.code(0, 7)         // end of block (256)
	got, err := Decode(nil, w.buf, 100)
	if err != nil || string(got) != "abcabcabc" {
		t.Errorf("hand-made fixed block: %q, %v", got, err)
	}
	if back, err := io.ReadAll(flate.NewReader(bytes.NewReader(w.buf))); err != nil || string(back) != "abcabcabc" {
		t.Errorf("compress/flate reads the hand-made block as %q, %v", back, err)
	}
}

// bitWriter packs bits as DEFLATE does, the first bit lowest.
type bitWriter struct {
	buf []byte
	n   uint
}

func (w *bitWriter) bits(v uint32, n uint) {
	for i := range n {
		if w.n%8 == 0 {
			w.buf = append(w.buf, 0)
		}
		w.buf[len(w.buf)-1] |= byte(v>>i&1) << (w.n % 8)
		w.n++
	}
}

// code writes a Huffman code, its first (most significant) bit first.
func (w *bitWriter) code(c uint32, n uint) {
	for i := int(n) - 1; i >= 0; i-- {
		w.bits(c>>uint(i)&1, 1)
	}
}

// TestDecodeRefusesBadStreams: truncation at every length, each byte
// flipped, and the classic malformations; never a panic, and never an
// output compress/flate would not give.
func TestDecodeRefusesBadStreams(t *testing.T) {
	data := samples()["xml"][:20_000]
	src := compress(t, data, flate.DefaultCompression)
	for n := range len(src) {
		if got, err := Decode(nil, src[:n], len(data)); err == nil {
			t.Fatalf("truncated to %d of %d bytes: no error, %d bytes out", n, len(src), len(got))
		}
	}
	for i := 0; i < len(src); i += 7 {
		bad := bytes.Clone(src)
		bad[i] ^= 0x55
		agreesWithFlate(t, bad, len(data)*2)
	}
	for name, src := range map[string][]byte{
		"reserved block type": {0x07},
		"stored length check": {0x01, 0x05, 0x00, 0x00, 0x00},
		"stored past the end": {0x01, 0x05, 0x00, 0xFA, 0xFF, 'a'},
		"distance too far":    fixedBlock(func(w *bitWriter) { w.code(0x30+'a', 8); w.code(0b0000001, 7); w.code(3, 5) }),
		"distance code 30":    fixedBlock(func(w *bitWriter) { w.code(0x30+'a', 8); w.code(0b0000001, 7); w.code(30, 5) }),
		"length code 286":     fixedBlock(func(w *bitWriter) { w.code(0b11000110, 8) }),
		"no end of block":     fixedBlock(func(w *bitWriter) { w.code(0x30+'a', 8) }),
	} {
		if _, err := Decode(nil, src, 1000); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: error %v, want ErrCorrupt", name, err)
		}
		if _, err := io.ReadAll(flate.NewReader(bytes.NewReader(src))); err == nil {
			t.Errorf("%s: compress/flate reads it; the case tests nothing", name)
		}
	}
}

// fixedBlock is a final block of the fixed codes holding what body writes
// and no end code.
func fixedBlock(body func(w *bitWriter)) []byte {
	var w bitWriter
	w.bits(1, 1)
	w.bits(1, 2)
	body(&w)
	return w.buf
}

// TestDecodeStopsAtTheLimit: a stream that inflates past the limit stops
// with ErrTooLarge, having appended no more than the limit.
func TestDecodeStopsAtTheLimit(t *testing.T) {
	for name, data := range samples() {
		if len(data) < 2 {
			continue
		}
		for _, level := range []int{flate.NoCompression, flate.DefaultCompression, flate.HuffmanOnly} {
			src := compress(t, data, level)
			limit := len(data) - 1
			got, err := Decode(nil, src, limit)
			if !errors.Is(err, ErrTooLarge) || len(got) > limit {
				t.Errorf("%s at level %d: %d bytes, error %v; want ErrTooLarge within %d", name, level, len(got), err, limit)
			}
		}
	}
}

// agreesWithFlate: whatever Decode accepts, compress/flate reads the same;
// whatever compress/flate reads within the limit, Decode reads the same.
func agreesWithFlate(t *testing.T, src []byte, limit int) {
	t.Helper()
	got, err := Decode(nil, src, limit)
	want, werr := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(src)), int64(limit)+1))
	if werr == nil && len(want) > limit {
		werr = ErrTooLarge
	}
	switch {
	case err == nil && werr != nil:
		t.Errorf("Decode reads %d bytes that compress/flate refuses (%v): % x", len(got), werr, src)
	case err == nil && !bytes.Equal(got, want):
		t.Errorf("Decode and compress/flate read different bytes: % x", src)
	case err != nil && werr == nil:
		t.Errorf("Decode refuses (%v) what compress/flate reads: % x", err, src)
	}
}

// FuzzDecode holds Decode to compress/flate on any input.
func FuzzDecode(f *testing.F) {
	for _, data := range samples() {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.HuffmanOnly} {
			src := compress(f, data, level)
			if len(src) < 4096 {
				f.Add(src)
			}
		}
	}
	f.Add(compress(f, samples()["xml"][:3000], flate.DefaultCompression))
	f.Fuzz(func(t *testing.T, src []byte) {
		agreesWithFlate(t, src, 1<<20)
	})
}

// BenchmarkDecode is Decode against compress/flate reading the same
// stream into a buffer of the right size, as a .docx part is read:
// x_flate_speed is how many times faster Decode is, measured in the same
// run.
//
//	go test ./internal/inflate -run X -bench Decode
func BenchmarkDecode(b *testing.B) {
	all := samples()
	for _, name := range []string{"prose", "one"} {
		b.Run("part="+name, func(b *testing.B) { benchDecode(b, all[name]) })
	}
}

// benchDecode is BenchmarkDecode on one part: a report's document.xml
// (prose) or the smallest part (one byte), where fixed costs tell.
func benchDecode(b *testing.B, data []byte) {
	src := compress(b, data, flate.DefaultCompression)
	var std float64
	b.Run("impl=flate", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		buf := make([]byte, len(data)+1)
		r := flate.NewReader(nil)
		for b.Loop() {
			_ = r.(flate.Resetter).Reset(bytes.NewReader(src), nil)
			n, err := io.ReadFull(r, buf)
			if n != len(data) || err != io.ErrUnexpectedEOF {
				b.Fatal("short read: ", err)
			}
		}
		std = b.Elapsed().Seconds() / float64(b.N)
	})
	b.Run("impl=inflate", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		buf := make([]byte, 0, len(data))
		for b.Loop() {
			out, err := Decode(buf[:0], src, len(data))
			if err != nil || len(out) != len(data) {
				b.Fatal(err)
			}
		}
		// Reported here: a benchmark with sub-benchmarks prints none of
		// its own metrics.
		if fast := b.Elapsed().Seconds() / float64(b.N); fast > 0 && std > 0 {
			b.ReportMetric(std/fast, "x_flate_speed")
		}
	})
}
