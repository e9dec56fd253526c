package plan

// dinic is a small max-flow solver for the relaxation of the assignment.
// Capacities are small integers and the graph is rebuilt for every
// branch-and-bound node: building costs less than undoing flow, and a
// fresh graph keeps the search free of hidden state.
type dinic struct {
	head  []int32
	next  []int32
	to    []int32
	cap   []int32
	level []int32
	iter  []int32
	queue []int32
}

func (g *dinic) reset(n int) {
	g.head = grow(g.head, n)
	for i := range g.head {
		g.head[i] = -1
	}
	g.next, g.to, g.cap = g.next[:0], g.to[:0], g.cap[:0]
	g.level = grow(g.level, n)
	g.iter = grow(g.iter, n)
}

func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// edge adds u->v with capacity c and returns its index; the reverse edge is
// index^1.
func (g *dinic) edge(u, v, c int) int {
	e := len(g.to)
	g.to = append(g.to, int32(v), int32(u))
	g.cap = append(g.cap, int32(c), 0)
	g.next = append(g.next, g.head[u], g.head[v])
	g.head[u] = int32(e)
	g.head[v] = int32(e + 1)
	return e
}

func (g *dinic) bfs(s, t int) bool {
	for i := range g.level {
		g.level[i] = -1
	}
	g.queue = append(g.queue[:0], int32(s))
	g.level[s] = 0
	for qi := 0; qi < len(g.queue); qi++ {
		u := g.queue[qi]
		for e := g.head[u]; e >= 0; e = g.next[e] {
			if g.cap[e] > 0 && g.level[g.to[e]] < 0 {
				g.level[g.to[e]] = g.level[u] + 1
				g.queue = append(g.queue, g.to[e])
			}
		}
	}
	return g.level[t] >= 0
}

func (g *dinic) dfs(u, t int32, f int32) int32 {
	if u == t {
		return f
	}
	for ; g.iter[u] >= 0; g.iter[u] = g.next[g.iter[u]] {
		e := g.iter[u]
		v := g.to[e]
		if g.cap[e] > 0 && g.level[v] == g.level[u]+1 {
			if d := g.dfs(v, t, min(f, g.cap[e])); d > 0 {
				g.cap[e] -= d
				g.cap[e^1] += d
				return d
			}
		}
	}
	return 0
}

func (g *dinic) maxflow(s, t int) int {
	total := 0
	for g.bfs(s, t) {
		copy(g.iter, g.head)
		for {
			f := g.dfs(int32(s), int32(t), 1<<30)
			if f == 0 {
				break
			}
			total += int(f)
		}
	}
	return total
}
