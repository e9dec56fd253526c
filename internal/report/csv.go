package report

import (
	"bytes"
	"encoding/csv"
	"strings"

	"opkit/internal/intake"
)

// intakeCSV is the intake log as a spreadsheet-friendly file: one row per
// input, none missing. Cells that a spreadsheet would take for a formula
// (= + - @, and the tab and carriage return some programs also honour) get a
// leading apostrophe, the OWASP advice for CSV injection, since file names
// and reasons quote what partners typed.
func intakeCSV(log *intake.Log) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rows := [][]string{{"file", "sha256", "status", "country", "reasons", "warnings"}}
	for _, e := range log.Entries {
		rows = append(rows, []string{e.File, e.SHA256, string(e.Status), e.Country,
			strings.Join(e.Reasons, "; "), strings.Join(e.Warnings(), "; ")})
	}
	for _, r := range rows {
		for i := range r {
			r[i] = neutralise(r[i])
		}
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
