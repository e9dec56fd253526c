package render

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Text from country files goes into Markdown. A partner who writes "5 * 3",
// "#1 priority", "A | B" or "<b>" means those characters literally, so every
// character CommonMark or GFM could read as syntax is backslash-escaped
// (CommonMark lets any ASCII punctuation be escaped, and the escape leaves
// only the character in the AST, so pdftotext still finds the text as
// written).

// EscapeInline escapes s for use inside one line of Markdown (a heading, a
// list item, a table cell): runs of white space, newlines included, become
// one space, since a newline there would end the construct.
func EscapeInline(s string) string {
	return escapeLine(collapse(s))
}

// collapse turns runs of ASCII white space into one space and trims the
// ends. Unicode spaces stay: a no-break space before "%" or "»" is typography
// the partner chose.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeLine escapes one line. '-', '+', '=', '.' and ')' are escaped only
// where they could open a list, a thematic break or a setext heading, so
// the Markdown stays readable.
func escapeLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '!', '{', '}':
			b.WriteByte('\\')
		case '-', '+', '=':
			// list marker, thematic break or setext underline at line start
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1." or "1)" at line start is an ordered list
			if isAllDigits(s[:i]) && i > 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isAllDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Paragraphs splits s into paragraphs at blank lines; lines inside a
// paragraph are joined with a space (TOML multi-line strings wrap freely).
func Paragraphs(s string) []string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		line = collapse(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return paras
}

// EscapeBlock escapes s as one or more paragraphs separated by blank lines.
func EscapeBlock(s string) string {
	ps := Paragraphs(s)
	for i, p := range ps {
		ps[i] = escapeLine(p)
	}
	return strings.Join(ps, "\n\n")
}

// EscapeQuote escapes s as a block quote: each paragraph prefixed with
// "> ", the paragraphs joined by a quoted blank line so they stay in one
// quote.
func EscapeQuote(s string) string {
	ps := Paragraphs(s)
	for i, p := range ps {
		ps[i] = "> " + escapeLine(p)
	}
	return strings.Join(ps, "\n>\n")
}

// EscapeCell escapes s for a GFM table cell. GFM splits cells at '|' before
// it looks at escapes in other constructs, and a backslash before '|' is
// what keeps the pipe in the cell, so escapeLine's "\|" is exactly right.
// An empty value becomes an en dash so the cell is visibly empty.
func EscapeCell(s string) string {
	s = collapse(s)
	if s == "" {
		return "–"
	}
	return escapeLine(s)
}

// Unescape returns the literal text of a goldmark Text segment. goldmark
// keeps the source bytes in the AST: a segment still holds CommonMark's
// backslash escapes ("\*", "\|") and entity references ("&amp;"), which an
// HTML renderer resolves as it writes. Package pdf must do the same, or
// user text escaped by the templates' md/cell/text functions would print
// with its backslashes. One pass, so "\&amp;" stays "&amp;".
func Unescape(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out.WriteByte(b[i+1])
			i++
		case c == '&':
			if j := bytes.IndexByte(b[i:min(len(b), i+40)], ';'); j > 1 {
				ref := b[i : i+j+1]
				var res []byte
				if ref[1] == '#' {
					res = util.ResolveNumericReferences(ref)
				} else {
					res = util.ResolveEntityNames(ref)
				}
				if !bytes.Equal(res, ref) {
					out.Write(res)
					i += j
					continue
				}
			}
			out.WriteByte(c)
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// TextOf is the literal text of a Text node (see Unescape).
func TextOf(n *ast.Text, source []byte) string { return Unescape(n.Segment.Value(source)) }
