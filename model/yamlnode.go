package model

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds every YAML file nianbao reads. A real report is well
// under 1 MiB; the limit keeps a hostile or mistaken file from exhausting
// memory.
const MaxFileSize = 16 << 20

// maxDepth bounds nesting; templates are a few levels deep, so anything
// deeper is a mistake or an attack on the recursive walkers below.
const maxDepth = 64

// parseDocument parses YAML into a document node and rejects what nianbao's
// files never contain: aliases (the "billion laughs" bomb), duplicate keys,
// absurd nesting, invalid UTF-8 and NUL bytes.
func parseDocument(file string, data []byte) (*yaml.Node, error) {
	if len(data) > MaxFileSize {
		return nil, &Error{File: file, Msg: fmt.Sprintf("文件过大（%d 字节，上限 %d 字节）", len(data), MaxFileSize)}
	}
	if err := checkText(file, data); err != nil {
		return nil, err
	}
	if _, gbk := MisreadGBK(data); gbk {
		line, col := firstNonASCII(data)
		return nil, &Error{File: file, Line: line, Col: col,
			Msg: "文件似乎是用 GBK 编码保存的：按 UTF-8 读出来是乱码，没有一个汉字。请用记事本或 WPS 打开后另存为 UTF-8 编码"}
	}
	if err := checkStructure(file, data); err != nil {
		return nil, err
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return nil, &Error{File: file, Line: 1, Col: 1, Msg: "文件为空"}
		}
		if strings.Contains(err.Error(), "exceeded max depth") {
			return nil, depthError(file, data)
		}
		return nil, syntaxError(file, data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, errAt(file, &extra, "文件中只能有一个 YAML 文档（发现了多余的“---”）")
	}
	if len(doc.Content) == 0 {
		return nil, &Error{File: file, Line: 1, Col: 1, Msg: "文件为空"}
	}
	var errs Errors
	walkChecks(file, doc.Content[0], 0, &errs)
	if err := errorsOrNil(errs); err != nil {
		return nil, err
	}
	return &doc, nil
}

// checkText rejects bytes that would otherwise surface as confusing parser
// messages, and locates them.
func checkText(file string, data []byte) error {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return &Error{File: file, Line: line, Col: col, Msg: "文件不是有效的 UTF-8 编码（可能是 GBK）；请另存为 UTF-8"}
		case r == 0:
			return &Error{File: file, Line: line, Col: col, Msg: "文件中含有空字符（NUL），可能不是文本文件"}
		case !yamlPrintable(r):
			return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf("文件中含有不允许的控制字符（U+%04X），请删除", r)}
		case r == '\n':
			line, col = line+1, 0
		}
		col++
		i += size
	}
	return nil
}

// yamlPrintable is the set of characters YAML allows in a file; the
// parser rejects the others without saying where they are.
func yamlPrintable(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
		r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}

func walkChecks(file string, n *yaml.Node, depth int, errs *Errors) {
	if depth > maxDepth {
		*errs = append(*errs, errAt(file, n, "嵌套层级过深（超过 %d 层）", maxDepth))
		return
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		*errs = append(*errs, errAt(file, n, "不支持 YAML 锚点和别名（& 和 *），请直接写出内容"))
		return
	}
	if n.Kind == yaml.MappingNode {
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if prev, ok := seen[k.Value]; ok {
				*errs = append(*errs, errAt(file, k, "键“%s”重复（第 %d 行已出现）", k.Value, prev.Line))
			} else {
				seen[k.Value] = k
			}
		}
	}
	for _, c := range n.Content {
		walkChecks(file, c, depth+1, errs)
	}
}

// pairs calls fn for each key/value of a mapping node in file order.
func pairs(n *yaml.Node, fn func(k, v *yaml.Node)) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		fn(n.Content[i], n.Content[i+1])
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "映射（键: 值）"
	case yaml.SequenceNode:
		return "列表"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "空值"
		}
		return "单个值“" + clip(n.Value, 20) + "”"
	}
	return "其他内容"
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func expectMapping(file string, n *yaml.Node, what string) *Error {
	if n.Kind != yaml.MappingNode {
		return errAt(file, n, "%s应当是映射（键: 值），实际是%s", what, kindName(n))
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func decodeString(file string, n *yaml.Node, what string) (string, *Error) {
	if isNull(n) {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", errAt(file, n, "%s应当是文字，实际是%s", what, kindName(n))
	}
	return n.Value, nil
}

func decodeInt(file string, n *yaml.Node, what string) (int, *Error) {
	if isNull(n) {
		return 0, nil
	}
	if n.Kind != yaml.ScalarNode {
		return 0, errAt(file, n, "%s应当是整数，实际是%s", what, kindName(n))
	}
	v, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if err != nil {
		return 0, errAt(file, n, "%s应当是整数，实际是“%s”", what, clip(n.Value, 20))
	}
	return v, nil
}

func decodeBool(file string, n *yaml.Node, what string) (bool, *Error) {
	if isNull(n) {
		return false, nil
	}
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "yes", "是":
			return true, nil
		case "false", "no", "否":
			return false, nil
		}
	}
	return false, errAt(file, n, "%s应当是 true 或 false，实际是%s", what, kindName(n))
}

