package model

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

const autosaveSuffix = ".autosave"

// AutosavePath is session s's recovery file beside a draft,
// .FILE.SESSION.autosave. Each editor writes its own, so a second editor
// on the same draft never overwrites, offers or deletes the first one's.
func AutosavePath(draftPath string, s Session) string {
	return sidePath(draftPath, s.ID(), autosaveSuffix)
}

// AutosavePaths are every place session s may have written its recovery
// file for draftPath: beside the draft, and the state-directory fallback
// used when the draft's folder cannot be written.
func AutosavePaths(draftPath string, s Session) []string {
	out := []string{AutosavePath(draftPath, s)}
	if fb, err := fallbackDraft(draftPath); err == nil {
		out = append(out, AutosavePath(fb, s))
	}
	return out
}

// fallbackDraft is a stand-in path for draftPath in the state directory
// (StateDir/recovery/HASH-NAME/NAME), keyed by the draft's absolute path
// so two drafts of the same name in different folders never meet.
func fallbackDraft(draftPath string) (string, error) {
	state, err := StateDir()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(draftPath)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	base := filepath.Base(abs)
	return filepath.Join(state, "recovery", hex.EncodeToString(sum[:6])+"-"+base, base), nil
}

// recoveryCandidates lists the recovery files of draftPath, beside it and
// in its state-directory fallback, with the session id of each.
func recoveryCandidates(draftPath string) (map[string]string, error) {
	files, err := sideFiles(draftPath, autosaveSuffix)
	if err != nil {
		return nil, err
	}
	if fb, ferr := fallbackDraft(draftPath); ferr == nil {
		more, _ := sideFiles(fb, autosaveSuffix)
		if files == nil {
			files = map[string]string{}
		}
		maps.Copy(files, more)
	}
	return files, nil
}

// WriteAutosave writes the draft's current state to session s's recovery
// file, atomically and readable only by its owner, without touching the
// draft itself or the Report's notion of what is on disk. When the
// draft's folder cannot be written (read-only, full, no permission) the
// file goes to the state directory instead, where FindRecoveries looks
// too. It returns the recovery file's path.
func (r *Report) WriteAutosave(draftPath string, s Session) (string, error) {
	data, err := r.Marshal()
	if err != nil {
		return "", err
	}
	p := AutosavePath(draftPath, s)
	err = writeSideFile(p, data, sideFileMode)
	if err == nil {
		return p, nil
	}
	fb, ferr := fallbackDraft(draftPath)
	if ferr != nil || os.MkdirAll(filepath.Dir(fb), 0o700) != nil {
		return "", err
	}
	fp := AutosavePath(fb, s)
	if writeSideFile(fp, data, sideFileMode) != nil {
		return "", err
	}
	return fp, nil
}

// RemoveRecovery deletes one recovery file; a missing file is not an
// error, and anything but a regular file is left alone.
func RemoveRecovery(path string) error { return removeSideFile(path) }

// Recovery is a recovery file that holds work the draft does not.
type Recovery struct {
	Path      string    // the recovery file
	Report    *Report   // its content, with File() set to the draft path
	ModTime   time.Time // when it was written
	DraftTime time.Time // when the draft was last written; zero when there is no draft
	Session   string    // id of the editor that wrote it; "" for an older version's file
}

// DraftNewer reports whether the draft was written after the recovery
// file: restoring it then replaces newer text, so the draft is backed up
// first and the drafter told.
func (r *Recovery) DraftNewer() bool { return r.DraftTime.After(r.ModTime) }

// FindRecoveries returns the recovery files of draftPath that no running
// editor owns and that differ from the draft, newest first. A running
// editor's file (this one's included) is never offered: it is that
// editor's to keep or remove. A file that cannot be read or parsed is
// reported in the error and left in place; the others are still returned.
func FindRecoveries(draftPath string) ([]*Recovery, error) {
	files, err := recoveryCandidates(draftPath)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, nil
	}
	// The draft is read once: its bytes decide whether there is anything
	// to recover, fingerprint it for the conflict check and give the merge
	// base, and must be the same bytes for all of them.
	draft, dst, derr := readRegular(draftPath)
	var found []*Recovery
	var errs []error
	for _, p := range sortedKeys(files) {
		id := files[p]
		if id != "" && (id == ThisSession().ID() || sessionAlive(draftPath, id)) {
			continue
		}
		data, st, err := readSideFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if derr == nil && string(draft) == string(data) {
			// Nothing to recover, and the owner is gone: the file is
			// only clutter now.
			_ = removeSideFile(p)
			continue
		}
		rep, err := ParseReport(p, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rep.file = draftPath
		// The recovered text is not on disk under the draft's name: keep
		// the draft's own disk state so saving checks against it.
		rep.disk = DiskState{}
		rec := &Recovery{Path: p, Report: rep, ModTime: st.ModTime(), Session: id}
		if derr == nil {
			rec.DraftTime = dst.ModTime()
			rep.disk = DiskState{Exists: true, ModTime: dst.ModTime(), Sum: sha256.Sum256(draft)}
			if base, err := ParseReport(draftPath, draft); err == nil {
				rep.node, rep.orig, rep.base, rep.loaded, rep.pos = base.node, base.orig, base.base, base.loaded, base.pos
			}
		} else {
			rep.node, rep.orig, rep.base, rep.loaded = nil, nil, nil, nil
		}
		found = append(found, rec)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].ModTime.After(found[j].ModTime) })
	return found, errors.Join(errs...)
}

