package report_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"opkit/internal/i18n"
	"opkit/internal/intake/intaketest"
	"opkit/internal/outcome"
	"opkit/internal/render"
	"opkit/internal/report"
)

// consolidatedOf consolidates one return per country of sharing, with
// overrides of the typical return, and opens consolidated.xlsx.
func consolidatedOf(t *testing.T, returns map[string]map[string]string) (*excelize.File, []byte) {
	t.Helper()
	dir := t.TempDir()
	ws := demo(t, dir)
	var paths []string
	for code, over := range returns {
		c := ws.Country(code)
		if c == nil {
			t.Fatalf("no country %s", code)
		}
		r := intaketest.Typical(c, strings.ToLower(code))
		for k, v := range over {
			r.Scalars[k] = v
		}
		data, err := intaketest.Fill(c, &ws.Campaign, r)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strings.ToLower(code)+".xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out := t.TempDir()
	if _, err := report.Consolidate(ws, paths, render.NewEngine(nil), out, report.Options{Stamp: stamp}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "report", report.ConsolidatedFile))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, data
}

// TestConsolidatedForStaff: every visible sheet says on screen and on
// paper that it is for Coalition staff, and the Visibility column says what
// the New York report may show: a low-profile country's return never reads
// "Public" whatever its sharing says.
func TestConsolidatedForStaff(t *testing.T) {
	f, _ := consolidatedOf(t, map[string]map[string]string{
		"CI": {outcome.Sharing: "Public"},
		"VN": {outcome.Sharing: "Public"}, // low-profile in the country file
		"SN": {outcome.Sharing: "Coalition only", outcome.PositionPublic: "Yes"},
		"GR": {outcome.Sharing: "Anonymised"},
	})
	staff := i18n.T("en", "workbook.staff-only")
	marking := i18n.T("en", "workbook.marking")
	visible := 0
	for _, sheet := range f.GetSheetList() {
		if vis, _ := f.GetSheetVisible(sheet); !vis {
			continue
		}
		visible++
		rows, _ := f.GetRows(sheet)
		found := false
		for _, r := range rows[:min(3, len(rows))] {
			found = found || len(r) > 0 && r[0] == staff
		}
		if !found {
			t.Errorf("sheet %s: no staff marking in its first rows", sheet)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil || !strings.Contains(hf.OddHeader, marking) {
			t.Errorf("sheet %s: page header %+v does not mark it for staff", sheet, hf)
		}
		lay, _ := f.GetPageLayout(sheet)
		if lay.Orientation == nil || *lay.Orientation != "landscape" || lay.Size == nil || *lay.Size != 9 {
			t.Errorf("sheet %s: page %+v, want A4 landscape", sheet, lay)
		}
	}
	if visible < 10 {
		t.Errorf("%d visible sheets", visible)
	}

	want := map[string]string{
		"CI": "Public",
		"VN": "Anonymised",
		"SN": "Coalition only; the stated position may be named",
		"GR": "Anonymised",
	}
	for _, sheet := range []string{"Returns", "Opportunities", "Next steps", "Authorities", "Commitments", "Media links"} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if h := rows[1]; len(h) < 3 || h[0] != "Country" || h[1] != "Code" || h[2] != "Visibility" {
			t.Errorf("%s: headers %q", sheet, h[:min(3, len(h))])
		}
		seen := map[string]bool{}
		for _, r := range rows[2:] {
			if len(r) < 3 {
				continue
			}
			seen[r[1]] = true
			if r[2] != want[r[1]] {
				t.Errorf("%s: %s visibility %q, want %q", sheet, r[1], r[2], want[r[1]])
			}
		}
		if sheet == "Returns" && len(seen) != len(want) {
			t.Errorf("%s: countries %v", sheet, seen)
		}
	}
}

// TestConsolidatedReadable: long text wraps in rows tall enough to show
// it, and the charts count countries in whole steps from zero.
func TestConsolidatedReadable(t *testing.T) {
	long := strings.Repeat("The ministry will consult the national human rights institution before the signature. ", 12)
	f, data := consolidatedOf(t, map[string]map[string]string{
		"CI": {outcome.AuthorityStatement: long},
		"SN": {},
	})
	rows, _ := f.GetRows("Returns")
	col := -1
	for i, h := range rows[1] {
		if h == outcome.FieldByName(outcome.AuthorityStatement).Label.In("en") {
			col = i
		}
	}
	if col < 0 {
		t.Fatal("no statement column")
	}
	for i, r := range rows[2:] {
		if col >= len(r) || r[col] != long {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(col+1, i+3)
		sid, _ := f.GetCellStyle("Returns", ref)
		st, _ := f.GetStyle(sid)
		if st == nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("%s: long text not wrapped", ref)
		}
		w, _ := f.GetColWidth("Returns", ref[:1])
		h, _ := f.GetRowHeight("Returns", i+3)
		if lines := float64(len(long)) / (w * 1.3); h < lines*14 {
			t.Errorf("%s: row %.0f pt high for about %.0f lines", ref, h, lines)
		}
	}
	// The charts: whole-number axis from zero.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		charts++
		rc, _ := zf.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		for _, want := range []string{`<majorUnit val="1">`, `<min val="0">`, `<numFmt formatCode="0"`} {
			if !strings.Contains(string(body), want) {
				t.Errorf("%s lacks %s", zf.Name, want)
			}
		}
	}
	if charts != 2 {
		t.Errorf("%d charts", charts)
	}
}
