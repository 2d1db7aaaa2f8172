package ui

import (
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/model"
	"nianbao/render"
)

// exportedMsg reports a finished export.
type exportedMsg struct {
	path string
	err  error
	// unpublishable counts the publish findings that stopped the export
	// (nothing was written); see publish.go.
	unpublishable int
}

// exportCmd writes the Word file from a snapshot, off the update loop. It
// checks the same snapshot first and writes nothing while publish
// findings remain, unless the drafter confirmed (allowUnpublishable).
func exportCmd(path string, t *model.Template, snap *model.Report, force, allowUnpublishable bool, checker checkFunc) tea.Cmd {
	return func() tea.Msg {
		if !allowUnpublishable {
			if n := len(check.PublishOnly(checker(t, snap).Findings)); n > 0 {
				return exportedMsg{path: path, unpublishable: n}
			}
		}
		return exportedMsg{path: path, err: render.ExportFile(path, render.FormatDOCX, t, snap, render.Options{}, force)}
	}
}

// export writes FILE.docx beside the draft. A Word file newer than the
// draft may hold hand edits, so the first press refuses and a second
// press overwrites.
func (a *App) export() tea.Cmd {
	if a.path == "" || !a.onDisk {
		a.message, a.msgErr = "请先保存草稿（ctrl+s），再导出", true
		return nil
	}
	a.syncProse()
	out := strings.TrimSuffix(a.path, filepath.Ext(a.path)) + ".docx"
	force := a.exportForce == out
	allow := a.exportAllow == out
	a.exportForce, a.exportAllow = "", ""
	a.message, a.msgErr = "正在导出…", false
	return exportCmd(out, a.c.tmpl, a.c.report.Snapshot(), force, allow, a.check)
}

func (a *App) exported(msg exportedMsg) {
	if msg.unpublishable > 0 {
		a.exportAllow = msg.path
		a.message, a.msgErr = unpublishableMessage(msg.unpublishable), true
		return
	}
	if msg.err != nil {
		a.message, a.msgErr = "导出失败："+msg.err.Error(), true
		if !strings.Contains(msg.err.Error(), "同一个文件") {
			a.exportForce = msg.path
			a.message += "（再按 F5 覆盖）"
		}
		return
	}
	a.message, a.msgErr = "已导出 "+filepath.Base(msg.path), false
}
