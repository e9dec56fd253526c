package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestSweepKeepsFinalFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{ // name -> removed
		"packs/ar/ar-agenda.pdf":           true,
		"packs/ar/.ar-agenda.pdf.tmp-1":    false,
		"packs/ci/.ci-outcome.xlsx.tmp-77": false,
		"packs/ci/ci-outcome.xlsx":         true,
		"packs/.gitignore":                 true,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var o outputs
	o.add(filepath.Join(dir, "packs")) // sweeps what a killed run left
	for name, keep := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if exists := err == nil; exists != keep {
			t.Errorf("%s: exists=%v, want %v", name, exists, keep)
		}
	}
	if n := o.sweep(); n != 0 {
		t.Errorf("second sweep removed %d files", n)
	}
}

func TestInterruptedStatus(t *testing.T) {
	if got := (interrupted{sig: syscall.SIGTERM}).status(); got != 143 {
		t.Errorf("SIGTERM: %d, want 143", got)
	}
	if got := (interrupted{sig: os.Interrupt}).status(); got != 130 {
		t.Errorf("SIGINT: %d, want 130", got)
	}
}
