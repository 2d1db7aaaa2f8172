package model

import "io"

// ReadUpTo reads r to its end or to limit+1 bytes, whichever comes first,
// so that a caller sees a file over limit without reading all of it. The
// buffer starts at size, what the caller's Stat reported (plus one byte,
// to see the end), not at io.ReadAll's 512 bytes grown by doubling: a
// folder check reads thousands of files, and the copies were a tenth of
// reading one. A file that grows, or reports no size (a device), is
// still read to the limit.
func ReadUpTo(r io.Reader, size, limit int64) ([]byte, error) {
	hint := int64(512)
	if size > 0 {
		hint = min(size, limit) + 1
	}
	buf := make([]byte, 0, hint)
	r = io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow as append does
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
