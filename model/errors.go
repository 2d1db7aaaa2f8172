// Package model holds the report and template types of nianbao and reads and
// writes them as YAML. It never touches a terminal: the editor, the checker
// and the exporters all work on these types, and only this package turns them
// into bytes on disk.
package model

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is a problem in an input file, located as precisely as the file
// allows. Messages are in Chinese because they are shown to drafters.
type Error struct {
	File string // path as given by the user; may be empty for in-memory data
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(Printable(e.File))
	} else {
		b.WriteString("<输入>")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(Printable(e.Msg))
	return b.String()
}

// Errors collects every problem found in one file so the user can fix them
// all at once instead of one per run.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the individual errors.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// errorsOrNil avoids the typed-nil trap of returning an empty Errors as error.
// It also caps the list at maxErrors problems.
func errorsOrNil(es Errors) error {
	if len(es) == 0 {
		return nil
	}
	return capErrors(es)
}

// ErrUnreadable marks errors that mean the input could not be read or
// understood at all; commands map it to exit code 2.
var ErrUnreadable = errors.New("无法读取输入")

func errAt(file string, n *yaml.Node, format string, args ...any) *Error {
	e := &Error{File: file, Msg: Printable(fmt.Sprintf(format, args...))}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	return e
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 parser error into a located Chinese message.
// yaml.v3 reports only the line of a syntax error; the column given is the
// first non-blank character on that line, which is where editors put the
// cursor for "go to line" anyway.
func syntaxError(file string, data []byte, err error) *Error {
	msg := err.Error()
	line := 0
	detail := strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		detail = m[2]
	}
	col := 0
	if line > 0 {
		col = firstNonBlankCol(data, line)
	}
	return &Error{File: file, Line: line, Col: col, Msg: "YAML 格式错误：" + translateYAML(detail)}
}

func firstNonBlankCol(data []byte, line int) int {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	text := lines[line-1]
	for i, r := range []rune(text) {
		if r != ' ' {
			return i + 1
		}
	}
	return 1
}

// translateYAML gives the common yaml.v3 parser messages a Chinese
// explanation while keeping the original text for searching.
func translateYAML(detail string) string {
	known := []struct{ en, zh string }{
		{"mapping values are not allowed in this context", "此处不能出现“键: 值”，可能是缩进不对或冒号后缺少空格"},
		{"did not find expected key", "缺少应有的键，可能是缩进不一致"},
		{"found character that cannot start any token", "出现了不能作为开头的字符（例如制表符），请改用空格缩进"},
		{"could not find expected ':'", "缺少冒号“:”"},
		{"found unexpected end of stream", "文件意外结束，可能有未闭合的引号或括号"},
		{"did not find expected node content", "缺少内容"},
		{"found a tab character that violates indentation", "缩进中含有制表符，请改用空格"},
		{"block sequence entries are not allowed in this context", "此处不能出现列表项“- ”，可能是缩进不对"},
		{"found unknown escape character", "引号内有无效的转义字符"},
		{"invalid leading UTF-8 octet", "文件不是有效的 UTF-8 编码"},
		{"control characters are not allowed", "文件中含有不允许的控制字符"},
	}
	for _, k := range known {
		if strings.Contains(detail, k.en) {
			return k.zh + "（" + detail + "）"
		}
	}
	return detail
}
