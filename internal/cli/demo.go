package cli

import (
	"flag"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"

	"opkit/examples"
	"opkit/internal/atomicfile"
	"opkit/internal/report"
)

func demoCommand() command {
	c := command{
		name:    "demo",
		summary: "run the whole pipeline on the built-in example workspace",
		usage:   "[-o DIR]",
		help: `Writes the embedded demo workspace to DIR/workspace (countries in English,
French and Spanish, restricted cases, a low-profile partner, returned outcome
workbooks) and runs check, build, plan and consolidate on it:
DIR/packs/, DIR/plan/ and DIR/report/.

Example:
  opkit demo                 into ./opkit-demo
  opkit demo -o /tmp/demo`,
	}
	c.run = func(e *env, args []string) error {
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		out := flags.String("o", "opkit-demo", "output `DIR`")
		quiet := flags.Bool("quiet", false, "print errors only")
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		if len(pos) > 0 {
			return usageError{"demo: takes no folder argument; use -o DIR"}
		}
		return runDemo(e, *out, *quiet)
	}
	return c
}

func runDemo(e *env, dir string, quiet bool) error {
	ws := filepath.Join(dir, "workspace")
	if err := e.outs.add(e, ws); err != nil {
		return fmt.Errorf("demo: write workspace: %w", err)
	}
	n, err := extract(examples.Demo, "demo", ws)
	if err != nil {
		return err
	}
	say := func(format string, args ...any) {
		if !quiet {
			fmt.Fprintf(e.stdout, format, args...)
		}
	}
	say("demo workspace: %s (%d files)\n", ws, n)
	w, ds, ok := loadReported(e, ws, quiet)
	if !ok {
		return fmt.Errorf("demo: the embedded workspace has errors")
	}
	say("check: campaign and %d countries valid, %d warning(s) shown above\n", len(w.Countries), len(ds.Warnings()))
	if e.getenv("SOURCE_DATE_EPOCH") == "" && !w.Campaign.SignatureDate.IsZero() {
		// The demo's story is told on the signature day (its returns are
		// judged on it below), so its plan and report are dated that day
		// too: a report "as of" the machine's day would come before every
		// event it reports.
		day := strconv.FormatInt(w.Campaign.SignatureDate.Time().Unix(), 10)
		de, getenv := *e, e.getenv
		de.getenv = func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return day
			}
			return getenv(k)
		}
		e = &de
	}
	countries, _ := selectCountries(w, "")
	if err := buildPacks(e, w, ws, countries, dir, "A4", quiet); err != nil {
		return err
	}
	if err := writePlan(e, w, ws, dir, "A4", quiet); err != nil {
		return err
	}
	paths, err := expandInputs([]string{filepath.Join(ws, "returns")})
	if err != nil {
		return err
	}
	// The demo's story is told on the signature day: its returns, dated
	// before it, are not "in the future" whatever the clock says.
	if err := consolidate(e, w, ws, paths, dir, "A4", quiet, w.Campaign.SignatureDate); err != nil {
		return err
	}
	say("demo done: open %s\n", filepath.Join(dir, report.Dir, report.ReportFile))
	return nil
}

// extract copies the tree under root of fsys into dir.
func extract(fsys fs.FS, root, dir string) (int, error) {
	n := 0
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.FromSlash(p))
		n++
		return atomicfile.Write(filepath.Join(dir, rel), b)
	})
	if err != nil {
		return n, fmt.Errorf("demo: write workspace: %w", err)
	}
	return n, nil
}
