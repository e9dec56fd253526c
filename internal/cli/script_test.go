package cli

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// The end-to-end tests run the real command line on real files: each
// testdata/script/*.txtar is a shell-like script with its input files.
// "opkit" in a script is this test binary re-executed as the command, so
// exit statuses, signals and files are those of the real program.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"opkit": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	demo, err := filepath.Abs("../../examples/demo")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("DEMO", demo)
			env.Setenv("SOURCE_DATE_EPOCH", "")
			return nil
		},
		Condition: toolCondition,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"copydir":        cmdCopydir,
			"nofiles":        cmdNofiles,
			"status":         cmdStatus,
			"complete":       cmdComplete,
			"clone":          cmdClone,
			"interrupt":      cmdInterrupt,
			"countfiles":     cmdCountfiles,
			"replicate":      cmdReplicate,
			"mkfifo":         cmdMkfifo,
			"hostilereturns": cmdHostileReturns,
			"rss":            cmdRSS,
			"csvsafe":        cmdCSVSafe,
			"replace":        cmdReplace,
		},
	})
}

// replace FILE OLD NEW replaces every OLD in FILE by NEW, as staff editing
// a template would; OLD must be there.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 || neg {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	p := ts.MkAbs(args[0])
	b, err := os.ReadFile(p)
	ts.Check(err)
	if !strings.Contains(string(b), args[1]) {
		ts.Fatalf("%s holds no %q", args[0], args[1])
	}
	ts.Check(os.WriteFile(p, []byte(strings.ReplaceAll(string(b), args[1], args[2])), 0o644))
}

// copydir SRC DST copies a folder tree (the demo workspace).
func cmdCopydir(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: copydir SRC DST")
	}
	ts.Check(os.CopyFS(ts.MkAbs(args[1]), os.DirFS(ts.MkAbs(args[0]))))
}

// nofiles DIR PATTERN fails if a file matching PATTERN exists under DIR.
func cmdNofiles(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: nofiles DIR PATTERN")
	}
	found := matching(ts.MkAbs(args[0]), args[1])
	if len(found) > 0 && !neg {
		ts.Fatalf("unexpected files: %v", found)
	}
	if len(found) == 0 && neg {
		ts.Fatalf("no file matches %s", args[1])
	}
}

// countfiles DIR PATTERN N checks that N files under DIR match PATTERN;
// N may be ">0" or "<K".
func cmdCountfiles(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 || neg {
		ts.Fatalf("usage: countfiles DIR PATTERN N")
	}
	n := len(matching(ts.MkAbs(args[0]), args[1]))
	want := args[2]
	ok := false
	switch {
	case strings.HasPrefix(want, ">"):
		k, _ := strconv.Atoi(want[1:])
		ok = n > k
	case strings.HasPrefix(want, "<"):
		k, _ := strconv.Atoi(want[1:])
		ok = n < k
	default:
		k, _ := strconv.Atoi(want)
		ok = n == k
	}
	ts.Logf("%d file(s) match %s under %s", n, args[1], args[0])
	if !ok {
		ts.Fatalf("%d file(s) match %s, want %s", n, args[1], want)
	}
}

func matching(dir, pattern string) []string {
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if ok, _ := filepath.Match(pattern, d.Name()); ok {
				found = append(found, p)
			}
		}
		return nil
	})
	return found
}

// status N CMD ARGS... runs a command and checks its exact exit status
// (testscript's "! exec" only knows failure from success, and opkit's
// statuses mean different things: 1 invalid input, 2 usage).
// Its stdout and stderr are kept for the next stdout/stderr checks.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 || neg {
		ts.Fatalf("usage: status N CMD [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// toolCondition answers [tool:NAME]: whether NAME is installed. Under CI
// a missing tool is an error, so that "[!tool:qpdf] skip" never hides a
// broken CI machine.
//
// [root] is whether the tests run as root, whom file modes do not stop;
// [mountns] whether a private mount namespace can be made here (unshare(1)
// and the right to mount, as root on CI), to give a command a really full
// or read-only output folder.
func toolCondition(cond string) (bool, error) {
	switch cond {
	case "root":
		return os.Geteuid() == 0, nil
	case "mountns":
		return canMount(), nil
	}
	name, ok := strings.CutPrefix(cond, "tool:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			return false, fmt.Errorf("%s is required under CI: %v", name, err)
		}
		return false, nil
	}
	return true, nil
}

var canMount = sync.OnceValue(func() bool {
	dir, err := os.MkdirTemp("", "opkit-mountns-")
	if err != nil {
		return false
	}
	defer os.RemoveAll(dir)
	return exec.Command("unshare", "-m", "sh", "-c", `mount -t tmpfs -o size=16k tmpfs "$1"`, "sh", dir).Run() == nil
})

