package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"nianbao/followup"
	"nianbao/ingest"
	"nianbao/model"
)

type newOptions struct {
	streams  *Streams
	unit     string
	year     int
	template string
	output   string
	force    bool
	from     string
	previous string
	now      func() time.Time
}

func newNewCmd(s *Streams) *cobra.Command {
	opts := &newOptions{streams: s, now: time.Now}
	cmd := &cobra.Command{
		Use:   "new --unit 单位 --year 年度 -o 草稿.yaml",
		Short: "不打开编辑器，直接生成一份新草稿（供脚本使用）",
		Example: `  nianbao new --unit 绩溪县 --year 2024 -o 绩溪县2024.yaml
  nianbao new --template department --unit 县司法局 --year 2024 -o 司法局.yaml
  nianbao new --from 绩溪县2023.yaml -o 绩溪县2024.yaml
  nianbao new --from 2023年度报告.docx --unit 绩溪县 -o 绩溪县2024.yaml
  nianbao new --previous 绩溪县2023.docx --unit 绩溪县 --year 2024 -o 绩溪县2024.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNew(opts)
		},
	}
	cmd.Flags().StringVar(&opts.unit, "unit", "", "报告单位，例如 绩溪县")
	cmd.Flags().IntVar(&opts.year, "year", 0, "报告年度（默认为上一年，10 月起为当年；用 --from 时为去年报告的下一年）")
	cmd.Flags().StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（默认 standard）")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "输出文件；为 - 或省略时写到标准输出")
	cmd.Flags().BoolVar(&opts.force, "force", false, "输出文件已存在时覆盖")
	cmd.Flags().StringVar(&opts.from, "from", "", "以去年的报告为底稿（草稿 .yaml，或 .docx、.txt、.md 文档）：沿用结构和文字，年度加一，去年的数字作为参考提示，去年的工作安排作为今年举措的参考")
	cmd.Flags().StringVar(&opts.previous, "previous", "", previousHelp)
	return cmd
}

// finishNew attaches last year's report when --previous is given, then
// writes the draft.
func finishNew(opts *newOptions, r *model.Report, t *model.Template) error {
	if opts.previous != "" {
		p, err := loadPrevious(opts.previous, opts.template)
		if err != nil {
			return err
		}
		p.File = recordedPath(opts.previous, opts.output)
		followup.AttachTo(r, t, p)
	}
	return writeDraft(opts.streams, r, opts.output, opts.force)
}

func runNew(opts *newOptions) error {
	if opts.from != "" {
		return runNewFrom(opts)
	}
	// Through the cache's lookup, which remembers the version, so that
	// next year's migration of this draft knows it.
	t, err := newTemplateCache().lookup(opts.template)
	if err != nil {
		return inputError(err)
	}
	r := model.NewReport(t)
	r.Unit = opts.unit
	r.Year = opts.year
	if r.Year == 0 {
		r.Year = model.DefaultYear(opts.now())
	}
	if r.Year < 1949 || r.Year > 2200 {
		return inputError(fmt.Errorf("年度“%s”无效，应当是四位年份", strconv.Itoa(opts.year)))
	}
	return finishNew(opts, r, t)
}

// writeDraft saves a new draft to path, or prints it when path is "" or "-".
// It refuses to replace an existing file unless force is set.
func writeDraft(s *Streams, r *model.Report, path string, force bool) error {
	if path == "" || path == "-" {
		data, err := r.Marshal()
		if err != nil {
			return err
		}
		_, err = s.Out.Write(data)
		return err
	}
	if _, err := os.Stat(path); err == nil && !force {
		return inputError(fmt.Errorf("%s 已存在；如要覆盖请加 --force", path))
	}
	if err := r.Save(path); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "已生成草稿 %s\n", path)
	return nil
}

// runNewFrom starts this year's draft from last year's report.
func runNewFrom(opts *newOptions) error {
	var (
		last *model.Report
		t    *model.Template
		err  error
	)
	if ingest.IsDocument(opts.from) {
		doc, err := ingest.ReadFile(opts.from)
		if err != nil {
			return inputError(err)
		}
		var res *ingest.Result
		res, t, err = importDocument(doc, opts.template, newTemplateCache())
		if err != nil {
			return err
		}
		last = res.Report
	} else {
		last, t, err = loadDraft(opts.from, opts.template)
		if err != nil {
			return err
		}
	}
	r := ingest.CarryOver(last, t)
	if opts.unit != "" && opts.unit != r.Unit {
		if r.Title != "" && last.Unit != "" {
			r.Title = strings.ReplaceAll(r.Title, last.Unit, opts.unit)
		}
		r.Unit = opts.unit
		if r.Title == t.Title(r.Unit, r.Year) {
			r.Title = ""
		}
	}
	if opts.year != 0 {
		if opts.year < 1949 || opts.year > 2200 {
			return inputError(fmt.Errorf("年度“%s”无效，应当是四位年份", strconv.Itoa(opts.year)))
		}
		if r.Title != "" && r.Year != 0 {
			r.Title = strings.ReplaceAll(r.Title, strconv.Itoa(r.Year), strconv.Itoa(opts.year))
		}
		r.Year = opts.year
	}
	if r.Year == 0 {
		r.Year = model.DefaultYear(opts.now())
	}
	return finishNew(opts, r, t)
}
