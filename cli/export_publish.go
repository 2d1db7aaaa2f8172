package cli

import (
	"fmt"
	"io"

	"nianbao/check"
	"nianbao/model"
	"nianbao/render"
)

// publishGate stops an export for publication while publish findings
// (personal data, secrecy markings, draft labels) remain, unless the
// drafter passed --allow-unpublishable. It prints the summary itself; the
// returned error only carries the exit code.
func publishGate(w io.Writer, t *model.Template, format render.Format, res check.Result, allow bool, draft string) error {
	fs := check.PublishOnly(res.Findings)
	if len(fs) == 0 {
		return nil
	}
	switch {
	case allow:
		fmt.Fprintf(w, "注意：草稿中有 %d 处公开前须处理的内容，已按 --allow-unpublishable 照常导出，这份文件不宜直接公开：\n", len(fs))
	case !render.ForPublication(format):
		fmt.Fprintf(w, "注意：草稿中有 %d 处公开前须处理的内容；导出为%s不受影响，但导出 Word 或 HTML 公开版前须处理：\n", len(fs), format.Name())
	default:
		fmt.Fprintf(w, "未导出：草稿中有 %d 处公开前须处理的内容（个人信息、密级标志或稿本标识），直接公开会泄露：\n", len(fs))
	}
	listPublish(w, t, fs)
	fmt.Fprintf(w, "运行 nianbao check --publish %s 查看全部；在编辑器中按提示可一键遮盖号码和姓名。\n", quoteArg(draft))
	if allow || !render.ForPublication(format) {
		return nil
	}
	fmt.Fprintln(w, "请修改后再导出；确认这份文件不会公开（例如只供内部报送）时，可加 --allow-unpublishable 照常导出。")
	return silentExit(ExitFindings)
}

func listPublish(w io.Writer, t *model.Template, fs []check.Finding) {
	listFindings(w, t, fs, "处", true)
}
