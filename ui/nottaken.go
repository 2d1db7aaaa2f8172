package ui

import (
	"strings"

	"nianbao/model"
)

// notTaken names what the drafter typed that the saved draft does not hold
// as a value: figure fields with text that is not a number (kept in the
// draft as text, see model.Report.Invalid) and a year the 报告信息 form
// refused. Saving says so, so "saved" never hides a value left out.
func (a *App) notTaken(saved *model.Report) string {
	var items []string
	for _, f := range a.c.tmpl.Figures() {
		if raw, bad := saved.Invalid[f.ID]; bad {
			items = append(items, f.Label+"“"+clipField(raw)+"”")
		}
	}
	if a.c.metaInvalid != "" {
		items = append(items, a.c.metaInvalid)
	}
	if len(items) == 0 {
		return ""
	}
	return "以下内容无效未计入：" + strings.Join(items, "、")
}
