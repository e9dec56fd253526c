package report

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/outcome"
)

// Sharing is what a return may show in the PDF, from the most open to the
// most closed.
type Sharing int

const (
	// Public returns are named with their content.
	Public Sharing = iota
	// Anonymised returns appear as "A country in REGION", their text scrubbed
	// of names and their authority, city, partners and cases left out.
	Anonymised
	// CoalitionOnly returns are counted in the figures; nothing of their
	// text reaches the PDF.
	CoalitionOnly
)

// Data is what templates/LANG/report.md.tmpl receives. Strings are plain
// text as partners wrote them (scrubbed for anonymised returns); the
// template escapes them with md, text, quote or cell.
type Data struct {
	Lang     string
	Campaign *model.Campaign
	Stamp    time.Time

	Counts     Counts
	SignBars   []Bar // every option of op_sign_position in list order, then other answers
	RatifyBars []Bar

	Countries     []Page // public then anonymised, in table order; not coalition-only
	Opportunities []Item // across countries
	Challenges    []Group
	NextSteps     []Item
	Support       []Item // support asked of the Coalition: the return's request and next steps marked so
	Awaited       []string
}

// Counts are the summary figures. Every accepted return counts, whatever
// its sharing; Public/Anonymised/CoalitionOnly say how many of each.
type Counts struct {
	Countries, Files, Returns, Rejected, Superseded, Duplicate, Awaited int
	Public, Anonymised, CoalitionOnly                                   int
	Held, Postponed, NotHeld, Authorities, Participants, Organisations  int
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Count int
}

// Group is the challenges of one type.
type Group struct {
	Type  string
	Items []Item
}

// Item is one row of a table of a return, with the country it came from.
type Item struct {
	Country   string // display name: the country's, or "A country in REGION"
	Text      string
	Who       string     // who can act / responsible
	Type      string     // challenge type label
	Deadline  model.Date // next steps
	Support   bool       // next step needing the Coalition's support
	CaseTitle string     // cases raised: the title in the briefing
	Anonymous bool
}

// Page is one country's return as the report shows it.
type Page struct {
	Code      string // empty for anonymised countries: the template must not print it
	Name      string
	Region    string
	Anonymous bool

	Held, Format, Sign, Ratify     string // labels
	HeldCode, SignCode, RatifyCode string // option codes: "yes", "sign-later"...
	Date                           model.Date
	City                           string
	Participants                   string
	Organisations                  string
	AuthorityPresent               bool
	AuthorityName                  string
	AuthorityTitle                 string
	AuthorityInstitution           string
	Statement                      string
	Media                          string
	Support                        string
	Partners                       []string

	Opportunities []Item
	Challenges    []Item
	NextSteps     []Item
	Cases         []Item
}

// ret is one accepted return with what the report needs around it.
type ret struct {
	e       *intake.Entry
	o       *model.Outcome
	c       *model.Country
	sharing Sharing
	name    string
	scrub   func(string) string
}

func sharingOf(c *model.Country, o *model.Outcome) Sharing {
	v := o.Scalars[outcome.Sharing]
	switch {
	case !v.Coded || v.Text == outcome.SharingCoalitionOnly:
		// No clear consent to publish: keep it among the Coalition.
		return CoalitionOnly
	case v.Text == outcome.SharingAnonymised || c.LowProfile():
		return Anonymised
	}
	return Public
}

// returns pairs accepted entries with their countries, names anonymised
// returns and numbers them when a region has several.
func returns(ws *model.Workspace, log *intake.Log, lang string) []ret {
	var rs []ret
	for _, e := range log.Accepted() {
		c := ws.Country(e.Country)
		if c == nil || e.Outcome == nil {
			continue // intake accepts only workspace countries
		}
		r := ret{e: e, o: e.Outcome, c: c, sharing: sharingOf(c, e.Outcome), scrub: func(s string) string { return s }}
		if r.sharing == Public {
			r.name = c.Name
		} else {
			r.name = anonymousName(lang, string(c.Region))
			r.scrub = scrubber(c, e.Outcome)
		}
		rs = append(rs, r)
	}
	// Public by name, then anonymised by region; the code only breaks ties,
	// and the numbering below hides it.
	slices.SortFunc(rs, func(a, b ret) int {
		return cmp.Or(cmp.Compare(a.sharing, b.sharing), cmp.Compare(a.name, b.name), cmp.Compare(a.c.Code, b.c.Code))
	})
	seen := map[string]int{}
	for _, r := range rs {
		if r.sharing == Anonymised {
			seen[r.name]++
		}
	}
	n := map[string]int{}
	for i := range rs {
		if rs[i].sharing == Anonymised && seen[rs[i].name] > 1 {
			n[rs[i].name]++
			rs[i].name += " (" + strconv.Itoa(n[rs[i].name]) + ")"
		}
	}
	return rs
}

