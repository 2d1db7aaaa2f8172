package render

import (
	"context"
	"os/exec"
	"strings"
	"time"

	"nianbao/model"
)

// FontRole is one of the typefaces GB/T 9704 asks for, under the name the
// document gives it.
type FontRole struct {
	Role, Font string // 正文 仿宋_GB2312
}

// DocumentFonts lists the Chinese fonts the .docx names, with what each
// is for, once each.
func DocumentFonts(t *model.Template, opts Options) []FontRole {
	n := opts.Fonts
	if n == "" && t != nil {
		n = t.Fonts
	}
	fs := fontsOf(n)
	var out []FontRole
	seen := map[string]bool{}
	for _, r := range []FontRole{{"正文", fs.Body}, {"标题", fs.Title}, {"一级标题", fs.Heading}, {"二级标题", fs.Kai}, {"页码", fs.Song}} {
		if !seen[r.Font] {
			seen[r.Font] = true
			out = append(out, r)
		}
	}
	return out
}

// FontSubstitute is a font the document names that this machine lacks,
// and the font fontconfig gives instead.
type FontSubstitute struct {
	FontRole
	StandIn string // "" when fontconfig would not say
}

// fontAliases are the other family names an installed copy of a font may
// go by (fontconfig lists a Windows font under its English name too).
var fontAliases = map[string][]string{
	"仿宋_GB2312": {"FangSong_GB2312"},
	"楷体_GB2312": {"KaiTi_GB2312"},
	"方正小标宋简体":   {"FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05"},
	"仿宋":        {"FangSong"},
	"楷体":        {"KaiTi"},
	"黑体":        {"SimHei"},
	"宋体":        {"SimSun", "NSimSun"},
}

// MissingFonts asks fontconfig which of the fonts are not installed and
// what stands in for each. ok is false when there is no fontconfig (on
// Windows, say): then nothing is known and nothing should be said.
func MissingFonts(fonts []FontRole) (missing []FontSubstitute, ok bool) {
	fcList, err := exec.LookPath("fc-list")
	if err != nil {
		return nil, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, fcList, "-f", "%{family}\n").Output()
	if err != nil {
		return nil, false
	}
	installed := parseFamilies(string(out))
	for _, f := range fonts {
		if hasFamily(installed, f.Font) {
			continue
		}
		missing = append(missing, FontSubstitute{FontRole: f, StandIn: standIn(ctx, f.Font)})
	}
	return missing, true
}

// parseFamilies reads fc-list's family lines ("文泉驿正黑,WenQuanYi Zen
// Hei") into a set of lower-cased names.
func parseFamilies(out string) map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		for _, name := range strings.Split(line, ",") {
			if name = strings.TrimSpace(name); name != "" {
				set[strings.ToLower(name)] = true
			}
		}
	}
	return set
}

func hasFamily(installed map[string]bool, font string) bool {
	for _, n := range append([]string{font}, fontAliases[font]...) {
		if installed[strings.ToLower(n)] {
			return true
		}
	}
	return false
}

// standIn is the family fontconfig picks for a missing Chinese font,
// which is what LibreOffice (and so the PDF) uses.
func standIn(ctx context.Context, font string) string {
	fcMatch, err := exec.LookPath("fc-match")
	if err != nil {
		return ""
	}
	out, err := exec.CommandContext(ctx, fcMatch, "-f", "%{family}", font+":lang=zh-cn").Output()
	if err != nil {
		return ""
	}
	first, _, _ := strings.Cut(strings.TrimSpace(string(out)), ",")
	return first
}
