package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/pack"
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
the signature date, the Steering Committee assignment with every request left
unassigned and why (the one the agendas name), where each country stands (pack
built in DIR/packs, event fixed, authority confirmed, return received in
WS/returns), the date returns are due and every partner's contact. The plan is
dated the day it is made (SOURCE_DATE_EPOCH when set).

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
	st, err := dayStamp(e)
	if err != nil {
		return err
	}
	if err := e.outs.add(e, filepath.Join(dir, plan.Dir)); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	p := plan.Make(w)
	p.Observe(progressOn(w, wsDir, dir))
	if err := plan.Write(p, w, engineFor(wsDir), dir, plan.Options{PageSize: page, Stamp: st}); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	if !quiet {
		fmt.Fprintf(e.stdout, "%s\n", p.Summary())
		fmt.Fprintf(e.stdout, "wrote %s and %s\n", filepath.Join(dir, plan.Dir, plan.PDFFile), filepath.Join(dir, plan.Dir, plan.XLSXFile))
	}
	return nil
}

// today is the clock of the plan's date; tests replace it.
var today = time.Now

// dayStamp dates the plan (and the New York report) with the day they are
// made, as SPEC.md asks: SOURCE_DATE_EPOCH when set, so that a rebuild is
// byte-identical, else today at midnight UTC, so that two runs of one day
// still are.
func dayStamp(e *env) (time.Time, error) {
	if e.getenv("SOURCE_DATE_EPOCH") != "" {
		return stamp(e, nil)
	}
	return today().UTC().Truncate(24 * time.Hour), nil
}

// progressOn finds what the plan reports beyond the country files: a pack
// is built when DIR/packs/cc/ holds its briefing, a return is received when
// a workbook of WS/returns/ is accepted by the same intake as consolidate.
func progressOn(w *model.Workspace, wsDir, dir string) plan.Progress {
	pr := plan.Progress{Packs: map[string]bool{}, Returns: map[string]bool{}, Checked: true}
	for _, c := range w.Countries {
		cc := strings.ToLower(c.Code)
		if st, err := os.Stat(filepath.Join(dir, pack.Dir, cc, cc+"-briefing.pdf")); err == nil && st.Mode().IsRegular() {
			pr.Packs[c.Code] = true
		}
	}
	paths, err := expandInputs([]string{filepath.Join(wsDir, "returns")})
	if err != nil {
		return pr // no returns folder: nothing received
	}
	log := intake.Run(w, paths, intake.Options{Limits: intake.DefaultLimits()})
	for _, en := range log.Accepted() {
		if en.Country != "" {
			pr.Returns[en.Country] = true
		}
	}
	return pr
}
