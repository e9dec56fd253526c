package outcome

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// fastXML is encoding/xml's RawToken, faster on the XML spreadsheet
// programs write. encoding/xml reads a byte at a time through an
// interface and copies every name and text; tokenising was a quarter of
// a consolidation. fastXML reads the common forms itself — start and end
// tags with ASCII names and quoted attribute values, text with the
// predefined and numeric character references — and hands anything else
// (the XML declaration, comments, CDATA, a doctype, a carriage return, a
// name in another script, every malformed construct) to encoding/xml, one
// token at a time, starting where that token starts. So every token, and
// every error, is the one encoding/xml gives for the same bytes
// (FuzzFastXML compares the two streams); only the line of an error is
// counted from the part's start by hand.
type fastXML struct {
	data  []byte
	pos   int
	close *xml.Name // the end half of the self-closing element just read
	names map[string]string
	err   error
}

func newFastXML(data []byte) *fastXML {
	return &fastXML{data: data, names: map[string]string{}}
}

// errSlow means the fast path does not read what stands at pos.
var errSlow = errors.New("not on the fast path")

func (x *fastXML) RawToken() (xml.Token, error) {
	if x.err != nil {
		return nil, x.err
	}
	if x.close != nil {
		n := *x.close
		x.close = nil
		return xml.EndElement{Name: n}, nil
	}
	if x.pos >= len(x.data) {
		x.err = io.EOF
		return nil, io.EOF
	}
	start := x.pos
	tok, end, err := x.fast(start)
	if err == errSlow {
		tok, end, err = x.slow(start)
	}
	if err != nil {
		x.err = err
		return nil, err
	}
	x.pos = end
	return tok, nil
}

// slow reads the one token at start with encoding/xml.
func (x *fastXML) slow(start int) (xml.Token, int, error) {
	d := xml.NewDecoder(bytes.NewReader(x.data[start:]))
	tok, err := d.RawToken()
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			se.Line += bytes.Count(x.data[:start], []byte{'\n'})
		}
		if err == io.EOF {
			err = io.ErrUnexpectedEOF // there were bytes left: not a clean end
		}
		return nil, 0, err
	}
	end := start + int(d.InputOffset())
	if se, ok := tok.(xml.StartElement); ok && end-start >= 2 && x.data[end-2] == '/' && x.data[end-1] == '>' {
		n := se.Name
		x.close = &n // encoding/xml returns the end half on its next call
	}
	return xml.CopyToken(tok), end, nil
}

func (x *fastXML) fast(p int) (xml.Token, int, error) {
	data := x.data
	if data[p] != '<' {
		text, end, err := x.text(p, -1)
		if err != nil {
			return nil, 0, err
		}
		return xml.CharData(text), end, nil
	}
	p++
	if p >= len(data) {
		return nil, 0, errSlow
	}
	if data[p] == '/' {
		name, q, err := x.name(p + 1)
		if err != nil {
			return nil, 0, err
		}
		q = space(data, q)
		if q >= len(data) || data[q] != '>' {
			return nil, 0, errSlow
		}
		return xml.EndElement{Name: name}, q + 1, nil
	}
	name, q, err := x.name(p)
	if err != nil {
		return nil, 0, err
	}
	var attrs []xml.Attr
	for {
		q = space(data, q)
		if q >= len(data) {
			return nil, 0, errSlow
		}
		switch data[q] {
		case '>':
			return xml.StartElement{Name: name, Attr: attrs}, q + 1, nil
		case '/':
			if q+1 >= len(data) || data[q+1] != '>' {
				return nil, 0, errSlow
			}
			x.close = &name
			return xml.StartElement{Name: name, Attr: attrs}, q + 2, nil
		}
		var a xml.Attr
		if a.Name, q, err = x.name(q); err != nil {
			return nil, 0, err
		}
		q = space(data, q)
		if q >= len(data) || data[q] != '=' {
			return nil, 0, errSlow
		}
		q = space(data, q+1)
		if q >= len(data) || data[q] != '"' && data[q] != '\'' {
			return nil, 0, errSlow
		}
		v, end, err := x.text(q+1, int(data[q]))
		if err != nil {
			return nil, 0, err
		}
		a.Value = string(v)
		attrs = append(attrs, a)
		q = end + 1 // past the closing quote
	}
}

// space skips what encoding/xml takes for white space between names.
func space(data []byte, p int) int {
	for p < len(data) && (data[p] == ' ' || data[p] == '\n' || data[p] == '\t' || data[p] == '\r') {
		p++
	}
	return p
}

