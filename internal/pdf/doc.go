// Package pdf lays out a render.Document (Markdown parsed by goldmark) as a
// PDF with fpdf. It is the only package that imports fpdf.
//
// Layout is done in pure Go first, into pages of drawing operations,
// measuring text with advance widths parsed once per process from the
// embedded fonts; only then are the pages drawn with fpdf. Laying out before
// drawing is what lets the table of contents carry page numbers and the
// footer say "Page X of Y" in a single fpdf pass (fpdf's {nb} alias cannot
// be used: its digits may be missing from the UTF-8 font subsets).
//
// Markdown mapping:
//   - headings are numbered (1, 1.2, 1.2.3) when the document has a table
//     of contents (Document.Contents), so that an agenda's single title is
//     not "1"; levels 1 and 2 go into the bookmarks and the contents;
//   - a heading is kept with the start of what follows it, and a one-line
//     paragraph ending in a colon ("Obstacles:") with its list or table;
//   - a thematic break (---) starts a new page;
//   - block quotes are shaded panels with a bar (the case summaries); one
//     up to a third of a page long is never split;
//   - tables size their columns from their content, wrap text inside cells,
//     never split a row (unless it is taller than a page), repeat the header
//     row on every page, and are kept whole when short;
//   - fenced blocks "opkit-bars" and "opkit-timeline" become vector charts
//     (syntax in render.Document); other code blocks keep their line breaks
//     and spaces on a grey panel;
//   - images cannot be embedded from templates: their alt text is printed.
//
// Text is normalised to NFC before drawing, because fpdf does no glyph
// positioning: decomposed accents would be drawn apart from their letters.
// Every character is checked against the fonts before layout (see Missing):
// a document that would show an empty box is an error instead.
//
// Arabic (arabic.go, bidi.go, rtl.go): text is shaped into the
// presentation forms Noto Sans Arabic carries before lines are broken, each
// line is then reordered with the Unicode bidi algorithm and drawn in
// pieces of one font each (Noto Sans for Latin, digits and punctuation the
// Arabic font lacks). A right-to-left document (Lang "ar") is laid out in
// left-to-right geometry and mirrored as a whole, so that paragraphs are
// right-aligned and lists, tables, headings, contents, charts and page
// furniture read from the right. Neutral characters between the two
// directions and mirrored brackets carry ActualText, so that pdftotext
// extracts logical order (after NFKC normalisation).
//
// Every PDF is tagged (tags.go): headings, paragraphs, lists (L, LI, Lbl,
// LBody), tables (TR, TH with a column scope, TD; a header repeated on a
// later page is an artifact), block quotes and figures (charts, with their
// data as alternative text) are structure elements owning the marked
// content their text is drawn in; panels, rules, the running header and
// footer and the logo are artifacts. The catalog says Marked, the
// language, and shows the title (XMP metadata too), so `pdfinfo
// -struct-text` and screen readers read the document in order. Web
// addresses in the text are links (links.go), and a word too long for its
// line breaks after / . - ? & = and the like, or with a hyphen.
//
// Output is reproducible: dates come from Document.Date and fpdf's catalog
// is sorted, so the same document gives the same bytes.
package pdf
