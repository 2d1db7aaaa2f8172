package cli

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"nianbao/model"
	"nianbao/templates"
	"nianbao/ui"
)

type editOptions struct {
	streams  *Streams
	path     string
	template string
}

func newEditCmd(s *Streams) *cobra.Command {
	opts := &editOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "edit [草稿.yaml]",
		Short: "打开编辑器起草或修改报告（文件不存在时新建）",
		Example: `  nianbao edit 2024年度报告.yaml
  nianbao edit --template department 部门报告.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.path = args[0]
			}
			return runEdit(opts)
		},
	}
	cmd.Flags().StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（新建时使用；已有草稿默认用草稿记录的模板）")
	return cmd
}

func runEdit(opts *editOptions) error {
	var (
		r   *model.Report
		t   *model.Template
		err error
	)
	if opts.path != "" {
		if _, statErr := os.Stat(opts.path); statErr == nil {
			r, t, err = loadDraft(opts.path, opts.template)
			if err != nil {
				return err
			}
		} else if !errors.Is(statErr, os.ErrNotExist) {
			return inputError(fmt.Errorf("%s：无法读取：%v", opts.path, statErr))
		}
	}
	if r == nil {
		t, err = templates.Lookup(opts.template, settingsTemplateDirs()...)
		if err != nil {
			return inputError(err)
		}
		r = model.NewReport(t)
		if opts.path != "" {
			r.SetFile(opts.path)
		}
	}
	return ui.Run(ui.Options{Report: r, Template: t, Path: opts.path})
}
