package ui

import (
	"errors"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/model"
	"nianbao/render"
)

// exportedMsg reports a finished export.
type exportedMsg struct {
	path   string
	backup string // the replaced file's backup, when one was made
	err    error
}

// exportCmd writes the Word file from a snapshot, off the update loop.
func exportCmd(path string, t *model.Template, snap *model.Report, force bool) tea.Cmd {
	return func() tea.Msg {
		bak, err := render.ExportFile(path, render.FormatDOCX, t, snap, render.Options{}, force)
		return exportedMsg{path: path, backup: bak, err: err}
	}
}

// export writes FILE.docx beside the draft. A Word file nianbao did not
// write, or one changed since (hand edits), is not replaced at the first
// press; a second press backs it up and replaces it.
func (a *App) export() tea.Cmd {
	if a.path == "" || !a.onDisk {
		a.message, a.msgErr = "请先保存草稿（ctrl+s），再导出", true
		return nil
	}
	a.syncProse()
	out := strings.TrimSuffix(a.path, filepath.Ext(a.path)) + ".docx"
	force := a.exportForce == out
	a.exportForce = ""
	a.message, a.msgErr = "正在导出…", false
	return exportCmd(out, a.c.tmpl, a.c.report.Snapshot(), force)
}

func (a *App) exported(msg exportedMsg) {
	if msg.err != nil {
		a.message, a.msgErr = "导出失败："+msg.err.Error(), true
		var oe *render.OverwriteError
		if errors.As(msg.err, &oe) {
			a.exportForce = msg.path
			a.message = "未导出：" + msg.err.Error() + "（再按 F5 先备份再覆盖）"
		}
		return
	}
	a.message, a.msgErr = "已导出 "+filepath.Base(msg.path), false
	if msg.backup != "" {
		a.message += "；原文件备份为 " + filepath.Base(msg.backup)
	}
}
