package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"opkit/internal/diag"
	"opkit/internal/inputfile"
	"opkit/internal/model"
	"opkit/internal/render"
	"opkit/internal/workspace"
)

// loadWorkspace loads a workspace folder, turning a missing folder into a
// diagnostic rather than a crash further down.
func loadWorkspace(dir string) (*model.Workspace, diag.List) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		var ds diag.List
		ds.Errorf(dir, 0, 0, "not a workspace folder (expected campaign.toml and countries/ inside)")
		return nil, ds
	}
	return workspace.LoadDir(dir)
}

// engineFor returns the template engine with the workspace's overrides.
func engineFor(wsDir string) *render.Engine {
	if wsDir == "" {
		return render.NewEngine(nil)
	}
	dir := filepath.Join(wsDir, "templates")
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		// Templates are read like every input: regular files only, never
		// blocking on a FIFO or reading /dev/zero.
		return render.NewEngine(inputfile.DirFS(dir))
	}
	return render.NewEngine(nil)
}

// stamp is the one date written into every output: SOURCE_DATE_EPOCH when
// set (reproducible-builds convention), else the signature date, so that
// the same inputs always give byte-identical files.
func stamp(e *env, ws *model.Workspace) (time.Time, error) {
	if s := e.getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, usageError{fmt.Sprintf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)}
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return ws.Campaign.SignatureDate.Time(), nil
}

// outDir is -o when given, else WS/out.
func outDir(flagValue, ws string) string {
	if flagValue != "" {
		return flagValue
	}
	return filepath.Join(ws, "out")
}

// requireValid loads a workspace and stops on errors, printing warnings
// unless quiet.
func requireValid(e *env, ws string, quiet bool) (*model.Workspace, error) {
	w, _, ok := loadReported(e, ws, quiet)
	if !ok {
		return nil, invalidInput{fmt.Sprintf("%s has errors; fix them and run again (opkit check %s)", ws, ws)}
	}
	return w, nil
}

// loadReported loads a workspace and prints its diagnostics (errors only
// when quiet); ok is false when it has errors or could not be read.
func loadReported(e *env, ws string, quiet bool) (w *model.Workspace, ds diag.List, ok bool) {
	w, ds = loadWorkspace(ws)
	if quiet {
		ds = ds.Errors()
	}
	return w, ds, !printDiags(e, ds) && w != nil
}

// outputFlags are the flags of the commands that write files (build, plan,
// consolidate), declared once so that they read the same in every help.
type outputFlags struct {
	out, page string
	quiet     bool
}

// pageSizes are the values of --page-size, as the PDF writer names them.
var pageSizes = []string{"A4", "Letter"}

// enumValue is the allowed value v names, its case ignored (--page-size
// letter is Letter).
func enumValue(v string, allowed []string) (string, bool) {
	for _, a := range allowed {
		if strings.EqualFold(strings.TrimSpace(v), a) {
			return a, true
		}
	}
	return "", false
}

func newOutputFlags(name string) (*flag.FlagSet, *outputFlags) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	o := &outputFlags{}
	fs.StringVar(&o.out, "o", "", "output `DIR` (default WS/out)")
	fs.StringVar(&o.page, "page-size", "A4", "paper size: A4 or Letter (any case)")
	fs.BoolVar(&o.quiet, "quiet", false, "print errors only")
	return fs, o
}

// parse parses the command line and checks the paper size; it returns the
// positional arguments.
func (o *outputFlags) parse(e *env, c command, fs *flag.FlagSet, args []string) ([]string, error) {
	pos, err := parse(e, c, fs, args)
	if err != nil {
		return nil, err
	}
	page, ok := enumValue(o.page, pageSizes)
	if !ok {
		return nil, usageError{fmt.Sprintf("--page-size %q: use A4 or Letter", o.page)}
	}
	o.page = page
	return pos, nil
}

// oneWorkspace is parse for a command that takes at most one workspace
// folder (default: the current one), which it loads and requires valid.
func (o *outputFlags) oneWorkspace(e *env, c command, fs *flag.FlagSet, args []string) (string, *model.Workspace, error) {
	pos, err := o.parse(e, c, fs, args)
	if err != nil {
		return "", nil, err
	}
	ws, err := atMostOne(c, pos, ".")
	if err != nil {
		return "", nil, err
	}
	w, err := requireValid(e, ws, o.quiet)
	return ws, w, err
}
