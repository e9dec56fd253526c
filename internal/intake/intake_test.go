package intake_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"opkit/internal/intake"
	"opkit/internal/intake/intaketest"
	"opkit/internal/model"
	"opkit/internal/outcome"
)

func demo(t testing.TB, root string) *model.Workspace {
	t.Helper()
	ws, err := intaketest.Demo(root)
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

func files(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, filepath.Join(dir, e.Name()))
	}
	sort.Strings(out)
	return out
}

func TestMixedFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "returns")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ws := demo(t, root)
	want, err := intaketest.WriteMixed(dir, ws)
	if err != nil {
		t.Fatal(err)
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	log := intake.Run(ws, files(t, dir), intake.Options{Limits: intake.DefaultLimits()})
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	t.Logf("allocated %d MB while reading %d files", (after.TotalAlloc-before.TotalAlloc)>>20, len(log.Entries))

	if len(log.Entries) != len(want) {
		t.Errorf("%d entries for %d files", len(log.Entries), len(want))
	}
	for _, e := range log.Entries {
		name := strings.TrimPrefix(e.File, "returns/")
		w, ok := want[name]
		if !ok {
			t.Errorf("unexpected entry %q", e.File)
			continue
		}
		if string(e.Status) != w.Status {
			t.Errorf("%s: status %s, want %s (reasons %q)", name, e.Status, w.Status, e.Reasons)
		}
		if w.Country != "" && e.Country != w.Country {
			t.Errorf("%s: country %q, want %q", name, e.Country, w.Country)
		}
		if w.Reason != "" && !strings.Contains(strings.ToLower(strings.Join(e.Reasons, " ")), strings.ToLower(w.Reason)) {
			t.Errorf("%s: reasons %q do not mention %q", name, e.Reasons, w.Reason)
		}
		if e.Status != intake.Accepted && len(e.Reasons) == 0 {
			t.Errorf("%s: %s with no reason", name, e.Status)
		}
		if (e.Status == intake.Accepted) != (e.Outcome != nil) {
			t.Errorf("%s: status %s but outcome %v", name, e.Status, e.Outcome != nil)
		}
		if e.Status != intake.Rejected || w.Reason == "empty" {
			if len(e.SHA256) != 64 {
				t.Errorf("%s: sha256 %q", name, e.SHA256)
			}
		}
		t.Logf("%-34s %-10s %s %q", name, e.Status, e.Country, e.Reasons)
	}
	if log.Rejected() == 0 {
		t.Error("Rejected() = 0")
	}
	// The typed-over drop-down is kept as text, with a warning.
	for _, e := range log.Accepted() {
		if e.Country != "TR" {
			continue
		}
		if v := e.Outcome.Scalars[outcome.EventFormat]; v.Text != "Garden party" || v.Coded {
			t.Errorf("TR format = %+v, want the typed text kept", v)
		}
		if !strings.Contains(strings.Join(e.Warnings(), "\n"), "Garden party") {
			t.Errorf("TR warnings %q do not mention the typed-over value", e.Warnings())
		}
		if got := e.Outcome.Scalar(outcome.AuthorityStatement); got != intaketest.Injection {
			t.Errorf("TR statement = %q, want the formula text as typed", got)
		}
	}
	if got := log.Summary(); !strings.Contains(got, "accepted") {
		t.Errorf("Summary() = %q", got)
	}
	probs := strings.Join(log.Problems(), "\n")
	if !strings.Contains(probs, "returns/empty.xlsx: error: rejected: empty file") {
		t.Errorf("Problems() lacks the empty file:\n%s", probs)
	}
}

