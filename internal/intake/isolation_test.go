package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"opkit/internal/diag"
	"opkit/internal/intake/intaketest"
	"opkit/internal/model"
	"opkit/internal/outcome"
)

// TestIsolation makes the reader hang on one file and panic on another:
// both are rejected with a reason and the good file is still accepted.
func TestIsolation(t *testing.T) {
	dir := t.TempDir()
	c := model.Country{Code: "GH", Name: "Ghana", Region: "Africa", Language: "en"}
	ws := &model.Workspace{Root: dir, Countries: []model.Country{c}}
	good, err := intaketest.Fill(&c, &ws.Campaign, intaketest.Typical(&c, "gh"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, name := range []string{"good.xlsx", "hang.xlsx", "panic.xlsx"} {
		p := filepath.Join(dir, name)
		data := good
		if name != "good.xlsx" {
			data = append([]byte{}, good...)
			data = append(data, name...) // distinct hashes: no duplicates
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	release := make(chan struct{})
	defer close(release)
	readFunc = func(name string, data []byte, lim outcome.Limits) (*model.Outcome, diag.List, error) {
		switch {
		case strings.HasSuffix(name, "hang.xlsx"):
			<-release
		case strings.HasSuffix(name, "panic.xlsx"):
			var m map[string]int
			m["boom"]++
		}
		return outcome.Read(name, data, lim)
	}
	defer func() { readFunc = outcome.Read }()

	lim := DefaultLimits()
	lim.Timeout = 200 * time.Millisecond
	log := Run(ws, paths, Options{Limits: lim})
	want := map[string]struct {
		status Status
		reason string
	}{
		"good.xlsx":  {Accepted, ""},
		"hang.xlsx":  {Rejected, "too slow to read"},
		"panic.xlsx": {Rejected, "internal error"},
	}
	for _, e := range log.Entries {
		w := want[e.File]
		if e.Status != w.status || !strings.Contains(strings.Join(e.Reasons, " "), w.reason) {
			t.Errorf("%s: %s %q, want %s %q", e.File, e.Status, e.Reasons, w.status, w.reason)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want string
	}{
		{"a.xlsx", "", "empty file"},
		{"a.xlsx", "%PDF-1.7\n", "PDF document renamed .xlsx"},
		{"a.xlsx", "{\\rtf1 hello}", "RTF"},
		{"a.csv", "country,position\nAR,yes\n", "text file renamed .csv"},
		{"a.xlsx", "PK\x03\x04\x14\x00cut short", "truncated"},
		{"a.bin", "\x00\x01\x02\x03", "neither"},
	} {
		if got := sniff([]byte(tc.data), tc.name); !strings.Contains(got, tc.want) {
			t.Errorf("sniff(%q) = %q, want %q", tc.data, got, tc.want)
		}
	}
}

func TestLockFiles(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{".~lock.ar.xlsx#", "~$ar.xlsx"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("user,host,"+name), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	log := Run(&model.Workspace{Root: dir}, paths, Options{})
	for _, e := range log.Entries {
		if e.Status != Rejected || !strings.Contains(e.Reasons[0], "lock file") {
			t.Errorf("%s: %s %q", e.File, e.Status, e.Reasons)
		}
	}
}
