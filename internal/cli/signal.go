package cli

import (
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// interrupted is the error of a run stopped by SIGINT or SIGTERM.
type interrupted struct {
	sig     os.Signal
	removed int
}

func (e interrupted) Error() string {
	return fmt.Sprintf("interrupted (%s); removed %d unfinished file(s); every file with its final name is complete", e.sig, e.removed)
}

// status follows the shell convention 128 + signal number, so scripts can
// tell an interrupted run from invalid input.
func (e interrupted) status() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// outputs are the folders a command writes into. atomicfile writes each
// file as .NAME.tmp-* and renames it, so a file with its final name is
// always whole; what an interrupted (or killed) run leaves behind is those
// temp files, which sweep removes.
type outputs struct {
	mu   sync.Mutex
	dirs []string
}

// add registers dir and removes temp files a killed earlier run left there
// (SIGKILL cannot be caught, so this is the only moment to clean them).
func (o *outputs) add(dir string) {
	o.mu.Lock()
	o.dirs = append(o.dirs, dir)
	o.mu.Unlock()
	sweepDir(dir)
}

func (o *outputs) sweep() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := 0
	for _, d := range o.dirs {
		n += sweepDir(d)
	}
	return n
}

// isTemp matches atomicfile's temp names: "." + final name + ".tmp-" + random.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, ".tmp-")
}

// sweepDir removes atomicfile temp files under dir, which only opkit
// writes into, and returns how many it removed.
func sweepDir(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if !d.IsDir() && isTemp(d.Name()) && os.Remove(p) == nil {
			n++
		}
		return nil
	})
	return n
}

// runInterruptible runs the command and, on SIGINT or SIGTERM, stops
// waiting for it: the temp files of the outputs are removed and the
// interruption is returned, after which the caller exits (ending the
// workers mid-pack). Files already renamed into place are complete.
func runInterruptible(e *env, args []string) error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan error, 1)
	go func() { done <- run(e, args) }()
	select {
	case err := <-done:
		return err
	case s := <-sigs:
		return interrupted{sig: s, removed: e.outs.sweep()}
	}
}
