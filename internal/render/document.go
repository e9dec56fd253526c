package render

import (
	"time"

	"github.com/yuin/goldmark/ast"
)

// Document is a rendered template, ready for layout.
//
// The Markdown conventions package pdf understands beyond CommonMark and
// GFM tables:
//   - a thematic break (---) starts a new page;
//   - a fenced code block with info "opkit-bars" is a horizontal bar chart,
//     one "label | value" line per bar, an optional first line "title: ...";
//   - a fenced code block with info "opkit-timeline" is a timeline: lines
//     "start: YYYY-MM-DD", "end: YYYY-MM-DD", then "mark: YYYY-MM-DD | label"
//     (a vertical rule, e.g. the signature date), "span: YYYY-MM-DD |
//     YYYY-MM-DD | label" (a shaded range, e.g. the event window) and
//     "event: YYYY-MM-DD | label" (a dot with its label).
//
// Text from input files reaches the Markdown backslash-escaped ("\*",
// "\|", "\#"), and goldmark keeps escapes and entity references in its
// Text segments, as CommonMark renderers are expected to resolve them when
// they write. Use TextOf (or Unescape on a segment's bytes) to get the
// literal text of an *ast.Text; never print Segment.Value directly.
type Document struct {
	Lang     string // en, fr, es: labels such as "Contents" and "Page X of Y"
	Title    string // cover and PDF metadata title
	Subtitle string // cover line under the title
	Header   string // running header on every page but the cover ("Argentina · Participants' edition")
	Marking  string // printed prominently on every page when set ("RESTRICTED")
	Author   string // PDF metadata author (the coalition)
	Cover    bool   // start with a cover page
	Contents bool   // a table of contents after the cover
	Date     time.Time

	Source []byte   // the executed Markdown
	Root   ast.Node // goldmark AST of Source (with the table extension)
}
