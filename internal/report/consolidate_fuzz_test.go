package report_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"opkit/internal/intake"
	"opkit/internal/intake/intaketest"
	"opkit/internal/outcome"
	"opkit/internal/render"
	"opkit/internal/report"
)

// Bounds FuzzConsolidate holds the consolidation to. The fuzzed return may
// add at most fuzzMaxText bytes of text (its reading limit here), and the
// report lays out well under a page per KB of text (scripts/limits
// measures about 0.35), so its pages stay within fuzzPagesPerKB per KB over
// the report of the good returns alone.
const (
	fuzzMaxText    = 64 << 10
	fuzzPagesPerKB = 1
	fuzzMaxHeapMB  = 400
)

// FuzzConsolidate runs the whole consolidation — intake, consolidated.xlsx,
// the New York report — on a few good returns and one whose event sheet,
// a table sheet and shared strings are fuzzed. Whatever those hold, the
// run ends without error, the good returns are accepted, every file has
// its row, the report's page count stays within the bound its text allows
// and the heap stays under fuzzMaxHeapMB.
func FuzzConsolidate(f *testing.F) {
	root := f.TempDir()
	ws := demo(f, root)
	var good []string
	for _, cc := range []string{"CO", "SN", "TR"} {
		c := ws.Country(cc)
		data, err := intaketest.Fill(c, &ws.Campaign, intaketest.Typical(c, cc))
		if err != nil {
			f.Fatal(err)
		}
		p := filepath.Join(root, cc+".xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			f.Fatal(err)
		}
		good = append(good, p)
	}
	gr := ws.Country("GR")
	base, err := intaketest.Fill(gr, &ws.Campaign, intaketest.Typical(gr, "gr"))
	if err != nil {
		f.Fatal(err)
	}
	parts := zipParts(f, base)
	f.Add(parts[eventPart], parts[tablePart], parts[sstPart])
	if exp, err := intaketest.ExpandingStrings(gr, &ws.Campaign, 300, 2000); err == nil {
		p := zipParts(f, exp)
		f.Add(p[eventPart], p[tablePart], p[sstPart])
	}
	verbose := intaketest.Typical(gr, "verbose")
	for i := range 200 {
		verbose.Tables[outcome.TableOpportunities] = append(verbose.Tables[outcome.TableOpportunities], []string{fmt.Sprint("Opportunity ", i, strings.Repeat(" word", 600)), "Parliament"})
	}
	if v, err := intaketest.Fill(gr, &ws.Campaign, verbose); err == nil {
		p := zipParts(f, v)
		f.Add(p[eventPart], p[tablePart], p[sstPart])
	}
	f.Add([]byte(`<worksheet><sheetData><row r="5"><c r="B5" t="s"><v>0</v></c></row></sheetData></worksheet>`), parts[tablePart], []byte(`<sst><si><t>GR</t></si></sst>`))

	lim := intake.DefaultLimits()
	lim.Read.MaxText = fuzzMaxText
	eng := render.NewEngine(nil)
	goodPages := -1
	run := func(t *testing.T, paths []string) (*intake.Log, int) {
		out := t.TempDir()
		res, err := report.Consolidate(ws, paths, eng, out, report.Options{Stamp: stamp, Limits: lim})
		if err != nil {
			t.Fatalf("the batch failed: %v", err)
		}
		pdf, err := os.ReadFile(filepath.Join(out, report.Dir, report.ReportFile))
		if err != nil {
			t.Fatal(err)
		}
		return res.Log, bytes.Count(pdf, []byte("/Type /Page\n"))
	}

	f.Fuzz(func(t *testing.T, event, table, sst []byte) {
		if goodPages < 0 {
			_, goodPages = run(t, good)
		}
		data := rezipParts(t, base, map[string][]byte{eventPart: event, tablePart: table, sstPart: sst})
		p := filepath.Join(t.TempDir(), "gr-fuzzed.xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		peak := watchHeap()
		log, pages := run(t, append([]string{p}, good...))
		heapMB := peak() >> 20

		if len(log.Entries) != len(good)+1 {
			t.Fatalf("%d entries for %d files", len(log.Entries), len(good)+1)
		}
		for _, e := range log.Entries {
			if e.Path != p && e.Status != intake.Accepted {
				t.Fatalf("good return %s: %s %v", e.File, e.Status, e.Reasons)
			}
		}
		if limit := goodPages + fuzzPagesPerKB*(fuzzMaxText>>10) + 4; pages > limit {
			t.Fatalf("%d pages, over the %d the fuzzed return's text allows (good returns alone: %d)", pages, limit, goodPages)
		}
		if heapMB > fuzzMaxHeapMB {
			t.Fatalf("heap reached %d MB", heapMB)
		}
	})
}

const (
	eventPart = "xl/worksheets/sheet2.xml"
	tablePart = "xl/worksheets/sheet3.xml"
	sstPart   = "xl/sharedStrings.xml"
)

// watchHeap samples the heap in use until the returned function is
// called, which gives the largest sample.
func watchHeap() func() uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
	return func() uint64 {
		close(stop)
		wg.Wait()
		return peak.Load()
	}
}

func zipParts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

func rezipParts(t testing.TB, data []byte, repl map[string][]byte) []byte {
	t.Helper()
	b, err := intaketest.RewriteParts(data, func(name string, body []byte) []byte {
		if r, ok := repl[name]; ok {
			return r
		}
		return body
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}
