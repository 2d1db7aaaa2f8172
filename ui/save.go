package ui

import (
	"errors"
	"nianbao/model"
	"os"
	"os/exec"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// savedMsg reports a finished save. gen is the edit count the snapshot
// had, so edits made while saving keep the draft marked unsaved.
type savedMsg struct {
	snap *model.Report
	path string
	gen  int
	err  error
}

// saveCmd writes a snapshot off the update loop: a slow disk never blocks
// typing, and the live report can change meanwhile. Unless overwrite is
// set, a file changed on disk since it was loaded is not overwritten: the
// save fails with *model.ConflictError and the drafter chooses.
func saveCmd(snap *model.Report, path string, gen int, overwrite bool) tea.Cmd {
	return func() tea.Msg {
		var err error
		if overwrite {
			err = snap.Save(path)
		} else {
			err = snap.SaveChecked(path)
		}
		return savedMsg{snap: snap, path: path, gen: gen, err: err}
	}
}

func (a *App) save() tea.Cmd { return a.startSave(false) }

func (a *App) startSave(overwrite bool) tea.Cmd {
	if a.file.saving {
		return nil
	}
	if a.state == stateMeta {
		a.applyMeta()
	}
	if a.file.path == "" {
		return a.askFileName()
	}
	a.syncProse()
	a.file.saving = true
	a.file.saveVer = a.editorVersions()
	snap := a.c.report.Snapshot()
	pruneLeftovers(snap)
	return saveCmd(snap, a.file.path, a.file.editGen, overwrite)
}

func (a *App) saved(msg savedMsg) tea.Cmd {
	a.file.saving = false
	var conflict *model.ConflictError
	if errors.As(msg.err, &conflict) {
		return a.ask(a.conflictPrompt(conflict))
	}
	if msg.err != nil {
		// The text is still in the editor and in the recovery file; a
		// folder that cannot be written is no dead end.
		a.status.fail("保存失败：" + msg.err.Error() + "；可按 F6 另存到其他位置")
		a.file.quitOnSave = false
		return nil
	}
	a.c.report.AdoptSaved(msg.snap)
	var cmds []tea.Cmd
	if msg.path != a.file.lockedPath {
		cmds = append(cmds, a.moveLock(msg.path))
	}
	a.file.path = msg.path
	a.file.onDisk = true
	if msg.gen >= a.file.savedGen {
		a.setBaseline(msg.snap, a.file.saveVer)
	}
	a.file.savedGen = max(a.file.savedGen, msg.gen)
	a.status.say("存盘于 " + time.Now().Format("15:04:05"))
	if s := a.notTaken(msg.snap); s != "" {
		a.status.fail(a.status.text + "；" + s)
	}
	if a.file.quitOnSave && !a.dirty() {
		return tea.Batch(append(cmds, a.quit())...)
	}
	if !a.dirty() {
		cmds = append(cmds, a.discardRecovery()) // the draft now holds everything
	}
	return tea.Batch(cmds...)
}

// conflictPrompt asks what to do when the draft changed on disk since it
// was loaded: nothing is overwritten unless the drafter says so.
func (a *App) conflictPrompt(c *model.ConflictError) promptFunc {
	return func() *prompt {
		lines := []string{c.Error() + "（可能是另一个编辑器、另一个 nianbao 或同步软件）。",
			"直接保存会覆盖那边的修改。你的修改仍在编辑器中，请选择："}
		overwrite := "覆盖磁盘上的版本"
		if c.Removed {
			overwrite = "按原路径重新写入"
		}
		choices := []choice{
			{keys: []string{"a"}, label: "另存为…", do: func() tea.Cmd { return a.askFileNameAs(model.CopyName(c.Path)) }},
		}
		if !c.Removed {
			choices = append(choices, choice{keys: []string{"r"}, label: "载入磁盘上的版本…", do: func() tea.Cmd { return a.confirmReload(c) }})
		}
		choices = append(choices,
			choice{keys: []string{"o"}, label: overwrite, do: func() tea.Cmd { return a.startSave(true) }},
			choice{keys: []string{"esc"}, label: "暂不保存", do: func() tea.Cmd {
				a.file.quitOnSave = false
				a.status.fail("未保存：磁盘上的文件已被修改")
				return nil
			}})
		return &prompt{title: "保存冲突", lines: lines, choices: choices}
	}
}

// confirmReload is the second, explicit step before edits are dropped.
func (a *App) confirmReload(c *model.ConflictError) tea.Cmd {
	back := a.conflictPrompt(c)
	a.replacePrompt(&prompt{
		title: "放弃本次的修改？",
		lines: []string{"将载入磁盘上的 " + c.Path + "，编辑器中尚未保存的修改会被丢弃。"},
		choices: []choice{
			{keys: []string{"y"}, label: "放弃修改并载入", do: a.reload},
			{keys: []string{"esc", "n"}, label: "返回", do: func() tea.Cmd {
				a.replacePrompt(back())
				return nil
			}},
		},
	})
	return nil
}

// reloadedMsg carries the draft read back from disk.
type reloadedMsg struct {
	r   *model.Report
	err error
}

// reload replaces the draft with the file on disk, read off the update
// loop.
func (a *App) reload() tea.Cmd {
	a.file.quitOnSave = false
	path, t := a.file.path, a.c.tmpl
	return func() tea.Msg {
		r, err := model.LoadReport(path)
		if err == nil {
			err = r.Validate(t)
		}
		return reloadedMsg{r: r, err: err}
	}
}

func (a *App) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.err != nil {
		a.status.fail("无法载入磁盘上的版本：" + msg.err.Error())
		return nil
	}
	msg.r.UseTemplateOrder(a.c.tmpl)
	cmd := a.replaceDocument(msg.r, a.c.tmpl, false)
	a.status.say("已载入磁盘上的版本")
	return cmd
}

