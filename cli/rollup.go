package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"nianbao/model"
	"nianbao/rollup"
)

type rollupOptions struct {
	streams  *Streams
	output   string
	roster   string
	previous string
	template string
	strict   bool
	jobs     int
	paths    []string
}

const rollupLong = `汇总收到的报告（草稿和各种格式的文档，与 check 读取的相同）：
每个单位一行（单位、年度、模板、结论、完整度、错误和警告数、每一个数字），
最后一行为合计。比率的合计由各单位件数之和重新计算，不取平均；
空白、0 和“无此项工作”分开对待。单位按完整度排名。

输出格式由 -o 的扩展名决定：
  .xlsx  工作簿：汇总（冻结表头）、退回修改（原因）、报送情况、同比核对、说明
  .csv   汇总表（UTF-8 BOM，Excel 直接打开）；省略 -o 时写到标准输出
  .html  离线可用的统计页：完整度和数字合计图表、可排序的表格

--roster 单位名单：第一列单位，第二列（可选）截止日期；列出未报送和逾期的单位
（收到时间按文件的修改时间计）。名单可以是 .xlsx（第一个工作表）或 CSV（UTF-8 或
GBK，逗号、制表符或全角逗号分隔）。同一单位有多份报告时会提示，合计只计最后收到的一份。
--previous 去年的汇总（.xlsx 或另存的 CSV）：数字与去年相差 3 倍以上时提示可能录入错误。`

func newRollupCmd(s *Streams) *cobra.Command {
	opts := &rollupOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "rollup [-o 汇总.xlsx|.csv|.html] [--roster 名单.xlsx|.csv] [--previous 去年.xlsx] 路径...",
		Short: "汇总各单位报告：每单位一行、合计、排名、退回原因、未报送名单",
		Long:  rollupLong,
		Example: `  nianbao rollup -o 2024汇总.xlsx 收到的报告/
  nianbao rollup --roster 单位名单.csv -o 统计.html 收到的报告/
  nianbao rollup --previous 2023汇总.xlsx -o 2024汇总.xlsx 收到的报告/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runRollup(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "输出文件（.xlsx、.csv 或 .html）；省略时把 CSV 写到标准输出")
	f.StringVar(&opts.roster, "roster", "", "应报送单位名单（.xlsx 或 CSV：单位[,截止日期]）")
	f.StringVar(&opts.previous, "previous", "", "去年的汇总表（rollup 生成的 .xlsx 或 .csv）")
	f.StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（默认用各报告记录的模板）")
	f.BoolVar(&opts.strict, "strict", false, "有警告也算未通过")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "同时检查的文件数（默认每个处理器核心一个）")
	return cmd
}

func runRollup(opts *rollupOptions) error {
	ext := strings.ToLower(filepath.Ext(opts.output))
	switch {
	case opts.output == "" || ext == ".xlsx" || ext == ".csv" || ext == ".html" || ext == ".htm":
	default:
		return inputError(fmt.Errorf("不支持的输出格式“%s”：请用 .xlsx、.csv 或 .html", ext))
	}
	var roster []rollup.RosterEntry
	var previous *rollup.Previous
	var err error
	if opts.roster != "" {
		if roster, err = rollup.ReadRoster(opts.roster); err != nil {
			return inputError(err)
		}
	}
	if opts.previous != "" {
		if previous, err = rollup.ReadPrevious(opts.previous); err != nil {
			return inputError(err)
		}
	}
	results, _ := checkAll(&checkOptions{streams: opts.streams, template: opts.template, strict: opts.strict,
		jobs: opts.jobs, paths: opts.paths, received: true}, newTemplateCache())
	inputs := make([]rollup.Input, 0, len(results))
	unread := 0
	for _, r := range results {
		in := rollup.Input{File: r.path, Report: r.report, Template: r.tmpl, Result: r.result, Err: r.err, Strict: opts.strict,
			Received: r.received}
		if r.err != nil {
			unread++
			fmt.Fprintln(opts.streams.Err, errorText(r.err))
		}
		inputs = append(inputs, in)
	}
	table := rollup.Build(inputs, roster, previous)
	var buf bytes.Buffer
	switch ext {
	case ".xlsx":
		err = rollup.WriteXLSX(&buf, table)
	case ".html", ".htm":
		err = rollup.WriteHTML(&buf, table)
	default:
		err = rollup.WriteCSV(&buf, table)
	}
	if err != nil {
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("无法生成汇总：%v", err)}
	}
	if opts.output == "" {
		if _, err := opts.streams.Out.Write(buf.Bytes()); err != nil {
			return err
		}
	} else if err := model.WriteFileAtomic(opts.output, buf.Bytes()); err != nil {
		return inputError(&model.Error{File: opts.output, Msg: "无法写入：" + model.OSReason(err)})
	} else {
		fmt.Fprintf(opts.streams.Err, "已生成汇总 %s：%s\n", opts.output, rowsSaid(table))
	}
	if table.Roster && len(table.Missing) > 0 {
		names := make([]string, len(table.Missing))
		for i, m := range table.Missing {
			names[i] = m.Unit
		}
		fmt.Fprintf(opts.streams.Err, "未报送 %d 个单位：%s\n", len(names), strings.Join(names, "、"))
	}
	// Said here too: a .csv has no sheet for the roster, so this is where
	// its reader learns who was late and who is not on the list.
	if late := table.LateRows(); len(late) > 0 {
		var names []string
		for _, r := range late {
			names = append(names, r.Unit)
		}
		names = distinct(names)
		fmt.Fprintf(opts.streams.Err, "逾期报送 %d 个单位：%s\n", len(names), strings.Join(names, "、"))
	}
	if len(table.Extra) > 0 {
		fmt.Fprintf(opts.streams.Err, "不在名单中 %d 个单位：%s（请核对单位名称或名单）\n", len(table.Extra), strings.Join(table.Extra, "、"))
	}
	if len(table.Duplicates) > 0 {
		fmt.Fprintf(opts.streams.Err, "注意：以下单位报送了多份报告，%s：%s\n", rollup.OnlyLastCounted, strings.Join(table.Duplicates, "、"))
	}
	if unread > 0 {
		return silentExit(ExitInput)
	}
	return nil
}

// distinct keeps the first of each name, in order: a unit that sent two
// files is named once.
func distinct(names []string) []string {
	seen := map[string]bool{}
	out := names[:0:0]
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// rowsSaid counts the roll-up's rows as the office reads them: a report
// per row, from fewer units when some sent more than one file.
func rowsSaid(t *rollup.Table) string {
	if units := t.Units(); units != len(t.Rows) {
		return fmt.Sprintf("%d 份报告，来自 %d 个单位", len(t.Rows), units)
	}
	return fmt.Sprintf("%d 个单位", len(t.Rows))
}
