package model

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

type settingsLike struct {
	TemplateDirs []string `yaml:"template_dirs"`
	Fonts        string   `yaml:"fonts"`
}

func TestDecodeYAML(t *testing.T) {
	var s settingsLike
	if err := DecodeYAML("s.yaml", []byte("template_dirs: [模板]\nfonts: windows\n"), &s); err != nil || s.Fonts != "windows" || len(s.TemplateDirs) != 1 {
		t.Fatalf("good file: %+v, %v", s, err)
	}
	if err := DecodeYAML("s.yaml", []byte("  \n"), &s); err != nil {
		t.Errorf("empty file: %v, want no error", err)
	}
	for name, c := range map[string]struct {
		data, want string
		line       int
	}{
		"alias (billion laughs)": {"a: &x [1]\nb: *x\n", "", 0},
		"wrong type":             {"fonts: windows\ntemplate_dirs: 模板\n", "值的类型不对", 2},
		"syntax":                 {"fonts: [windows\n", "", 0},
		"two documents":          {"fonts: a\n---\nfonts: b\n", "多余", 0},
	} {
		err := DecodeYAML("s.yaml", []byte(c.data), &settingsLike{})
		if err == nil || !strings.HasPrefix(err.Error(), "s.yaml:") || !strings.ContainsFunc(err.Error(), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: %v, want a Chinese error naming the file", name, err)
			continue
		}
		if c.want != "" && !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %q lacks %q", name, err, c.want)
		}
		var e *Error
		if c.line != 0 && (!errors.As(err, &e) || e.Line != c.line) {
			t.Errorf("%s: %v, want line %d", name, err, c.line)
		}
	}
}
