package ui

import (
	"errors"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/migrate"
	"nianbao/model"
)

var errNoRecoveryPlace = errors.New("没有可写恢复文件的位置")

// startupPrompts queues the questions that must be answered before the
// drafter types: someone else has the draft open, a recovery file holds
// unsaved work, the draft's template has a newer version. Their order
// matters: the recovery file decides which text migration would move.
func (a *App) startupPrompts() {
	var ps []promptFunc
	if h := a.opts.LockHolder; h != nil {
		ps = append(ps, a.lockPrompt(*h))
	}
	if rec := a.opts.Recovery; rec != nil {
		ps = append(ps, a.recoveryPrompt(rec))
	}
	ps = append(ps, a.migrationPrompt)
	a.ask(ps...)
}

func (a *App) lockPrompt(h model.LockInfo) promptFunc {
	return func() *prompt {
		return &prompt{
			title: "此草稿已在另一个 nianbao 中打开",
			lines: []string{
				"打开者：" + h.String() + "。",
				"两处同时编辑时，后保存的一方会收到“文件已被修改”的提示并自行选择，不会悄悄覆盖对方的内容。",
			},
			choices: []choice{
				{keys: []string{"o", "enter"}, label: "仍然打开", do: func() tea.Cmd { return nil }},
				{keys: []string{"q", "esc"}, label: "退出", do: a.quitKeepingRecovery},
			},
		}
	}
}

// recoveryPrompt offers the recovery file found at start. Nothing is
// deleted until the drafter picks 恢复 or 丢弃 (and confirms the latter).
func (a *App) recoveryPrompt(rec *model.Recovery) promptFunc {
	unnamed := a.path == ""
	return func() *prompt {
		var lines []string
		when := rec.ModTime.Format("2006-01-02 15:04:05")
		if unnamed {
			lines = append(lines, "上次编辑的未命名草稿没有保存就结束了。恢复文件写于 "+when+"。")
		} else {
			lines = append(lines, "上次编辑没有正常结束，恢复文件（写于 "+when+"）中有草稿里没有的内容。")
		}
		lines = append(lines, "有差别的部分（草稿字数 → 恢复文件字数）：")
		var items []promptItem
		for _, c := range model.CompareSections(a.c.tmpl, a.c.report, rec.Report) {
			// The number tells apart titles that start alike once cut.
			items = append(items, promptItem{a.c.numbers[c.ID] + c.Title, fmt.Sprintf("：%d → %d 字", c.OldChars, c.NewChars)})
		}
		later := choice{keys: []string{"q", "esc"}, label: "退出，暂不决定", do: a.quitKeepingRecovery}
		if unnamed {
			// A new unnamed draft gets its own recovery file, so this one
			// can wait for the next start.
			later = choice{keys: []string{"n", "esc"}, label: "新建草稿，下次再问", do: func() tea.Cmd { return nil }}
		}
		return &prompt{
			title: "发现未保存的内容",
			lines: lines,
			items: items,
			after: []string{"恢复文件：" + rec.Path},
			choices: []choice{
				{keys: []string{"r", "enter"}, label: "恢复", do: func() tea.Cmd { return a.restore(rec, unnamed) }},
				{keys: []string{"d"}, label: "丢弃…", do: func() tea.Cmd { return a.confirmDiscard(rec, unnamed) }},
				later,
			},
		}
	}
}

func (a *App) confirmDiscard(rec *model.Recovery, unnamed bool) tea.Cmd {
	back := a.recoveryPrompt(rec)
	a.replacePrompt(&prompt{
		title: "确定丢弃恢复文件？",
		lines: []string{"恢复文件中未保存的内容将被删除，无法找回。"},
		choices: []choice{
			{keys: []string{"y"}, label: "确定丢弃", do: func() tea.Cmd {
				if err := model.RemoveAutosave(rec.Report.File()); err != nil {
					a.message, a.msgErr = "无法删除恢复文件："+err.Error(), true
				} else {
					a.message, a.msgErr = "已丢弃恢复文件", false
				}
				return nil
			}},
			{keys: []string{"esc", "n"}, label: "返回", do: func() tea.Cmd {
				a.replacePrompt(back())
				return nil
			}},
		},
	})
	return nil
}

// restore makes the recovered text the draft being edited. It stays
// unsaved (the draft file is untouched) and the recovery file stays until
// the drafter saves or quits cleanly.
func (a *App) restore(rec *model.Recovery, unnamed bool) tea.Cmd {
	r := rec.Report
	target := r.File()
	if unnamed {
		r.SetFile("")
		a.autosave.unnamed = target
	}
	a.autosave.own(target)
	cmd := a.replaceDocument(r, a.c.tmpl, true)
	a.message, a.msgErr = "已恢复未保存的内容，请检查后保存（ctrl+s）", false
	return cmd
}

