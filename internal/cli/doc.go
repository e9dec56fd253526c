// Package cli is opkit's command line: one file per command, flags parsed
// per command (no globals), and the one place where errors become exit
// statuses: 0 done with every input accepted, 1 invalid input (or a run
// that failed), 2 usage error, 128+signal when interrupted by SIGINT or
// SIGTERM (signal.go: the run is cancelled, builds start no new pack, and
// the temp files of unfinished outputs are removed).
package cli
