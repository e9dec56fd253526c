// Package i18n holds the words Go itself writes into documents, one
// catalogue per language (catalog/LANG.toml, embedded), after Hugo's
// i18n/*.toml: flat "group.code" keys, written in the files as TOML tables
// ([right] work = "Work" is the key "right.work").
//
// Everything else a reader sees is in the templates (templates/LANG/),
// where Coalition staff can edit it; the catalogue is for what code
// assembles: vocabulary labels, month and weekday names, dates, headers,
// sheet and column names.
//
// One fallback rule: a language opkit does not write (not in Languages)
// gets English. A language in Languages has every key English has — a test
// enforces it (TestCatalogueComplete) — so a page never shows a blank or a
// word of another language. A key no catalogue has is a programming error:
// T returns the key itself, so it shows on the page and in review, and
// Lookup reports it.
//
// Adding a language: docs/ARCHITECTURE.md lists the files.
package i18n
