package cli

import "github.com/spf13/cobra"

// newImportCmd is declared so help and completion list it; until the feature
// lands it says plainly that it is not available and exits 2.
func newImportCmd(s *Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "import 文档",
		Short: "把已有报告（.txt、.md、.docx）转换为草稿",
		RunE:  func(cmd *cobra.Command, args []string) error { return notYet("导入") },
	}
}
