package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"nianbao/check"
	"nianbao/ingest"
	"nianbao/model"
	"nianbao/templates"
)

type importOptions struct {
	streams  *Streams
	output   string
	template string
	verbose  bool
	force    bool
	path     string
}

func newImportCmd(s *Streams) *cobra.Command {
	opts := &importOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "import [-o 草稿.yaml] [--template ID|文件] 文档",
		Short: "把已有报告（Word、WPS、PDF、网页、文本）转换为草稿",
		Long: `把已有的年度报告（Word 或 WPS 文件、PDF、保存的网页、网站上复制的文字、Markdown）
转换为草稿。文档格式按内容识别；.doc、.wps、.rtf、.odt 需要 LibreOffice，PDF 需要 pdftotext。
自动识别文字编码（UTF-8 或 GBK/GB18030），去掉网页上的导航、“字号 大 中 小”、
分享和二维码提示等残留，识别标题和各级标题（一、（一）1.（1）），按意思把各部分
对应到模板的章节，并从正文中提取件数、比率等数字（附原句）。
对应不上任何章节的文字放在草稿的 unmatched 中，不会丢失。

未指定 --template 时使用标准模板；报告单位是政府部门（如“××区司法局”）、
或各部分是“基本情况、存在的问题、下一步打算”的部门报告结构时改用部门模板
（单位名称和结构有一方明显指向政府报告时仍用标准模板）。`,
		Example: `  nianbao import 2023年度报告.docx
  nianbao import -o 草稿.yaml --verbose 网站复制.txt
  nianbao import --template department 司法局报告.txt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.path = args[0]
			return runImport(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "输出草稿文件（默认与文档同名、扩展名为 .yaml；为 - 时写到标准输出）")
	cmd.Flags().StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（默认按报告单位选择 standard 或 department）")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "列出每个标题对应的章节、提取的数字及原句、删除的非正文内容（网页残留、Word 目录）")
	cmd.Flags().BoolVar(&opts.force, "force", false, "输出文件已存在时覆盖")
	return cmd
}

func runImport(opts *importOptions) error {
	out := opts.output
	if out == "" {
		out = strings.TrimSuffix(opts.path, filepath.Ext(opts.path)) + ".yaml"
		if out == opts.path {
			out += ".yaml"
		}
	}
	if out != "-" {
		if _, err := os.Stat(out); err == nil && !opts.force {
			return inputError(fmt.Errorf("%s 已存在；如要覆盖请加 --force，或用 -o 指定其他文件", out))
		}
	}
	doc, err := ingest.ReadFile(opts.path)
	if err != nil {
		return inputError(err)
	}
	res, t, err := importDocument(doc, opts.template, newTemplateCache())
	if err != nil {
		return err
	}
	if err := writeDraft(opts.streams, res.Report, out, true); err != nil {
		return err
	}
	printImportSummary(opts.streams.Err, opts.path, res, t, opts.verbose)
	noteHidden(opts.streams.Err, opts.path, doc.Hidden)
	return nil
}

// importDocument imports doc against the named template, or, when none is
// named, against the template its reporting unit and layout suggest (see
// ingest.IsDepartmentReport; check and import decide the same way).
func importDocument(doc *ingest.Document, ref string, cache *templateCache) (*ingest.Result, *model.Template, error) {
	if ref == "" {
		// A nianbao export names the template it was drafted against.
		if id := doc.CarriedTemplate(); id != "" {
			// An id from a file someone sent: looked up as an id, never
			// followed as a path.
			if _, err := cache.lookupID(id); err == nil {
				ref = id
			}
		}
	}
	// Through the run's cache, as every command finds templates: a batch
	// imports against one template object (whose worked-out figure
	// keywords ingest keeps), and an installed office template is found by
	// its id here as everywhere else.
	t, err := cache.lookup(ref)
	if err != nil {
		return nil, nil, inputError(err)
	}
	var dept *model.Template
	if ref == "" && t.ID == templates.Default {
		dept, _ = cache.lookup("department")
	}
	res, t, err := ingest.ImportChoosing(doc, t, dept)
	if err != nil {
		return nil, nil, inputError(err)
	}
	return res, t, nil
}

func printImportSummary(w io.Writer, path string, res *ingest.Result, t *model.Template, verbose bool) {
	r := res.Report
	filled, total := 0, 0
	for _, s := range t.Flatten() {
		total++
		if strings.TrimSpace(r.Text(s.ID)) != "" {
			filled++
		}
	}
	unmatched := 0
	for _, c := range r.Unmatched {
		if !isBlank(c) {
			unmatched++
		}
	}
	tables := ""
	if res.Tables > 0 {
		// The rows are lines of the draft now, not a table: say so.
		tables = fmt.Sprintf("，表格 %d 个按行读入", res.Tables)
	}
	fmt.Fprintf(w, "导入 %s（%s）：模板 %s，%d/%d 个章节有内容，提取数字 %d 个，未归类 %d 字，删除非正文内容 %d 处%s\n",
		path, describeFormat(res), t.ID, filled, total, len(r.Figures), unmatched, len(res.Dropped), tables)
	if r.Unit != "" || r.Year != 0 {
		fmt.Fprintf(w, "报告单位：%s；年度：%d\n", r.Unit, r.Year)
	}
	printCarried(w, res, t)
	if !verbose {
		return
	}
	fmt.Fprintln(w, "\n章节对应：")
	for _, m := range res.Mapping {
		target := "（未归类）"
		if m.Section != "" {
			target = m.Section
			if s := t.Section(m.Section); s != nil {
				target = s.Title + "［" + s.ID + "］"
			}
		}
		fmt.Fprintf(w, "  第 %d 行 %s → %s（%s）\n", m.Line, clipText(m.Heading, 24), target, m.How)
	}
	if len(r.Figures) > 0 {
		fmt.Fprintln(w, "\n提取的数字：")
		for _, f := range t.Figures() {
			n, ok := r.Figures[f.ID]
			if !ok {
				continue
			}
			fmt.Fprintf(w, "  %s = %s%s（第 %d 行：%s）\n", f.Label, n.Text, f.Unit, res.FigureLines[f.ID], clipText(r.Sources[f.ID], 40))
		}
	}
	if len(res.Dropped) > 0 {
		fmt.Fprintln(w, "\n删除的非正文内容（网页残留、Word 目录）：")
		for _, d := range res.Dropped {
			fmt.Fprintf(w, "  第 %d 行［%s］%s\n", d.Line, d.Reason, strings.TrimSpace(d.Text))
		}
	}
}

func describeFormat(res *ingest.Result) string {
	switch res.Format {
	case ingest.FormatDocx:
		return "Word 文档"
	case ingest.FormatMarkdown:
		return "Markdown，" + res.Encoding
	case ingest.FormatHTML:
		return "网页，" + res.Encoding
	}
	if label := res.Format.Label(); label != "" {
		return label // converted or a web page
	}
	return "文本，" + res.Encoding
}

func isBlank(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\u3000' || r == '\r'
}

func clipText(s string, n int) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return string(rs)
}

// loadDocumentForCheck is the import side of `nianbao check DOC`: the
// document is imported in memory and its sections and figures are mapped
// back to the document's lines.
func loadDocumentForCheck(path string, t *model.Template, cache *templateCache) (*model.Report, check.DocLines, error) {
	doc, err := ingest.ReadFile(path)
	if err != nil {
		return nil, check.DocLines{}, err
	}
	var res *ingest.Result
	if t == nil || t.ID == templates.Default {
		// The default template: let the reporting unit choose, as import
		// does (a 司法局 report is a department report).
		res, _, err = importDocument(doc, "", cache)
	} else {
		res, err = ingest.Import(doc, t)
	}
	if err != nil {
		return nil, check.DocLines{}, err
	}
	res.Report.SetFile(path)
	return res.Report, check.DocLines{Text: res.Text, Sections: res.SectionLines, Figures: res.FigureLines,
		Carried: doc.Carried != nil, Edits: res.Edits, Hidden: hiddenForCheck(doc.Hidden), FigureReading: res.FigureReading}, nil
}
