package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"nianbao/migrate"
	"nianbao/model"
	"nianbao/templates"
)

type migrateOptions struct {
	streams  *Streams
	draft    string
	template string
	previous string
	output   string
	force    bool
}

func newMigrateCmd(s *Streams) *cobra.Command {
	opts := &migrateOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "migrate --template 新模板 草稿.yaml",
		Short: "把草稿迁移到新版模板（已删除章节的内容保留在“已移除章节”中）",
		Long: "把按旧版模板起草的草稿改为使用新版模板：仍然存在的章节（先按 id，再按标题对应）内容原样保留，\n" +
			"数字按 id 保留；新模板中已没有的章节和数字，其内容写入草稿的“已移除章节”部分，不会丢失。\n\n" +
			"不加 -o 时直接改写草稿，并把原文件备份为“草稿.yaml.bak”（已有备份时依次编号）。",
		Example: `  nianbao migrate --template 模板/county2025.yaml 绩溪县2024.yaml
  nianbao migrate --template county2025 -o 新草稿.yaml 旧草稿.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.draft = args[0]
			return runMigrate(opts)
		},
	}
	cmd.Flags().StringVar(&opts.template, "template", "", "新模板：id 或文件（必填）")
	cmd.Flags().StringVar(&opts.previous, "previous", "", "草稿原用的模板（id 或文件），用于按标题对应改了 id 的章节")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "写到另一个文件（默认改写草稿本身并留备份）")
	cmd.Flags().BoolVar(&opts.force, "force", false, "输出文件已存在时覆盖")
	return cmd
}

func runMigrate(opts *migrateOptions) error {
	if opts.template == "" {
		return inputError(fmt.Errorf("请用 --template 指定新模板"))
	}
	if opts.output != "" {
		if _, err := os.Stat(opts.output); err == nil && !opts.force {
			return inputError(fmt.Errorf("%s 已存在；如要覆盖请加 --force", opts.output))
		}
	}
	r, err := model.LoadReport(opts.draft)
	if err != nil {
		return inputError(err)
	}
	dirs := settingsTemplateDirs()
	nt, err := templates.Lookup(opts.template, dirs...)
	if err != nil {
		return inputError(err)
	}
	old, err := previousTemplate(r, opts.previous, dirs)
	if err != nil {
		return inputError(err)
	}
	errOut := opts.streams.Err
	if !migrate.Needed(r, nt) && r.Validate(nt) == nil {
		fmt.Fprintf(errOut, "草稿已经使用模板“%s”第 %d 版，无需迁移\n", nt.ID, nt.Version)
		return nil
	}
	if old == nil {
		fmt.Fprintf(errOut, "提示：找不到草稿原用的模板“%s”第 %d 版，章节只按 id 对应（可用 --previous 指定旧模板）\n",
			r.Template.ID, r.Template.Version)
	}
	res := migrate.Draft(r, old, nt)
	out := opts.output
	if out == "" {
		out = opts.draft
		bak, err := model.BackupFile(opts.draft)
		if err != nil {
			return err
		}
		fmt.Fprintf(errOut, "原草稿已备份为 %s\n", bak)
	}
	if err := r.Save(out); err != nil {
		return err
	}
	printMigration(errOut, res, old, out)
	return nil
}

// previousTemplate finds the template the draft was written against: the
// one named with --previous, or that id at the version the draft records
// (see templates.Version: the current file, a remembered copy, or an older
// file in the template directories).
func previousTemplate(r *model.Report, ref string, dirs []string) (*model.Template, error) {
	if ref != "" {
		return templates.Lookup(ref, dirs...)
	}
	return templates.Version(r.Template.ID, r.Template.Version, dirs...), nil
}

func printMigration(w io.Writer, res migrate.Result, old *model.Template, out string) {
	fmt.Fprintf(w, "已迁移到模板“%s”第 %d 版（原为“%s”第 %d 版），写入 %s\n", res.ToID, res.ToVer, res.FromID, res.FromVer, out)
	fmt.Fprintf(w, "  保留章节 %d 个", len(res.Kept))
	if len(res.Renamed) > 0 {
		var pairs []string
		for _, p := range res.Renamed {
			pairs = append(pairs, p[0]+"→"+p[1])
		}
		fmt.Fprintf(w, "；按标题对应 %d 个（%s）", len(res.Renamed), strings.Join(pairs, "、"))
	}
	if len(res.Moved) > 0 {
		var pairs []string
		for _, p := range res.Moved {
			pairs = append(pairs, p[0]+"→"+p[1])
		}
		fmt.Fprintf(w, "；章节 id 已改、按旧 id 对应 %d 个（%s）", len(res.Moved), strings.Join(pairs, "、"))
	}
	fmt.Fprintln(w)
	if len(res.NewEmpty) > 0 {
		fmt.Fprintf(w, "  新模板新增章节 %d 个，待填写：%s\n", len(res.NewEmpty), strings.Join(res.NewEmpty, "、"))
	}
	if len(res.Removed)+len(res.Figures) > 0 {
		var names []string
		for _, id := range res.Removed {
			if old != nil && old.Section(id) != nil {
				id = old.Section(id).Title
			}
			names = append(names, "“"+id+"”")
		}
		fmt.Fprintf(w, "  新模板已没有的章节 %d 个、数字 %d 个，内容保留在草稿的“已移除章节”中", len(res.Removed), len(res.Figures))
		if len(names) > 0 {
			fmt.Fprintf(w, "：%s", strings.Join(names, "、"))
		}
		fmt.Fprintln(w)
	}
}