// MaxFigure bounds figure values: no figure in an annual report comes near
// it, and beyond it float64 stops representing integers exactly.
const MaxFigure = 1e15

// Number is a figure value as the drafter wrote it. Text keeps the literal
// ("8.69", "120") so saving never reformats a value; Value is for arithmetic.
type Number struct {
	Value float64
	Text  string
}

// ParseNumber reads a figure value typed by a drafter or found in a file.
// Thousands separators (1,234 or 1，234) and full-width digits are accepted;
// units and percent signs are not, because the template carries the unit.
func ParseNumber(s string) (Number, error) {
	if n, ok := plainCount(s); ok {
		return n, nil
	}
	return parseNumberText(s)
}

// parseNumberText is ParseNumber for any text.
func parseNumberText(s string) (Number, error) {
	t := normalizeDigits(strings.TrimSpace(s))
	t = strings.ReplaceAll(t, ",", "")
	if t == "" {
		return Number{}, fmt.Errorf("不是数字：内容为空")
	}
	if strings.HasSuffix(t, "%") {
		return Number{}, fmt.Errorf("请只填数字，不要带“%%”：单位由模板给出")
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+') {
			return Number{}, fmt.Errorf("“%s”不是数字：只能填写阿拉伯数字和小数点", clip(s, 20))
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return Number{}, fmt.Errorf("“%s”不是数字", clip(s, 20))
	}
	if math.Abs(v) > MaxFigure {
		return Number{}, fmt.Errorf("数字过大：%s", clip(s, 20))
	}
	return Number{Value: v, Text: t}, nil
}

// plainCount is ParseNumber for a run of at most fifteen ASCII digits, the
// form of nearly every number the figure reader parses (several hundred
// in a report): read without the normalising copies and the float parser.
// Fifteen digits stay below MaxFigure (1e15) and are exact in a float64.
// TestParseNumberPlainCount holds the two equal.
func plainCount(s string) (Number, bool) {
	if s == "" || len(s) > 15 {
		return Number{}, false
	}
	v := int64(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return Number{}, false
		}
		v = v*10 + int64(c-'0')
	}
	return Number{Value: float64(v), Text: s}, true
}

// NumberOf makes a Number from a computed value, formatted without
// trailing zeros.
func NumberOf(v float64) Number {
	return Number{Value: v, Text: strconv.FormatFloat(v, 'f', -1, 64)}
}

func normalizeDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '％':
			return '%'
		case r == '－':
			return '-'
		}
		return r
	}, s)
}

func decodeNumber(file string, n *yaml.Node, what string) (Number, *Error) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return Number{}, errAt(file, n, "%s应当是数字，实际是%s", what, kindName(n))
	}
	num, err := ParseNumber(n.Value)
	if err != nil {
		return Number{}, errAt(file, n, "%s：%v", what, err)
	}
	return num, nil
}

// --- encoding -------------------------------------------------------------

func mapNode() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }
func seqNode() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"} }

