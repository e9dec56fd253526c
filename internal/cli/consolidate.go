package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"opkit/internal/atomicfile"
	"opkit/internal/clearance"
	"opkit/internal/diag"
	"opkit/internal/inputfile"
	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/report"
)

func consolidateCommand() command {
	c := command{
		name:    "consolidate",
		summary: "merge returned outcome workbooks into the report for New York",
		usage:   "[WS] [-o DIR] [PATH...]",
		help: `Reads the outcome workbooks partners returned (default: every file in
WS/returns/; PATH may name files or folders) and writes DIR/report/:
intake.csv (one row per file: accepted, rejected, superseded or duplicate, with
reasons), consolidated.xlsx, new-york-report.pdf and clearance-todo.toml. A bad
file never stops the batch; when any file is rejected the outputs are still
written and the exit status is 1.

The report quotes no free text of low-profile countries or anonymised returns
until staff clear it: clearance-todo.toml lists each withheld text; copy the
entries you approve, edited as you wish, into WS/clearance.toml. A cleared text
that still names the country (any spelling or script, its capital, the event
city, partners, people, e-mail domains, the code) is an error at its line in
clearance.toml, and the exit status is 1.

Examples:
  opkit consolidate                          returns/ of the current workspace
  opkit consolidate examples/demo -o out     another workspace
  opkit consolidate . ~/Downloads/ar.xlsx    one file from elsewhere`,
	}
	c.run = func(e *env, args []string) error {
		flags, o := newOutputFlags(c.name)
		pos, err := o.parse(e, c, flags, args)
		if err != nil {
			return err
		}
		ws := "."
		var inputs []string
		if len(pos) > 0 {
			ws, inputs = pos[0], pos[1:]
		}
		w, err := requireValid(e, ws, o.quiet)
		if err != nil {
			return err
		}
		if len(inputs) == 0 {
			dir := filepath.Join(ws, "returns")
			if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
				// No return yet: the report still lists every country as
				// awaited, and the message says where returns go.
				if !o.quiet {
					fmt.Fprintf(e.stderr, "opkit: consolidate: %s has no returns/ folder yet, so no outcome is counted: save the workbooks partners send back in %s (any file names, sub-folders allowed), or name them: opkit consolidate %s FILE...\n", ws, dir, ws)
				}
			} else {
				inputs = []string{dir}
			}
		}
		paths, err := expandInputs(inputs)
		if err != nil {
			return err
		}
		return consolidate(e, w, ws, paths, outDir(o.out, ws), o.page, o.quiet, runDay(e))
	}
	return c
}

// expandInputs turns folders into every entry under them, sub-folders
// included, so every file a partner sent gets its row in the intake log.
func expandInputs(inputs []string) ([]string, error) {
	paths, err := intake.Collect(inputs)
	if err != nil {
		return nil, usageError{"consolidate: " + err.Error()}
	}
	return paths, nil
}

// runDay is the day of the run (plan's dayStamp: SOURCE_DATE_EPOCH's when
// set, else the clock's). It only decides whether a submission date lies
// in the future.
func runDay(e *env) model.Date {
	t, err := dayStamp(e)
	if err != nil {
		return model.Date{}
	}
	return model.DateOf(t)
}

