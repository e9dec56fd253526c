// Package pack builds one country's pack: the participants' briefing, the
// organisers' briefing when the country has restricted cases, the agenda
// and the outcome workbook, in the country's language.
//
// Every string of the country file is checked against the PDF fonts before
// anything is laid out, so a character the fonts lack is reported as an
// input error at its file, line and key, never drawn as an empty box. All
// of a pack's files are produced in memory first and written only when
// every one succeeded, each atomically, so a failed build leaves the
// previous pack intact rather than a mix of old and new files.
package pack