// scrubber removes from an anonymised return's free text every name that
// could point at the country: its name and code, cities and venue, partner
// organisations and people, authorities, the submitter, case titles and
// places. Partners write "the ministry in Hanoi said…" without thinking of
// the report, so leaving the fields out is not enough.
func scrubber(c *model.Country, o *model.Outcome) func(string) string {
	var names []string
	add := func(ss ...string) {
		for _, s := range ss {
			s = strings.TrimSpace(s)
			if len([]rune(s)) >= 3 {
				names = append(names, s)
			}
			// Partner names often pair two languages or add a note:
			// "Sosyal Haklar Girişimi — Social Rights Initiative (fictional)".
			for _, part := range splitName.Split(s, -1) {
				part = strings.TrimSpace(part)
				if len([]rune(part)) >= 4 && part != s {
					names = append(names, part)
				}
			}
		}
	}
	add(c.Name, c.Event.City, c.Event.Venue)
	for _, l := range c.Event.Languages {
		add(languageNames[l]...)
	}
	for _, p := range c.Partners {
		add(p.Name, p.Contact, p.Email)
	}
	for _, a := range c.Event.Authorities {
		add(a.Name, a.Institution)
	}
	for _, k := range c.Cases {
		add(k.Title, k.Location)
	}
	for _, s := range c.Event.Sessions {
		add(s.Speaker)
	}
	for _, k := range []string{outcome.CountryName, outcome.EventCity, outcome.AuthorityName, outcome.AuthorityInstitution,
		outcome.SubmittedBy, outcome.SubmitterOrganisation, outcome.SubmitterEmail} {
		add(o.Scalar(k))
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a, b)) })
	names = slices.Compact(names)
	var alts []string
	for _, n := range names {
		alts = append(alts, regexp.QuoteMeta(n))
	}
	var re *regexp.Regexp
	if len(alts) > 0 {
		re = regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
	}
	code := regexp.MustCompile(`\b` + regexp.QuoteMeta(strings.ToUpper(c.Code)) + `\b`)
	return func(s string) string {
		if re != nil {
			s = re.ReplaceAllString(s, "[…]")
		}
		if c.Code != "" {
			s = code.ReplaceAllString(s, "[…]")
		}
		return s
	}
}

var splitName = regexp.MustCompile(`\s+[—–-]\s+|[(),/;]`)

