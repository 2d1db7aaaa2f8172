package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"nianbao/templates"
)

func newTemplateCmd(s *Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template",
		Short: "查看和管理报告模板",
		Long:  "模板规定报告的章节、必填项、数字及其关系和填写说明。协调办公室可以修改模板后分发给各单位。",
	}
	cmd.AddCommand(newTemplateListCmd(s), newTemplateShowCmd(s))
	return cmd
}

func newTemplateListCmd(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "列出内置模板",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTemplateList(s)
		},
	}
}

func runTemplateList(s *Streams) error {
	rows := [][]string{{"ID", "版本", "章节", "数字", "名称"}}
	for _, id := range templates.IDs() {
		t, err := templates.Embedded(id)
		if err != nil {
			return err
		}
		rows = append(rows, []string{t.ID, fmt.Sprint(t.Version), fmt.Sprint(len(t.Flatten())), fmt.Sprint(len(t.Figures())), t.Name})
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
