package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// The go-toml unstable parser gives one top-level expression at a time with
// byte ranges, but it leaves TOML's table semantics (duplicate keys, tables
// defined twice, appending to a closed inline table) to the consumer. This
// file builds a small document tree from those expressions, keeping the byte
// offset of every key and value, and reports the semantic mistakes itself.

type vkind int

const (
	kString vkind = iota
	kInteger
	kFloat
	kBool
	kDate
	kTime
	kLocalDateTime
	kDateTime
	kArray
	kTable
)

// val is one TOML value with the byte offset where it starts.
type val struct {
	kind  vkind
	off   int
	raw   string // scalar text: decoded for strings, as written otherwise
	items []*val // kArray
	tab   *table // kTable
	// headers marks an array made by [[name]] headers, which later headers
	// may extend; an array written inline with [...] is closed.
	headers bool
}

// table is a TOML table; entries keep the order of the file.
type table struct {
	off     int // the header's '[' (or '{', or the dotted key that made it)
	entries []*entry
	index   map[string]*entry
	// explicit: defined by its own [header]; a second header is an error.
	explicit bool
	// inline tables are closed: nothing may add keys to them later.
	inline bool
	// dotted tables were made by a dotted key (a.b = 1); a [a] header may
	// not reopen them.
	dotted bool
}

type entry struct {
	key    string
	keyOff int
	v      *val
}

func newTable(off int) *table { return &table{off: off, index: map[string]*entry{}} }

func (t *table) get(k string) *entry { return t.index[k] }

func (t *table) add(k string, keyOff int, v *val) *entry {
	e := &entry{key: k, keyOff: keyOff, v: v}
	t.entries = append(t.entries, e)
	t.index[k] = e
	return e
}

// doc is one parsed input file.
type doc struct {
	root *table
	// lines holds the byte offset where each line starts, for line:col.
	lines []int
	data  []byte
	// syntax is true when the file had syntax errors: parts of it are then
	// missing from the tree, so "missing key" reports would be misleading.
	syntax bool
}

// pos converts a byte offset into a 1-based line and a 1-based column
// counted in characters (runes), which is what a text editor shows.
// line is the line of off, for "first on line N" messages.
func (d *doc) line(off int) int {
	l, _ := d.pos(off)
	return l
}

func (d *doc) pos(off int) (int, int) {
	if off > len(d.data) {
		off = len(d.data)
	}
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, utf8.RuneCount(d.data[d.lines[i]:off]) + 1
}

type parseErr struct {
	off int
	msg string
}

// parse reads data into a tree. It never stops at the first syntax error:
// after one it resumes at the next line, so one run reports every broken
// line of a file.
func parse(data []byte) (*doc, []parseErr) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Notepad's BOM
	d := &doc{root: newTable(0), data: data, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	var errs []parseErr
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		d.syntax = true
		return d, []parseErr{{off, "the file is not UTF-8 text; save it with UTF-8 encoding"}}
	}

	b := &builder{d: d, cur: d.root}
	var p unstable.Parser
	start := 0
	for start < len(data) {
		chunk := data[start:]
		p.Reset(chunk)
		for p.NextExpression() {
			b.expr(p.Expression(), start, chunk)
		}
		err := p.Error()
		if err == nil {
			break
		}
		d.syntax = true
		off := len(data)
		var perr *unstable.ParserError
		msg := err.Error()
		if errors.As(err, &perr) {
			msg = perr.Message
			if perr.Highlight != nil {
				off = start + cap(chunk) - cap(perr.Highlight)
			}
		}
		if off < start || off > len(data) {
			// A highlight outside the input (the parser may point into a
			// decoded copy): blame the start of the chunk.
			off = start
		}
		errs = append(errs, parseErr{off, "TOML syntax error: " + friendly(msg)})
		// A broken [header] leaves the keys below it with no table: they go
		// to a detached one rather than pile up as duplicates in the table
		// before it.
		ls := off
		for ls > 0 && data[ls-1] != '\n' {
			ls--
		}
		if bytes.HasPrefix(bytes.TrimLeft(data[ls:], " \t"), []byte("[")) {
			b.cur = newTable(ls)
		}
		// Resume after the line holding the error.
		nl := bytes.IndexByte(data[off:], '\n')
		if nl < 0 {
			break
		}
		start = off + nl + 1
	}
	errs = append(errs, b.errs...)
	return d, errs
}

