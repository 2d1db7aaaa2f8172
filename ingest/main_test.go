package ingest

import (
	"os"
	"testing"
)

// TestMain keeps converted documents out of the user's cache directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "nianbao-ingest-cache-")
	if err == nil {
		os.Setenv("XDG_CACHE_HOME", dir)
	}
	code := m.Run()
	if err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
