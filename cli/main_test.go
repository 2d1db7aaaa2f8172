package cli

import (
	"os"
	"testing"
)

// TestMain keeps commands' state (remembered template versions, unnamed
// drafts' recovery files) out of the real home directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "nianbao-cli-state-")
	if err == nil {
		os.Setenv("XDG_STATE_HOME", dir)
	}
	code := m.Run()
	if err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
