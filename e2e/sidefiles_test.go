package e2e

import (
	"os"
	"path/filepath"
)

// lockFiles and recoveryFiles list what the editor leaves beside a draft,
// .FILE.SESSION.lock and .FILE.SESSION.autosave, found on disk by name as a
// user would see them. Recovery files also count the single .FILE.autosave
// of older versions and the state-directory fallback (recovery/HASH-FILE/
// under the test's own XDG_STATE_HOME, see model.AutosavePaths).
func lockFiles(draft string) []string {
	dir, base := filepath.Split(draft)
	found, _ := filepath.Glob(filepath.Join(dir, "."+base+".*.lock"))
	return found
}

func recoveryFiles(draft string) []string {
	dir, base := filepath.Split(draft)
	found, _ := filepath.Glob(filepath.Join(dir, "."+base+".*.autosave"))
	if _, err := os.Lstat(filepath.Join(dir, "."+base+".autosave")); err == nil {
		found = append(found, filepath.Join(dir, "."+base+".autosave"))
	}
	state := filepath.Join(os.Getenv("XDG_STATE_HOME"), "nianbao", "recovery", "*-"+base)
	more, _ := filepath.Glob(filepath.Join(state, "."+base+".*.autosave"))
	return append(found, more...)
}
