package migrate

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/model"
)

var kindNames = map[model.FigureKind]string{
	model.KindCount:   "数量",
	model.KindPercent: "比率",
	model.KindAmount:  "金额",
}

func kindName(k model.FigureKind) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

// diffFigures compares figures by id: added, removed, moved to another
// section, and changed fields.
func diffFigures(old, new *model.Template, ids sectionIDs) []Change {
	var out []Change
	add := func(structural bool, format string, args ...any) {
		out = append(out, Change{Text: fmt.Sprintf(format, args...), Structural: structural})
	}
	for _, f := range new.Figures() {
		_, sec := new.Figure(f.ID)
		o, osec := old.Figure(f.ID)
		if o == nil {
			req := "选填"
			if f.Required {
				req = "必填"
			}
			unit := ""
			if f.Unit != "" {
				unit = "，单位“" + f.Unit + "”"
			}
			add(true, "在章节“%s”中新增%s数字“%s”（%s%s）", sec.Title, req, f.Label, kindName(f.Kind), unit)
			continue
		}
		name := "数字“" + f.Label + "”"
		if o.Label != f.Label {
			add(false, "数字“%s”改名为“%s”", o.Label, f.Label)
		}
		if c := keywordsChange(name, o.Keywords, f.Keywords); c != "" {
			add(false, "%s", c)
		}
		if ids.newID(osec.ID) != sec.ID {
			add(true, "%s由章节“%s”移到章节“%s”", name, osec.Title, sec.Title)
		}
		if o.Unit != f.Unit {
			add(false, "%s的单位由“%s”改为“%s”", name, o.Unit, f.Unit)
		}
		if o.Kind != f.Kind {
			add(false, "%s的类型由“%s”改为“%s”", name, kindName(o.Kind), kindName(f.Kind))
		}
		if o.Required != f.Required {
			if f.Required {
				add(false, "%s由选填改为必填", name)
			} else {
				add(false, "%s由必填改为选填", name)
			}
		}
		if a, b := bound(o.Min), bound(f.Min); a != b {
			add(false, "%s的下限由%s改为%s", name, a, b)
		}
		if a, b := bound(o.Max), bound(f.Max); a != b {
			add(false, "%s的上限由%s改为%s", name, a, b)
		}
		if a, b := rateText(old, o.Rate), rateText(new, f.Rate); a != b {
			add(false, "%s的比率关系由%s改为%s", name, a, b)
		}
		if a, b := leText(old, o.LE), leText(new, f.LE); a != b {
			add(false, "%s的“不超过”关系由%s改为%s", name, a, b)
		}
	}
	for _, o := range old.Figures() {
		if f, _ := new.Figure(o.ID); f == nil {
			_, osec := old.Figure(o.ID)
			add(true, "删除数字“%s”（原在章节“%s”中）", o.Label, osec.Title)
		}
	}
	return out
}

func bound(p *float64) string {
	if p == nil {
		return "“无”"
	}
	return "“" + strconv.FormatFloat(*p, 'f', -1, 64) + "”"
}

// label names a figure by its label when the template knows it.
func label(t *model.Template, id string) string {
	if f, _ := t.Figure(id); f != nil && f.Label != "" {
		return f.Label
	}
	return id
}

func rateText(t *model.Template, r *model.Rate) string {
	if r == nil {
		return "“无”"
	}
	var dens []string
	for _, d := range r.Denominators {
		dens = append(dens, label(t, d))
	}
	s := "“" + label(t, r.Numerator) + " ÷ " + strings.Join(dens, " 或 ")
	if r.Tolerance > 0 {
		s += "，容差 " + strconv.FormatFloat(r.Tolerance, 'f', -1, 64)
	}
	return s + "”"
}

func leText(t *model.Template, le []string) string {
	if len(le) == 0 {
		return "“无”"
	}
	var names []string
	for _, id := range le {
		names = append(names, label(t, id))
	}
	return "“不超过 " + strings.Join(names, "、") + "”"
}
