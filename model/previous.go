package model

import (
	"maps"

	"gopkg.in/yaml.v3"
)

// Previous is last year's report attached to this year's draft. It records
// where it came from (path and content hash, so a changed or moved file can
// be noticed) and keeps a copy of what the follow-up checks read — plans,
// shortcomings and figures — so the draft checks the same on a machine
// without last year's file.
//
// A Previous is replaced whole, never changed in place: a Snapshot of the
// draft may share it with a check running in another goroutine.
type Previous struct {
	File         string // path as given when attached
	SHA256       string // hex SHA-256 of the file's bytes
	Unit         string
	Year         int
	Plans        string            // 下一年度安排, as written last year
	Shortcomings string            // 存在的不足, as written last year
	Figures      map[string]Number // last year's figures, by figure id
}

// Clone copies p so the copy can be changed without touching p.
func (p *Previous) Clone() *Previous {
	if p == nil {
		return nil
	}
	cp := *p
	cp.Figures = maps.Clone(p.Figures)
	return &cp
}

var previousShape = &shape{known: map[string]*shape{
	"file": nil, "sha256": nil, "unit": nil, "year": nil,
	"plans": nil, "shortcomings": nil, "figures": {},
}}

func (d *decoder) previous(n *yaml.Node, pos map[string]Pos) *Previous {
	if isNull(n) {
		return nil
	}
	if e := expectMapping(d.file, n, "去年报告 previous"); e != nil {
		d.add(e)
		return nil
	}
	p := &Previous{}
	pairs(n, func(k, v *yaml.Node) {
		switch k.Value {
		case "file":
			p.File = d.str(v, "去年报告路径 previous.file")
		case "sha256":
			p.SHA256 = d.str(v, "去年报告校验值 previous.sha256")
		case "unit":
			p.Unit = d.str(v, "去年报告单位 previous.unit")
		case "year":
			p.Year = d.int(v, "去年报告年度 previous.year")
		case "plans":
			p.Plans = d.str(v, "去年工作安排 previous.plans")
		case "shortcomings":
			p.Shortcomings = d.str(v, "去年存在的不足 previous.shortcomings")
		case "figures":
			d.numberMap(v, "去年数字 previous.figures", "previous/figures", pos, &p.Figures, nil)
		}
	})
	return p
}

func (p *Previous) encode(figureOrder []string) *yaml.Node {
	m := mapNode()
	addPair(m, "file", StringNode(p.File))
	addPair(m, "sha256", StringNode(p.SHA256))
	if p.Unit != "" {
		addPair(m, "unit", StringNode(p.Unit))
	}
	if p.Year != 0 {
		addPair(m, "year", intNode(p.Year))
	}
	addPair(m, "plans", proseNode(p.Plans))
	addPair(m, "shortcomings", proseNode(p.Shortcomings))
	if len(p.Figures) > 0 {
		f := mapNode()
		for _, id := range orderedKeys(p.Figures, figureOrder) {
			addPair(f, id, numberNode(p.Figures[id]))
		}
		addPair(m, "figures", f)
	}
	return m
}
