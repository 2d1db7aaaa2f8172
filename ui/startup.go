package ui

import (
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/migrate"
	"nianbao/model"
)

var errNoRecoveryPlace = errors.New("没有可写恢复文件的位置")

// startupPrompts queues the questions that must be answered before the
// drafter types: someone else has the draft open, recovery files hold
// unsaved work, the draft's template has a newer version. Their order
// matters: the recovery file decides which text migration would move.
func (a *App) startupPrompts() {
	var ps []promptFunc
	if hs := a.env.opts.LockHolders; len(hs) > 0 {
		ps = append(ps, a.lockPrompt(hs))
	}
	for i, rec := range a.env.opts.Recoveries {
		ps = append(ps, a.recoveryPrompt(rec, i, len(a.env.opts.Recoveries)))
	}
	ps = append(ps, a.migrationPrompt)
	a.ask(ps...)
}

func (a *App) lockPrompt(hs []model.LockInfo) promptFunc {
	return func() *prompt {
		var lines []string
		for _, h := range hs {
			lines = append(lines, "打开者："+h.String()+"。")
		}
		lines = append(lines, "两处同时编辑时，后保存的一方会收到“文件已被修改”的提示并自行选择，不会悄悄覆盖对方的内容；各自的自动保存互不干扰。")
		return &prompt{
			title: "此草稿已在另一个 nianbao 中打开",
			lines: lines,
			choices: []choice{
				{keys: []string{"o", "enter"}, label: "仍然打开", do: func() tea.Cmd { return nil }},
				{keys: []string{"q", "esc"}, label: "退出", do: a.quitKeepingRecovery},
			},
		}
	}
}

// age says how long ago t was, in the unit a drafter would use.
func age(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "刚才"
	case d < time.Hour:
		return fmt.Sprintf("%d 分钟前", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d 小时前", int(d/time.Hour))
	}
	return fmt.Sprintf("%d 天前", int(d/(24*time.Hour)))
}

// recoveryPrompt offers recovery file i of n found at start. Nothing is
// deleted until the drafter picks 恢复 or 丢弃 (and confirms the latter).
func (a *App) recoveryPrompt(rec *model.Recovery, i, n int) promptFunc {
	unnamed := a.file.path == ""
	return func() *prompt {
		var lines []string
		when := rec.ModTime.Format("2006-01-02 15:04:05") + "，" + age(time.Now(), rec.ModTime)
		if unnamed {
			lines = append(lines, "上次编辑的未命名草稿没有保存就结束了。恢复文件写于 "+when+"。")
		} else {
			lines = append(lines, "上次编辑没有正常结束，恢复文件（写于 "+when+"）中有草稿里没有的内容。")
		}
		if rec.DraftNewer() && !unnamed {
			lines = append(lines, "注意：草稿文件修改于 "+rec.DraftTime.Format("2006-01-02 15:04:05")+"，比恢复文件新。恢复会用较旧的内容替换编辑器中的草稿；恢复前先把草稿备份为 .bak。")
		}
		lines = append(lines, "有差别的部分（编辑器中字数 → 恢复文件字数）：")
		var items []promptItem
		for _, c := range model.CompareSections(a.c.tmpl, a.c.report, rec.Report) {
			// The number tells apart titles that start alike once cut.
			items = append(items, promptItem{a.c.tmpl.PrintedNumber(c.ID, rec.Report, a.c.report) + c.Title, c.Amount()})
		}
		later := choice{keys: []string{"q", "esc"}, label: "退出，暂不决定", do: a.quitKeepingRecovery}
		if unnamed || n > 1 {
			// A new unnamed draft gets its own recovery file, and the
			// other recovery files are asked about next, so this one can
			// wait for the next start.
			later = choice{keys: []string{"n", "esc"}, label: "跳过，下次再问", do: func() tea.Cmd { return nil }}
		}
		title := "发现未保存的内容"
		if n > 1 {
			title += fmt.Sprintf("（%d/%d）", i+1, n)
		}
		return &prompt{
			title: title,
			lines: lines,
			items: items,
			after: []string{"恢复文件：" + rec.Path},
			choices: []choice{
				{keys: []string{"r", "enter"}, label: "恢复", do: func() tea.Cmd { return a.restore(rec, i, n, unnamed) }},
				{keys: []string{"d"}, label: "丢弃…", do: func() tea.Cmd { return a.confirmDiscard(rec, i, n) }},
				later,
			},
		}
	}
}

