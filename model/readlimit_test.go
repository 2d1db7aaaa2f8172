package model

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// ReadUpTo returns the whole file when it is within the limit and
// limit+1 bytes when it is over, for sizes around the buffer's first
// capacity and the limit, with and without the file's size to start from.
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
			// The size as Stat gives it, and none (a device, a pipe).
			for _, hint := range []int64{int64(size), 0} {
				if _, err := f.Seek(0, 0); err != nil {
					t.Fatal(err)
				}
				got, err := ReadUpTo(f, hint, limit)
				if err != nil {
					t.Fatal(err)
				}
				want := data[:min(int64(size), limit+1)]
				if !bytes.Equal(got, want) {
					t.Errorf("size %d, hint %d, limit %d: read %d bytes, want %d", size, hint, limit, len(got), len(want))
				}
			}
			f.Close()
		}
	}
}
