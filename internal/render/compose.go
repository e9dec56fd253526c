package render

import (
	"bytes"

	"github.com/yuin/goldmark/text"
)

// Append executes <lang>/<name>.md.tmpl with data and adds it to doc on a
// new page, re-parsing the whole Markdown so that the contents, bookmarks
// and page numbers cover both parts. The organisers' edition of the
// briefing gets the discussion guide this way: the guide stays a template
// of its own, which staff edit without touching the briefing's.
func (e *Engine) Append(doc *Document, lang, name string, data any) error {
	src, err := e.Execute(lang, name, data)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.Write(bytes.TrimRight(doc.Source, "\n"))
	b.WriteString("\n\n---\n\n")
	b.Write(src)
	doc.Source = b.Bytes()
	doc.Root = e.md.Parser().Parse(text.NewReader(doc.Source))
	return nil
}
