package plan

import (
	"math/rand/v2"
	"testing"
	"time"
)

func hardInstance(seed uint64) *solver {
	rng := rand.New(rand.NewPCG(seed, seed))
	n, k := 200, 30
	day, elig, same, capacity := randomInstance(rng, n, k, 10+rng.IntN(60))
	for r := range elig {
		var e []int
		for _, m := range elig[r] {
			if rng.IntN(4) == 0 {
				e = append(e, m)
			}
		}
		elig[r] = e
	}
	for m := range capacity {
		capacity[m] = 1 + rng.IntN(8)
	}
	return newSolver(day, elig, same, capacity)
}

func BenchmarkHardTmp(b *testing.B) {
	for b.Loop() {
		s := hardInstance(2)
		s.nodeLimit = 200
		s.solve()
	}
}

func TestHardTmp(t *testing.T) {
	for seed := uint64(1); seed < 40; seed++ {
		s := hardInstance(seed)
		t0 := time.Now()
		res := s.solve()
		t1 := time.Now()
		s.improve()
		t2 := time.Now()
		t.Logf("seed %d: n=%d covered %d ub %d exact %v nodes %d solve %v improve %v", seed, len(s.day), s.count(), res.upperBound, res.exact, res.nodes, t1.Sub(t0), t2.Sub(t1))
	}
}
