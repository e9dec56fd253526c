package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"opkit/internal/atomicfile"
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
	atomicfile.Sweep(dir)
}

func (o *outputs) sweep() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := 0
	for _, d := range o.dirs {
		n += atomicfile.Sweep(d)
	}
	return n
}

// grace bounds how long an interrupted command may take to stop: a build
// finishes the packs under way (a second or two), plan and consolidate
// finish their few files.
const grace = 15 * time.Second

// runInterruptible runs the command; on SIGINT or SIGTERM it cancels
// e.ctx, waits for the command to stop (builds start no new pack and
// return once the packs under way are written), removes the temp files of
// its outputs and returns the interruption. Files already renamed into
// place are complete. A second signal, or a command slower to stop than
// grace, skips the wait; temp files a still-running writer creates after
// that are removed by the next run into the same folder.
func runInterruptible(e *env, args []string) error {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	e.ctx = ctx
	done := make(chan error, 1)
	go func() { done <- run(e, args) }()
	select {
	case err := <-done:
		return err
	case s := <-sigs:
		cancel()
		select {
		case <-done:
		case <-sigs:
		case <-time.After(grace):
		}
		return interrupted{sig: s, removed: e.outs.sweep()}
	}
}
