package plan

import (
	"math"
	"slices"
)

// lagrangeBound is a second upper bound, tighter than the flow on dense
// instances: relaxing "each request is covered at most once" with a price
// per request splits the problem into one small problem per member (pick
// days at least two apart, at most max_events of them, each worth its best
// request's 1 - price), which a dynamic programme solves exactly. Since a
// member's own constraints form an interval matrix, the best prices give
// the linear-programming bound of the whole problem; subgradient steps
// approach them. Returns the bound, rounded down; it stops early once the
// bound reaches target, the count of the best assignment known. lambda
// holds the starting prices and is left with the last ones, so a node of
// the search can start from its parent's.
func (s *solver) lagrangeBound(iters, target int, bans []ban, lambda []float64) int {
	n, k := len(s.day), len(s.cap)
	byDay := s.memberDays()
	g := make([]float64, n)
	best := math.Inf(1)
	theta := 2.0
	stall := 0
	var f, val []float64
	var pick, prev []int
	for it := 0; it < iters; it++ {
		total := 0.0
		for r := range n {
			total += lambda[r]
			g[r] = 1
			if len(s.elig[r]) == 0 {
				g[r] = 0
			}
		}
		for m := range k {
			days := byDay[m]
			c := s.cap[m]
			if c == 0 || len(days) == 0 {
				continue
			}
			// value and request of each day
			D := len(days)
			pick = slices.Grow(pick[:0], D)[:D]
			val = slices.Grow(val[:0], D)[:D]
			prev = slices.Grow(prev[:0], D)[:D]
			j := -1
			for i, d := range days {
				pick[i] = -1
				if banned(bans, m, d.day) {
					continue
				}
				for _, r := range d.reqs {
					if v := 1 - lambda[r]; v > 0 && (pick[i] < 0 || v > val[i]) {
						val[i], pick[i] = v, r
					}
				}
				for j+1 < i && days[j+1].day <= d.day-2 {
					j++
				}
				prev[i] = j
			}
			// f[(i+1)*(c+1)+q]: best over the first i+1 days with q picks.
			f = slices.Grow(f[:0], (D+1)*(c+1))[:(D+1)*(c+1)]
			clear(f)
			for i := range D {
				for q := 0; q <= c; q++ {
					v := f[i*(c+1)+q]
					if q > 0 && pick[i] >= 0 {
						if w := f[(prev[i]+1)*(c+1)+q-1] + val[i]; w > v {
							v = w
						}
					}
					f[(i+1)*(c+1)+q] = v
				}
			}
			bq := 0
			for q := 0; q <= c; q++ {
				if f[D*(c+1)+q] > f[D*(c+1)+bq] {
					bq = q
				}
			}
			total += f[D*(c+1)+bq]
			// Walk back to find the days taken.
			for i, q := D-1, bq; i >= 0 && q > 0; {
				if f[(i+1)*(c+1)+q] == f[i*(c+1)+q] {
					i--
					continue
				}
				g[pick[i]]--
				i, q = prev[i], q-1
			}
		}
		if total < best-1e-9 {
			best = total
			stall = 0
		} else if stall++; stall >= 8 {
			theta /= 2
			stall = 0
		}
		if int(math.Floor(best+1e-6)) <= target || theta < 1e-4 {
			break
		}
		norm := 0.0
		for _, x := range g {
			norm += float64(x * x)
		}
		if norm == 0 {
			break
		}
		// Explicit conversions keep the compiler from fusing multiply-adds,
		// so every platform takes the same steps.
		step := float64(theta*(total-float64(target))) / norm
		for r := range lambda {
			lambda[r] = max(0, lambda[r]-float64(step*g[r]))
		}
	}
	return int(math.Floor(best + 1e-6))
}

// dayReqs are the requests a member may take on one day.
type dayReqs struct {
	day  int
	reqs []int
}

// memberDays lists, per member, the days it could attend with their
// requests, by day; built once per solver.
func (s *solver) memberDays() [][]dayReqs {
	if s.days != nil {
		return s.days
	}
	byDay := make([][]dayReqs, len(s.cap))
	for r := range s.day {
		for _, m := range s.elig[r] {
			byDay[m] = append(byDay[m], dayReqs{day: s.day[r], reqs: []int{r}})
		}
	}
	for m := range byDay {
		slices.SortStableFunc(byDay[m], func(a, b dayReqs) int { return a.day - b.day })
		l := byDay[m][:0]
		for _, d := range byDay[m] {
			if i := len(l) - 1; i >= 0 && l[i].day == d.day {
				l[i].reqs = append(l[i].reqs, d.reqs...)
			} else {
				l = append(l, d)
			}
		}
		byDay[m] = l
	}
	s.days = byDay
	return byDay
}

// initialPrices starts every coverable request at one half.
func (s *solver) initialPrices() []float64 {
	lambda := make([]float64, len(s.day))
	for r := range lambda {
		if len(s.elig[r]) > 0 {
			lambda[r] = 0.5
		}
	}
	return lambda
}
