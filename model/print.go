package model

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Signature is the layout of the 落款 (unit and date under the text),
// GB/T 9704-2012 §7.3.5: a report sent up with the unit's seal on it is
// laid out differently from one published without a seal.
type Signature string

// The signature layouts.
const (
	// SignatureSealed is §7.3.5.1: the date 右空四字 and the unit centred
	// over it, with room above for the seal. The default: reports go up
	// sealed.
	SignatureSealed Signature = "sealed"
	// SignatureUnsealed is §7.3.5.2: the unit 右空二字 one line below the
	// text, the date's first character two characters right of the unit's.
	SignatureUnsealed Signature = "unsealed"
)

// ParseSignature reads a signature value; the Chinese names are accepted
// because coordinating offices write templates by hand.
func ParseSignature(s string) (Signature, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", true
	case "sealed", "seal", "盖章", "加盖印章":
		return SignatureSealed, true
	case "unsealed", "no-seal", "不盖章", "不加盖印章":
		return SignatureUnsealed, true
	}
	return "", false
}

// EffectiveSignature is the layout a report is printed with: the draft's
// choice, else the template's, else sealed.
func EffectiveSignature(t *Template, r *Report) Signature {
	if r != nil && r.Signature != "" {
		return r.Signature
	}
	if t != nil && t.Signature != "" {
		return t.Signature
	}
	return SignatureSealed
}

// FontNames chooses which names of the official-document fonts the .docx
// asks for.
type FontNames string

// The font name sets.
const (
	// FontsGB2312 names 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体, the fonts
	// office PCs in government have installed. The default.
	FontsGB2312 FontNames = "gb2312"
	// FontsWindows names 仿宋, 楷体, 黑体 and 宋体, which every Windows 10/11
	// ships, for units whose PCs lack the GB2312 fonts.
	FontsWindows FontNames = "windows"
)

// ParseFontNames reads a fonts value.
func ParseFontNames(s string) (FontNames, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", true
	case "gb2312", "gb", "方正":
		return FontsGB2312, true
	case "windows", "win", "system":
		return FontsWindows, true
	}
	return "", false
}

func (d *decoder) signature(n *yaml.Node) Signature {
	s := d.str(n, "落款格式 signature")
	v, ok := ParseSignature(s)
	if !ok {
		d.add(errAt(d.file, n, "落款格式 signature 应当是 sealed（加盖印章）或 unsealed（不加盖印章），实际是“%s”", s))
	}
	return v
}

func (d *decoder) fontNames(n *yaml.Node) FontNames {
	s := d.str(n, "字体名称 fonts")
	v, ok := ParseFontNames(s)
	if !ok {
		d.add(errAt(d.file, n, "字体名称 fonts 应当是 gb2312（仿宋_GB2312 等）或 windows（仿宋、楷体、黑体、宋体），实际是“%s”", s))
	}
	return v
}