// TestOddEntries: every entry Collect finds under returns/ gets exactly
// one row with the right status; nothing blocks on a FIFO or reads
// /dev/zero; a lock file copy of a return leaves the return accepted.
func TestOddEntries(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	dir := filepath.Join(root, "returns")
	gr := ws.Country("GR")
	grData, err := intaketest.Fill(gr, &ws.Campaign, intaketest.Typical(gr, "gr"))
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "late", "deeper"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "late", "deeper", "gr.xlsx"), grData, 0o644))
	must(os.WriteFile(filepath.Join(dir, ".~lock.gr.xlsx#"), grData, 0o644)) // a copy under a lock-file name
	must(os.WriteFile(filepath.Join(dir, "~$gr.xlsx"), []byte("owner"), 0o644))
	must(syscall.Mkfifo(filepath.Join(dir, "pipe.xlsx"), 0o644))
	must(os.Symlink("/dev/zero", filepath.Join(dir, "zero.xlsx")))
	must(os.Symlink("late", filepath.Join(dir, "link-to-folder")))
	must(os.Symlink("nowhere.xlsx", filepath.Join(dir, "broken.xlsx")))
	must(os.WriteFile(filepath.Join(root, "big.xlsx"), make([]byte, 20<<20), 0o644))

	paths, err := intake.Collect([]string{dir, filepath.Join(root, "big.xlsx")})
	must(err)
	if _, err := intake.Collect([]string{filepath.Join(root, "gone.xlsx")}); err == nil {
		t.Error("a missing input is not an error")
	}
	done := make(chan *intake.Log, 1)
	go func() { done <- intake.Run(ws, paths, intake.Options{Limits: intake.DefaultLimits()}) }()
	var log *intake.Log
	select {
	case log = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("intake blocked")
	}
	want := map[string]struct {
		status intake.Status
		reason string
	}{
		"returns/.~lock.gr.xlsx#":     {intake.Rejected, "lock file"},
		"returns/~$gr.xlsx":           {intake.Rejected, "lock file"},
		"returns/late/":               {intake.Skipped, "a folder"},
		"returns/late/deeper/":        {intake.Skipped, "a folder"},
		"returns/late/deeper/gr.xlsx": {intake.Accepted, ""},
		"returns/pipe.xlsx":           {intake.Rejected, "a FIFO (named pipe), not a file"},
		"returns/zero.xlsx":           {intake.Rejected, "a link to a device"},
		"returns/link-to-folder":      {intake.Skipped, "a link to a folder, not followed"},
		"returns/broken.xlsx":         {intake.Rejected, "a link to nothing"},
		"big.xlsx":                    {intake.Rejected, "too big"},
	}
	if len(log.Entries) != len(want) {
		t.Errorf("%d entries, want %d", len(log.Entries), len(want))
	}
	for _, e := range log.Entries {
		w, ok := want[e.File]
		if !ok {
			t.Errorf("unexpected entry %s", e.File)
			continue
		}
		if e.Status != w.status || !strings.Contains(strings.Join(e.Reasons, " "), w.reason) {
			t.Errorf("%s: %s %q, want %s %q", e.File, e.Status, e.Reasons, w.status, w.reason)
		}
	}
	if got := log.Summary(); !strings.Contains(got, "7 file(s)") || !strings.Contains(got, "3 folder(s) skipped") {
		t.Errorf("Summary() = %q", got)
	}
}

