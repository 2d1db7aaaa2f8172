package cli

import (
	"fmt"
	"io"

	"nianbao/check"
	"nianbao/ingest"
	"nianbao/model"
)

// printCarried tells the user that an exported file's draft data was used,
// and where its visible text overrode it.
func printCarried(w io.Writer, res *ingest.Result, t *model.Template) {
	if res.Carried {
		r := res.Report
		fmt.Fprintf(w, "使用了文件附带的草稿数据：模板 %s 第 %d 版，数字 %d 个", r.Template.ID, r.Template.Version, len(r.Figures))
		if r.Contact != "" {
			fmt.Fprint(w, "，联系人")
		}
		fmt.Fprintln(w)
	}
	if len(res.Edits) == 0 {
		return
	}
	edits := check.Edits(t, res.Report, res.Edits)
	fmt.Fprintf(w, "正文与附带的草稿数据有 %d 处不一致，已以正文为准：\n", len(edits))
	for _, f := range edits {
		fmt.Fprintf(w, "  - %s\n", f.Message)
	}
}
