package model

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"
)

// DecodeKey decodes the value of the top-level key of the file the report
// was parsed from into v, and reports whether the key is there. Formats
// that wrap a draft with keys of their own (exportdata's carried data)
// read them with it instead of parsing the file a second time: for a full
// report that second parse was slower than reading the report.
func (r *Report) DecodeKey(key string, v any) (bool, error) {
	if r.node == nil || r.node.Kind != yaml.MappingNode {
		return false, nil
	}
	for i := 0; i+1 < len(r.node.Content); i += 2 {
		if r.node.Content[i].Value == key {
			return true, r.node.Content[i+1].Decode(v)
		}
	}
	return false, nil
}

// DecodeYAML decodes a small YAML file of the user's (the settings file)
// into v through the same hardened reader drafts and templates go through:
// size and encoding checks, no aliases or anchors, bounded depth, one
// document, errors in Chinese with the line. An empty file decodes to
// nothing, without error: an empty settings file is no settings.
func DecodeYAML(file string, data []byte, v any) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	doc, err := parseDocument(file, data)
	if err != nil {
		return err
	}
	if err := doc.Content[0].Decode(v); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			line := 0
			if m := typeErrLineRe.FindStringSubmatch(te.Errors[0]); m != nil {
				line, _ = strconv.Atoi(m[1])
			}
			return &Error{File: file, Line: line, Msg: "值的类型不对（例如应当是一组目录，却写成了一个）：" + te.Errors[0]}
		}
		return &Error{File: file, Msg: err.Error()}
	}
	return nil
}

var typeErrLineRe = regexp.MustCompile(`^line (\d+):`)
