// Package atomicfile writes output files so that a reader never sees half a
// file: data goes to a temporary file in the same folder, is synced, then
// renamed over the target. A failed or interrupted run leaves the old file
// (or none), never a partial one.
package atomicfile
