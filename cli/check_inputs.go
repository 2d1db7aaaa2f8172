package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"nianbao/model"
)

// An office's folder of received reports holds whatever was sent: .docx,
// .doc, .wps, PDF, saved web pages, text, drafts, its own template, and
// sometimes a spreadsheet or a scan. Every file is either checked, used as
// a template, or listed as skipped with the reason; the format is found
// from the content (ingest.Detect), never from the extension.

// input is one file to check.
type input struct {
	path    string
	fromDir bool // found by walking a directory (not named by the user)
}

// skippedFile is a file in a folder that is not a report by its name.
type skippedFile struct {
	path, reason string
}

var dataExts = map[string]bool{".csv": true, ".tsv": true, ".xlsx": true, ".xls": true, ".et": true,
	".ods": true, ".json": true, ".xml": true, ".log": true}

var backupName = regexp.MustCompile(`(?i)(~|\.bak\d*|\.tmp|\.swp)$`)

// skipReason says why a file found in a folder is not checked, or "".
// Hidden files (nianbao's own autosave and lock files among them) are not
// the user's reports.
func skipReason(name string) string {
	switch {
	case strings.HasPrefix(name, "~$"):
		return "Word/WPS 打开文档时留下的临时文件"
	case backupName.MatchString(name):
		return "备份或临时文件"
	case strings.HasPrefix(strings.ToUpper(name), "README"):
		return "说明文件"
	case dataExts[strings.ToLower(filepath.Ext(name))]:
		// Rosters, last year's roll-up and exported tables sit beside the
		// reports; read as text they would fail every check.
		return "数据表格文件，不是报告"
	}
	return ""
}

// collectInputs expands a path: a file is taken as given, a directory is
// walked for every file in it.
func collectInputs(path string) ([]input, []skippedFile, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, &model.Error{File: path, Msg: "无法打开：" + model.OSReason(err)}
	}
	if !st.IsDir() {
		return []input{{path: path}}, nil, nil
	}
	var out []input
	var skipped []skippedFile
	hidden := 0
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != path {
				// An unreadable subfolder is listed, the rest is checked.
				skipped = append(skipped, skippedFile{p, "无法读取：" + model.OSReason(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			return err
		}
		name := d.Name()
		if p != path && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			hidden++
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			skipped = append(skipped, skippedFile{p, "不是普通文件（" + model.FileKind(d.Type()) + "），不读取"})
			return nil
		}
		if why := skipReason(name); why != "" {
			skipped = append(skipped, skippedFile{p, why})
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				// The walk does not follow links to folders: one may lead
				// back into this one, or to reports already counted.
				skipped = append(skipped, skippedFile{p, "指向目录的链接，未进入（以免重复或循环）；如要检查，请直接给出该目录"})
				return nil
			}
		}
		out = append(out, input{path: p, fromDir: true})
		return nil
	})
	if err != nil {
		return nil, nil, &model.Error{File: path, Msg: "无法读取目录：" + model.OSReason(err)}
	}
	if hidden > 0 {
		skipped = append(skipped, skippedFile{path, fmt.Sprintf("其中 %d 个隐藏文件（以“.”开头，如自动保存和锁文件）", hidden)})
	}
	if len(out) == 0 {
		// Checking nothing must not look like a pass.
		return nil, skipped, &model.Error{File: path, Msg: "目录中没有可检查的文件"}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, skipped, nil
}

func isDraftPath(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// unreadReason is an input error without the file name the line already
// starts with.
func unreadReason(path string, err error) string {
	var me *model.Error
	if errors.As(err, &me) && me.Line == 0 && me.File == path {
		return model.Printable(me.Msg)
	}
	return errorText(err)
}
