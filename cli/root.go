package cli

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X nianbao/cli.Version=…".
var Version = "0.1.0-dev"

// Run executes nianbao with args (without the program name) and returns
// the process exit code. Errors are printed here, once.
func Run(args []string, s *Streams) int {
	root := NewRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		var ee *ExitError
		if !(errors.As(err, &ee) && ee.Shown) {
			msg := err.Error()
			if !strings.HasPrefix(msg, "错误") {
				msg = "错误：" + msg
			}
			fmt.Fprintln(s.Err, msg)
		}
	}
	return exitCode(err)
}

// NewRootCmd builds the command tree. Without a subcommand nianbao opens the
// editor on a new draft from the standard template.
func NewRootCmd(s *Streams) *cobra.Command {
	editOpts := &editOptions{streams: s}
	root := &cobra.Command{
		Use:   "nianbao [草稿.yaml]",
		Short: "法治政府建设年度报告编辑器",
		Long: "nianbao 是在终端里起草法治政府建设年度报告的编辑器：按模板逐章填写，" +
			"实时检查必填章节和数字，导出符合公文格式的 Word 文档。\n\n" +
			"不带参数运行时，用标准模板新建一份草稿并打开编辑器；" +
			"nianbao 草稿.yaml 与 nianbao edit 草稿.yaml 相同。",
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          rootArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				editOpts.path = args[0]
			}
			return runEdit(editOpts)
		},
	}
	root.SuggestionsMinimumDistance = 2
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetIn(s.In)
	root.SetVersionTemplate("nianbao {{.Version}}\n")
	addEditFlags(root, editOpts)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("参数错误：%s（用 %s --help 查看用法）", flagErrorText(err), c.CommandPath())}
	})
	root.AddCommand(
		newEditCmd(s),
		newNewCmd(s),
		newCheckCmd(s),
		newRollupCmd(s),
		newReviewCmd(s),
		newExportCmd(s),
		newImportCmd(s),
		newTemplateCmd(s),
		newMigrateCmd(s),
	)
	localizeHelp(root)
	return root
}

// rootArgs lets "nianbao 草稿.yaml" open a draft, as an editor's name
// followed by a file does everywhere else; any other word is a mistyped
// command, named in Chinese with the commands it may have meant (cobra's
// own message is English).
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	st, err := os.Stat(args[0])
	switch {
	case len(args) == 1 && (isDraftPath(args[0]) || err == nil && !st.IsDir()):
		// A draft's name (which may not exist yet: the editor creates
		// it), or any file that exists, which the editor reads or explains.
		return nil
	case len(args) == 1 && err == nil && st.IsDir():
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("“%s”是目录：检查其中收到的报告用 %s check %s，汇总用 %s rollup %s",
			args[0], cmd.CommandPath(), quoteArg(args[0]), cmd.CommandPath(), quoteArg(args[0]))}
	}
	msg := fmt.Sprintf("没有“%s”这个命令", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "，是不是要用 " + strings.Join(s, "、")
	}
	msg += fmt.Sprintf("？用 %s --help 查看全部命令；打开草稿用 %s 草稿.yaml", cmd.CommandPath(), cmd.CommandPath())
	return &ExitError{Code: ExitInput, Err: errors.New(msg)}
}

// localizeHelp puts cobra's built-in texts into Chinese so the help reads in
// one language.
func localizeHelp(root *cobra.Command) {
	root.InitDefaultHelpFlag()
	root.Flags().Lookup("help").Usage = "显示帮助"
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = "显示版本"
	root.SetUsageTemplate(usageTemplate)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var helpFlags func(c *cobra.Command)
	helpFlags = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = "显示帮助"
		}
		for _, sub := range c.Commands() {
			helpFlags(sub)
		}
	}
	helpFlags(root)
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = "显示某个命令的帮助"
		case "completion":
			c.Short = "生成 shell 自动补全脚本（bash、zsh、fish、powershell）"
			c.Long = "为 bash、zsh、fish 或 powershell 生成 nianbao 的自动补全脚本，例如：\n  source <(nianbao completion bash)"
		}
	}
}

// flagErrorPatterns turn pflag's English messages into Chinese; the flag
// and value named stay as they were typed.
var flagErrorPatterns = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`^unknown shorthand flag: '(.+)' in (\S+)$`), "未知的短选项 -$1（在 $2 中）"},
	{regexp.MustCompile(`^unknown flag: (\S+)$`), "未知的选项 $1"},
	{regexp.MustCompile(`^flag needs an argument: '?(.+?)'?(?: in \S+)?$`), "选项 $1 缺少取值"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.+?)" flag: .*$`), "选项 $2 的取值“$1”无效"},
}

func flagErrorText(err error) string {
	msg := err.Error()
	for _, p := range flagErrorPatterns {
		if p.re.MatchString(msg) {
			return p.re.ReplaceAllString(msg, p.with)
		}
	}
	return msg
}

const usageTemplate = `用法：{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

用 "{{.CommandPath}} [命令] --help" 查看某个命令的详细用法。{{end}}
`
