package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// Default is the heap limit opkit runs under unless the environment says
// otherwise: about 20 MB live for a build, the rest headroom between
// collections, peak RSS well under 150 MB.
const Default = 100 << 20

// Set applies Default unless GOGC or GOMEMLIMIT is set. It reports whether
// it changed anything.
func Set() bool {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return false
	}
	apply(Default)
	return true
}

// fallBackAt is the share of the limit the live heap may reach before the
// process goes back to Go's defaults: below it, a collection frees at
// least 30 % of the limit, so the collector does not run much more than
// with GOGC=100; above it, it would run back to back.
const fallBackAt = 0.7

// fellBack is set once the live heap outgrew fallBackAt of the limit.
var fellBack atomic.Bool

func apply(limit int64) {
	fellBack.Store(false)
	debug.SetMemoryLimit(limit)
	debug.SetGCPercent(-1)
	watch(limit)
}

// sentinel carries a finalizer that runs after each collection that finds
// it unreachable; it re-arms itself until the process falls back. It holds
// a pointer so that it is not batched by the tiny allocator, whose objects
// may never be finalised.
type sentinel struct{ _ *int }

func watch(limit int64) {
	var check func(*sentinel)
	check = func(s *sentinel) {
		if fellBack.Load() {
			return
		}
		if live := liveHeap(); float64(live) > fallBackAt*float64(limit) {
			fellBack.Store(true)
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		runtime.SetFinalizer(s, check)
	}
	runtime.SetFinalizer(&sentinel{}, check)
}

func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
