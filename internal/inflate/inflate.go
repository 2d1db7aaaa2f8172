// Package inflate decodes a whole DEFLATE stream (RFC 1951) held in memory
// into one buffer: the parts of a received .docx, whose compressed bytes
// and uncompressed size the zip directory gives before a byte is read.
//
// compress/flate is a streaming decoder: it reads its input a byte at a
// time through io.ByteReader, keeps a 32 KB window it copies out of, and
// decodes one Huffman symbol per table walk. With the whole input and the
// whole output in memory, none of that is needed: bits are loaded eight
// bytes at a time, a back-reference copies within the output itself, and
// a symbol of up to ten bits (nearly all of them) is one table load. That
// makes it about twice as fast on the XML of a report (BenchmarkDecode).
// github.com/klauspost/compress/flate, also streaming, was 10–20 % faster
// than compress/flate on the same parts; not enough for a dependency.
//
// Decode is strict where compress/flate is (over-subscribed or incomplete
// codes, distances before the start, lengths that run past the stream's
// end), but its errors say only that the stream is bad: a caller that
// needs a precise message reads the stream again with compress/flate, and
// a caller reading a zip entry checks the output against the entry's CRC.
package inflate

import (
	"encoding/binary"
	"errors"
	"sync"
)

// ErrCorrupt is any malformed stream.
var ErrCorrupt = errors.New("inflate: corrupt stream")

// ErrTooLarge is a stream that decodes to more than the limit.
var ErrTooLarge = errors.New("inflate: output over the limit")

// Decode appends the data of the raw DEFLATE stream src to dst and
// returns it. It stops with ErrTooLarge as soon as more than limit bytes
// would be appended. Give dst the capacity the output is expected to
// need (a zip entry's uncompressed size) to decode without copying.
func Decode(dst, src []byte, limit int) ([]byte, error) {
	d := decoders.Get().(*decoder)
	defer func() {
		d.src, d.out = nil, nil // the pool keeps no caller's bytes alive
		decoders.Put(d)
	}()
	d.src, d.pos, d.bits, d.nb, d.out, d.limit = src, 0, 0, 0, dst, len(dst)+limit
	for {
		d.refill()
		final := d.take(1)
		kind := d.take(2)
		var err error
		switch kind {
		case 0:
			err = d.stored()
		case 1:
			fl := fixed()
			err = d.block(&fl.lit, &fl.dist)
		case 2:
			err = d.dynamic()
		default:
			err = ErrCorrupt
		}
		if err != nil {
			return d.out, err
		}
		if d.overrun() {
			return d.out, ErrCorrupt
		}
		if final == 1 {
			return d.out, nil
		}
	}
}

// decoders are pooled: a decoder's three tables are 12 KB, and zeroing
// them for each small part of a .docx cost more than decoding it.
var decoders = sync.Pool{New: func() any { return new(decoder) }}

// decoder holds a stream's state: the input, its bit buffer, the output.
type decoder struct {
	src   []byte
	pos   int    // next byte of src to load into bits; past len(src) once zeros are loaded
	bits  uint64 // loaded bits not yet consumed, the next one lowest
	nb    uint   // how many of bits are loaded
	out   []byte
	limit int // len(out) may not exceed it

	// dynamic's tables, here so that a stream of many blocks builds them
	// in place.
	lit, dist, lens huffman
}

// refill loads bits until at least 56 are loaded, enough for a length
// code, its extra bits, a distance code and its extra bits (48 at most).
// Past the end of src it loads zero bytes; overrun tells when a decode
// used them.
func (d *decoder) refill() {
	if d.nb >= 56 {
		return
	}
	if d.pos+8 <= len(d.src) {
		d.bits |= binary.LittleEndian.Uint64(d.src[d.pos:]) << d.nb
		d.pos += int(63-d.nb) >> 3
		d.nb |= 56
		return
	}
	for d.nb < 56 {
		if d.pos < len(d.src) {
			d.bits |= uint64(d.src[d.pos]) << d.nb
		}
		d.pos++
		d.nb += 8
	}
}

// overrun says whether the bits consumed so far run past the end of src.
// The zero bytes refill loads past the end are at most eight a refill, so
// a decode loop that never ends on them is stopped here too.
func (d *decoder) overrun() bool { return overran(d.pos, d.nb, len(d.src)) }

// overran is overrun on block's locals: pos bytes loaded, nb of their bits
// not yet consumed, n bytes of input.
func overran(pos int, nb uint, n int) bool { return pos*8-int(nb) > n*8 }

// take consumes n bits (n ≤ 32, after a refill leaving at least n).
func (d *decoder) take(n uint) uint32 {
	v := uint32(d.bits & (1<<n - 1))
	d.bits >>= n
	d.nb -= n
	return v
}

// stored copies a block kept uncompressed.
func (d *decoder) stored() error {
	d.take(d.nb & 7) // to the byte boundary
	d.refill()
	n := d.take(16)
	if ^n&0xFFFF != d.take(16) {
		return ErrCorrupt
	}
	// The bit buffer holds whole bytes now, loaded ahead: step back over
	// them and copy the block straight from src.
	at := d.pos - int(d.nb>>3)
	d.bits, d.nb, d.pos = 0, 0, at
	if at+int(n) > len(d.src) {
		return ErrCorrupt
	}
	if len(d.out)+int(n) > d.limit {
		return ErrTooLarge
	}
	d.out = append(d.out, d.src[at:at+int(n)]...)
	d.pos += int(n)
	return nil
}

