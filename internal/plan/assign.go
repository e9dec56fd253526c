package plan

import (
	"slices"
	"strings"

	"opkit/internal/model"
)

// assign fills Requests, Assignments, Gaps, Members and Search.
func (p *Plan) assign(ws *model.Workspace) {
	members := slices.Clone(ws.Campaign.Steering)
	slices.SortStableFunc(members, func(a, b model.SCMember) int { return strings.Compare(a.ID, b.ID) })
	p.Campaign.Steering = members

	for _, cp := range p.Countries {
		if cp.SCRequested {
			p.Requests = append(p.Requests, Request{Country: cp.Code, Date: cp.EventDate, Languages: cp.Languages, Region: cp.Region})
		}
	}
	// By date, undated requests last, then by code.
	slices.SortStableFunc(p.Requests, func(a, b Request) int {
		switch {
		case a.Date.IsZero() != b.Date.IsZero():
			if a.Date.IsZero() {
				return 1
			}
			return -1
		case a.Date != b.Date:
			return a.Date.Compare(b.Date)
		}
		return strings.Compare(a.Country, b.Country)
	})

	n, k := len(p.Requests), len(members)
	day := make([]int, n)
	elig := make([][]int, n)
	same := make([][]bool, n)
	capacity := make([]int, k)
	for m, sc := range members {
		capacity[m] = max(sc.MaxEvents, 0)
	}
	for r, rq := range p.Requests {
		same[r] = make([]bool, k)
		for m, sc := range members {
			same[r][m] = sc.Covers(model.Region(rq.Region))
		}
		if rq.Date.IsZero() {
			continue
		}
		day[r] = int(rq.Date.Time().Unix() / 86400)
		for _, m := range able(members, rq) {
			if capacity[m] > 0 {
				elig[r] = append(elig[r], m)
			}
		}
		// Same region first; the search tries members in this order, so
		// the preference shapes the first assignment found too.
		slices.SortStableFunc(elig[r], func(a, b int) int {
			switch {
			case same[r][a] == same[r][b]:
				return a - b
			case same[r][a]:
				return -1
			}
			return 1
		})
	}

	s := newSolver(day, elig, same, capacity)
	res := s.solve()
	s.improve()
	s.fill()
	covered := s.count()
	p.Search = Search{Covered: covered, UpperBound: max(res.upperBound, covered), Exact: res.exact, Nodes: res.nodes}

	for _, sc := range members {
		p.Members = append(p.Members, MemberLoad{ID: sc.ID, Name: sc.Name, Organisation: sc.Organisation, Regions: regionCodes(sc.Regions), MaxEvents: sc.MaxEvents})
	}
	for r, rq := range p.Requests {
		cp := p.Country(rq.Country)
		if m := s.assign[r]; m >= 0 {
			p.Assignments = append(p.Assignments, Assignment{Country: rq.Country, Date: rq.Date, Member: members[m].ID, SameRegion: same[r][m]})
			p.Members[m].Countries = append(p.Members[m].Countries, rq.Country)
			cp.SCMember = members[m].ID
			continue
		}
		p.Gaps = append(p.Gaps, p.gap(s, members, r, rq))
	}
}

// able lists the members who speak a language of the request and are
// available on its date, whatever their load.
func able(members []model.SCMember, rq Request) []int {
	var out []int
	for m, sc := range members {
		if speaksAny(sc, rq.Languages) && sc.AvailableOn(rq.Date) {
			out = append(out, m)
		}
	}
	return out
}

func speaksAny(sc model.SCMember, langs []string) bool {
	for _, l := range langs {
		if hasFold(sc.Languages, l) {
			return true
		}
	}
	return false
}

func hasFold(list []string, s string) bool {
	s = strings.TrimSpace(s)
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

// gap says why request r stayed uncovered. With a maximal assignment every
// member able to go is at capacity or busy within a day, else the search
// would have sent them.
func (p *Plan) gap(s *solver, members []model.SCMember, r int, rq Request) Gap {
	g := Gap{Country: rq.Country, Date: rq.Date, Languages: rq.Languages}
	if rq.Date.IsZero() {
		g.Reason = "no-date"
		return g
	}
	speaks := false
	for _, sc := range members {
		if speaksAny(sc, rq.Languages) {
			speaks = true
		}
	}
	if !speaks {
		g.Reason = "no-language"
		return g
	}
	ab := able(members, rq)
	if len(ab) == 0 {
		g.Reason = "no-availability"
		return g
	}
	full, busy := 0, 0
	for _, m := range ab {
		g.Able = append(g.Able, members[m].ID)
		switch {
		case len(s.byMember[m]) >= s.cap[m]:
			full++
		case len(s.blockers(m, r, nil)) > 0:
			busy++
		}
	}
	switch {
	case full == len(ab):
		g.Reason = "at-capacity"
	case busy == len(ab):
		g.Reason = "busy-nearby"
	default:
		g.Reason = "at-capacity-or-busy"
	}
	return g
}

// regionCodes gives the member's region codes as text, for the plan's tables.
func regionCodes(rs []model.Region) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}
