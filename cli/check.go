package cli

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"nianbao/check"
	"nianbao/model"
	"nianbao/templates"
)

// documentLoader turns a document (.txt, .md, .docx) into a report and the
// map from its sections back to the document's lines, so findings carry
// document line numbers. t is the template to match sections against: the
// --template the user gave, or the standard one; when the loader recognises
// another template (a department report), it records that template's id in
// the report and check uses it. The import feature sets this; while it is
// nil, documents are reported as not yet supported (exit 2) and the other
// files are still checked.
var documentLoader func(path string, t *model.Template) (*model.Report, check.DocLines, error)

// documentExts are the document types check hands to documentLoader.
var documentExts = map[string]bool{".txt": true, ".md": true, ".docx": true}

type checkOptions struct {
	streams   *Streams
	format    string
	strict    bool
	template  string
	listRules bool
	publish   bool
	paths     []string
}

const checkLong = `检查草稿（.yaml）或报告文档（.txt、.md、.docx）是否完整、数字是否自洽：
必填章节和数字、占位符、比率与件数、标题编号、“一是、二是”、年份、半角标点等。
可以给出多个文件或目录（递归查找 .yaml/.yml 和文档）。用 --rules 查看全部规则。
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
	err      error
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
	var results []*fileCheck
	cache := templateCache{}
	for _, p := range opts.paths {
		files, err := collectInputs(p)
		if err != nil {
			results = append(results, &fileCheck{path: p, err: err})
			continue
		}
		for _, f := range files {
			results = append(results, checkFile(f, opts.template, cache))
		}
	}
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
		err = writeCheckJSON(opts.streams.Out, results, opts.strict)
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

// collectInputs expands a path: a file is taken as given, a directory is
// walked for drafts and documents. Hidden files and directories, editor
// backups (~) and README files are skipped.
func collectInputs(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法打开：" + model.OSReason(err)}
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != path && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.HasSuffix(name, "~") || strings.HasPrefix(strings.ToUpper(name), "README") {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		if ext == ".yaml" || ext == ".yml" || documentExts[ext] {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法读取目录：" + model.OSReason(err)}
	}
	if len(out) == 0 {
		// Checking nothing must not look like a pass.
		return nil, &model.Error{File: path, Msg: "目录中没有可检查的文件（草稿 .yaml，或报告文档 .txt、.md、.docx）"}
	}
	sort.Strings(out)
	return out, nil
}

func checkFile(path, override string, cache templateCache) *fileCheck {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case ext == ".yaml" || ext == ".yml":
		return checkDraft(path, override, cache)
	case documentExts[ext]:
		return checkDocument(path, override, cache)
	}
	return &fileCheck{path: path, err: &model.Error{File: path,
		Msg: "不支持的文件类型“" + ext + "”：请给出草稿（.yaml）或报告文档（.txt、.md、.docx）"}}
}

func checkDraft(path, override string, cache templateCache) *fileCheck {
	fc := &fileCheck{path: path, kind: "draft"}
	r, t, err := cache.loadDraft(path, override)
	if err != nil {
		fc.err = err
		return fc
	}
	fc.template = t.ID
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

func checkDocument(path, override string, cache templateCache) *fileCheck {
	fc := &fileCheck{path: path, kind: "document"}
	if documentLoader == nil {
		fc.err = &model.Error{File: path, Msg: "暂不支持直接检查文档（.txt、.md、.docx），请先用 nianbao import 转换为草稿后再检查"}
		return fc
	}
	t, err := cache.lookup(override)
	if err != nil {
		fc.err = err
		return fc
	}
	r, lines, err := documentLoader(path, t)
	if err != nil {
		fc.err = err
		return fc
	}
	if override == "" && r.Template.ID != "" && r.Template.ID != t.ID {
		if other, err := cache.lookup(r.Template.ID); err == nil {
			t = other
		}
	}
	fc.template = t.ID
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
			fmt.Fprintf(&b, "%s: %s\n", paint(color, ansiBold, r.path), paint(color, ansiRed, "无法读取"))
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
	Summary checkSummary   `json:"summary"`
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
	Rule     string         `json:"rule"`
	Severity check.Severity `json:"severity"`
	Section  string         `json:"section,omitempty"`
	Figure   string         `json:"figure,omitempty"`
	Line     int            `json:"line,omitempty"`
	Column   int            `json:"column,omitempty"`
	Message  string         `json:"message"`
	Stated   *float64       `json:"stated,omitempty"`
	Computed *float64       `json:"computed,omitempty"`
	Count    int            `json:"count,omitempty"`
	Lines    []int          `json:"lines,omitempty"`
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

func writeCheckJSON(w io.Writer, results []*fileCheck, strict bool) error {
	out := checkReport{Version: 1, Strict: strict, Files: make([]checkFileOut, 0, len(results)), Summary: summarize(results, strict)}
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
				Count: f.Count, Lines: r.extra[k]})
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