// build assembles the report's data. It reads only accepted returns and
// the workspace; the intake log gives the file counts.
func build(ws *model.Workspace, log *intake.Log, lang string, stamp time.Time) *Data {
	d := &Data{Lang: lang, Campaign: &ws.Campaign, Stamp: stamp}
	rs := returns(ws, log, lang)

	d.Counts = Counts{Countries: len(ws.Countries), Files: len(log.Entries), Returns: len(rs),
		Rejected: log.Count(intake.Rejected), Superseded: log.Count(intake.Superseded), Duplicate: log.Count(intake.Duplicate)}
	d.SignBars = bars(rs, outcome.SignPosition, lang)
	d.RatifyBars = bars(rs, outcome.RatifyPosition, lang)
	for _, r := range rs {
		switch r.sharing {
		case Public:
			d.Counts.Public++
		case Anonymised:
			d.Counts.Anonymised++
		default:
			d.Counts.CoalitionOnly++
		}
		switch r.o.Scalar(outcome.EventHeld) {
		case outcome.Yes:
			d.Counts.Held++
		case outcome.Postponed:
			d.Counts.Postponed++
		case outcome.No:
			d.Counts.NotHeld++
		}
		if r.o.Scalar(outcome.AuthorityPresent) == outcome.Yes {
			d.Counts.Authorities++
		}
		d.Counts.Participants += atoi(r.o.Scalar(outcome.Participants))
		d.Counts.Organisations += atoi(r.o.Scalar(outcome.Organisations))
	}

	for _, r := range rs {
		if r.sharing == CoalitionOnly {
			continue
		}
		p := page(r, lang)
		d.Countries = append(d.Countries, p)
		d.Opportunities = append(d.Opportunities, p.Opportunities...)
		d.NextSteps = append(d.NextSteps, p.NextSteps...)
		if p.Support != "" {
			d.Support = append(d.Support, Item{Country: p.Name, Text: p.Support, Anonymous: p.Anonymous})
		}
		for _, s := range p.NextSteps {
			if s.Support {
				d.Support = append(d.Support, s)
			}
		}
	}
	d.Challenges = groupChallenges(d.Countries, lang)
	slices.SortStableFunc(d.NextSteps, func(a, b Item) int {
		// Dated steps first, soonest first; the rest keep the country order.
		switch {
		case a.Deadline.IsZero() && b.Deadline.IsZero():
			return 0
		case a.Deadline.IsZero():
			return 1
		case b.Deadline.IsZero():
			return -1
		}
		return a.Deadline.Compare(b.Deadline)
	})

	accepted := map[string]bool{}
	for _, r := range rs {
		accepted[r.c.Code] = true
	}
	var named, anon []string
	for _, c := range awaited(ws, accepted) {
		if c.LowProfile() {
			anon = append(anon, anonymousName(lang, string(c.Region)))
		} else {
			named = append(named, c.Name)
		}
	}
	// Named countries by name, anonymous ones after them, so that their
	// place in an alphabetical list does not hint at their name.
	slices.Sort(named)
	slices.Sort(anon)
	d.Awaited = append(named, anon...)
	d.Counts.Awaited = len(d.Awaited)
	return d
}

