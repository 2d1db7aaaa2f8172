// Package migrate compares two versions of a template and carries a draft
// from one to the other. Both answer the coordinating office's question
// "what changes for the units?": Diff in words a non-programmer can read,
// Draft by moving text so nothing a drafter wrote is ever lost.
package migrate

import (
	"fmt"
	"sort"

	"nianbao/model"
)

// Change is one difference between two templates.
type Change struct {
	Text string // Chinese sentence, e.g. 新增必填章节“……”（位于“……”之下）
	// Structural changes add, remove or move sections or figures: drafts
	// written against the old version need migrating, so the version must
	// go up.
	Structural bool
}

// Diff lists what changed from old to new: template settings first, then
// sections and figures in the new template's order, then removals. Sections
// and figures are matched by id.
func Diff(old, new *model.Template) []Change {
	var out []Change
	add := func(structural bool, format string, args ...any) {
		out = append(out, Change{Text: fmt.Sprintf(format, args...), Structural: structural})
	}
	if old.ID != new.ID {
		add(true, "模板 id 由“%s”改为“%s”", old.ID, new.ID)
	}
	if old.Version != new.Version {
		add(false, "版本号由 %d 改为 %d", old.Version, new.Version)
	}
	if old.Name != new.Name {
		add(false, "模板名称由“%s”改为“%s”", old.Name, new.Name)
	}
	if old.TitlePattern != new.TitlePattern {
		add(false, "报告标题格式由“%s”改为“%s”", old.TitlePattern, new.TitlePattern)
	}
	diffRules(old.Rules, new.Rules, add)

	moved := movedSections(old, new)
	for _, s := range new.Flatten() {
		o := old.Section(s.ID)
		if o == nil {
			req := ""
			if s.Required {
				req = "必填"
			} else {
				req = "选填"
			}
			add(true, "新增%s章节“%s”（%s）", req, s.Title, where(new, s.ID))
			continue
		}
		name := "章节“" + s.Title + "”"
		if o.Title != s.Title {
			add(false, "章节“%s”改名为“%s”", o.Title, s.Title)
		}
		if parentID(old, s.ID) != parentID(new, s.ID) {
			add(true, "%s由%s移到%s", name, place(old, s.ID), place(new, s.ID))
		} else if moved[s.ID] {
			add(true, "%s调整了次序（现为%s第 %d 项）", name, place(new, s.ID), index(new, s.ID))
		}
		if o.Required != s.Required {
			if s.Required {
				add(false, "%s由选填改为必填", name)
			} else {
				add(false, "%s由必填改为选填", name)
			}
		}
		switch {
		case o.MinChars == s.MinChars:
		case o.MinChars == 0:
			add(false, "%s新设最少字数 %d 字", name, s.MinChars)
		case s.MinChars == 0:
			add(false, "%s取消了最少字数要求（原为 %d 字）", name, o.MinChars)
		default:
			add(false, "%s的最少字数由 %d 字改为 %d 字", name, o.MinChars, s.MinChars)
		}
		if o.Guidance != s.Guidance {
			add(false, "%s的填写说明有修改", name)
		}
	}
	for _, o := range old.Flatten() {
		if new.Section(o.ID) == nil {
			add(true, "删除章节“%s”（原%s）", o.Title, where(old, o.ID))
		}
	}
	out = append(out, diffFigures(old, new)...)
	return out
}

// HasStructural reports whether any change needs a version bump.
func HasStructural(changes []Change) bool {
	for _, c := range changes {
		if c.Structural {
			return true
		}
	}
	return false
}

func diffRules(old, new map[string]string, add func(bool, string, ...any)) {
	keys := map[string]bool{}
	for k := range old {
		keys[k] = true
	}
	for k := range new {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		o, n := old[k], new[k]
		switch {
		case o == n:
		case o == "":
			add(false, "规则“%s”的级别设为%s", k, levelName(n))
		case n == "":
			add(false, "规则“%s”恢复默认级别（原为%s）", k, levelName(o))
		default:
			add(false, "规则“%s”的级别由%s改为%s", k, levelName(o), levelName(n))
		}
	}
}

func levelName(l string) string {
	switch l {
	case "off":
		return "“关闭”"
	case "info":
		return "“提示”"
	case "warning":
		return "“警告”"
	case "error":
		return "“错误”"
	}
	return "“" + l + "”"
}

func parentID(t *model.Template, id string) string {
	if p := t.Parent(id); p != nil {
		return p.ID
	}
	return ""
}

// where says where a section sits, in words: under which parent.
func where(t *model.Template, id string) string {
	return "位于" + place(t, id)
}

func place(t *model.Template, id string) string {
	if p := t.Parent(id); p != nil {
		return "“" + p.Title + "”之下"
	}
	return "最上一级"
}

func index(t *model.Template, id string) int {
	list := t.Sections
	if p := t.Parent(id); p != nil {
		list = p.Sections
	}
	for i, s := range list {
		if s.ID == id {
			return i + 1
		}
	}
	return 0
}

// movedSections finds sections whose order among siblings that stayed under
// the same parent changed. Inserting or deleting a neighbour is not a move:
// only the sections outside a longest common subsequence of the old and new
// sibling orders are reported.
func movedSections(old, new *model.Template) map[string]bool {
	moved := map[string]bool{}
	groups := append([]*model.Section{nil}, new.Flatten()...)
	for _, p := range groups {
		list := new.Sections
		pid := ""
		if p != nil {
			list, pid = p.Sections, p.ID
		}
		var newOrder []string
		for _, s := range list {
			if old.Section(s.ID) != nil && parentID(old, s.ID) == pid {
				newOrder = append(newOrder, s.ID)
			}
		}
		oldList := old.Sections
		if pid != "" {
			if op := old.Section(pid); op != nil {
				oldList = op.Sections
			} else {
				oldList = nil
			}
		}
		var oldOrder []string
		for _, s := range oldList {
			for _, id := range newOrder {
				if id == s.ID {
					oldOrder = append(oldOrder, id)
				}
			}
		}
		keep := lcs(oldOrder, newOrder)
		for _, id := range newOrder {
			if !keep[id] {
				moved[id] = true
			}
		}
	}
	return moved
}

// lcs returns the members of a longest common subsequence of a and b.
func lcs(a, b []string) map[string]bool {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	keep := map[string]bool{}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			keep[a[i]] = true
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return keep
}
