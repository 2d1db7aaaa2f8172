package ingest

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/internal/xmlscan"
	"nianbao/internal/zhtext"
	"nianbao/model"
)

// Word's automatic numbering. A heading numbered by a list ("一、" from
// word/numbering.xml, not typed) has no number in its text: import found
// no heading, so the check reported the part as not found and a reviewer
// met warnings on a complete report. The number is written into the
// paragraph's text as Word shows it, from the list's level definitions and
// counters kept in document order.

// numLevel is one level of a list definition (w:abstractNum/w:lvl).
type numLevel struct {
	start  int
	format string // w:numFmt: decimal, chineseCounting, …
	text   string // w:lvlText: "%1、", "（%2）"
	suffix string // w:suff: tab (the default), space or nothing
}

// numbering is word/numbering.xml: list definitions and the list
// instances paragraphs refer to by numId.
type numbering struct {
	abstract map[string]map[int]numLevel // abstractNumId → level → definition
	nums     map[string]numInstance      // numId → instance
}

// numInstance is a w:num: which definition it uses, and the levels whose
// start it overrides (a list Word was told to restart).
type numInstance struct {
	abstract string
	starts   map[int]int
}

// numRef is a paragraph's (or its style's) w:numPr.
type numRef struct {
	id    string // w:numId; "" none given, "0" numbering turned off
	level int    // w:ilvl
	set   bool   // w:ilvl was given
}

const (
	maxListLevel = 8  // w:ilvl runs from 0 to 8
	maxLevelText = 64 // bytes of a w:lvlText that is read (listLabel)
)

// parseNumbering reads the list definitions.
func parseNumbering(name string, data []byte) (*numbering, error) {
	n := &numbering{abstract: map[string]map[int]numLevel{}, nums: map[string]numInstance{}}
	var abs, num string
	lvl, override := -1, -1
	err := xmlTokens(name, "word/numbering.xml", data, func(t *xmlscan.Token, depth int) error {
		if t.Kind == xmlscan.End {
			switch t.Name.Local {
			case "abstractNum":
				abs = ""
			case "num":
				num = ""
			case "lvl":
				lvl = -1
			case "lvlOverride":
				override = -1
			}
			return nil
		}
		if t.Kind != xmlscan.Start {
			return nil
		}
		v := t.AttrValue("val")
		switch t.Name.Local {
		case "abstractNum":
			abs = t.AttrValue("abstractNumId")
			n.abstract[abs] = map[int]numLevel{}
		case "num":
			num = t.AttrValue("numId")
			n.nums[num] = numInstance{}
		case "abstractNumId":
			if num != "" {
				in := n.nums[num]
				in.abstract = v
				n.nums[num] = in
			}
		case "lvlOverride":
			override = listLevel(t.AttrValue("ilvl"))
		case "startOverride":
			if num != "" && override >= 0 {
				in := n.nums[num]
				if in.starts == nil {
					in.starts = map[int]int{}
				}
				in.starts[override] = atoiOr(v, 1)
				n.nums[num] = in
			}
		case "lvl":
			if abs != "" && override < 0 {
				lvl = listLevel(t.AttrValue("ilvl"))
				if lvl >= 0 {
					n.abstract[abs][lvl] = numLevel{start: 1, format: "decimal"}
				}
			}
		case "start", "numFmt", "lvlText", "suff":
			if abs == "" || lvl < 0 {
				return nil
			}
			l := n.abstract[abs][lvl]
			switch t.Name.Local {
			case "start":
				l.start = atoiOr(v, 1)
			case "numFmt":
				l.format = v
			case "lvlText":
				l.text = v
			case "suff":
				l.suffix = v
			}
			n.abstract[abs][lvl] = l
		}
		return nil
	}, func() {
		clear(n.abstract)
		clear(n.nums)
		abs, num, lvl, override = "", "", -1, -1
	})
	return n, err
}

// listLevel is a w:ilvl value, -1 when it is none.
func listLevel(v string) int {
	l, err := strconv.Atoi(v)
	if err != nil || l < 0 || l > maxListLevel {
		return -1
	}
	return l
}

func atoiOr(v string, def int) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 1<<20 {
		return def
	}
	return n
}