type builder struct {
	d    *doc
	cur  *table
	errs []parseErr
}

func (b *builder) errorf(off int, format string, args ...any) {
	b.errs = append(b.errs, parseErr{off, fmt.Sprintf(format, args...)})
}

// keyParts returns the parts of a (dotted) key with their offsets.
func keyParts(n *unstable.Node, base int) ([]string, []int) {
	var ks []string
	var offs []int
	it := n.Key()
	for it.Next() {
		k := it.Node()
		ks = append(ks, string(k.Data))
		offs = append(offs, base+int(k.Raw.Offset))
	}
	return ks, offs
}

func (b *builder) expr(n *unstable.Node, base int, chunk []byte) {
	switch n.Kind {
	case unstable.KeyValue:
		ks, offs := keyParts(n, base)
		v := b.value(n.Value(), base, chunk, afterKey(chunk, offs[len(offs)-1]-base)+base)
		b.setKey(b.cur, ks, offs, v)
	case unstable.Table, unstable.ArrayTable:
		ks, offs := keyParts(n, base)
		hdr := headerStart(chunk, offs[0]-base) + base
		b.header(ks, offs, hdr, n.Kind == unstable.ArrayTable)
	}
}

// headerStart walks back from a header's first key to its '['.
func headerStart(chunk []byte, off int) int {
	for off > 0 && (chunk[off-1] == '[' || chunk[off-1] == ' ' || chunk[off-1] == '\t') {
		off--
	}
	return off
}

// afterKey finds where the value of `key = value` starts, given the offset
// of the key's last part: the parser gives no range for arrays, so their
// position is taken from the text.
func afterKey(chunk []byte, off int) int {
	i := off
	// skip the key part itself (bare or quoted)
	if i < len(chunk) && (chunk[i] == '"' || chunk[i] == '\'') {
		q := chunk[i]
		i++
		for i < len(chunk) && chunk[i] != q {
			if chunk[i] == '\\' && q == '"' {
				i++
			}
			i++
		}
		i++
	}
	for i < len(chunk) && chunk[i] != '=' {
		i++
	}
	i++
	for i < len(chunk) && (chunk[i] == ' ' || chunk[i] == '\t') {
		i++
	}
	return i
}

// value converts a parser node; at is the offset to use when the node has
// no range of its own (arrays).
func (b *builder) value(n *unstable.Node, base int, chunk []byte, at int) *val {
	off := at
	if n.Raw.Length > 0 || n.Raw.Offset > 0 {
		off = base + int(n.Raw.Offset)
	}
	v := &val{off: off}
	switch n.Kind {
	case unstable.String:
		v.kind, v.raw = kString, string(n.Data)
	case unstable.Integer:
		v.kind, v.raw = kInteger, string(n.Data)
	case unstable.Float:
		v.kind, v.raw = kFloat, string(n.Data)
	case unstable.Bool:
		v.kind, v.raw = kBool, string(n.Data)
	case unstable.LocalDate:
		v.kind, v.raw = kDate, string(n.Data)
	case unstable.LocalTime:
		v.kind, v.raw = kTime, string(n.Data)
	case unstable.LocalDateTime:
		v.kind, v.raw = kLocalDateTime, string(n.Data)
	case unstable.DateTime:
		v.kind, v.raw = kDateTime, string(n.Data)
	case unstable.Array:
		v.kind = kArray
		it := n.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			v.items = append(v.items, b.value(c, base, chunk, off))
		}
	case unstable.InlineTable:
		v.kind = kTable
		v.tab = newTable(off)
		it := n.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			ks, offs := keyParts(kv, base)
			cv := b.value(kv.Value(), base, chunk, afterKey(chunk, offs[len(offs)-1]-base)+base)
			b.setKey(v.tab, ks, offs, cv)
		}
		// Closed only after its own keys (dotted ones included) are in.
		v.tab.inline = true
		markInline(v.tab)
	}
	return v
}

