// Command benchscale runs a build or a consolidation over more countries
// than a workspace can hold, for scripts/bench's memory figures at N = 1000:
// a workspace names countries by ISO 3166-1 code, so it holds at most a few
// hundred. benchscale loads a benchgen workspace with the real loader and
// repeats its countries up to N, each copy with its own code (three digits,
// never an ISO code) and name, then calls the packages the CLI calls, under
// the CLI's memory limit (internal/memlimit):
//
//	benchscale -ws DIR -n 1000 -o OUT returns      # OUT/returns/NNN-outcome.xlsx, filled in (intaketest)
//	benchscale -ws DIR -n 1000 -o OUT build        # plan.Make + pack.BuildAll into OUT/packs
//	benchscale -ws DIR -n 1000 -o OUT consolidate  # report.Consolidate of OUT/returns into OUT/report
//
// -cpuprofile FILE and -memprofile FILE profile the step's CPU and
// allocations, to find where a figure of scripts/bench goes.
//
// The first countries keep their own codes, so for N up to the workspace's
// size this is the workspace itself.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"

	"opkit/internal/atomicfile"
	"opkit/internal/intake/intaketest"
	"opkit/internal/memlimit"
	"opkit/internal/model"
	"opkit/internal/pack"
	"opkit/internal/plan"
	"opkit/internal/render"
	"opkit/internal/report"
	"opkit/internal/workspace"
)

func main() {
	wsDir := flag.String("ws", "", "benchgen workspace `DIR` to repeat")
	n := flag.Int("n", 1000, "number of countries")
	out := flag.String("o", "", "output `DIR`")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the step to `FILE` (go tool pprof)")
	memprofile := flag.String("memprofile", "", "write an allocation profile of the step to `FILE` (go tool pprof -sample_index=alloc_space)")
	flag.Parse()
	if *wsDir == "" || *out == "" || flag.NArg() != 1 || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchscale -ws DIR -n N -o OUT returns|build|consolidate")
		os.Exit(2)
	}
	memlimit.Set()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "benchscale:", err)
			os.Exit(1)
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	if *memprofile != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			if err := writeHeapProfile(*memprofile); err != nil {
				fmt.Fprintln(os.Stderr, "benchscale:", err)
			}
		}()
	}
	if err := run(flag.Arg(0), *wsDir, *n, *out); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "benchscale:", err)
		os.Exit(1)
	}
}

func run(step, wsDir string, n int, out string) error {
	base, ds := workspace.LoadDir(wsDir)
	if base == nil || ds.HasErrors() {
		return fmt.Errorf("%s does not load:\n%s", wsDir, ds.Errors().Error())
	}
	ws := scale(base, n)
	stamp := ws.Campaign.SignatureDate.Time()
	switch step {
	case "returns":
		for i := range ws.Countries {
			c := &ws.Countries[i]
			b, err := intaketest.Fill(c, &ws.Campaign, intaketest.Typical(c, c.Code))
			if err != nil {
				return fmt.Errorf("fill %s: %w", c.Code, err)
			}
			if err := atomicfile.Write(filepath.Join(out, "returns", strings.ToLower(c.Code)+"-outcome.xlsx"), b); err != nil {
				return err
			}
		}
		return nil
	case "build":
		countries := make([]*model.Country, len(ws.Countries))
		for i := range ws.Countries {
			countries[i] = &ws.Countries[i]
		}
		opt := pack.Options{OutDir: out, Stamp: stamp, Assigned: plan.Make(ws).AssignedAll()}
		res, err := pack.BuildAll(context.Background(), ws, countries, render.NewEngine(nil), opt, nil)
		if err != nil {
			return err
		}
		fmt.Printf("built %d packs\n", len(res))
		return nil
	case "consolidate":
		paths, err := filepath.Glob(filepath.Join(out, "returns", "*.xlsx"))
		if err != nil {
			return err
		}
		sort.Strings(paths)
		log, err := report.Consolidate(ws, paths, render.NewEngine(nil), out, report.Options{Stamp: stamp})
		if err != nil {
			return err
		}
		fmt.Printf("consolidated %d returns, %d accepted\n", len(paths), len(log.Accepted()))
		return nil
	}
	return fmt.Errorf("unknown step %q (want returns, build or consolidate)", step)
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// scale repeats base's countries up to n; copies past the first round get
// the code %03d and the name "NAME (copy K)".
func scale(base *model.Workspace, n int) *model.Workspace {
	ws := &model.Workspace{Campaign: base.Campaign}
	for i := range n {
		c := base.Countries[i%len(base.Countries)]
		if i >= len(base.Countries) {
			c.Code = fmt.Sprintf("%03d", i)
			c.Name = fmt.Sprintf("%s (copy %d)", c.Name, i/len(base.Countries))
			c.File = "countries/" + c.Code + ".toml"
		}
		ws.Countries = append(ws.Countries, c)
	}
	return ws
}
