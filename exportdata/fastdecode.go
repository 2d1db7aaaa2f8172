package exportdata

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/model"
)

// decodeFast reads a payload written in exactly the form Encode writes:
// one "key: value" a line, the four mappings indented by two spaces,
// values plain or double-quoted with no escapes but \" and \\. It says
// false for anything else (another layout, an anchor, a comment, a
// value it cannot be sure how YAML would read, a duplicate key, an
// invalid value) and Decode then reads the payload with the hardened
// YAML reader, which also gives the reasons. On an ordinary payload
// yaml.v3 takes about 32 µs and 240 allocations, this about 6 µs and 33
// (BenchmarkDecode), and the YAML reader was about a tenth of checking a
// report that carries one; TestDecodeFastEqualsYAML holds the two equal.
func decodeFast(data []byte) (*Payload, bool) {
	if !utf8.Valid(data) {
		return nil, false
	}
	for i, b := range data {
		// Control characters, C1 (NEL among them) and the characters YAML
		// takes for line breaks or marks (U+2028, U+2029, U+FEFF, U+FFFE,
		// U+FFFF) are left to the YAML reader.
		if b < 0x20 && b != '\n' || b == 0x7F || b == 0xC2 && i+1 < len(data) && data[i+1] <= 0x9F {
			return nil, false
		}
	}
	text := string(data)
	if strings.Contains(text, "\u2028") || strings.Contains(text, "\u2029") || strings.Contains(text, "\ufeff") ||
		strings.Contains(text, "\ufffe") || strings.Contains(text, "\uffff") {
		return nil, false
	}
	if !strings.HasSuffix(text, "\n") {
		return nil, false
	}
	// Text that reads as GBK saved as UTF-8 is refused by the YAML reader
	// with its own message; the first Chinese character settles it, so in
	// a real payload this stops at the unit's name.
	if _, gbk := model.MisreadGBK(data); gbk {
		return nil, false
	}
	d := &model.Report{Figures: map[string]model.Number{}, Sections: map[string]string{}}
	p := &Payload{Draft: d, Digests: map[string]string{}}
	seen := map[[2]string]bool{} // group and key: a struct key, where "group/key" allocated twice per line
	group := ""                  // the mapping being read ("" at the top)
	children := -1               // keys read in it; -1 outside a mapping
	for _, line := range strings.Split(text[:len(text)-1], "\n") {
		nested := strings.HasPrefix(line, "  ")
		if nested {
			line = line[2:]
			if group == "" {
				return nil, false
			}
		} else {
			if children == 0 {
				return nil, false // an empty mapping header reads as null
			}
			group, children = "", -1
		}
		key, value, ok := splitLine(line)
		if !ok || seen[[2]string{group, key}] {
			return nil, false
		}
		seen[[2]string{group, key}] = true
		if nested {
			children++
			if value == "" || !p.setNested(group, key, value) {
				return nil, false
			}
			continue
		}
		switch key {
		case "template", "figures", "shown", "digests":
			if value != "" {
				return nil, false
			}
			group, children = key, 0
		default:
			if value == "" || !p.setTop(key, value) {
				return nil, false
			}
		}
	}
	if children == 0 || p.Version < 1 || p.Version > Version {
		return nil, false
	}
	return p, true
}

// splitLine splits "key: value" (or "key:" opening a mapping). Keys are
// the ids nianbao writes: lower-case ASCII, digits and underscores.
func splitLine(line string) (key, value string, ok bool) {
	key, value, found := strings.Cut(line, ":")
	if !found || key == "" || key[0] < 'a' || key[0] > 'z' || isSpecialWord(key) {
		return "", "", false
	}
	for i := 0; i < len(key); i++ {
		if c := key[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return "", "", false
		}
	}
	if value == "" {
		return key, "", true
	}
	if value[0] != ' ' || len(value) < 2 {
		return "", "", false
	}
	return key, value[1:], true
}

