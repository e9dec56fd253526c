package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"opkit/internal/diag"
)

// Version is the program version; release builds may set it with -ldflags.
var Version = "0.1.0"

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// invalidInput means the inputs were read and found wanting; the
// diagnostics have already been printed.
type invalidInput struct{ msg string }

func (e invalidInput) Error() string { return e.msg }

// env is what a command may touch: its output streams and the environment.
type env struct {
	ctx            context.Context // cancelled on SIGINT/SIGTERM
	stdout, stderr io.Writer
	getenv         func(string) string
	outs           *outputs // folders being written, cleaned on interruption
}

type command struct {
	name    string
	summary string
	usage   string // after "opkit NAME "
	help    string // longer text with examples
	run     func(e *env, args []string) error
}

func commands() []command {
	return []command{demoCommand(), initCommand(), checkCommand(), buildCommand(), planCommand(), consolidateCommand(), questionnaireCommand(), importCommand()}
}

// Main runs opkit with args (without the program name) and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	e := &env{ctx: context.Background(), stdout: stdout, stderr: stderr, getenv: os.Getenv, outs: &outputs{}}
	return exitCode(e, runInterruptible(e, args))
}

func run(e *env, args []string) error {
	if len(args) == 0 {
		printHelp(e.stderr)
		return usageError{"no command given"}
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && args[0] == "help" {
			return run(e, []string{args[1], "--help"})
		}
		printHelp(e.stdout)
		return nil
	case "-version", "--version", "version":
		fmt.Fprintf(e.stdout, "opkit %s\n", Version)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if s := diag.Suggest(args[0], names); s != "" {
		msg += fmt.Sprintf("; did you mean %s?", s)
	}
	return usageError{msg + " (run opkit --help)"}
}

func exitCode(e *env, err error) int {
	if err == nil {
		return 0
	}
	var ue usageError
	var ii invalidInput
	var dl diag.List
	var sig interrupted
	switch {
	case errors.As(err, &sig):
		fmt.Fprintf(e.stderr, "opkit: %s\n", sig)
		return sig.status()
	case errors.As(err, &dl):
		// Input problems found late (a character the font lacks, a bad
		// template) are still positioned diagnostics.
		printDiags(e, dl)
		return 1
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "opkit: %s\n", ue.msg)
		return 2
	case errors.As(err, &ii):
		if ii.msg != "" {
			fmt.Fprintf(e.stderr, "opkit: %s\n", ii.msg)
		}
		return 1
	default:
		fmt.Fprintf(e.stderr, "opkit: %s\n", err)
		return 1
	}
}

func printHelp(w io.Writer) {
	fmt.Fprintf(w, `opkit %s - briefing packs, planning and reporting for national events on the
Optional Protocol to the ICESCR.

Usage:
  opkit COMMAND [arguments]

Commands:
`, Version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "opkit COMMAND --help" for a command's flags and examples.
WS is a workspace folder (default: the current folder); output goes to WS/out
unless -o DIR is given.

Exit status: 0 done and every input accepted, 1 invalid input or a failed
write, 2 usage error, 130/143 interrupted (SIGINT/SIGTERM; unfinished files
are removed).
`)
}

// parse reads flags that may stand before or after positional arguments
// ("opkit build examples/demo -o out" and "opkit build -o out examples/demo").
func parse(e *env, c command, fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				commandHelp(e.stdout, c, fs)
				return nil, err
			}
			return nil, usageError{fmt.Sprintf("%s: %s (run opkit %s --help)", c.name, err, c.name)}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			positional = append(positional, args[1:]...)
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return positional, nil
}

func commandHelp(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: opkit %s %s\n\n%s\n", c.name, c.usage, strings.TrimSpace(c.help))
	var flags []string
	fs.VisitAll(func(f *flag.Flag) { flags = append(flags, f.Name) })
	if len(flags) == 0 {
		return
	}
	sort.Strings(flags)
	fmt.Fprintln(w, "\nFlags:")
	fs.VisitAll(func(f *flag.Flag) {
		name := "-" + f.Name
		if len(f.Name) > 1 {
			name = "--" + f.Name
		}
		arg, usage := flag.UnquoteUsage(f)
		if arg != "" {
			name += " " + arg
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  %-22s %s%s\n", name, usage, def)
	})
}

// atMostOne returns the single positional argument (the workspace), or def.
func atMostOne(c command, positional []string, def string) (string, error) {
	switch len(positional) {
	case 0:
		return def, nil
	case 1:
		return positional[0], nil
	}
	return "", usageError{fmt.Sprintf("%s: expected at most one workspace folder, got %q (run opkit %s --help)", c.name, positional, c.name)}
}

// printDiags writes diagnostics to stderr and says whether any was an error.
func printDiags(e *env, ds diag.List) bool {
	ds.Sort()
	for _, d := range ds {
		fmt.Fprintln(e.stderr, d.String())
	}
	return ds.HasErrors()
}
