package outcome

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"opkit/internal/model"
	"opkit/internal/testtool"
)

// TestExcelJSRoundTrip fills the workbook of each language through its
// names with ExcelJS (internal/testtool/npm/fill.js), saves it with
// ExcelJS, and reads it back to exactly the values written, with the
// sheets still protected, the input cells still unlocked and the tables
// still headed.
func TestExcelJSRoundTrip(t *testing.T) {
	node, modules := testtool.Node(t, "exceljs")
	script, err := filepath.Abs("../testtool/npm/fill.js")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, lang := range model.Languages {
		t.Run(lang, func(t *testing.T) {
			c := sampleCountry(lang)
			spec := fullSpec(lang, c)
			in, out, specPath := filepath.Join(dir, lang+"-in.xlsx"), filepath.Join(dir, lang+"-exceljs.xlsx"), filepath.Join(dir, lang+".json")
			js, err := json.Marshal(spec)
			if err != nil {
				t.Fatal(err)
			}
			for p, d := range map[string][]byte{in: write(t, c), specPath: js} {
				if err := os.WriteFile(p, d, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			testtool.RunNode(t, node, modules, script, specPath, in, out)
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			checkOutcome(t, "exceljs-"+lang+".xlsx", data, spec)
			checkProtection(t, data, lang)
			checkConcealed(t, data)
		})
	}
}

// checkProtection checks a saved workbook still protects the instructions
// and event sheets, leaves every input cell unlocked and the pre-filled
// country locked, and keeps each table's header row.
func checkProtection(t *testing.T, data []byte, lang string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, key := range []string{SheetInstructions, SheetEvent} {
		sheet := SheetName(key, lang)
		if !sheetProtected(t, data, sheet) {
			t.Errorf("%s: sheet protection lost", sheet)
		}
	}
	event := SheetName(SheetEvent, lang)
	for _, fd := range Fields {
		sid, _ := f.GetCellStyle(event, cellOf(fd.Name))
		st, _ := f.GetStyle(sid)
		locked := st == nil || st.Protection == nil || st.Protection.Locked
		if locked != fd.Prefilled {
			t.Errorf("%s: locked %v, pre-filled %v", fd.Name, locked, fd.Prefilled)
		}
	}
	for _, tb := range Tables {
		sheet := SheetName(tb.Sheet, lang)
		ts, err := f.GetTables(sheet)
		if err != nil || len(ts) != 1 {
			t.Errorf("%s: tables %v (%v)", sheet, ts, err)
			continue
		}
		if v, _ := f.GetCellValue(sheet, cellName(1, tb.HeaderRow)); v != tb.Columns[0].Header.In(lang) {
			t.Errorf("%s: header %q", sheet, v)
		}
	}
}

// openWorkbook opens a workbook with the package's own reader.
func openWorkbook(t *testing.T, data []byte) (*pkg, *workbook) {
	t.Helper()
	p, err := openPackage(data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	wb, err := p.workbook()
	if err != nil {
		t.Fatal(err)
	}
	return p, wb
}

// sheetProtected reads the sheet's own part: excelize has no getter for
// sheet protection.
func sheetProtected(t *testing.T, data []byte, sheet string) bool {
	t.Helper()
	p, wb := openWorkbook(t, data)
	for _, s := range wb.sheets {
		if s.name != sheet {
			continue
		}
		raw, err := p.part(s.part)
		if err != nil {
			t.Fatal(err)
		}
		body := string(raw)
		i := strings.Index(body, "<sheetProtection")
		if i < 0 {
			return false
		}
		tag := body[i : i+strings.Index(body[i:], ">")]
		return strings.Contains(tag, `sheet="1"`) || strings.Contains(tag, `sheet="true"`)
	}
	t.Fatalf("no sheet %s", sheet)
	return false
}

// sheetStates maps each sheet to its state attribute as written ("" for
// visible, "hidden", "veryHidden"); excelize only tells visible or not.
func sheetStates(t *testing.T, data []byte) map[string]string {
	t.Helper()
	_, wb := openWorkbook(t, data)
	out := map[string]string{}
	for _, s := range wb.sheets {
		out[s.name] = s.state
	}
	return out
}

// checkConcealed checks the Lists and Meta sheets are very hidden and
// protected (xlsxkit.Conceal): with the workbook's structure unlocked, that
// is what keeps partners off them.
func checkConcealed(t *testing.T, data []byte) {
	t.Helper()
	states := sheetStates(t, data)
	for _, s := range []string{SheetLists, SheetMeta} {
		if states[s] != "veryHidden" {
			t.Errorf("sheet %s: state %q, want veryHidden", s, states[s])
		}
		if !sheetProtected(t, data, s) {
			t.Errorf("sheet %s is not protected", s)
		}
	}
}
