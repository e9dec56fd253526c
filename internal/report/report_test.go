package report_test

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"opkit/examples"
	"opkit/internal/intake"
	"opkit/internal/intake/intaketest"
	"opkit/internal/model"
	"opkit/internal/outcome"
	"opkit/internal/render"
	"opkit/internal/report"
	"opkit/internal/testtool"
	"opkit/internal/workspace"
)

var update = flag.Bool("update", false, "rewrite golden files")

var stamp = time.Date(2027, 9, 24, 0, 0, 0, 0, time.UTC)

func demo(t testing.TB, root string) *model.Workspace {
	t.Helper()
	ws, err := intaketest.Demo(root)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// fixture is the mixed folder of returns, made once: building the zip bomb
// and twenty workbooks is the slow part of these tests.
type fixture struct {
	root  string
	ws    *model.Workspace
	want  map[string]intaketest.Want
	paths []string
}

var (
	fixOnce sync.Once
	fix     fixture
	fixErr  error
)

func mixed(t *testing.T) fixture {
	t.Helper()
	fixOnce.Do(func() {
		root, err := os.MkdirTemp("", "opkit-report-test-")
		if err != nil {
			fixErr = err
			return
		}
		dir := filepath.Join(root, "returns")
		if fixErr = os.Mkdir(dir, 0o755); fixErr != nil {
			return
		}
		ws := demo(t, root)
		want, err := intaketest.WriteMixed(dir, ws)
		if err != nil {
			fixErr = err
			return
		}
		// The two office programs run side by side: LibreOffice's start-up
		// is most of the fixture's time.
		var wg sync.WaitGroup
		var pyErr, loErr error
		if testtool.Have(t, "/usr/bin/python3") {
			want["ci-openpyxl.xlsx"] = intaketest.Want{Status: "accepted", Country: "CI"}
			wg.Go(func() { pyErr = openpyxlReturn(ws, filepath.Join(dir, "ci-openpyxl.xlsx")) })
		}
		if testtool.Have(t, "soffice") {
			wg.Go(func() { loErr = libreOfficeRoundTrip(filepath.Join(dir, "st.xlsx")) })
		}
		wg.Wait()
		if fixErr = cmp.Or(pyErr, loErr); fixErr != nil {
			return
		}
		ents, _ := os.ReadDir(dir)
		var paths []string
		for _, e := range ents {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
		sort.Strings(paths)
		fix = fixture{root: root, ws: ws, want: want, paths: paths}
	})
	if fixErr != nil {
		t.Fatal(fixErr)
	}
	return fix
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fix.root != "" {
		os.RemoveAll(fix.root)
	}
	os.Exit(code)
}

// openpyxlReturn fills CI's blank workbook with openpyxl, the way a script
// or a Python-based tool would: through the defined names and table ranges.
func openpyxlReturn(ws *model.Workspace, out string) error {
	c := ws.Country("CI")
	blank, err := outcome.Write(c, &ws.Campaign, outcome.WriteOptions{Stamp: intaketest.Stamp})
	if err != nil {
		return err
	}
	in := out + ".blank.xlsx"
	if err := os.WriteFile(in, blank, 0o644); err != nil {
		return err
	}
	defer os.Remove(in)
	r := intaketest.Typical(c, "ci")
	r.Scalars[outcome.SignPosition] = "Signera plus tard"
	r.Scalars[outcome.RatifyPosition] = "Entend ratifier"
	r.Scalars[outcome.EventHeld] = "Oui"
	r.Scalars[outcome.AuthorityPresent] = "Non"
	r.Scalars[outcome.Sharing] = "Public"
	spec, err := json.Marshal(r)
	if err != nil {
		return err
	}
	script := `
import json, sys, datetime, re
import openpyxl
src, dst, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
def typed(v):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return datetime.datetime.strptime(v, "%Y-%m-%d")
    if re.fullmatch(r"\d+", v):
        return int(v)
    return v
for dn in wb.defined_names.definedName:
    if dn.name in spec["Scalars"]:
        for sheet, coord in dn.destinations:
            wb[sheet][coord.replace("$", "")] = typed(spec["Scalars"][dn.name])
for ws in wb.worksheets:
    for name, t in ws.tables.items():
        rows = (spec.get("Tables") or {}).get(name) or []
        ref = t.ref if hasattr(t, "ref") else t
        first = ref.split(":")[0]
        col, row = openpyxl.utils.cell.coordinate_from_string(first)
        c0 = openpyxl.utils.cell.column_index_from_string(col)
        for i, vals in enumerate(rows):
            for j, v in enumerate(vals):
                if v:
                    ws.cell(row=row + 1 + i, column=c0 + j, value=typed(v))
wb.save(dst)
`
	cmd := exec.Command("/usr/bin/python3", "-c", script, in, out, string(spec))
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("openpyxl: %v\n%s", err, b)
	}
	return nil
}

// libreOfficeRoundTrip opens a workbook in LibreOffice Calc and saves it
// again as xlsx, as a partner using LibreOffice would, in place.
func libreOfficeRoundTrip(path string) error {
	outDir, err := os.MkdirTemp("", "opkit-lo-out-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(outDir)
	profile := filepath.Join(os.TempDir(), fmt.Sprintf("lo-%d", rand.Int64()))
	defer os.RemoveAll(profile)
	in := filepath.Join(outDir, "in", "return.xlsx")
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := os.WriteFile(in, data, 0o644); err != nil {
		return err
	}
	cmd := exec.Command("soffice", "--headless", "--norestore", "-env:UserInstallation=file://"+profile,
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v\n%s", err, b)
	}
	conv, err := os.ReadFile(filepath.Join(outDir, "return.xlsx"))
	if err != nil {
		return fmt.Errorf("soffice wrote nothing: %w", err)
	}
	if bytes.Equal(conv, data) {
		return fmt.Errorf("soffice returned the file unchanged")
	}
	return os.WriteFile(path, conv, 0o644)
}

// peakHeap samples the heap in use while f runs. runtime/metrics reads
// without stopping the world, unlike runtime.ReadMemStats, so sampling
// every millisecond does not slow f down.
func peakHeap(f func()) uint64 {
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/stacks:bytes"},
	}
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			var n uint64
			for _, s := range samples {
				n += s.Value.Uint64()
			}
			peak = max(peak, n)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak
}

func TestConsolidateMixed(t *testing.T) {
	fx := mixed(t)
	out := t.TempDir()
	var res *report.Result
	var err error
	runtime.GC()
	start := time.Now()
	peak := peakHeap(func() {
		res, err = report.Consolidate(fx.ws, fx.paths, render.NewEngine(nil), out, report.Options{PageSize: "A4", Stamp: stamp})
	})
	t.Logf("consolidated %d files in %v, peak heap %d MB", len(fx.paths), time.Since(start), peak>>20)
	if err != nil {
		t.Fatal(err)
	}
	if peak > 200<<20 {
		t.Errorf("peak heap %d MB, want under 200 MB", peak>>20)
	}
	log := res.Log
	if log.Rejected() == 0 {
		t.Error("no file rejected: the CLI would exit 0")
	}
	dir := filepath.Join(out, "report")
	if keep := os.Getenv("OPKIT_KEEP_REPORT"); keep != "" {
		t.Cleanup(func() { _ = os.CopyFS(keep, os.DirFS(dir)) })
	}

	t.Run("intake.csv", func(t *testing.T) { checkCSV(t, filepath.Join(dir, report.IntakeFile), fx.want) })
	t.Run("consolidated.xlsx", func(t *testing.T) { checkXLSX(t, filepath.Join(dir, report.ConsolidatedFile), log) })
	t.Run("pdf", func(t *testing.T) { checkPDF(t, filepath.Join(dir, report.ReportFile), fx.ws) })

	t.Run("reproducible", func(t *testing.T) {
		out2 := t.TempDir()
		if _, err := report.Write(fx.ws, log, render.NewEngine(nil), out2, report.Options{Stamp: stamp}); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{report.IntakeFile, report.ConsolidatedFile, report.ReportFile, report.TodoFile} {
			a, _ := os.ReadFile(filepath.Join(dir, name))
			b, _ := os.ReadFile(filepath.Join(out2, "report", name))
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s differs between two runs (%d and %d bytes)", name, len(a), len(b))
			}
		}
	})
}

