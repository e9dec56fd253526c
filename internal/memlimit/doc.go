// Package memlimit bounds an opkit process's memory by a limit instead of a
// garbage-collector multiplier.
//
// Building a pack allocates tens of megabytes of short-lived buffers (PDF
// pages, compressed streams, workbook parts) while keeping about 20 MB alive
// for two workers. With a multiplier (GOGC) the collector either runs
// constantly (GOGC=100: a third of a build's time once) or lets the heap grow
// to a multiple of whatever is alive (GOGC=400: 280–300 MB for 193 packs,
// 510 MB for 1000). With the collector driven by a limit alone, the heap
// grows to the limit and is collected there, whatever the number of
// countries, and the collector runs a few dozen times per build.
//
// A limit alone would make the collector run back to back if what is alive
// approached the limit (one huge country file does that: 2000 long cases
// keep about 200 MB alive). So after every collection the live heap is
// checked, and once it passes 70 % of the limit the process goes back to Go's
// defaults (GOGC=100, no limit) for the rest of its run: big inputs cost
// what they cost before, not a collector spinning at half the CPU.
//
// GOGC or GOMEMLIMIT in the environment turns all of this off: the runtime
// then does what they say.
//
// Measured with scripts/bench (193 packs, 2 cores): peak RSS about 105 MB
// with the 100 MiB limit, the collector at about 3 % of the CPU.
package memlimit
