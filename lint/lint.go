// Package lint checks a template before the coordinating office hands it
// out: a template with a duplicate id or a rate over a percentage would
// make every unit's check wrong. `nianbao template lint` and the template
// editor's live panel share these rules.
//
// Files are read with model.ParseTemplateLenient, so duplicate ids and
// dangling references, which the strict loader refuses, are reported here
// with their positions alongside everything else. Only YAML that cannot be
// decoded at all (syntax, a list where a number belongs) is returned as an
// error instead of findings.
package lint

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"nianbao/check"
	"nianbao/model"
)

// Severity of a finding: errors block saving and fail `template lint`.
type Severity int

// Severities.
const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "错误"
	}
	return "警告"
}

// Finding is one problem in a template.
type Finding struct {
	Rule      string // stable id, e.g. "section.id.duplicate"
	Severity  Severity
	File      string
	Line, Col int    // 0 when the item is not from a file (added in the editor)
	Section   string // section id the finding is about, if any
	Figure    string // figure id, if any
	Message   string // Chinese
}

// String formats the finding as file:line:col: 错误：message.
func (f Finding) String() string {
	var b strings.Builder
	if f.File != "" {
		b.WriteString(f.File)
	} else {
		b.WriteString("<模板>")
	}
	if f.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", f.Line, f.Col)
	}
	fmt.Fprintf(&b, ": %s：%s", f.Severity, f.Message)
	return b.String()
}

// Options adjust a lint run.
type Options struct {
	// Previous is the version the template replaces; when set, a structural
	// change without a higher version number is an error.
	Previous *model.Template
}

// Counts returns the number of errors and warnings.
func Counts(fs []Finding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// File lints a template file. err is set only when the file cannot be read
// or decoded; problems in a readable file are findings.
func File(path string, opts Options) ([]Finding, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &model.Error{File: path, Msg: "无法打开文件：" + model.OSReason(err)}
	}
	if st.IsDir() {
		return nil, &model.Error{File: path, Msg: "这是一个目录，不是文件"}
	}
	if st.Size() > model.MaxFileSize {
		return nil, &model.Error{File: path, Msg: "文件过大"}
	}
	data, err := model.ReadRegular(path) // a FIFO or device is refused, not waited on
	if err != nil {
		var e *model.Error
		if errors.As(err, &e) {
			return nil, err
		}
		return nil, &model.Error{File: path, Msg: "无法读取文件：" + model.OSReason(err)}
	}
	t, err := model.ParseTemplateLenient(path, data)
	if err != nil {
		return nil, err
	}
	return Template(t, opts), nil
}

