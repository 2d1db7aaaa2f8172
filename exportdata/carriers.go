package exportdata

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/internal/xmlscan"
)

// ---- .docx: custom document properties ----------------------------------
//
// Checked with LibreOffice 7 (soffice --headless --convert-to docx, private
// profile): a custom XML part (customXml/item1.xml) and custom document
// properties (docProps/custom.xml) both survive a docx → docx re-save, but
// only the custom properties survive docx → odt → docx. Word and WPS keep
// both. So the payload rides in custom properties. Word's property dialog
// limits a text value to 255 characters, so the payload is cut into
// numbered parts well under that; a reviewer sees them under
// 文件 › 属性 › 自定义 as plain YAML.

// Docx package names for the custom properties part.
const (
	DocxPartName    = "docProps/custom.xml"
	DocxContentType = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
	DocxRelType     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)

const (
	propPrefix = "nianbao-draft-"
	propParts  = propPrefix + "parts"
	// propChunk is the characters per property value.
	propChunk = 200
	// fmtidUser is the property set id Word uses for user-defined properties.
	fmtidUser = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
	// maxParts bounds the parts read: MaxSize cut into chunks of at least
	// one byte per character.
	maxParts = MaxSize/propChunk + 1
)

// DocxCustomXML is docProps/custom.xml holding the payload.
func DocxCustomXML(payload []byte) []byte {
	chunks := splitRunes(string(payload), propChunk)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	prop := func(pid int, name, value string) {
		fmt.Fprintf(&b, `<property fmtid="%s" pid="%d" name="%s"><vt:lpwstr>`, fmtidUser, pid, name)
		b.WriteString(escapeXMLText(value))
		b.WriteString(`</vt:lpwstr></property>`)
	}
	prop(2, propParts, strconv.Itoa(len(chunks)))
	for i, c := range chunks {
		prop(i+3, fmt.Sprintf("%s%03d", propPrefix, i+1), c)
	}
	b.WriteString(`</Properties>`)
	return b.Bytes()
}

// escapeXMLText escapes element text, writing line breaks as character
// references so no XML processor normalises them away.
func escapeXMLText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // also writes \n as &#xA;
	return b.String()
}