// name reads an ASCII name at p, split at its colon as encoding/xml's
// nsname does; a name that does not start with a letter or '_', holds a
// byte above ASCII or more than one colon is left to encoding/xml.
func (x *fastXML) name(p int) (xml.Name, int, error) {
	data := x.data
	q := p
	colon := -1
	for q < len(data) {
		c := data[q]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || q > p && ('0' <= c && c <= '9' || c == '.' || c == '-') {
			q++
			continue
		}
		if c == ':' && q > p {
			if colon >= 0 {
				return xml.Name{}, 0, errSlow
			}
			colon = q
			q++
			continue
		}
		break
	}
	if q == p || q >= len(data) || data[q] >= utf8.RuneSelf {
		return xml.Name{}, 0, errSlow
	}
	if colon < 0 || colon == q-1 {
		return xml.Name{Local: x.intern(data[p:q])}, q, nil
	}
	return xml.Name{Space: x.intern(data[p:colon]), Local: x.intern(data[colon+1 : q])}, q, nil
}

// intern keeps one string per name: a sheet repeats a few names. A part
// made of ever new names (a hostile one) stops being interned at
// maxInterned, so the map stays small.
func (x *fastXML) intern(b []byte) string {
	if s, ok := x.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(x.names) < maxInterned {
		x.names[s] = s
	}
	return s
}

const maxInterned = 256

// text reads character data from p up to '<' (quote < 0: the bytes it
// returns are then x.data's own when they hold no reference) or to the
// closing quote, whose offset it returns as end.
func (x *fastXML) text(p int, quote int) ([]byte, int, error) {
	data := x.data
	var out []byte // nil while the text is data[p:q] itself
	run := p       // start of the bytes not yet copied to out
	q := p
	ascii := true
	for ; q < len(data); q++ {
		c := data[q]
		switch {
		case c == '<':
			if quote >= 0 {
				return nil, 0, errSlow // unescaped < inside quoted string
			}
		case quote >= 0 && c == byte(quote):
		case c == '\r':
			return nil, 0, errSlow // encoding/xml rewrites it
		case c == '>' && quote < 0 && q-p >= 2 && q-2 >= run && data[q-1] == ']' && data[q-2] == ']':
			return nil, 0, errSlow // "]]>" outside CDATA
		case c == '&':
			r, n := charRef(data[q:])
			if n == 0 {
				return nil, 0, errSlow
			}
			out = append(out, data[run:q]...)
			out = utf8.AppendRune(out, r)
			if r >= utf8.RuneSelf || r < ' ' {
				ascii = false
			}
			q += n - 1
			run = q + 1
			continue
		default:
			if c < ' ' && c != '\t' && c != '\n' || c >= utf8.RuneSelf {
				ascii = false
			}
			continue
		}
		break
	}
	if quote >= 0 && q >= len(data) {
		return nil, 0, errSlow
	}
	var text []byte
	if out == nil {
		text = data[p:q]
	} else {
		text = append(out, data[run:q]...)
	}
	if !ascii && !validChars(text) {
		return nil, 0, errSlow
	}
	return text, q, nil
}

// charRef decodes the reference at the start of b (b[0] == '&') as
// encoding/xml does, and its length; 0 when encoding/xml should read it.
func charRef(b []byte) (rune, int) {
	end := bytes.IndexByte(b, ';')
	if end < 2 || end > 12 {
		return 0, 0
	}
	ref := b[1:end]
	switch string(ref) {
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "amp":
		return '&', end + 1
	case "apos":
		return '\'', end + 1
	case "quot":
		return '"', end + 1
	}
	if ref[0] != '#' || len(ref) < 2 {
		return 0, 0
	}
	digits, base := ref[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, 0
	}
	for _, c := range digits {
		if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
			return 0, 0
		}
	}
	n, err := strconv.ParseUint(string(digits), base, 64)
	if err != nil || n > unicode.MaxRune {
		return 0, 0
	}
	r, _ := utf8.DecodeRuneInString(string(rune(n))) // a surrogate becomes U+FFFD, as in encoding/xml
	return r, end + 1
}

// validChars reports whether text is UTF-8 of characters XML allows.
func validChars(text []byte) bool {
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		if r == utf8.RuneError && size == 1 {
			return false
		}
		text = text[size:]
		if !(r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return false
		}
	}
	return true
}
