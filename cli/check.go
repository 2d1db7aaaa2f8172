package cli

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"nianbao/check"
	"nianbao/model"
	"nianbao/templates"
)

type checkOptions struct {
	streams   *Streams
	format    string
	strict    bool
	template  string
	listRules bool
	jobs      int    // files checked at once; 0 = one per core
	previous  string // last year's report, attached to every file checked
	prev      *model.Previous
	publish   bool
	paths     []string
	// received asks for each file's modification time (fileCheck.received),
	// taken by the workers so a roll-up does not stat every file after.
	received bool
}

const checkLong = `检查草稿（.yaml）或收到的报告文档是否完整、数字是否自洽：
必填章节和数字、占位符、比率与件数、标题编号、“一是、二是”、年份、半角标点等。
可以给出多个文件或目录；目录中的每个文件都会检查，或列出不检查的原因。用 --rules 查看全部规则。

文档格式按内容识别（扩展名不可靠）：.docx、文本（UTF-8 或 GBK）、Markdown、
网页（.html、.mht）直接读取；.doc、.wps、.rtf、.odt 需要 LibreOffice
（apt install libreoffice-writer-nogui），PDF 需要 pdftotext（apt install poppler-utils）。
转换结果按内容缓存，再次检查同一文件不再转换。目录中的模板文件用作模板，不当作草稿检查。
nianbao 导出的文件附带草稿数据（数字、年度、模板；报送稿还有联系人），检查时一并使用；
导出后正文改过的，以正文为准，并报告改动（export.edited）。
--publish 只做公开前检查：身份证号、手机号、银行卡号、邮箱、当事人姓名和住址、
密级标志、稿本标识、Word 文件中的批注、修订和隐藏文字；有任何发现即未通过（退出码 1）。
提示中的号码和姓名只显示遮盖后的形式，JSON 只给出位置（行、列）。

输出格式（--format）：
  text  每个文件一行结论（通过/未通过、完整度、各级别数量），随后逐条列出
        “文件:行: [规则] 级别：说明”（文档中的 publish 发现写作“文件:行:列:”）；
        多个文件时最后附汇总表。
  json  {"version":1,"files":[…],"summary":{…}}，字段说明见 check/SCHEMA.md。
  csv   每个文件一行：文件,结论,完整度,错误,警告,提示。文件以 UTF-8 BOM 开头，
        Excel 可直接打开而不出现乱码。

退出码：0 没有错误（--strict 时也没有警告）；1 有错误；2 有文件无法读取
（其余文件照常检查和输出）或参数错误。`

func newCheckCmd(s *Streams) *cobra.Command {
	opts := &checkOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "check [选项] 路径...",
		Short: "检查草稿或报告文档的完整性（必填章节、数字、比率、编号）",
		Long:  checkLong,
		Example: `  nianbao check 绩溪县2024.yaml
  nianbao check --format csv 收到的报告/ > 汇总.csv
  nianbao check --strict --template 我的模板.yaml 草稿/
  nianbao check --publish 公开版.docx
  nianbao check --rules`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.paths = args
			return runCheck(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", "输出格式：text、json 或 csv")
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "有警告也算未通过（退出码 1）")
	cmd.Flags().StringVar(&opts.template, "template", "", "模板 id 或模板文件路径（默认用草稿记录的模板）")
	cmd.Flags().BoolVar(&opts.listRules, "rules", false, "列出全部检查规则（id、级别、说明）")
	cmd.Flags().IntVarP(&opts.jobs, "jobs", "j", 0, "同时检查的文件数（默认每个处理器核心一个）")
	cmd.Flags().StringVar(&opts.previous, "previous", "", previousHelp)
	cmd.Flags().BoolVar(&opts.publish, "publish", false, "只做公开前检查（个人信息、密级标志、稿本标识、Word 隐藏内容），有任何发现即退出码 1")
	return cmd
}

// fileCheck is the outcome for one input file.
type fileCheck struct {
	path     string
	kind     string // "draft" or "document"
	template string
	result   check.Result
	lines    []int // per finding: the line to show (YAML key line for drafts)
	extra    [][]int
	followUp string // last year's plans and what follows them up (--previous)
	err      error
	// report and tmpl are what was checked, kept for rollup and review.
	report  *model.Report
	tmpl    *model.Template
	docText string // a document's text as checked, one paragraph a line
	// received is the file's modification time, when checkOptions.received
	// asked for it (a roll-up's 收到时间); zero when it could not be read.
	received time.Time
}

func (f *fileCheck) unreadable() bool { return f.err != nil }

