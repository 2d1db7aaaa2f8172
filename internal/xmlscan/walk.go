package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits bound one XML part, so that a hostile part fails fast.
type Limits struct {
	Depth  int // elements open at once
	Tokens int // tokens in the part
}

// Generous are limits a real part never comes near: a report's parts
// nest a dozen levels deep and have tens of thousands of tokens.
var Generous = Limits{Depth: 256, Tokens: 4_000_000}

// ErrUnclosed is Walk's error for a part that ends inside an element.
var ErrUnclosed = errors.New("xmlscan: unclosed element")

// LimitError is Walk's error for a part beyond its Limits.
type LimitError struct {
	Depth bool // nested too deep; else too many tokens
	Limit int
}

func (e *LimitError) Error() string {
	if e.Depth {
		return "xmlscan: nested too deep"
	}
	return "xmlscan: too many tokens"
}

// DecodeError is Walk's error for a part encoding/xml refuses; Err is
// encoding/xml's own error.
type DecodeError struct{ Err error }

func (e *DecodeError) Error() string { return e.Err.Error() }
func (e *DecodeError) Unwrap() error { return e.Err }

// Walk hands fn the tokens of data with their depth: through Fast when
// data is plain, else through NewDecoder's encoding/xml decoder.
// Comments, processing instructions and directives are not handed on: no reader
// wants them. An error fn returns stops the walk and is returned as it
// is; the walk's own are ErrUnclosed, *LimitError and *DecodeError.
//
// Fast may find part-way that data is not plain, after fn has seen the
// tokens before that point. Walk then calls restart, which must put fn's
// state back as it was before the walk, and hands fn every token again
// from encoding/xml. restart may be nil when fn keeps no state.
func Walk(data []byte, lim Limits, charset func(label string, input io.Reader) (io.Reader, error),
	fn func(tok *Token, depth int) error, restart func()) error {
	if ok, err := Fast(data, lim, fn); ok {
		return err
	}
	if restart != nil {
		restart()
	}
	dec := NewDecoder(data, charset)
	depth, count := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if depth != 0 {
				return ErrUnclosed
			}
			return nil
		}
		if err != nil {
			if strings.Contains(err.Error(), "unexpected EOF") {
				return ErrUnclosed
			}
			return &DecodeError{err}
		}
		count++
		if count > lim.Tokens {
			return &LimitError{Limit: lim.Tokens}
		}
		tk, ok := fromStandard(tok)
		if !ok {
			continue
		}
		depth += tk.depthChange()
		if depth > lim.Depth {
			return &LimitError{Depth: true, Limit: lim.Depth}
		}
		if err := fn(&tk, depth); err != nil {
			return err
		}
	}
}

// fromStandard is encoding/xml's token as a Token; false for the kinds
// Walk does not hand on (comments, processing instructions, directives).
func fromStandard(tok xml.Token) (Token, bool) {
	switch t := tok.(type) {
	case xml.StartElement:
		return Token{Kind: Start, Name: t.Name, Attr: t.Attr}, true
	case xml.EndElement:
		return Token{Kind: End, Name: t.Name}, true
	case xml.CharData:
		return Token{Kind: Text, Text: t}, true
	}
	return Token{}, false
}

// depthChange is how the token moves the element depth: into an
// element on Start, out of it on End.
func (t *Token) depthChange() int {
	switch t.Kind {
	case Start:
		return 1
	case End:
		return -1
	}
	return 0
}

// NewDecoder is the encoding/xml decoder Walk reads a part with when it
// is not plain: Strict, and with charset for declared encodings other
// than UTF-8 (also spelled "utf8", which Fast reads; nil refuses the
// others).
func NewDecoder(data []byte, charset func(label string, input io.Reader) (io.Reader, error)) *xml.Decoder {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf8") {
			return input, nil
		}
		if charset == nil {
			return nil, fmt.Errorf("不支持的编码“%s”", label)
		}
		return charset(label, input)
	}
	return dec
}
