// Package xmlscan reads the plain XML that Word, WPS, LibreOffice and
// nianbao write, token by token, much faster than encoding/xml, and falls
// back to encoding/xml for anything else: one reader for every XML part
// nianbao takes in (.docx parts, the custom properties carrying a draft).
package xmlscan

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"nianbao/internal/zhtext"
)

// Kind tells what a Token is.
type Kind uint8

const (
	Start Kind = iota + 1 // a start element: Name and Attr
	End                   // an end element: Name
	Text                  // character data: Text
)

// Token is one token of an XML part as Walk hands it to a reader.
// It is a struct passed by pointer, not an xml.Token, because boxing every
// tag into an interface was an allocation per tag, a third of a .docx's.
// The token and its slices are valid only during the call: readers copy
// what they keep (strings from Name and Attr may be kept).
type Token struct {
	Kind Kind
	Name xml.Name
	Attr []xml.Attr
	Text []byte
}

// AttrValue is the value of the token's attribute with the given local
// name, "" when it has none.
func (t *Token) AttrValue(local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// Fast hands fn the tokens encoding/xml's Decoder.Token (Strict) would
// give for data — start and end elements with their namespaces resolved,
// and character data — for the plain XML that Word, WPS, LibreOffice and
// nianbao write. It reports false when data holds anything outside that
// plain subset (CDATA, a DOCTYPE, an entity
// other than the five predefined and numeric ones, a carriage return, a
// namespace declared below the root, a non-UTF-8 encoding, a syntax error,
// mismatched tags, or coming near lim); Walk then reads data with
// encoding/xml, which also words the errors. It exists because
// encoding/xml's character-data path checks every rune and was a third of
// reading a .docx; TestFastXMLEqualsEncodingXML (in ingest, where the real
// parts are) holds the two token streams equal.
//
// The tokens are handed to fn as they are read, in one pass: a document
// that turns out not to be plain part-way has had fn called on the tokens
// before that point, and the caller must start over (Walk's restart).
// Until then they are the tokens encoding/xml gives, so an error fn
// returns on them is the error it would return on encoding/xml's; it is
// returned with true. A first pass that only checked, so that fn never
// saw a declined document, was two fifths of the scan.
func Fast(data []byte, lim Limits, fn func(tok *Token, depth int) error) (bool, error) {
	if !plainXMLBytes(data) {
		return false, nil
	}
	s := scannerPool.Get().(*fastScanner)
	defer scannerPool.Put(s)
	s.lim = lim
	s.reset()
	var ferr error
	ok := s.scan(data, func(tok *Token, depth int) bool {
		ferr = fn(tok, depth)
		return ferr == nil
	})
	return ok, ferr
}

// scannerPool keeps scanners, and with them their interned names, from one
// document to the next: a batch's documents share their element names.
var scannerPool = sync.Pool{New: func() any { return new(fastScanner) }}

// plainXMLBytes rejects what the scanner does not handle: invalid UTF-8,
// carriage returns (encoding/xml turns them into line feeds), control
// characters XML forbids, and U+FFFE / U+FFFF. A hand-written single pass
// doing all of it was slower than utf8.Valid and two byte searches.
func plainXMLBytes(data []byte) bool {
	i := 0
	// Eight bytes at a time: (w - 0x20…) & ^w & 0x80… is non-zero exactly
	// when some byte of w is below 0x20; only such words are looked at
	// byte by byte (Word's parts have a line feed or two, no tabs).
	for ; i+8 <= len(data); i += 8 {
		w := binary.LittleEndian.Uint64(data[i:])
		if (w-0x2020202020202020)&^w&0x8080808080808080 != 0 && !blanksOrText(data[i:i+8]) {
			return false
		}
	}
	return blanksOrText(data[i:]) && zhtext.Valid(data) && !hasNonCharacter(data)
}

// hasNonCharacter tells whether data holds U+FFFE or U+FFFF (EF BF BE,
// EF BF BF), which XML forbids: one search for their first two bytes,
// rare in a report (they lead only U+FFC0 … U+FFFF).
func hasNonCharacter(data []byte) bool {
	for {
		i := bytes.Index(data, []byte("\xef\xbf"))
		if i < 0 || i+2 >= len(data) {
			return false
		}
		if c := data[i+2]; c == 0xBE || c == 0xBF {
			return true
		}
		data = data[i+2:]
	}
}

// blanksOrText tells whether b has no control character but tab and line
// feed.
func blanksOrText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' {
			return false
		}
	}
	return true
}

