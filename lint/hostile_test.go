package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/model"
)

// TestHostileTemplateFiles: lint reads templates through the same
// defences as every other command, and its findings, which quote ids and
// titles from the file, never carry control characters to the terminal.
func TestHostileTemplateFiles(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.yaml")
	os.WriteFile(bomb, []byte("id: x\nversion: 1\nsections: ["+strings.Repeat("{},", 60000)+"]\n"), 0o644)
	_, err := File(bomb, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), bomb+":3:") || !strings.Contains(err.Error(), "文件结构过于复杂") {
		t.Errorf("structure bomb: %v", err)
	}
	alias := filepath.Join(dir, "alias.yaml")
	os.WriteFile(alias, []byte("id: x\nversion: 1\nsections: &s [{id: a, title: 甲}]\nold: *s\n"), 0o644)
	if _, err := File(alias, Options{}); err == nil || !strings.Contains(err.Error(), alias+":3:11: 不支持 YAML 锚点和别名") {
		t.Errorf("alias: %v", err)
	}
	if _, err := File(dir, Options{}); err == nil || !strings.Contains(err.Error(), "这是一个目录") {
		t.Errorf("directory: %v", err)
	}
	tpl, err := model.ParseTemplateLenient("t.yaml", []byte("id: x\nversion: 1\nsections:\n  - id: \"a\\e[2J\"\n    title: \"\\e]0;标题\\a\"\n  - id: \"a\\e[2J\"\n    title: 乙\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := Template(tpl, Options{})
	if len(fs) == 0 {
		t.Fatal("duplicate id not found")
	}
	for _, f := range fs {
		if strings.ContainsAny(f.Message, "\x1b\x07") {
			t.Errorf("control characters in %q", f.Message)
		}
	}
}