// complete DIR checks that every output under DIR is whole: each PDF passes
// qpdf --check and each .xlsx is a zip whose every part reads to the end
// with a good checksum. Temp files (.NAME.tmp-*) are not outputs and are
// checked with nofiles.
func cmdComplete(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: complete DIR")
	}
	n := 0
	filepath.WalkDir(ts.MkAbs(args[0]), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		switch filepath.Ext(p) {
		case ".pdf":
			if _, err := exec.LookPath("qpdf"); err != nil {
				if os.Getenv("CI") != "" {
					ts.Fatalf("qpdf is required under CI")
				}
				return nil
			}
			out, err := exec.Command("qpdf", "--check", p).CombinedOutput()
			if err != nil {
				ts.Fatalf("%s is not a whole PDF: %v\n%s", p, err, out)
			}
		case ".xlsx":
			if err := wholeZip(p); err != nil {
				ts.Fatalf("%s is not a whole workbook: %v", p, err)
			}
		default:
			return nil
		}
		n++
		return nil
	})
	ts.Logf("%d complete output file(s) under %s", n, args[0])
}

func wholeZip(path string) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, r)
		r.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return nil
}

// isoCodes are real ISO 3166-1 codes outside the demo, for clone.
var isoCodes = strings.Fields(`AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT
BW BY BZ CA CD CF CG CH CL CM CN CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FR GA GB GD GE
GH GM GN GQ GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KR KW KZ LA LB LC LI`)

// clone WS CC N adds N copies of WS/countries/CC.toml under other country
// codes, to make a workspace big enough that a build can be interrupted.
func cmdClone(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 || neg {
		ts.Fatalf("usage: clone WS CC N")
	}
	ws, cc := ts.MkAbs(args[0]), strings.ToLower(args[1])
	n, err := strconv.Atoi(args[2])
	if err != nil || n > len(isoCodes) {
		ts.Fatalf("clone: N must be a number up to %d", len(isoCodes))
	}
	src, err := os.ReadFile(filepath.Join(ws, "countries", cc+".toml"))
	ts.Check(err)
	codeLine := regexp.MustCompile(`(?m)^code = "[A-Z]{2}"`)
	for _, code := range isoCodes[:n] {
		b := codeLine.ReplaceAll(src, []byte(`code = "`+code+`"`))
		ts.Check(os.WriteFile(filepath.Join(ws, "countries", strings.ToLower(code)+".toml"), b, 0o644))
	}
}

// interrupt SIGNAL WAITFOR LOG CMD ARGS... starts CMD, waits until a path
// matching the glob WAITFOR exists (the run is under way), sends SIGNAL (INT, TERM or KILL)
// and waits for the end. LOG gets "exit N" (or "signal S") and the stderr,
// for grep.
func cmdInterrupt(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 4 || neg {
		ts.Fatalf("usage: interrupt SIGNAL WAITFOR LOG CMD [ARGS...]")
	}
	sigs := map[string]os.Signal{"INT": os.Interrupt, "TERM": syscall.SIGTERM, "KILL": os.Kill}
	sig, ok := sigs[args[0]]
	if !ok {
		ts.Fatalf("unknown signal %s", args[0])
	}
	path := lookPath(ts, args[3])
	cmd := exec.Command(path, args[4:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = append(os.Environ(), "PATH="+ts.Getenv("PATH"), "SOURCE_DATE_EPOCH=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	ts.Check(cmd.Start())
	waitFor := ts.MkAbs(args[1])
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m, _ := filepath.Glob(waitFor); len(m) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			ts.Fatalf("%s did not appear within a minute", args[1])
		}
		time.Sleep(2 * time.Millisecond)
	}
	ts.Check(cmd.Process.Signal(sig))
	sent := time.Now()
	err := cmd.Wait()
	took := time.Since(sent)
	status := "exit 0"
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%v", err)
		}
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			status = "signal " + ws.Signal().String()
		} else {
			status = fmt.Sprintf("exit %d", ee.ExitCode())
		}
	}
	ts.Logf("%s %s after %s\n%s", status, took.Round(time.Millisecond), args[0], stderr.String())
	// "stopped within N s" (N rounded up) lets a script check that a run
	// ends well before the 15 s grace.
	secs := int(took/time.Second) + 1
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(fmt.Sprintf("%s\nstopped within %d s\n%s", status, secs, stderr.String())), 0o644))
}

func lookPath(ts *testscript.TestScript, name string) string {
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	ts.Fatalf("%s not found in PATH", name)
	return ""
}

// replicate FILE DIR N copies FILE into DIR as N files (copy-001.xlsx ...):
// a returns folder that takes a while to read.
func cmdReplicate(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 || neg {
		ts.Fatalf("usage: replicate FILE DIR N")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	n, err := strconv.Atoi(args[2])
	ts.Check(err)
	dir := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(dir, 0o755))
	for i := range n {
		ts.Check(os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy-%03d%s", i+1, filepath.Ext(args[0]))), data, 0o644))
	}
}

// mkfifo PATH makes a named pipe, which no writer will ever open.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: mkfifo PATH")
	}
	ts.Check(syscall.Mkfifo(ts.MkAbs(args[0]), 0o644))
}