func runCheck(opts *checkOptions) error {
	switch opts.format {
	case "text", "json", "csv":
	default:
		return &ExitError{Code: ExitInput, Err: fmt.Errorf("不支持的输出格式“%s”，可用 text、json、csv", opts.format)}
	}
	if opts.listRules {
		return printRules(opts)
	}
	if len(opts.paths) == 0 {
		return &ExitError{Code: ExitInput, Err: errors.New("请给出要检查的草稿文件或目录，例如 nianbao check 草稿.yaml")}
	}
	cache := newTemplateCache()
	prev, perr := checkPrevious(opts)
	if perr != nil {
		return perr
	}
	opts.prev = prev
	results, skipped := checkAll(opts, cache)
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintln(opts.streams.Err, errorText(r.err))
		}
	}
	if opts.publish {
		keepPublish(results)
		opts.strict = true // every publish finding must be dealt with
	}
	var err error
	switch opts.format {
	case "json":
		err = writeCheckJSON(opts.streams.Out, results, skipped, opts.strict)
	case "csv":
		err = writeCheckCSV(opts.streams.Out, results, opts.strict)
	default:
		err = writeCheckText(opts.streams, results, opts.strict)
	}
	if err != nil {
		return err
	}
	code := ExitOK
	for _, r := range results {
		switch {
		case r.unreadable():
			code = ExitInput
		case !r.result.Passed(opts.strict) && code == ExitOK:
			code = ExitFindings
		}
	}
	if code != ExitOK {
		return silentExit(code)
	}
	return nil
}

// errorText prints an input error the way every command does: the
// model.Error text (file:line:col: message) without a second prefix.
func errorText(err error) string {
	var ee *ExitError
	if errors.As(err, &ee) && ee.Err != nil {
		err = ee.Err
	}
	return err.Error()
}

// checkFile checks one file: a YAML draft by its extension, anything else
// as a document whose format ingest tells from its content.
func checkFile(path, override string, cache *templateCache, prev *model.Previous) *fileCheck {
	return guarded(path, func() *fileCheck {
		if isDraftPath(path) {
			return checkDraft(path, override, cache, prev)
		}
		return checkDocument(path, override, cache, prev)
	})
}

// guarded runs one file's check so that a fault in nianbao itself costs
// that file only: a folder of 76 reports is still checked, and the file
// is listed as not checked with the reason, never silently dropped and
// never a crash that loses the other verdicts.
func guarded(path string, check func() *fileCheck) (fc *fileCheck) {
	defer func() {
		if r := recover(); r != nil {
			fc = &fileCheck{path: path, err: &model.Error{File: path,
				Msg: fmt.Sprintf("nianbao 检查此文件时出现内部错误（%v），此文件未能检查；请把文件发给开发者", r)}}
		}
	}()
	return check()
}

func checkDraft(path, override string, cache *templateCache, prev *model.Previous) *fileCheck {
	fc := &fileCheck{path: path, kind: "draft"}
	r, t, err := cache.loadDraft(path, override)
	if err != nil {
		fc.err = err
		return fc
	}
	fc.template, fc.report, fc.tmpl = t.ID, r, t
	usePrevious(fc, r, t, prev)
	fc.result = check.Report(t, r)
	fc.lines = make([]int, len(fc.result.Findings))
	fc.extra = make([][]int, len(fc.result.Findings))
	for i, f := range fc.result.Findings {
		fc.lines[i] = draftLine(r, f.Section, f.Figure)
		for _, s := range f.Sections {
			if l := draftLine(r, s, ""); l > 0 {
				fc.extra[i] = append(fc.extra[i], l)
			}
		}
		if fc.lines[i] == 0 && len(fc.extra[i]) > 0 {
			fc.lines[i] = fc.extra[i][0]
		}
	}
	return fc
}

// draftLine is the YAML line of the key a finding is about.
func draftLine(r *model.Report, section, figure string) int {
	if figure != "" {
		if p := r.PosOf("figures", figure); p.Line > 0 {
			return p.Line
		}
	}
	if section != "" {
		return r.PosOf("sections", section).Line
	}
	return 0
}

