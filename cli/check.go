package cli

import "github.com/spf13/cobra"

// newCheckCmd is declared so help and completion list it; until the feature
// lands it says plainly that it is not available and exits 2.
func newCheckCmd(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "check 路径...",
		Short: "检查草稿或报告文档的完整性（必填章节、数字、比率、编号）",
		RunE:  func(cmd *cobra.Command, args []string) error { return notYet("检查") },
	}
}
