// Package xlsxkit is the one helper set the three workbook writers share
// (the outcome workbook, consolidated.xlsx and coordination.xlsx), so that
// every workbook opkit writes opens and round-trips in Excel, LibreOffice,
// Google Sheets, openpyxl, ExcelJS, SheetJS and Gnumeric alike.
//
// excelize writes files Excel accepts but other readers stumble on; Write
// post-processes the parts it produces:
//   - docProps/core.xml is written anew with the cp:, dc: and dcterms:
//     prefixes Excel uses (excelize's default namespace makes ExcelJS
//     refuse the file);
//   - boolean attributes are written 1/0 rather than true/false (ExcelJS
//     compares with "1", so a saved copy lost its sheet protection, and
//     Gnumeric rejects "false" as an integer in chart text);
//   - every table declares headerRowCount="1" (without it ExcelJS reads
//     the header row as data);
//   - styles.xml keeps only the namespaces it uses (Gnumeric warns about
//     the x14 prefix excelize declares a second time);
//   - [Content_Types].xml lists its defaults sorted, since excelize ranges
//     over a map, so equal inputs give byte-identical files.
//
// Conceal, not a locked workbook structure, keeps partners off the sheets
// a workbook needs but they should not edit: Gnumeric's reader knows no
// workbookProtection. Gnumeric implements no Excel tables either and warns
// once per sheet with one; the tables stay (docs/ARCHITECTURE.md, xlsxkit).
//
// Fix deflates each part once per distinct content in the process
// (deflate.go): the theme, styles and most sheets of a language recur in
// every outcome workbook of a build. The bytes are archive/zip's own.
//
// Styles made through Style always name their font (an unnamed font
// prints as a serif in LibreOffice), and Print gives every sheet a paper
// size, a print area and a fit to the page width.
//
// Paper sizes: Letter where it is the customary office paper — the United
// States, Canada, Mexico, the Central American states, Cuba, the
// Dominican Republic, Puerto Rico, Venezuela, Colombia, Chile and the
// Philippines —, A4 everywhere else (PaperFor).
package xlsxkit
