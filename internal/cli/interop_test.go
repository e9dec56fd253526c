package cli

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"opkit/internal/testtool"
)

// demoWorkbooks runs `opkit demo` into dir and lists every workbook that
// build, plan and consolidate wrote (the returns of the demo workspace are
// inputs, not outputs), and three country questionnaires.
func demoWorkbooks(t *testing.T, dir string) []string {
	t.Helper()
	var out, out2, errb bytes.Buffer
	if code := Main([]string{"demo", "-o", dir}, &out, &errb); code != 0 {
		t.Fatalf("opkit demo exited %d: %s", code, errb.String())
	}
	// The country questionnaires too: one pre-filled in French, one in
	// Arabic (sheets right to left), one for a country with no file yet.
	for _, q := range [][]string{{"ci", "fr"}, {"tr", "ar"}, {"bj", "en"}} {
		out := filepath.Join(dir, "questionnaires", q[0]+"-"+q[1]+".xlsx")
		if code := Main([]string{"questionnaire", filepath.Join(dir, "workspace"), q[0], "--language", q[1], "-o", out, "-q"}, &out2, &errb); code != 0 {
			t.Fatalf("opkit questionnaire %v exited %d: %s", q, code, errb.String())
		}
	}
	var files []string
	for _, sub := range []string{"packs", "plan", "report", "questionnaires"} {
		err := filepath.WalkDir(filepath.Join(dir, sub), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xlsx") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(files)
	if len(files) < 3 {
		t.Fatalf("demo wrote %d workbooks: %v", len(files), files)
	}
	return files
}

// libView is what a library reports of a workbook (testtool/npm/inspect.js).
type libView struct {
	Names []libName `json:"names"`
	// Values are the texts of the cells the op_* names point at.
	Values map[string]string `json:"values"`
	Sheets []libSheet        `json:"sheets"`
	// NoProtection and NoTables: the library does not read them (SheetJS).
	NoProtection bool `json:"noProtection"`
	NoTables     bool `json:"noTables"`
}

type libName struct {
	Name     string `json:"name"`
	RefersTo string `json:"refersTo"`
}

type libSheet struct {
	Name string `json:"name"`
	// State is visible, hidden or veryHidden (the Lists and Meta sheets of
	// the outcome workbook and the questionnaire).
	State     string     `json:"state"`
	Protected bool       `json:"protected"`
	Tables    []libTable `json:"tables"`
}

type libTable struct {
	Name      string   `json:"name"`
	HeaderRow bool     `json:"headerRow"`
	Columns   []string `json:"columns"`
}

// TestWorkbooksOpenInExcelJSAndSheetJS opens every workbook the demo's
// build, plan and consolidate write with ExcelJS and SheetJS: both must
// read it and see the sheets, their visibility and protection, and the
// defined names opkit wrote; ExcelJS must see each table with its header
// row and columns.
func TestWorkbooksOpenInExcelJSAndSheetJS(t *testing.T) {
	node, modules := testtool.Node(t, "exceljs", "xlsx")
	dir := t.TempDir()
	files := demoWorkbooks(t, dir)
	script, err := filepath.Abs("../testtool/npm/inspect.js")
	if err != nil {
		t.Fatal(err)
	}
	var got []struct {
		File         string   `json:"file"`
		ExcelJS      *libView `json:"exceljs"`
		ExcelJSError string   `json:"exceljsError"`
		SheetJS      *libView `json:"sheetjs"`
		SheetJSError string   `json:"sheetjsError"`
	}
	if err := json.Unmarshal(testtool.RunNode(t, node, modules, script, files...), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(files) {
		t.Fatalf("%d results for %d files", len(got), len(files))
	}
	for _, g := range got {
		name, _ := filepath.Rel(dir, g.File)
		t.Run(name, func(t *testing.T) {
			if g.ExcelJSError != "" || g.SheetJSError != "" {
				t.Fatalf("ExcelJS: %q; SheetJS: %q", g.ExcelJSError, g.SheetJSError)
			}
			want := excelizeView(t, g.File)
			if strings.HasSuffix(name, "-outcome.xlsx") && want.Values["op_country_code"] == "" {
				t.Fatalf("no country code read back with excelize: %v", want.Values)
			}
			for lib, v := range map[string]*libView{"ExcelJS": g.ExcelJS, "SheetJS": g.SheetJS} {
				compareView(t, lib, want, v)
			}
		})
	}
}

// excelizeView is what opkit wrote, read back with excelize.
func excelizeView(t *testing.T, path string) *libView {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v := &libView{}
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == "Workbook" {
			v.Names = append(v.Names, libName{dn.Name, dn.RefersTo})
		}
	}
	v.Values = map[string]string{}
	for _, n := range v.Names {
		sheet, ref, ok := strings.Cut(n.RefersTo, "!")
		if !ok || !strings.HasPrefix(n.Name, "op_") || strings.Contains(ref, ":") {
			continue
		}
		sheet = strings.ReplaceAll(strings.Trim(sheet, "'"), "''", "'")
		ref = strings.ReplaceAll(ref, "$", "")
		// Text only: each library formats numbers and dates its own way.
		if typ, _ := f.GetCellType(sheet, ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			v.Values[n.Name], _ = f.GetCellValue(sheet, ref)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	states := sheetStates(t, raw)
	for _, s := range f.GetSheetList() {
		ts, err := f.GetTables(s)
		if err != nil {
			t.Fatal(err)
		}
		sh := libSheet{Name: s, State: states[s], Protected: protectedIn(t, raw, f, s)}
		for _, tb := range ts {
			first, last, _ := strings.Cut(strings.ReplaceAll(tb.Range, "$", ""), ":")
			c1, row, err1 := excelize.CellNameToCoordinates(first)
			c2, _, err2 := excelize.CellNameToCoordinates(last)
			if err1 != nil || err2 != nil {
				t.Fatalf("table %s: range %q", tb.Name, tb.Range)
			}
			var cols []string
			for c := c1; c <= c2; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, row)
				h, _ := f.GetCellValue(s, ref)
				cols = append(cols, h)
			}
			sh.Tables = append(sh.Tables, libTable{tb.Name, true, cols})
		}
		v.Sheets = append(v.Sheets, sh)
	}
	return v
}

// sheetStates maps each sheet to its state in xl/workbook.xml: visible,
// hidden or veryHidden (excelize tells only visible or not).
func sheetStates(t *testing.T, raw []byte) map[string]string {
	t.Helper()
	var wb struct {
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal([]byte(zipPart(t, raw, "xl/workbook.xml")), &wb); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		out[s.Name] = cmp.Or(s.State, "visible")
	}
	return out
}

// protectedIn reports whether the sheet's part carries sheetProtection.
func protectedIn(t *testing.T, raw []byte, f *excelize.File, sheet string) bool {
	t.Helper()
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			// excelize names a sheet's part after its id.
			return strings.Contains(zipPart(t, raw, fmt.Sprintf("xl/worksheets/sheet%d.xml", id)), "<sheetProtection")
		}
	}
	t.Fatalf("no sheet %s", sheet)
	return false
}