// maxFastAttrs bounds the attributes of one element on the fast path; Word
// writes a dozen at most, and a hostile part with more goes to encoding/xml.
const maxFastAttrs = 64

// xmlURL is the namespace encoding/xml gives the reserved prefix xml.
const xmlURL = "http://www.w3.org/XML/1998/namespace"

type fastScanner struct {
	lim      Limits
	stack    []string          // raw names of the open elements
	rootDone bool              // the root element has closed
	ns       map[string]string // prefix → namespace, from the root's declarations ("" = default)
	count    int
	// names interns element and attribute names and attribute values: a
	// document repeats a few dozen names and values tens of thousands of
	// times, and each was a string allocation. recent is a direct-mapped
	// cache in front of it, because hashing every name into the map was a
	// quarter of the scan. Both outlive a document (scannerPool).
	names  map[string]string
	recent [512]string
	// resolved caches elementName for the current document's namespaces.
	resolved [64]struct {
		raw  string
		name xml.Name
	}
	raw  []xml.Attr // startTag's buffer of attributes as written
	attr []xml.Attr // the same with prefixes resolved, for the token
	tok  Token      // the token handed to emit, reused
}

// maxInterned bounds the names a pooled scanner keeps: a batch's documents
// share a few hundred, and a hostile one with countless distinct values
// must not grow the pool without end.
const maxInterned = 4096

// reset readies the scanner for a pass over a new document, keeping its
// interned names and buffers.
func (s *fastScanner) reset() {
	s.stack, s.rootDone, s.ns, s.count = s.stack[:0], false, nil, 0
	clear(s.resolved[:])
}

// intern is string(b), one string per distinct name.
func (s *fastScanner) intern(b []byte) string {
	h := uint32(len(b))
	for _, c := range b {
		h = h*31 + uint32(c)
	}
	slot := &s.recent[h%uint32(len(s.recent))]
	if *slot == string(b) { // compared without allocating
		return *slot
	}
	v, ok := s.names[string(b)]
	if !ok {
		if s.names == nil || len(s.names) >= maxInterned {
			s.names = map[string]string{}
		}
		v = string(b)
		s.names[v] = v
	}
	*slot = v
	return v
}

// scan walks data, handing emit each token. It reports whether data is
// plain XML the scanner reads exactly as encoding/xml does, up to where
// emit stopped the walk when it did (true then).
func (s *fastScanner) scan(data []byte, emit func(*Token, int) bool) bool {
	i := 0
	for i < len(data) {
		if data[i] != '<' {
			j := bytes.IndexByte(data[i:], '<')
			if j < 0 {
				j = len(data) - i
			}
			text := data[i : i+j]
			i += j
			if len(s.stack) == 0 {
				// Outside the root only blanks may stand.
				if len(bytes.Trim(text, " \t\n")) > 0 {
					return false
				}
				if !s.emitText(emit, text, 0) {
					return true
				}
				continue
			}
			decoded, ok := unescape(text)
			if !ok {
				return false
			}
			if !s.emitText(emit, decoded, len(s.stack)) {
				return true
			}
			continue
		}
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end := bytes.Index(rest[2:], []byte("?>"))
			if end < 0 || !plainProcInst(rest[2:2+end], i == 0) {
				return false
			}
			i += 2 + end + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 || bytes.Contains(rest[4:4+end], []byte("--")) {
				return false
			}
			i += 4 + end + 3
		case bytes.HasPrefix(rest, []byte("<!")):
			return false // DOCTYPE, CDATA
		case bytes.HasPrefix(rest, []byte("</")):
			end := bytes.IndexByte(rest, '>')
			if end < 0 || len(s.stack) == 0 {
				return false
			}
			name := s.intern(trimBlanksRight(rest[2:end]))
			if name != s.stack[len(s.stack)-1] {
				return false
			}
			depth := len(s.stack) - 1
			s.stack = s.stack[:depth]
			if !s.emitEnd(emit, name, depth) {
				return true
			}
			if depth == 0 {
				s.rootDone = true
			}
			i += end + 1
		default:
			if s.rootDone {
				return false // a second root
			}
			n, ok := s.startTag(rest, emit)
			if !ok {
				return false
			}
			if n < 0 {
				return true // emit stopped
			}
			i += n
		}
		if s.count++; s.count > s.lim.Tokens/2 || len(s.stack) > s.lim.Depth {
			return false // near the limits: encoding/xml words the refusal
		}
	}
	return s.rootDone && len(s.stack) == 0
}

