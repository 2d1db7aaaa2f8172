package cli

import "github.com/spf13/cobra"

// newExportCmd is declared so help and completion list it; until the feature
// lands it says plainly that it is not available and exits 2.
func newExportCmd(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "export 草稿.yaml",
		Short: "导出为 Word（公文格式）、Markdown、HTML 或纯文本",
		RunE:  func(cmd *cobra.Command, args []string) error { return notYet("导出") },
	}
}