func (a *App) confirmDiscard(rec *model.Recovery, i, n int) tea.Cmd {
	back := a.recoveryPrompt(rec, i, n)
	a.replacePrompt(&prompt{
		title: "确定丢弃恢复文件？",
		lines: []string{"恢复文件中未保存的内容将被删除，无法找回。"},
		choices: []choice{
			{keys: []string{"y"}, label: "确定丢弃", do: func() tea.Cmd {
				a.status.say("已丢弃恢复文件")
				p := rec.Path
				return func() tea.Msg { return recoveryRemovedMsg{model.RemoveRecovery(p)} }
			}},
			{keys: []string{"esc", "n"}, label: "返回", do: func() tea.Cmd {
				a.replacePrompt(back())
				return nil
			}},
		},
	})
	return nil
}

// restoreBackedUpMsg comes back when the draft, newer than the recovery
// file being restored, has been backed up.
type restoreBackedUpMsg struct {
	rec     *model.Recovery
	unnamed bool
	bak     string
	err     error
}

// restore makes the recovered text the draft being edited. It stays
// unsaved (the draft file is untouched) and the recovery file stays until
// the drafter saves or quits cleanly. When the draft on disk is newer
// than the recovery file, the draft is backed up first (off the update
// loop); the remaining questions wait for that.
func (a *App) restore(rec *model.Recovery, i, n int, unnamed bool) tea.Cmd {
	if unnamed || !rec.DraftNewer() {
		return a.applyRestore(rec, unnamed, "")
	}
	a.replacePrompt(&prompt{title: "正在备份草稿…", lines: []string{"草稿比恢复文件新，恢复前先备份。"}})
	path := a.file.path
	return func() tea.Msg {
		bak, err := model.BackupFile(path)
		return restoreBackedUpMsg{rec: rec, unnamed: unnamed, bak: bak, err: err}
	}
}

func (a *App) restoreBackedUp(msg restoreBackedUpMsg) tea.Cmd {
	if msg.err != nil {
		i, n := a.recoveryIndex(msg.rec)
		back := a.recoveryPrompt(msg.rec, i, n)
		a.replacePrompt(&prompt{
			title: "无法备份草稿，未恢复",
			lines: []string{msg.err.Error(), "草稿比恢复文件新，不备份就恢复可能丢掉较新的内容。恢复文件仍然保留。"},
			choices: []choice{{keys: []string{"esc", "enter"}, label: "返回", do: func() tea.Cmd {
				a.replacePrompt(back())
				return nil
			}}},
		})
		return nil
	}
	cmd := a.applyRestore(msg.rec, msg.unnamed, msg.bak)
	a.dialogs.prompt = nil
	return tea.Batch(cmd, a.nextPrompt())
}

// recoveryIndex finds rec among the recoveries offered at start.
func (a *App) recoveryIndex(rec *model.Recovery) (int, int) {
	for i, r := range a.env.opts.Recoveries {
		if r == rec {
			return i, len(a.env.opts.Recoveries)
		}
	}
	return 0, 1
}

func (a *App) applyRestore(rec *model.Recovery, unnamed bool, bak string) tea.Cmd {
	r := rec.Report
	target := r.File()
	if unnamed {
		r.SetFile("")
		a.autosave.unnamed = target
	}
	// Only the file restored last is this session's to remove: the text
	// of one restored before it is no longer in the editor.
	a.autosave.restored = rec.Path
	cmd := a.replaceDocument(r, a.c.tmpl, true)
	a.status.say("已恢复未保存的内容，请检查后保存（ctrl+s）")
	if bak != "" {
		a.status.text = "已恢复未保存的内容；较新的草稿已备份为 " + bak + "。请检查后保存（ctrl+s）"
	}
	return cmd
}