// consolidate reads the returns at paths and writes dir/report/; today is
// the day after which a submission date is in the future.
func consolidate(e *env, w *model.Workspace, wsDir string, paths []string, dir, page string, quiet bool, today model.Date) error {
	// Dated like the plan: the day it is made (SOURCE_DATE_EPOCH when set).
	st, err := dayStamp(e)
	if err != nil {
		return err
	}
	if err := e.outs.add(e, filepath.Join(dir, report.Dir)); err != nil {
		return fmt.Errorf("consolidate: %w", err)
	}
	prog := newProgress(e, "reading returns", quiet)
	cf, cds, err := loadClearance(wsDir)
	if err != nil {
		return err
	}
	res, err := consolidateInto(e, filepath.Join(dir, report.Dir), func(tmp string) (*report.Result, error) {
		return report.Consolidate(w, paths, engineFor(wsDir), tmp, report.Options{PageSize: page, Stamp: st, Progress: prog.Update, Today: today, Clearance: cf})
	})
	prog.Done()
	if err != nil {
		return fmt.Errorf("consolidate: %w", err)
	}
	for _, d := range append(cds, res.Diagnostics()...) {
		// --quiet keeps the rejections and drops the warnings about
		// accepted files.
		if quiet && d.Severity == diag.Warning {
			continue
		}
		fmt.Fprintln(e.stderr, d.String())
	}
	if !quiet {
		fmt.Fprintf(e.stdout, "%s\nwrote %s\n", res.Summary(), filepath.Join(dir, report.Dir))
		if res.Withheld > 0 {
			fmt.Fprintf(e.stdout, "%d text(s) of anonymised returns withheld from the report until cleared: see %s\n",
				res.Withheld, filepath.Join(dir, report.Dir, report.TodoFile))
		}
	}
	if res.Rejected() > 0 {
		return invalidInput{fmt.Sprintf("consolidate: %d file(s) rejected; see %s", res.Rejected(), filepath.Join(dir, report.Dir, report.IntakeFile))}
	}
	if cds.HasErrors() || res.Failed() {
		return invalidInput{fmt.Sprintf("consolidate: %s has errors; the texts concerned stay withheld from the report", clearance.FileName)}
	}
	return nil
}

// maxClearanceSize bounds clearance.toml: every withheld text of a large
// campaign is far less.
const maxClearanceSize = 16 << 20

// loadClearance reads WS/clearance.toml, the texts staff cleared for the
// report; no file is no clearance. Its problems are positioned
// diagnostics: a broken file clears nothing it cannot read, and the run
// exits 1.
func loadClearance(wsDir string) (*clearance.File, diag.List, error) {
	path := filepath.Join(wsDir, clearance.FileName)
	data, err := inputfile.ReadFile(path, maxClearanceSize)
	var ds diag.List
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, nil
	case errors.Is(err, inputfile.ErrNotRegular), errors.Is(err, inputfile.ErrTooBig):
		// A FIFO would block for ever, a huge file is no clearance list.
		ds.Errorf(path, 0, 0, "%v; nothing is cleared", err)
		return nil, ds, nil
	case err != nil:
		return nil, nil, fmt.Errorf("consolidate: read %s: %w", path, err)
	}
	cf, ds := clearance.Parse(path, data)
	return cf, ds, nil
}

// consolidateInto runs write into a temporary folder beside final and
// swaps the finished report/ into place, so that the folder holds the
// previous report or the new one, never files of two runs. An interruption
// returns at once (the reading and the PDF cannot be stopped midway, and
// need not be: what they write is never swapped in and is swept); it
// waits only for a swap already under way, which takes two renames.
func consolidateInto(e *env, final string, write func(outDir string) (*report.Result, error)) (*report.Result, error) {
	tmp, err := atomicfile.TempDir(final)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	stopped := false
	type result struct {
		log *report.Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		log, err := write(tmp)
		if err == nil {
			mu.Lock()
			if stopped {
				err = e.ctx.Err()
			} else {
				err = atomicfile.Swap(filepath.Join(tmp, report.Dir), final)
			}
			mu.Unlock()
		}
		os.RemoveAll(tmp)
		if err != nil {
			// Say the file the user knows, not the temporary folder.
			err = pathError{strings.ReplaceAll(err.Error(), tmp, filepath.Dir(final)), err}
		}
		done <- result{log, err}
	}()
	select {
	case r := <-done:
		return r.log, r.err
	case <-e.ctx.Done():
		mu.Lock()
		stopped = true
		mu.Unlock()
		return nil, e.ctx.Err()
	}
}

// pathError is an error whose message names other paths than its cause's.
type pathError struct {
	msg string
	err error
}

func (e pathError) Error() string { return e.msg }
func (e pathError) Unwrap() error { return e.err }
