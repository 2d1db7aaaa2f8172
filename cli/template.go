package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"nianbao/lint"
	"nianbao/migrate"
	"nianbao/model"
	"nianbao/templates"
)

func newTemplateCmd(s *Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template",
		Short: "查看和管理报告模板",
		Long: "模板规定报告的章节、必填项、数字及其关系和填写说明。协调办公室可以修改模板后分发给各单位。\n\n" +
			"在设置文件（$NIANBAO_CONFIG，或用户配置目录下的 nianbao/settings.yaml）中写\n" +
			"  template_dirs: [模板目录]\n" +
			"后，草稿可以直接用模板 id 引用这些目录中的模板文件（文件名为“id.yaml”）。",
	}
	cmd.AddCommand(newTemplateInstallCmd(s), newTemplateListCmd(s), newTemplateShowCmd(s), newTemplateNewCmd(s),
		newTemplateEditCmd(s), newTemplateLintCmd(s), newTemplateDiffCmd(s))
	return cmd
}

func newTemplateListCmd(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "列出内置模板和模板目录中的模板",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dirs := templateDirsFromSettings(func(m string) { fmt.Fprintln(s.Err, m) })
			return runTemplateList(s, append(dirs, installedTemplateDirs()...))
		},
	}
}

func runTemplateList(s *Streams, dirs []string) error {
	rows := [][]string{{"ID", "版本", "章节", "数字", "名称", "来源"}}
	row := func(t *model.Template, src string) []string {
		return []string{t.ID, fmt.Sprint(t.Version), fmt.Sprint(len(t.Flatten())), fmt.Sprint(len(t.Figures())), t.Name, src}
	}
	for _, id := range templates.IDs() {
		t, err := templates.Embedded(id)
		if err != nil {
			return err
		}
		rows = append(rows, row(t, "内置"))
	}
	for _, dir := range dirs {
		var files []string
		for _, pat := range []string{"*.yaml", "*.yml"} {
			m, _ := filepath.Glob(filepath.Join(dir, pat))
			files = append(files, m...)
		}
		sort.Strings(files)
		for _, p := range files {
			t, err := model.LoadTemplate(p)
			if err != nil {
				fmt.Fprintf(s.Err, "跳过 %s：不是有效的模板（用 nianbao template lint 查看原因）\n", p)
				continue
			}
			rows = append(rows, row(t, p))
		}
	}
	return writeTable(s.Out, rows)
}

type templateShowOptions struct {
	streams *Streams
	ref     string
}

func newTemplateShowCmd(s *Streams) *cobra.Command {
	opts := &templateShowOptions{streams: s}
	return &cobra.Command{
		Use:     "show ID|文件",
		Short:   "输出模板的 YAML（可保存后修改）",
		Example: "  nianbao template show standard > 我的模板.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ref = args[0]
			return runTemplateShow(opts)
		},
	}
}

func runTemplateShow(opts *templateShowOptions) error {
	if raw, ok := templates.Raw(opts.ref); ok {
		_, err := opts.streams.Out.Write(raw)
		return err
	}
	t, err := templates.Lookup(opts.ref, settingsTemplateDirs()...)
	if err != nil {
		return inputError(err)
	}
	data, err := t.Marshal()
	if err != nil {
		return err
	}
	_, err = opts.streams.Out.Write(data)
	return err
}

type templateNewOptions struct {
	streams *Streams
	from    string
	id      string
	name    string
	output  string
	force   bool
}

