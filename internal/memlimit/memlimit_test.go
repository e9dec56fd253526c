package memlimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// restore puts Go's defaults back after a test changed them.
func restore(t *testing.T) {
	t.Cleanup(func() {
		fellBack.Store(true) // stops any armed sentinel
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

func TestEnvironmentWins(t *testing.T) {
	restore(t)
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(env, func(t *testing.T) {
			t.Setenv(env, "200")
			debug.SetMemoryLimit(math.MaxInt64)
			if Set() {
				t.Fatalf("Set changed the limits although %s is set", env)
			}
			if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
				t.Fatalf("limit %d, want none", got)
			}
		})
	}
}

func TestLimitWithoutMultiplier(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if !Set() {
		t.Fatal("Set did nothing with an empty environment")
	}
	if got := debug.SetMemoryLimit(-1); got != Default {
		t.Fatalf("limit %d, want %d", got, Default)
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("GOGC %d, want off", got)
	}
	// A small live heap keeps the limit through collections.
	for range 3 {
		runtime.GC()
	}
	time.Sleep(10 * time.Millisecond) // finalizers run on their own goroutine
	if fellBack.Load() {
		t.Fatal("fell back with a small live heap")
	}
}

// TestFallBack keeps 75 % of a small limit alive: after a
// collection the process must be back on Go's defaults, not collecting
// back to back against the limit.
func TestFallBack(t *testing.T) {
	restore(t)
	const limit = 32 << 20
	apply(limit)
	live := make([]byte, 24<<20)
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !fellBack.Load() && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	if !fellBack.Load() {
		t.Fatal("no fall back with 24 MB alive under a 32 MB limit")
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("GOGC %d after the fall back, want 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("limit %d after the fall back, want none", got)
	}
}