// migrationPrompt offers to carry the draft over when its template has a
// newer version (or the drafter named another template).
func (a *App) migrationPrompt() *prompt {
	r, t := a.c.report, a.c.tmpl
	if !migrate.Needed(r, t) {
		return nil
	}
	if r.Template.ID == t.ID && r.Template.Version > t.Version {
		return a.newerTemplatePrompt()
	}
	old := a.env.opts.Previous
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

// migrationBackedUpMsg comes back when the draft has been backed up
// before migration.
type migrationBackedUpMsg struct {
	old *model.Template
	bak string
	err error
}

// newerTemplatePrompt answers a draft written against a newer version of
// the template than the one installed. "Migrating" to the installed one
// would be a downgrade that moves the newer sections out of the report, so
// it is not offered.
func (a *App) newerTemplatePrompt() *prompt {
	r, t := a.c.report, a.c.tmpl
	lines := []string{
		fmt.Sprintf("草稿是按模板“%s”第 %d 版起草的，本机只有第 %d 版。", r.Template.ID, r.Template.Version, t.Version),
		"改用旧版会把新版才有的章节移出报告，这是降级，不是升级，所以不提供迁移。请向下发模板的单位索取第 " + fmt.Sprint(r.Template.Version) + " 版模板，放入模板目录或用 --template 指定。",
	}
	var choices []choice
	if r.Validate(t) == nil {
		choices = append(choices, choice{keys: []string{"k", "enter"}, label: fmt.Sprintf("按第 %d 版的章节编辑（草稿仍记为第 %d 版）", t.Version, r.Template.Version),
			do: func() tea.Cmd { return nil }})
	} else {
		lines = append(lines, fmt.Sprintf("草稿中有第 %d 版没有的章节或数字，无法按第 %d 版编辑。", t.Version, t.Version))
	}
	choices = append(choices, choice{keys: []string{"q", "esc"}, label: "退出", do: a.quitKeepingRecovery})
	return &prompt{title: "草稿的模板比本机的新", lines: lines, choices: choices}
}

// migrateDraft moves the draft onto the current template in memory; the file
// is rewritten only when the drafter saves, after a backup, which is made
// off the update loop while the remaining questions wait.
func (a *App) migrateDraft(old *model.Template) tea.Cmd {
	if !a.file.onDisk || a.file.path == "" {
		return a.applyMigration(old, "")
	}
	a.replacePrompt(&prompt{title: "正在备份草稿…", lines: []string{"迁移前先备份草稿。"}})
	path := a.file.path
	return func() tea.Msg {
		bak, err := model.BackupFile(path)
		return migrationBackedUpMsg{old: old, bak: bak, err: err}
	}
}

func (a *App) migrationBackedUp(msg migrationBackedUpMsg) tea.Cmd {
	a.dialogs.prompt = nil
	if msg.err != nil {
		a.status.fail("迁移前无法备份草稿，未迁移：" + msg.err.Error())
		return a.quitKeepingRecovery()
	}
	return tea.Batch(a.applyMigration(msg.old, msg.bak), a.nextPrompt())
}

func (a *App) applyMigration(old *model.Template, bak string) tea.Cmd {
	r, t := a.c.report, a.c.tmpl
	a.syncProse()
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
	a.status.say(msg + "。请保存（ctrl+s）")
	return cmd
}

// replaceDocument rebuilds the editor around another report or template
// (after recovery, migration or reload), keeping the screen size, the
// queued prompts and the autosave bookkeeping.
func (a *App) replaceDocument(r *model.Report, t *model.Template, dirty bool) tea.Cmd {
	opts := a.env.opts
	opts.Report, opts.Template, opts.Path = r, t, a.file.path
	onDisk := a.file.onDisk
	opts.onDisk = &onDisk
	na := buildApp(opts, a.env.now)
	na.c.width, na.c.height = a.c.width, a.c.height
	na.dialogs.queue = a.dialogs.queue
	na.autosave = a.autosave
	na.file.lock, na.file.lockedPath = a.file.lock, a.file.lockedPath
	na.env.tick = a.env.tick
	na.shown.findings = a.shown.findings
	na.status = a.status
	*a = *na
	a.c.edit = a.applyEdit // na's closure would change the discarded copy
	if dirty {
		a.file.editGen++
	}
	a.relayout()
	return tea.Batch(a.focusCmd(), a.env.runCheck(a.c.tmpl, a.c.report, a.live.seq))
}

// quitKeepingRecovery ends the program without touching any recovery file:
// the drafter has not decided yet, or the program cannot go on safely.
func (a *App) quitKeepingRecovery() tea.Cmd {
	a.quitting = true
	a.env.cursor.Disable()
	return tea.Quit
}
