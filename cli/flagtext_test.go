package cli

import (
	"strings"
	"testing"
)

// Every command's help and every flag error read in Chinese: a drafter who
// mistypes an option is told so in the language of the rest.
func TestFlagTextsAreChinese(t *testing.T) {
	for _, c := range []string{"new", "check", "edit", "import", "export", "rollup", "review", "template", "migrate"} {
		_, out, _ := run(t, c, "--help")
		if strings.Contains(out, "help for") || !strings.Contains(out, "显示帮助") {
			t.Errorf("%s --help:\n%s", c, out)
		}
	}
	for args, want := range map[string]string{
		"check --nosuch":   "未知的选项 --nosuch",
		"check -z":         "未知的短选项 -z",
		"export --format":  "选项 --format 缺少取值",
		"check --jobs x .": "选项 -j, --jobs 的取值“x”无效",
	} {
		code, _, errOut := run(t, strings.Fields(args)...)
		if code != ExitInput || !strings.Contains(errOut, want) || strings.Contains(errOut, "unknown") || strings.Contains(errOut, "invalid") {
			t.Errorf("%s: exit %d, %s", args, code, errOut)
		}
	}
}
