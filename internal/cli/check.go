package cli

import (
	"flag"
	"fmt"
)

func checkCommand() command {
	c := command{
		name:    "check",
		summary: "validate every input of a workspace; print diagnostics, write nothing",
		usage:   "[WS]",
		help: `Reads campaign.toml and countries/*.toml and reports every problem at once as
path:line:col: error|warning: message. Nothing is written.

Examples:
  opkit check                   check the workspace in the current folder
  opkit check examples/demo     check another workspace`,
	}
	c.run = func(e *env, args []string) error {
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		quiet := flags.Bool("quiet", false, "print errors only")
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		ws, err := atMostOne(c, pos, ".")
		if err != nil {
			return err
		}
		w, ds, ok := loadReported(e, ws, *quiet)
		if !ok {
			return invalidInput{fmt.Sprintf("check: %s has %d error(s)", ws, len(ds.Errors()))}
		}
		// Copies of built-in templates older than the built-ins (templates.go).
		tw := templateWarnings(ws)
		if !*quiet {
			printDiags(e, tw)
		} else if printDiags(e, tw.Errors()) {
			return invalidInput{fmt.Sprintf("check: %s has %d error(s)", ws, len(tw.Errors()))}
		}
		if !*quiet {
			fmt.Fprintf(e.stdout, "%s: campaign and %d countries valid (%d warnings)\n", ws, len(w.Countries), len(ds.Warnings())+len(tw.Warnings()))
		}
		return nil
	}
	return c
}
