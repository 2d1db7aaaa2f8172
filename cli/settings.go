package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
//	fonts: windows    # this PC has 仿宋/楷体/黑体/宋体, not the GB2312 fonts
type Settings struct {
	TemplateDirs []string `yaml:"template_dirs"`
	// Fonts chooses the font names of exported Word files on this machine
	// (gb2312 or windows); it wins over the template's choice, because
	// which fonts are installed is a property of the PC.
	Fonts string `yaml:"fonts"`
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
	if err := model.DecodeYAML(path, data, &s); err != nil {
		return Settings{}, path, err
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

// fontsFromSettings returns the configured font names; a broken or invalid
// setting is reported on errOut and ignored.
func fontsFromSettings(errOut func(string)) model.FontNames {
	s, path, err := loadSettings()
	if err != nil {
		if errOut != nil {
			errOut(fmt.Sprintf("警告：%v（已忽略字体设置）", err))
		}
		return ""
	}
	f, ok := model.ParseFontNames(s.Fonts)
	if !ok && errOut != nil {
		errOut(fmt.Sprintf("警告：%s：fonts 应当是 gb2312 或 windows，实际是“%s”（已忽略）", path, s.Fonts))
	}
	return f
}
