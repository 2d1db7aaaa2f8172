package templates

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"nianbao/model"
)

// A coordinating office writes its own template (id "qingshan") and hands
// it out with the drafts. A draft names only the id and version, so the
// template has to be found wherever it travelled: installed with
// `nianbao template install`, in a configured template directory, beside the
// draft, among the templates of the folder being checked, or as the copy
// remembered when the draft was written.

// InstallDir is where `nianbao template install` puts templates: beside the
// settings file (NIANBAO_CONFIG's directory when set).
func InstallDir() (string, error) {
	if p := os.Getenv("NIANBAO_CONFIG"); p != "" {
		return filepath.Join(filepath.Dir(p), "templates"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "nianbao", "templates"), nil
}

// Install copies the template at path into InstallDir as <id>.yaml and
// returns where it went.
func Install(path string) (*model.Template, string, error) {
	t, err := model.LoadTemplate(path)
	if err != nil {
		return nil, "", err
	}
	dir, err := InstallDir()
	if err != nil {
		return nil, "", &model.Error{File: path, Msg: "找不到用户配置目录，无法安装模板：" + model.OSReason(err)}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", &model.Error{File: dir, Msg: "无法创建模板目录：" + model.OSReason(err)}
	}
	dst := filepath.Join(dir, strings.TrimSuffix(historyName(t.ID, 0), "@0.yaml")+".yaml")
	if err := model.WriteFileAtomic(dst, t.Source()); err != nil {
		return nil, "", &model.Error{File: dst, Msg: "无法写入模板：" + model.OSReason(err)}
	}
	_ = Remember(t)
	return t, dst, nil
}

// IsTemplateFile says whether YAML data is a template rather than a draft:
// a template has an id and a list of sections; a draft names its template
// and keeps its sections as a map.
func IsTemplateFile(data []byte) bool {
	// Every draft nianbao writes starts with its template key; a batch of a
	// thousand drafts is told apart without parsing them twice.
	if bytes.HasPrefix(data, []byte("template:")) || bytes.Contains(data, []byte("\ntemplate:")) {
		return false
	}
	var head struct {
		ID       string    `yaml:"id"`
		Sections yaml.Node `yaml:"sections"`
		Template yaml.Node `yaml:"template"`
	}
	if err := yaml.Unmarshal(data, &head); err != nil {
		return false
	}
	return head.ID != "" && head.Sections.Kind == yaml.SequenceNode && head.Template.Kind == 0
}

// Finder finds the template a draft names.
type Finder struct {
	// Dirs are the configured template directories; InstallDir is
	// searched after them.
	Dirs []string
	// Known are templates found among the files being checked.
	Known []*model.Template
}

// ForDraft finds template id (at version, when it can) for the draft at
// draftPath: the template files found by id — configured and installed
// directories, beside the draft, the templates being checked with it — the
// exact version first, else the first found; only when there is no file, a
// remembered copy (the exact version, else the newest).
func (f Finder) ForDraft(draftPath, id string, version int) (*model.Template, error) {
	if id == "" {
		id = Default
	}
	if !ValidID(id) {
		// An id comes from a file someone sent: it names a template, it is
		// never a path to follow.
		return nil, fmt.Errorf("草稿 %s 记录的模板“%s”不是有效的 id（只能用字母、数字、-、_）", draftPath, id)
	}
	if _, ok := Raw(id); ok {
		return Embedded(id)
	}
	var candidates []*model.Template
	for _, dir := range f.Dirs {
		if t := byIDIn(dir, id, false); t != nil {
			candidates = append(candidates, t)
		}
	}
	if dir, err := InstallDir(); err == nil {
		if t := byIDIn(dir, id, true); t != nil {
			candidates = append(candidates, t)
		}
	}
	if draftPath != "" {
		if t := byIDIn(filepath.Dir(draftPath), id, true); t != nil {
			candidates = append(candidates, t)
		}
	}
	for _, t := range f.Known {
		if t.ID == id {
			candidates = append(candidates, t)
		}
	}
	for _, t := range candidates {
		if t.Version == version || version == 0 {
			return t, nil
		}
	}
	if len(candidates) > 0 {
		// The office's current template at another version wins over a
		// remembered copy of the draft's: the editor then offers migration
		// (it finds the old version through Version).
		return candidates[0], nil
	}
	if t := remembered(id, version); t != nil {
		return t, nil
	}
	return nil, notFound(draftPath, id, version)
}

func notFound(draftPath, id string, version int) error {
	v := ""
	if version > 0 {
		v = "（第 " + strconv.Itoa(version) + " 版）"
	}
	return &model.Error{File: draftPath, Msg: fmt.Sprintf(
		"草稿使用的模板“%s”%s找不到（它不是内置模板，也不在模板目录、草稿旁边或本机记住的模板中）。"+
			"请向下发模板的单位索取模板文件，然后任选其一：把它放在草稿旁边；运行 nianbao template install 模板文件.yaml；"+
			"或在命令中加 --template 模板文件.yaml", id, v)}
}

// byIDIn finds template id in dir: <id>.yaml or <id>.yml first, and, when
// scan is set, any template file there with that id (an office names its
// file 青山县模板.yaml, not qingshan.yaml).
func byIDIn(dir, id string, scan bool) *model.Template {
	for _, ext := range []string{".yaml", ".yml"} {
		if t, err := model.LoadTemplate(filepath.Join(dir, id+ext)); err == nil && t.ID == id {
			return t
		}
	}
	if !scan {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !(strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
			continue
		}
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil || !IsTemplateFile(data) || !bytes.Contains(data, []byte(id)) {
			continue
		}
		if t, err := model.ParseTemplate(p, data); err == nil && t.ID == id {
			return t
		}
	}
	return nil
}

// remembered is the remembered copy of id at version, or else the newest
// remembered version of id.
func remembered(id string, version int) *model.Template {
	dir, err := historyDir()
	if err != nil {
		return nil
	}
	if version > 0 {
		if t, err := model.LoadTemplate(filepath.Join(dir, historyName(id, version))); err == nil && t.ID == id {
			return t
		}
	}
	prefix := strings.TrimSuffix(historyName(id, 0), "0.yaml")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var versions []int
	for _, e := range entries {
		if v, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(e.Name(), prefix), ".yaml")); err == nil && strings.HasPrefix(e.Name(), prefix) {
			versions = append(versions, v)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(versions)))
	for _, v := range versions {
		if t, err := model.LoadTemplate(filepath.Join(dir, historyName(id, v))); err == nil && t.ID == id {
			return t
		}
	}
	return nil
}
