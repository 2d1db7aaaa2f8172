package ingest

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"nianbao/internal/zhtext"
	"nianbao/model"
)

// decodeText turns bytes into text without asking the user for the
// encoding: valid UTF-8 is UTF-8 (GBK text is almost never valid UTF-8 by
// accident); otherwise GB18030, the superset of GBK that Chinese Windows
// editors save. Line endings become "\n".
func decodeText(name string, data []byte) (string, string, error) {
	var text, enc string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		if !zhtext.Valid(data) {
			return "", "", &model.Error{File: name, Msg: "文件开头标明是 UTF-8 编码，但内容中有无效的 UTF-8 字节，文件可能已损坏"}
		}
		text, enc = string(data), "UTF-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		// Notepad's "Unicode" is UTF-16 with a byte order mark.
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, _, err := transform.Bytes(dec, data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", "", &model.Error{File: name, Msg: "文件标明是 UTF-16 编码，但内容无法解码，文件可能已损坏"}
		}
		text, enc = string(out), "UTF-16"
	case bytes.IndexByte(data, 0) >= 0:
		// Text has no NUL bytes, except UTF-16 saved without a byte order
		// mark, where every ASCII character carries one.
		out, ok := utf16NoBOM(data)
		if !ok {
			return "", "", notText(name)
		}
		text, enc = out, "UTF-16"
	case zhtext.Valid(data):
		text, enc = string(data), "UTF-8"
		if gb, ok := model.MisreadGBK(data); ok {
			// Short GBK text can be valid UTF-8 by accident; read as
			// UTF-8 it would import as mojibake without a word of Chinese.
			text, enc = gb, "GB18030"
		}
	default:
		out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", "", &model.Error{File: name, Msg: "无法识别文件编码：既不是 UTF-8，也不是 GBK/GB18030。请用记事本或 WPS 打开后另存为 UTF-8 文本再导入"}
		}
		text, enc = string(out), "GB18030"
	}
	if looksBinary(text) {
		return "", "", notText(name)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return text, enc, nil
}

// utf16NoBOM decodes UTF-16 text that has no byte order mark, choosing
// the byte order by where the zero bytes of ASCII characters fall. Binary
// data is refused: it decodes to unpaired surrogates or control characters.
func utf16NoBOM(data []byte) (string, bool) {
	if len(data)%2 != 0 {
		return "", false
	}
	even, odd := 0, 0
	for i, b := range data {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	// ASCII puts its zero bytes all on one side; binary data on both.
	order := xunicode.LittleEndian // "a" is 61 00
	switch {
	case odd >= 4*even:
	case even >= 4*odd:
		order = xunicode.BigEndian
	default:
		return "", false
	}
	out, _, err := transform.Bytes(xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder(), data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) || bytes.IndexByte(out, 0) >= 0 || looksBinary(string(out)) {
		return "", false
	}
	// What a report is written in: ASCII and Chinese, nearly nothing else.
	n, other := 0, 0
	for _, r := range string(out) {
		n++
		if r >= 0x80 && !model.IsChinese(r) {
			other++
		}
	}
	if other*20 > n {
		return "", false
	}
	return string(out), true
}

func notText(name string) error {
	return &model.Error{File: name, Msg: "这不是文本文件（含有大量控制字符或二进制数据），也不是能识别的文档格式；能读取的有 Word（.docx、.doc）、WPS、.rtf、.odt、PDF、网页（.html、.mht）、文本和 Markdown"}
}

// looksBinary says whether decoded text is really binary data that happened
// to decode: NUL bytes or more than a few per cent control characters.
// The text is valid UTF-8 (every decoder above made it so), so it is read
// by lead bytes, each giving its character's length: the control
// characters are C0 and DEL (one byte) and C1 (C2 80 to C2 9F).
// TestLooksBinaryMatchesDefinition holds it to the rune-by-rune
// definition.
func looksBinary(text string) bool {
	if strings.IndexByte(text, 0) >= 0 {
		return true
	}
	// In valid UTF-8 a control character is a byte of its own (C0, DEL)
	// or C2 before 80–9F (C1), and the characters are the bytes that are
	// not continuation bytes, so the text is read by bytes, eight at a
	// time where none of them is a control byte or C2: a per-character
	// loop was a full pass over every report the office checks.
	const sample = 1 << 16 // characters: a sample is enough to tell
	n, ctrl, i := 0, 0, 0
	byteAt := func(j int) {
		b := text[j]
		if b&0xC0 == 0x80 {
			return // inside a character
		}
		n++
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' || b == 0x7F ||
			b == 0xC2 && j+1 < len(text) && text[j+1] <= 0x9F {
			ctrl++
		}
	}
	for ; i+8 <= len(text) && n+8 <= sample; i += 8 {
		w := load8(text[i : i+8])
		if hasByteBelow20(w) || hasByte(w, 0x7F) || hasByte(w, 0xC2) {
			for j := i; j < i+8; j++ {
				byteAt(j)
			}
			continue
		}
		n += 8 - bits.OnesCount64(w&^(w<<1)&highBits) // continuation bytes: 10xxxxxx
	}
	for ; i < len(text) && n < sample; i++ {
		byteAt(i)
	}
	return n > 0 && ctrl*50 > n
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// load8 is the eight bytes of t (len(t) == 8) as a little-endian word:
// written on a slice of exactly eight, so one bounds check covers them
// and the compiler makes the eight loads one.
func load8(t string) uint64 {
	_ = t[7]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// hasByte says whether any byte of w is b.
func hasByte(w uint64, b byte) bool {
	z := w ^ lowBits*uint64(b)
	return (z-lowBits)&^z&highBits != 0
}

// hasByteBelow20 says whether any byte of w is below 0x20: with each
// byte's top bit set, subtracting 0x20 borrows from no neighbour and
// clears the top bit exactly where the low seven bits are below 0x20.
func hasByteBelow20(w uint64) bool {
	y := (w | highBits) - lowBits*0x20
	return ^y&^w&highBits != 0
}
