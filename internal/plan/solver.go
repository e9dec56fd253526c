package plan

import (
	"math"
	"slices"
)

// solver assigns requests to members in plain integers, apart from the
// model, so that tests can compare it with an exhaustive search.
type solver struct {
	day  []int   // per request: days since an arbitrary origin
	elig [][]int // per request: members able to go, preferred first
	same [][]bool
	cap  []int // per member

	// nodeLimit bounds the branch and bound; 0 means defaultNodeLimit.
	nodeLimit int
	// noHeuristic makes the search rely on branch and bound alone (tests).
	noHeuristic bool

	// state of the current solution
	assign   []int   // per request: member or -1
	byMember [][]int // per member: requests assigned

	g        dinic
	nodes    int
	pairings [2]*pairing
	edgeOf   [][]int
	days     [][]dayReqs // per member, for the Lagrangian bound
}

// defaultNodeLimit keeps a pathological instance to about half a second
// (1000 nodes of 200 requests × 30 members take ~0.4 s on one core), and is
// a count, not a clock, so the result never depends on the machine's speed.
// Realistic campaigns close at the root or within a few dozen nodes.
const defaultNodeLimit = 1000

// thoroughNodes is how many nodes of the search get the full augmenting
// heuristic; deeper nodes get the linear-time pass, which is ten times
// cheaper and matters less once the first good solutions are known.
const thoroughNodes = 16

// lagrangeIters bounds the subgradient steps of the root's second bound: a
// few milliseconds, spent only when the flow bound leaves a gap.
const lagrangeIters = 300

// nodeLagrangeIters is the steps taken at each later node, from the root's
// prices.
const nodeLagrangeIters = 20

type result struct {
	assign     []int
	upperBound int
	exact      bool
	nodes      int
}

func newSolver(day []int, elig [][]int, same [][]bool, capacity []int) *solver {
	s := &solver{day: day, elig: elig, same: same, cap: capacity}
	s.assign = make([]int, len(day))
	s.byMember = make([][]int, len(capacity))
	s.clear()
	return s
}

func (s *solver) clear() {
	for i := range s.assign {
		s.assign[i] = -1
	}
	for m := range s.byMember {
		s.byMember[m] = s.byMember[m][:0]
	}
}

