// Package migrate compares two versions of a template and carries a draft
// from one to the other. Both answer the coordinating office's question
// "what changes for the units?": Diff in words a non-programmer can read,
// Draft by moving text so nothing a drafter wrote is ever lost.
package migrate

import (
	"fmt"
	"sort"
	"strings"

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
	if old.Description != new.Description {
		add(false, "模板说明有修改")
	}
	if old.TitlePattern != new.TitlePattern {
		add(false, "报告标题格式由“%s”改为“%s”", old.TitlePattern, new.TitlePattern)
	}
	diffRules(old.Rules, new.Rules, add)

	ids := matchSections(old, new)
	moved := movedSections(old, new, ids)
	for _, s := range new.Flatten() {
		oid, ok := ids.toOld[s.ID]
		if !ok {
			req := ""
			if s.Required {
				req = "必填"
			} else {
				req = "选填"
			}
			add(true, "新增%s章节“%s”（%s）", req, s.Title, where(new, s.ID))
			continue
		}
		o := old.Section(oid)
		name := "章节“" + s.Title + "”"
		if oid != s.ID {
			// Drafts keep text by section id, so a draft written against
			// the old id needs migrating: structural, but not a removal.
			add(true, "%s的 id 由“%s”改为“%s”（草稿中该章节的内容迁移时随之移过来）", name, oid, s.ID)
		}
		if o.Title != s.Title {
			add(false, "章节“%s”改名为“%s”", o.Title, s.Title)
		}
		if ids.newID(parentID(old, oid)) != parentID(new, s.ID) {
			add(true, "%s由%s移到%s", name, place(old, oid), place(new, s.ID))
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
		if o.RunIn != s.RunIn {
			if s.RunIn {
				add(false, "%s的标题改为接排（标题后直接接正文）", name)
			} else {
				add(false, "%s的标题改为单独成行", name)
			}
		}
		if c := keywordsChange(name, o.Keywords, s.Keywords); c != "" {
			add(false, "%s", c)
		}
	}
	for _, o := range old.Flatten() {
		if _, kept := ids.toNew[o.ID]; !kept {
			add(true, "删除章节“%s”（原%s）", o.Title, where(old, o.ID))
		}
	}
	out = append(out, diffFigures(old, new, ids)...)
	return out
}

// keywordsChange says how the recognition keywords of name changed, or ""
// when they did not.
func keywordsChange(name string, old, new []string) string {
	a, b := strings.Join(old, "、"), strings.Join(new, "、")
	switch {
	case a == b:
		return ""
	case a == "":
		return fmt.Sprintf("%s新设识别关键词“%s”", name, b)
	case b == "":
		return fmt.Sprintf("%s取消了识别关键词（原为“%s”）", name, a)
	}
	return fmt.Sprintf("%s的识别关键词由“%s”改为“%s”", name, a, b)
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

// sectionIDs pairs the sections of two templates: by id, or through a
// new section's former ids when its old id is gone from the new template.
type sectionIDs struct {
	toOld map[string]string // new id → old id
	toNew map[string]string // old id → new id
}

func matchSections(old, new *model.Template) sectionIDs {
	m := sectionIDs{toOld: map[string]string{}, toNew: map[string]string{}}
	pair := func(o, n string) { m.toOld[n], m.toNew[o] = o, n }
	for _, s := range new.Flatten() {
		if old.Section(s.ID) != nil {
			pair(s.ID, s.ID)
		}
	}
	for _, s := range new.Flatten() {
		if _, ok := m.toOld[s.ID]; ok {
			continue
		}
		// The most recent former id that old has is the one it used.
		for i := len(s.Formerly) - 1; i >= 0; i-- {
			f := s.Formerly[i]
			if _, taken := m.toNew[f]; !taken && old.Section(f) != nil && new.Section(f) == nil {
				pair(f, s.ID)
				break
			}
		}
	}
	return m
}

// newID maps an old section id ("" for the top level) to its id in new,
// or to "?" when new has no such section, so it equals no real parent.
func (m sectionIDs) newID(old string) string {
	if old == "" {
		return ""
	}
	if n, ok := m.toNew[old]; ok {
		return n
	}
	return "?"
}

// movedSections finds sections whose order among siblings that stayed under
// the same parent changed. Inserting or deleting a neighbour is not a move:
// only the sections outside a longest common subsequence of the old and new
// sibling orders are reported. Ids are compared in the new template's terms.
func movedSections(old, new *model.Template, ids sectionIDs) map[string]bool {
	moved := map[string]bool{}
	groups := append([]*model.Section{nil}, new.Flatten()...)
	for _, p := range groups {
		list := new.Sections
		pid := ""
		if p != nil {
			list, pid = p.Sections, p.ID
		}
		var newOrder []string
		member := map[string]bool{}
		for _, s := range list {
			if oid, ok := ids.toOld[s.ID]; ok && ids.newID(parentID(old, oid)) == pid {
				newOrder = append(newOrder, s.ID)
				member[s.ID] = true
			}
		}
		oldList := old.Sections
		if pid != "" {
			if opid, ok := ids.toOld[pid]; ok {
				oldList = old.Section(opid).Sections
			} else {
				oldList = nil
			}
		}
		var oldOrder []string
		for _, s := range oldList {
			if id := ids.toNew[s.ID]; member[id] {
				oldOrder = append(oldOrder, id)
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
