package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"nianbao/check"
	"nianbao/model"
	"nianbao/render"
)

type exportOptions struct {
	streams     *Streams
	draft       string
	format      string
	output      string
	force       bool
	template    string
	date        string
	pageNumbers string
	withContact bool
	fonts       string
	// allowUnpublishable exports a copy for publication even while
	// publish findings remain.
	allowUnpublishable bool
	// checker is the check engine; a field so tests can make it report
	// errors without writing a faulty draft for every rule.
	checker func(*model.Template, *model.Report) check.Result
}

func newExportCmd(s *Streams) *cobra.Command {
	opts := &exportOptions{streams: s, checker: check.Report}
	cmd := &cobra.Command{
		Use:   "export [--format docx|md|html|txt|pdf] [-o 输出文件] 草稿.yaml",
		Short: "导出为 Word（公文格式）、PDF、Markdown、HTML 或纯文本",
		Long: "把草稿导出为按 GB/T 9704-2012 排版的 Word 文档（默认），或 PDF（由 LibreOffice 转换 Word 文档）、Markdown、HTML、纯文本。\n" +
			"联系人只在加 --with-contact 时印在成文日期下（报送用）；公开发布的文本不带联系人。\n" +
			"章节编号按模板顺序自动生成，空的选填章节不输出。检查发现错误时仍会导出，但会在标准错误输出中提示。\n" +
			"草稿中有身份证号、手机号、当事人姓名、密级标志、稿本标识等公开前须处理的内容时，不导出 Word、PDF 和 HTML（公开版），\n" +
			"并列出这些内容（号码只显示遮盖后的形式）；确认不会公开时加 --allow-unpublishable。\n" +
			"输出文件不是 nianbao 导出的、或导出后被修改过（可能在 Word 中改过）时不会覆盖，除非加 --force（先备份为 .bak）。",
		Example: `  nianbao export 2024年度报告.yaml
  nianbao export --format md 2024年度报告.yaml
  nianbao export --format pdf 2024年度报告.yaml
  nianbao export --with-contact -o 报送稿.docx 2024年度报告.yaml
  nianbao export -o 报告.html 2024年度报告.yaml
  nianbao export --format txt -o - 2024年度报告.yaml`,
		Args:                  cobra.ExactArgs(1),
		DisableFlagsInUseLine: true, // the usage line already shows the flags
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.draft = args[0]
			return runExport(opts)
		},
	}
	f := cmd.Flags()
	f.BoolP("help", "h", false, "显示帮助")
	f.StringVarP(&opts.format, "format", "f", "", "导出格式：docx、md、html、txt、pdf（默认按 -o 的扩展名，否则 docx）")
	f.StringVarP(&opts.output, "output", "o", "", "输出文件（默认与草稿同名、换成对应扩展名；- 表示标准输出）")
	f.BoolVar(&opts.force, "force", false, "输出文件不是 nianbao 导出的或被修改过时也覆盖（先备份）")
	f.StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（默认用草稿记录的模板）")
	f.StringVar(&opts.date, "date", "", "成文日期，覆盖草稿中的日期，例如 2025-03-01")
	f.StringVar(&opts.pageNumbers, "page-numbers", "outside", "Word 页码位置：outside（单页居右、双页居左）或 center（居中）")
	f.BoolVar(&opts.withContact, "with-contact", false, "在成文日期下印联系人（报送稿用；公开发布的文本不要加）")
	f.StringVar(&opts.fonts, "fonts", "", "Word 字体名称：gb2312（仿宋_GB2312 等）或 windows（仿宋、楷体、黑体、宋体）；默认按设置文件的 fonts，再按模板")
	f.BoolVar(&opts.allowUnpublishable, "allow-unpublishable", false, "有个人信息、密级标志、稿本标识等公开前须处理的内容时，仍导出 Word 或 HTML")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, f := range render.Formats {
			out = append(out, string(f)+"\t"+f.Name())
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("page-numbers", cobra.FixedCompletions([]string{"outside", "center"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fonts", cobra.FixedCompletions([]string{"gb2312", "windows"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runExport(opts *exportOptions) error {
	format, err := exportFormat(opts.format, opts.output)
	if err != nil {
		return inputError(err)
	}
	if ext, err := render.FormatFromPath(opts.output); opts.format != "" && opts.output != "-" && err == nil && ext != format {
		fmt.Fprintf(opts.streams.Err, "提示：按 --format 导出为%s，但输出文件扩展名是 %s\n", format.Name(), ext.Ext())
	}
	pn, err := render.ParsePageNumbers(opts.pageNumbers)
	if err != nil {
		return inputError(err)
	}
	fonts, ok := model.ParseFontNames(opts.fonts)
	if !ok {
		return inputError(fmt.Errorf("字体名称“%s”无效，应为 gb2312（仿宋_GB2312 等）或 windows（仿宋、楷体、黑体、宋体）", opts.fonts))
	}
	if fonts == "" {
		fonts = fontsFromSettings(func(m string) { fmt.Fprintln(opts.streams.Err, m) })
	}
	r, t, err := loadDraft(opts.draft, opts.template)
	if err != nil {
		return err
	}
	ropts := render.Options{PageNumbers: pn, Date: opts.date, WithContact: opts.withContact, Fonts: fonts}
	toStdout := opts.output == "-"
	paged := format == render.FormatDOCX || format == render.FormatPDF
	if toStdout && paged && opts.streams.OutTerminal {
		return inputError(fmt.Errorf("%s是二进制文件，不能输出到终端；请用 -o 指定文件，或重定向到文件", format.Name()))
	}
	if format == render.FormatPDF {
		// Say it before the checks and the seconds of converting.
		if _, err := ropts.LibreOffice.Find(); err != nil {
			return inputError(err)
		}
	}
	if opts.withContact && !paged {
		fmt.Fprintf(opts.streams.Err, "提示：--with-contact 只对 Word 和 PDF 印出联系人；%s中不印，只在附带的草稿数据里保留\n", format.Name())
	}
	if opts.withContact && strings.TrimSpace(r.Contact) == "" {
		fmt.Fprintln(opts.streams.Err, "提示：草稿没有填写联系人（contact），--with-contact 没有可印的内容")
	}

	// Refuse a copy for publication that would leak (publishGate); for
	// everything else warn, do not refuse: a drafter may need the file for
	// review even while figures are still missing.
	res := opts.checker(t, r)
	if err := publishGate(opts.streams.Err, t, format, res, opts.allowUnpublishable, opts.draft); err != nil {
		return err
	}
	warnFindings(opts.streams.Err, t, res, opts.draft)
	if paged {
		warnMissingFonts(opts.streams.Err, render.DocumentFonts(t, ropts), format)
	}

	if toStdout {
		return render.Write(opts.streams.Out, format, t, r, ropts)
	}
	out := opts.output
	if out == "" {
		out = render.DefaultOutput(opts.draft, format)
	}
	bak, err := render.ExportFile(out, format, t, r, ropts, opts.force)
	if err != nil {
		var oe *render.OverwriteError
		if errors.As(err, &oe) || errors.Is(err, render.ErrSameFile) || errors.Is(err, render.ErrNoLibreOffice) {
			return inputError(err)
		}
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("导出失败：%w", err)}
	}
	if bak != "" {
		fmt.Fprintf(opts.streams.Err, "原有的 %s 已备份为 %s\n", out, bak)
	}
	fmt.Fprintf(opts.streams.Err, "已导出：%s（%s）\n", out, format.Name())
	return nil
}

// exportFormat decides the format: --format wins, then the extension of
// -o, then docx (the file that gets printed and sent up).
func exportFormat(flag, output string) (render.Format, error) {
	if flag != "" {
		return render.ParseFormat(flag)
	}
	if output != "" && output != "-" {
		return render.FormatFromPath(output)
	}
	if output == "-" {
		return render.FormatText, nil
	}
	return render.FormatDOCX, nil
}

// warnMissingFonts names each font the document asks for that this machine
// lacks, and the font used instead: on this machine the PDF, and the Word
// file opened in WPS or LibreOffice, are set in the stand-in.
func warnMissingFonts(w io.Writer, fonts []render.FontRole, format render.Format) {
	missing, ok := render.MissingFonts(fonts)
	if !ok || len(missing) == 0 {
		return
	}
	where := "在本机用 WPS 或 LibreOffice 打开时"
	if format == render.FormatPDF {
		where = "PDF 中"
	}
	gb2312 := false
	standIns := map[string]bool{}
	for _, m := range missing {
		standIn := "其他字体"
		if m.StandIn != "" {
			standIn = "“" + m.StandIn + "”"
		}
		standIns[m.StandIn] = true
		gb2312 = gb2312 || strings.Contains(m.Font, "GB2312") || strings.HasPrefix(m.Font, "方正")
		fmt.Fprintf(w, "提示：本机没有安装字体“%s”（%s），%s将以%s代替\n", m.Font, m.Role, where, standIn)
	}
	if len(missing) > 1 && len(standIns) == 1 {
		fmt.Fprintln(w, "  这些字体都以同一种字体代替，正文和各级标题将看不出区别")
	}
	if gb2312 {
		fmt.Fprintln(w, "  可安装上述字体；或用 --fonts windows 改用 Windows 自带的仿宋、楷体、黑体、宋体")
	} else {
		fmt.Fprintln(w, "  可安装上述字体（Windows 10/11 自带）")
	}
}

// maxListedFindings keeps the warning short; `nianbao check` lists all.
const maxListedFindings = 5

// warnFindings prints a short summary of error-level findings to stderr.
func warnFindings(w io.Writer, t *model.Template, res check.Result, draft string) {
	var errs []check.Finding
	for _, f := range res.Findings {
		if f.Severity == check.Error && !check.IsPublishRule(f.Rule) { // publishGate listed those
			errs = append(errs, f)
		}
	}
	if len(errs) == 0 {
		return
	}
	fmt.Fprintf(w, "警告：检查发现 %d 个错误，仍照常导出，请在报送前修改：\n", len(errs))
	listFindings(w, t, errs, "个", false)
	fmt.Fprintf(w, "运行 nianbao check %s 查看全部问题。\n", quoteArg(draft))
}

// quoteArg quotes a path for the shell when it has spaces, so the suggested
// command can be pasted.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t'\"") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// listFindings prints findings for export's messages, one a line with the
// section's title, at most maxListedFindings of them; measure is the
// counting word of the "另有 N …" line, and severity adds 错误/警告.
func listFindings(w io.Writer, t *model.Template, fs []check.Finding, measure string, severity bool) {
	for i, f := range fs {
		if i == maxListedFindings {
			fmt.Fprintf(w, "  ……另有 %d %s\n", len(fs)-maxListedFindings, measure)
			break
		}
		where := ""
		if f.Section != "" {
			name := f.Section
			if s := t.Section(f.Section); s != nil {
				name = s.Title
			}
			where = "［" + name + "］"
		}
		label := ""
		if severity {
			label = f.Severity.Label() + "："
		}
		fmt.Fprintf(w, "  - %s%s%s\n", where, label, strings.TrimSpace(f.Message))
	}
}