// Template lints a template in memory, sorted by position.
func Template(t *model.Template, opts Options) []Finding {
	l := &linter{t: t, file: t.File()}
	l.template()
	l.sections()
	l.figures()
	l.relations()
	l.cycles()
	if opts.Previous != nil {
		l.version(opts.Previous)
	}
	sort.SliceStable(l.out, func(i, j int) bool {
		a, b := l.out[i], l.out[j]
		if (a.Line == 0) != (b.Line == 0) {
			return a.Line != 0 // positioned findings first, in file order
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return l.out
}

type linter struct {
	t    *model.Template
	file string
	out  []Finding
}

func (l *linter) add(sev Severity, rule string, line, col int, sec, fig, format string, args ...any) {
	l.out = append(l.out, Finding{Rule: rule, Severity: sev, File: l.file, Line: line, Col: col,
		Section: sec, Figure: fig, Message: model.Printable(fmt.Sprintf(format, args...))})
}

func (l *linter) template() {
	t := l.t
	if strings.TrimSpace(t.ID) == "" {
		l.add(Error, "template.id", 1, 1, "", "", "模板缺少 id")
	}
	if t.Version < 1 {
		l.add(Error, "template.version", 1, 1, "", "", "模板版本号 version 应当是正整数（从 1 开始）")
	}
	if len(t.Sections) == 0 {
		l.add(Error, "template.sections", 1, 1, "", "", "模板没有任何章节")
	}
	for _, k := range sortedKeys(t.Rules) {
		valid := false
		for _, lv := range model.RuleLevels {
			valid = valid || lv == t.Rules[k]
		}
		if !valid {
			l.add(Error, "template.rule.level", 0, 0, "", "", "规则“%s”的级别“%s”无效，应为 off、info、warning 或 error", k, t.Rules[k])
		}
		// A misspelt rule id would silently change nothing.
		if _, known := check.RuleByID(k); !known {
			l.add(Warning, "template.rule.unknown", 0, 0, "", "", "没有名为“%s”的检查规则，这项设置不起作用（nianbao check --rules 列出全部规则）", k)
		}
	}
}

// name says which section a message is about, by title when it has one,
// because sections added in the editor have no line to point at.
func secName(s *model.Section) string {
	if strings.TrimSpace(s.Title) != "" {
		return "章节“" + s.Title + "”"
	}
	if s.ID != "" {
		return "章节“" + s.ID + "”"
	}
	return "章节"
}

func figName(f *model.Figure) string {
	if strings.TrimSpace(f.Label) != "" {
		return "数字“" + f.Label + "”"
	}
	if f.ID != "" {
		return "数字“" + f.ID + "”"
	}
	return "数字"
}

func (l *linter) sections() {
	seen := map[string]*model.Section{}
	l.t.Walk(func(s *model.Section) bool {
		switch id := strings.TrimSpace(s.ID); {
		case id == "":
			l.add(Error, "section.id.empty", s.Line, s.Col, "", "", "%s缺少 id", secName(s))
		case seen[id] != nil:
			l.add(Error, "section.id.duplicate", s.Line, s.Col, s.ID, "", "章节 id“%s”重复（%s）", id, firstUse(seen[id].Line, seen[id].Title))
		default:
			seen[id] = s
		}
		if strings.TrimSpace(s.Title) == "" {
			l.add(Error, "section.title.empty", s.Line, s.Col, s.ID, "", "章节“%s”没有标题", s.ID)
		}
		if s.MinChars < 0 {
			l.add(Error, "section.min_chars", s.Line, s.Col, s.ID, "", "%s的最少字数不能为负数", secName(s))
		}
		return true
	})
	l.formerIDs(seen)
}

// formerIDs checks the ids sections had before (formerly): migration moves
// a draft's text written under such an id to the section that lists it, so
// one that is again a live id, or that two sections claim, leaves it
// unclear where the text belongs.
func (l *linter) formerIDs(live map[string]*model.Section) {
	owner := map[string]*model.Section{}
	l.t.Walk(func(s *model.Section) bool {
		for _, f := range s.Formerly {
			f = strings.TrimSpace(f)
			switch {
			case f == "":
				l.add(Error, "section.formerly.empty", s.Line, s.Col, s.ID, "", "%s的旧 id 列表 formerly 中有空项", secName(s))
			case live[f] == s:
				l.add(Error, "section.formerly.live", s.Line, s.Col, s.ID, "", "%s的旧 id“%s”就是它现在的 id，请从 formerly 中删去", secName(s), f)
			case live[f] != nil:
				l.add(Error, "section.formerly.live", s.Line, s.Col, s.ID, "", "%s的旧 id“%s”与%s的 id 相同：旧草稿中写在“%s”下的内容会分不清归属", secName(s), f, secName(live[f]), f)
			case owner[f] != nil && owner[f] != s:
				l.add(Error, "section.formerly.duplicate", s.Line, s.Col, s.ID, "", "%s和%s都把“%s”列为旧 id，旧草稿中的内容会分不清归属", secName(owner[f]), secName(s), f)
			default:
				owner[f] = s
			}
		}
		return true
	})
}

func firstUse(line int, title string) string {
	if line > 0 {
		return fmt.Sprintf("第 %d 行已使用", line)
	}
	return "章节“" + title + "”已使用"
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
