// Package exportdata is the one definition of the draft data every export
// carries inside the file, out of sight on the page: the template id and
// version, unit, year, title override, date, contact and every figure, what
// the page showed as title, signature and date, and a fingerprint of each
// section's printed text. `nianbao check` and `nianbao import` of an
// exported file read it back, so the office's verdict on the .docx is the
// editor's verdict on the draft, and the fingerprints tell which parts of
// the visible text were edited after the export.
//
// The payload is a YAML document (a subset of a draft file, read with the
// model's hardened draft reader) with a format version in its first key.
// carriers.go wraps it for each format: .docx custom document properties,
// an HTML JSON block, Markdown front matter and a delimited plain-text
// trailer. render writes it and ingest reads it; neither knows the format.
//
// What is deliberately NOT carried: the drafter's notes and comments, last
// year's hints and reference text, text the importer could not place and
// the text of removed sections. The exported file is published; nothing
// the drafter did not mean to publish may ride along invisibly. The
// section text itself is on the page, so only its fingerprint is carried.
package exportdata

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// Version is the payload format written. Readers accept every version up
// to it and refuse newer ones with a message, never a guess.
const Version = 1

// versionKey is the first key of the payload; it marks a nianbao payload.
const versionKey = "nianbao"

// MaxSize bounds an encoded payload. Metadata, a few dozen figures and a
// fingerprint per section take 2–4 KB; anything much larger was not
// written by nianbao and is refused before parsing.
const MaxSize = 256 << 10

// Shown is what the exported page printed outside the sections, so an edit
// to it is recognised by comparing strings, without re-deriving titles or
// date formats.
type Shown struct {
	Title     string `yaml:"title,omitempty"`
	Signature string `yaml:"signature,omitempty"` // the signing unit line
	Date      string `yaml:"date,omitempty"`      // the date line as printed
}

// Payload is the carried draft data.
type Payload struct {
	Version int
	// Draft holds template, unit, year, title, date, contact and figures;
	// its sections map is empty (the text is on the page).
	Draft *model.Report
	Shown Shown
	// Digests maps a section id to the Digest of its printed text; sections
	// with no text have no entry.
	Digests map[string]string
}

// New builds the payload of a draft as exported; date is the date the
// export used (the draft's, or the one given with --date).
func New(r *model.Report, date string, shown Shown) *Payload {
	d := &model.Report{
		Template: r.Template,
		Unit:     r.Unit,
		Year:     r.Year,
		Title:    r.Title,
		Date:     date,
		Contact:  r.Contact,
		Figures:  map[string]model.Number{},
	}
	for id, n := range r.Figures {
		d.Figures[id] = n
	}
	p := &Payload{Version: Version, Draft: d, Shown: shown, Digests: map[string]string{}}
	for id, text := range r.Sections {
		if dg := Digest(text); dg != "" {
			p.Digests[id] = dg
		}
	}
	return p
}

// Digest fingerprints a section's text as it is printed and read back:
// white space and the backslashes Markdown escaping adds are ignored, so
// only a change a reader can see changes it. "" for text with nothing
// printable.
func Digest(text string) string {
	// The kept bytes are gathered into one buffer and hashed at once:
	// writing each run between ignored characters to a hash.Hash copied
	// it to the heap first (a string converted for an interface call),
	// which was most of the cost. An invalid byte is hashed as U+FFFD.
	bp := digestBuffers.Get().(*[]byte)
	kept := (*bp)[:0]
	run := 0
	for i := 0; i < len(text); {
		// Most of a report: a three-byte character whose lead byte no
		// ignored character shares (those lead with C2, E1, E2, E3, EF).
		if zhtext.PlainWideAt(text, i) {
			i += 3
			continue
		}
		if b := text[i]; b < utf8.RuneSelf {
			// Digits and ASCII punctuation: only blanks and \ are ignored.
			if b == ' ' || b == '\\' || b >= '\t' && b <= '\r' {
				kept = append(kept, text[run:i]...)
				run = i + 1
			}
			i++
			continue
		}
		r, w := zhtext.RuneAt(text, i) // full-width punctuation, mostly
		switch {
		case unicode.IsSpace(r) || r == '\\' || r == '\u200b' || r == '\ufeff':
			kept = append(kept, text[run:i]...)
			run = i + w
		case r == utf8.RuneError && w == 1:
			kept = append(append(kept, text[run:i]...), string(utf8.RuneError)...)
			run = i + w
		}
		i += w
	}
	kept = append(kept, text[run:]...)
	out := ""
	if len(kept) > 0 {
		sum := sha256.Sum256(kept)
		out = hex.EncodeToString(sum[:12])
	}
	*bp = kept
	digestBuffers.Put(bp)
	return out
}

