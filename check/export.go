package check

import (
	"strings"

	"nianbao/exportdata"
	"nianbao/model"
)

// edits reports where an exported file's visible text disagrees with the
// draft data it carries. The importer has already let the text win; these
// findings say so, naming both values, so a verdict that differs from the
// drafter's is explained. They are warnings: an edit made in Word after
// the export is often deliberate.
func (c *collector) edits(t *model.Template, r *model.Report, edits []exportdata.Edit) {
	for _, e := range edits {
		f := Finding{Rule: RuleExportEdited, Section: e.Section, Figure: e.Figure, Line: e.Line}
		switch e.Kind {
		case exportdata.EditUnreadable:
			f.Message = sprintf("%s；已只按正文检查", e.Shown)
		case exportdata.EditTitle:
			f.Message = sprintf("标题在导出后改过：导出时为“%s”，现为“%s”；以正文为准", e.Carried, e.Shown)
		case exportdata.EditSignature:
			f.Message = sprintf("落款单位在导出后改过：导出时为“%s”，现为“%s”；以正文为准", e.Carried, e.Shown)
		case exportdata.EditDate:
			f.Message = sprintf("成文日期在导出后改过：导出时为“%s”，现为“%s”；以正文为准", e.Carried, e.Shown)
		case exportdata.EditSection:
			f.Message = sprintf("章节%s的正文在导出后改过，以正文为准", c.partNameByID(t, e.Section))
			if len(e.Unconfirmed) > 0 {
				var parts []string
				for _, id := range e.Unconfirmed {
					fig, _ := t.Figure(id)
					n := r.Figures[id]
					parts = append(parts, sprintf("“%s”%s%s", labelOf(fig, id), n.Text, unitOf(fig)))
				}
				f.Message += sprintf("；导出时的数字%s在改后的正文中读不出，仍按导出时的值检查，请核对", strings.Join(parts, "、"))
			}
		case exportdata.EditFigure:
			fig, _ := t.Figure(e.Figure)
			was := "未填写"
			if e.Carried != "" {
				was = "为 " + e.Carried + unitOf(fig)
			}
			f.Message = sprintf("数字“%s”导出时%s，正文现写作 %s%s；以正文为准", labelOf(fig, e.Figure), was, e.Shown, unitOf(fig))
		default:
			continue
		}
		c.add(f)
	}
}

func (c *collector) partNameByID(t *model.Template, id string) string {
	if s := t.Section(id); s != nil {
		return c.partName(t, s)
	}
	return "“" + id + "”"
}

// Edits turns the disagreements an import found into findings on their
// own, for `nianbao import` to show what the visible text overrode.
func Edits(t *model.Template, r *model.Report, edits []exportdata.Edit) []Finding {
	if t == nil {
		t = &model.Template{}
	}
	c := getCollector(t)
	defer putCollector(c)
	c.r = r
	c.docMode = true
	c.edits(t, r, edits)
	return c.finish(true)
}