func checkCSV(t *testing.T, path string, want map[string]intaketest.Want) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Error("intake.csv has no BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "file,sha256,status,country,reasons,warnings" {
		t.Errorf("header %q", got)
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		name := strings.TrimPrefix(strings.TrimPrefix(r[0], "'"), "returns/")
		w, ok := want[name]
		if !ok {
			t.Errorf("row for unknown file %q", r[0])
			continue
		}
		seen[name] = true
		if r[2] != w.Status {
			t.Errorf("%s: status %s, want %s (%s)", name, r[2], w.Status, r[4])
		}
		if name == "Outcome FINAL (2).xlsx.download" && !strings.Contains(r[5], "about sixty") {
			t.Errorf("%s: warnings %q do not report the participants typed as words", name, r[5])
		}
		for i, c := range r {
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("%s: column %d starts with %q: not neutralised", name, i, c[:1])
			}
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("no row for %s", name)
		}
	}
	if len(rows)-1 != len(want) {
		t.Errorf("%d rows for %d files", len(rows)-1, len(want))
	}
}

// checkXLSX reads the workbook back and finds every accepted value in it.
func checkXLSX(t *testing.T, path string, log *intake.Log) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cells := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				cells[c] = true
			}
		}
	}
	lang := "en"
	check := func(where string, kind outcome.Kind, opts []outcome.Option, v model.Value) {
		if v.Text == "" {
			return
		}
		want := v.Text
		if kind == outcome.KindChoice && v.Coded {
			want = outcome.OptionLabel(opts, v.Text, lang)
		}
		if !cells[want] {
			t.Errorf("%s: %q not in the workbook", where, want)
		}
	}
	n := 0
	for _, e := range log.Accepted() {
		for _, fd := range outcome.Fields {
			check(e.File+" "+fd.Name, fd.Kind, fd.Options, e.Outcome.Scalars[fd.Name])
			n++
		}
		for _, td := range outcome.Tables {
			for _, row := range e.Outcome.Tables[td.Name] {
				for _, cd := range td.Columns {
					check(e.File+" "+td.Name+"."+cd.Key, cd.Kind, cd.Options, row[cd.Key])
					n++
				}
			}
		}
	}
	t.Logf("%d accepted values checked", n)
	// Formula-looking text is a string cell, not a formula.
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			for j, c := range r {
				if c == "" || !strings.ContainsRune("=+-@", rune(c[0])) {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if fo, _ := f.GetCellFormula(sheet, ref); fo != "" {
					t.Errorf("%s!%s holds the formula %q", sheet, ref, fo)
				}
			}
		}
	}
	if !cells[intaketest.Injection] {
		t.Errorf("the injection text is not in the workbook as text")
	}
	for _, want := range []string{"Overview", "Returns", "Opportunities", "Challenges", "Next steps", "Cases raised", "Intake log", "Awaited"} {
		if idx, _ := f.GetSheetIndex(want); idx < 0 {
			t.Errorf("no sheet %q in %v", want, f.GetSheetList())
		}
	}
	for sheet, name := range map[string]string{"Returns": "Returns", "Opportunities": "Opportunities", "Intake log": "IntakeLog", "Awaited": "Awaited"} {
		ts, err := f.GetTables(sheet)
		if err != nil || len(ts) != 1 || ts[0].Name != name {
			t.Errorf("sheet %s: tables %+v (%v), want one named %s", sheet, ts, err, name)
		}
	}
	aw, _ := f.GetRows("Awaited")
	var codes []string
	for _, r := range aw[2:] { // row 1 marks the sheet for staff, row 2 has the headers
		codes = append(codes, r[0])
	}
	if got := strings.Join(codes, ","); got != "AR,KE,MM" && got != "AR,CI,KE,MM" {
		t.Errorf("awaited %s, want AR,KE,MM (CI too without openpyxl)", got)
	}
	if got, _ := f.GetCellValue("Overview", "A1"); got == "" {
		t.Error("empty overview")
	}
}

