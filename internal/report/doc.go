// Package report turns the returns accepted by package intake into the
// three files of DIR/report/: intake.csv (every input file and its fate),
// consolidated.xlsx (every accepted value, for Coalition staff) and
// new-york-report.pdf (for the New York gathering, in the campaign's
// language, from templates/LANG/report.md.tmpl).
//
// Consolidate is the whole command: intake.Run, then Write. The returned
// log says what happened to each file; log.Rejected() > 0 means exit
// status 1, with the outputs written all the same.
//
// The PDF is public-facing, so what it may show is decided here, in Go,
// before the template runs: a low-profile country or an "anonymised" return
// reaches the template as "A country in REGION" with its free text scrubbed
// of the country's names (country, cities, partners, people, authorities,
// case titles, the event's languages) and with no date, city, authority,
// partner, media or case; a "coalition only" return, or one whose sharing
// is missing or typed over, reaches it only as counts; cases are named only
// when the country file marks them public. Template edits by staff
// therefore cannot leak what the data does not hold.
//
// The workbook is internal and complete. Every text is written as a string
// cell, never a formula, whatever it starts with; intake.csv prefixes cells
// starting with = + - @ with an apostrophe.
package report
