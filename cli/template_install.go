package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"nianbao/lint"
	"nianbao/model"
	"nianbao/templates"
)

type templateInstallOptions struct {
	streams *Streams
	path    string
}

// newTemplateInstallCmd puts an office's template where every command finds
// it, so drafts written against it open, check and export with no flag.
func newTemplateInstallCmd(s *Streams) *cobra.Command {
	opts := &templateInstallOptions{streams: s}
	return &cobra.Command{
		Use:     "install 模板.yaml",
		Short:   "安装模板：之后按该模板写的草稿无需 --template 即可打开、检查和导出",
		Example: `  nianbao template install 青山县法治政府建设年度报告模板.yaml`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.path = args[0]
			return runTemplateInstall(opts)
		},
	}
}

func runTemplateInstall(opts *templateInstallOptions) error {
	findings, err := lint.File(opts.path, lint.Options{})
	if err != nil {
		return inputError(err)
	}
	if errs, _ := lint.Counts(findings); errs > 0 {
		return inputError(&model.Error{File: opts.path, Msg: fmt.Sprintf("模板有 %d 个错误，未安装（用 nianbao template lint %s 查看）", errs, opts.path)})
	}
	t, dst, err := templates.Install(opts.path)
	if err != nil {
		return inputError(err)
	}
	fmt.Fprintf(opts.streams.Err, "已安装模板 %s（id %s，版本 %d）到 %s\n", model.Printable(opts.path), t.ID, t.Version, dst)
	return nil
}

// installedTemplateDirs is the directory `template install` writes to,
// when it exists: searched after the configured directories.
func installedTemplateDirs() []string {
	dir, err := templates.InstallDir()
	if err != nil {
		return nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	return []string{dir}
}