// listRef resolves the list a paragraph is numbered in: its own w:numPr,
// else its style's, following basedOn.
func (p *paragraph) listRef(styles map[string]styleInfo) numRef {
	ref := p.num
	id := p.style
	for i := 0; i < 16 && id != "" && (ref.id == "" || !ref.set); i++ {
		s, ok := styles[id]
		if !ok {
			break
		}
		if ref.id == "" {
			ref.id = s.num.id
		}
		if !ref.set && s.num.set {
			ref.level, ref.set = s.num.level, true
		}
		id = s.basedOn
	}
	return ref
}

// numberLists writes each numbered paragraph's number before its text, as
// Word shows it. Counters belong to a list definition, so instances that
// share one go on counting, as in Word; a level restarts after a higher
// level's number, and where an instance overrides its start.
func numberLists(ps []*paragraph, styles map[string]styleInfo, n *numbering) {
	if n == nil || len(n.nums) == 0 {
		return
	}
	type counters struct {
		value [maxListLevel + 1]int
		used  [maxListLevel + 1]bool
	}
	lists := map[string]*counters{}
	restarted := map[string]bool{} // numId:level whose start override was applied
	for _, p := range ps {
		ref := p.listRef(styles)
		if ref.id == "" || ref.id == "0" {
			continue
		}
		in, ok := n.nums[ref.id]
		levels := n.abstract[in.abstract]
		def, defined := levels[ref.level]
		if !ok || !defined {
			continue
		}
		c := lists[in.abstract]
		if c == nil {
			c = &counters{}
			lists[in.abstract] = c
		}
		key := ref.id + ":" + strconv.Itoa(ref.level)
		start, override := in.starts[ref.level]
		switch {
		case override && !restarted[key]:
			restarted[key] = true
			c.value[ref.level] = start
		case !c.used[ref.level]:
			c.value[ref.level] = def.start
		default:
			c.value[ref.level]++
		}
		c.used[ref.level] = true
		for l := ref.level + 1; l <= maxListLevel; l++ {
			c.used[l] = false
		}
		label := listLabel(def, levels, c.value, c.used, ref.level)
		if label == "" {
			continue
		}
		// The gap Word leaves after the number: a label ending in its
		// own mark ("一、", "（一）", "1.") reads as typed without it; a bare
		// number keeps a space, so it does not run into a number that
		// starts the text.
		if r, _ := utf8.DecodeLastRuneInString(label); def.suffix != "nothing" && !unicode.IsPunct(r) {
			label += " "
		}
		text := p.text.String()
		p.text.Reset()
		p.text.WriteString(label)
		p.text.WriteString(text)
	}
}

// listLabel fills a level's w:lvlText: %1 … %9 are the numbers of levels
// 0 … 8, each in its own level's format (a level not yet used counts as
// its start). Bullets and unnumbered levels give no label: a bullet is a
// symbol-font character, not text.
func listLabel(def numLevel, levels map[int]numLevel, value [maxListLevel + 1]int, used [maxListLevel + 1]bool, level int) string {
	// Word's level texts are a few characters ("%1、", "第%1章",
	// "%1.%2.%3."); a long one is a crafted file's, and would be copied
	// into every paragraph of the list.
	if def.format == "bullet" || def.format == "none" || def.text == "" || len(def.text) > maxLevelText {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(def.text); i++ {
		ch := def.text[i]
		if ch != '%' || i+1 >= len(def.text) || def.text[i+1] < '1' || def.text[i+1] > '9' {
			b.WriteByte(ch)
			continue
		}
		l := int(def.text[i+1] - '1')
		i++
		if l > level {
			continue // Word leaves a deeper level's number out
		}
		ld, ok := levels[l]
		if !ok {
			continue
		}
		v := value[l]
		if !used[l] {
			v = ld.start
		}
		b.WriteString(formatListNumber(v, ld.format))
	}
	return b.String()
}

// formatListNumber writes n in a w:numFmt; an unknown format as decimal.
func formatListNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
		return model.ChineseNumeral(n)
	case "ideographTraditional": // 甲乙丙丁…
		if n >= 1 && n <= 10 {
			return []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}[n-1]
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return zhtext.FullWidthNumber(n)
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 && n <= 26*4 { // AA, BBB… beyond that: a crafted start, not a list
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	var b strings.Builder
	for _, r := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= r.v {
			b.WriteString(r.s)
			n -= r.v
		}
	}
	return b.String()
}