// StringNode is a text as nianbao writes it in YAML, in drafts, templates
// and the draft data exports carry.
func StringNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	// A line break makes yaml.v3 choose a literal block, which it writes
	// unreadably when a line starts with a tab ("\t第一段\n…" as a unit
	// could be saved but not opened again). Quoted, with \n and \t
	// escaped, it always reads back.
	if strings.ContainsAny(s, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// proseNode writes text as a literal block scalar so paragraphs stay
// readable and diffable; an empty text is written as "".
func proseNode(s string) *yaml.Node {
	n := StringNode(s)
	if s != "" {
		n.Style = yaml.LiteralStyle
		// yaml.v3 cannot write some strings as literal blocks faithfully
		// (a leading blank line, leading spaces, carriage returns); those
		// fall back to a quoted scalar rather than change the text.
		if !literalSafe(s) && !roundTrips(n, s) {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	return n
}

// faithfulBlock returns n, or a quoted copy when n is a block scalar that
// yaml.v3 would not write back with the same value (kept nodes are written
// in their original style, which the parser accepted but the emitter may
// not reproduce, e.g. a literal block starting with a blank line).
func faithfulBlock(n *yaml.Node) *yaml.Node {
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || n.Value == "" || literalSafe(n.Value) || roundTrips(n, n.Value) {
		return n
	}
	out := *n
	out.Style = yaml.DoubleQuotedStyle
	return &out
}

// literalSafe is the common case that needs no round-trip check: prose
// that starts and ends with text and has no control characters.
func literalSafe(s string) bool {
	if s[0] == ' ' || s[0] == '\n' || s[0] == '\t' {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return false
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") {
			return false
		}
	}
	return !strings.HasSuffix(s, "\n\n")
}

func roundTrips(n *yaml.Node, s string) bool {
	data, err := yaml.Marshal(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{StringNode("k"), n}})
	if err != nil {
		return false
	}
	var back map[string]string
	return yaml.Unmarshal(data, &back) == nil && back["k"] == s
}

func intNode(v int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
}

func boolNode(v bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
}

func numberNode(n Number) *yaml.Node {
	tag := "!!int"
	if strings.ContainsAny(n.Text, ".eE") {
		tag = "!!float"
	}
	text := n.Text
	if text == "" {
		text = strconv.FormatFloat(n.Value, 'f', -1, 64)
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text}
}

func addPair(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, StringNode(key), v)
}

// shape describes which keys of a mapping nianbao understands. Keys a file
// has that are not known here are carried over untouched on save; known keys
// missing from the new content are removed.
type shape struct {
	known map[string]*shape // nil: every key is data (sections, figures)
	items *shape            // shape of sequence items or of data values
}

// merge lays fresh content over the node tree that was loaded, so comments,
// key order, scalar styles and keys nianbao does not know survive a save.
func merge(old, fresh *yaml.Node, sh *shape) *yaml.Node {
	if old == nil {
		return fresh
	}
	if fresh == nil {
		return nil
	}
	switch {
	case old.Kind == yaml.MappingNode && fresh.Kind == yaml.MappingNode:
		return mergeMapping(old, fresh, sh)
	case old.Kind == yaml.SequenceNode && fresh.Kind == yaml.SequenceNode:
		return mergeSequence(old, fresh, sh)
	case old.Kind == yaml.ScalarNode && fresh.Kind == yaml.ScalarNode:
		if old.Value == fresh.Value && !isNull(old) == !isNull(fresh) {
			return faithfulBlock(old)
		}
		out := *fresh
		out.HeadComment, out.LineComment, out.FootComment = old.HeadComment, old.LineComment, old.FootComment
		return &out
	}
	return fresh
}

func childShape(sh *shape, key string) *shape {
	if sh == nil {
		return nil
	}
	if sh.known == nil {
		return sh.items
	}
	return sh.known[key]
}

func mergeMapping(old, fresh *yaml.Node, sh *shape) *yaml.Node {
	out := *old
	out.Content = nil
	out.Style = layoutOf(old, fresh)
	freshIdx := map[string]int{}
	for i := 0; i+1 < len(fresh.Content); i += 2 {
		freshIdx[fresh.Content[i].Value] = i
	}
	placed := map[string]bool{}
	// Old keys first, in their file order: merged when still present, kept
	// when unknown to nianbao, dropped when nianbao removed them.
	for i := 0; i+1 < len(old.Content); i += 2 {
		k := old.Content[i]
		if j, ok := freshIdx[k.Value]; ok {
			v := merge(old.Content[i+1], fresh.Content[j+1], childShape(sh, k.Value))
			if v.Kind != old.Content[i+1].Kind && k.LineComment != "" {
				// yaml.v3 writes a key's line comment before a value whose
				// kind changed in a way it cannot parse back; keep the
				// comment on its own line above the key instead.
				kc := *k
				kc.HeadComment = strings.TrimSpace(kc.HeadComment + "\n" + kc.LineComment)
				kc.LineComment = ""
				k = &kc
			}
			out.Content = append(out.Content, k, v)
			placed[k.Value] = true
			continue
		}
		if sh != nil && sh.known != nil {
			if _, known := sh.known[k.Value]; !known {
				out.Content = append(out.Content, k, old.Content[i+1])
			}
		}
	}
	// New keys go right after the key that precedes them in fresh content,
	// so a new figure lands beside its neighbours instead of at the end.
	for i := 0; i+1 < len(fresh.Content); i += 2 {
		k := fresh.Content[i]
		if placed[k.Value] {
			continue
		}
		at := 0
		for p := i - 2; p >= 0; p -= 2 {
			if pos := indexOfKey(out.Content, fresh.Content[p].Value); pos >= 0 {
				at = pos + 2
				break
			}
		}
		if at == 0 && i > 0 {
			at = len(out.Content)
		}
		ins := []*yaml.Node{k, fresh.Content[i+1]}
		out.Content = append(out.Content[:at], append(ins, out.Content[at:]...)...)
		placed[k.Value] = true
	}
	return &out
}