// plainProcInst accepts processing instructions encoding/xml passes
// through unchanged: a target that is a plain name, and an XML declaration
// only first in the file, of version 1.0, in UTF-8 (other encodings go
// through charsetReader).
func plainProcInst(body []byte, first bool) bool {
	n := xmlName(append(bytes.Clone(body), ' '))
	target := string(body[:n])
	if n == 0 || strings.Contains(target, ":") {
		return false
	}
	if !strings.EqualFold(target, "xml") {
		return true
	}
	s := string(body[n:])
	if target != "xml" || !first || !strings.Contains(s, `version="1.0"`) && !strings.Contains(s, `version='1.0'`) {
		return false
	}
	k := strings.Index(s, "encoding=")
	if k < 0 {
		return true
	}
	v := s[k+len("encoding="):]
	if len(v) < 2 || v[0] != '"' && v[0] != '\'' {
		return false
	}
	end := strings.IndexByte(v[1:], v[0])
	if end < 0 {
		return false
	}
	enc := strings.ToLower(v[1 : 1+end])
	return enc == "utf-8" || enc == "utf8"
}

// startTag reads "<name attr="v" …>" or "…/>" at the start of b and
// returns its length; -1 when emit asked to stop.
func (s *fastScanner) startTag(b []byte, emit func(*Token, int) bool) (int, bool) {
	i := 1
	n := xmlName(b[i:])
	if n == 0 {
		return 0, false
	}
	name := s.intern(b[i : i+n])
	i += n
	raw := s.raw[:0] // the tag's attributes as written, in the scanner's buffer
	for {
		j := skipBlanks(b, i)
		if j >= len(b) {
			return 0, false
		}
		switch {
		case b[j] == '>' || b[j] == '/' && j+1 < len(b) && b[j+1] == '>':
			selfClosing := b[j] == '/'
			if selfClosing {
				j++
			}
			j++
			s.raw = raw
			if len(s.stack) == 0 && s.ns == nil {
				if !s.declareRoot(raw) {
					return 0, false
				}
			} else {
				for _, a := range raw {
					if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
						return 0, false // a namespace declared below the root
					}
				}
			}
			s.stack = append(s.stack, name)
			depth := len(s.stack)
			s.tok = Token{Kind: Start, Name: s.elementName(name), Attr: s.attrs(raw)}
			if !emit(&s.tok, depth) {
				return -1, true
			}
			if selfClosing {
				s.stack = s.stack[:depth-1]
				s.rootDone = depth == 1
				if !s.emitEnd(emit, name, depth-1) {
					return -1, true
				}
			}
			return j, true
		case j == i:
			return 0, false // attributes must be separated by blanks
		}
		n := xmlName(b[j:])
		if n == 0 {
			return 0, false
		}
		an := s.intern(b[j : j+n])
		j = skipBlanks(b, j+n)
		if j >= len(b) || b[j] != '=' {
			return 0, false
		}
		j = skipBlanks(b, j+1)
		if j >= len(b) || b[j] != '"' && b[j] != '\'' {
			return 0, false
		}
		q := b[j]
		end := bytes.IndexByte(b[j+1:], q)
		if end < 0 {
			return 0, false
		}
		rawVal := b[j+1 : j+1+end]
		if bytes.IndexByte(rawVal, '<') >= 0 {
			return 0, false
		}
		val, ok := unescape(rawVal)
		if !ok {
			return 0, false
		}
		space, local := splitName(an)
		if len(raw) >= maxFastAttrs {
			return 0, false // the duplicate check below is quadratic
		}
		for _, a := range raw {
			if a.Name.Space == space && a.Name.Local == local {
				return 0, false // a repeated attribute
			}
		}
		raw = append(raw, xml.Attr{Name: xml.Name{Space: space, Local: local}, Value: s.intern(val)})
		i = j + 1 + end + 1
	}
}

// declareRoot records the root element's namespace declarations.
func (s *fastScanner) declareRoot(raw []xml.Attr) bool {
	s.ns = map[string]string{}
	for _, a := range raw {
		switch {
		case a.Name.Space == "xmlns":
			s.ns[a.Name.Local] = a.Value
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			s.ns[""] = a.Value
		}
	}
	return true
}

func (s *fastScanner) emitText(emit func(*Token, int) bool, text []byte, depth int) bool {
	s.tok = Token{Kind: Text, Text: text}
	return emit(&s.tok, depth)
}

