package xmlscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The equality of Fast with encoding/xml on real and random parts is
// tested in ingest (TestFastXMLEqualsEncodingXML, FuzzFastXML), where the
// real .docx parts are.

// plainXMLDefinition is what plainXMLBytes decides, in one loop per rule.
func plainXMLDefinition(data []byte) bool {
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' {
			return false
		}
	}
	return utf8.Valid(data) && !bytes.Contains(data, []byte("\xef\xbf\xbe")) && !bytes.Contains(data, []byte("\xef\xbf\xbf"))
}

func TestPlainXMLBytesEqualsDefinition(t *testing.T) {
	// Pieces around the boundaries that matter, at every alignment
	// against the eight-byte steps: control characters, blanks, lead and
	// continuation bytes, U+FFFD/FFFE/FFFF, surrogates, overlong forms.
	pieces := []string{"a", "<w:t>", "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "\x20", "法", "，", "\xef\xbf\xbd",
		"\xef\xbf\xbe", "\xef\xbf\xbf", "\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\xaf", "\xe0\xa0\x80",
		"\xc2\xa0", "\xc0\xaf", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\x80", "\xbf", "\xef", "\xe5\x9b", "\xff"}
	rng := rand.New(rand.NewPCG(3, 4))
	seenPlain, seenNot := 0, 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		data := []byte(b.String())
		want := plainXMLDefinition(data)
		if plainXMLBytes(data) != want {
			t.Fatalf("%q: plainXMLBytes %v, want %v", data, !want, want)
		}
		if want {
			seenPlain++
		} else {
			seenNot++
		}
	}
	if seenPlain < 1000 || seenNot < 1000 {
		t.Errorf("too few cases of one side: %d plain, %d not", seenPlain, seenNot)
	}
}

// A walk stops at the first error fn returns and returns it unchanged,
// on the fast path and on encoding/xml's.
func TestWalkReturnsReadersError(t *testing.T) {
	stop := bytes.ErrTooLarge
	for _, doc := range []string{`<a><b/><c/></a>`, `<!DOCTYPE a><a><b/><c/></a>`} {
		n := 0
		err := Walk([]byte(doc), Generous, nil, func(tok *Token, depth int) error {
			if n++; n == 2 {
				return stop
			}
			return nil
		}, func() { n = 0 })
		if err != stop || n != 2 {
			t.Errorf("%s: err %v after %d tokens", doc, err, n)
		}
	}
}

func TestWalkErrors(t *testing.T) {
	deep := strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300)
	for doc, want := range map[string]string{
		`<a><b>`:      "unclosed",
		`<a></b>`:     "decode",
		deep:          "depth",
		`<a>x&y;</a>`: "decode",
		`<a>ok</a>`:   "",
		"<a>\r\n</a>": "", // left to encoding/xml, which reads it
		// Not plain (a DOCTYPE), so read by encoding/xml, which must take
		// "utf8" as Fast does, with no charset reader given.
		`<?xml version="1.0" encoding="utf8"?><!DOCTYPE a><a/>`: "",
		`<?xml version="1.0" encoding="GBK"?><!DOCTYPE a><a/>`:  "decode",
	} {
		err := Walk([]byte(doc), Generous, nil, func(*Token, int) error { return nil }, nil)
		var lim *LimitError
		var bad *DecodeError
		got := ""
		switch {
		case err == ErrUnclosed:
			got = "unclosed"
		case errors.As(err, &lim) && lim.Depth:
			got = "depth"
		case errors.As(err, &bad):
			got = "decode"
		case err != nil:
			got = err.Error()
		}
		if got != want {
			t.Errorf("%.40q: got %q, want %q", doc, got, want)
		}
	}
}

// When Fast declines a document part-way, Walk starts over: fn, put back
// by restart, sees exactly encoding/xml's tokens, or its error, and none
// of the tokens read before the decline twice.
func TestWalkStartsOverWhenFastDeclines(t *testing.T) {
	for _, doc := range []string{
		`<a><b>x</b><![CDATA[y]]><c/></a>`,          // CDATA
		`<a><b>x</b><c>&nbsp;</c></a>`,              // an entity encoding/xml refuses
		`<a xmlns="u"><b>x</b><c xmlns:p="v"/></a>`, // a namespace below the root
		`<a><b>x</b><c></d></a>`,                    // mismatched tags
		`<a><b>x</b><c>`,                            // cut off
		`<a><b>x</b><!-- a -- b --><c/></a>`,        // "--" in a comment
		`<a><b>x</b></a><a/>`,                       // a second root
	} {
		var seen []string
		before := 0 // tokens fn saw before the walk started over
		err := Walk([]byte(doc), Generous, nil, func(tok *Token, depth int) error {
			seen = append(seen, fmt.Sprintf("%d %d %v %q %q", depth, tok.Kind, tok.Name, tok.Attr, tok.Text))
			return nil
		}, func() { before, seen = len(seen), nil })
		if before == 0 {
			t.Errorf("%s: Fast declined before any token; the case tests nothing", doc)
		}
		var want []string
		dec := NewDecoder([]byte(doc), nil)
		depth := 0
		var wantErr error
		for {
			tok, err := dec.Token()
			if err != nil {
				if err != io.EOF {
					wantErr = err
				}
				break
			}
			tk, ok := fromStandard(tok)
			if !ok {
				continue
			}
			depth += tk.depthChange()
			want = append(want, fmt.Sprintf("%d %d %v %q %q", depth, tk.Kind, tk.Name, tk.Attr, tk.Text))
		}
		if (err != nil) != (wantErr != nil || depth != 0) {
			t.Errorf("%s: Walk's error %v, encoding/xml's %v", doc, err, wantErr)
		}
		if !slices.Equal(seen, want) {
			t.Errorf("%s:\n got %q\nwant %q", doc, seen, want)
		}
	}
}
