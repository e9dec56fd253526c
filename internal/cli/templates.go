package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"

	"opkit/internal/atomicfile"
	"opkit/internal/diag"
	"opkit/internal/inputfile"
	"opkit/internal/render"
)

func templatesCommand() command {
	c := command{
		name:    "templates",
		summary: "list the built-in templates, or export them to WS/templates/ to edit",
		usage:   "[WS] [export] [--force]",
		help: `Without "export", lists every built-in template with its version and says
which ones the workspace overrides in WS/templates/, and whether an override is
older than the built-in it replaces.

"export" copies the built-in templates into WS/templates/ (en/briefing.md.tmpl,
fr/agenda.md.tmpl, ...), where staff edit them without Go: build, plan and
consolidate then use the copies. A file already there is kept unless --force.
Delete a copy to go back to the built-in; "opkit check" warns when a copy is
older than the built-in, so that fixes to the built-ins are not missed.

Examples:
  opkit templates                       list, for the current workspace
  opkit templates my-campaign export    copy them into my-campaign/templates/`,
	}
	c.run = func(e *env, args []string) error {
		flags := flag.NewFlagSet(c.name, flag.ContinueOnError)
		force := flags.Bool("force", false, "replace templates already in WS/templates/")
		quiet := flags.Bool("quiet", false, "print errors only")
		pos, err := parse(e, c, flags, args)
		if err != nil {
			return err
		}
		ws, action := ".", ""
		switch {
		case len(pos) == 1 && pos[0] == "export":
			action = "export"
		case len(pos) == 1:
			ws = pos[0]
		case len(pos) == 2:
			ws, action = pos[0], pos[1]
		case len(pos) > 2:
			return usageError{"templates: expected [WS] [export] (run opkit templates --help)"}
		}
		if action != "" && action != "export" {
			msg := fmt.Sprintf("templates: unknown action %q", action)
			if s := diag.Suggest(action, []string{"export"}); s != "" {
				msg += "; did you mean " + s + "?"
			}
			return usageError{msg + " (run opkit templates --help)"}
		}
		if st, err := os.Stat(filepath.Join(ws, "campaign.toml")); err != nil || st.IsDir() {
			return usageError{fmt.Sprintf("templates: %s is not a workspace (no campaign.toml); run opkit init %s first", ws, ws)}
		}
		if action == "export" {
			return exportTemplates(e, ws, *force, *quiet)
		}
		return listTemplates(e, ws)
	}
	return c
}

// templateLine is the version line each built-in template starts with:
// {{/* opkit-template: briefing v2 */ -}}. A template's version goes up
// when a change to it matters to anyone who edited a copy.
var templateLine = regexp.MustCompile(`^\{\{-?\s*/\*\s*opkit-template:\s*([A-Za-z0-9_-]+)\s+v(\d+)\s*\*/\s*-?\}\}`)

// templateVersion is the version a template declares in its first line; 0
// for none (the copies opkit 0.1's init made).
func templateVersion(src []byte) int {
	m := templateLine.FindSubmatch(src)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[2]))
	return n
}

// builtinTemplates lists the built-in templates, "en/briefing.md.tmpl", sorted.
func builtinTemplates() ([]string, error) {
	var out []string
	err := fs.WalkDir(render.Builtins(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".tmpl" {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// override is a workspace template and the built-in it replaces.
type override struct {
	name          string // en/briefing.md.tmpl
	path          string // WS/templates/en/briefing.md.tmpl
	have, builtin int    // versions
}

// overrides are the workspace's copies of built-in templates.
func overrides(ws string) ([]override, error) {
	names, err := builtinTemplates()
	if err != nil {
		return nil, err
	}
	var out []override
	for _, n := range names {
		p := filepath.Join(ws, "templates", filepath.FromSlash(n))
		src, err := inputfile.ReadFile(p, maxTemplateBytes)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		b, err := fs.ReadFile(render.Builtins(), n)
		if err != nil {
			return nil, err
		}
		out = append(out, override{name: n, path: p, have: templateVersion(src), builtin: templateVersion(b)})
	}
	return out, nil
}

// maxTemplateBytes bounds a workspace template read to compare versions;
// the engine applies its own bound when it renders one.
const maxTemplateBytes = 4 << 20

// templateWarnings warns about every workspace template older than the
// built-in it overrides: a fix to the built-in would never reach it.
func templateWarnings(ws string) diag.List {
	var ds diag.List
	ovs, err := overrides(ws)
	if err != nil {
		ds.Errorf(filepath.Join(ws, "templates"), 0, 0, "%v", err)
		return ds
	}
	for _, o := range ovs {
		if o.have >= o.builtin {
			continue
		}
		have := "has no version line (a copy from an earlier opkit)"
		if o.have > 0 {
			have = fmt.Sprintf("is version %d", o.have)
		}
		ds.Warnf(o.path, 1, 1, "this copy of the built-in template %s %s; the built-in is version %d: compare them (opkit templates %s export --force writes the new one here) or delete the copy to use the built-in",
			o.name, have, o.builtin, ws)
	}
	return ds
}

func listTemplates(e *env, ws string) error {
	names, err := builtinTemplates()
	if err != nil {
		return err
	}
	ovs, err := overrides(ws)
	if err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	byName := map[string]override{}
	for _, o := range ovs {
		byName[o.name] = o
	}
	for _, n := range names {
		b, err := fs.ReadFile(render.Builtins(), n)
		if err != nil {
			return err
		}
		state := "built-in"
		if o, ok := byName[n]; ok {
			switch {
			case o.have < o.builtin:
				state = fmt.Sprintf("overridden by %s (v%d, OLDER than the built-in)", o.path, o.have)
			default:
				state = fmt.Sprintf("overridden by %s (v%d)", o.path, o.have)
			}
		}
		fmt.Fprintf(e.stdout, "%-28s v%-3d %s\n", n, templateVersion(b), state)
	}
	return nil
}

func exportTemplates(e *env, ws string, force, quiet bool) error {
	names, err := builtinTemplates()
	if err != nil {
		return err
	}
	var rels []string
	for _, n := range names {
		rels = append(rels, "templates/"+n)
	}
	if err := e.outs.addWorkspace(e, ws, folders(ws, rels)); err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	wrote, kept := 0, 0
	for _, n := range names {
		p := filepath.Join(ws, "templates", filepath.FromSlash(n))
		if _, err := os.Lstat(p); err == nil && !force {
			kept++
			if !quiet {
				fmt.Fprintf(e.stdout, "kept %s (already there; --force replaces it)\n", p)
			}
			continue
		}
		b, err := fs.ReadFile(render.Builtins(), n)
		if err != nil {
			return err
		}
		if err := atomicfile.Write(p, b); err != nil {
			return fmt.Errorf("templates: %w", err)
		}
		wrote++
	}
	if !quiet {
		fmt.Fprintf(e.stdout, "wrote %d templates to %s (%d kept); edit them, then opkit build %s\n",
			wrote, filepath.Join(ws, "templates"), kept, ws)
	}
	return nil
}
