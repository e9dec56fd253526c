package intake

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSwappedForFIFO: a return replaced by a FIFO after it was looked at
// and before it is opened is rejected at once; opening it does not wait
// for a writer that never comes.
func TestSwappedForFIFO(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ar.xlsx")
	if err := os.WriteFile(p, []byte("PK\x03\x04 not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	beforeOpen = func(path string) {
		if err := os.Remove(path); err != nil {
			t.Error(err)
		}
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Error(err)
		}
	}
	defer func() { beforeOpen = nil }()
	done := make(chan *Log, 1)
	go func() { done <- Run(nil, []string{p}, Options{}) }()
	select {
	case log := <-done:
		e := log.Entries[0]
		if e.Status != Rejected || !strings.Contains(strings.Join(e.Reasons, ""), "a FIFO (named pipe), not a file") {
			t.Errorf("%s %q", e.Status, e.Reasons)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the swapped file blocked the intake")
	}
}
