package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
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
	if a.saving {
		return nil
	}
	if a.state == stateMeta {
		a.meta.apply()
	}
	if a.path == "" {
		return a.askFileName()
	}
	a.syncProse()
	a.saving = true
	snap := a.c.report.Snapshot()
	pruneLeftovers(snap)
	return saveCmd(snap, a.path, a.editGen, overwrite)
}

func (a *App) saved(msg savedMsg) tea.Cmd {
	a.saving = false
	var conflict *model.ConflictError
	if errors.As(msg.err, &conflict) {
		return a.ask(a.conflictPrompt(conflict))
	}
	if msg.err != nil {
		a.message, a.msgErr = "保存失败："+msg.err.Error(), true
		a.quitOnSave = false
		return nil
	}
	a.c.report.AdoptSaved(msg.snap)
	if msg.path != a.lockedPath {
		a.moveLock(msg.path)
	}
	a.path = msg.path
	a.onDisk = true
	a.savedGen = max(a.savedGen, msg.gen)
	a.message, a.msgErr = "存盘于 "+time.Now().Format("15:04:05"), false
	if s := a.notTaken(msg.snap); s != "" {
		a.message, a.msgErr = a.message+"；"+s, true
	}
	if !a.dirty() {
		a.discardRecovery() // the draft now holds everything
	}
	if a.quitOnSave && !a.dirty() {
		return a.quit()
	}
	return nil
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
			{keys: []string{"a"}, label: "另存为…", do: func() tea.Cmd { return a.askFileNameAs(copyName(c.Path)) }},
		}
		if !c.Removed {
			choices = append(choices, choice{keys: []string{"r"}, label: "载入磁盘上的版本…", do: func() tea.Cmd { return a.confirmReload(c) }})
		}
		choices = append(choices,
			choice{keys: []string{"o"}, label: overwrite, do: func() tea.Cmd { return a.startSave(true) }},
			choice{keys: []string{"esc"}, label: "暂不保存", do: func() tea.Cmd {
				a.quitOnSave = false
				a.message, a.msgErr = "未保存：磁盘上的文件已被修改", true
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

// reload replaces the draft with the file on disk.
func (a *App) reload() tea.Cmd {
	a.quitOnSave = false
	r, err := model.LoadReport(a.path)
	if err == nil {
		err = r.Validate(a.c.tmpl)
	}
	if err != nil {
		a.message, a.msgErr = "无法载入磁盘上的版本："+err.Error(), true
		return nil
	}
	r.UseTemplateOrder(a.c.tmpl)
	cmd := a.replaceDocument(r, a.c.tmpl, false)
	a.message, a.msgErr = "已载入磁盘上的版本", false
	return cmd
}

// copyName suggests a file name beside path for saving a second version.
func copyName(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "（另存）" + ext
}

// defaultFileName is the template's title for this unit and year, so a new
// draft is saved under the name the drafter would give the Word file.
func (a *App) defaultFileName() string {
	r := a.c.report
	name := strings.TrimSpace(a.c.tmpl.Title(r.Unit, r.Year))
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	if name == "" {
		name = "法治政府建设情况报告"
	}
	return name + ".yaml"
}

func (a *App) askFileName() tea.Cmd { return a.askFileNameAs(a.defaultFileName()) }

func (a *App) askFileNameAs(name string) tea.Cmd {
	a.back, a.state = a.state, stateSaveAs
	if a.back == stateSaveAs || a.back == stateConfirmQuit || a.back == statePrompt {
		a.back = stateEdit
	}
	a.overwrite = ""
	a.fileName.SetValue(name)
	a.fileName.CursorEnd()
	return a.fileName.Focus()
}

func (a *App) updateSaveAs(k tea.KeyMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		a.state, a.quitOnSave = a.back, false
		a.fileName.Blur()
		return a.focusCmd()
	case "enter":
		p := strings.TrimSpace(a.fileName.Value())
		if p == "" {
			return nil
		}
		if filepath.Ext(p) == "" {
			p += ".yaml"
		}
		if _, err := os.Stat(p); err == nil && a.overwrite != p {
			a.overwrite = p
			a.message, a.msgErr = "文件已存在，再按回车覆盖，或改个名字", true
			return nil
		}
		a.path = p
		a.state = a.back
		a.fileName.Blur()
		return tea.Batch(a.focusCmd(), a.save())
	}
	var cmd tea.Cmd
	a.fileName, cmd = a.fileName.Update(k)
	return cmd
}

// requestQuit quits at once when everything is saved and asks otherwise.
func (a *App) requestQuit() tea.Cmd {
	if a.state == stateMeta {
		if a.meta.apply() {
			a.edited()
		}
	}
	if !a.dirty() {
		return a.quit()
	}
	if a.state != stateConfirmQuit {
		a.back, a.state = a.state, stateConfirmQuit
	}
	return nil
}

// quit ends a clean session: the drafter saved or chose not to, so this
// session's recovery files go.
func (a *App) quit() tea.Cmd {
	a.discardRecovery()
	return a.quitKeepingRecovery()
}

func (a *App) updateConfirm(k tea.KeyMsg) tea.Cmd {
	keys := a.c.keys
	switch {
	case key.Matches(k, keys.ConfirmSave):
		a.state = a.back
		a.quitOnSave = true
		return a.save()
	case key.Matches(k, keys.ConfirmDrop):
		return a.quit()
	case key.Matches(k, keys.ConfirmAbort):
		a.state = a.back
		return a.focusCmd()
	}
	return nil
}

// externalDoneMsg comes back when $EDITOR exits.
type externalDoneMsg struct {
	section, file, before string
	err                   error
}

// externalEdit opens the current section in $VISUAL/$EDITOR on a temporary
// file — an escape hatch for long prose — and reads it back afterwards.
func (a *App) externalEdit() tea.Cmd {
	a.syncProse()
	id := a.current().ID
	text := a.c.report.Text(id)
	f, err := os.CreateTemp("", "nianbao-"+id+"-*.txt")
	if err != nil {
		a.message, a.msgErr = "无法创建临时文件："+err.Error(), true
		return nil
	}
	_, err = f.WriteString(text)
	f.Close()
	if err != nil {
		os.Remove(f.Name())
		a.message, a.msgErr = "无法写临时文件："+err.Error(), true
		return nil
	}
	editor := os.Getenv("VISUAL")
	if editor == "" {
		editor = os.Getenv("EDITOR")
	}
	if editor == "" {
		editor = "vi"
	}
	args := strings.Fields(editor)
	cmd := exec.Command(args[0], append(args[1:], f.Name())...)
	if a.terminal != nil {
		// Without this bubbletea hands the editor its input reader, which
		// is not a terminal: the editor would get a pipe.
		cmd.Stdin = a.terminal
	}
	name := f.Name()
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		return externalDoneMsg{section: id, file: name, before: text, err: err}
	})
}

func (a *App) externalDone(msg externalDoneMsg) tea.Cmd {
	defer os.Remove(msg.file)
	if msg.err != nil {
		a.message, a.msgErr = "外部编辑器出错："+msg.err.Error()+"（正文未改动）", true
		return nil
	}
	data, err := os.ReadFile(msg.file)
	if err != nil {
		a.message, a.msgErr = "读不回外部编辑的内容："+err.Error(), true
		return nil
	}
	text := string(data)
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
	a.total += ed.Len() - a.lens[i]
	a.lens[i] = ed.Len()
	a.refreshStatuses()
	a.message, a.msgErr = "已读回外部编辑的内容", false
	return tea.Batch(a.edited(), a.openSection(i, focusProse))
}

// moveLock takes the lock of the draft's new file name after save as (or
// its first name), so a second nianbao opening it is warned.
func (a *App) moveLock(path string) {
	if !a.opts.locks {
		return
	}
	_ = a.lock.Release()
	a.lock, _, _ = model.AcquireLock(path)
	a.lockedPath = path
}
