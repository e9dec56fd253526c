// Package render turns templates (Markdown with Go template actions) and
// the model into documents: the executed Markdown and its goldmark AST, plus
// what a page needs around it (title, running header, marking). Every PDF of
// opkit — briefing, agenda, coordination plan, New York report — goes
// through it; package pdf lays the document out.
package render
