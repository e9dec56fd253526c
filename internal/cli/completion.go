package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

func completionCommand() command {
	c := command{
		name:    "completion",
		summary: "print a shell completion script (bash, zsh or fish)",
		usage:   "bash|zsh|fish",
		help: `Prints a script that completes opkit's commands, flags, paper sizes,
languages and folders in your shell. Load it once per session, or install it:

  bash:  source <(opkit completion bash)
         (or save it as ~/.local/share/bash-completion/completions/opkit)
  zsh:   source <(opkit completion zsh)
         (or save it as _opkit in a folder of your $fpath)
  fish:  opkit completion fish > ~/.config/fish/completions/opkit.fish`,
	}
	c.run = func(e *env, args []string) error {
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		if len(pos) != 1 {
			return usageError{"completion: name one shell: bash, zsh or fish (run opkit completion --help)"}
		}
		cmds, err := completionModel()
		if err != nil {
			return err
		}
		shell, ok := enumValue(pos[0], shells)
		if !ok {
			msg := fmt.Sprintf("completion: unknown shell %q; opkit completes bash, zsh and fish", pos[0])
			return usageError{msg}
		}
		switch shell {
		case "bash":
			writeBash(e.stdout, cmds)
		case "zsh":
			writeZsh(e.stdout, cmds)
		case "fish":
			writeFish(e.stdout, cmds)
		}
		return nil
	}
	return c
}

var shells = []string{"bash", "zsh", "fish"}

// compFlag is one flag as completion offers it.
type compFlag struct {
	name, usage string
	short       string   // "q" for quiet
	takesValue  bool     // not a boolean
	values      []string // the closed list of its values, if any
	dirs        bool     // its value is a folder or file
}

// compCommand is one command as completion offers it.
type compCommand struct {
	name, summary string
	flags         []compFlag
	words         []string // fixed words after the command: "export", "bash"
	onlyWords     bool     // no folder goes there (completion takes a shell only)
}

// flagValues are the values of the enum flags, which complete from them.
var flagValues = map[string][]string{
	"page-size": pageSizes,
	"language":  {"en", "fr", "es", "pt", "ru", "ar"},
}

// commandWords are the fixed words a command takes.
var commandWords = map[string][]string{
	"templates":  {"export"},
	"completion": shells,
}

// completionModel learns every command's flags from the commands
// themselves (parse hands them over instead of running), so completion
// can never list a flag a command does not have.
func completionModel() ([]compCommand, error) {
	var out []compCommand
	for _, c := range commands() {
		var fs *flag.FlagSet
		e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }, outs: &outputs{},
			introspect: func(f *flag.FlagSet) { fs = f }}
		if err := c.run(e, nil); !errors.Is(err, errIntrospect) || fs == nil {
			return nil, fmt.Errorf("completion: command %s did not hand over its flags (%v)", c.name, err)
		}
		cc := compCommand{name: c.name, summary: c.summary, words: commandWords[c.name], onlyWords: c.name == "completion"}
		short := map[string]string{}
		for s, l := range flagAliases {
			if fs.Lookup(s) != nil {
				short[l] = s
			}
		}
		fs.VisitAll(func(f *flag.Flag) {
			if _, alias := flagAliases[f.Name]; alias {
				return
			}
			_, usage := flag.UnquoteUsage(f)
			bf, isBool := f.Value.(interface{ IsBoolFlag() bool })
			cf := compFlag{name: f.Name, usage: usage, short: short[f.Name], takesValue: !(isBool && bf.IsBoolFlag()),
				values: flagValues[f.Name]}
			cf.dirs = cf.takesValue && cf.values == nil && f.Name == "o"
			cc.flags = append(cc.flags, cf)
		})
		out = append(out, cc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

func (f compFlag) typed() []string {
	if f.short != "" {
		return []string{dashed(f.short), dashed(f.name)}
	}
	return []string{dashed(f.name)}
}

func writeBash(w io.Writer, cmds []compCommand) {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for opkit; load with: source <(opkit completion bash)
_opkit() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="" flags="" words="" dirs=true
    [ "$COMP_CWORD" -gt 0 ] && prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [ "$COMP_CWORD" -le 1 ]; then
        COMPREPLY=($(compgen -W "%s --help --version" -- "$cur"))
        return 0
    fi
    case "${COMP_WORDS[1]}" in
`, strings.Join(names, " "))
	for _, c := range cmds {
		var flags []string
		var valueCases []string
		for _, f := range c.flags {
			flags = append(flags, f.typed()...)
			if !f.takesValue {
				continue
			}
			pat := strings.Join(f.typed(), "|")
			switch {
			case f.values != nil:
				valueCases = append(valueCases, fmt.Sprintf(`            %s) COMPREPLY=($(compgen -W "%s" -- "$cur")); return 0 ;;`, pat, strings.Join(f.values, " ")))
			case f.dirs:
				valueCases = append(valueCases, fmt.Sprintf(`            %s) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;`, pat))
			default:
				valueCases = append(valueCases, fmt.Sprintf(`            %s) COMPREPLY=(); return 0 ;;`, pat))
			}
		}
		fmt.Fprintf(w, "        %s)\n            flags=%q; words=%q; dirs=%v\n", c.name, strings.Join(append(flags, "--help"), " "), strings.Join(c.words, " "), !c.onlyWords)
		if len(valueCases) > 0 {
			fmt.Fprintf(w, "            case \"$prev\" in\n%s\n            esac\n", strings.Join(valueCases, "\n"))
		}
		fmt.Fprintln(w, "            ;;")
	}
	fmt.Fprint(w, `    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    elif [ "$dirs" = true ]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur") $(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
    return 0
}
complete -o filenames -F _opkit opkit
`)
}

// zshQuote quotes s for a single-quoted zsh word inside _arguments or
// _describe, where ':' and brackets have meanings of their own.
func zshQuote(s string) string {
	s = strings.NewReplacer("'", `'\''`, ":", `\:`, "[", "(", "]", ")").Replace(s)
	return s
}

func writeZsh(w io.Writer, cmds []compCommand) {
	fmt.Fprint(w, "#compdef opkit\n# zsh completion for opkit; load with: source <(opkit completion zsh)\n_opkit() {\n    local -a commands\n    commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "        '%s:%s'\n", c.name, zshQuote(c.summary))
	}
	fmt.Fprint(w, `    )
    if (( CURRENT == 2 )); then
        _describe 'command' commands
        return
    fi
    local cmd=$words[2]
    shift words
    (( CURRENT-- ))
    case $cmd in
