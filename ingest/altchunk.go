package ingest

import (
	"bytes"
	"path"
	"strings"

	"nianbao/internal/xmlscan"
	"nianbao/model"
)

// w:altChunk: a .docx whose body, or part of it, is another document
// stored beside it (an HTML page, a single-file web page, plain text, or a
// .docx) for Word to import when it opens the file. Report generators and
// office systems write whole reports this way, with document.xml a shell
// around one altChunk. Reading document.xml alone gave "no text, maybe a
// scan"; each chunk is read with the reader for its kind and its
// paragraphs stand where its altChunk stands.

const relsPart = "word/_rels/document.xml.rels"

// relationships maps the relationship ids of document.xml to the parts
// they name, for the internal targets.
func (dr *docxReader) relationships() (map[string]string, error) {
	out := map[string]string{}
	if dr.files[relsPart] == nil {
		return out, nil
	}
	raw, err := dr.part(relsPart)
	if err != nil {
		return nil, err
	}
	err = xmlTokens(dr.name, relsPart, raw, func(t *xmlscan.Token, _ int) error {
		if t.Kind != xmlscan.Start || t.Name.Local != "Relationship" || strings.EqualFold(t.AttrValue("TargetMode"), "External") {
			return nil
		}
		target := t.AttrValue("Target")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join("word", target)
		}
		out[t.AttrValue("Id")] = target
		return nil
	}, func() { clear(out) })
	return out, err
}

// expandChunks replaces each chunk placeholder among ps with the chunk's
// paragraphs. A chunk that cannot be read is an error naming it: its text
// would otherwise be missing without a word.
func (dr *docxReader) expandChunks(ps []*paragraph) ([]*paragraph, error) {
	if !hasChunk(ps) {
		return ps, nil
	}
	rels, err := dr.relationships()
	if err != nil {
		return nil, err
	}
	var out []*paragraph
	for _, p := range ps {
		if p.chunk == "" {
			out = append(out, p)
			continue
		}
		lines, err := dr.chunkLines(rels[p.chunk], p.chunk)
		if err != nil {
			return nil, err
		}
		for _, l := range lines {
			np := &paragraph{outline: -1}
			if l.Level > 0 {
				np.outline = l.Level
			}
			np.text.WriteString(l.Text)
			out = append(out, np)
		}
		if len(out) > MaxLines {
			return nil, tooManyLines(dr.name, len(out))
		}
	}
	return out, nil
}

func hasChunk(ps []*paragraph) bool {
	for _, p := range ps {
		if p.chunk != "" {
			return true
		}
	}
	return false
}

// chunkLines reads one chunk by what its bytes are, not its name.
func (dr *docxReader) chunkLines(part, id string) ([]Line, error) {
	if part == "" || dr.files[part] == nil {
		return nil, &model.Error{File: dr.name, Msg: "文档中嵌入的内容（" + id + "）找不到，文件可能不完整；请用 Word 或 WPS 打开后另存为 .docx 再报送"}
	}
	data, err := dr.part(part)
	if err != nil {
		return nil, err
	}
	head := bytes.TrimLeft(data[:min(len(data), 512)], "\ufeff \t\r\n")
	var doc *Document
	switch {
	case looksHTML(data) || hasPrefixFold(head, "<"):
		doc, err = readWebPage(dr.name, data)
	case hasPrefixFold(head, "mime-version") || hasPrefixFold(head, "content-"):
		doc, err = readMHTML(dr.name, data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")) && !dr.nested:
		var inner *docxReader
		if inner, err = openDocx(dr.name, data); err == nil {
			inner.nested = true // a chunk's own chunks are not followed
			doc, err = inner.document()
		}
	case bytes.HasPrefix(head, []byte(`{\rtf`)) || bytes.HasPrefix(data, []byte("PK")):
		return nil, &model.Error{File: dr.name, Msg: "文档中嵌入了无法直接读取的内容（" + path.Base(part) + "），请用 Word 或 WPS 打开后另存为 .docx 再报送"}
	default:
		text, _, derr := decodeText(dr.name, data)
		if derr != nil {
			return nil, derr
		}
		doc = &Document{Lines: textLines(text)}
	}
	if me, ok := err.(*model.Error); ok {
		// The reader's words are about a web page or a text file: say
		// which part of the .docx they are about.
		return nil, &model.Error{File: dr.name, Msg: "文档中嵌入的内容（" + path.Base(part) + "）无法读取：" + me.Msg}
	}
	if err != nil {
		return nil, err
	}
	return doc.Lines, nil
}
