package plan

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// brute covers the most requests by trying every choice; tiny instances only.
func brute(day []int, elig [][]int, capacity []int) int {
	n := len(day)
	choice := make([]int, n)
	best := 0
	var rec func(r, covered int)
	rec = func(r, covered int) {
		if covered+(n-r) <= best {
			return
		}
		if r == n {
			best = covered
			return
		}
		for _, m := range elig[r] {
			load := 0
			ok := true
			for o := 0; o < r; o++ {
				if choice[o] == m {
					load++
					if abs(day[o]-day[r]) <= 1 {
						ok = false
					}
				}
			}
			if ok && load < capacity[m] {
				choice[r] = m
				rec(r+1, covered+1)
			}
		}
		choice[r] = -1
		rec(r+1, covered)
	}
	rec(0, 0)
	return best
}

func randomInstance(rng *rand.Rand, n, k, days int) ([]int, [][]int, [][]bool, []int) {
	day := make([]int, n)
	elig := make([][]int, n)
	same := make([][]bool, n)
	capacity := make([]int, k)
	for m := range k {
		capacity[m] = 1 + rng.IntN(3)
	}
	for r := range n {
		day[r] = rng.IntN(days)
		same[r] = make([]bool, k)
		for m := range k {
			if rng.IntN(2) == 0 {
				elig[r] = append(elig[r], m)
			}
			same[r][m] = rng.IntN(3) == 0
		}
	}
	return day, elig, same, capacity
}

func checkFeasible(t *testing.T, s *solver, a []int) int {
	t.Helper()
	n := 0
	for r, m := range a {
		if m < 0 {
			continue
		}
		n++
		found := false
		for _, e := range s.elig[r] {
			found = found || e == m
		}
		if !found {
			t.Fatalf("request %d given to ineligible member %d", r, m)
		}
		load := 0
		for o, mo := range a {
			if mo != m {
				continue
			}
			load++
			if o != r && abs(s.day[o]-s.day[r]) <= 1 {
				t.Fatalf("member %d has requests %d and %d within a day", m, r, o)
			}
		}
		if load > s.cap[m] {
			t.Fatalf("member %d over capacity: %d > %d", m, load, s.cap[m])
		}
	}
	return n
}

// TestSolverMatchesExhaustive compares the search with every possible
// assignment on random small instances, with and without the heuristic,
// so that branch and bound alone is shown exact.
func TestSolverMatchesExhaustive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	branched := 0
	defer func() {
		// The instances must exercise the branching, not only the root.
		if branched < 10 {
			t.Errorf("only %d instances needed branching", branched)
		}
	}()
	for i := range 400 {
		n, k := 1+rng.IntN(9), 1+rng.IntN(3)
		day, elig, same, capacity := randomInstance(rng, n, k, 2+rng.IntN(8))
		want := brute(day, elig, capacity)
		for _, noH := range []bool{false, true} {
			s := newSolver(day, elig, same, capacity)
			s.noHeuristic = noH
			res := s.solve()
			got := checkFeasible(t, s, res.assign)
			if noH && res.nodes > 1 {
				branched++
			}
			if got != want || !res.exact {
				t.Fatalf("instance %d (heuristic off: %v): covered %d, exhaustive %d (exact %v)\nday=%v elig=%v cap=%v", i, noH, got, want, res.exact, day, elig, capacity)
			}
			s.improve()
			if after := checkFeasible(t, s, s.assign); after != want {
				t.Fatalf("instance %d: improve changed the count %d -> %d", i, want, after)
			}
		}
	}
}

// TestSolverBoundedFallsBack shows a search stopped after one node still
// returns a feasible assignment and says it is not proven.
func TestSolverBoundedFallsBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	day, elig, same, capacity := randomInstance(rng, 40, 5, 10)
	s := newSolver(day, elig, same, capacity)
	s.nodeLimit = 1
	s.noHeuristic = true
	res := s.solve()
	checkFeasible(t, s, res.assign)
	if res.nodes != 1 {
		t.Fatalf("nodes = %d, want 1", res.nodes)
	}
	if res.upperBound < checkFeasible(t, s, res.assign) {
		t.Fatalf("upper bound %d below the count", res.upperBound)
	}
}

// hardInstance is adversarial, far denser than a campaign: 200 requests
// crammed into 10 to 70 days, each member eligible at random.
func hardInstance(seed uint64) *solver {
	rng := rand.New(rand.NewPCG(seed, seed))
	day, elig, same, capacity := randomInstance(rng, 200, 30, 10+rng.IntN(60))
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

// BenchmarkAssignAdversarial measures the search on the instances of
// seeds 1-39 that need the most branching (from ~20 to ~370 nodes before
// the bound is met), far denser than any campaign.
func BenchmarkAssignAdversarial(b *testing.B) {
	for _, seed := range []uint64{8, 19, 24, 21} {
		b.Run(fmt.Sprint("seed", seed), func(b *testing.B) {
			var res result
			for b.Loop() {
				s := hardInstance(seed)
				res = s.solve()
				s.improve()
			}
			b.ReportMetric(float64(res.nodes), "nodes")
			b.ReportMetric(float64(res.upperBound), "bound")
			b.ReportMetric(float64(countAssigned(res.assign)), "covered")
		})
	}
}

func countAssigned(a []int) int {
	n := 0
	for _, m := range a {
		if m >= 0 {
			n++
		}
	}
	return n
}

// TestSolverPruningAgrees checks the Lagrangian pruning and the heuristic
// on instances too big for the exhaustive search: the plain flow branch
// and bound, exact on its own (above), must reach the same count.
func TestSolverPruningAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	branched := 0
	for i := range 60 {
		n, k := 25+rng.IntN(15), 3+rng.IntN(4)
		day, elig, same, capacity := randomInstance(rng, n, k, 5+rng.IntN(10))
		for m := range capacity {
			capacity[m] = 2 + rng.IntN(6)
		}
		plain := newSolver(day, elig, same, capacity)
		plain.noHeuristic = true
		plain.nodeLimit = 1 << 20
		want := plain.solve()
		full := newSolver(day, elig, same, capacity)
		got := full.solve()
		if want.nodes > 1 {
			branched++
		}
		if !want.exact || !got.exact {
			t.Fatalf("instance %d: not exact (plain %v, full %v)", i, want.exact, got.exact)
		}
		if a, b := checkFeasible(t, plain, want.assign), checkFeasible(t, full, got.assign); a != b || got.upperBound != b {
			t.Fatalf("instance %d: plain search covers %d, full search %d (bound %d)", i, a, b, got.upperBound)
		}
	}
	if branched < 20 {
		t.Errorf("only %d instances needed branching", branched)
	}
}

// TestSolverAdversarialFeasible runs the whole search on dense instances
// and checks what it returns keeps every rule and stays under its bound.
func TestSolverAdversarialFeasible(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, seed := range []uint64{2, 8, 19} {
		s := hardInstance(seed)
		res := s.solve()
		s.improve()
		if n := checkFeasible(t, s, s.assign); n > res.upperBound || n != countAssigned(res.assign) {
			t.Errorf("seed %d: covered %d, bound %d, before the preference pass %d", seed, n, res.upperBound, countAssigned(res.assign))
		}
	}
}
