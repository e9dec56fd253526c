package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
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
// file as .NAME.tmp-opkit-* and renames it, so a file with its final name
// is always whole; what an interrupted (or killed) run leaves behind is
// those temp files, which sweep removes.
//
// Each output root (the -o folder; the workspace for init) is locked for
// the whole command, so that a second run into it waits for the first
// instead of sweeping away the temp files the first is writing.
type outputs struct {
	mu    sync.Mutex
	trees []string // swept at any depth: folders only opkit writes
	flats []string // swept at their top only: a workspace (.git/ inside)
	locks map[string]func()
}

// lockWait bounds how long a run waits for another run into the same
// folder; a build of 200 packs takes well under it.
var lockWait = 2 * time.Minute

// add registers dir, an output folder only opkit writes (packs/, report/,
// plan/), locks its parent, the output root, and removes temp files a
// killed earlier run left (SIGKILL cannot be caught, so this is the only
// moment to clean them).
func (o *outputs) add(e *env, dir string) error {
	if err := o.lock(e, filepath.Dir(dir)); err != nil {
		return err
	}
	o.mu.Lock()
	o.trees = append(o.trees, dir)
	o.mu.Unlock()
	atomicfile.Sweep(dir)
	atomicfile.SweepFlat(filepath.Dir(dir)) // a swapped folder's leftovers
	return nil
}

// addWorkspace registers the folders of a workspace a command writes
// (init): dir is locked, and the folders are swept at their top only, so
// nothing else anyone keeps there (.git/) is touched.
func (o *outputs) addWorkspace(e *env, dir string, folders []string) error {
	if err := o.lock(e, dir); err != nil {
		return err
	}
	o.mu.Lock()
	o.flats = append(o.flats, folders...)
	o.mu.Unlock()
	for _, f := range folders {
		atomicfile.SweepFlat(f)
	}
	return nil
}

// lock takes the lock of root once per command, waiting for another run
// that holds it (saying so once) up to lockWait or an interruption.
func (o *outputs) lock(e *env, root string) error {
	key, err := filepath.Abs(root)
	if err != nil {
		key = filepath.Clean(root)
	}
	o.mu.Lock()
	_, have := o.locks[key]
	o.mu.Unlock()
	if have {
		return nil
	}
	deadline := time.Now().Add(lockWait)
	said := false
	for {
		unlock, held, err := atomicfile.TryLock(root)
		if err != nil {
			return fmt.Errorf("cannot write into %s: %w", root, err)
		}
		if !held {
			o.mu.Lock()
			if o.locks == nil {
				o.locks = map[string]func(){}
			}
			o.locks[key] = unlock
			o.mu.Unlock()
			return nil
		}
		if time.Now().After(deadline) {
			return folderInUse{root}
		}
		if !said {
			fmt.Fprintf(e.stderr, "opkit: %s is in use by another opkit run; waiting for it to finish (up to %s)\n", root, lockWait)
			said = true
		}
		select {
		case <-e.ctx.Done():
			return folderInUse{root}
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// release drops the locks at the end of the command.
func (o *outputs) release() {
	o.mu.Lock()
	defer o.mu.Unlock()
	for k, unlock := range o.locks {
		unlock()
		delete(o.locks, k)
	}
}

// folderInUse is the error of a run that did not get its output folder.
type folderInUse struct{ dir string }

func (e folderInUse) Error() string {
	return fmt.Sprintf("%s is in use by another opkit run, which has not finished; run again when it has, or write elsewhere with -o", e.dir)
}

func (o *outputs) sweep() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	n := 0
	for _, d := range o.trees {
		n += atomicfile.Sweep(d) + atomicfile.SweepFlat(filepath.Dir(d))
	}
	for _, d := range o.flats {
		n += atomicfile.SweepFlat(d)
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
	defer e.outs.release()
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
