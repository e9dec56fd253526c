package plan

import (
	"strings"

	"opkit/internal/model"
	"opkit/internal/names"
)

// Progress is what the plan cannot read in the workspace's input files but
// staff need to see: what has already been built and sent back. The
// command gathers it from disk (the packs folder, the returns folder) and
// hands it to Observe; Make stays pure.
type Progress struct {
	// Packs holds the codes (upper case) of the countries whose pack is
	// built in the output folder.
	Packs map[string]bool
	// Returns holds the codes of the countries with an accepted outcome
	// workbook in the returns folder.
	Returns map[string]bool
	// Checked is false when nobody looked (a plan made in a test, or by a
	// caller with no output folder): the plan then does not claim that
	// nothing is built or returned.
	Checked bool
}

// Observe records what was found on disk in every country's line.
func (p *Plan) Observe(pr Progress) {
	p.Progress = pr.Checked
	for i := range p.Countries {
		c := &p.Countries[i]
		c.PackBuilt = pr.Packs[c.Code]
		c.ReturnReceived = pr.Returns[c.Code]
	}
}

// eventFixed: an event is fixed once the partner has put into its file all
// an invitation needs (a format that is an event, a date, a city and a
// venue). The country file has no separate "confirmed" flag: partners
// fill these in when they have booked the room.
func eventFixed(e *model.Event) bool {
	return plannedFormat(e.Format) && !e.Date.IsZero() && strings.TrimSpace(e.City) != "" && strings.TrimSpace(e.Venue) != ""
}

// Assigned returns the Steering Committee member the plan sends to a
// country's event (code in upper case), or nil when it sends no one: the
// packs name this member, so the plan and the agendas cannot disagree.
func (p *Plan) Assigned(code string) *model.SCMember {
	cp := p.Country(code)
	if cp == nil || cp.SCMember == "" {
		return nil
	}
	m := p.SCMember(cp.SCMember)
	if m.ID == "" {
		return nil
	}
	return &m
}

// AssignedAll maps every country the plan sends a member to (upper-case
// code) to that member.
func (p *Plan) AssignedAll() map[string]model.SCMember {
	out := map[string]model.SCMember{}
	for _, a := range p.Assignments {
		if m := p.Assigned(a.Country); m != nil {
			out[a.Country] = *m
		}
	}
	return out
}

// standing is one country's progress in words: the four steps staff follow.
func (p *Plan) standing(c *CountryPlan) []string {
	yes := func(b bool) string {
		if b {
			return p.Words("yes")
		}
		return p.Words("no")
	}
	unchecked := func(b bool) string {
		if !p.Progress {
			return p.Words("standing.unchecked")
		}
		return yes(b)
	}
	return []string{unchecked(c.PackBuilt), yes(c.EventFixed), yes(c.Authority == "confirmed"), unchecked(c.ReturnReceived)}
}

// contactsSheet lists every partner of every country with its contact, so
// staff can reach the organisers from the plan; the lead partner first.
func (p *Plan) contactsSheet() sheet {
	w := p.Words
	s := sheet{name: w("sheet.contacts"), table: "Contacts", headers: []string{
		w("col.code"), w("col.country"), w("col.partner"), w("col.lead"), w("col.contact"), w("col.email"),
	}}
	for _, c := range p.Countries {
		for _, pt := range leadFirst(c.Partners) {
			lead := w("no")
			if pt.Lead {
				lead = w("yes")
			}
			s.rows = append(s.rows, []any{c.Code, c.Name, pt.Name, lead, pt.Contact, pt.Email})
		}
	}
	return s
}

// standingSheet is where each country stands, with the date returns are due.
func (p *Plan) standingSheet() sheet {
	w := p.Words
	s := sheet{name: w("sheet.standing"), table: "Standing", headers: []string{
		w("col.code"), w("col.country"), w("col.pack-built"), w("col.event-fixed"), w("col.authority-confirmed"), w("col.return-received"), w("col.returns-due"),
	}}
	for i := range p.Countries {
		c := &p.Countries[i]
		row := []any{c.Code, c.Name}
		for _, v := range p.standing(c) {
			row = append(row, v)
		}
		row = append(row, p.ReturnsDue)
		s.rows = append(s.rows, row)
	}
	return s
}

// leadFirst puts the lead partner first, the others in file order.
func leadFirst(ps []model.Partner) []model.Partner {
	out := make([]model.Partner, 0, len(ps))
	for _, pt := range ps {
		if pt.Lead {
			out = append(out, pt)
		}
	}
	for _, pt := range ps {
		if !pt.Lead {
			out = append(out, pt)
		}
	}
	return out
}

// standingCounts are the summary's figures of progress; packs built and
// returns received only when someone looked.
func (p *Plan) standingCounts() [][]any {
	var fixed, auth, built, returned int
	for _, c := range p.Countries {
		if c.EventFixed {
			fixed++
		}
		if c.Authority == "confirmed" {
			auth++
		}
		if c.PackBuilt {
			built++
		}
		if c.ReturnReceived {
			returned++
		}
	}
	rows := [][]any{{p.Words("sum.events-fixed"), fixed}, {p.Words("sum.authorities-confirmed"), auth}}
	if p.Progress {
		rows = append(rows, []any{p.Words("sum.packs-built"), built}, []any{p.Words("sum.returns-received"), returned})
	}
	return rows
}

// StandingView is where one country stands, in words ("Yes", "No", "not
// checked").
type StandingView struct {
	Code, Name                                     string
	Pack, Event, Authority, Return                 string
	PackDone, EventDone, AuthorityDone, ReturnDone bool
}

// ContactView is one partner organisation and how to reach it.
type ContactView struct {
	Code, Country           string
	Partner, Contact, Email string
	Lead                    bool
}

func (p *Plan) standingViews() ([]StandingView, []ContactView) {
	var st []StandingView
	var ct []ContactView
	for i := range p.Countries {
		c := &p.Countries[i]
		w := p.standing(c)
		st = append(st, StandingView{
			Code: c.Code, Name: c.Name, Pack: w[0], Event: w[1], Authority: w[2], Return: w[3],
			PackDone: c.PackBuilt, EventDone: c.EventFixed, AuthorityDone: c.Authority == "confirmed", ReturnDone: c.ReturnReceived,
		})
		for _, pt := range leadFirst(c.Partners) {
			ct = append(ct, ContactView{Code: c.Code, Country: c.Name, Partner: pt.Name, Contact: pt.Contact, Email: pt.Email, Lead: pt.Lead})
		}
	}
	return st, ct
}

// regionNames writes region codes in the plan's language.
func (p *Plan) regionNames(codes []string) []string {
	out := make([]string, len(codes))
	for i, r := range codes {
		out[i] = names.Region(r, p.Lang)
	}
	return out
}
