package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"nianbao/ingest"
	"nianbao/model"
	"nianbao/templates"
)

// loadDraft reads one draft with its template; see templateCache.loadDraft.
func loadDraft(path, override string) (*model.Report, *model.Template, error) {
	return newTemplateCache().loadDraft(path, override)
}

// templateCache keeps the templates one run has parsed. Parsing a template
// costs about 1.6 ms — twenty times the check itself — and a batch of a
// thousand drafts almost always names one or two templates. It is safe for
// the workers of a batch check.
type templateCache struct {
	mu      sync.Mutex
	byRef   map[string]*model.Template
	byID    map[string]*model.Template // ids from received files (lookupID)
	byDraft map[string]*model.Template // dir|id@version → template
	// known are templates found among the files being checked: an office
	// checks the folder where its template lies beside the drafts.
	known []*model.Template
	dirs  []string
	// distinct holds one object per template the run has found (see
	// canonical).
	distinct []*model.Template
}

func newTemplateCache() *templateCache {
	return &templateCache{byRef: map[string]*model.Template{}, byID: map[string]*model.Template{}, byDraft: map[string]*model.Template{}, dirs: append(settingsTemplateDirs(), installedTemplateDirs()...)}
}

func (c *templateCache) lookup(ref string) (*model.Template, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.byRef[ref]; ok {
		return t, nil
	}
	t, err := templates.Lookup(ref, c.dirs...)
	if err == nil {
		t = c.canonical(t)
		c.byRef[ref] = t
		// Kept so that a later migration of drafts on this version knows
		// its titles, and a draft written against an office's template
		// reopens without --template; once per template per run.
		_ = templates.Remember(t)
	}
	return t, err
}

// lookupID finds a template by an id someone else wrote (a carried
// template id): never taken as a path.
func (c *templateCache) lookupID(id string) (*model.Template, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.byID[id]; ok {
		return t, nil
	}
	t, err := templates.LookupID(id, c.dirs...)
	if err == nil {
		t = c.canonical(t)
		c.byID[id] = t
	}
	return t, err
}

// canonical is the template the run already holds with t's id, version,
// file and source, or t itself, now held: one object per template
// whichever way it was found ("", its id, a draft's reference). What is
// worked out against a template object is then found again: ingest keeps
// figure candidates per template, and the check reuses the importer's
// figure reading only against the template that reading was made with.
// The cache's templates are never edited, so equal source is equal
// content.
func (c *templateCache) canonical(t *model.Template) *model.Template {
	src := t.Source()
	if src == nil {
		return t
	}
	for _, o := range c.distinct {
		if o.ID == t.ID && o.Version == t.Version && o.File() == t.File() && bytes.Equal(o.Source(), src) {
			return o
		}
	}
	c.distinct = append(c.distinct, t)
	return t
}

// forDraft finds the template a draft at path names (see templates.Finder).
func (c *templateCache) forDraft(path string, ref model.TemplateRef) (*model.Template, error) {
	key := filepath.Dir(path) + "|" + ref.ID + "@" + strconv.Itoa(ref.Version)
	c.mu.Lock()
	defer c.mu.Unlock()
	if t, ok := c.byDraft[key]; ok {
		return t, nil
	}
	t, err := templates.Finder{Dirs: c.dirs, Known: c.known}.ForDraft(path, ref.ID, ref.Version)
	if err != nil {
		return nil, err
	}
	t = c.canonical(t)
	c.byDraft[key] = t
	// Found beside a draft or in a checked folder: remembered, so the
	// draft still opens after the folder moves on.
	_ = templates.Remember(t)
	return t, nil
}

// addKnown registers a template found among the inputs.
func (c *templateCache) addKnown(t *model.Template) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.known = append(c.known, t)
}

// loadDraft reads a draft and the template it names (or override), and
// checks the draft's ids against the template. Every command that reads a
// draft goes through here so YAML errors look the same everywhere
// (file:line:col, exit 2).
func (c *templateCache) loadDraft(path, override string) (*model.Report, *model.Template, error) {
	r, t, err := c.readDraft(path, override)
	if err != nil {
		return nil, nil, err
	}
	if err := r.Validate(t); err != nil {
		return nil, nil, inputError(err)
	}
	r.UseTemplateOrder(t)
	return r, t, nil
}

// readDraft is loadDraft before the ids are checked: the editor offers
// migration where other commands refuse.
func (c *templateCache) readDraft(path, override string) (*model.Report, *model.Template, error) {
	r, err := model.LoadReport(path)
	if err != nil {
		if doc := notADraft(path); doc != nil {
			return nil, nil, inputError(doc)
		}
		return nil, nil, inputError(err)
	}
	var t *model.Template
	if override != "" {
		t, err = c.lookup(override)
	} else {
		t, err = c.forDraft(path, r.Template)
	}
	if err != nil {
		return nil, nil, inputError(err)
	}
	return r, t, nil
}

// notADraft explains a file that did not read as a draft because it is a
// document: a received .docx, a PDF or the .txt of a published report
// given to edit or export. Its YAML error ("mapping values are not
// allowed" at line 7 of a text report) would send the drafter looking for
// a mistake in a file they never meant as YAML. A file named .yaml/.yml
// is a draft whatever it holds, so its own error stands; so does any
// error when the file cannot be read at all.
func notADraft(path string) error {
	if isDraftPath(path) {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	// A .docx names its main part in the central directory, at the end.
	data, _ := io.ReadAll(io.LimitReader(f, ingest.MaxInputSize))
	kind := ingest.Detect(data)
	return &model.Error{File: path, Msg: fmt.Sprintf("它是文档（%s），不是 nianbao 草稿（.yaml）：检查它用 nianbao check %s；要在编辑器里修改或另行导出，先转成草稿：nianbao import -o 草稿.yaml %s",
		kind.Label(), quoteArg(path), quoteArg(path))}
}

// settingsTemplateDirs lists directories where named templates are looked
// up after the embedded ones, from the settings file (see Settings).
func settingsTemplateDirs() []string {
	return templateDirsFromSettings(func(msg string) { fmt.Fprintln(os.Stderr, msg) })
}
