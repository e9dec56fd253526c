package cli

import (
	"errors"
	"strings"
	"time"

	"context"
	"io"
	"opkit/internal/atomicfile"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestSweepKeepsFinalFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{ // name -> removed
		"packs/ar/ar-agenda.pdf":                 true,
		"packs/ar/.ar-agenda.pdf.tmp-opkit-1":    false,
		"packs/ci/.ci-outcome.xlsx.tmp-opkit-77": false,
		"packs/ci/.notes.txt.tmp-77":             true, // not opkit's
		".report.tmp-opkit-3/report/intake.csv":  false,
		".git/.index.tmp-opkit-9":                true, // not an output folder
		"packs/ci/ci-outcome.xlsx":               true,
		"packs/.gitignore":                       true,
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
	e := &env{ctx: context.Background(), stderr: io.Discard}
	if err := o.add(e, filepath.Join(dir, "packs")); err != nil { // sweeps what a killed run left
		t.Fatal(err)
	}
	defer o.release()
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

// TestFolderInUse: a run that cannot get its output folder within the wait
// says so and names the folder.
func TestFolderInUse(t *testing.T) {
	root := t.TempDir()
	unlock, held, err := atomicfile.TryLock(root)
	if err != nil || held {
		t.Fatal(held, err)
	}
	defer unlock()
	defer func(w time.Duration) { lockWait = w }(lockWait)
	lockWait = 300 * time.Millisecond
	var stderr strings.Builder
	var o outputs
	err = o.add(&env{ctx: context.Background(), stderr: &stderr}, filepath.Join(root, "packs"))
	var fu folderInUse
	if !errors.As(err, &fu) || !strings.Contains(err.Error(), root+" is in use by another opkit run") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(stderr.String(), "waiting") {
		t.Errorf("stderr %q does not say it waits", stderr.String())
	}
}
