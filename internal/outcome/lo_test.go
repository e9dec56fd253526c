package outcome

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"opkit/internal/model"
	"opkit/internal/testtool"
)

// fv is one value a filler writes: {"s": text}, {"n": number},
// {"d": "YYYY-MM-DD"} or {"f": formula}.
type fv map[string]any

// fillSpec is what a filler writes and what Read must give back.
type fillSpec struct {
	Names  map[string]fv    `json:"names"`
	Tables map[string][]row `json:"tables"`

	want     map[string]model.Value
	wantRows map[string][]map[string]model.Value
}

// row is a table row to write; nil leaves the row blank.
type row []fv

// fullSpec fills every field and table of a workbook in lang: choices with
// labels of that language, dates as real dates, numbers as numbers, and
// table rows with a blank row in the middle and rows typed below the
// table's range.
func fullSpec(lang string, c *model.Country) fillSpec {
	s := fillSpec{Names: map[string]fv{}, Tables: map[string][]row{},
		want: map[string]model.Value{}, wantRows: map[string][]map[string]model.Value{}}
	for i, f := range Fields {
		var v fv
		var want model.Value
		switch {
		case f.Prefilled:
			want.Text = map[string]string{CountryCode: "AR", CountryName: c.Name}[f.Name]
		case f.Kind == KindText:
			want.Text = fmt.Sprintf("%s: Ñandú, Défi «%d»", strings.TrimPrefix(f.Name, "op_"), i)
			v = fv{"s": want.Text}
		case f.Kind == KindLongText:
			want.Text = fmt.Sprintf("First line of %s.\n- a dash, a comma, 100%% & <tags>\nÉtape %d", f.Name, i)
			v = fv{"s": want.Text}
		case f.Kind == KindDate:
			want.Text = fmt.Sprintf("2027-08-%02d", 1+i%28)
			v = fv{"d": want.Text}
		case f.Kind == KindInt:
			want.Text = fmt.Sprint(10 * i)
			v = fv{"n": 10 * i}
		case f.Kind == KindChoice:
			o := f.Options[i%len(f.Options)]
			want = model.Value{Text: o.Code, Coded: true}
			v = fv{"s": o.Label.In(lang)}
		case f.Kind == KindEmail:
			want.Text = "ana.perez@example.org"
			v = fv{"s": want.Text}
		}
		if v != nil {
			s.Names[f.Name] = v
		}
		s.want[f.Name] = want
	}
	cases := c.CasesUpTo(model.ConfidentialityEvent)
	for _, t := range Tables {
		var rows []row
		var wants []map[string]model.Value
		// Rows 0, 1 and 3 inside the range (2 blank), then the first row
		// past the range and one more after a blank row.
		at := []int{0, 1, 3, t.Rows, t.Rows + 2}
		for k, idx := range at {
			r := make(row, len(t.Columns))
			w := map[string]model.Value{}
			for j, col := range t.Columns {
				switch col.Kind {
				case KindDate:
					d := fmt.Sprintf("2027-%02d-%02d", 9+k%3, 10+k)
					r[j], w[col.Key] = fv{"d": d}, model.Value{Text: d}
				case KindChoice:
					o := col.Options[k%len(col.Options)]
					r[j], w[col.Key] = fv{"s": o.Label.In(lang)}, model.Value{Text: o.Code, Coded: true}
				case KindCase:
					k := cases[k%len(cases)]
					r[j], w[col.Key] = fv{"s": caseLabel(k)}, model.Value{Text: k.ID, Coded: true}
				default:
					text := fmt.Sprintf("%s %d: %s", col.Header.In(lang), k+1, "acción «común»")
					r[j], w[col.Key] = fv{"s": text}, model.Value{Text: text}
				}
			}
			for len(rows) < idx {
				rows = append(rows, nil)
			}
			rows = append(rows, r)
			wants = append(wants, w)
		}
		s.Tables[t.Name] = rows
		s.wantRows[t.Name] = wants
	}
	return s
}