`)
	for _, c := range cmds {
		var specs []string
		for _, f := range c.flags {
			action := ""
			if f.takesValue {
				switch {
				case f.values != nil:
					action = ":" + f.name + ":(" + strings.Join(f.values, " ") + ")"
				case f.dirs:
					action = ":" + f.name + ":_files"
				default:
					action = ":" + f.name + ":"
				}
			}
			desc := "[" + zshQuote(f.usage) + "]" + action
			if f.short != "" {
				specs = append(specs, fmt.Sprintf(`'(%s %s)'{%s,%s}'%s'`, dashed(f.short), dashed(f.name), dashed(f.short), dashed(f.name), desc))
			} else {
				specs = append(specs, fmt.Sprintf(`'%s%s'`, dashed(f.name), desc))
			}
		}
		rest := `'*:workspace:_files -/'`
		switch {
		case c.onlyWords:
			rest = fmt.Sprintf(`'1:shell:(%s)'`, strings.Join(c.words, " "))
		case len(c.words) > 0:
			rest = fmt.Sprintf(`'*:workspace or action:_alternative "actions\:action\:(%s)" "folders\:folder\:_files -/"'`, strings.Join(c.words, " "))
		}
		specs = append(specs, rest)
		fmt.Fprintf(w, "        %s)\n            _arguments %s\n            ;;\n", c.name, strings.Join(specs, " \\\n                "))
	}
	fmt.Fprint(w, `    esac
}
if [ "$funcstack[1]" = "_opkit" ]; then
    _opkit "$@"
else
    compdef _opkit opkit
fi
`)
}

func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFish(w io.Writer, cmds []compCommand) {
	fmt.Fprint(w, "# fish completion for opkit; save as ~/.config/fish/completions/opkit.fish\ncomplete -c opkit -f\n")
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	for _, c := range cmds {
		fmt.Fprintf(w, "complete -c opkit -n '__fish_use_subcommand' -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	for _, c := range cmds {
		cond := fmt.Sprintf("'__fish_seen_subcommand_from %s'", c.name)
		for _, f := range c.flags {
			opt := ""
			if len(f.name) == 1 {
				opt = "-s " + f.name
			} else {
				opt = "-l " + f.name
			}
			if f.short != "" {
				opt = "-s " + f.short + " " + opt
			}
			switch {
			case f.values != nil:
				opt += " -x -a " + fishQuote(strings.Join(f.values, " "))
			case f.dirs:
				opt += " -r -F"
			case f.takesValue:
				opt += " -x"
			}
			fmt.Fprintf(w, "complete -c opkit -n %s %s -d %s\n", cond, opt, fishQuote(f.usage))
		}
		if len(c.words) > 0 {
			fmt.Fprintf(w, "complete -c opkit -n %s -a %s\n", cond, fishQuote(strings.Join(c.words, " ")))
		}
		if !c.onlyWords {
			fmt.Fprintf(w, "complete -c opkit -n %s -a '(__fish_complete_directories)'\n", cond)
		}
	}
}
