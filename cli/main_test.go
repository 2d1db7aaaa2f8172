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
		// Converted documents, installed templates and remembered
		// versions all stay in the test's directory.
		os.Setenv("XDG_STATE_HOME", dir)
		os.Setenv("XDG_CACHE_HOME", dir+"/cache")
		os.Setenv("XDG_CONFIG_HOME", dir+"/config")
	}
	code := m.Run()
	if err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
