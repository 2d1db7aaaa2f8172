package cli

import (
	"fmt"
	"os"

	"nianbao/model"
	"nianbao/templates"
)

// loadDraft reads one draft with its template; see templateCache.loadDraft.
func loadDraft(path, override string) (*model.Report, *model.Template, error) {
	return templateCache{}.loadDraft(path, override)
}

// templateCache keeps the templates one run has parsed. Parsing a template
// costs about 1.6 ms — twenty times the check itself — and a batch of a
// thousand drafts almost always names one or two templates.
type templateCache map[string]*model.Template

func (c templateCache) lookup(ref string) (*model.Template, error) {
	if t, ok := c[ref]; ok {
		return t, nil
	}
	t, err := templates.Lookup(ref, settingsTemplateDirs()...)
	if err == nil {
		c[ref] = t
		// Kept so that a later migration of drafts on this version knows
		// its titles; once per template per run.
		_ = templates.Remember(t)
	}
	return t, err
}

// loadDraft reads a draft and the template it names (or override), and
// checks the draft's ids against the template. Every command that reads a
// draft goes through here so YAML errors look the same everywhere
// (file:line:col, exit 2).
func (c templateCache) loadDraft(path, override string) (*model.Report, *model.Template, error) {
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
func (c templateCache) readDraft(path, override string) (*model.Report, *model.Template, error) {
	r, err := model.LoadReport(path)
	if err != nil {
		return nil, nil, inputError(err)
	}
	var t *model.Template
	if override != "" {
		t, err = c.lookup(override)
	} else {
		t, err = c.lookupID(r.Template.ID)
	}
	if err != nil {
		return nil, nil, inputError(err)
	}
	return r, t, nil
}

// lookupID is lookup for an id a draft or document records: never a path
// (see templates.LookupID).
func (c templateCache) lookupID(id string) (*model.Template, error) {
	key := "id:" + id
	if t, ok := c[key]; ok {
		return t, nil
	}
	t, err := templates.LookupID(id, settingsTemplateDirs()...)
	if err == nil {
		c[key] = t
		_ = templates.Remember(t)
	}
	return t, err
}

// settingsTemplateDirs lists directories where named templates are looked
// up after the embedded ones, from the settings file (see Settings).
func settingsTemplateDirs() []string {
	return templateDirsFromSettings(func(msg string) { fmt.Fprintln(os.Stderr, msg) })
}
