package intake_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"opkit/internal/intake"
	"opkit/internal/intake/intaketest"
)

// FuzzIntake puts one arbitrary file, under an arbitrary name, in a returns
// folder next to a good return for another country, and runs the intake.
// Whatever the file holds, the batch goes on: every path gets exactly one
// entry with a known status, a rejected entry says why, the good return
// still counts, and no country has two accepted returns. `go test` runs the
// seeds; `scripts/fuzz ./internal/intake FuzzIntake` searches further.
func FuzzIntake(f *testing.F) {
	ws := demo(f, f.TempDir())
	good := ws.Country("CI")
	other := ws.Country("SN")
	goodBytes, err := intaketest.Fill(good, &ws.Campaign, intaketest.Typical(good, "good"))
	if err != nil {
		f.Fatal(err)
	}
	otherBytes, err := intaketest.Fill(other, &ws.Campaign, intaketest.Typical(other, "fuzz"))
	if err != nil {
		f.Fatal(err)
	}
	bomb, err := intaketest.ZipBomb(2 << 20)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(otherBytes, "sn-outcome.xlsx")
	f.Add(otherBytes[:len(otherBytes)/3], "sn-outcome.xlsx")
	f.Add(goodBytes, "copy-of-ci.xlsx")
	f.Add(bomb, "bomb.xlsx")
	f.Add([]byte("code,name\nSN,Senegal\n"), "sn.csv")
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "old.xls")
	f.Add([]byte("PK\x03\x04"), "~$sn-outcome.xlsx")
	f.Add([]byte{}, "empty.xlsx")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		if name == "" || name == "." || name == ".." || filepath.Base(name) != name || len(name) > 200 {
			name = "fuzz.xlsx"
		}
		if name == "ci-outcome.xlsx" {
			name = "fuzz-" + name
		}
		dir := t.TempDir()
		goodPath := filepath.Join(dir, "ci-outcome.xlsx")
		fuzzPath := filepath.Join(dir, name)
		if err := os.WriteFile(goodPath, goodBytes, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fuzzPath, data, 0o644); err != nil {
			t.Skip("the file system refuses the name")
		}
		lim := intake.DefaultLimits()
		lim.Workers = 1
		lim.Timeout = 20 * time.Second
		log := intake.Run(ws, []string{goodPath, fuzzPath}, intake.Options{Limits: lim})
		if len(log.Entries) != 2 {
			t.Fatalf("got %d entries for 2 paths", len(log.Entries))
		}
		accepted := map[string]int{}
		for _, e := range log.Entries {
			switch e.Status {
			case intake.Accepted:
				if e.Outcome == nil {
					t.Fatalf("%s: accepted without an outcome", e.File)
				}
				accepted[e.Country]++
			case intake.Rejected:
				if len(e.Reasons) == 0 {
					t.Fatalf("%s: rejected without a reason", e.File)
				}
				if e.Outcome != nil {
					t.Fatalf("%s: rejected but its outcome would feed the report", e.File)
				}
			case intake.Superseded, intake.Duplicate:
			default:
				t.Fatalf("%s: unknown status %q", e.File, e.Status)
			}
		}
		for cc, n := range accepted {
			if n > 1 {
				t.Fatalf("%d accepted returns for %s", n, cc)
			}
		}
		// The good return is used unless the fuzzed file is a later or
		// identical return for the same country.
		if accepted["CI"] != 1 {
			t.Fatalf("the good CI return was dropped because of another file: %+v", log.Entries)
		}
		_ = log.Problems()
		_ = log.Summary()
	})
}
