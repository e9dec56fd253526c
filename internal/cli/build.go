package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"opkit/internal/model"
	"opkit/internal/pack"
	"opkit/internal/plan"
)

func buildCommand() command {
	c := command{
		name:    "build",
		summary: "build the country packs: briefings, agenda, letters, declaration, outcome workbook",
		usage:   "[WS] [-o DIR] [--country CC,...]",
		help: `Builds, for each country of the workspace, DIR/packs/CC/ with CC-briefing.pdf
(participants), CC-briefing-organisers.pdf (with the discussion guide),
CC-agenda.pdf and CC-outcome.xlsx; for an event also CC-invitation.pdf (to the
national authority), CC-declaration.pdf (the campaign's joint declaration),
CC-letter.pdf (to the Ministry of Foreign Affairs after the event) and, for a
public forum of a public partner, CC-press.pdf. The agenda names the Steering
Committee member the plan assigns (the plan is made over the whole workspace,
also with --country). Packs are built in parallel; files are written
atomically, and the same inputs give byte-identical files (SOURCE_DATE_EPOCH
sets the date written into them).

Examples:
  opkit build                          every country of the current workspace
  opkit build examples/demo -o out     another workspace, output in ./out
  opkit build --country ar,ci          two countries only`,
	}
	c.run = func(e *env, args []string) error {
		flags, o := newOutputFlags(c.name)
		only := flags.String("country", "", "build only these `CC,...` (ISO codes)")
		ws, w, err := o.oneWorkspace(e, c, flags, args)
		if err != nil {
			return err
		}
		countries, err := selectCountries(w, *only)
		if err != nil {
			return err
		}
		return buildPacks(e, w, ws, countries, outDir(o.out, ws), o.page, o.quiet)
	}
	return c
}

// selectCountries picks the countries named in --country, or all.
func selectCountries(w *model.Workspace, list string) ([]*model.Country, error) {
	var out []*model.Country
	if strings.TrimSpace(list) == "" {
		for i := range w.Countries {
			out = append(out, &w.Countries[i])
		}
		return out, nil
	}
	seen := map[string]bool{}
	for _, code := range strings.Split(list, ",") {
		code = strings.ToUpper(strings.TrimSpace(code))
		if code == "" || seen[code] {
			continue
		}
		seen[code] = true
		c := w.Country(code)
		if c == nil {
			var codes []string
			for _, k := range w.Countries {
				codes = append(codes, strings.ToLower(k.Code))
			}
			return nil, usageError{fmt.Sprintf("--country: no country file for %q (have: %s)", strings.ToLower(code), strings.Join(codes, ", "))}
		}
		out = append(out, c)
	}
	return out, nil
}

func buildPacks(e *env, w *model.Workspace, wsDir string, countries []*model.Country, dir, page string, quiet bool) error {
	st, err := stamp(e, w)
	if err != nil {
		return err
	}
	eng := engineFor(wsDir)
	if err := e.outs.add(e, filepath.Join(dir, pack.Dir)); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	// The plan is made over the whole workspace even when --country picks a
	// few: a member's load and the day-apart rule depend on every event, and
	// the agenda must name the member `opkit plan` shows.
	assigned := plan.Make(w).AssignedAll()
	prog := newProgress(e, "building packs", quiet)
	results, err := pack.BuildAll(e.ctx, w, countries, eng, pack.Options{OutDir: dir, PageSize: page, Stamp: st, Assigned: assigned}, prog.Update)
	prog.Done()
	if err != nil {
		return err
	}
	if !quiet {
		for _, r := range results {
			fmt.Fprintf(e.stdout, "%s\n", r.Summary())
		}
		fmt.Fprintf(e.stdout, "built %d pack(s) in %s\n", len(results), dir)
	}
	return nil
}
