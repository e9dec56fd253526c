// Package outcome writes and reads the outcome workbook partners fill in
// after their national event.
//
// One field table (Fields and Tables in fields.go) drives everything: the
// layout and validation of the written workbook, the parsing of a returned
// one, and the columns of the consolidated report. Each scalar field is a
// workbook-scoped defined name (op_sign_position) and each list of items an
// Excel table (NextSteps), because partners edit the workbook in Excel,
// LibreOffice or Google Sheets, which move cells around but keep names.
// Reading therefore resolves names and never trusts coordinates, nor sheet
// names or order: the workbook's structure is not locked (Gnumeric cannot
// read workbook protection), so the Lists and Meta sheets are very hidden
// and protected instead (xlsxkit.Conceal), and a sheet that lost its
// names is one error naming it.
//
// Returned workbooks are untrusted: Read works from the zip parts itself,
// under Limits, streams worksheets instead of loading them whole, and checks
// that every XML part decodes to its end, since a truncated part would
// otherwise yield partial data without an error. The parts are tokenised
// by fastXML (fastxml.go), which gives encoding/xml's tokens and errors at
// several times its speed on what spreadsheet programs write.
package outcome
