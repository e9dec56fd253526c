package report

import (
	"bytes"
	"strings"

	"opkit/internal/intake"
)

// bom starts intake.csv: without it Excel on Windows reads UTF-8 as the
// local code page and a partner's "Côte d'Ivoire" turns into mojibake.
const bom = "\ufeff"

// intakeCSV is the intake log as a spreadsheet-friendly file: one row per
// input, none missing, UTF-8 with a BOM, every field quoted, lines ending
// CRLF (RFC 4180).
//
// Cells that a spreadsheet would take for a formula get a leading
// apostrophe, the OWASP advice for CSV injection, since file names and
// reasons quote what partners typed. Where the list separator is ";"
// (French, Spanish, German Excel) a ","-separated file is split on ";"
// instead, so the text after every ";" — and after every "," and line
// break, for the other readers — is treated as the start of a cell too.
func intakeCSV(log *intake.Log) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(bom)
	rows := [][]string{{"file", "sha256", "status", "country", "reasons", "warnings"}}
	for _, e := range log.Entries {
		rows = append(rows, []string{e.File, e.SHA256, string(e.Status), e.Country,
			strings.Join(e.Reasons, "; "), strings.Join(e.Warnings(), "; ")})
	}
	for _, r := range rows {
		for i, f := range r {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('"')
			buf.WriteString(strings.ReplaceAll(neutralise(f), `"`, `""`))
			buf.WriteByte('"')
		}
		buf.WriteString("\r\n")
	}
	return buf.Bytes(), nil
}

// neutralise puts an apostrophe before the text at the start of s and
// after every separator when, past any spaces and quotes, it begins with
// a character that starts a formula: = + - @, tab or CR.
func neutralise(s string) string {
	var b strings.Builder
	start := true // at the start of a cell as some reader splits it
	for i := 0; i < len(s); i++ {
		c := s[i]
		if start {
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '"') {
				j++
			}
			if j < len(s) && isFormulaStart(s[j]) {
				b.WriteByte('\'')
			}
			start = false
		}
		b.WriteByte(c)
		if c == ',' || c == ';' || c == '\n' || c == '\r' {
			start = true
		}
	}
	return b.String()
}

func isFormulaStart(c byte) bool {
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
}