// SectionChange is one difference between two versions of a draft, in the
// terms a drafter recognises: which section, how many characters each way.
type SectionChange struct {
	ID       string
	Title    string // from the template, or the id when unknown
	OldChars int
	NewChars int
	// Fields names, for the report's information, the fields that differ:
	// a changed year leaves the characters as they were.
	Fields []string
	// figures marks the pseudo-section of the figures: its counts are
	// figures, not characters.
	figures bool
}

// Amount says how a part changed, after its title in a recovery prompt:
// characters for a section, the fields for the report's information, the
// number of figures for the figures.
func (c SectionChange) Amount() string {
	switch {
	case len(c.Fields) > 0:
		return "：改动了" + strings.Join(c.Fields, "、")
	case c.figures:
		return fmt.Sprintf("：%d → %d 个数字", c.OldChars, c.NewChars)
	}
	return fmt.Sprintf("：%d → %d 字", c.OldChars, c.NewChars)
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
	var fields []string
	for _, f := range []struct {
		name     string
		old, new string
	}{
		{"报告单位", old.Unit, new.Unit}, {"年度", strconv.Itoa(old.Year), strconv.Itoa(new.Year)}, {"标题", old.Title, new.Title},
		{"成文日期", old.Date, new.Date}, {"联系人", old.Contact, new.Contact},
	} {
		if f.old != f.new {
			fields = append(fields, f.name)
		}
	}
	if len(fields) > 0 {
		out = append(out, SectionChange{ID: "", Title: "报告信息", Fields: fields,
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
		out = append(out, SectionChange{ID: "", Title: "数字", OldChars: len(old.Figures), NewChars: len(new.Figures), figures: true})
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

// FindUnsavedRecoveries lists the orphaned recovery files of unnamed
// drafts in dir, newest first. Files that cannot be read are skipped with
// their error in errs, never deleted.
func FindUnsavedRecoveries(dir string) (found []*Recovery, errs []error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, []error{err}
	}
	drafts := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "."+unsavedPrefix) || !strings.HasSuffix(name, autosaveSuffix) {
			continue
		}
		base := strings.TrimSuffix(strings.TrimPrefix(name, "."), autosaveSuffix)
		if i := strings.LastIndexByte(base, '.'); i > 0 {
			if _, ok := parseSessionID(base[i+1:]); ok {
				base = base[:i]
			}
		}
		drafts[filepath.Join(dir, base)] = true
	}
	for _, draft := range slices.Sorted(maps.Keys(drafts)) {
		recs, err := FindRecoveries(draft)
		if err != nil {
			errs = append(errs, err)
		}
		found = append(found, recs...)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].ModTime.After(found[j].ModTime) })
	return found, errs
}

// WriteDump is the last resort when no recovery file can be written: the
// text goes to a new file, readable only by its owner, in the state
// directory (never the shared temporary directory, where anyone can
// plant a file under a guessable name). It returns the dump's path.
func WriteDump(text []byte) (string, error) {
	state, err := StateDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(state, "recovered")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("无法创建 %s：%s", dir, OSReason(err))
	}
	p := filepath.Join(dir, fmt.Sprintf("nianbao-恢复-%s-%s.txt", time.Now().Format("20060102-150405"), ThisSession().ID()))
	f, err := createExclusive(p, sideFileMode)
	if err != nil {
		return "", fmt.Errorf("无法写入 %s：%s", p, OSReason(err))
	}
	_, err = f.Write(text)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("无法写入 %s：%s", p, OSReason(err))
	}
	return p, nil
}
