package pdf

import "opkit/internal/render"

// The layout keeps a heading with what follows it (heading: its lines,
// then two lines of text, a table's header and first row, or a whole
// chart, must fit on the page, else it moves to the next). strandedHeadings
// is the check of the result that tests run over every document the demo
// makes: a heading is stranded when nothing is drawn after it on its page.

// strandedHeadings lists the headings of a laid-out body that are the last
// thing on their page.
func (l *layout) strandedHeadings() []string {
	var out []string
	for id, h := range l.headings {
		if h.page >= len(l.pages) {
			continue
		}
		ops := l.pages[h.page].ops
		after := false
		seen := false
		for _, o := range ops {
			if o.kind == opDest && o.dest == id {
				seen = true
				continue
			}
			if seen && o.kind == opText && o.text != "" {
				after = true
				break
			}
		}
		if seen && !after {
			out = append(out, h.text)
		}
	}
	return out
}

// afterLayout, when set (by tests, before any rendering starts), is called
// with each document's body once it is laid out.
var afterLayout func(doc *render.Document, body *layout)
