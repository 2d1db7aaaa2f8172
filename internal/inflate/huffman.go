package inflate

// How many bits the first table of each code takes: a code of up to that
// many bits is one load; a longer one is a second load from the entry's
// own table. Nearly every literal and length code of XML text is ten bits
// or shorter.
const (
	litBits  = 10
	distBits = 8
	maxBits  = 15 // the longest code DEFLATE allows
)

// An entry of a huffman table: the code's length in bits (low four bits)
// and its symbol (from bit 8). A link entry, for codes longer than the
// first table's bits, has linkFlag set, its own table's index bits in the
// low four bits and that table's offset in sub from bit 8. A zero entry
// is a code the table does not have.
const linkFlag = 1 << 4

// huffman is a canonical Huffman code as lookup tables, indexed by the
// next bits of the stream (DEFLATE packs a code's first bit lowest).
type huffman struct {
	first  [1 << litBits]uint32
	sub    []uint32
	linked []uint16 // build's scratch: the first-table indexes with a table of their own
	bits   uint     // index bits of first
	counts [maxBits + 1]uint16
}

// lookup is the table entry of the code that starts bits, false for a
// code the table does not have. firstBits is h.bits; block passes it as a
// constant, so that the masks fold.
func (h *huffman) lookup(bits uint64, firstBits uint) (uint32, bool) {
	e := h.first[bits&(1<<firstBits-1)&(1<<litBits-1)]
	if e&linkFlag != 0 {
		i := int(e>>8) + int(bits>>firstBits&(1<<(e&15)-1))
		if i >= len(h.sub) {
			return 0, false
		}
		e = h.sub[i]
	}
	return e, e&15 != 0
}

// decode reads the next symbol. A refill must leave enough bits for it.
func (h *huffman) decode(d *decoder) (uint32, bool) {
	e, ok := h.lookup(d.bits, h.bits)
	if !ok {
		return 0, false
	}
	n := uint(e & 15)
	d.bits >>= n
	d.nb -= n
	return e >> 8, true
}

// build makes the tables of the code with these lengths (0 for a symbol
// the code lacks), the first taking tableBits. It refuses a code that is
// over-subscribed or incomplete, as compress/flate does, except the two
// incomplete codes DEFLATE allows: no code at all and a single one-bit
// code (a block with one distance or none).
func (h *huffman) build(lengths []uint8, tableBits uint) bool {
	h.bits = tableBits
	clear(h.counts[:])
	maxLen := uint8(0)
	for _, n := range lengths {
		h.counts[n]++
		maxLen = max(maxLen, n)
	}
	h.counts[0] = 0
	h.sub = h.sub[:0]
	if maxLen == 0 {
		clear(h.first[:1<<tableBits])
		return true
	}
	// The first code of each length (3.2.2), and whether the code is
	// complete.
	var next [maxBits + 2]uint32
	code, left := uint32(0), 1
	for n := 1; n <= maxBits; n++ {
		code = (code + uint32(h.counts[n-1])) << 1
		next[n] = code
		left = left<<1 - int(h.counts[n])
		if left < 0 {
			return false
		}
	}
	if left != 0 {
		if !(maxLen == 1 && h.counts[1] == 1) {
			return false
		}
		// A complete code covers every entry of the tables below; this
		// one leaves half of them, which must read as missing.
		clear(h.first[:1<<tableBits])
	}
	// The longest code under each first-table index decides the size of
	// that index's own table.
	mask := uint32(1)<<tableBits - 1
	if uint(maxLen) > tableBits {
		var subLen [1 << litBits]uint8
		linked := h.linked[:0]
		c := next
		for _, n := range lengths {
			if uint(n) > tableBits {
				r := reverse(c[n], n) & mask
				c[n]++
				if subLen[r] == 0 {
					linked = append(linked, uint16(r))
				}
				subLen[r] = max(subLen[r], n-uint8(tableBits))
			}
		}
		for _, i := range linked {
			l := subLen[i]
			h.first[i] = uint32(len(h.sub))<<8 | linkFlag | uint32(l)
			h.sub = append(h.sub, make([]uint32, 1<<l)...)
		}
		h.linked = linked
	}
	for sym, n := range lengths {
		if n == 0 {
			continue
		}
		r := reverse(next[n], n)
		next[n]++
		e := uint32(sym)<<8 | uint32(n)
		if uint(n) <= tableBits {
			for i := r; i <= mask; i += 1 << n {
				h.first[i] = e
			}
			continue
		}
		link := h.first[r&mask]
		base, width := link>>8, uint(link&15)
		for i := r >> tableBits; i < 1<<width; i += 1 << (uint(n) - tableBits) {
			h.sub[base+i] = e
		}
	}
	return true
}

// reverse is the n low bits of code in reverse order: the table index of
// a code whose first bit DEFLATE packs lowest.
func reverse(code uint32, n uint8) uint32 {
	r := uint32(0)
	for range n {
		r = r<<1 | code&1
		code >>= 1
	}
	return r
}
