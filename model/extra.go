package model

import "gopkg.in/yaml.v3"

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
