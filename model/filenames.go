package model

import (
	"path/filepath"
	"strings"
)

// DraftFileName is the name a new draft is offered under: the template's
// title for the report's unit and year, so the draft is saved as the
// drafter would name the Word file; characters no file system allows
// become _. Both editors (full-screen and plain) use it.
func DraftFileName(t *Template, r *Report) string {
	name := strings.TrimSpace(t.Title(r.Unit, r.Year))
	name = strings.Map(func(c rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, c) {
			return '_'
		}
		return c
	}, name)
	if name == "" {
		name = "法治政府建设情况报告"
	}
	return name + ".yaml"
}

// CopyName is the name "save as" offers when the draft's own file cannot
// be written: NAME（另存）.yaml beside it.
func CopyName(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "（另存）" + ext
}