// TestResends: numbered resends win in natural order ("v10" after "v2"),
// and a submission date in the future is warned about and does not win.
func TestResends(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	co := ws.Country("CO")
	write := func(name, submitted, tag string) string {
		r := intaketest.Typical(co, tag)
		r.Scalars[outcome.SubmittedOn] = submitted
		data, err := intaketest.Fill(co, &ws.Campaign, r)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := []string{
		write("co-v2.xlsx", "2027-09-01", "v2"),
		write("co-v10.xlsx", "2027-09-01", "v10"),
		write("co-v9.xlsx", "2099-01-01", "forged"),
	}
	today := model.Date{Year: 2027, Month: 9, Day: 10}
	log := intake.Run(ws, paths, intake.Options{Today: today})
	status := map[string]intake.Status{}
	for _, e := range log.Entries {
		status[e.File] = e.Status
	}
	if status["co-v10.xlsx"] != intake.Accepted || status["co-v2.xlsx"] != intake.Superseded || status["co-v9.xlsx"] != intake.Superseded {
		t.Errorf("statuses %v, want co-v10 accepted, the others superseded", status)
	}
	warned := false
	for _, d := range log.Diagnostics() {
		warned = warned || strings.Contains(d.String(), "2099-01-01 is after today")
	}
	// The forged return is superseded, so its warning is in its entry.
	for _, e := range log.Entries {
		if e.File == "co-v9.xlsx" {
			warned = warned || strings.Contains(strings.Join(e.Warnings(), " "), "2099-01-01 is after today")
		}
	}
	if !warned {
		t.Error("no warning about the date in 2099")
	}
	for _, tt := range []struct {
		a, b string
		want int
	}{{"v2", "v10", -1}, {"v10", "v10", 0}, {"r-09.xlsx", "r-10.xlsx", -1}, {"a", "a1", -1}, {"b1", "a2", 1}, {"x007", "x7", 0}} {
		if got := intake.Natural(tt.a, tt.b); got != tt.want {
			t.Errorf("Natural(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestPackID: a return from an older pack of the country is accepted with
// a warning; a pack id opkit never writes is rejected.
func TestPackID(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	gr := ws.Country("GR")
	data, err := intaketest.Fill(gr, &ws.Campaign, intaketest.Typical(gr, "gr"))
	if err != nil {
		t.Fatal(err)
	}
	id := outcome.PackID(gr, &ws.Campaign, outcome.TemplateVersion)
	swap := func(to string) string {
		b, err := intaketest.RewriteParts(data, func(name string, body []byte) []byte {
			return []byte(strings.ReplaceAll(string(body), id, to))
		})
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, fmt.Sprintf("gr-%d.xlsx", len(to)))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	older := id[:len(id)-10] + "0123456789"
	for _, tt := range []struct {
		to     string
		status intake.Status
		want   string
	}{
		{older, intake.Accepted, "not that of the pack built"},
		{"GR-2027-x&amp;HYPERLINK", intake.Rejected, "not one opkit writes"},
	} {
		log := intake.Run(ws, []string{swap(tt.to)}, intake.Options{})
		e := log.Entries[0]
		text := strings.Join(append(e.Reasons, e.Warnings()...), " ")
		if e.Status != tt.status || !strings.Contains(text, tt.want) {
			t.Errorf("pack id %s: %s %q, want %s %q", tt.to, e.Status, text, tt.status, tt.want)
		}
	}
}

// BenchmarkIntake200 reads 200 good returns (a few countries repeated with
// different texts, so none is a duplicate).
func BenchmarkIntake200(b *testing.B) {
	root := b.TempDir()
	ws := demo(b, root)
	var paths []string
	for i := range 200 {
		c := &ws.Countries[i%len(ws.Countries)]
		data, err := intaketest.Fill(c, &ws.Campaign, intaketest.Typical(c, fmt.Sprint("n", i)))
		if err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(root, fmt.Sprintf("r%03d.xlsx", i))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		log := intake.Run(ws, paths, intake.Options{})
		if log.Count(intake.Rejected) > 0 {
			b.Fatal(log.Problems())
		}
	}
}

// TestBatchText: over the text bound of the whole batch, the largest
// returns are rejected with the reason until the rest fits.
func TestBatchText(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	var paths []string
	for i, cc := range []string{"GR", "CO", "SN"} {
		c := ws.Country(cc)
		r := intaketest.Typical(c, cc)
		r.Scalars[outcome.AuthorityStatement] = strings.Repeat("words ", 1000*(i+1)) // GR 6 KB, CO 12 KB, SN 18 KB
		data, err := intaketest.Fill(c, &ws.Campaign, r)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, cc+".xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	lim := intake.DefaultLimits()
	lim.MaxBatchText = 25 << 10
	log := intake.Run(ws, paths, intake.Options{Limits: lim})
	got := map[string]intake.Status{}
	for _, e := range log.Entries {
		got[e.Country] = e.Status
		if e.Status == intake.Rejected && !strings.Contains(strings.Join(e.Reasons, ""), "the largest left") {
			t.Errorf("%s: reason %q", e.File, e.Reasons)
		}
	}
	if got["SN"] != intake.Rejected || got["CO"] != intake.Accepted || got["GR"] != intake.Accepted {
		t.Errorf("statuses %v: want the largest, SN, rejected", got)
	}
}

// TestSheetRenamed: a return whose event sheet a program renamed without
// following the defined names is rejected (its country cannot be read),
// and the reasons say which sheet went missing rather than only that the
// country code is empty.
func TestSheetRenamed(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	gr := ws.Country("GR")
	data, err := intaketest.Fill(gr, &ws.Campaign, intaketest.Typical(gr, "gr"))
	if err != nil {
		t.Fatal(err)
	}
	event := outcome.SheetName(outcome.SheetEvent, model.OutputLanguage(gr.Language))
	b, err := intaketest.RewriteParts(data, func(name string, body []byte) []byte {
		if name == "xl/workbook.xml" {
			return bytes.Replace(body, []byte(`<sheet name="`+event+`"`), []byte(`<sheet name="Our event"`), 1)
		}
		return body
	})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(root, "gr-renamed.xlsx")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	e := intake.Run(ws, []string{p}, intake.Options{}).Entries[0]
	text := strings.Join(e.Reasons, " | ")
	if e.Status != intake.Rejected || !strings.Contains(text, "no country code") || !strings.Contains(text, `the sheet "`+event+`" is missing`) {
		t.Errorf("%s %q, want rejected naming the sheet %q", e.Status, text, event)
	}
}