// fillExcelize fills a workbook through its defined and table names with
// excelize, the way a Go script of the Coalition would.
func fillExcelize(t testing.TB, data []byte, s fillSpec) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set := func(sheet, cell string, v fv) {
		var err error
		switch {
		case v["s"] != nil:
			err = f.SetCellStr(sheet, cell, v["s"].(string))
		case v["n"] != nil:
			err = f.SetCellValue(sheet, cell, v["n"])
		case v["d"] != nil:
			d, _ := model.ParseDate(v["d"].(string))
			err = f.SetCellValue(sheet, cell, d.Time())
		case v["f"] != nil:
			err = f.SetCellFormula(sheet, cell, v["f"].(string))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Name] = dn.RefersTo
	}
	for name, v := range s.Names {
		sheet, col, row, err := parseRefersTo(names[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		set(sheet, cellName(col, row), v)
	}
	for _, sheet := range f.GetSheetList() {
		tables, err := f.GetTables(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			c1, r1, _, _, err := splitRange(tb.Range)
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range s.Tables[tb.Name] {
				for j, v := range r {
					if v != nil {
						set(sheet, cellName(c1+j, r1+1+i), v)
					}
				}
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// fillOpenpyxl fills and saves a workbook with openpyxl (testdata/fill.py).
func fillOpenpyxl(t testing.TB, py string, data []byte, s fillSpec, dir, name string) string {
	t.Helper()
	in := filepath.Join(dir, name+"-template.xlsx")
	out := filepath.Join(dir, name+".xlsx")
	spec := filepath.Join(dir, name+".json")
	js, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for p, d := range map[string][]byte{in: data, spec: js} {
		if err := os.WriteFile(p, d, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(py, "testdata/fill.py", spec, in, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fill.py: %v\n%s", err, msg)
	}
	return out
}

// soffice converts files headless with a profile of its own, so that tests
// running at the same time do not share (and lock) one.
func soffice(t testing.TB, outDir, filter string, files ...string) {
	t.Helper()
	bin := testtool.Need(t, "soffice")
	profile, err := os.MkdirTemp("", "lo-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore",
		"--convert-to", filter, "--outdir", outDir}, files...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	done := make(chan struct{})
	var msg []byte
	go func() { msg, err = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		<-done
		t.Fatalf("soffice did not finish: %s", msg)
	}
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if m, _ := filepath.Glob(filepath.Join(outDir, base+"*")); len(m) == 0 {
			t.Fatalf("soffice wrote nothing for %s:\n%s", f, msg)
		}
	}
}

// checkOutcome compares what Read gave with what was written.
func checkOutcome(t *testing.T, label string, data []byte, s fillSpec) {
	t.Helper()
	o, ds, err := Read(label, data, DefaultLimits())
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	for _, d := range ds {
		t.Errorf("%s: unexpected diagnostic %s", label, d)
	}
	for name, want := range s.want {
		got := o.Scalars[name]
		if got.Text != want.Text || got.Coded != want.Coded {
			t.Errorf("%s: %s = %q (coded %v), want %q (coded %v)", label, name, got.Text, got.Coded, want.Text, want.Coded)
		}
		if got.Cell == "" {
			t.Errorf("%s: %s has no cell", label, name)
		}
	}
	for name := range o.Scalars {
		if _, ok := s.want[name]; !ok {
			t.Errorf("%s: unexpected scalar %s", label, name)
		}
	}
	for tname, wants := range s.wantRows {
		got := o.Tables[tname]
		if len(got) != len(wants) {
			t.Errorf("%s: table %s has %d rows, want %d: %v", label, tname, len(got), len(wants), got)
			continue
		}
		for i, w := range wants {
			for key, wv := range w {
				gv := got[i][key]
				if gv.Text != wv.Text || gv.Coded != wv.Coded {
					t.Errorf("%s: %s row %d %s = %q (coded %v), want %q (coded %v)", label, tname, i+1, key, gv.Text, gv.Coded, wv.Text, wv.Coded)
				}
			}
		}
	}
	if o.TemplateVersion != TemplateVersion || !strings.HasPrefix(o.PackID, "AR-2027-") {
		t.Errorf("%s: meta %q %q", label, o.TemplateVersion, o.PackID)
	}
}

// TestRoundTrip fills the workbook of each language through its names with
// excelize and with openpyxl, saves both through LibreOffice, and reads all
// four back to exactly the values written.
func TestRoundTrip(t *testing.T) {
	t.Parallel() // each soffice run has its own profile
	testtool.Need(t, "soffice")
	py := testtool.Python(t, "openpyxl")
	dir := t.TempDir()
	outDir := filepath.Join(dir, "lo")
	type item struct {
		name string
		spec fillSpec
	}
	var items []item
	var toConvert []string
	for _, lang := range model.Languages {
		c := sampleCountry(lang)
		spec := fullSpec(lang, c)
		data := write(t, c)
		filled := fillExcelize(t, data, spec)
		p := filepath.Join(dir, "go-"+lang+".xlsx")
		if err := os.WriteFile(p, filled, 0o644); err != nil {
			t.Fatal(err)
		}
		items = append(items, item{"go-" + lang, spec}, item{"py-" + lang, spec})
		toConvert = append(toConvert, p, fillOpenpyxl(t, py, data, spec, dir, "py-"+lang))
	}
	soffice(t, outDir, "xlsx", toConvert...)
	for _, it := range items {
		for _, variant := range []string{dir, outDir} {
			p := filepath.Join(variant, it.name+".xlsx")
			label := it.name
			if variant == outDir {
				label += "+libreoffice"
			}
			t.Run(label, func(t *testing.T) {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				checkOutcome(t, label+".xlsx", data, it.spec)
				checkDropDowns(t, data)
			})
		}
	}
}

// checkDropDowns checks that a saved workbook kept the drop-downs of the
// event sheet, so a partner who saves in another program still gets them.
func checkDropDowns(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, _, _, err := parseRefersTo(func() string {
		for _, dn := range f.GetDefinedName() {
			if dn.Name == SignPosition {
				return dn.RefersTo
			}
		}
		return ""
	}())
	if err != nil {
		t.Fatal(err)
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	lists := 0
	for _, dv := range dvs {
		if dv.Type == "list" && strings.Contains(dv.Formula1, SheetLists) {
			lists++
		}
	}
	if want := eventChoices(); lists != want {
		t.Errorf("%d drop-downs on %s, want %d", lists, sheet, want)
	}
}
