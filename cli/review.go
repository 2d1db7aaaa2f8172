package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"nianbao/ingest"
	"nianbao/model"
	"nianbao/render"
	"nianbao/review"
)

type reviewOptions struct {
	streams  *Streams
	output   string
	template string
	strict   bool
	jobs     int
	now      func() time.Time
	paths    []string
}

const reviewLong = `为每份收到的报告写一份带批注的 Word 文件（.docx），退回报送单位修改：
每条检查意见是一条 Word 批注，标在意见所引的文字上（找不到时标在所在段落上），批注人为“` + review.Author + `”；
文件开头加一页审查意见汇总。Word 原件的内容不变，只加批注和汇总页；
.txt、.md、.pdf、网页和 .doc 等文件写成其文字的 .docx，草稿（.yaml）按公文格式导出后加批注。
批注在 Word、WPS 和 LibreOffice 中都能看到。`

func newReviewCmd(s *Streams) *cobra.Command {
	opts := &reviewOptions{streams: s, now: time.Now}
	cmd := &cobra.Command{
		Use:   "review -o 目录 文件或目录...",
		Short: "为每份报告生成带批注的 Word 文件（检查意见标在原文上），用于退回修改",
		Long:  reviewLong,
		Example: `  nianbao review -o 退回/ 收到的报告/
  nianbao review -o 退回/ 县司法局.docx 县财政局.pdf`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runReview(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "写入带批注文件的目录（必填；不存在时创建）")
	f.StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（默认用各报告记录的模板）")
	f.BoolVar(&opts.strict, "strict", false, "有警告也算未通过")
	f.IntVarP(&opts.jobs, "jobs", "j", 0, "同时检查的文件数（默认每个处理器核心一个）")
	return cmd
}

func runReview(opts *reviewOptions) error {
	if opts.output == "" {
		return inputError(fmt.Errorf("请用 -o 指定写入带批注文件的目录"))
	}
	if err := os.MkdirAll(opts.output, 0o755); err != nil {
		return inputError(&model.Error{File: opts.output, Msg: "无法创建目录：" + model.OSReason(err)})
	}
	results, _ := checkAll(&checkOptions{streams: opts.streams, template: opts.template, strict: opts.strict,
		jobs: opts.jobs, paths: opts.paths}, newTemplateCache())
	code := ExitOK
	used := map[string]bool{}
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintln(opts.streams.Err, errorText(r.err))
			code = ExitInput
			continue
		}
		out := reviewName(opts.output, r.path, used)
		n, err := writeReview(r, out, opts.strict, opts.now())
		if err != nil {
			fmt.Fprintln(opts.streams.Err, errorText(err))
			code = ExitInput
			continue
		}
		fmt.Fprintf(opts.streams.Err, "已生成 %s：%d 条批注（%s）\n", model.Printable(out), n, r.result.Verdict(opts.strict))
	}
	if code != ExitOK {
		return silentExit(code)
	}
	return nil
}

// reviewName is DIR/报告（审查意见）.docx, with the source's extension kept
// when two inputs share a name (报告.pdf and 报告.docx).
func reviewName(dir, path string, used map[string]bool) string {
	base := filepath.Base(path)
	name := strings.TrimSuffix(base, filepath.Ext(base)) + "（审查意见）.docx"
	if used[name] {
		name = base + "（审查意见）.docx"
	}
	for i := 2; used[name]; i++ {
		name = base + "（审查意见" + strconv.Itoa(i) + "）.docx"
	}
	used[name] = true
	return filepath.Join(dir, name)
}

// writeReview writes one annotated copy and returns the number of comments.
func writeReview(r *fileCheck, out string, strict bool, now time.Time) (int, error) {
	base, lines, err := reviewBase(r)
	if err != nil {
		return 0, err
	}
	var comments []review.Comment
	for k, f := range r.result.Findings {
		c := review.Comment{Text: "[" + f.Rule + "] " + f.Severity.Label() + "：" + f.Message, Quotes: review.Quotes(f.Message)}
		if l := r.lines[k]; l > 0 && l <= len(lines) && r.kind == "document" {
			c.Anchor = lines[l-1]
		} else {
			c.Anchor = sectionAnchor(r, f.Section, f.Figure)
		}
		comments = append(comments, c)
	}
	ann, err := review.Annotate(base, comments, reviewSummary(r, strict, now), now)
	if errors.Is(err, review.ErrNoParagraphs) && lines != nil {
		// A .docx whose text lives in altChunks: the text as read gets
		// the comments, as for a PDF.
		ann, err = review.Annotate(review.Plain(lines), comments, reviewSummary(r, strict, now), now)
	}
	if err != nil {
		return 0, &model.Error{File: r.path, Msg: "无法添加批注：" + err.Error()}
	}
	if err := model.WriteFileAtomic(out, ann.Docx); err != nil {
		return 0, &model.Error{File: out, Msg: "无法写入：" + model.OSReason(err)}
	}
	return len(comments), nil
}

// reviewBase is the document the comments go on: a Word file as received,
// a draft exported as an official document, anything else as its text.
func reviewBase(r *fileCheck) ([]byte, []string, error) {
	lines := strings.Split(r.docText, "\n")
	if r.kind == "draft" {
		var buf bytes.Buffer
		if err := render.DOCX(&buf, r.tmpl, r.report, render.Options{}); err != nil {
			return nil, nil, &model.Error{File: r.path, Msg: "无法导出为 Word：" + err.Error()}
		}
		return buf.Bytes(), nil, nil
	}
	data, err := os.ReadFile(r.path)
	if err != nil {
		return nil, nil, &model.Error{File: r.path, Msg: "无法读取：" + model.OSReason(err)}
	}
	if ingest.Detect(data) == ingest.KindDocx {
		return data, lines, nil
	}
	return review.Plain(lines), lines, nil
}

// sectionAnchor is the title of the section a finding is about (a figure's
// section for a figure), which appears as a heading in the document.
func sectionAnchor(r *fileCheck, section, figure string) string {
	if r.tmpl == nil {
		return ""
	}
	if section == "" && figure != "" {
		for _, s := range r.tmpl.Flatten() {
			for _, f := range s.Figures {
				if f.ID == figure {
					section = s.ID
				}
			}
		}
	}
	for _, s := range r.tmpl.Flatten() {
		if s.ID == section {
			return s.Title
		}
	}
	return ""
}

// maxSummaryFindings keeps the summary to one page.
const maxSummaryFindings = 15

func reviewSummary(r *fileCheck, strict bool, now time.Time) []string {
	e, w, i := r.result.Counts()
	unit := ""
	if r.report != nil {
		unit = r.report.Unit
	}
	out := []string{
		"审查意见",
		"报告单位：" + unit,
		"文件：" + filepath.Base(r.path),
		fmt.Sprintf("结论：%s；完整度 %s%%；错误 %d 条，警告 %d 条，提示 %d 条", r.result.Verdict(strict), fmtPercent(r.result.Completeness), e, w, i),
		"检查日期：" + now.Format("2006年1月2日"),
	}
	if len(r.result.Findings) == 0 {
		return append(out, "未发现问题。")
	}
	out = append(out, "主要问题（详见文中批注）：")
	for k, f := range r.result.Findings {
		if k == maxSummaryFindings {
			out = append(out, fmt.Sprintf("……另有 %d 条，见文中批注。", len(r.result.Findings)-k))
			break
		}
		out = append(out, fmt.Sprintf("%d. %s：%s", k+1, f.Severity.Label(), f.Message))
	}
	return out
}
