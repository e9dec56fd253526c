package plan

import (
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