// copyName suggests a file name beside path for saving a second version.

// defaultFileName is the template's title for this unit and year, so a new
// draft is saved under the name the drafter would give the Word file.
func (a *App) defaultFileName() string { return model.DraftFileName(a.c.tmpl, a.c.report) }

// quit ends a clean session: the drafter saved or chose not to, so this
// session's recovery files go, removed before the program ends.
func (a *App) quit() tea.Cmd {
	files := a.takeRecoveryFiles()
	a.quitKeepingRecovery()
	return func() tea.Msg {
		_ = files.remove() // nobody is left to tell; a leftover is offered next time
		return tea.QuitMsg{}
	}
}

// externalDoneMsg comes back when $EDITOR exits.
type externalDoneMsg struct {
	section, file, before string
	err                   error
}

// externalReadyMsg carries the temporary file written for $EDITOR.
type externalReadyMsg struct {
	section, file, before string
	err                   error
}

// externalReadMsg carries what $EDITOR left in the temporary file.
type externalReadMsg struct {
	section, before, text string
	err                   error
}

// externalEdit opens the current section in $VISUAL/$EDITOR on a temporary
// file — an escape hatch for long prose — and reads it back afterwards.
// The file is written and read by commands, off the update loop.
func (a *App) externalEdit() tea.Cmd {
	a.syncProse()
	id := a.current().ID
	text := a.c.report.Text(id)
	return func() tea.Msg {
		f, err := os.CreateTemp("", "nianbao-"+id+"-*.txt")
		if err != nil {
			return externalReadyMsg{section: id, err: err}
		}
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return externalReadyMsg{section: id, err: err}
		}
		return externalReadyMsg{section: id, file: f.Name(), before: text}
	}
}

func (a *App) externalReady(msg externalReadyMsg) tea.Cmd {
	if msg.err != nil {
		a.status.fail("无法写临时文件：" + model.OSReason(msg.err))
		return nil
	}
	editor := externalEditor()
	if editor == "" {
		a.status.fail("未设置外部编辑器：请先设置环境变量 EDITOR（例如 EDITOR=nano），再按 ctrl+e")
		file := msg.file
		return func() tea.Msg { os.Remove(file); return nil }
	}
	args := strings.Fields(editor)
	cmd := exec.Command(args[0], append(args[1:], msg.file)...)
	if a.env.terminal != nil {
		// Without this bubbletea hands the editor its input reader, which
		// is not a terminal: the editor would get a pipe.
		cmd.Stdin = a.env.terminal
	}
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		return externalDoneMsg{section: msg.section, file: msg.file, before: msg.before, err: err}
	})
}

// externalDone reads the section back (in a command) and removes the
// temporary file.
func (a *App) externalDone(msg externalDoneMsg) tea.Cmd {
	return func() tea.Msg {
		defer os.Remove(msg.file)
		if msg.err != nil {
			return externalReadMsg{section: msg.section, err: msg.err}
		}
		data, err := os.ReadFile(msg.file)
		return externalReadMsg{section: msg.section, before: msg.before, text: string(data), err: err}
	}
}

func (a *App) externalRead(msg externalReadMsg) tea.Cmd {
	if msg.err != nil {
		a.status.fail("外部编辑器出错或读不回内容：" + msg.err.Error() + "（正文未改动）")
		return nil
	}
	text := msg.text
	// Editors add a final newline the drafter did not type.
	if !strings.HasSuffix(msg.before, "\n") {
		text = strings.TrimSuffix(text, "\n")
	}
	i, ok := a.c.index[msg.section]
	if !ok || text == msg.before {
		return nil
	}
	ed := a.editor(i)
	ed.SetValue(text)
	a.live.count(i, ed.Chars())
	a.refreshStatuses()
	a.status.say("已读回外部编辑的内容")
	return tea.Batch(a.edited(), a.openSection(i, focusProse))
}

// lockMovedMsg carries the lock taken on the draft's new name.
type lockMovedMsg struct {
	lock *model.Lock
	path string
}

// moveLock takes the lock of the draft's new file name after save as (or
// its first name), so a second nianbao opening it is warned. The file
// work runs as a command; until it reports, no lock is held.
func (a *App) moveLock(path string) tea.Cmd {
	if !a.env.opts.locks {
		return nil
	}
	old, s := a.file.lock, a.autosave.session
	a.file.lock, a.file.lockedPath = nil, path
	return func() tea.Msg {
		_ = old.Release()
		l, _, _ := model.AcquireLock(path, s)
		return lockMovedMsg{lock: l, path: path}
	}
}

func (a *App) lockMoved(msg lockMovedMsg) tea.Cmd {
	if msg.path != a.file.lockedPath {
		// A later save as is taking another name's lock already.
		return func() tea.Msg { _ = msg.lock.Release(); return nil }
	}
	a.file.lock = msg.lock
	return nil
}
