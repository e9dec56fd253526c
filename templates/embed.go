// Package templates holds opkit's built-in templates: Markdown with Go
// template actions, one folder per pack language (en, fr, es). They are
// embedded so the binary works with no files beside it; a workspace's own
// templates/ folder overrides any of them file by file, and `opkit init`
// copies them out for Coalition staff to edit. Package render documents the
// data each template receives and the functions it may call.
package templates

import "embed"

// FS holds en/, fr/ and es/, each with briefing.md.tmpl, agenda.md.tmpl and
// the cross-country templates (coordination, report).
//
//go:embed en fr es
var FS embed.FS
