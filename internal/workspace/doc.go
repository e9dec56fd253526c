// Package workspace loads a workspace folder (campaign.toml and one
// countries/CC.toml per country) into the types of package model, and
// validates it: every problem of every file is collected in one run as a
// diag.Diagnostic naming the file and the line:col where the offending
// value stands, so that a partner with no programming background can fix
// all of them at once.
//
// # Why go-toml's unstable parser and not BurntSushi/toml
//
// Positions must be right inside arrays of tables: a bad date in the 2nd
// of 5 [[cases]] must point at the 2nd. BurntSushi/toml's MetaData gives one
// position per key path, and for an array of tables that is the last
// occurrence, so it cannot say which case is wrong; it also matches keys to
// struct fields case-insensitively, which would accept `Name` for `name`.
// The parser in github.com/pelletier/go-toml/v2/unstable instead yields
// each expression with the byte range of every key and value. This package
// builds its own small tree from those expressions (tree.go), doing the
// table semantics the parser leaves to its callers (a key or table defined
// twice, extending a closed inline table), turns offsets into line:col
// itself (columns count characters, as editors do), and decodes the tree
// against a schema spelt out key by key (load.go), which is also what
// reports unknown keys with a "did you mean" and wrong letter case. After a
// syntax error the parser resumes at the next line, so a file with several
// broken lines reports each; "missing key" errors are then left out, as the
// key may stand on a line that could not be read.
//
// # The format
//
// Dates are TOML local dates (date = 2027-08-05, no quotes) and become
// model.Date, a calendar date with no zone: 5 August stays 5 August on any
// machine. A quoted date is refused with the unquoted form to write. The
// event's start is a TOML local time (09:30 or 09:30:00) or the text
// "09:30". Arrays of tables may be written [[cases]] or cases = [{...}].
//
// Required keys (everything else is optional):
//
//	campaign.toml
//	  [campaign]              name, signature_date, event_window = {start, end}
//	                          (language defaults to "en"; name, coalition and
//	                          signature_venue are one text or a table by
//	                          language: { en = "...", fr = "..." })
//	  [[steering_committee]]  id, name, languages, available, max_events
//	countries/CC.toml
//	  [country]               code, region, language, stance, visibility, phase
//	                          (name is optional: the partner's own spelling)
//	  [[partners]]            name
//	  [event]                 format; date unless format = "none"
//	                          (languages defaults to [country.language])
//	  [[event.authorities]]   name, status
//	  [[event.sessions]]      title, minutes
//	  [[situation.rights]]    right, summary
//	  [[...indicators]]       name, value (text or number)
//	  [[cases]]               id, title, summary, confidentiality
//	  [[remedies.mechanisms]] name, kind
//	  [[politics.upcoming]]   date, what
//
// Every closed list (regions included: codes such as "europe-central-asia",
// with the code to write when a region is given in prose) gets "did you
// mean". A key of an earlier format (constitution_recognises_escr) is an
// error at its position naming the key that replaced it.
//
// Errors beyond types and closed lists: the code must be an ISO 3166-1
// country code equal to the file name in lower case; case ids and Steering
// Committee ids are unique; dates exist; a period does not end before it
// starts; languages of people and events are ISO 639-1 codes; e-mail
// addresses look like one; counts are not negative and session minutes are
// positive; the campaign's signature date and a country's op_status_date
// are not before the Protocol opened for signature (24 September 2009); a
// Protocol status the treaty does not allow for the country's Covenant
// status (Art. 17: ratified without being a party to the Covenant, signed
// without having signed it). Warnings (the work can go on): a signature-phase event after the ideal
// window (the triage flags it too), an event outside the campaign's
// event window, no national authority invited (or all declined), a
// signature-phase event after the signature date, a public case with no
// source, a public forum for a low-profile partner, a Steering Committee
// member requested for no event, two lead partners, a right described
// twice, op_status_date without a status, Arts. 10/11 declarations of a
// State that is not a party, a campaign text given by language that lacks
// a language some document is written in.
//
// Starter returns the files `opkit init` writes: a workspace that passes
// Load with no errors and explains every key in comments.
package workspace