func pdftotext(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// checkPDF looks for what must and must not be in the report.
func checkPDF(t *testing.T, path string, ws *model.Workspace) {
	utf16be := func(s string) []byte {
		var b []byte
		for _, r := range utf16.Encode([]rune(s)) {
			b = append(b, byte(r>>8), byte(r))
		}
		return b
	}
	if !testtool.Have(t, "pdftotext") {
		return
	}
	text := pdftotext(t, path)
	// Metadata and bookmarks are strings in the file: look for every name in
	// the uncompressed PDF, as UTF-8 and as the UTF-16BE of PDF text strings.
	info := ""
	if testtool.Have(t, "pdfinfo") {
		b, err := exec.Command("pdfinfo", path).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfinfo: %v\n%s", err, b)
		}
		info = string(b)
		if !strings.Contains(info, "Report for New York") {
			t.Errorf("pdfinfo: no title\n%s", info)
		}
		// A positive control for the search below: bookmarks are there, as
		// hex UTF-16BE strings.
		if q, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, "-").Output(); err == nil &&
			!bytes.Contains(bytes.ToLower(q), []byte(hex.EncodeToString(utf16be(report.CountryName("TR", "en"))))) {
			t.Error("no bookmark for Türkiye found: the search for hidden names would find nothing either")
		}
	}
	raw, _ := os.ReadFile(path)
	if testtool.Have(t, "qpdf") {
		if b, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, b)
		}
		qdf := filepath.Join(t.TempDir(), "q.pdf")
		if b, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", path, qdf).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --qdf: %v\n%s", err, b)
		}
		raw, _ = os.ReadFile(qdf)
	}
	for _, s := range []string{
		report.CountryName("GR", "en"), report.CountryName("TR", "en"), report.CountryName("SN", "en"), "Colombia", "Kenya",
		// Asia and the Pacific has two countries in the test workspace:
		// too few to name, so the continent.
		"A country in Asia", "A country in Europe",
		"Opportunity gr one", "Opportunity co-later one",
		"Tenants excluded from post-earthquake permanent housing", "Public case notes tr",
		intaketest.Injection,
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the report lacks %q", s)
		}
	}
	var never []string
	for _, code := range []string{"UA", "VN", "MM"} {
		c := ws.Country(code)
		never = append(never, c.Name, c.Event.City, c.Event.Venue)
		for _, p := range c.Partners {
			never = append(never, p.Name, p.Contact, p.Email)
		}
		for _, a := range c.Event.Authorities {
			never = append(never, a.Name)
		}
		for _, k := range c.Cases {
			never = append(never, k.Title)
		}
	}
	tag := func(t string) []string {
		return []string{"Authority " + t, "Ministry of Justice " + t, "Submitter " + t, "Organisation " + t, "Article in a daily paper " + t}
	}
	never = append(never, tag("ua")...)
	never = append(never, tag("vn")...)
	// The free text of anonymised returns, until staff clear it.
	never = append(never, "Challenge ua one", "Step vn one", "Opportunity ua", "Statement vn", "Support ua")
	// Coalition-only: nothing of ST's text.
	never = append(never, "Statement st", "Opportunity st", "Challenge st", "Step st", "Support st", "São Tomé")
	// Non-public cases and their notes.
	for _, code := range []string{"TR", "CO", "GR", "SN", "CI"} {
		for _, k := range ws.Country(code).Cases {
			if k.Confidentiality != model.ConfidentialityPublic {
				never = append(never, k.Title)
			}
		}
	}
	never = append(never, "Event case notes tr", "Restricted case notes tr", "Restricted notes vn", "Event notes vn", "Notes vn",
		"co-first") // the superseded return
	for _, s := range never {
		if s == "" {
			continue
		}
		if strings.Contains(text, s) {
			t.Errorf("the report shows %q", s)
		}
		if info != "" && strings.Contains(info, s) {
			t.Errorf("the PDF metadata shows %q", s)
		}
		hexed := []byte(hex.EncodeToString(utf16be(s)))
		if bytes.Contains(raw, []byte(s)) || bytes.Contains(raw, utf16be(s)) || bytes.Contains(bytes.ToLower(raw), hexed) {
			t.Errorf("the PDF file holds %q (metadata, bookmarks or an uncompressed stream)", s)
		}
	}
}

