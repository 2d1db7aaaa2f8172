package ingest

import (
	"bytes"
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
	n, ctrl := 0, 0
	for i := 0; i < len(text) && n < 1<<16; n++ { // a sample is enough to tell
		switch b := text[i]; {
		case b >= 0xE0: // three or four bytes: never a control character
			i += 3
			if b >= 0xF0 {
				i++
			}
		case b >= 0xC0:
			if b == 0xC2 && i+1 < len(text) && text[i+1] <= 0x9F {
				ctrl++ // C1
			}
			i += 2
		default:
			if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' || b == 0x7F {
				ctrl++
			}
			i++
		}
	}
	return n > 0 && ctrl*50 > n
}