func splitRunes(s string, n int) []string {
	var out []string
	for s != "" {
		i, k := 0, 0
		for i < len(s) && k < n {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			k++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

// FromDocxCustomXML reassembles the payload from docProps/custom.xml. It
// returns nil, nil when the part holds no nianbao payload (a document
// nianbao did not write, or one whose properties were deleted).
func FromDocxCustomXML(data []byte) ([]byte, error) {
	if len(data) > 8*MaxSize {
		return nil, &Error{"自定义属性过大"}
	}
	parts := map[int]string{}
	count := -1
	var name string
	inValue := false
	var value strings.Builder
	err := xmlscan.Walk(data, xmlscan.Generous, nil, func(t *xmlscan.Token, _ int) error {
		switch t.Kind {
		case xmlscan.Start:
			switch t.Name.Local {
			case "property":
				name = t.AttrValue("name")
			case "lpwstr":
				inValue = strings.HasPrefix(name, propPrefix)
				value.Reset()
			}
		case xmlscan.Text:
			if inValue {
				if value.Len()+len(t.Text) > MaxSize {
					return &Error{"自定义属性过大"}
				}
				value.Write(t.Text)
			}
		case xmlscan.End:
			if t.Name.Local != "lpwstr" || !inValue {
				return nil
			}
			inValue = false
			if name == propParts {
				n, err := strconv.Atoi(strings.TrimSpace(value.String()))
				if err != nil || n < 1 || n > maxParts {
					return &Error{"分段数“" + firstLine(value.String()) + "”无效"}
				}
				count = n
				return nil
			}
			i, err := strconv.Atoi(strings.TrimPrefix(name, propPrefix))
			if err != nil || i < 1 || i > maxParts {
				return nil // a property of ours we do not know; ignore
			}
			parts[i] = value.String()
		}
		return nil
	}, func() {
		clear(parts)
		count, name, inValue = -1, "", false
		value.Reset()
	})
	var ours *Error
	switch {
	case errors.As(err, &ours):
		return nil, err
	case err != nil:
		return nil, &Error{"自定义属性不是有效的 XML：" + firstLine(xmlReason(err))}
	}
	if count < 0 && len(parts) == 0 {
		return nil, nil
	}
	if count < 0 {
		return nil, &Error{"缺少分段数（" + propParts + "）"}
	}
	var b strings.Builder
	for i := 1; i <= count; i++ {
		p, ok := parts[i]
		if !ok {
			return nil, &Error{fmt.Sprintf("缺少第 %d 段（共 %d 段）", i, count)}
		}
		b.WriteString(p)
	}
	return []byte(b.String()), nil
}

// xmlReason words a walk's own error as encoding/xml did.
func xmlReason(err error) string {
	var bad *xmlscan.DecodeError
	switch {
	case errors.As(err, &bad):
		return bad.Err.Error()
	case errors.Is(err, xmlscan.ErrUnclosed):
		return "XML 未闭合"
	}
	return "XML 过深或过大"
}

// ---- .html: a JSON block ---------------------------------------------------

// HTMLBlockID is the id of the script element that carries the payload.
const HTMLBlockID = "nianbao-draft"

// htmlBlock is the JSON inside the block.
type htmlBlock struct {
	Format  string `json:"format"`
	Payload string `json:"payload"`
}

const htmlFormat = "nianbao-draft"

// HTMLBlock is the script element carrying the payload. Browsers do not
// render application/json scripts. encoding/json escapes <, > and & as
// \u003c…, so the text can never contain "</script" or "<!--".
func HTMLBlock(payload []byte) string {
	j, _ := json.Marshal(htmlBlock{Format: htmlFormat, Payload: string(payload)})
	return `<script type="application/json" id="` + HTMLBlockID + `">` + string(j) + "</script>\n"
}

var htmlBlockRe = regexp.MustCompile(`(?is)<script\b[^>]*\bid\s*=\s*["']?` + HTMLBlockID + `["']?[^>]*>(.*?)</script\s*>`)

// FromHTML finds the payload block in a page; nil, nil when there is none.
func FromHTML(page []byte) ([]byte, error) {
	m := htmlBlockRe.FindSubmatch(page)
	if m == nil {
		return nil, nil
	}
	if len(m[1]) > 8*MaxSize {
		return nil, &Error{"网页中的数据块过大"}
	}
	var blk htmlBlock
	if err := json.Unmarshal(bytes.TrimSpace(m[1]), &blk); err != nil {
		return nil, &Error{"网页中的数据块不是有效的 JSON：" + firstLine(err.Error())}
	}
	if blk.Format != htmlFormat {
		return nil, &Error{"网页中的数据块格式“" + firstLine(blk.Format) + "”未知"}
	}
	return []byte(blk.Payload), nil
}

// HTMLGenerator is the meta element naming nianbao as the page's author.
const HTMLGenerator = `<meta name="generator" content="nianbao">`

// IsNianbaoHTML says whether a page is a nianbao export: it carries a
// payload block or names nianbao as its generator (a block someone took
// out leaves a page nianbao still knows how to read).
func IsNianbaoHTML(page []byte) bool {
	head := page[:min(len(page), 64<<10)]
	return bytes.Contains(head, []byte(HTMLGenerator)) || htmlBlockRe.Match(page)
}

// ---- .md: front matter -----------------------------------------------------

// FrontMatter is the payload as Markdown front matter.
func FrontMatter(payload []byte) string {
	return "---\n" + string(payload) + "---\n"
}

// maxFrontMatterLines bounds the search for the closing "---".
const maxFrontMatterLines = 5000

// FromFrontMatter finds nianbao front matter at the top of a Markdown
// file's lines and returns the payload and how many lines it spans; 0
// lines when the file does not start with it.
func FromFrontMatter(lines []string) ([]byte, int) {
	if len(lines) < 2 || strings.TrimSpace(lines[0]) != "---" || !isVersionLine(lines[1]) {
		return nil, 0
	}
	var b strings.Builder
	for i := 1; i < len(lines) && i < maxFrontMatterLines; i++ {
		if t := strings.TrimRight(lines[i], " \t\r"); t == "---" || t == "..." {
			return []byte(b.String()), i + 1
		}
		b.WriteString(strings.TrimRight(lines[i], "\r"))
		b.WriteByte('\n')
		if b.Len() > MaxSize {
			break
		}
	}
	return nil, 0
}

func isVersionLine(l string) bool {
	k, _, ok := strings.Cut(strings.TrimSpace(l), ":")
	return ok && k == versionKey
}

// ---- .txt: a trailer -------------------------------------------------------
//
// Plain text has no invisible place, so the data follows the text after a
// blank line, between two marker lines that say what it is and that a
// reader may ignore or delete it. It is plain YAML, readable by anyone who
// looks: nothing hidden in a file meant to be read. Deleting the trailer
// loses nothing of the report; check then reads the visible text alone.

const (
	trailerBegin = "===== 以下为 nianbao 草稿数据（供 nianbao check、import 核对用，阅读和打印时可忽略或删去） ====="
	trailerEnd   = "===== nianbao 草稿数据结束 ====="
	// trailerMarker identifies the begin line even if its wording was
	// touched up.
	trailerMarker = "===== 以下为 nianbao 草稿数据"
)

// TextTrailer is the trailer appended to a plain-text export.
func TextTrailer(payload []byte) string {
	return "\n\n" + trailerBegin + "\n" + string(payload) + trailerEnd + "\n"
}

// lastIndex is strings.LastIndex found by forward searches: its first
// byte ("=") is rare in a report, so each search runs at memchr's speed,
// where LastIndex hashes every byte of a text that has no trailer.
func lastIndex(s, sub string) int {
	last := -1
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			break
		}
		last = from + i
		from = last + 1
	}
	return last
}

// SplitTextTrailer takes a trailer out of a text. found says a begin
// marker was there. When the end marker is missing (the trailer was cut or
// edited), payload is nil and body is the whole text: what is left of the
// data is shown as text rather than silently dropped. Text someone added
// after the trailer stays in body.
func SplitTextTrailer(text string) (body string, payload []byte, found bool) {
	i := lastIndex(text, trailerMarker)
	if i < 0 || (i > 0 && text[i-1] != '\n') {
		return text, nil, false
	}
	rest := text[i:]
	nl := strings.IndexByte(rest, '\n')
	if nl < 0 {
		return text, nil, true
	}
	rest = rest[nl+1:]
	j := strings.Index(rest, trailerEnd)
	if j < 0 || (j > 0 && rest[j-1] != '\n') {
		return text, nil, true
	}
	body = strings.TrimRight(text[:i], "\r\n \t")
	if after := strings.TrimSpace(rest[j+len(trailerEnd):]); after != "" {
		body += "\n" + after
	}
	return body, []byte(strings.ReplaceAll(rest[:j], "\r\n", "\n")), true
}
