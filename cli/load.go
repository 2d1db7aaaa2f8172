package cli

import (
	"fmt"
	"os"

	"nianbao/model"
	"nianbao/templates"
)

// loadDraft reads a draft and the template it names (or override), and
// checks the draft's ids against the template. Every command that reads a
// draft goes through here so YAML errors look the same everywhere
// (file:line:col, exit 2).
func loadDraft(path, override string) (*model.Report, *model.Template, error) {
	r, err := model.LoadReport(path)
	if err != nil {
		return nil, nil, inputError(err)
	}
	t, err := templates.ForReport(r, override, settingsTemplateDirs()...)
	if err != nil {
		return nil, nil, inputError(err)
	}
	if err := r.Validate(t); err != nil {
		return nil, nil, inputError(err)
	}
	r.UseTemplateOrder(t)
	return r, t, nil
}

// settingsTemplateDirs lists directories where named templates are looked
// up after the embedded ones, from the settings file (see Settings).
func settingsTemplateDirs() []string {
	return templateDirsFromSettings(func(msg string) { fmt.Fprintln(os.Stderr, msg) })
}
