package model

import (
	"fmt"
	"strings"
)

// Figure editing. Relations refer to figures by id, so renaming a figure's
// id rewrites every reference, and removing a figure removes the relations
// that pointed at it instead of leaving them dangling; both report which
// figures were touched so nothing changes unannounced.

// AddFigure appends a copy of f to a section's figures and returns it. The
// id is generated from the label when empty; kind defaults to count.
func (t *Template) AddFigure(sectionID string, f Figure) (*Figure, error) {
	s, err := t.mustSection(sectionID)
	if err != nil {
		return nil, err
	}
	nf := f.Clone()
	nf.ID = strings.TrimSpace(nf.ID)
	if nf.ID == "" {
		nf.ID = t.NewFigureID(nf.Label)
	} else if x, _ := t.Figure(nf.ID); x != nil {
		return nil, fmt.Errorf("数字 id“%s”已被使用", nf.ID)
	}
	if nf.Kind == "" {
		nf.Kind = KindCount
	}
	if err := validKind(nf.Kind); err != nil {
		return nil, err
	}
	nf.Line, nf.Col = 0, 0
	s.Figures = append(s.Figures, nf)
	return nf, nil
}

func validKind(k FigureKind) error {
	switch k {
	case KindCount, KindPercent, KindAmount:
		return nil
	}
	return fmt.Errorf("数字类型“%s”无效，应为 count（数量）、percent（比率）或 amount（金额）", k)
}

// UpdateFigure replaces the figure with id by f, keeping its place and file
// position. When f.ID differs, references from other figures follow the
// new id; their ids are returned.
func (t *Template) UpdateFigure(id string, f Figure) ([]string, error) {
	old, sec := t.Figure(id)
	if old == nil {
		return nil, fmt.Errorf("没有 id 为“%s”的数字", id)
	}
	nf := f.Clone()
	nf.ID = strings.TrimSpace(nf.ID)
	if nf.ID == "" {
		return nil, fmt.Errorf("数字 id 不能为空")
	}
	if nf.ID != id {
		if x, _ := t.Figure(nf.ID); x != nil {
			return nil, fmt.Errorf("数字 id“%s”已被使用", nf.ID)
		}
	}
	if nf.Kind == "" {
		nf.Kind = KindCount
	}
	if err := validKind(nf.Kind); err != nil {
		return nil, err
	}
	nf.Line, nf.Col = old.Line, old.Col
	for i, x := range sec.Figures {
		if x == old {
			sec.Figures[i] = nf
		}
	}
	if nf.ID == id {
		return nil, nil
	}
	var touched []string
	for _, g := range t.Figures() {
		changed := false
		for i, r := range g.LE {
			if r == id {
				g.LE[i], changed = nf.ID, true
			}
		}
		if g.Rate != nil {
			if g.Rate.Numerator == id {
				g.Rate.Numerator, changed = nf.ID, true
			}
			for i, r := range g.Rate.Denominators {
				if r == id {
					g.Rate.Denominators[i], changed = nf.ID, true
				}
			}
		}
		if changed {
			touched = appendNew(touched, g.ID)
		}
	}
	return touched, nil
}

// RemoveFigure deletes a figure and the relations that refer to it: an le
// entry goes, a denominator goes, and a rate whose numerator or last
// denominator goes is removed. The ids of the figures whose relations
// changed are returned.
func (t *Template) RemoveFigure(id string) ([]string, error) {
	f, sec := t.Figure(id)
	if f == nil {
		return nil, fmt.Errorf("没有 id 为“%s”的数字", id)
	}
	for i, x := range sec.Figures {
		if x == f {
			sec.Figures = append(sec.Figures[:i], sec.Figures[i+1:]...)
			break
		}
	}
	return t.dropReferences(id), nil
}

func (t *Template) dropReferences(id string) []string {
	var touched []string
	for _, g := range t.Figures() {
		changed := false
		if keep := without(g.LE, id); len(keep) != len(g.LE) {
			g.LE, changed = keep, true
		}
		if g.Rate != nil {
			if keep := without(g.Rate.Denominators, id); len(keep) != len(g.Rate.Denominators) {
				g.Rate.Denominators, changed = keep, true
			}
			if g.Rate.Numerator == id || len(g.Rate.Denominators) == 0 {
				g.Rate, changed = nil, true
			}
		}
		if changed {
			touched = appendNew(touched, g.ID)
		}
	}
	return touched
}

func without(list []string, id string) []string {
	var out []string
	for _, x := range list {
		if x != id {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// SetRate sets (or with nil removes) the rate relation of a percentage.
// References are not checked here: lint reports dangling ones with the rest.
func (t *Template) SetRate(figureID string, r *Rate) error {
	f, _ := t.Figure(figureID)
	if f == nil {
		return fmt.Errorf("没有 id 为“%s”的数字", figureID)
	}
	if r != nil {
		if r.Numerator == "" || len(r.Denominators) == 0 {
			return fmt.Errorf("比率关系需要分子和至少一个分母")
		}
		if r.Tolerance < 0 {
			return fmt.Errorf("容差不能为负数")
		}
		c := *r
		c.Denominators = append([]string(nil), r.Denominators...)
		r = &c
	}
	f.Rate = r
	return nil
}

// SetLE sets the figures this one cannot exceed (a part and its wholes).
func (t *Template) SetLE(figureID string, wholes []string) error {
	f, _ := t.Figure(figureID)
	if f == nil {
		return fmt.Errorf("没有 id 为“%s”的数字", figureID)
	}
	f.LE = cleanWords(wholes)
	return nil
}

// MoveFigure moves a figure up (delta < 0) or down among its section's
// figures.
func (t *Template) MoveFigure(id string, delta int) error {
	f, sec := t.Figure(id)
	if f == nil {
		return fmt.Errorf("没有 id 为“%s”的数字", id)
	}
	for i, x := range sec.Figures {
		if x != f {
			continue
		}
		j := i + 1
		if delta < 0 {
			j = i - 1
		}
		if delta == 0 || j < 0 || j >= len(sec.Figures) {
			return nil
		}
		sec.Figures[i], sec.Figures[j] = sec.Figures[j], sec.Figures[i]
		return nil
	}
	return nil
}

// SetFigureKeywords sets the words that must all appear near a number in
// prose for it to be recognised as this figure; blanks and repeats are
// dropped.
func (t *Template) SetFigureKeywords(figureID string, words []string) error {
	f, _ := t.Figure(figureID)
	if f == nil {
		return fmt.Errorf("没有 id 为“%s”的数字", figureID)
	}
	f.Keywords = cleanWords(words)
	return nil
}
