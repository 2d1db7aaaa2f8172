// Package templates holds the templates embedded in nianbao and finds a
// template by id or by path, so every command resolves --template the same
// way.
package templates

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"nianbao/model"
)

//go:embed *.yaml
var embedded embed.FS

// Default is the template a new draft uses when none is named.
const Default = "standard"

// IDs lists the embedded template ids, the default first.
func IDs() []string {
	entries, _ := embedded.ReadDir(".")
	var ids []string
	for _, e := range entries {
		id := strings.TrimSuffix(e.Name(), ".yaml")
		if id != Default {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return append([]string{Default}, ids...)
}

// Raw returns the YAML text of an embedded template.
func Raw(id string) ([]byte, bool) {
	data, err := embedded.ReadFile(id + ".yaml")
	return data, err == nil
}

// parsed holds the embedded templates once parsed. Parsing one costs about
// 1.6 ms; importing a document looks one up per file, which made it half
// the cost of checking a folder of documents.
var parsed sync.Map // id → *model.Template

// Embedded loads an embedded template by id. Each call returns its own
// copy, so a caller that edits it (template new --from standard) cannot
// change what the next caller gets.
func Embedded(id string) (*model.Template, error) {
	if t, ok := parsed.Load(id); ok {
		return t.(*model.Template).Clone(), nil
	}
	data, ok := Raw(id)
	if !ok {
		return nil, &model.Error{Msg: fmt.Sprintf("没有名为“%s”的内置模板（可用：%s）", id, strings.Join(IDs(), "、"))}
	}
	t, err := model.ParseTemplate("内置模板 "+id, data)
	if err != nil {
		return nil, err
	}
	parsed.Store(id, t)
	return t.Clone(), nil
}

// Lookup resolves what a user passes to --template or what a draft names:
// a path to a YAML file when it looks like one or exists, otherwise an
// embedded id, otherwise a file of that id in the configured template
// directories.
func Lookup(ref string, dirs ...string) (*model.Template, error) {
	if ref == "" {
		ref = Default
	}
	if looksLikePath(ref) {
		return model.LoadTemplate(ref)
	}
	if _, ok := Raw(ref); ok {
		return Embedded(ref)
	}
	for _, dir := range dirs {
		for _, ext := range []string{".yaml", ".yml"} {
			p := filepath.Join(dir, ref+ext)
			if _, err := os.Stat(p); err == nil {
				return model.LoadTemplate(p)
			}
		}
	}
	return Embedded(ref) // yields the "no such template" message
}

// idPattern is what a template id may be: a slug, never a path. Ids come
// from drafts, which arrive from other units; a path in one must not make
// nianbao read (and quote, and remember) a file of the sender's choosing.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// ValidID reports whether id is a template id and not a path or anything
// else.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// LookupID resolves a template id recorded in a draft or a document: an
// embedded template, or a file named after it in the configured template
// directories. Unlike Lookup it never treats its argument as a path, and
// refuses without touching the disk anything that is not an id.
func LookupID(id string, dirs ...string) (*model.Template, error) {
	if id == "" {
		id = Default
	}
	if !ValidID(id) {
		return nil, &model.Error{Msg: fmt.Sprintf("草稿记录的模板 id“%s”不是有效的 id（只能由字母、数字、- 和 _ 组成），不会当作文件路径读取；如需指定模板文件，请用 --template", id)}
	}
	if _, ok := Raw(id); ok {
		return Embedded(id)
	}
	for _, dir := range dirs {
		for _, ext := range []string{".yaml", ".yml"} {
			p := filepath.Join(dir, id+ext)
			if _, err := os.Stat(p); err == nil {
				return model.LoadTemplate(p)
			}
		}
	}
	return Embedded(id) // yields the "no such template" message
}

func looksLikePath(ref string) bool {
	if strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml") {
		return true
	}
	_, err := os.Stat(ref)
	return err == nil
}
