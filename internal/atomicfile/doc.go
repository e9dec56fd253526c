// Package atomicfile writes output files so that a reader never sees half a
// file: data goes to a temporary file in the same folder, is synced, then
// renamed over the target. A failed or interrupted run leaves the old file
// (or none), never a partial one. Outputs made of several files (the
// report) are written into a temporary folder and swapped in whole (Swap).
//
// Temporary names say opkit (".NAME.tmp-opkit-DIGITS"), so Sweep, which
// removes what a killed run left, takes nothing of anyone else's; TryLock
// locks an output folder so that two runs into it cannot take each other's
// files under way.
package atomicfile
