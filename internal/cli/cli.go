package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
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
	// introspect, when set, receives a command's flags instead of the
	// command running: parse hands them over and stops (completion).
	introspect func(*flag.FlagSet)
}

// errIntrospect ends a command run only to learn its flags.
var errIntrospect = errors.New("flags handed over")

type command struct {
	name    string
	summary string
	usage   string // after "opkit NAME "
	help    string // longer text with examples
	run     func(e *env, args []string) error
}

func commands() []command {
	return []command{demoCommand(), initCommand(), checkCommand(), buildCommand(), planCommand(), consolidateCommand(), questionnaireCommand(), importCommand(),
		templatesCommand(), completionCommand()}
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
	if strings.HasPrefix(args[0], "-") {
		msg = fmt.Sprintf("unknown flag %q before the command", args[0])
	}
	if s := diag.Suggest(strings.TrimLeft(args[0], "-"), commandNames()); s != "" {
		msg += fmt.Sprintf("; did you mean %s?", s)
	}
	return usageError{msg + " (run opkit --help)"}
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
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
//
// Every command's flags go through here, which gives them all the same
// conveniences: -q for --quiet, and a "did you mean" for a mistyped flag.
func parse(e *env, c command, fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for short, long := range flagAliases {
		if f := fs.Lookup(long); f != nil && fs.Lookup(short) == nil {
			fs.Var(f.Value, short, "same as --"+long)
		}
	}
	if e.introspect != nil {
		e.introspect(fs)
		return nil, errIntrospect
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				commandHelp(e.stdout, c, fs)
				return nil, err
			}
			msg := err.Error()
			if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
				if s := diag.Suggest(strings.TrimLeft(name, "-"), flagNames(fs)); s != "" {
					msg += "; did you mean " + dashed(s) + "?"
				}
			}
			return nil, usageError{fmt.Sprintf("%s: %s (run opkit %s --help)", c.name, msg, c.name)}
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

// flagAliases are the short forms every command that has the long flag
// accepts.
var flagAliases = map[string]string{"q": "quiet"}

// flagNames are a command's flags, without the aliases.
func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		if _, alias := flagAliases[f.Name]; !alias {
			names = append(names, f.Name)
		}
	})
	return names
}

// dashed is a flag as typed: -o, --page-size.
func dashed(name string) string {
	if len(name) > 1 {
		return "--" + name
	}
	return "-" + name
}

func commandHelp(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: opkit %s %s\n\n%s\n", c.name, c.usage, strings.TrimSpace(c.help))
	if len(flagNames(fs)) == 0 {
		return
	}
	short := map[string]string{}
	for s, l := range flagAliases {
		if fs.Lookup(s) != nil {
			short[l] = s
		}
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.VisitAll(func(f *flag.Flag) {
		if _, alias := flagAliases[f.Name]; alias {
			return
		}
		name := dashed(f.Name)
		if s, ok := short[f.Name]; ok {
			name = dashed(s) + ", " + name
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