func checkDocument(path, override string, cache *templateCache, prev *model.Previous) *fileCheck {
	fc := &fileCheck{path: path, kind: "document"}
	t, err := cache.lookup(override)
	if err != nil {
		fc.err = err
		return fc
	}
	// The document becomes a report and the map from its sections back to
	// its lines, so findings carry document line numbers. t is the
	// template to match sections against (--template or the standard one);
	// a document recognised as another template's (a department report)
	// records that template's id, and it is checked against that one.
	r, lines, err := loadDocumentForCheck(path, t, cache)
	if err != nil {
		fc.err = err
		return fc
	}
	if override == "" && r.Template.ID != "" && r.Template.ID != t.ID {
		if other, err := cache.forDraft(path, r.Template); err == nil {
			t = other
		}
	}
	fc.template, fc.report, fc.tmpl, fc.docText = t.ID, r, t, lines.Text
	usePrevious(fc, r, t, prev)
	fc.result = check.Document(t, r, lines)
	fc.lines = make([]int, len(fc.result.Findings))
	fc.extra = make([][]int, len(fc.result.Findings))
	for i, f := range fc.result.Findings {
		fc.lines[i] = f.Line
		fc.extra[i] = f.Lines
	}
	return fc
}

// --- text -------------------------------------------------------------------

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

func paint(on bool, code, s string) string {
	if !on {
		return s
	}
	return code + s + ansiReset
}

func severityColor(s check.Severity) string {
	switch s {
	case check.Error:
		return ansiRed
	case check.Warning:
		return ansiYellow
	case check.Info:
		return ansiCyan
	}
	return ""
}

func writeCheckText(s *Streams, results []*fileCheck, strict bool) error {
	var b strings.Builder
	color := s.Color
	for _, r := range results {
		if r.unreadable() {
			fmt.Fprintf(&b, "%s: %s：%s\n", paint(color, ansiBold, r.path), paint(color, ansiRed, "无法读取"), unreadReason(r.path, r.err))
			continue
		}
		e, w, i := r.result.Counts()
		verdict := paint(color, ansiGreen, "通过")
		if !r.result.Passed(strict) {
			verdict = paint(color, ansiRed, "未通过")
		}
		fmt.Fprintf(&b, "%s: %s  完整度 %s%%  错误 %d  警告 %d  提示 %d\n",
			paint(color, ansiBold, r.path), verdict, fmtPercent(r.result.Completeness), e, w, i)
		for k, f := range r.result.Findings {
			loc := r.path
			if r.lines[k] > 0 {
				loc += ":" + strconv.Itoa(r.lines[k])
				if c := findingColumn(r, k); c > 0 {
					loc += ":" + strconv.Itoa(c)
				}
			}
			msg := f.Message
			if len(r.extra[k]) > 1 {
				msg += "（见第 " + joinInts(r.extra[k], "、") + " 行等）"
			}
			fmt.Fprintf(&b, "%s: [%s] %s：%s\n", loc, f.Rule,
				paint(color, severityColor(f.Severity), f.Severity.Label()), msg)
		}
		b.WriteString(r.followUp)
	}
	if len(results) > 1 {
		b.WriteString("\n")
		if _, err := io.WriteString(s.Out, b.String()); err != nil {
			return err
		}
		b.Reset()
		rows := [][]string{{"文件", "结论", "完整度", "错误", "警告", "提示"}}
		for _, r := range results {
			rows = append(rows, summaryRow(r, strict))
		}
		if err := writeTable(s.Out, rows); err != nil {
			return err
		}
		sum := summarize(results, strict)
		fmt.Fprintf(&b, "\n共 %d 个文件：通过 %d，未通过 %d，无法读取 %d；错误 %d，警告 %d，提示 %d\n",
			sum.Files, sum.Passed, sum.Failed, sum.Unreadable, sum.Errors, sum.Warnings, sum.Infos)
	}
	_, err := io.WriteString(s.Out, b.String())
	return err
}

func summaryRow(r *fileCheck, strict bool) []string {
	if r.unreadable() {
		return []string{r.path, "无法读取", "", "", "", ""}
	}
	e, w, i := r.result.Counts()
	return []string{r.path, r.result.Verdict(strict), fmtPercent(r.result.Completeness) + "%",
		strconv.Itoa(e), strconv.Itoa(w), strconv.Itoa(i)}
}

func fmtPercent(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func joinInts(v []int, sep string) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, sep)
}

// --- json -------------------------------------------------------------------

// checkReport is the JSON document `check --format json` writes; check/SCHEMA.md
// documents every field. version changes only when a field changes meaning.
type checkReport struct {
	Version int            `json:"version"`
	Strict  bool           `json:"strict"`
	Files   []checkFileOut `json:"files"`
	Skipped []skippedOut   `json:"skipped,omitempty"`
	Summary checkSummary   `json:"summary"`
}

// skippedOut is a file of a folder that was not checked, and why.
type skippedOut struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