func markInline(t *table) {
	t.inline = true
	for _, e := range t.entries {
		if e.v.kind == kTable {
			markInline(e.v.tab)
		}
	}
}

// setKey stores `a.b.c = v` below t.
func (b *builder) setKey(t *table, ks []string, offs []int, v *val) {
	for i, k := range ks[:len(ks)-1] {
		e := t.get(k)
		switch {
		case e == nil:
			nt := newTable(offs[i])
			nt.dotted = true
			t.add(k, offs[i], &val{kind: kTable, off: offs[i], tab: nt})
			t = nt
		case e.v.kind == kTable && !e.v.tab.inline && !e.v.tab.explicit:
			t = e.v.tab
		default:
			b.errorf(offs[i], "key %q is already defined (line %d); it cannot also hold %q", k, b.line(e.keyOff), ks[i+1])
			return
		}
	}
	k := ks[len(ks)-1]
	if e := t.get(k); e != nil {
		b.errorf(offs[len(offs)-1], "key %q is defined twice (first on line %d)", k, b.line(e.keyOff))
		return
	}
	t.add(k, offs[len(offs)-1], v)
}

func (b *builder) line(off int) int { return b.d.line(off) }

// header handles [a.b] and [[a.b]].
func (b *builder) header(ks []string, offs []int, hdr int, array bool) {
	t := b.d.root
	name := strings.Join(ks, ".")
	for i, k := range ks[:len(ks)-1] {
		e := t.get(k)
		switch {
		case e == nil:
			nt := newTable(hdr)
			t.add(k, offs[i], &val{kind: kTable, off: offs[i], tab: nt})
			t = nt
		case e.v.kind == kTable && !e.v.tab.inline:
			t = e.v.tab
		case e.v.kind == kArray && e.v.headers && len(e.v.items) > 0:
			t = e.v.items[len(e.v.items)-1].tab
		default:
			b.errorf(offs[i], "cannot define [%s]: %q is already a value (line %d)", name, k, b.line(e.keyOff))
			b.cur = newTable(hdr) // keep going; keys below land nowhere
			return
		}
	}
	k := ks[len(ks)-1]
	koff := offs[len(offs)-1]
	e := t.get(k)
	if array {
		nt := newTable(hdr)
		nt.explicit = true
		item := &val{kind: kTable, off: hdr, tab: nt}
		switch {
		case e == nil:
			t.add(k, koff, &val{kind: kArray, off: hdr, headers: true, items: []*val{item}})
		case e.v.kind == kArray && e.v.headers:
			e.v.items = append(e.v.items, item)
		default:
			b.errorf(koff, "cannot define [[%s]]: %q is already defined on line %d and is not a list of tables", name, k, b.line(e.keyOff))
		}
		b.cur = nt
		return
	}
	switch {
	case e == nil:
		nt := newTable(hdr)
		nt.explicit = true
		t.add(k, koff, &val{kind: kTable, off: hdr, tab: nt})
		b.cur = nt
	case e.v.kind == kTable && !e.v.tab.explicit && !e.v.tab.dotted && !e.v.tab.inline:
		e.v.tab.explicit = true
		e.v.tab.off = hdr
		b.cur = e.v.tab
	default:
		b.errorf(koff, "table [%s] is defined twice (first on line %d)", name, b.line(e.keyOff))
		b.cur = newTable(hdr)
	}
}

// friendly rewords the parser's commonest messages in terms of what to
// write, for people who have never heard of a "basic string".
func friendly(msg string) string {
	switch {
	case msg == "basic strings cannot have new lines" || strings.HasPrefix(msg, "basic string not terminated"):
		return `the text has no closing quote: end it with " on the same line, or use """ for text over several lines`
	case msg == "strings must be quoted":
		return `text must be written in quotes, such as "Accra"`
	case strings.HasPrefix(msg, "unexpected character U+") && strings.HasSuffix(msg, "at start of value"):
		if i := strings.IndexByte(msg, '\''); i >= 0 && i+1 < len(msg) {
			c := msg[i+1]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				return `text must be written in quotes, such as "Accra"`
			}
		}
	case msg == "expected '=' after key":
		return "expected = after the key, as in key = value"
	}
	return msg
}
