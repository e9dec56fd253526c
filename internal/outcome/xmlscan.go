package outcome

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// xmlScan reads a part's XML once: what the reader needs, and, to the end
// of the part, that it is whole and not nested too deep. A truncated or
// corrupted part is an error, not partial data; before, every part was
// tokenised a second time by a separate check (a quarter of consolidate).
type xmlScan struct {
	name     string
	d        *fastXML // encoding/xml's RawToken, faster (fastxml.go)
	depth    int
	maxDepth int
	seenRoot bool
	open     []xml.Name // elements open, to match their ends
	err      error      // the first error; every later Token returns it
}

func (p *pkg) scanXML(name string, data []byte) *xmlScan {
	return &xmlScan{name: name, d: newFastXML(data), maxDepth: p.lim.MaxDepth}
}

// Token is xml.Decoder.RawToken with the checks Token makes (every end
// tag matches its start) and the reader's own (depth, a whole part);
// io.EOF only at a proper end. Names keep their prefixes: the readers
// look at local names only, and translating namespaces cost a third of
// the reading.
func (s *xmlScan) Token() (xml.Token, error) {
	if s.err != nil {
		return nil, s.err
	}
	tok, err := s.d.RawToken()
	switch {
	case err == io.EOF:
		if s.depth != 0 || !s.seenRoot {
			err = errors.New("unexpected end of XML")
		}
	case err == nil:
		switch t := tok.(type) {
		case xml.StartElement:
			s.depth++
			s.seenRoot = true
			s.open = append(s.open, t.Name)
			if s.depth > s.maxDepth {
				err = fmt.Errorf("%w: XML elements nested over %d deep", ErrLimit, s.maxDepth)
			}
		case xml.EndElement:
			s.depth--
			switch n := len(s.open); {
			case n == 0:
				err = fmt.Errorf("unexpected end element </%s>", t.Name.Local)
			case s.open[n-1] != t.Name:
				err = fmt.Errorf("element <%s> closed by </%s>", s.open[n-1].Local, t.Name.Local)
			default:
				s.open = s.open[:n-1]
			}
		}
	}
	if err != nil && err != io.EOF {
		s.err = s.wrap(err)
		return nil, s.err
	}
	if err == io.EOF {
		s.err = io.EOF
	}
	return tok, err
}

// text reads the character data of the element just started, to its end.
func (s *xmlScan) text() (string, error) {
	var b bytes.Buffer
	for depth := 1; depth > 0; {
		tok, err := s.Token()
		if err != nil {
			if err == io.EOF {
				err = s.wrap(errors.New("unexpected end of XML"))
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			b.Write(t)
		}
	}
	return b.String(), nil
}

// finish reads what the caller left of the part and reports whether the
// whole part was well-formed: the error the separate check gave.
func (s *xmlScan) finish() error {
	for {
		_, err := s.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (s *xmlScan) wrap(err error) error {
	if errors.Is(err, ErrLimit) {
		return fmt.Errorf("part %s: %w", s.name, err)
	}
	return fmt.Errorf("%w: part %s is damaged: %v", ErrNotWorkbook, s.name, err)
}
