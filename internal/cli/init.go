package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"opkit/internal/atomicfile"
	"opkit/internal/workspace"
)

func initCommand() command {
	c := command{
		name:    "init",
		summary: "create a starter workspace (campaign, one country, returns/)",
		usage:   "DIR",
		help: `Writes a starter workspace into DIR: campaign.toml, countries/ with one country
whose every key is explained in comments, and an empty returns/ for the outcome
workbooks partners send back. Existing files are never overwritten.

The documents come from the built-in templates, which improve with opkit; to
edit them, copy them into the workspace with "opkit templates DIR export".

Example:
  opkit init my-campaign && opkit check my-campaign`,
	}
	c.run = func(e *env, args []string) error {
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		quiet := flags.Bool("quiet", false, "print errors only")
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usageError{"init: expected one folder (run opkit init --help)"}
		}
		dir := pos[0]
		files := workspace.Starter()
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			p := filepath.Join(dir, filepath.FromSlash(n))
			if _, err := os.Stat(p); err == nil {
				return fmt.Errorf("init: %s already exists; choose an empty folder", p)
			} else if !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("init: %w", err)
			}
		}
		if err := e.outs.addWorkspace(e, dir, folders(dir, names)); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		for _, n := range names {
			if err := atomicfile.Write(filepath.Join(dir, filepath.FromSlash(n)), files[n]); err != nil {
				return fmt.Errorf("init: %w", err)
			}
		}
		// Where consolidate looks for the returned workbooks.
		if err := os.MkdirAll(filepath.Join(dir, "returns"), 0o755); err != nil {
			return fmt.Errorf("init: %w", err)
		}
		if *quiet {
			return nil
		}
		fmt.Fprintf(e.stdout, "created %s with %d files and returns/; next: opkit check %s\n", dir, len(names), dir)
		return nil
	}
	return c
}

// folders lists the folders init writes files into, for the sweep of temp
// files an interrupted init leaves: only these, at their top, never the
// rest of what DIR holds.
func folders(dir string, names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		f := filepath.Dir(filepath.Join(dir, filepath.FromSlash(n)))
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}
