package pdf

import "opkit/internal/render"

// OnLayout calls f with every document laid out from now on: its title
// and the headings that end a page. The returned func stops it. f must be
// safe for concurrent use (packs are built in parallel).
func OnLayout(f func(doc *render.Document, pages int, stranded []string)) func() {
	afterLayout = func(doc *render.Document, body *layout) { f(doc, len(body.pages), body.strandedHeadings()) }
	return func() { afterLayout = nil }
}