// awaited lists the workspace's countries with no accepted return, by code.
func awaited(ws *model.Workspace, accepted map[string]bool) []*model.Country {
	var out []*model.Country
	for i := range ws.Countries {
		if !accepted[ws.Countries[i].Code] {
			out = append(out, &ws.Countries[i])
		}
	}
	return out
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// bars counts a choice field over every accepted return: one bar per option
// (zeros included, so charts of different years compare), then answers
// typed outside the list and returns that left it empty.
func bars(rs []ret, field, lang string) []Bar {
	f := outcome.FieldByName(field)
	counts := map[string]int{}
	other, missing := 0, 0
	for _, r := range rs {
		v, ok := r.o.Scalars[field]
		switch {
		case !ok || v.Text == "":
			missing++
		case !v.Coded:
			other++
		default:
			counts[v.Text]++
		}
	}
	var out []Bar
	for _, o := range f.Options {
		out = append(out, Bar{Label: o.Label.In(lang), Count: counts[o.Code]})
	}
	if other > 0 {
		out = append(out, Bar{Label: tOtherAnswer.In(lang), Count: other})
	}
	if missing > 0 {
		out = append(out, Bar{Label: tNotStated.In(lang), Count: missing})
	}
	return out
}

func fieldChoice(o *model.Outcome, name, lang string) string {
	return outcome.Display(outcome.FieldByName(name).Options, o.Scalars[name], lang)
}

func columnOptions(table, col string) []outcome.Option {
	return outcome.TableByName(table).Column(col).Options
}

// page builds the country page. For an anonymised return, only the
// positions, figures and scrubbed discussion remain: no date, city,
// authority, partner, media or case, since any of them can name the
// country.
func page(r ret, lang string) Page {
	o, s := r.o, r.scrub
	anon := r.sharing == Anonymised
	p := Page{Name: r.name, Region: string(r.c.Region), Anonymous: anon,
		Held:             fieldChoice(o, outcome.EventHeld, lang),
		Format:           fieldChoice(o, outcome.EventFormat, lang),
		Sign:             fieldChoice(o, outcome.SignPosition, lang),
		Ratify:           fieldChoice(o, outcome.RatifyPosition, lang),
		HeldCode:         o.Scalar(outcome.EventHeld),
		SignCode:         o.Scalar(outcome.SignPosition),
		RatifyCode:       o.Scalar(outcome.RatifyPosition),
		Participants:     o.Scalar(outcome.Participants),
		Organisations:    o.Scalar(outcome.Organisations),
		AuthorityPresent: o.Scalar(outcome.AuthorityPresent) == outcome.Yes,
		Statement:        s(o.Scalar(outcome.AuthorityStatement)),
		Support:          s(o.Scalar(outcome.SupportRequested)),
	}
	if !anon {
		// The date of a closed meeting, with the region, can be enough to
		// tell who met; anonymised pages go without it.
		if dt, err := model.ParseDate(o.Scalar(outcome.EventDate)); err == nil {
			p.Date = dt
		}
		p.Code = r.c.Code
		p.City = o.Scalar(outcome.EventCity)
		p.AuthorityName = o.Scalar(outcome.AuthorityName)
		p.AuthorityTitle = o.Scalar(outcome.AuthorityTitle)
		p.AuthorityInstitution = o.Scalar(outcome.AuthorityInstitution)
		p.Media = o.Scalar(outcome.Media)
		for _, pa := range r.c.Partners {
			p.Partners = append(p.Partners, pa.Name)
		}
	} else {
		p.Region = ""
	}
	item := func(text string) Item { return Item{Country: r.name, Text: s(text), Anonymous: anon} }
	for _, row := range o.Tables[outcome.TableOpportunities] {
		it := item(row[outcome.ColOpportunity].Text)
		it.Who = s(row[outcome.ColWhoCanAct].Text)
		if it.Text != "" || it.Who != "" {
			p.Opportunities = append(p.Opportunities, it)
		}
	}
	for _, row := range o.Tables[outcome.TableChallenges] {
		it := item(row[outcome.ColChallenge].Text)
		t := row[outcome.ColChallengeType]
		it.Type = outcome.Display(columnOptions(outcome.TableChallenges, outcome.ColChallengeType), t, lang)
		if !t.Coded {
			it.Type = s(it.Type)
		}
		if it.Text != "" {
			p.Challenges = append(p.Challenges, it)
		}
	}
	for _, row := range o.Tables[outcome.TableNextSteps] {
		it := item(row[outcome.ColAction].Text)
		it.Who = s(row[outcome.ColResponsible].Text)
		if dt, err := model.ParseDate(row[outcome.ColDeadline].Text); err == nil {
			it.Deadline = dt
		}
		it.Support = row[outcome.ColCoalitionSupport].Coded && row[outcome.ColCoalitionSupport].Text == outcome.Yes
		if it.Text != "" {
			p.NextSteps = append(p.NextSteps, it)
		}
	}
	if !anon {
		// Only cases the country file marks public may be named; a partner
		// discussing an event or restricted case at the event does not make
		// it publishable, and an id outside the briefing is unknown matter.
		public := map[string]model.Case{}
		for _, k := range r.c.CasesUpTo(model.ConfidentialityPublic) {
			public[strings.ToLower(k.ID)] = k
		}
		for _, row := range o.Tables[outcome.TableCasesRaised] {
			k, ok := public[strings.ToLower(strings.TrimSpace(row[outcome.ColCase].Text))]
			if !ok {
				continue
			}
			p.Cases = append(p.Cases, Item{Country: r.name, Text: row[outcome.ColNotes].Text, CaseTitle: k.Title, Who: k.ID})
		}
	}
	return p
}

// groupChallenges gathers challenges by type in the list's order, then
// types typed outside the list, then those with no type.
func groupChallenges(pages []Page, lang string) []Group {
	opts := columnOptions(outcome.TableChallenges, outcome.ColChallengeType)
	var order []string
	for _, o := range opts {
		order = append(order, o.Label.In(lang))
	}
	byType := map[string][]Item{}
	var extra []string
	none := tTypeNotGiven.In(lang)
	for _, p := range pages {
		for _, it := range p.Challenges {
			t := it.Type
			if t == "" {
				t = none
			}
			if _, ok := byType[t]; !ok && !slices.Contains(order, t) && t != none {
				extra = append(extra, t)
			}
			byType[t] = append(byType[t], it)
		}
	}
	slices.Sort(extra)
	var out []Group
	for _, t := range append(append(order, extra...), none) {
		if len(byType[t]) > 0 {
			out = append(out, Group{Type: t, Items: byType[t]})
		}
	}
	return out
}