// migrationPrompt offers to carry the draft over when its template has a
// newer version (or the drafter named another template).
func (a *App) migrationPrompt() *prompt {
	r, t := a.c.report, a.c.tmpl
	if !migrate.Needed(r, t) {
		return nil
	}
	old := a.opts.Previous
	lines := []string{fmt.Sprintf("草稿是按模板“%s”第 %d 版起草的，现在的模板是“%s”第 %d 版。",
		r.Template.ID, r.Template.Version, t.ID, t.Version)}
	if old != nil {
		changes := migrate.Diff(old, t)
		const most = 8
		for i, c := range changes {
			if i == most {
				lines = append(lines, fmt.Sprintf("……共 %d 处变化（nianbao template diff 可看全部）", len(changes)))
				break
			}
			lines = append(lines, "· "+c.Text)
		}
	} else {
		lines = append(lines, "找不到草稿原用的那一版模板，章节按 id 对应。")
	}
	lines = append(lines, "迁移后，仍然存在的章节内容原样保留；新模板已没有的章节，内容放入“已移除章节”（目录最下方），不会丢失。原文件先备份为 .bak，保存前草稿文件不变。")
	choices := []choice{{keys: []string{"m", "enter"}, label: "迁移", do: func() tea.Cmd { return a.migrateDraft(old) }}}
	switch {
	case old != nil:
		choices = append(choices, choice{keys: []string{"k"}, label: fmt.Sprintf("暂不迁移，按第 %d 版编辑", old.Version),
			do: func() tea.Cmd { return a.replaceDocument(r, old, a.dirty()) }})
	case r.Validate(t) == nil:
		choices = append(choices, choice{keys: []string{"k"}, label: "暂不迁移", do: func() tea.Cmd { return nil }})
	default:
		lines = append(lines, "草稿中有新模板没有的章节或数字，不迁移就无法按新模板编辑。")
	}
	choices = append(choices, choice{keys: []string{"q", "esc"}, label: "退出", do: a.quitKeepingRecovery})
	return &prompt{title: "模板有新版本", lines: lines, choices: choices}
}

// migrateDraft moves the draft onto the current template in memory; the file
// is rewritten only when the drafter saves, after a backup.
func (a *App) migrateDraft(old *model.Template) tea.Cmd {
	r, t := a.c.report, a.c.tmpl
	a.syncProse()
	bak := ""
	if a.onDisk && a.path != "" {
		var err error
		if bak, err = model.BackupFile(a.path); err != nil {
			a.message, a.msgErr = "迁移前无法备份草稿，未迁移："+err.Error(), true
			return a.quitKeepingRecovery()
		}
	}
	res := migrate.Draft(r, old, t)
	cmd := a.replaceDocument(r, t, true)
	msg := fmt.Sprintf("已迁移到第 %d 版", t.Version)
	if n := len(res.Moved) + len(res.Renamed); n > 0 {
		msg += fmt.Sprintf("；%d 个章节随改名移到新位置", n)
	}
	if n := len(res.Removed) + len(res.Figures); n > 0 {
		msg += fmt.Sprintf("；%d 处内容在“已移除章节”", n)
	}
	if bak != "" {
		msg += "；原文件备份为 " + bak
	}
	a.message, a.msgErr = msg+"。请保存（ctrl+s）", false
	return cmd
}

// replaceDocument rebuilds the editor around another report or template
// (after recovery, migration or reload), keeping the screen size, the
// queued prompts and the autosave bookkeeping.
func (a *App) replaceDocument(r *model.Report, t *model.Template, dirty bool) tea.Cmd {
	opts := a.opts
	opts.Report, opts.Template, opts.Path = r, t, a.path
	na := buildApp(opts, a.now)
	na.c.width, na.c.height = a.c.width, a.c.height
	na.prompts = a.prompts
	na.autosave = a.autosave
	na.lock, na.lockedPath = a.lock, a.lockedPath
	na.tick = a.tick
	na.showFindings = a.showFindings
	na.message, na.msgErr = a.message, a.msgErr
	*a = *na
	if dirty {
		a.editGen++
	}
	a.relayout()
	return tea.Batch(a.focusCmd(), runCheckCmd(a.check, a.c.tmpl, a.c.report.Snapshot(), a.checkSeq))
}

// quitKeepingRecovery ends the program without touching any recovery file:
// the drafter has not decided yet, or the program cannot go on safely.
func (a *App) quitKeepingRecovery() tea.Cmd {
	a.quitting = true
	a.cursor.disable()
	return tea.Quit
}
