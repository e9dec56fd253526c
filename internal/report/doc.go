// Package report turns the returns accepted by package intake into the
// files of DIR/report/: intake.csv (every input file and its fate),
// consolidated.xlsx (every accepted value, for Coalition staff),
// clearance-todo.toml (the texts withheld from the report, for staff) and
// new-york-report.pdf (for the New York gathering, in the campaign's
// language, from templates/LANG/report.md.tmpl).
//
// Consolidate is the whole command: intake.Run, then Write. The returned
// log says what happened to each file; log.Rejected() > 0 means exit
// status 1, with the outputs written all the same.
//
// The PDF is public-facing, so what it may show is decided here, in Go,
// before the template runs (Data is a filtered view). A low-profile country
// or an "anonymised" return reaches the template as "A country in REGION"
// (its continent when the campaign has fewer than three countries in the
// region, with a warning), with its coded answers (positions, counts,
// format) and none of its free text — a drop-down cell typed over counts as
// free text — but what staff cleared in WS/clearance.toml and package
// clearance's scrubber found clean; every withheld text goes to
// report/clearance-todo.toml with its file, cell and a stable id. A
// "coalition only" return, or one whose sharing is missing or typed over,
// reaches it only as counts, and by name only beside its government's
// position when the return allows it (op_position_public; never for a
// low-profile country). Cases are named only when the country file marks
// them public. Template edits by staff therefore cannot leak what the data
// does not hold.
//
// The report's figures add up: Counts.Returns = Counts.Shown (the rows of
// the table of countries) + Counts.Hidden (returns counted, not listed),
// and the summary says so. Events after the gathering go to a follow-up
// section; countries are named in the report's language from their code
// (package names).
//
// The workbook is internal and complete. Every text is written as a string
// cell, never a formula, whatever it starts with; intake.csv prefixes cells
// starting with = + - @ with an apostrophe.
package report
