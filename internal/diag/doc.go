// Package diag carries positioned diagnostics: an error or warning that
// names the file and the line:col of a value in a TOML file, or the sheet
// and cell of a value in a workbook, so that a partner can find and fix it.
package diag
