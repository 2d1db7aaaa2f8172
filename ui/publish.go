package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
)

// The publish findings (personal data, secrecy markings, draft labels)
// come with the check like any other. Two things are their own: a number or
// name can be masked in place from the findings list (m), and exporting
// while they remain asks for a second F5.

// maskMsg asks the root to replace the text a publish finding is about
// with its masked form (138****5678, 张某某).
type maskMsg struct{ f check.Finding }

// Replace puts a masked form in place as one undo step.
func (e *texteditEditor) Replace(start, end int, text string) {
	e.m.ReplaceRange(e.m.PosOf(start), e.m.PosOf(end), text)
}

// CursorTo moves the cursor to a byte offset in Value.
func (e *texteditEditor) CursorTo(offset int) { e.m.SetCursor(e.m.PosOf(offset)) }

// jumpToPublish puts the cursor on the text a publish finding is about,
// after enter opened its section.
func (a *App) jumpToPublish(f check.Finding) {
	i, ok := a.c.index[f.Section]
	if !ok || !check.IsPublishRule(f.Rule) {
		return
	}
	ed := a.editor(i)
	if m, ok := check.FindPublishable(ed.Value(), f); ok {
		ed.CursorTo(m.Start)
	}
}

// mask replaces the finding's text in its section and opens the section
// with the cursor after the masked text, so the drafter sees the change
// and can take it back with ctrl+z.
func (a *App) mask(msg maskMsg) tea.Cmd {
	i, ok := a.c.index[msg.f.Section]
	if !ok {
		return nil
	}
	ed := a.editor(i)
	m, ok := check.FindPublishable(ed.Value(), msg.f)
	if !ok || m.Replacement == "" {
		a.status.fail("正文已改动，找不到这一处；请等检查结果更新后再试")
		return nil
	}
	ed.Replace(m.Start, m.End, m.Replacement)
	open := a.openSection(i, focusProse)
	a.status.say("已遮盖为“" + m.Replacement + "”（ctrl+z 撤销）")
	return tea.Batch(open, a.edited())
}

// unpublishableMessage explains a stopped export and the way on.
func unpublishableMessage(n int) string {
	return fmt.Sprintf("未导出：有 %d 处公开前须处理的内容（个人信息、密级标志或稿本标识，F2 查看，号码和姓名可按 m 遮盖）；确认这份文件不会直接公开，再按 F5 导出", n)
}

// canMask tells whether the selected finding is about text m can mask.
func (p *findingsPanel) canMask() bool {
	return p.cursor < len(p.items) && check.Maskable(p.items[p.cursor])
}
