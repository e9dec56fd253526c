package clearance

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"

	"opkit/internal/diag"
	"opkit/internal/workspace"
)

// FileName is the staff's file in the workspace; TodoName the file
// consolidate writes into DIR/report/.
const (
	FileName = "clearance.toml"
	TodoName = "clearance-todo.toml"
)

// Withheld is one text of an anonymised return that the report does not
// quote until it is cleared.
type Withheld struct {
	ID      string // stable: the same text in the same place has the same id on every run
	Country string // ISO code
	File    string // the return, as the intake log names it
	Where   string // "Event!B18"
	Field   string // what the text is: "Opportunities: Opportunity"
	Text    string
}

// ID is the stable id of a text: the country, the field and the text
// itself, hashed. The file name is left out (partners rename files) and so
// is the row (a row added above must not unclear the rows below); a
// changed text gets a new id, so a clearance never carries over to words
// staff have not read.
func ID(country, field, text string) string {
	h := sha256.Sum256([]byte(strings.ToUpper(country) + "\x00" + field + "\x00" + text))
	return strings.ToLower(country) + "-" + slug(field) + "-" + hex.EncodeToString(h[:5])
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Cleared is one entry of WS/clearance.toml.
type Cleared struct {
	ID   string
	Text string
	// Where the text value stands, to report hits at their line:col.
	Line, Col int
	pos       textPos
	hasText   bool
}

// File is a loaded clearance.toml.
type File struct {
	Name    string // as diagnostics name it
	Entries map[string]*Cleared
	data    []byte
	lines   []int
}

// Pos is the line:col in the file of byte off of e's text.
func (f *File) Pos(e *Cleared, off int) (int, int) {
	return f.lineCol(e.pos.raw(off))
}

func (f *File) lineCol(off int) (int, int) {
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	i = max(i, 0)
	return i + 1, utf8.RuneCount(f.data[f.lines[i]:min(off, len(f.data))]) + 1
}

// Parse reads clearance.toml: an array of [[text]] tables, each with an id
// and a text (country, file, where and field, copied from the to-do
// file, are allowed and ignored). Every problem is positioned; a broken
// entry is left out and the others kept.
func Parse(name string, data []byte) (*File, diag.List) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	f := &File{Name: name, Entries: map[string]*Cleared{}, data: data, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	var ds diag.List
	errAt := func(off int, format string, args ...any) {
		l, c := f.lineCol(off)
		ds.Errorf(name, l, c, format, args...)
	}
	if !utf8.Valid(data) {
		ds.Errorf(name, 0, 0, "the file is not UTF-8 text; save it with UTF-8 encoding")
		return f, ds
	}
	var p unstable.Parser
	p.Reset(data)
	var cur *Cleared
	curOff := 0
	inText := false
	finish := func() {
		if cur == nil {
			return
		}
		switch {
		case cur.ID == "":
			errAt(curOff, "this [[text]] has no id; copy the entry whole from %s", TodoName)
		case !cur.hasText:
			errAt(curOff, "this [[text]] (id %q) has no text", cur.ID)
		case f.Entries[cur.ID] != nil:
			errAt(curOff, "id %q is cleared twice; keep one entry", cur.ID)
		default:
			f.Entries[cur.ID] = cur
		}
		cur = nil
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.ArrayTable, unstable.Table:
			finish()
			k, off := keyOf(e)
			if k != "text" || e.Kind == unstable.Table {
				errAt(off, "unexpected table [%s]; entries are [[text]] tables", k)
				inText = false
				continue
			}
			inText, cur, curOff = true, &Cleared{}, off
		case unstable.KeyValue:
			it := e.Children()
			it.Next()
			v := it.Node()
			k, off := keyOf(e)
			if !inText {
				errAt(off, "key %q outside a [[text]] entry", k)
				continue
			}
			switch k {
			case "id", "text", "country", "file", "where", "field":
			default:
				errAt(off, "unknown key %q (allowed: id, text, country, file, where, field)", k)
				continue
			}
			if v.Kind != unstable.String {
				errAt(int(v.Raw.Offset), "%s must be a string", k)
				continue
			}
			switch k {
			case "id":
				cur.ID = string(v.Data)
			case "text":
				cur.Text, cur.hasText = string(v.Data), true
				cur.pos = newTextPos(data, int(v.Raw.Offset), int(v.Raw.Length))
				cur.Line, cur.Col = f.lineCol(int(v.Raw.Offset))
			}
		}
	}
	finish()
	if err := p.Error(); err != nil {
		off := len(data)
		msg := err.Error()
		var perr *unstable.ParserError
		if errors.As(err, &perr) {
			msg = perr.Message
			if perr.Highlight != nil {
				off = int(p.Range(perr.Highlight).Offset)
			}
		}
		errAt(off, "TOML syntax error: %s", msg)
	}
	return f, ds
}

