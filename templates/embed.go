// Package templates holds opkit's built-in templates: Markdown with Go
// template actions, one folder per pack language (en, fr, es, pt, ru, ar; ar
// is written right to left, see package pdf). They are
// embedded so the binary works with no files beside it; a workspace's own
// templates/ folder overrides any of them file by file, and `opkit init`
// copies them out for Coalition staff to edit. Package render documents the
// data each template receives and the functions it may call.
package templates

import "embed"

// FS holds one folder per language, each with the pack's documents
// (briefing, agenda, invitation, declaration, press, letter, discussion)
// and the cross-country templates (coordination, report).
//
//go:embed en fr es pt ru ar
var FS embed.FS