// isSpecialWord is a word YAML may read as a boolean or null.
func isSpecialWord(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return false
}

func (p *Payload) setTop(key, value string) bool {
	d := p.Draft
	switch key {
	case versionKey:
		v, ok := plainInt(value)
		p.Version = v
		return ok
	case "year":
		v, ok := plainInt(value)
		d.Year = v
		return ok && v >= 1949 && v <= 2200
	case "unit":
		return readString(value, &d.Unit)
	case "title":
		return readString(value, &d.Title)
	case "date":
		return readString(value, &d.Date)
	case "contact":
		return readString(value, &d.Contact)
	}
	return false
}

func (p *Payload) setNested(group, key, value string) bool {
	switch group {
	case "template":
		switch key {
		case "id":
			return readString(value, &p.Draft.Template.ID)
		case "version":
			v, ok := plainInt(value)
			p.Draft.Template.Version = v
			return ok
		}
	case "figures":
		if !plainDecimal(value) {
			return false
		}
		n, err := model.ParseNumber(value)
		p.Draft.Figures[key] = n
		return err == nil
	case "shown":
		// Read by yaml.v3 into a struct: only text no YAML resolver could
		// take for another type is read here (every number, boolean,
		// null and date YAML knows is ASCII).
		var s string
		if !readString(value, &s) || value[0] != '"' && !hasNonASCII(value) {
			return false
		}
		switch key {
		case "title":
			p.Shown.Title = s
		case "signature":
			p.Shown.Signature = s
		case "date":
			p.Shown.Date = s
		default:
			return false
		}
		return true
	case "digests":
		if !isDigestText(value) {
			return false
		}
		p.Digests[key] = value
		return true
	}
	return false
}

// readString reads a string value: double-quoted, or plain when YAML
// reads it as the same text (not a null, and free of what a plain scalar
// cannot hold).
func readString(value string, out *string) bool {
	if value[0] == '"' {
		s, ok := doubleQuoted(value)
		*out = s
		return ok
	}
	if strings.ContainsAny(value[:1], "-?:,[]{}#&*!|>'%@`\\ ") || strings.Contains(value, ": ") ||
		strings.Contains(value, " #") || strings.HasSuffix(value, " ") || strings.HasSuffix(value, ":") ||
		value == "~" || strings.EqualFold(value, "null") {
		return false
	}
	*out = value
	return true
}

func doubleQuoted(value string) (string, bool) {
	if len(value) < 2 || value[len(value)-1] != '"' {
		return "", false
	}
	inner := value[1 : len(value)-1]
	if !strings.ContainsAny(inner, `"\`) {
		return inner, true
	}
	var b bytes.Buffer
	for i := 0; i < len(inner); i++ {
		switch c := inner[i]; c {
		case '"':
			return "", false
		case '\\':
			if i+1 >= len(inner) || inner[i+1] != '"' && inner[i+1] != '\\' {
				return "", false
			}
			i++
			b.WriteByte(inner[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// plainInt reads a positive decimal integer with no sign or leading zero.
func plainInt(value string) (int, bool) {
	if len(value) > 9 || value[0] < '1' || value[0] > '9' {
		return 0, false
	}
	v, err := strconv.Atoi(value)
	return v, err == nil
}

// plainDecimal is a figure as Encode writes it: digits with an optional
// fraction, no sign, exponent or separators.
func plainDecimal(value string) bool {
	intPart, frac, hasFrac := strings.Cut(value, ".")
	if intPart == "" || len(intPart) > 1 && intPart[0] == '0' || !allDigits(intPart) {
		return false
	}
	return !hasFrac || frac != "" && allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isDigestText is a Digest as written plain: 24 lower-case hex digits,
// among them a letter that no YAML number holds (a, c, d or f: b and e
// appear in 0b1010 and 1e10), so no resolver reads it as anything but
// text.
func isDigestText(value string) bool {
	if len(value) != 24 || !strings.ContainsAny(value, "acdf") {
		return false
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