// The lengths and distances a code stands for: a base and a count of
// extra bits read after the code (RFC 1951, 3.2.5).
var (
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// block decodes the symbols of a compressed block up to its end code.
// It is the loop nearly all the time goes to, so it keeps the bit buffer
// and the output in locals (registers) and looks codes up inline, writing
// them back when it stops.
func (d *decoder) block(lit, dist *huffman) error {
	bits, nb, pos, src, out, limit := d.bits, d.nb, d.pos, d.src, d.out, d.limit
	var err error
	for {
		if nb < 56 {
			if pos+8 <= len(src) {
				bits |= binary.LittleEndian.Uint64(src[pos:]) << nb
				pos += int(63-nb) >> 3
				nb |= 56
			} else {
				d.bits, d.nb, d.pos = bits, nb, pos
				d.refill()
				bits, nb, pos = d.bits, d.nb, d.pos
				// Past the end only zeros are loaded; a stream whose
				// codes run on into them is truncated (and, decoded as
				// literals, would fill the output up to the limit).
				if pos > len(src) && overran(pos, nb, len(src)) {
					err = ErrCorrupt
					break
				}
			}
		}
		e, ok := lit.lookup(bits, litBits)
		if !ok {
			err = ErrCorrupt
			break
		}
		n := uint(e & 15)
		bits >>= n
		nb -= n
		sym := e >> 8
		if sym < 256 {
			if len(out) >= limit {
				err = ErrTooLarge
				break
			}
			out = append(out, byte(sym))
			continue
		}
		if sym == 256 {
			break // the end of the block
		}
		sym -= 257
		if sym >= 29 {
			err = ErrCorrupt
			break
		}
		x := uint(lengthExtra[sym])
		length := int(lengthBase[sym]) + int(bits&(1<<x-1))
		bits >>= x
		nb -= x

		e, ok = dist.lookup(bits, distBits)
		n = uint(e & 15)
		dsym := e >> 8
		if !ok || dsym >= 30 {
			err = ErrCorrupt
			break
		}
		bits >>= n
		nb -= n
		x = uint(distExtra[dsym])
		distance := int(distBase[dsym]) + int(bits&(1<<x-1))
		bits >>= x
		nb -= x

		start := len(out) - distance
		if start < 0 || overran(pos, nb, len(src)) {
			err = ErrCorrupt
			break
		}
		if len(out)+length > limit {
			err = ErrTooLarge
			break
		}
		if distance >= length {
			out = append(out, out[start:start+length]...)
			continue
		}
		// The copy overlaps what it writes: a run repeating the last
		// distance bytes. Each append doubles what can be copied at once.
		end := len(out) + length
		for len(out) < end {
			out = append(out, out[start:min(len(out), start+end-len(out))]...)
		}
	}
	d.bits, d.nb, d.pos, d.out = bits, nb, pos, out
	return err
}

// codeOrder is the order of the code length code's lengths (3.2.7).
var codeOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// dynamic reads a block's own codes, then its symbols.
func (d *decoder) dynamic() error {
	d.refill()
	nlit := int(d.take(5)) + 257
	ndist := int(d.take(5)) + 1
	nclen := int(d.take(4)) + 4
	if nlit > 286 || ndist > 30 {
		return ErrCorrupt
	}
	var clens [19]uint8
	for i := range nclen {
		d.refill()
		clens[codeOrder[i]] = uint8(d.take(3))
	}
	if !d.lens.build(clens[:], 7) {
		return ErrCorrupt
	}
	var lengths [286 + 30]uint8
	n := nlit + ndist
	for i := 0; i < n; {
		d.refill()
		sym, ok := d.lens.decode(d)
		if !ok {
			return ErrCorrupt
		}
		if sym < 16 {
			lengths[i] = uint8(sym)
			i++
			continue
		}
		var repeat int
		var value uint8
		switch sym {
		case 16:
			if i == 0 {
				return ErrCorrupt
			}
			repeat, value = 3+int(d.take(2)), lengths[i-1]
		case 17:
			repeat = 3 + int(d.take(3))
		default:
			repeat = 11 + int(d.take(7))
		}
		if i+repeat > n {
			return ErrCorrupt
		}
		for range repeat {
			lengths[i] = value
			i++
		}
	}
	if d.overrun() || lengths[256] == 0 {
		return ErrCorrupt
	}
	if !d.lit.build(lengths[:nlit], litBits) || !d.dist.build(lengths[nlit:n], distBits) {
		return ErrCorrupt
	}
	return d.block(&d.lit, &d.dist)
}

// fixedCodes are the codes of a block of type 1 (3.2.6), built once.
type fixedCodes struct{ lit, dist huffman }

var fixed = sync.OnceValue(func() *fixedCodes {
	var lit [288]uint8
	for i := range lit {
		switch {
		case i < 144:
			lit[i] = 8
		case i < 256:
			lit[i] = 9
		case i < 280:
			lit[i] = 7
		default:
			lit[i] = 8
		}
	}
	// 32 codes, 30 and 31 among them: the code is complete, and a block
	// that uses either is corrupt (block refuses them).
	var dist [32]uint8
	for i := range dist {
		dist[i] = 5
	}
	f := &fixedCodes{}
	if !f.lit.build(lit[:], litBits) || !f.dist.build(dist[:], distBits) {
		panic("inflate: the fixed codes do not build")
	}
	return f
})
