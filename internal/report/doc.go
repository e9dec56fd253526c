// Package report turns the returns accepted by package intake into the
// three files of DIR/report/: intake.csv (every input file and its fate),
// consolidated.xlsx (every accepted value, for Coalition staff) and
// new-york-report.pdf (for the New York gathering, in the campaign's
// language).
//
// The PDF is public-facing, so what it may show is decided here, in Go,
// before the template runs: a low-profile country or an "anonymised" return
// reaches the template as "A country in REGION" with its free text scrubbed
// of the country's names and with no city, authority, partner, media or
// case; a "coalition only" return reaches it only as counts; cases are named
// only when the country file marks them public. Template edits by staff
// therefore cannot leak what the data does not hold.
//
// The workbook is internal and complete. Every text is written as a string
// cell, never a formula, whatever it starts with.
package report