// layoutOf is the style of a merged mapping or sequence: the old node's,
// except that the writer, not the file, decides between flow and block.
// An empty map is read as flow ("figures: {}" in a new draft), and keeping
// that once figures are filled wrote them all on one line, so a diff showed
// every figure changed and every finding on them pointed at that line.
// Flow-style files still read; they are written in the writer's layout.
func layoutOf(old, fresh *yaml.Node) yaml.Style {
	return old.Style&^yaml.FlowStyle | fresh.Style&yaml.FlowStyle
}

func indexOfKey(content []*yaml.Node, key string) int {
	for i := 0; i+1 < len(content); i += 2 {
		if content[i].Value == key {
			return i
		}
	}
	return -1
}

// mergeSequence matches mapping items by their "id" key (sections, figures)
// so a moved section keeps its comments and unknown keys; other items match
// by position.
func mergeSequence(old, fresh *yaml.Node, sh *shape) *yaml.Node {
	out := *old
	out.Content = nil
	out.Style = layoutOf(old, fresh)
	byID := map[string]*yaml.Node{}
	for _, it := range old.Content {
		if id := itemID(it); id != "" {
			byID[id] = it
		}
	}
	var itemShape *shape
	if sh != nil {
		itemShape = sh.items
	}
	for i, it := range fresh.Content {
		var prev *yaml.Node
		if id := itemID(it); id != "" {
			prev = byID[id]
		} else if i < len(old.Content) && itemID(old.Content[i]) == "" {
			prev = old.Content[i]
		}
		out.Content = append(out.Content, merge(prev, it, itemShape))
	}
	return &out
}

func itemID(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	if i := indexOfKey(n.Content, "id"); i >= 0 {
		return n.Content[i+1].Value
	}
	return ""
}

// encodeDocument writes a node tree the way nianbao always writes YAML:
// two-space indent, one document, trailing newline.
//
// yaml.v3 places some comments where they cannot be read back (a line
// comment of an odd value, "0: ! #000", came out after the next key as
// "figures: #000" above a bare "{}"), and a draft it wrote so would not
// open again. The output is parsed before it is returned; when it does not
// parse, the comments are written on lines of their own above their nodes,
// and only if that fails too are they left out.
func encodeDocument(root *yaml.Node, headComment string) ([]byte, error) {
	out, err := encodeTree(root, headComment)
	if err != nil || parses(out) {
		return out, err
	}
	for _, keep := range []bool{true, false} {
		tree := copyTree(root)
		liftComments(tree, keep)
		if out, err = encodeTree(tree, headComment); err == nil && parses(out) {
			return out, nil
		}
	}
	return nil, errors.New("无法写成可以读回的 YAML")
}

func parses(b []byte) bool {
	var n yaml.Node
	return yaml.Unmarshal(b, &n) == nil
}

// copyTree copies a node tree, so that moving its comments leaves the
// loaded tree as it was. An alias's target is shared, as in the original.
func copyTree(n *yaml.Node) *yaml.Node {
	if n == nil {
		return nil
	}
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, ch := range n.Content {
		c.Content[i] = copyTree(ch)
	}
	return &c
}

// liftComments moves every line and foot comment of the tree into the head
// comment of its node (keep) or drops all comments.
func liftComments(n *yaml.Node, keep bool) {
	if n == nil {
		return
	}
	if keep {
		parts := []string{}
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			if c = strings.TrimSpace(c); c != "" {
				parts = append(parts, c)
			}
		}
		n.HeadComment = strings.Join(parts, "\n")
	} else {
		n.HeadComment = ""
	}
	n.LineComment, n.FootComment = "", ""
	for _, c := range n.Content {
		liftComments(c, keep)
	}
}

func encodeTree(root *yaml.Node, headComment string) ([]byte, error) {
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}, HeadComment: headComment}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
