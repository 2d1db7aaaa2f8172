package model

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// ReadUpTo returns the whole file when it is within the limit and
// limit+1 bytes when it is over, for sizes around the buffer's first
// capacity and the limit.
func TestReadUpTo(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 513, 4096, 100_000} {
		for _, limit := range []int64{10, 512, 100_000, 1 << 20} {
			data := bytes.Repeat([]byte("字"), size/3+1)[:size]
			path := filepath.Join(dir, "f")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadUpTo(f, limit)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			want := data[:min(int64(size), limit+1)]
			if !bytes.Equal(got, want) {
				t.Errorf("size %d, limit %d: read %d bytes, want %d", size, limit, len(got), len(want))
			}
		}
	}
}
