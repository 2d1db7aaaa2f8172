package textedit

// rowIndex is a Fenwick tree over the number of visual rows of each
// paragraph. It answers "which global row does paragraph p start on" and
// "which paragraph holds global row g" in O(log n), and absorbs an edit that
// changes one paragraph's row count in O(log n): the per-keystroke path never
// walks the document. Inserting or removing paragraphs rebuilds it in O(n)
// over paragraphs (not characters), the same order as the slice insert that
// caused it.
type rowIndex struct {
	tree  []int32 // 1-based Fenwick array; tree[0] unused
	count []int32 // plain row count per paragraph, for point updates
}

// build replaces the index with the given per-paragraph row counts.
func (x *rowIndex) build(counts []int32) {
	n := len(counts)
	x.count = append(x.count[:0], counts...)
	if cap(x.tree) >= n+1 {
		x.tree = x.tree[:n+1]
	} else {
		x.tree = make([]int32, n+1)
	}
	x.tree[0] = 0
	copy(x.tree[1:], counts)
	for i := 1; i <= n; i++ {
		if j := i + (i & -i); j <= n {
			x.tree[j] += x.tree[i]
		}
	}
}

// set changes paragraph p's row count.
func (x *rowIndex) set(p int, rows int32) {
	d := rows - x.count[p]
	if d == 0 {
		return
	}
	x.count[p] = rows
	for i := p + 1; i < len(x.tree); i += i & -i {
		x.tree[i] += d
	}
}

// before is the number of rows in paragraphs [0, p).
func (x *rowIndex) before(p int) int {
	s := 0
	for i := p; i > 0; i -= i & -i {
		s += int(x.tree[i])
	}
	return s
}

// total is the number of rows in the document.
func (x *rowIndex) total() int { return x.before(len(x.count)) }

// find returns the paragraph holding global row g and g's row inside it.
// g is clamped to the document.
func (x *rowIndex) find(g int) (p, r int) {
	n := len(x.count)
	if n == 0 {
		return 0, 0
	}
	if g < 0 {
		g = 0
	}
	// Standard Fenwick descent: the largest p with before(p) <= g.
	pos, rem := 0, g
	step := 1
	for step*2 <= n {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next <= n && int(x.tree[next]) <= rem {
			pos = next
			rem -= int(x.tree[next])
		}
	}
	if pos >= n {
		// Past the end: the last row of the last paragraph.
		return n - 1, int(x.count[n-1]) - 1
	}
	return pos, rem
}