type checkFileOut struct {
	File         string        `json:"file"`
	Kind         string        `json:"kind,omitempty"`
	Template     string        `json:"template,omitempty"`
	Verdict      string        `json:"verdict"` // passed | failed | unreadable
	Completeness *float64      `json:"completeness,omitempty"`
	Errors       int           `json:"errors"`
	Warnings     int           `json:"warnings"`
	Infos        int           `json:"infos"`
	Error        string        `json:"error,omitempty"`
	Findings     []findingJSON `json:"findings"`
}

type findingJSON struct {
	Rule     string          `json:"rule"`
	Severity check.Severity  `json:"severity"`
	Section  string          `json:"section,omitempty"`
	Figure   string          `json:"figure,omitempty"`
	Line     int             `json:"line,omitempty"`
	Column   int             `json:"column,omitempty"`
	Message  string          `json:"message"`
	Stated   *float64        `json:"stated,omitempty"`
	Computed *float64        `json:"computed,omitempty"`
	Count    int             `json:"count,omitempty"`
	Lines    []int           `json:"lines,omitempty"`
	Evidence *check.Evidence `json:"evidence,omitempty"`
}

type checkSummary struct {
	Files      int `json:"files"`
	Passed     int `json:"passed"`
	Failed     int `json:"failed"`
	Unreadable int `json:"unreadable"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
}

func summarize(results []*fileCheck, strict bool) checkSummary {
	s := checkSummary{Files: len(results)}
	for _, r := range results {
		if r.unreadable() {
			s.Unreadable++
			continue
		}
		e, w, i := r.result.Counts()
		s.Errors, s.Warnings, s.Infos = s.Errors+e, s.Warnings+w, s.Infos+i
		if r.result.Passed(strict) {
			s.Passed++
		} else {
			s.Failed++
		}
	}
	return s
}

func writeCheckJSON(w io.Writer, results []*fileCheck, skipped []skippedFile, strict bool) error {
	out := checkReport{Version: 1, Strict: strict, Files: make([]checkFileOut, 0, len(results)), Summary: summarize(results, strict)}
	for _, s := range skipped {
		out.Skipped = append(out.Skipped, skippedOut{File: s.path, Reason: s.reason})
	}
	for _, r := range results {
		fo := checkFileOut{File: r.path, Kind: r.kind, Template: r.template, Findings: []findingJSON{}}
		if r.unreadable() {
			fo.Verdict, fo.Error = "unreadable", errorText(r.err)
			out.Files = append(out.Files, fo)
			continue
		}
		c := r.result.Completeness
		fo.Completeness = &c
		fo.Errors, fo.Warnings, fo.Infos = r.result.Counts()
		fo.Verdict = "failed"
		if r.result.Passed(strict) {
			fo.Verdict = "passed"
		}
		for k, f := range r.result.Findings {
			fo.Findings = append(fo.Findings, findingJSON{Rule: f.Rule, Severity: f.Severity, Section: f.Section,
				Figure: f.Figure, Line: r.lines[k], Column: findingColumn(r, k), Message: f.Message, Stated: f.Stated, Computed: f.Computed,
				Count: f.Count, Lines: r.extra[k], Evidence: f.Evidence})
		}
		out.Files = append(out.Files, fo)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// --- csv --------------------------------------------------------------------

// writeCheckCSV writes one row per file for a spreadsheet. It starts with a
// UTF-8 byte order mark: without it Excel on Chinese Windows reads the file
// as GBK and the Chinese turns into mojibake.
func writeCheckCSV(w io.Writer, results []*fileCheck, strict bool) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel writes and expects
	_ = cw.Write([]string{"文件", "结论", "完整度", "错误", "警告", "提示"})
	for _, r := range results {
		row := summaryRow(r, strict)
		row[2] = strings.TrimSuffix(row[2], "%") // a number the spreadsheet can sum
		_ = cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// --- rules ------------------------------------------------------------------

func printRules(opts *checkOptions) error {
	var t *model.Template
	if opts.template != "" {
		var err error
		if t, err = templates.Lookup(opts.template, settingsTemplateDirs()...); err != nil {
			return inputError(err)
		}
	}
	rows := [][]string{{"规则", "级别", "说明"}}
	for _, r := range check.Configured(t) {
		level := r.Severity.Label()
		if r.Off {
			level = "关闭"
		}
		desc := r.Description
		if r.Summary {
			desc = "（汇总）" + desc
		}
		rows = append(rows, []string{r.ID, level, desc})
	}
	return writeTable(opts.streams.Out, rows)
}
