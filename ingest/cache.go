package ingest

import "sync"

// boundedCache is a map the check workers share, emptied when it reaches
// its size: the derived data ingest keeps per template or per document
// part (figure candidates, parsed styles, normalized titles) is small and
// repeats across a batch, but a long editing session must not keep every
// key it ever saw alive.
type boundedCache[K comparable, V any] struct {
	mu   sync.Mutex
	m    map[K]V
	size int
}

func newBoundedCache[K comparable, V any](size int) *boundedCache[K, V] {
	return &boundedCache[K, V]{m: map[K]V{}, size: size}
}

func (c *boundedCache[K, V]) get(k K) (V, bool) {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	return v, ok
}

func (c *boundedCache[K, V]) put(k K, v V) {
	c.mu.Lock()
	if len(c.m) >= c.size {
		clear(c.m)
	}
	c.m[k] = v
	c.mu.Unlock()
}
