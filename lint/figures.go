package lint

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/migrate"
	"nianbao/model"
)

// requiredPath says whether a section and all its ancestors are required:
// a required figure in a section a unit may leave out is never asked for.
func (l *linter) requiredPath(s *model.Section) bool {
	for x := s; x != nil; x = l.t.Parent(x.ID) {
		if !x.Required {
			return false
		}
	}
	return true
}

func (l *linter) figures() {
	seen := map[string]*model.Figure{}
	l.t.Walk(func(s *model.Section) bool {
		for _, f := range s.Figures {
			switch id := strings.TrimSpace(f.ID); {
			case id == "":
				l.add(Error, "figure.id.empty", f.Line, f.Col, s.ID, "", "%s缺少 id", figName(f))
			case seen[id] != nil:
				prev := seen[id]
				where := "数字“" + prev.Label + "”已使用"
				if prev.Line > 0 {
					where = fmt.Sprintf("第 %d 行已使用", prev.Line)
				}
				l.add(Error, "figure.id.duplicate", f.Line, f.Col, s.ID, f.ID, "数字 id“%s”重复（%s）", id, where)
			default:
				seen[id] = f
			}
			if strings.TrimSpace(f.Label) == "" {
				l.add(Error, "figure.label.empty", f.Line, f.Col, s.ID, f.ID, "数字“%s”没有名称", f.ID)
			}
			switch f.Kind {
			case model.KindCount, model.KindPercent, model.KindAmount:
			default:
				l.add(Error, "figure.kind", f.Line, f.Col, s.ID, f.ID, "%s的类型“%s”无效，应为 count、percent 或 amount", figName(f), f.Kind)
			}
			if f.Min != nil && f.Max != nil && *f.Min > *f.Max {
				l.add(Error, "figure.bounds", f.Line, f.Col, s.ID, f.ID, "%s的下限 %s 大于上限 %s", figName(f), num(*f.Min), num(*f.Max))
			}
			if f.Required && !l.requiredPath(s) {
				l.add(Warning, "figure.required.optional", f.Line, f.Col, s.ID, f.ID,
					"必填%s位于选填的%s中：单位不写这一节时也就不会填这个数字", figName(f), secName(s))
			}
		}
		return true
	})
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// relations checks rate and le references: they must exist, a rate must be
// a percentage of counts, and nothing may refer to itself.
func (l *linter) relations() {
	for _, f := range l.t.Figures() {
		_, s := l.t.Figure(f.ID)
		at := func(sev Severity, rule, format string, args ...any) {
			l.add(sev, rule, f.Line, f.Col, s.ID, f.ID, format, args...)
		}
		for _, w := range f.LE {
			g, _ := l.t.Figure(w)
			switch {
			case g == nil:
				at(Error, "relation.dangling", "%s的“不超过”关系引用了不存在的数字“%s”", figName(f), w)
			case w == f.ID:
				at(Error, "relation.self", "%s不能写成不超过它自己", figName(f))
			case g.Kind != f.Kind:
				at(Warning, "relation.le.kind", "%s（%s）与%s（%s）类型不同，比较大小没有意义", figName(f), f.Kind, figName(g), g.Kind)
			}
		}
		if f.Rate == nil {
			continue
		}
		if f.Kind != model.KindPercent {
			at(Error, "rate.kind", "%s有比率关系，类型应为 percent（比率），实际是 %s", figName(f), f.Kind)
		}
		if f.Rate.Numerator == "" || len(f.Rate.Denominators) == 0 {
			at(Error, "rate.incomplete", "%s的比率关系需要分子和分母", figName(f))
		}
		if f.Rate.Tolerance < 0 {
			at(Error, "rate.tolerance", "%s的比率容差不能为负数", figName(f))
		}
		operands := append([]string{f.Rate.Numerator}, f.Rate.Denominators...)
		for i, id := range operands {
			if id == "" {
				continue
			}
			role := "分母"
			if i == 0 {
				role = "分子"
			}
			g, _ := l.t.Figure(id)
			switch {
			case g == nil:
				at(Error, "relation.dangling", "%s的比率%s引用了不存在的数字“%s”", figName(f), role, id)
			case id == f.ID:
				at(Error, "relation.self", "%s的比率不能以它自己作%s", figName(f), role)
			case g.Kind != model.KindCount:
				at(Error, "rate.operand.kind", "%s的比率%s%s应为数量（count），实际是 %s", figName(f), role, figName(g), g.Kind)
			}
		}
	}
}

// cycles finds le chains that come back to where they started (a ≤ b ≤ a
// with a ≠ b means the two must be equal, which is never what was meant).
func (l *linter) cycles() {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	reported := map[string]bool{}
	var stack []string
	var visit func(id string)
	visit = func(id string) {
		color[id] = grey
		stack = append(stack, id)
		f, _ := l.t.Figure(id)
		for _, w := range f.LE {
			if g, _ := l.t.Figure(w); g == nil || w == id {
				continue // reported as dangling or self
			}
			switch color[w] {
			case white:
				visit(w)
			case grey:
				var cyc []string
				for i := len(stack) - 1; i >= 0; i-- {
					cyc = append([]string{stack[i]}, cyc...)
					if stack[i] == w {
						break
					}
				}
				key := strings.Join(cyc, ">")
				if !reported[key] {
					reported[key] = true
					var names []string
					for _, c := range append(cyc, w) {
						names = append(names, label(l.t, c))
					}
					_, s := l.t.Figure(w)
					g, _ := l.t.Figure(w)
					l.add(Error, "relation.le.cycle", g.Line, g.Col, s.ID, w, "“不超过”关系形成循环：%s", strings.Join(names, " ≤ "))
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[id] = black
	}
	for _, f := range l.t.Figures() {
		if color[f.ID] == white && f.ID != "" {
			visit(f.ID)
		}
	}
}

func label(t *model.Template, id string) string {
	if f, _ := t.Figure(id); f != nil && f.Label != "" {
		return f.Label
	}
	return id
}

// version: a structural change (sections or figures added, removed or
// moved) needs a higher version, or drafts would never be offered
// migration.
func (l *linter) version(prev *model.Template) {
	if l.t.ID != prev.ID {
		return // a new template, not a new version
	}
	changes := migrate.Diff(prev, l.t)
	if l.t.Version < prev.Version {
		l.add(Error, "template.version.lower", 1, 1, "", "", "版本号 %d 低于原版本 %d", l.t.Version, prev.Version)
		return
	}
	if l.t.Version == prev.Version && migrate.HasStructural(changes) {
		var first string
		for _, c := range changes {
			if c.Structural {
				first = c.Text
				break
			}
		}
		l.add(Error, "template.version.bump", 1, 1, "", "", "章节或数字有增删、移动或改 id（例如：%s），版本号应当高于 %d", first, prev.Version)
	}
}
