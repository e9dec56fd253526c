package cli

import (
	"flag"
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
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		out := flags.String("o", "", "output `DIR` (default WS/out)")
		page := flags.String("page-size", "A4", "paper size: A4 or Letter")
		quiet := flags.Bool("quiet", false, "print errors only")
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		ws, err := atMostOne(c, pos, ".")
		if err != nil {
			return err
		}
		if err := checkPageSize(*page); err != nil {
			return err
		}
		w, err := requireValid(e, ws, *quiet)
		if err != nil {
			return err
		}
		return writePlan(e, w, ws, outDir(*out, ws), *page, *quiet)
	}
	return c
}

func writePlan(e *env, w *model.Workspace, wsDir, dir, page string, quiet bool) error {
	st, err := stamp(e, w)
	if err != nil {
		return err
	}
	e.outs.add(filepath.Join(dir, "plan"))
	p := plan.Make(w)
	if err := plan.Write(p, w, engineFor(wsDir), dir, plan.Options{PageSize: page, Stamp: st}); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	if !quiet {
		fmt.Fprintf(e.stdout, "%s\n", p.Summary())
		fmt.Fprintf(e.stdout, "wrote %s and %s\n", filepath.Join(dir, "plan", "coordination.pdf"), filepath.Join(dir, "plan", "coordination.xlsx"))
	}
	return nil
}
