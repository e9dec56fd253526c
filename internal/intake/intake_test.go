package intake_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

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

func TestMissingAndOddPaths(t *testing.T) {
	root := t.TempDir()
	ws := demo(t, root)
	sub := filepath.Join(root, "returns", "folder")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(root, "big.xlsx")
	if err := os.WriteFile(big, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	lim := intake.DefaultLimits()
	lim.MaxFileSize = 1024
	log := intake.Run(ws, []string{filepath.Join(root, "gone.xlsx"), sub, big}, intake.Options{Limits: lim})
	want := map[string]string{"gone.xlsx": "cannot open", "returns/folder": "not a regular file", "big.xlsx": "too big"}
	for _, e := range log.Entries {
		if e.Status != intake.Rejected || !strings.Contains(strings.Join(e.Reasons, " "), want[e.File]) {
			t.Errorf("%s: %s %q, want rejected %q", e.File, e.Status, e.Reasons, want[e.File])
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
