package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"nianbao/model"
)

// Settings are the user's nianbao settings: for now the directories where
// the coordinating office's templates live, so a draft that names a
// template id ("county2025") finds the file without --template.
//
// The file is YAML at $NIANBAO_CONFIG, or settings.yaml in nianbao's
// directory under the user config directory (~/.config/nianbao on Linux):
//
//	template_dirs:
//	  - /srv/法治办/模板
//	  - 模板          # relative to the settings file
type Settings struct {
	TemplateDirs []string `yaml:"template_dirs"`
}

// settingsPath is where the settings file is, whether or not it exists.
func settingsPath() (string, error) {
	if p := os.Getenv("NIANBAO_CONFIG"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "nianbao", "settings.yaml"), nil
}

// loadSettings reads the settings file; a missing file is empty settings.
// Relative and ~ directories are resolved so lookups do not depend on the
// directory nianbao runs in.
func loadSettings() (Settings, string, error) {
	path, err := settingsPath()
	if err != nil {
		return Settings{}, "", nil // no config dir (no $HOME): nothing configured
	}
	data, err := model.ReadRegular(path)
	if os.IsNotExist(err) {
		return Settings{}, path, nil
	}
	if err != nil {
		return Settings{}, path, &model.Error{File: path, Msg: "无法读取设置文件：" + err.Error()}
	}
	var s Settings
	if err := yaml.Unmarshal(data, &s); err != nil {
		return Settings{}, path, &model.Error{File: path, Msg: "设置文件格式错误：" + err.Error()}
	}
	home, _ := os.UserHomeDir()
	var dirs []string
	for _, d := range s.TemplateDirs {
		d = strings.TrimSpace(d)
		switch {
		case d == "":
			continue
		case home != "" && (d == "~" || strings.HasPrefix(d, "~/")):
			d = filepath.Join(home, strings.TrimPrefix(d, "~"))
		case !filepath.IsAbs(d):
			d = filepath.Join(filepath.Dir(path), d)
		}
		dirs = append(dirs, d)
	}
	s.TemplateDirs = dirs
	return s, path, nil
}

// templateDirsFromSettings returns the configured template directories. A
// broken settings file is reported on errOut once per command and otherwise
// ignored: it must not stop a drafter from opening a draft.
func templateDirsFromSettings(errOut func(string)) []string {
	s, _, err := loadSettings()
	if err != nil && errOut != nil {
		errOut(fmt.Sprintf("警告：%v（已忽略模板目录设置）", err))
	}
	return s.TemplateDirs
}
