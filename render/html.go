package render

import (
	"bufio"
	"html"
	"io"
	"strings"

	"nianbao/exportdata"
	"nianbao/model"
)

// HTML writes a standalone page whose print stylesheet follows the docx:
// A4, the same margins, the same fonts with the usual fallbacks on
// Windows, macOS and Linux, 16 pt text on a 28.95 pt line and
// two-character indents. Browsers that support page-margin boxes also
// print "— 1 —" page numbers.
func HTML(w io.Writer, t *model.Template, r *model.Report, opts Options) error {
	d := layout(t, r, opts)
	data, err := payload(t, d, r, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	e := html.EscapeString
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	bw.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	bw.WriteString(exportdata.HTMLGenerator + "\n")
	bw.WriteString(exportdata.HTMLBlock(data))
	bw.WriteString("<title>" + e(d.Title) + "</title>\n<style>\n" + htmlCSS(opts) + "</style>\n</head>\n<body>\n<article>\n")
	if d.Title != "" {
		lines := make([]string, len(d.TitleLines))
		for i, l := range d.TitleLines {
			lines[i] = e(l)
		}
		bw.WriteString("<h1>" + strings.Join(lines, "<br>") + "</h1>\n")
	}
	for _, bl := range d.Blocks {
		switch {
		case bl.RunIn:
			bw.WriteString("<p><span class=\"h" + itoa(min(bl.Level, 4)) + "\">" + e(bl.Number+bl.Heading) + "</span>" + e(bl.Text) + "</p>\n")
		case bl.IsHeading():
			tag := "h" + itoa(min(bl.Level+1, 5))
			bw.WriteString("<" + tag + ">" + e(bl.Number+bl.Heading) + "</" + tag + ">\n")
		default:
			bw.WriteString("<p>" + e(bl.Text) + "</p>\n")
		}
	}
	if d.Unit != "" || d.Date != "" {
		bw.WriteString("<footer class=\"signature\">\n")
		if d.Unit != "" {
			bw.WriteString("<p>" + e(d.Unit) + "</p>\n")
		}
		if d.Date != "" {
			bw.WriteString("<p><time>" + e(d.Date) + "</time></p>\n")
		}
		bw.WriteString("</footer>\n")
	}
	bw.WriteString("</article>\n</body>\n</html>\n")
	return bw.Flush()
}

// Font stacks: the font offices use first, then the Windows, macOS and
// Linux (Noto/Fandol) equivalents.
const (
	cssFangSong = `"仿宋_GB2312", "仿宋", FangSong, STFangsong, "FandolFang", "Noto Serif CJK SC", "Source Han Serif SC", serif`
	cssTitle    = `"方正小标宋简体", "方正小标宋_GBK", "宋体", SimSun, "Songti SC", STSong, "Noto Serif CJK SC", "Source Han Serif SC", serif`
	cssHei      = `"黑体", SimHei, "Heiti SC", STHeiti, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`
	cssKai      = `"楷体_GB2312", "楷体", KaiTi, STKaiti, "FandolKai", "AR PL UKai CN", "Noto Serif CJK SC", serif`
	cssSong     = `"宋体", SimSun, "Songti SC", STSong, "Noto Serif CJK SC", serif`
)

func htmlCSS(opts Options) string {
	pages := `@page { @bottom-center { content: "— " counter(page) " —"; font: 14pt ` + cssSong + `; } }
`
	if opts.PageNumbers == PageNumbersOutside {
		pages = `@page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt ` + cssSong + `; margin-right: 1em; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt ` + cssSong + `; margin-left: 1em; } }
`
	}
	return `@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
` + pages + `html { background: #f4f4f4; }
body { margin: 0; font-family: ` + cssFangSong + `; font-size: 16pt; line-height: 28.95pt; color: #000; }
article { box-sizing: content-box; width: 156mm; margin: 2em auto; padding: 37mm 26mm 35mm 28mm; background: #fff; }
h1, h2, h3, h4, h5, p { margin: 0; font-size: 16pt; font-weight: normal; line-height: 28.95pt; }
h1 { font-family: ` + cssTitle + `; font-size: 22pt; line-height: 35pt; text-align: center; margin-bottom: 28.95pt; }
h2, .h1 { font-family: ` + cssHei + `; }
h3, .h2 { font-family: ` + cssKai + `; }
h2, h3, h4, h5, p { text-indent: 2em; text-align: justify; }
h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
.signature { margin-top: 28.95pt; }
.signature p { text-indent: 0; text-align: right; padding-right: 2em; }
@media print {
  html, body { background: none; }
  article { width: auto; margin: 0; padding: 0; }
}
`
}
