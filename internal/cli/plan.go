package cli

import (
	"fmt"
	"path/filepath"

	"opkit/internal/model"
	"opkit/internal/plan"
)

func planCommand() command {
	c := command{
		name:    "plan",
		summary: "coordination overview: triage, events calendar, Steering Committee presence",
		usage:   "[WS] [-o DIR]",
		help: `Writes DIR/plan/coordination.pdf and DIR/plan/coordination.xlsx: the triage of
every country with its reasons, each event's date against the campaign window
and the signature date, authority and pack status, a calendar of events up to
24 September, and the Steering Committee assignment with every request left
unassigned and why.

Examples:
  opkit plan                        plan the current workspace
  opkit plan examples/demo -o out   another workspace, output in ./out/plan`,
	}
	c.run = func(e *env, args []string) error {
		flags, o := newOutputFlags(c.name)
		ws, w, err := o.oneWorkspace(e, c, flags, args)
		if err != nil {
			return err
		}
		return writePlan(e, w, ws, outDir(o.out, ws), o.page, o.quiet)
	}
	return c
}

func writePlan(e *env, w *model.Workspace, wsDir, dir, page string, quiet bool) error {
	st, err := stamp(e, w)
	if err != nil {
		return err
	}
	e.outs.add(filepath.Join(dir, plan.Dir))
	p := plan.Make(w)
	if err := plan.Write(p, w, engineFor(wsDir), dir, plan.Options{PageSize: page, Stamp: st}); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	if !quiet {
		fmt.Fprintf(e.stdout, "%s\n", p.Summary())
		fmt.Fprintf(e.stdout, "wrote %s and %s\n", filepath.Join(dir, plan.Dir, plan.PDFFile), filepath.Join(dir, plan.Dir, plan.XLSXFile))
	}
	return nil
}
