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
		Use:   "export [--format docx|md|html|txt] [-o 输出文件] 草稿.yaml",
		Short: "导出为 Word（公文格式）、Markdown、HTML 或纯文本",
		Long: "把草稿导出为按 GB/T 9704-2012 排版的 Word 文档（默认），或 Markdown、HTML、纯文本。\n" +
			"章节编号按模板顺序自动生成，空的选填章节不输出。检查发现错误时仍会导出，但会在标准错误输出中提示。\n" +
			"草稿中有身份证号、手机号、当事人姓名、密级标志、稿本标识等公开前须处理的内容时，不导出 Word 和 HTML（公开版），\n" +
			"并列出这些内容（号码只显示遮盖后的形式）；确认不会公开时加 --allow-unpublishable。\n" +
			"输出文件比草稿新（可能导出后在 Word 中改过）时不会覆盖，除非加 --force。",
		Example: `  nianbao export 2024年度报告.yaml
  nianbao export --format md 2024年度报告.yaml
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
	f.StringVarP(&opts.format, "format", "f", "", "导出格式：docx、md、html、txt（默认按 -o 的扩展名，否则 docx）")
	f.StringVarP(&opts.output, "output", "o", "", "输出文件（默认与草稿同名、换成对应扩展名；- 表示标准输出）")
	f.BoolVar(&opts.force, "force", false, "输出文件比草稿新时也覆盖")
	f.StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（默认用草稿记录的模板）")
	f.StringVar(&opts.date, "date", "", "成文日期，覆盖草稿中的日期，例如 2025-03-01")
	f.StringVar(&opts.pageNumbers, "page-numbers", "outside", "Word 页码位置：outside（单页居右、双页居左）或 center（居中）")
	f.BoolVar(&opts.allowUnpublishable, "allow-unpublishable", false, "有个人信息、密级标志、稿本标识等公开前须处理的内容时，仍导出 Word 或 HTML")
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, f := range render.Formats {
			out = append(out, string(f)+"\t"+f.Name())
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.RegisterFlagCompletionFunc("page-numbers", cobra.FixedCompletions([]string{"outside", "center"}, cobra.ShellCompDirectiveNoFileComp))
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
	r, t, err := loadDraft(opts.draft, opts.template)
	if err != nil {
		return err
	}
	ropts := render.Options{PageNumbers: pn, Date: opts.date}
	toStdout := opts.output == "-"
	if toStdout && format == render.FormatDOCX && opts.streams.OutTerminal {
		return inputError(errors.New("docx（Word 文档）是二进制文件，不能输出到终端；请用 -o 指定文件，或重定向到文件"))
	}

	// Refuse a copy for publication that would leak (publishGate); for
	// everything else warn, do not refuse: a drafter may need the file for
	// review even while figures are still missing.
	res := opts.checker(t, r)
	if err := publishGate(opts.streams.Err, t, format, res, opts.allowUnpublishable, opts.draft); err != nil {
		return err
	}
	warnFindings(opts.streams.Err, t, res, opts.draft)

	if toStdout {
		return render.Write(opts.streams.Out, format, t, r, ropts)
	}
	out := opts.output
	if out == "" {
		out = render.DefaultOutput(opts.draft, format)
	}
	if err := render.ExportFile(out, format, t, r, ropts, opts.force); err != nil {
		var ne *render.NewerError
		if errors.As(err, &ne) || errors.Is(err, render.ErrSameFile) {
			return inputError(err)
		}
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("导出失败：%w", err)}
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
	for i, f := range errs {
		if i == maxListedFindings {
			fmt.Fprintf(w, "  ……另有 %d 个\n", len(errs)-maxListedFindings)
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
		fmt.Fprintf(w, "  - %s%s\n", where, strings.TrimSpace(f.Message))
	}
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