func (s *solver) count() int {
	n := 0
	for _, m := range s.assign {
		if m >= 0 {
			n++
		}
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// blockers lists the requests of m within one day of r.
func (s *solver) blockers(m, r int, buf []int) []int {
	buf = buf[:0]
	for _, o := range s.byMember[m] {
		if abs(s.day[o]-s.day[r]) <= 1 {
			buf = append(buf, o)
		}
	}
	return buf
}

func (s *solver) canTake(m, r int) bool {
	if len(s.byMember[m]) >= s.cap[m] {
		return false
	}
	for _, o := range s.byMember[m] {
		if abs(s.day[o]-s.day[r]) <= 1 {
			return false
		}
	}
	return true
}

func (s *solver) put(m, r int) {
	s.assign[r] = m
	s.byMember[m] = append(s.byMember[m], r)
}

func (s *solver) take(r int) {
	m := s.assign[r]
	s.assign[r] = -1
	l := s.byMember[m]
	i := slices.Index(l, r)
	s.byMember[m] = append(l[:i], l[i+1:]...)
}

// load installs an assignment, keeping only what is feasible in request
// order; used to turn a relaxed solution into a real one.
func (s *solver) load(a []int) {
	s.clear()
	for r, m := range a {
		if m >= 0 && s.canTake(m, r) {
			s.put(m, r)
		}
	}
}

// augment tries to cover r, moving already assigned requests along a chain
// of members when needed (an ejection chain, like an augmenting path in
// bipartite matching). visited keeps each request to one move per attempt
// so the search is linear in the size of the instance.
func (s *solver) augment(r int, visited []bool) bool {
	for _, m := range s.elig[r] {
		if s.canTake(m, r) {
			s.put(m, r)
			return true
		}
	}
	var buf [2]int
	for _, m := range s.elig[r] {
		bl := s.blockers(m, r, buf[:0])
		var tmp [8]int
		cands := tmp[:0]
		switch {
		case len(bl) == 1:
			cands = append(cands, bl[0])
		case len(bl) == 0 && len(s.byMember[m]) >= s.cap[m] && s.cap[m] > 0:
			cands = append(cands, s.byMember[m]...)
		}
		for _, b := range cands {
			if visited[b] {
				continue
			}
			visited[b] = true
			s.take(b)
			s.put(m, r)
			if s.augment(b, visited) {
				return true
			}
			s.take(r)
			s.put(m, b)
		}
	}
	return false
}

// fill covers what augmenting chains can, until a full pass adds nothing.
func (s *solver) fill() { s.fillPasses(true) }

// fillQuick is one pass in which every request moves at most once in all,
// as in one phase of Hopcroft-Karp: linear time, for the inner nodes of the
// search where a cheap lower bound is worth more than a strong one.
func (s *solver) fillQuick() { s.fillPasses(false) }

func (s *solver) fillPasses(thorough bool) {
	visited := make([]bool, len(s.day))
	for {
		progress := false
		for r := range s.day {
			if s.assign[r] >= 0 || len(s.elig[r]) == 0 {
				continue
			}
			// A failed search leaves the assignment as it was, so the
			// requests it visited still cannot make room: keep them marked
			// until an augmentation changes the assignment (as Kuhn's
			// algorithm does), which keeps a pass near linear.
			visited[r] = true
			if s.augment(r, visited) {
				progress = true
				if thorough {
					clear(visited)
				}
			}
		}
		if !progress || !thorough {
			return
		}
	}
}

type ban struct{ m, day int }

// pairing is the fixed part of a relaxation graph: which (member, pair of
// days) slot each eligible edge of a request goes to. Built once per
// parity; a node of the search only skips banned edges.
type pairing struct {
	slotOf     [][]int // per request, per eligible member: slot index
	slotMember []int   // per slot: member
}

func (s *solver) pairing(parity int) *pairing {
	if s.pairings[parity] != nil {
		return s.pairings[parity]
	}
	type key struct{ m, pair int }
	ids := map[key]int{}
	pg := &pairing{slotOf: make([][]int, len(s.day))}
	for r := range s.day {
		pg.slotOf[r] = make([]int, len(s.elig[r]))
		for i, m := range s.elig[r] {
			kk := key{m, floorDiv(s.day[r]+parity, 2)}
			id, ok := ids[kk]
			if !ok {
				id = len(pg.slotMember)
				ids[kk] = id
				pg.slotMember = append(pg.slotMember, m)
			}
			pg.slotOf[r][i] = id
		}
	}
	s.pairings[parity] = pg
	return pg
}

// relax solves the relaxation in which a member takes at most one event in
// each pair of consecutive days (pairs starting on even days for parity 0,
// odd days for parity 1) and never a banned day. Both pairings are implied
// by the one-day rule, so the flow is an upper bound; what it misses are
// events on the two days either side of a pair boundary. The relaxed
// assignment is written into a.
func (s *solver) relax(parity int, bans []ban, a []int) int {
	pg := s.pairing(parity)
	n, k := len(s.day), len(s.cap)
	slotBase := 1 + n
	memberBase := slotBase + len(pg.slotMember)
	t := memberBase + k
	g := &s.g
	g.reset(t + 1)
	if cap(s.edgeOf) < n {
		s.edgeOf = make([][]int, n)
	}
	s.edgeOf = s.edgeOf[:n]
	for r := range n {
		g.edge(0, 1+r, 1)
		s.edgeOf[r] = s.edgeOf[r][:0]
		for i, m := range s.elig[r] {
			e := -1
			if !banned(bans, m, s.day[r]) {
				e = g.edge(1+r, slotBase+pg.slotOf[r][i], 1)
			}
			s.edgeOf[r] = append(s.edgeOf[r], e)
		}
	}
	for id, m := range pg.slotMember {
		g.edge(slotBase+id, memberBase+m, 1)
	}
	for m := range k {
		if s.cap[m] > 0 {
			g.edge(memberBase+m, t, s.cap[m])
		}
	}
	v := g.maxflow(0, t)
	for r := range n {
		a[r] = -1
		for i, e := range s.edgeOf[r] {
			if e >= 0 && g.cap[e] == 0 {
				a[r] = s.elig[r][i]
			}
		}
	}
	return v
}

func banned(bans []ban, m, d int) bool {
	for _, b := range bans {
		if b.m == m && b.day == d {
			return true
		}
	}
	return false
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// conflict finds the first member with two requests a day apart in a
// relaxed solution: the member, and the two days.
func (s *solver) conflict(a []int) (m, d1, d2 int, ok bool) {
	days := make([][]int, len(s.cap))
	for r, mm := range a {
		if mm >= 0 {
			days[mm] = append(days[mm], s.day[r])
		}
	}
	for mm, ds := range days {
		slices.Sort(ds)
		for i := 1; i < len(ds); i++ {
			if ds[i]-ds[i-1] <= 1 {
				return mm, ds[i-1], ds[i], true
			}
		}
	}
	return 0, 0, 0, false
}

// solve finds an assignment covering the most requests.
func (s *solver) solve() result {
	limit := s.nodeLimit
	if limit == 0 {
		limit = defaultNodeLimit
	}
	best := make([]int, len(s.day))
	for i := range best {
		best[i] = -1
	}
	bestN := 0
	consider := func(a []int) {
		s.load(a)
		switch {
		case s.noHeuristic:
		case s.nodes <= thoroughNodes:
			s.fill()
		default:
			s.fillQuick()
		}
		if c := s.count(); c > bestN {
			bestN = c
			copy(best, s.assign)
		}
	}
	rootUB := -1
	aborted := false
	// proven is the best bound known for the whole problem; the search
	// stops as soon as an assignment reaches it.
	proven := math.MaxInt
	var prices []float64 // the root's Lagrangian prices, nil when unused
	var bb func(bans []ban)
	bb = func(bans []ban) {
		if bestN >= proven {
			return
		}
		if s.nodes >= limit {
			aborted = true
			return
		}
		s.nodes++
		a0, a1 := make([]int, len(s.day)), make([]int, len(s.day))
		v0 := s.relax(0, bans, a0)
		if v0 <= bestN {
			return
		}
		v1 := s.relax(1, bans, a1)
		v, a := v0, a0
		if v1 < v0 {
			v, a = v1, a1
		}
		root := rootUB < 0
		if root {
			rootUB = v
			proven = v
			if v > bestN && !s.noHeuristic {
				prices = s.initialPrices()
				proven = min(v, s.lagrangeBound(lagrangeIters, bestN, nil, prices))
				v = proven
			}
		}
		if v <= bestN {
			return
		}
		if !root && prices != nil {
			// A few steps from the root's prices tighten the node's bound
			// enough to prune most of what the flow alone would branch on.
			v = min(v, s.lagrangeBound(nodeLagrangeIters, bestN, bans, slices.Clone(prices)))
			if v <= bestN {
				return
			}
		}
		m, d1, d2, ok := s.conflict(a)
		consider(a)
		if !ok || bestN >= v {
			return
		}
		n := len(bans)
		bb(append(bans[:n:n], ban{m, d2}))
		bb(append(bans[:n:n], ban{m, d1}))
	}
	if !s.noHeuristic {
		s.clear()
		s.fill()
		bestN = s.count()
		copy(best, s.assign)
	}
	bb(nil)
	if aborted {
		// Improve on the best found with augmenting chains from it.
		s.load(best)
		s.fill()
		if s.count() > bestN {
			bestN = s.count()
			copy(best, s.assign)
		}
	}
	if !aborted || rootUB < bestN {
		// A finished search proves its best; the root bound can only be
		// looser.
		rootUB = bestN
	}
	rootUB = min(rootUB, proven)
	s.load(best)
	return result{assign: best, upperBound: rootUB, exact: !aborted || bestN >= proven, nodes: s.nodes}
}

// improve prefers, among assignments covering as many requests, members of
// the event's region and then an even load: it applies moves, swaps and
// replacements that each lower (region mismatches, sum of squared loads)
// and never change the number covered, until a full pass finds none. Each
// step strictly lowers that pair, so the loop ends.
func (s *solver) improve() {
	isElig := make([][]bool, len(s.day))
	for r, ms := range s.elig {
		isElig[r] = make([]bool, len(s.cap))
		for _, m := range ms {
			isElig[r][m] = true
		}
	}
	mis := func(r, m int) int {
		if s.same[r][m] {
			return 0
		}
		return 1
	}
	for changed := true; changed; {
		changed = false
		// Move one request to another member.
		for r := range s.day {
			a := s.assign[r]
			if a < 0 {
				continue
			}
			for _, m := range s.elig[r] {
				if m == a {
					continue
				}
				dm := mis(r, m) - mis(r, a)
				dl := (2*len(s.byMember[m]) + 1) - (2*len(s.byMember[a]) - 1)
				if (dm < 0 || dm == 0 && dl < 0) && s.canTake(m, r) {
					s.take(r)
					s.put(m, r)
					a = m
					changed = true
				}
			}
		}
		// Swap two requests between members to bring one home.
		for r1 := range s.day {
			a := s.assign[r1]
			if a < 0 || mis(r1, a) == 0 {
				continue
			}
		members:
			for _, b := range s.elig[r1] {
				if b == a || mis(r1, b) != 0 {
					continue
				}
				for _, r2 := range slices.Clone(s.byMember[b]) {
					if !isElig[r2][a] || mis(r2, a)-mis(r2, b) >= 1 {
						continue
					}
					s.take(r1)
					s.take(r2)
					if s.canTake(b, r1) {
						s.put(b, r1)
						if s.canTake(a, r2) {
							s.put(a, r2)
							changed = true
							break members
						}
						s.take(r1)
					}
					s.put(a, r1)
					s.put(b, r2)
				}
			}
		}
		// Replace a request served from outside its region by an uncovered
		// one of the member's region.
		for u := range s.day {
			if s.assign[u] >= 0 {
				continue
			}
		slots:
			for _, m := range s.elig[u] {
				if mis(u, m) != 0 {
					continue
				}
				for _, r := range slices.Clone(s.byMember[m]) {
					if mis(r, m) == 0 {
						continue
					}
					s.take(r)
					if s.canTake(m, u) {
						s.put(m, u)
						changed = true
						break slots
					}
					s.put(m, r)
				}
			}
		}
	}
}
