package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// AutosavePath is the hidden recovery file kept beside a draft.
func AutosavePath(draftPath string) string {
	dir, base := filepath.Split(draftPath)
	return filepath.Join(dir, "."+base+".autosave")
}

// WriteAutosave writes the draft's current state to its recovery file,
// atomically, without touching the draft itself or the Report's notion of
// what is on disk.
func (r *Report) WriteAutosave(draftPath string) error {
	data, err := r.Marshal()
	if err != nil {
		return err
	}
	return WriteFileAtomic(AutosavePath(draftPath), data)
}

// RemoveAutosave deletes the recovery file; a missing file is not an error.
func RemoveAutosave(draftPath string) error {
	err := os.Remove(AutosavePath(draftPath))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// Recovery is a recovery file that holds work the draft does not.
type Recovery struct {
	Path    string    // the recovery file
	Report  *Report   // its content, with File() set to the draft path
	ModTime time.Time // when it was written
}

// FindRecovery returns the recovery file for draftPath when it exists and
// differs from the draft, or nil. A recovery file older than the draft is
// still offered when its content differs: the clock is not proof that the
// draft holds everything. A recovery file that cannot be parsed is reported
// as an error and left in place.
func FindRecovery(draftPath string) (*Recovery, error) {
	ap := AutosavePath(draftPath)
	st, err := os.Stat(ap)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	data, err := readLimited(ap)
	if err != nil {
		return nil, err
	}
	// The draft is read once: its bytes decide whether there is anything
	// to recover, fingerprint it for the conflict check and give the merge
	// base, and must be the same bytes for all three.
	draft, derr := os.ReadFile(draftPath)
	if derr == nil && string(draft) == string(data) {
		return nil, nil
	}
	rep, err := ParseReport(ap, data)
	if err != nil {
		return nil, err
	}
	rep.file = draftPath
	// The recovered text is not on disk under the draft's name: keep the
	// draft's own disk state so saving checks against it.
	rep.disk = DiskState{}
	if derr == nil {
		rep.disk = diskStateOf(draft, draftPath)
		if base, err := ParseReport(draftPath, draft); err == nil {
			rep.node, rep.orig, rep.base, rep.loaded, rep.pos = base.node, base.orig, base.base, base.loaded, base.pos
		}
	} else {
		rep.node, rep.orig, rep.base, rep.loaded = nil, nil, nil, nil
	}
	return &Recovery{Path: ap, Report: rep, ModTime: st.ModTime()}, nil
}

// SectionChange is one difference between two versions of a draft, in the
// terms a drafter recognises: which section, how many characters each way.
type SectionChange struct {
	ID       string
	Title    string // from the template, or the id when unknown
	OldChars int
	NewChars int
}

// CompareSections lists the sections whose text differs between old and
// new, in template order, then any sections the template does not know.
// Metadata and figure changes are reported as pseudo-sections "报告信息"
// and "数字" so nothing that differs goes unmentioned.
func CompareSections(t *Template, old, new *Report) []SectionChange {
	var out []SectionChange
	seen := map[string]bool{}
	add := func(id, title string) {
		seen[id] = true
		a, b := old.Sections[id], new.Sections[id]
		if a != b {
			out = append(out, SectionChange{ID: id, Title: title, OldChars: runeCount(a), NewChars: runeCount(b)})
		}
	}
	if old.Unit != new.Unit || old.Year != new.Year || old.Title != new.Title || old.Date != new.Date || old.Contact != new.Contact {
		out = append(out, SectionChange{ID: "", Title: "报告信息",
			OldChars: runeCount(old.Unit + old.Title + old.Date + old.Contact), NewChars: runeCount(new.Unit + new.Title + new.Date + new.Contact)})
	}
	if t != nil {
		for _, s := range t.Flatten() {
			add(s.ID, s.Title)
		}
	}
	for _, id := range orderedKeys(new.Sections, nil) {
		if !seen[id] {
			add(id, id)
		}
	}
	for _, id := range orderedKeys(old.Sections, nil) {
		if !seen[id] {
			add(id, id)
		}
	}
	changed := 0
	for id, v := range new.Figures {
		if o, ok := old.Figures[id]; !ok || o.Text != v.Text {
			changed++
		}
	}
	for id := range old.Figures {
		if _, ok := new.Figures[id]; !ok {
			changed++
		}
	}
	if changed > 0 {
		out = append(out, SectionChange{ID: "", Title: "数字", OldChars: len(old.Figures), NewChars: len(new.Figures)})
	}
	return out
}

func runeCount(s string) int { return len([]rune(s)) }

// StateDir is nianbao's own state: $XDG_STATE_HOME/nianbao, else
// ~/.local/state/nianbao. State, not cache: a cache cleaner must not
// delete someone's afternoon of typing or the template versions their
// drafts were written against.
func StateDir() (string, error) {
	base := os.Getenv("XDG_STATE_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "nianbao"), nil
}

// UnsavedDir is where drafts that have no file name yet keep their
// recovery files (StateDir/unsaved).
func UnsavedDir() (string, error) {
	dir, err := StateDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "unsaved"), nil
}

// unsavedPrefix starts the stand-in draft names of unnamed drafts.
const unsavedPrefix = "未命名草稿-"

// NewUnsavedPath is a stand-in draft path inside dir for a draft that has
// no name yet; only its recovery file (AutosavePath) is ever written. The
// directory is created so the first autosave cannot fail on it.
func NewUnsavedPath(dir string, now time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return filepath.Join(dir, fmt.Sprintf("%s%s-%d.yaml", unsavedPrefix, now.Format("20060102-150405"), os.Getpid())), nil
}

// FindUnsavedRecoveries lists the recovery files of unnamed drafts in dir,
// newest first. Files that cannot be read are skipped with their error in
// errs, never deleted.
func FindUnsavedRecoveries(dir string) (found []*Recovery, errs []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, []error{err}
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, "."+unsavedPrefix) || !strings.HasSuffix(name, ".autosave") {
			continue
		}
		draft := filepath.Join(dir, strings.TrimSuffix(strings.TrimPrefix(name, "."), ".autosave"))
		rec, err := FindRecovery(draft)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if rec != nil {
			found = append(found, rec)
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].ModTime.After(found[j].ModTime) })
	return found, errs
}
