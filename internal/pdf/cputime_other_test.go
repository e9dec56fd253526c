//go:build !unix

package pdf

import "time"

// cpuTime is unavailable here; the benchmark then reports 0 cpu-ms/op.
func cpuTime() time.Duration { return 0 }