// keyOf is the (dotted) key of a table header or key/value, and the offset
// of its first part.
func keyOf(e *unstable.Node) (string, int) {
	var parts []string
	off := -1
	for k := e.Key(); k.Next(); {
		if off < 0 {
			off = int(k.Node().Raw.Offset)
		}
		parts = append(parts, string(k.Node().Data))
	}
	return strings.Join(parts, "."), max(off, 0)
}

// Check reports every name s finds in e's text as an error at its
// line:col in the file.
func (f *File) Check(e *Cleared, s *Scrubber) diag.List {
	var ds diag.List
	for _, h := range s.Find(e.Text) {
		l, c := f.Pos(e, h.Start)
		ds.Errorf(f.Name, l, c, "the cleared text %s still names the country: %q (as %q); reword it, or leave the entry out to keep the text withheld",
			e.ID, e.Text[h.Start:h.End], h.Name)
	}
	return ds
}

// textPos maps byte offsets of a decoded TOML string to the file.
type textPos struct {
	start int   // offset of the value's first byte (its quote) in the file
	m     []int // m[i]: file offset of decoded byte i
}

func (t textPos) raw(off int) int {
	if off < len(t.m) {
		return t.m[off]
	}
	if len(t.m) > 0 {
		return t.m[len(t.m)-1]
	}
	return t.start
}

// newTextPos decodes the string value at data[start:start+n] the way TOML
// does, recording where each decoded byte came from.
func newTextPos(data []byte, start, n int) textPos {
	raw := data[start : start+n]
	t := textPos{start: start}
	q, multi := 0, false
	switch {
	case bytes.HasPrefix(raw, []byte(`"""`)), bytes.HasPrefix(raw, []byte(`'''`)):
		q, multi = 3, true
	default:
		q = 1
	}
	literal := raw[0] == '\''
	body := raw[q : len(raw)-q]
	i := 0
	if multi {
		if bytes.HasPrefix(body, []byte("\r\n")) {
			i = 2
		} else if bytes.HasPrefix(body, []byte("\n")) {
			i = 1
		}
	}
	base := start + q
	for i < len(body) {
		c := body[i]
		if literal || c != '\\' {
			t.m = append(t.m, base+i)
			i++
			continue
		}
		// An escape: every decoded byte points at the backslash.
		j := i + 1
		if j >= len(body) {
			break
		}
		switch body[j] {
		case 'u', 'U':
			w := 4
			if body[j] == 'U' {
				w = 8
			}
			if j+1+w <= len(body) {
				if r, err := strconv.ParseUint(string(body[j+1:j+1+w]), 16, 32); err == nil {
					for range utf8.RuneLen(rune(r)) {
						t.m = append(t.m, base+i)
					}
				}
			}
			i = j + 1 + w
		case ' ', '\t', '\r', '\n':
			// A line-ending backslash swallows the newline and the blanks after it.
			k := j
			for k < len(body) && strings.IndexByte(" \t\r\n", body[k]) >= 0 {
				k++
			}
			i = k
		default:
			t.m = append(t.m, base+i)
			i = j + 1
		}
	}
	return t
}

// Todo writes clearance-todo.toml: every withheld text as a [[text]]
// entry, texts as multi-line literal strings staff can edit as they read
// them, in the order given.
func Todo(items []Withheld, heading string) []byte {
	var b bytes.Buffer
	b.WriteString(heading)
	for _, w := range items {
		b.WriteString("\n[[text]]\n")
		fmt.Fprintf(&b, "id = %s\n", workspace.TOMLString(w.ID))
		fmt.Fprintf(&b, "country = %s\n", workspace.TOMLString(w.Country))
		fmt.Fprintf(&b, "file = %s\n", workspace.TOMLString(w.File))
		fmt.Fprintf(&b, "where = %s\n", workspace.TOMLString(w.Where))
		fmt.Fprintf(&b, "field = %s\n", workspace.TOMLString(w.Field))
		fmt.Fprintf(&b, "text = %s\n", multiline(w.Text))
	}
	return b.Bytes()
}

// multiline is a TOML multi-line literal string when s allows one (no ”'
// and no control characters but tab and newline), a basic string
// otherwise. A literal string shows the text exactly as the partner typed
// it, with nothing to unescape.
func multiline(s string) string {
	ok := !strings.Contains(s, "'''") && !strings.HasSuffix(s, "'") && !strings.Contains(s, "\r")
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
			ok = false
		}
	}
	if ok {
		return "'''\n" + s + "'''"
	}
	return workspace.TOMLString(s)
}
