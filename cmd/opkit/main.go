// Command opkit builds national-event briefing packs for the NGO Coalition
// for the Optional Protocol to the ICESCR, plans Steering Committee presence
// and consolidates the outcome workbooks partners return.
package main

import (
	"os"

	"opkit/internal/cli"
	"opkit/internal/memlimit"
)

func main() {
	// Memory bounded by a limit, not a multiplier (internal/memlimit):
	// flat in the number of countries. GOGC or GOMEMLIMIT override it.
	memlimit.Set()
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