func newTemplateNewCmd(s *Streams) *cobra.Command {
	opts := &templateNewOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "new -o 模板.yaml [--from standard] [--id 新id]",
		Short: "以已有模板为底稿新建模板文件（新 id，版本 1）",
		Example: `  nianbao template new --from standard --id county2025 -o 模板/county2025.yaml
  nianbao template new --from department -o 部门模板.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return runTemplateNew(opts) },
	}
	cmd.Flags().StringVar(&opts.from, "from", templates.Default, "底稿：模板 id 或模板文件")
	cmd.Flags().StringVar(&opts.id, "id", "", "新模板的 id（默认取输出文件名）")
	cmd.Flags().StringVar(&opts.name, "name", "", "新模板的名称")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "输出文件（必填）")
	cmd.Flags().BoolVar(&opts.force, "force", false, "输出文件已存在时覆盖")
	return cmd
}

func runTemplateNew(opts *templateNewOptions) error {
	if opts.output == "" {
		return inputError(fmt.Errorf("请用 -o 指定新模板文件"))
	}
	if _, err := os.Stat(opts.output); err == nil && !opts.force {
		return inputError(fmt.Errorf("%s 已存在；如要覆盖请加 --force", opts.output))
	}
	t, err := newTemplateFrom(opts.from, opts.id, opts.output)
	if err != nil {
		return err
	}
	if opts.name != "" {
		t.Name = opts.name
	}
	if err := t.Save(opts.output); err != nil {
		return err
	}
	fmt.Fprintf(opts.streams.Err, "已生成模板 %s（id %s，版本 %d）\n", opts.output, t.ID, t.Version)
	return nil
}

// newTemplateFrom copies template from under a new id (default: the output
// file's name) at version 1. A copy keeping the id of an embedded template
// would be shadowed by it whenever a draft names it.
func newTemplateFrom(from, id, output string) (*model.Template, error) {
	base, err := templates.Lookup(from, settingsTemplateDirs()...)
	if err != nil {
		return nil, inputError(err)
	}
	if id == "" {
		id = strings.TrimSuffix(filepath.Base(output), filepath.Ext(output))
	}
	if _, embedded := templates.Raw(id); embedded {
		return nil, inputError(fmt.Errorf("id“%s”与内置模板相同；请用 --id 另取一个", id))
	}
	t := base.Clone()
	t.ID, t.Version = id, 1
	return t, nil
}

type templateLintOptions struct {
	streams  *Streams
	files    []string
	previous string
}

func newTemplateLintCmd(s *Streams) *cobra.Command {
	opts := &templateLintOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "lint 模板.yaml...",
		Short: "检查模板：重复 id、引用不存在的数字、比率关系、版本号等",
		Long: "检查模板文件中的问题，按“文件:行:列: 级别：说明”输出。\n" +
			"有错误时退出码为 1，文件无法读取时为 2。用 --previous 指定上一版模板，可检查增删章节后是否提高了版本号。",
		Example: "  nianbao template lint 模板/county2025.yaml --previous 旧模板.yaml",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return runTemplateLint(opts)
		},
	}
	cmd.Flags().StringVar(&opts.previous, "previous", "", "上一版模板（id 或文件），用于检查版本号")
	return cmd
}

func runTemplateLint(opts *templateLintOptions) error {
	var lo lint.Options
	if opts.previous != "" {
		prev, err := templates.Lookup(opts.previous, settingsTemplateDirs()...)
		if err != nil {
			return inputError(err)
		}
		lo.Previous = prev
	}
	code, errs, warns := ExitOK, 0, 0
	for _, f := range opts.files {
		fs, err := lint.File(f, lo)
		if err != nil {
			fmt.Fprintln(opts.streams.Err, err)
			code = ExitInput
			continue
		}
		for _, x := range fs {
			fmt.Fprintln(opts.streams.Out, x)
		}
		e, w := lint.Counts(fs)
		errs, warns = errs+e, warns+w
	}
	if errs > 0 && code == ExitOK {
		code = ExitFindings
	}
	switch {
	case errs == 0 && warns == 0 && code == ExitOK:
		fmt.Fprintln(opts.streams.Err, "模板没有问题")
	case errs+warns > 0:
		fmt.Fprintf(opts.streams.Err, "共 %d 个错误，%d 个警告\n", errs, warns)
	}
	if code != ExitOK {
		return silentExit(code)
	}
	return nil
}

type templateDiffOptions struct {
	streams  *Streams
	old, new string
}

func newTemplateDiffCmd(s *Streams) *cobra.Command {
	opts := &templateDiffOptions{streams: s}
	return &cobra.Command{
		Use:     "diff 旧模板 新模板",
		Short:   "用文字列出两版模板的区别（新增、删除、修改的章节和数字）",
		Example: "  nianbao template diff standard 模板/county2025.yaml",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.old, opts.new = args[0], args[1]
			return runTemplateDiff(opts)
		},
	}
}

func runTemplateDiff(opts *templateDiffOptions) error {
	dirs := settingsTemplateDirs()
	old, err := templates.Lookup(opts.old, dirs...)
	if err != nil {
		return inputError(err)
	}
	nt, err := templates.Lookup(opts.new, dirs...)
	if err != nil {
		return inputError(err)
	}
	changes := migrate.Diff(old, nt)
	if len(changes) == 0 {
		fmt.Fprintln(opts.streams.Out, "两版模板内容相同")
		return nil
	}
	for i, c := range changes {
		fmt.Fprintf(opts.streams.Out, "%d. %s\n", i+1, c.Text)
	}
	if migrate.HasStructural(changes) {
		fmt.Fprintln(opts.streams.Out, "\n章节或数字有增删、移动或改 id：按旧版起草的草稿需要用 nianbao migrate 迁移。")
	}
	return nil
}
