package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"nianbao/model"
)

// Template versions a drafter has used are kept under
// StateDir/templates/<id>@<version>.yaml. When the office ships version 2
// and the unit's copy of version 1 is replaced, drafts written against
// version 1 can still be migrated knowing the old section titles (so
// renamed sections are matched by title and removed ones are shown by
// name) and the drafter sees what changed.

func historyDir() (string, error) {
	dir, err := model.StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "templates"), nil
}

// historyName is a file name for id@version that is safe on every file
// system; ids are ASCII slugs, anything else is replaced. The loaded
// file's own id and version are checked, so a collision cannot mislead.
func historyName(id string, version int) string {
	safe := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, id)
	return safe + "@" + strconv.Itoa(version) + ".yaml"
}

// Remember keeps a copy of t, the template a draft is being written
// against. It is best effort: failing to remember only costs a later
// migration the old titles, so errors are returned for tests and ignored
// by callers.
func Remember(t *model.Template) error {
	dir, err := historyDir()
	if err != nil {
		return err
	}
	// Templates come here straight from Lookup, unchanged: their source
	// bytes are what Marshal would produce, at none of its 1.5 ms (this
	// runs once per command).
	data := t.Source()
	if data == nil {
		var err error
		if data, err = t.Marshal(); err != nil {
			return err
		}
	}
	p := filepath.Join(dir, historyName(t.ID, t.Version))
	if old, err := model.ReadRegular(p); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if _, err := os.Lstat(p); err == nil {
		// The first copy of a version stays: a file passed later with the
		// same id and version (a received template, an edited copy) must
		// not replace the titles migration relies on.
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return model.WriteFileAtomic(p, data)
}

// Version finds template id at exactly version: what Lookup resolves when
// it is that version, a remembered copy, or a file in dirs whose id and
// version match (an office may keep county-2024.yaml beside county.yaml).
// It returns nil when no such version can be found.
func Version(id string, version int, dirs ...string) *model.Template {
	if !ValidID(id) {
		return nil // a path in a draft's template id is never read
	}
	if t, err := LookupID(id, dirs...); err == nil && t.ID == id && t.Version == version {
		return t
	}
	if dir, err := historyDir(); err == nil {
		if t, err := model.LoadTemplate(filepath.Join(dir, historyName(id, version))); err == nil && t.ID == id && t.Version == version {
			return t
		}
	}
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
				continue
			}
			if t, err := model.LoadTemplate(filepath.Join(dir, name)); err == nil && t.ID == id && t.Version == version {
				return t
			}
		}
	}
	return nil
}
