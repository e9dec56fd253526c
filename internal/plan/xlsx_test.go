package plan

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"opkit/internal/testtool"
	"opkit/internal/xlsxkit"
)

func TestWorkbookReadBack(t *testing.T) {
	ws := demoWorkspace()
	p := Make(ws)
	data, err := Workbook(p, stamp, xlsxkit.A4)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Workbook(Make(ws), stamp, xlsxkit.A4)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Fatal("two workbooks of one plan differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wantSheets := []string{"Summary", "Countries", "Checks", "SC assignments", "SC gaps", "SC members", "Standing", "Contacts"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets %v, want %v", got, wantSheets)
	}
	tests := []struct {
		sheet, table string
		rows         [][]string // expected cells, "" = not checked
	}{
		{"Summary", "Summary", [][]string{
			{"Item", "Count"}, {"Countries", "5"}, {"Triage: Substantive discussion", "2"}, {"Triage: Longer-term groundwork", "1"},
			{"Triage: Short meeting", "1"}, {"Triage: Closed meeting", "1"}, {"Events planned", "5"}, {"SC requests", "5"},
			{"Requests covered", "3"}, {"Requests uncovered", "2"}, {"Warnings", "3"},
			{"Events fixed (date, city, venue)", "0"}, {"Authorities confirmed", "4"},
		}},
		{"Countries", "Countries", [][]string{
			{"Code", "Country", "Region", "Stance", "Visibility", "Phase", "Triage", "Reason", "Aim", "Event needed", "Event date", "Date vs window", "Format", "City", "Languages", "Authority", "Pack", "SC requested", "SC member", "Checks"},
			{"AR", "Argentina", "Americas", "Leaning", "Public", "Signature", "Substantive discussion", "The government leans toward signing.", "Signature", "Yes", "2009-08-05", "In the window", "Public forum", "City", "es", "Confirmed", "Complete", "Yes", "ana", "0"},
			{"BO", "Bolivia (Plurinational State of)", "", "Committed", "", "", "Short meeting", "", "Signature", "No", "2009-08-06", "", "", "", "", "", "", "Yes", "—", "1"},
			{"GH", "Ghana", "Africa", "Unknown", "Low profile", "", "Closed meeting", "The government's intention is unknown; the partner needs a low profile.", "", "", "", "", "", "", "en", "", "", "", "ana", "1"},
			{"ML", "Mali", "", "", "", "", "", "", "", "", "2009-08-12", "", "", "", "fr", "", "Missing: cases", "", "kofi", "1"},
			{"NP", "Nepal", "Asia", "Opposed", "", "Ratification", "Longer-term groundwork", "", "Signature or accession", "Yes", "2009-10-15", "After the signature date", "Roundtable", "", "ne", "None invited", "", "Yes", "—", "1"},
		}},
		{"Checks", "Checks", [][]string{
			{"Code", "Country", "Severity", "Message"},
			{"BO", "Bolivia (Plurinational State of)", "Note", "The government has committed to sign: a short meeting is enough."},
			{"GH", "Ghana", "Warning", "A public forum is planned although the partner needs a low profile."},
			{"ML", "Mali", "Warning", "Pack inputs missing: cases."},
			{"NP", "Nepal", "Warning", "No national authority is invited."},
		}},
		{"SC assignments", "Assignments", [][]string{
			{"Event date", "Code", "Country", "Region", "Languages", "Member ID", "Member", "Organisation", "Same region"},
			{"2009-08-05", "AR", "Argentina", "Americas", "es", "ana", "Ana Pérez", "ESCR Network", "Yes"},
			{"2009-08-12", "GH", "Ghana", "Africa", "en", "ana", "Ana Pérez", "ESCR Network", "No"},
			{"2009-08-12", "ML", "Mali", "Africa", "fr", "kofi", "Kofi Mensah", "Rights Watch | Africa", "Yes"},
		}},
		{"SC gaps", "Gaps", [][]string{
			{"Event date", "Code", "Country", "Region", "Languages", "Reason", "Able members"},
			{"2009-08-06", "BO", "Bolivia (Plurinational State of)", "Americas", "es", "Every member able to go has reached their maximum number of events (Ana Pérez).", "ana"},
			{"2009-10-15", "NP", "Nepal", "Asia", "ne", "No member speaks ne.", ""},
		}},
		{"SC members", "Members", [][]string{
			{"Member ID", "Member", "Organisation", "Region", "Languages", "Max events", "Assigned", "Countries"},
			{"ana", "Ana Pérez", "ESCR Network", "Americas", "es, en", "2", "2", "AR, GH"},
			{"kofi", "Kofi Mensah", "Rights Watch | Africa", "Africa", "en, fr", "1", "1", "ML"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			rows, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(tt.rows) {
				t.Fatalf("%d rows, want %d: %q", len(rows), len(tt.rows), rows)
			}
			for i, want := range tt.rows {
				for j, w := range want {
					got := ""
					if j < len(rows[i]) {
						got = rows[i][j]
					}
					if w != "" && got != w {
						t.Errorf("row %d col %d = %q, want %q", i+1, j+1, got, w)
					}
				}
			}
			tables, err := f.GetTables(tt.sheet)
			if err != nil || len(tables) != 1 || tables[0].Name != tt.table {
				t.Fatalf("tables %+v (%v), want one named %s", tables, err, tt.table)
			}
			last, _ := excelize.CoordinatesToCellName(len(tt.rows[0]), max(len(tt.rows), 2))
			if tables[0].Range != "A1:"+last {
				t.Errorf("table range %s, want A1:%s", tables[0].Range, last)
			}
			panes, err := f.GetPanes(tt.sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
				t.Errorf("header not frozen: %+v %v", panes, err)
			}
			if w, _ := f.GetColWidth(tt.sheet, "A"); w < 8 {
				t.Errorf("column A width %v", w)
			}
		})
	}
	// Dates are real dates, so that staff can sort by them.
	if v, _ := f.GetCellValue("SC assignments", "A2", excelize.Options{RawCellValue: true}); v != "40030" {
		t.Errorf("A2 raw value %q, want the serial 40030", v)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != "2009-09-24T00:00:00Z" || props.Creator != "NGO Coalition for the OP-ICESCR" {
		t.Errorf("document properties %+v %v", props, err)
	}
}

// TestWorkbookOpenpyxl reads the workbook with another implementation,
// which also checks the table XML excelize wrote is well formed.
func TestWorkbookOpenpyxl(t *testing.T) {
	py := testtool.Python(t, "openpyxl")
	ws := demoWorkspace()
	ws.Campaign.Language = "fr"
	data, err := Workbook(Make(ws), stamp, xlsxkit.A4)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "coordination.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for s in wb.worksheets:
    for t in s.tables.values():
        print(s.title, t.name, t.ref, s.freeze_panes, t.autoFilter is not None)
s = wb["Affectations CP"]
print(s["A2"].number_format, s["A2"].value.date(), s["G4"].value)
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	want := `Résumé Summary A1:B13 A2 True
Pays Countries A1:T6 A2 True
Vérifications Checks A1:D5 A2 True
Affectations CP Assignments A1:I4 A2 True
Demandes non couvertes Gaps A1:G3 A2 True
Membres CP Members A1:H3 A2 True
Avancement Standing A1:G6 A2 True
Contacts Contacts A1:F2 A2 True
yyyy-mm-dd 2009-08-05 Kofi Mensah
`
	if string(out) != want {
		t.Errorf("openpyxl read:\n%s\nwant:\n%s", out, want)
	}
	if !strings.Contains(string(out), "Pays") {
		t.Error("sheet names not in the plan's language")
	}
}