// zipPart is one part of a workbook, as text.
func zipPart(t *testing.T, raw []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

func compareView(t *testing.T, lib string, want, got *libView) {
	t.Helper()
	names := map[string]string{}
	for _, n := range got.Names {
		names[n.Name] = n.RefersTo
	}
	for _, n := range want.Names {
		r, ok := names[n.Name]
		if !ok {
			t.Errorf("%s: no defined name %s", lib, n.Name)
			continue
		}
		if strings.ReplaceAll(r, "'", "") != strings.ReplaceAll(n.RefersTo, "'", "") {
			t.Errorf("%s: %s refers to %q, want %q", lib, n.Name, r, n.RefersTo)
		}
	}
	for name, w := range want.Values {
		if g, ok := got.Values[name]; !ok || g != w {
			t.Errorf("%s: %s reads %q, want %q", lib, name, g, w)
		}
	}
	if len(got.Sheets) != len(want.Sheets) {
		t.Fatalf("%s: %d sheets, want %d", lib, len(got.Sheets), len(want.Sheets))
	}
	for i, w := range want.Sheets {
		g := got.Sheets[i]
		if g.Name != w.Name || g.State != w.State || g.Protected != w.Protected && !got.NoProtection {
			t.Errorf("%s: sheet %d is %q %s protected %v, want %q %s protected %v",
				lib, i+1, g.Name, g.State, g.Protected, w.Name, w.State, w.Protected)
		}
		if got.NoTables {
			continue
		}
		if len(g.Tables) != len(w.Tables) {
			t.Errorf("%s: sheet %s has %d tables, want %d", lib, w.Name, len(g.Tables), len(w.Tables))
			continue
		}
		for j, wt := range w.Tables {
			gt := g.Tables[j]
			if gt.Name != wt.Name || !gt.HeaderRow || !slices.Equal(gt.Columns, wt.Columns) {
				t.Errorf("%s: sheet %s table %+v, want %+v", lib, w.Name, gt, wt)
			}
		}
	}
}

// gnumericTables is the one message ssconvert may print, once for each
// sheet with an Excel table. Gnumeric implements no Excel tables: the xlsx
// reader's DTD (plugins/excel/xlsx-read.c, GNOME/gnumeric 4c25954) has no
// node for tableParts, and libgsf (gsf/gsf-libxml.c) prints "Unexpected
// element" for any element of a namespace it knows that the DTD lacks. The
// cells, names and validations of the sheet it reads all the same. opkit
// keeps the tables: SPEC.md requires them, and Excel, LibreOffice,
// openpyxl and ExcelJS read them. The ways to hide tableParts from
// Gnumeric each lose the tables in another reader: inside
// mc:AlternateContent excelize no longer sees them (and Excel's reading of
// one there is unverified); under a prefix first bound to an unknown
// namespace (libgsf silences prefixes, not namespaces) ExcelJS, which
// matches prefixed names, loses them. docs/ARCHITECTURE.md (xlsxkit) has
// the details.
var gnumericTables = [2]string{"Unexpected element 'tableParts' in state : ", "\tworksheet"}

// TestWorkbooksConvertInGnumeric converts every workbook the demo writes
// with Gnumeric's ssconvert: each converts, and prints nothing but the
// message about Excel tables (gnumericTables), once per sheet that has one.
func TestWorkbooksConvertInGnumeric(t *testing.T) {
	bin := testtool.Need(t, "ssconvert")
	dir, out := t.TempDir(), t.TempDir()
	files := demoWorkbooks(t, dir)
	for i, f := range files {
		name, _ := filepath.Rel(dir, f)
		t.Run(name, func(t *testing.T) {
			dst := filepath.Join(out, fmt.Sprintf("%d.csv", i))
			cmd := exec.Command(bin, "-S", f, dst)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = io.Discard, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("ssconvert: %v\n%s", err, stderr.String())
			}
			lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
			tables := 0
			for j := 0; j < len(lines); j++ {
				switch {
				case lines[j] == "":
				case j+1 < len(lines) && lines[j] == gnumericTables[0] && lines[j+1] == gnumericTables[1]:
					tables++
					j++
				default:
					t.Errorf("ssconvert: %s", lines[j])
				}
			}
			if want := sheetsWithTables(t, f); tables != want {
				t.Errorf("ssconvert warned about tables %d times; the workbook has %d sheets with tables", tables, want)
			}
			if m, _ := filepath.Glob(dst + "*"); len(m) == 0 {
				t.Errorf("ssconvert wrote nothing")
			}
		})
	}
}

// sheetsWithTables counts the sheets that hold an Excel table.
func sheetsWithTables(t *testing.T, path string) int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for _, s := range f.GetSheetList() {
		ts, err := f.GetTables(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(ts) > 0 {
			n++
		}
	}
	return n
}