func (s *fastScanner) emitEnd(emit func(*Token, int) bool, raw string, depth int) bool {
	s.tok = Token{Kind: End, Name: s.elementName(raw)}
	return emit(&s.tok, depth)
}

// elementName resolves an element's prefix as encoding/xml does: a known
// prefix becomes its namespace, no prefix takes the default namespace,
// and an unknown prefix is left as it is. raw is interned, so the cache
// compares it mostly by pointer.
func (s *fastScanner) elementName(raw string) xml.Name {
	slot := &s.resolved[(len(raw)*7+int(raw[len(raw)-1]))%len(s.resolved)]
	if slot.raw == raw {
		return slot.name
	}
	space, local := splitName(raw)
	name := xml.Name{Space: space, Local: local}
	if space == "xml" {
		name.Space = xmlURL
	} else if v, ok := s.ns[space]; ok {
		name.Space = v
	}
	slot.raw, slot.name = raw, name
	return name
}

// attrs resolves attribute prefixes as encoding/xml does: unprefixed
// attributes and xmlns declarations keep their names. The result is the
// scanner's buffer, valid until the next tag.
func (s *fastScanner) attrs(raw []xml.Attr) []xml.Attr {
	if len(raw) == 0 {
		return nil
	}
	out := append(s.attr[:0], raw...)
	s.attr = out
	for i, a := range out {
		switch {
		case a.Name.Space == "" || a.Name.Space == "xmlns":
		case a.Name.Space == "xml":
			out[i].Name.Space = xmlURL
		default:
			if v, ok := s.ns[a.Name.Space]; ok {
				out[i].Name.Space = v
			}
		}
	}
	return out
}

func splitName(raw string) (space, local string) {
	if i := strings.IndexByte(raw, ':'); i > 0 && i < len(raw)-1 {
		return raw[:i], raw[i+1:]
	}
	return "", raw
}

// xmlName is the length of the name at the start of b, made of ASCII
// letters, digits, '_', '-', '.' and at most one ':' (what OOXML uses); 0
// for anything else, which is left to encoding/xml.
func xmlName(b []byte) int {
	n, colons := 0, 0
	for n < len(b) {
		c := b[n]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case c >= '0' && c <= '9', c == '-', c == '.':
			if n == 0 {
				return 0
			}
		case c == ':':
			colons++
			if n == 0 || colons > 1 {
				return 0
			}
		default:
			if n > 0 && b[n-1] == ':' {
				return 0
			}
			return n
		}
		n++
	}
	return 0 // a name runs to the end of the data: not a tag
}

// trimBlanksRight is bytes.TrimRight(b, " \t\n") without building a
// cutset for every end tag.
func trimBlanksRight(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n') {
		b = b[:len(b)-1]
	}
	return b
}

func skipBlanks(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n') {
		i++
	}
	return i
}

// unescape decodes the five predefined entities and character
// references; any other entity, or a bare '&', or '>' after "]]", is not
// plain. Text without '&' is returned as it is, without copying.
func unescape(b []byte) ([]byte, bool) {
	if bytes.Contains(b, []byte("]]>")) {
		return nil, false
	}
	if bytes.IndexByte(b, '&') < 0 {
		return b, true
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		k := bytes.IndexByte(b, '&')
		if k < 0 {
			out = append(out, b...)
			break
		}
		out = append(out, b[:k]...)
		b = b[k:]
		end := bytes.IndexByte(b, ';')
		if end < 0 {
			return nil, false
		}
		ent := string(b[1:end])
		b = b[end+1:]
		switch ent {
		case "amp":
			out = append(out, '&')
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return nil, false
			}
			out = utf8.AppendRune(out, r)
		}
	}
	return out, true
}

// charRef reads "#65" or "#x41" as a character XML allows; other text, or
// a code outside what XML allows or would normalize, is not plain.
func charRef(ent string) (rune, bool) {
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(ent, "#x"):
		n, err = strconv.ParseUint(ent[2:], 16, 32)
	case strings.HasPrefix(ent, "#"):
		n, err = strconv.ParseUint(ent[1:], 10, 32)
	default:
		return 0, false
	}
	if err != nil {
		return 0, false
	}
	r := rune(n)
	switch {
	case r == '\t' || r == '\n':
	case r < 0x20, r == '\r', r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF, r > utf8.MaxRune:
		return 0, false
	}
	return r, true
}
