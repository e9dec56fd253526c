package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"opkit/internal/intake"
	"opkit/internal/intake/intaketest"
	"opkit/internal/outcome"
	"opkit/internal/render"
	"opkit/internal/report"
)

// TestLongText: a statement of 80 000 characters (more than two cells
// hold; Excel never writes one, other programs do) comes out of
// consolidated.xlsx whole — the cell, then the parts on the long-texts
// sheet — and intake warns about it at its cell.
func TestLongText(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	gr := ws.Country("GR")
	r := intaketest.Typical(gr, "long")
	const marker = "MARKER-OF-THE-LONG-STATEMENT"
	r.Scalars[outcome.AuthorityStatement] = marker
	data, err := intaketest.Fill(gr, &ws.Campaign, r)
	if err != nil {
		t.Fatal(err)
	}
	// Characters outside the BMP count twice in a cell: put some at a
	// part boundary's reach.
	long := strings.Repeat("Statement é 𝄞 text. ", 4000) // 80 000 UTF-16 units
	data, err = intaketest.RewriteParts(data, func(name string, body []byte) []byte {
		return []byte(strings.ReplaceAll(string(body), marker, long))
	})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "gr.xlsx")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	log, err := report.Consolidate(ws, []string{p}, render.NewEngine(nil), out, report.Options{Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	if log.Count(intake.Accepted) != 1 {
		t.Fatalf("log: %s %v", log.Summary(), log.Problems())
	}
	if w := strings.Join(log.Entries[0].Warnings(), "\n"); !strings.Contains(w, "more than a spreadsheet cell holds") {
		t.Errorf("no warning about the long text: %s", w)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "report", report.ConsolidatedFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The statement's cell on the returns sheet.
	rows, err := f.GetRows("Returns")
	if err != nil {
		t.Fatal(err)
	}
	var head string
	for _, c := range rows[2] { // below the staff marking and the headers
		if strings.HasPrefix(c, "Statement é") {
			head = c
		}
	}
	i := strings.Index(head, ` […continued on the sheet "Long texts"`)
	if i < 0 {
		t.Fatalf("the statement's cell has no pointer to the rest: ...%q", head[max(0, len(head)-100):])
	}
	got := head[:i]
	parts, err := f.GetRows("Long texts")
	if err != nil {
		t.Fatal(err)
	}
	for n, row := range parts[2:] {
		if len(row) != 3 || !strings.HasPrefix(row[0], "Returns!") || row[1] != string(rune('2'+n)) {
			t.Errorf("long-text row %d: %q", n+2, row[:min(2, len(row))])
		}
		if units := intake.CellChars(row[2]); units > intake.MaxCellChars {
			t.Errorf("part %d holds %d units", n+2, units)
		}
		got += row[2]
	}
	if got != strings.TrimSpace(long) { // the reader trims a value's ends
		t.Errorf("the text read back is %d bytes, not the %d written", len(got), len(long))
	}
}