// digestBuffers keeps Digest's buffers between calls: a check digests
// every section of every file.
var digestBuffers = sync.Pool{New: func() any { return new([]byte) }}

// Encode writes the payload as YAML: the version key first, then the draft
// fields as a draft file writes them, then what was shown and the digests.
func (p *Payload) Encode() ([]byte, error) {
	draft, err := p.Draft.Marshal()
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(draft, &doc); err != nil {
		return nil, err
	}
	root := doc.Content[0]
	// The draft encoder always writes a sections map; the payload has none.
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "sections" {
			root.Content = append(root.Content[:i], root.Content[i+2:]...)
			break
		}
	}
	ex := extraNode(p.Shown, p.Digests)
	head := []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: versionKey},
		{Kind: yaml.ScalarNode, Tag: "!!int", Value: fmt.Sprint(p.Version)},
	}
	root.Content = append(append(head, root.Content...), ex.Content...)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if buf.Len() > MaxSize {
		return nil, fmt.Errorf("附带的草稿数据过大（%d 字节，上限 %d 字节）", buf.Len(), MaxSize)
	}
	return buf.Bytes(), nil
}

// extraNode is the mapping of what was shown and the digests, built
// node by node with the draft's own text nodes: yaml.v3's Node.Encode
// writes a text and parses it back, and fails on a text with a line break
// and a tab (a date line "\t2026年\n…"), which it writes as an unreadable
// literal block.
func extraNode(shown Shown, digests map[string]string) *yaml.Node {
	str := model.StringNode
	ex := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	sh := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range [][2]string{{"title", shown.Title}, {"signature", shown.Signature}, {"date", shown.Date}} {
		if kv[1] != "" {
			sh.Content = append(sh.Content, str(kv[0]), str(kv[1]))
		}
	}
	if len(sh.Content) > 0 {
		ex.Content = append(ex.Content, str("shown"), sh)
	}
	if len(digests) > 0 {
		dg := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, id := range slices.Sorted(maps.Keys(digests)) {
			dg.Content = append(dg.Content, str(id), str(digests[id]))
		}
		ex.Content = append(ex.Content, str("digests"), dg)
	}
	return ex
}

// Error says why carried data could not be used. The document is then
// checked by its visible text alone, and the reason is reported.
type Error struct{ Reason string }

func (e *Error) Error() string { return "附带的草稿数据无法使用：" + e.Reason }

// Decode reads a payload. It never panics on hostile input: the size is
// bounded first, then the draft fields go through model.ParseReport (the
// hardened draft reader) and only then is the small remainder decoded.
func Decode(data []byte) (*Payload, error) {
	if len(data) > MaxSize {
		return nil, &Error{fmt.Sprintf("数据过大（%d 字节，上限 %d 字节）", len(data), MaxSize)}
	}
	data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	if p, ok := decodeFast(data); ok {
		return p, nil
	}
	return decodeYAML(data)
}

// decodeYAML reads a payload with the hardened draft reader.
func decodeYAML(data []byte) (*Payload, error) {
	r, err := model.ParseReport("附带数据", data)
	if err != nil {
		return nil, &Error{firstLine(err.Error())}
	}
	// A draft may keep text typed wrong in a figure field; an export
	// carries only values, so a figure that is not a number means the
	// data was damaged.
	if len(r.Invalid) > 0 {
		id := slices.Sorted(maps.Keys(r.Invalid))[0]
		return nil, &Error{fmt.Sprintf("数字“%s”不是数字：%s", id, r.Invalid[id])}
	}
	// ParseReport has bounded the structure; the rest is three small keys,
	// read from the document it parsed.
	var rest struct {
		Version int
		Shown   Shown
		Digests map[string]string
	}
	for _, k := range []struct {
		key string
		v   any
	}{{"nianbao", &rest.Version}, {"shown", &rest.Shown}, {"digests", &rest.Digests}} {
		if _, err := r.DecodeKey(k.key, k.v); err != nil {
			return nil, &Error{firstLine(err.Error())}
		}
	}
	switch {
	case rest.Version == 0:
		return nil, &Error{"缺少格式版本（nianbao）"}
	case rest.Version > Version:
		return nil, &Error{fmt.Sprintf("格式版本 %d 比本程序支持的 %d 新，请升级 nianbao", rest.Version, Version)}
	case rest.Version < 0:
		return nil, &Error{fmt.Sprintf("格式版本 %d 无效", rest.Version)}
	}
	r.Sections = map[string]string{}
	if rest.Digests == nil {
		rest.Digests = map[string]string{}
	}
	return &Payload{Version: rest.Version, Draft: r, Shown: rest.Shown, Digests: rest.Digests}, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return model.Printable(s)
}
