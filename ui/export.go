package ui

import (
	"errors"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"nianbao/check"
	"nianbao/model"
	"nianbao/render"
)

// exportedMsg reports a finished export.
type exportedMsg struct {
	path   string
	backup string // the replaced file's backup, when one was made
	err    error
	// unpublishable counts the publish findings that stopped the export
	// (nothing was written); see publish.go.
	unpublishable int
}

// exportCmd writes the file from a snapshot, off the update loop: a PDF
// takes LibreOffice seconds, and even the Word file must not stall typing.
// A copy for publication (render.ForPublication) is checked on the same
// snapshot first and not written while publish findings remain, unless
// the drafter confirmed (allowUnpublishable).
func exportCmd(path string, f render.Format, t *model.Template, snap *model.Report, opts render.Options, force, allowUnpublishable bool, checker checkFunc) tea.Cmd {
	return func() tea.Msg {
		if !allowUnpublishable && render.ForPublication(f) {
			if n := len(check.PublishOnly(checker(t, snap).Findings)); n > 0 {
				return exportedMsg{path: path, unpublishable: n}
			}
		}
		bak, err := render.ExportFile(path, f, t, snap, opts, force)
		return exportedMsg{path: path, backup: bak, err: err}
	}
}

// exportFormats are the choices F5 offers, Word first (Enter picks it).
var exportFormats = []struct {
	key    string
	format render.Format
}{
	{"w", render.FormatDOCX},
	{"p", render.FormatPDF},
	{"m", render.FormatMarkdown},
	{"h", render.FormatHTML},
	{"t", render.FormatText},
}

// export asks which format to write beside the draft. A file nianbao did
// not write, or one changed since (hand edits), is not replaced at the
// first export; the same choice again backs it up and replaces it.
func (a *App) export() tea.Cmd {
	if a.file.path == "" || !a.file.onDisk {
		a.status.fail("请先保存草稿（ctrl+s），再导出")
		return nil
	}
	base := strings.TrimSuffix(filepath.Base(a.file.path), filepath.Ext(a.file.path))
	var choices []choice
	for i, ef := range exportFormats {
		keys := []string{ef.key}
		if i == 0 {
			keys = append(keys, "enter")
		}
		f := ef.format
		choices = append(choices, choice{keys: keys, label: f.Name(), do: func() tea.Cmd { return a.exportAs(f) }})
	}
	choices = append(choices, choice{keys: []string{"esc"}, label: "取消", do: func() tea.Cmd { return nil }})
	return a.ask(func() *prompt {
		return &prompt{title: "导出", lines: []string{
			"选择格式，文件写在草稿旁：" + base + ".*",
			"Word 文档按公文格式排版，用于报送；PDF 由 LibreOffice 转换，用于公开发布。",
		}, choices: choices}
	})
}

// exportAs writes FILE.ext beside the draft.
func (a *App) exportAs(f render.Format) tea.Cmd {
	a.syncProse()
	out := render.DefaultOutput(a.file.path, f)
	force, allow := a.exports.take(out)
	a.status.say("正在导出…")
	if f == render.FormatPDF {
		a.status.text = "正在导出 PDF（LibreOffice 转换需要几秒）…"
	}
	return exportCmd(out, f, a.c.tmpl, a.c.report.Snapshot(), render.Options{Fonts: a.exports.fonts}, force, allow, a.env.check)
}

func (a *App) exported(msg exportedMsg) {
	if msg.unpublishable > 0 {
		a.exports.allow = msg.path
		a.status.fail(unpublishableMessage(msg.unpublishable))
		return
	}
	if msg.err != nil {
		a.status.fail("导出失败：" + msg.err.Error())
		if errors.Is(msg.err, render.ErrNoLibreOffice) {
			// The status line has one row: the package to install matters.
			a.status.text = "导出失败：导出 PDF 需要 LibreOffice，请安装 libreoffice-writer-nogui，或导出 Word 后另存为 PDF"
		}
		var oe *render.OverwriteError
		if errors.As(msg.err, &oe) {
			// Short: the status line has one row, and the key matters most.
			a.exports.force = msg.path
			a.status.text = "未导出：" + filepath.Base(msg.path) + " 不是 nianbao 导出的，或导出后改过；再导出一次即先备份再覆盖"
		}
		return
	}
	a.status.say("已导出 " + filepath.Base(msg.path))
	if msg.backup != "" {
		a.status.text += "；原文件备份为 " + filepath.Base(msg.backup)
	}
}
