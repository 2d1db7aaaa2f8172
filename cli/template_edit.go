package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"nianbao/model"
	"nianbao/templates"
	"nianbao/ui/templateeditor"
)

type templateEditOptions struct {
	streams *Streams
	path    string
	from    string
	id      string
	run     func(templateeditor.Options) error
}

func newTemplateEditCmd(s *Streams) *cobra.Command {
	opts := &templateEditOptions{streams: s, run: templateeditor.Run}
	cmd := &cobra.Command{
		Use:   "edit 模板.yaml [--from standard]",
		Short: "打开模板编辑器（文件不存在时以 --from 指定的模板为底稿新建）",
		Long: "在终端里编辑模板：章节树、必填、最少字数、填写说明、识别关键词、数字及其关系、\n" +
			"检查规则级别，以及模板名称和报告标题格式。ctrl+z 撤销，ctrl+y 重做。\n" +
			"编辑时实时检查模板，有错误时不能保存。新建的模板 id 默认取文件名，版本为 1；\n" +
			"修改已有模板时，如果增删、移动了章节、数字或改了章节 id，保存时版本号自动加 1。\n" +
			"改章节 id 时旧 id 记入 formerly，按旧版起草的草稿迁移时内容随之移过来。",
		Example: `  nianbao template edit 模板/county2025.yaml --from standard
  nianbao template edit 模板/county2025.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.path = args[0]
			return runTemplateEdit(opts)
		},
	}
	cmd.Flags().StringVar(&opts.from, "from", templates.Default, "新建时的底稿：模板 id 或模板文件")
	cmd.Flags().StringVar(&opts.id, "id", "", "新建时的模板 id（默认取文件名）")
	return cmd
}

// templateEditStart prepares what the editor opens: the file when it
// exists (read leniently, so a template with duplicate ids can be opened
// and fixed), otherwise a copy of --from under a new id.
func templateEditStart(opts *templateEditOptions) (templateeditor.Options, error) {
	data, err := model.ReadRegular(opts.path) // a FIFO is refused, not waited on
	if errors.Is(err, os.ErrNotExist) {
		t, err := newTemplateFrom(opts.from, opts.id, opts.path)
		if err != nil {
			return templateeditor.Options{}, err
		}
		fmt.Fprintf(opts.streams.Err, "新建模板 %s（以“%s”为底稿，id %s）\n", opts.path, opts.from, t.ID)
		return templateeditor.Options{Template: t, Path: opts.path}, nil
	}
	if err != nil {
		return templateeditor.Options{}, inputError(fmt.Errorf("%s：无法读取：%v", opts.path, err))
	}
	t, err := model.ParseTemplateLenient(opts.path, data)
	if err != nil {
		return templateeditor.Options{}, inputError(err)
	}
	prev, err := model.ParseTemplateLenient(opts.path, data)
	if err != nil {
		return templateeditor.Options{}, inputError(err)
	}
	return templateeditor.Options{Template: t, Path: opts.path, Previous: prev, Saved: data}, nil
}

func runTemplateEdit(opts *templateEditOptions) error {
	eo, err := templateEditStart(opts)
	if err != nil {
		return err
	}
	return opts.run(eo)
}