// TestMarkdownGolden pins the report's Markdown in each language.
func TestMarkdownGolden(t *testing.T) {
	fx := mixed(t)
	// The golden files must not depend on which tools are installed.
	var paths []string
	for _, p := range fx.paths {
		if !strings.Contains(p, "openpyxl") {
			paths = append(paths, p)
		}
	}
	log := intake.Run(fx.ws, paths, intake.Options{})
	for _, lang := range []string{"en", "fr", "es"} {
		t.Run(lang, func(t *testing.T) {
			ws := *fx.ws
			ws.Campaign.Language = lang
			md, err := report.Markdown(&ws, log, render.NewEngine(nil), stamp)
			if err != nil {
				t.Fatal(err)
			}
			testtool.Golden(t, filepath.Join("testdata", "report-"+lang+".md"), md, *update)
			if lang != "en" {
				for _, en := range []string{"# Summary", "# Countries awaited", "# Challenges", "Position on signing"} {
					if bytes.Contains(md, []byte(en)) {
						t.Errorf("%s report holds the English %q", lang, en)
					}
				}
			}
		})
	}
}

// BenchmarkConsolidate200 consolidates 200 returned workbooks into the
// three outputs: intake, workbook and PDF.
func BenchmarkConsolidate200(b *testing.B) {
	root := b.TempDir()
	ws := demo(b, root)
	// 200 countries, so that every return is accepted and the PDF has 200
	// country pages: the realistic worst case for New York.
	base := ws.Countries
	ws.Countries = nil
	for i := range 200 {
		c := base[i%len(base)]
		c.Code = fmt.Sprintf("%c%c", 'A'+i/26, 'A'+i%26)
		c.Name = fmt.Sprintf("%s %d", c.Name, i)
		ws.Countries = append(ws.Countries, c)
	}
	dir := filepath.Join(root, "returns")
	if err := os.Mkdir(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	var paths []string
	for i := range ws.Countries {
		c := &ws.Countries[i]
		data, err := intaketest.Fill(c, &ws.Campaign, intaketest.Typical(c, fmt.Sprint("n", i)))
		if err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("r%03d.xlsx", i))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	eng := render.NewEngine(nil)
	out := b.TempDir()
	var peak uint64
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p := peakHeap(func() {
			log, err := report.Consolidate(ws, paths, eng, out, report.Options{Stamp: stamp})
			if err != nil {
				b.Fatal(err)
			}
			if log.Count(intake.Accepted) != 200 {
				b.Fatalf("%d accepted: %v", log.Count(intake.Accepted), log.Problems())
			}
		})
		peak = max(peak, p)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// TestDemoReturns consolidates the returns of the demo workspace: all are
// accepted (so `opkit demo` exits 0) and the report keeps the low-profile,
// anonymised and coalition-only countries out of sight.
func TestDemoReturns(t *testing.T) {
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		t.Fatal(err)
	}
	ws, ds := workspace.Load(sub, "examples/demo")
	if ws == nil || ds.HasErrors() {
		t.Fatalf("demo workspace: %v", ds)
	}
	files, err := intaketest.DemoReturns(ws)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ws.Root = dir
	var paths []string
	for name, data := range files {
		d := filepath.Join(dir, "returns")
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Join(dir, "returns", name))
	}
	sort.Strings(paths)
	out := t.TempDir()
	log, err := report.Consolidate(ws, paths, render.NewEngine(nil), out, report.Options{Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	if log.Rejected() > 0 || log.Count(intake.Accepted) != 7 {
		t.Fatalf("%s\n%s", log.Summary(), strings.Join(log.Problems(), "\n"))
	}
	if !testtool.Have(t, "pdftotext") {
		return
	}
	text := pdftotext(t, filepath.Join(out, "report", report.ReportFile))
	var names []string
	for _, code := range []string{"CI", "GR", "SN", "TR", "CO"} {
		names = append(names, report.CountryName(code, "en"))
	}
	for _, s := range append(names, "A country in Europe", "A country in Asia", "Tenants excluded from post-earthquake permanent housing") {
		if !strings.Contains(text, s) {
			t.Errorf("the demo report lacks %q", s)
		}
	}
	for _, s := range []string{"Україна", "Київ", "Ukraine", "Việt Nam", "Vietnam", "Hà Nội", "São Tomé", "Social Rights Civic Initiative", "Social Rights Study Group",
		"Deputy director of the department", "Researcher of a government institute", "Dismissal of workers after joining a union",
		"Discussed among organisers only", "Refus de soins", "Évoqué à huis clos", "Migrant children", "Ask the Coalition to write"} {
		if strings.Contains(text, s) {
			t.Errorf("the demo report shows %q", s)
		}
	}
}

// TestEmbeddedDemo consolidates the returns shipped with the demo
// workspace, as `opkit demo` does: none may be rejected (the demo would
// exit 1), and the low-profile country stays anonymous.
func TestEmbeddedDemo(t *testing.T) {
	sub, err := fs.Sub(examples.Demo, "demo")
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(sub, "returns/*")
	if err != nil || len(names) == 0 {
		t.Skipf("the demo has no returns yet (%v)", err)
	}
	ws, ds := workspace.Load(sub, "examples/demo")
	if ws == nil || ds.HasErrors() {
		t.Fatalf("demo workspace: %v", ds)
	}
	dir := t.TempDir()
	ws.Root = dir
	var paths []string
	for _, n := range names {
		data, err := fs.ReadFile(sub, n)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out := t.TempDir()
	log, err := report.Consolidate(ws, paths, render.NewEngine(nil), out, report.Options{Stamp: stamp})
	if err != nil {
		t.Fatal(err)
	}
	if log.Rejected() > 0 {
		t.Fatalf("%s\n%s", log.Summary(), strings.Join(log.Problems(), "\n"))
	}
	if !testtool.Have(t, "pdftotext") {
		return
	}
	text := pdftotext(t, filepath.Join(out, "report", report.ReportFile))
	vn := ws.Country("VN")
	for _, s := range []string{vn.Name, vn.Event.City, vn.Partners[0].Name, "Vietnamese"} {
		if strings.Contains(text, s) {
			t.Errorf("the demo report shows %q", s)
		}
	}
	// An English report names countries and capitals in English, not as
	// the partners spell them in their own scripts (organisations keep
	// their own names).
	for _, own := range []string{"Україна", "Київ", "Ελλάδα", "Αθήνα", "Türkiye'de"} {
		if strings.Contains(text, own) {
			t.Errorf("the English report holds %q", own)
		}
	}
}

// TestNoReturns: an empty returns folder still gives the three files, with
// every country awaited.
func TestNoReturns(t *testing.T) {
	ws := demo(t, t.TempDir())
	out := t.TempDir()
	log, err := report.Consolidate(ws, nil, render.NewEngine(nil), out, report.Options{Stamp: stamp, PageSize: "Letter"})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Entries) != 0 || log.Rejected() != 0 {
		t.Errorf("log %s", log.Summary())
	}
	csvData, err := os.ReadFile(filepath.Join(out, "report", report.IntakeFile))
	if err != nil || string(csvData) != "\ufeff\"file\",\"sha256\",\"status\",\"country\",\"reasons\",\"warnings\"\r\n" {
		t.Errorf("intake.csv = %q, %v", csvData, err)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "report", report.ConsolidatedFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Awaited")
	if len(rows)-2 != len(ws.Countries) { // the staff marking and the headers
		t.Errorf("%d awaited, want %d", len(rows)-2, len(ws.Countries))
	}
	if testtool.Have(t, "pdftotext") {
		text := pdftotext(t, filepath.Join(out, "report", report.ReportFile))
		if !strings.Contains(text, "No outcome has been returned yet") || strings.Contains(text, "Myanmar") || !strings.Contains(text, "Kenya") {
			t.Errorf("report text: %.600s", text)
		}
	}
}
