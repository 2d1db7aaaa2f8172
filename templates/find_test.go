package templates

import (
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

func officeTemplate(t *testing.T, version int) *model.Template {
	t.Helper()
	tp, err := Embedded(Default)
	if err != nil {
		t.Fatal(err)
	}
	tp.ID, tp.Version, tp.Name = "qingshan", version, "青山县模板"
	return tp
}

func TestFinderForDraft(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("NIANBAO_CONFIG", "")
	dir := t.TempDir()
	draft := filepath.Join(dir, "县司法局.yaml")

	_, err := Finder{}.ForDraft(draft, "qingshan", 1)
	if err == nil || !strings.Contains(err.Error(), draft) || !strings.Contains(err.Error(), "nianbao template install") {
		t.Errorf("not found: %v", err)
	}

	v1 := officeTemplate(t, 1)
	if err := v1.Save(filepath.Join(t.TempDir(), "v1.yaml")); err != nil {
		t.Fatal(err)
	}
	v1, _ = model.LoadTemplate(v1.File())
	if err := Remember(v1); err != nil {
		t.Fatal(err)
	}
	if got, err := (Finder{}).ForDraft(draft, "qingshan", 1); err != nil || got.Version != 1 {
		t.Errorf("remembered: %v %v", got, err)
	}

	// The office's file beside the draft, now at version 2, wins over the
	// remembered version 1, so the editor can offer migration.
	if err := officeTemplate(t, 2).Save(filepath.Join(dir, "青山县模板.yaml")); err != nil {
		t.Fatal(err)
	}
	if got, err := (Finder{}).ForDraft(draft, "qingshan", 1); err != nil || got.Version != 2 {
		t.Errorf("beside: %+v %v", got, err)
	}
	// Among templates found, the exact version is preferred.
	known := officeTemplate(t, 1)
	if got, _ := (Finder{Known: []*model.Template{known}}).ForDraft(draft, "qingshan", 1); got != known {
		t.Errorf("known exact version not preferred: version %d", got.Version)
	}
	if got, _ := (Finder{}).ForDraft(draft, Default, 1); got == nil || got.ID != Default {
		t.Error("embedded template not found")
	}
}

func TestIsTemplateFile(t *testing.T) {
	tpl, _ := Raw(Default)
	if !IsTemplateFile(tpl) {
		t.Error("embedded template not recognised")
	}
	for _, draft := range []string{
		"template:\n  id: standard\n  version: 1\nunit: 青山县\nsections:\n  measures: 文字\n",
		"unit: 青山县\ntemplate: {id: x}\nsections: {a: b}\n",
		"id: x\nsections:\n  a: b\n", // sections as a map
		"not: [yaml",
	} {
		if IsTemplateFile([]byte(draft)) {
			t.Errorf("draft taken for a template:\n%s", draft)
		}
	}
}
