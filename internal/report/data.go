package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"opkit/internal/clearance"
	"opkit/internal/diag"
	"opkit/internal/intake"
	"opkit/internal/model"
	"opkit/internal/names"
	"opkit/internal/outcome"
)

// Sharing is what a return may show in the PDF, from the most open to the
// most closed.
type Sharing int

const (
	// Public returns are named with their content.
	Public Sharing = iota
	// Anonymised returns appear as "A country in REGION" with their coded
	// answers; their free text only once staff have cleared it.
	Anonymised
	// CoalitionOnly returns are counted in the figures; nothing of their
	// text reaches the PDF, and their country is named only for a position
	// the return allows to publish (op_position_public).
	CoalitionOnly
)

// Data is what templates/LANG/report.md.tmpl receives. It is a filtered
// view: a low-profile or anonymised country has no name, code, place or
// person in it, and none of its free text but what staff cleared; a
// coalition-only return is counts, and its country's name only beside a
// position the return allows to publish. Strings are plain text as
// partners (or staff, for cleared texts) wrote them; the template escapes
// them with md, text, quote or cell.
type Data struct {
	Lang     string
	Campaign *model.Campaign
	// The campaign's texts in the report's language.
	CampaignName, Coalition, Venue string
	Stamp                          time.Time
	Day                            model.Date // the day of the report (Stamp's), printed on the cover and in the summary
	GatheringDate                  model.Date // the day results are presented; events after it are follow-up
	// Opening is true when the signature date is the Protocol's opening for
	// signature (24 September 2009); InForce when it is after its entry
	// into force (5 May 2013). The summary's wording follows from them.
	Opening, InForce bool

	Counts     Counts
	SignBars   []Bar // every option of op_sign_position in list order, then other answers
	RatifyBars []Bar

	Stated   Stated      // the governments that have signed or will sign, named where allowed
	ByRegion []RegionRow // positions on signature by region
	Shifts   []Shift     // stance in the country file before the event -> position stated after

	Table     []Row  // the table of countries: every return the report shows
	Countries []Page // a page per country whose event came before the gathering
	FollowUp  []Page // a page per country whose event came after it

	Opportunities []Item // across countries
	Challenges    []Group
	NextSteps     []Item
	Support       []Item // support asked of the Coalition: the return's request and next steps marked so
	Commitments   []Item // commitments made at the events (Who, What, By when)
	Awaited       []string
	Planned       []Planned // countries awaited whose event is planned after the gathering
}

// Counts are the summary figures. Every accepted return counts, whatever
// its sharing. Returns == Shown + Hidden: Shown are the rows of the table
// of countries, Hidden the returns for the Coalition only that are not in
// it; Anonymised of the Shown appear without a name.
type Counts struct {
	Countries, Files, Returns, Rejected, Superseded, Duplicate, Awaited int
	Public, Anonymised, CoalitionOnly                                   int
	Held, Postponed, NotHeld, Authorities, Participants, Organisations  int
	Shown, Hidden, PositionOnly, Withheld, FollowUp, Planned            int
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

// Named is the governments that stated one position: those the report may
// name, and how many others it counts without naming.
type Named struct {
	Names  []string
	Others int
}

// Total is every government that stated the position.
func (n Named) Total() int { return len(n.Names) + n.Others }

// Stated is what governments said of signing, for the executive summary.
type Stated struct {
	HasSigned, OnDate, Later Named
}

// RegionRow is one line of the table of positions by region. Signing
// counts "has signed" and "will sign on the signature date"; Undecided
// counts undecided, no information and answers outside the list.
type RegionRow struct {
	Region                                 string
	Countries, Returns                     int
	Signing, Later, Undecided, WillNotSign int
}

// Shift is the returns whose country file had one stance before the event,
// with what the governments said after it.
type Shift struct {
	Before string
	Count  int
	After  []Bar // positions on signing stated, non-zero only
}

// Row is one line of the table of countries.
type Row struct {
	Name         string
	Anonymous    bool
	PositionOnly bool // a coalition-only return allowing its position to be named: no page
	FollowUp     bool // the event came after the gathering
	Region       string
	Before       string     // the stance of the country file
	Date         model.Date // of the event, when held and the country named
	Held         string     // whether it was held, when there is no date to show
	Authority    bool
	Sign, Ratify string
}

// Item is one row of a table of a return, with the country it came from.
type Item struct {
	Country   string // display name: the country's, or "A country in REGION"
	Text      string
	Who       string     // who can act / responsible / who committed
	Type      string     // challenge type label
	Deadline  model.Date // next steps, commitments
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
	Before                         string // the stance of the country file
	Basis                          string // what the position rests on (public statement, letter...)
	Declaration                    string // whether the joint declaration was adopted
	Date                           model.Date
	FollowupDate                   model.Date
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
	// Withheld counts the texts of an anonymised return left out because
	// staff have not cleared them.
	Withheld int

	Opportunities []Item
	Challenges    []Item
	NextSteps     []Item
	Commitments   []Item
	Cases         []Item
}

// Planned is a country awaited whose event is planned after the gathering.
type Planned struct {
	Name string
	Date model.Date // zero for an anonymised country
}

// ret is one accepted return with what the report needs around it.
type ret struct {
	e       *intake.Entry
	o       *model.Outcome
	c       *model.Country
	sharing Sharing
	name    string
	// positionPublic: the country may be named beside its stated position
	// although the rest of the return is not shown.
	positionPublic bool
	scrub          *clearance.Scrubber
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

// CountryName names a country in a language from its code (UN short
// names, CLDR otherwise: package names).
var CountryName = names.Country

// side is what build finds besides the data: the texts it withheld, for
// clearance-todo.toml, and problems with clearance.toml or the regions.
type side struct {
	todo  []clearance.Withheld
	diags diag.List
}

// clearing decides, text by text, what of an anonymised return the report
// may quote.
type clearing struct {
	file *clearance.File
	used map[string]bool
	side *side
	todo map[string]int // id -> index in side.todo
}

// text is what the report may print of v: v itself for a public return; for
// an anonymised one the text staff cleared for it, provided the scrubber
// finds no name in it; "" otherwise, the text then listed for clearance.
func (cl *clearing) text(r *ret, p *Page, key, what string, v model.Value) string {
	if r.sharing == Public || strings.TrimSpace(v.Text) == "" {
		return v.Text
	}
	id := clearance.ID(r.c.Code, key, v.Text)
	if cl.file != nil {
		if e := cl.file.Entries[id]; e != nil {
			cl.used[id] = true
			ds := cl.file.Check(e, r.scrub)
			cl.side.diags = append(cl.side.diags, ds...)
			if len(ds) == 0 {
				return e.Text
			}
		}
	}
	if i, ok := cl.todo[id]; ok {
		// The same words in the same field twice (two rows): one entry,
		// cleared once, with both cells.
		cl.side.todo[i].Where += ", " + v.Cell
	} else {
		cl.todo[id] = len(cl.side.todo)
		cl.side.todo = append(cl.side.todo, clearance.Withheld{ID: id, Country: r.c.Code, File: r.e.File, Where: v.Cell, Field: what, Text: v.Text})
	}
	if p != nil {
		p.Withheld++
	}
	return ""
}

// returns pairs accepted entries with their countries, names anonymised
// returns and numbers them when a region has several.
func returns(ws *model.Workspace, log *intake.Log, lang string, shown map[string]string) []ret {
	var rs []ret
	for _, e := range log.Accepted() {
		c := ws.Country(e.Country)
		if c == nil || e.Outcome == nil {
			continue // intake accepts only workspace countries
		}
		r := ret{e: e, o: e.Outcome, c: c, sharing: sharingOf(c, e.Outcome)}
		pp := e.Outcome.Scalars[outcome.PositionPublic]
		// Only a coalition-only return shows its position by name: an
		// anonymised one would be named beside the very position its
		// anonymous section shows, and be recognised.
		r.positionPublic = pp.Coded && pp.Text == outcome.Yes && r.sharing == CoalitionOnly && !c.LowProfile()
		switch {
		case r.sharing == Public, r.sharing == CoalitionOnly && r.positionPublic:
			// A coalition-only return shows nothing but its position, which
			// the partner allowed to name.
			r.name = CountryName(c.Code, lang)
		default:
			r.name = anonymousName(lang, shown[c.Code])
		}
		if r.sharing != Public {
			r.scrub = clearance.ForCountry(c, e.Outcome, eventLanguageNames(c)...)
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

func eventLanguageNames(c *model.Country) []string {
	var out []string
	for _, l := range c.Event.Languages {
		out = append(out, languageNames(l)...)
	}
	return out
}

// build assembles the report's data. It reads only accepted returns, the
// workspace and the staff's clearance file (nil: nothing cleared).
func build(ws *model.Workspace, log *intake.Log, lang string, stamp time.Time, cf *clearance.File) (*Data, *side) {
	sd := &side{}
	cl := &clearing{file: cf, used: map[string]bool{}, side: sd, todo: map[string]int{}}
	d := &Data{Lang: lang, Campaign: &ws.Campaign, Stamp: stamp, GatheringDate: ws.Campaign.GatheringDate,
		Day: model.DateOf(stamp), CampaignName: ws.Campaign.Name.In(lang), Coalition: ws.Campaign.Coalition.In(lang), Venue: ws.Campaign.SignatureVenue.In(lang)}
	if d.GatheringDate.IsZero() {
		d.GatheringDate = ws.Campaign.SignatureDate
	}
	sig := ws.Campaign.SignatureDate
	d.Opening = !sig.After(model.OpenedForSignature)
	d.InForce = sig.After(model.EnteredIntoForce)
	shown, small := reportRegions(ws)
	rs := returns(ws, log, lang, shown)

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
		// A return that says the government will sign, or has not decided,
		// for a State the country file records as a signatory or party would
		// tell New York something false; staff should check one of the two.
		if sp := r.o.Scalars[outcome.SignPosition]; sp.Coded && sp.Text != outcome.HasSigned && sp.Text != outcome.NoInformation &&
			r.c.Politics.OPStatus != "" && r.c.Politics.OPStatus != model.OPNone {
			sd.diags.Warnf(r.e.File, 0, 0, "%s says %q, but %s records the Protocol as %s%s: check the return or the country file before the report goes to New York",
				outcome.SignPosition, sp.Text, r.c.File, r.c.Politics.OPStatus, statusDate(r.c.Politics.OPStatusDate))
		}
		if r.sharing != Public && !r.positionPublic && r.o.Scalars[outcome.PositionPublic].Text == outcome.Yes {
			why := r.c.File + " is low-profile"
			if !r.c.LowProfile() {
				why = "the return is shared anonymised, and naming its position would name its anonymous section"
			}
			sd.diags.Warnf(r.e.File, 0, 0, "%s: the return lets the report name the government's position, but %s: the position is counted, the country not named",
				outcome.PositionPublic, why)
		}
	}
	d.Stated = stated(rs, lang)
	d.ByRegion = byRegion(ws, rs, shown, lang)
	d.Shifts = shifts(rs, lang)

	for _, r := range rs {
		if r.sharing == CoalitionOnly {
			if r.positionPublic {
				d.Table = append(d.Table, Row{Name: r.name, PositionOnly: true, Region: names.Region(shown[r.c.Code], lang),
					Before: stanceLabel(r.c.Stance, lang), Held: coded(r.o, outcome.EventHeld, lang),
					Sign: coded(r.o, outcome.SignPosition, lang), Ratify: coded(r.o, outcome.RatifyPosition, lang)})
				d.Counts.PositionOnly++
			}
			continue
		}
		p := page(r, lang, names.Region(shown[r.c.Code], lang), cl)
		day := eventDay(r)
		after := !day.IsZero() && day.After(d.GatheringDate)
		row := Row{Name: p.Name, Anonymous: p.Anonymous, FollowUp: after, Region: names.Region(shown[r.c.Code], lang), Before: p.Before,
			Authority: p.AuthorityPresent, Sign: p.Sign, Ratify: p.Ratify, Held: p.Held}
		if p.HeldCode == outcome.Yes {
			row.Date = p.Date
		}
		d.Table = append(d.Table, row)
		if after {
			d.FollowUp = append(d.FollowUp, p)
		} else {
			d.Countries = append(d.Countries, p)
		}
		d.Opportunities = append(d.Opportunities, p.Opportunities...)
		d.NextSteps = append(d.NextSteps, p.NextSteps...)
		d.Commitments = append(d.Commitments, p.Commitments...)
		if p.Support != "" {
			d.Support = append(d.Support, Item{Country: p.Name, Text: p.Support, Anonymous: p.Anonymous})
		}
		for _, s := range p.NextSteps {
			if s.Support {
				d.Support = append(d.Support, s)
			}
		}
		d.Counts.Withheld += p.Withheld
	}
	d.Counts.Shown = len(d.Table)
	d.Counts.Hidden = d.Counts.Returns - d.Counts.Shown
	d.Counts.FollowUp = len(d.FollowUp)
	d.Challenges = groupChallenges(append(slices.Clone(d.Countries), d.FollowUp...), lang)
	byDeadline := func(a, b Item) int {
		// Dated first, soonest first; the rest keep the country order.
		switch {
		case a.Deadline.IsZero() && b.Deadline.IsZero():
			return 0
		case a.Deadline.IsZero():
			return 1
		case b.Deadline.IsZero():
			return -1
		}
		return a.Deadline.Compare(b.Deadline)
	}
	slices.SortStableFunc(d.NextSteps, byDeadline)
	slices.SortStableFunc(d.Commitments, byDeadline)

	accepted := map[string]bool{}
	for _, r := range rs {
		accepted[r.c.Code] = true
	}
	var named, anon []string
	var planned, plannedAnon []Planned
	for _, c := range awaited(ws, accepted) {
		later := !c.Event.Date.IsZero() && c.Event.Date.After(d.GatheringDate)
		switch {
		case c.LowProfile() && later:
			plannedAnon = append(plannedAnon, Planned{Name: anonymousName(lang, shown[c.Code])})
		case c.LowProfile():
			anon = append(anon, anonymousName(lang, shown[c.Code]))
		case later:
			planned = append(planned, Planned{Name: CountryName(c.Code, lang), Date: c.Event.Date})
		default:
			named = append(named, CountryName(c.Code, lang))
		}
	}
	// Named countries by name, anonymous ones after them, so that their
	// place in an alphabetical list does not hint at their name.
	slices.Sort(named)
	slices.Sort(anon)
	d.Awaited = append(named, anon...)
	slices.SortFunc(planned, func(a, b Planned) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Name, b.Name)) })
	slices.SortFunc(plannedAnon, func(a, b Planned) int { return cmp.Compare(a.Name, b.Name) })
	d.Planned = append(planned, plannedAnon...)
	d.Counts.Awaited = len(d.Awaited) + len(d.Planned)
	d.Counts.Planned = len(d.Planned)

	// Warnings staff can act on: small regions that hide a country by its
	// continent, and cleared texts that matched nothing this run.
	warned := map[string]bool{}
	for _, r := range rs {
		k := string(r.c.Region)
		if r.sharing != Public && small[k] && !warned[k] {
			warned[k] = true
			sd.diags.Warnf(r.c.File, 0, 0, "region %q has fewer than three countries in the campaign: the report names its anonymised countries by their continent (%s)",
				string(r.c.Region), anonymousName("en", shown[r.c.Code]))
		}
	}
	if cf != nil {
		var ids []string
		for id := range cf.Entries {
			if !cl.used[id] {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		for _, id := range ids {
			e := cf.Entries[id]
			sd.diags.Warnf(cf.Name, e.Line, e.Col, "no withheld text has the id %s in this run (the return changed, or it is no longer anonymised); the entry is not used", id)
		}
	}
	return d, sd
}

// eventDay is the day the event took place, or is due to when postponed:
// the return's date, else its follow-up date, else the country file's.
func eventDay(r ret) model.Date {
	if dt, err := model.ParseDate(r.o.Scalar(outcome.EventDate)); err == nil {
		return dt
	}
	if dt, err := model.ParseDate(r.o.Scalar(outcome.FollowupDate)); err == nil && r.o.Scalar(outcome.EventHeld) != outcome.Yes {
		return dt
	}
	return r.c.Event.Date
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

// stated sorts the governments by what they said of signing. A country is
// named when its return is public, or for the Coalition only (or
// anonymised by the partner's choice) with op_position_public Yes; a
// low-profile country never is.
func stated(rs []ret, lang string) Stated {
	var s Stated
	for _, r := range rs {
		v := r.o.Scalars[outcome.SignPosition]
		if !v.Coded {
			continue
		}
		var n *Named
		switch v.Text {
		case outcome.HasSigned:
			n = &s.HasSigned
		case outcome.SignOnSignatureDate:
			n = &s.OnDate
		case outcome.SignLater:
			n = &s.Later
		default:
			continue
		}
		switch {
		case r.sharing == Public:
			n.Names = append(n.Names, r.name)
		case r.positionPublic:
			n.Names = append(n.Names, r.name)
		default:
			n.Others++
		}
	}
	for _, n := range []*Named{&s.HasSigned, &s.OnDate, &s.Later} {
		slices.Sort(n.Names)
		n.Names = slices.Compact(n.Names)
	}
	return s
}

// byRegion counts positions on signing by the region each country is shown
// under, in the order of SPEC.md's regions, then others by name.
func byRegion(ws *model.Workspace, rs []ret, shown map[string]string, lang string) []RegionRow {
	rows := map[string]*RegionRow{}
	for i := range ws.Countries {
		k := shown[ws.Countries[i].Code]
		if rows[k] == nil {
			rows[k] = &RegionRow{Region: names.Region(k, lang)}
		}
		rows[k].Countries++
	}
	for _, r := range rs {
		row := rows[shown[r.c.Code]]
		row.Returns++
		v := r.o.Scalars[outcome.SignPosition]
		switch {
		case v.Coded && (v.Text == outcome.HasSigned || v.Text == outcome.SignOnSignatureDate):
			row.Signing++
		case v.Coded && v.Text == outcome.SignLater:
			row.Later++
		case v.Coded && v.Text == outcome.WillNotSign:
			row.WillNotSign++
		default:
			row.Undecided++
		}
	}
	order := regionOrder
	var keys []string
	for k := range rows {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ia, ib := slices.Index(order, a), slices.Index(order, b)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(rows[a].Region, rows[b].Region))
	})
	var out []RegionRow
	for _, k := range keys {
		out = append(out, *rows[k])
	}
	return out
}

// shifts compares the stance of each country file with the position its
// government stated at the event, stance by stance.
func shifts(rs []ret, lang string) []Shift {
	opts := outcome.FieldByName(outcome.SignPosition).Options
	var out []Shift
	for _, st := range model.Stances {
		var sh Shift
		counts := map[string]int{}
		for _, r := range rs {
			if string(r.c.Stance) != st {
				continue
			}
			sh.Count++
			v := r.o.Scalars[outcome.SignPosition]
			switch {
			case v.Text == "":
				counts["\x00none"]++
			case !v.Coded:
				counts["\x00other"]++
			default:
				counts[v.Text]++
			}
		}
		if sh.Count == 0 {
			continue
		}
		sh.Before = stanceLabel(model.Stance(st), lang)
		for _, o := range opts {
			if n := counts[o.Code]; n > 0 {
				sh.After = append(sh.After, Bar{Label: o.Label.In(lang), Count: n})
			}
		}
		if n := counts["\x00other"]; n > 0 {
			sh.After = append(sh.After, Bar{Label: tOtherAnswer.In(lang), Count: n})
		}
		if n := counts["\x00none"]; n > 0 {
			sh.After = append(sh.After, Bar{Label: tNotStated.In(lang), Count: n})
		}
		out = append(out, sh)
	}
	return out
}

func stanceLabel(s model.Stance, lang string) string {
	if l, ok := tStance[s]; ok {
		return l.In(lang)
	}
	return string(s)
}

func fieldChoice(o *model.Outcome, name, lang string) string {
	f := outcome.FieldByName(name)
	if f == nil {
		return ""
	}
	return outcome.Display(f.Options, o.Scalars[name], lang)
}

// coded is the label of a drop-down answer taken from the list; a typed
// answer is "Other answer", never its text.
func coded(o *model.Outcome, name, lang string) string {
	v := o.Scalars[name]
	if v.Text != "" && !v.Coded {
		return tOtherAnswer.In(lang)
	}
	return fieldChoice(o, name, lang)
}

func columnOptions(table, col string) []outcome.Option {
	t := outcome.TableByName(table)
	if t == nil || t.Column(col) == nil {
		return nil
	}
	return t.Column(col).Options
}

// label names a field or column for staff in clearance-todo.toml.
func label(key string) string {
	if f := outcome.FieldByName(key); f != nil {
		return f.Label.In("en")
	}
	table, col, _ := strings.Cut(key, ".")
	if t := outcome.TableByName(table); t != nil {
		if c := t.Column(col); c != nil {
			return t.Title.In("en") + ": " + c.Header.In("en")
		}
	}
	return key
}

// page builds the country page. For an anonymised return only the coded
// answers, figures and cleared texts remain: no date, city, authority,
// partner, media or case, since any of them can name the country.
func page(r ret, lang, region string, cl *clearing) Page {
	o := r.o
	anon := r.sharing == Anonymised
	p := Page{Name: r.name, Region: region, Anonymous: anon,
		HeldCode:         o.Scalar(outcome.EventHeld),
		SignCode:         o.Scalar(outcome.SignPosition),
		RatifyCode:       o.Scalar(outcome.RatifyPosition),
		Before:           stanceLabel(r.c.Stance, lang),
		Participants:     o.Scalar(outcome.Participants),
		Organisations:    o.Scalar(outcome.Organisations),
		AuthorityPresent: o.Scalar(outcome.AuthorityPresent) == outcome.Yes,
	}
	scalar := func(key string) string { return cl.text(&r, &p, key, label(key), o.Scalars[key]) }
	// A drop-down typed over holds free text: its label is the text, which
	// an anonymised page shows only once cleared.
	choice := func(key string) string {
		v := o.Scalars[key]
		if v.Coded || v.Text == "" || !anon {
			return fieldChoice(o, key, lang)
		}
		if t := scalar(key); t != "" {
			return t
		}
		return tOtherAnswer.In(lang)
	}
	p.Held = choice(outcome.EventHeld)
	p.Format = choice(outcome.EventFormat)
	p.Sign = choice(outcome.SignPosition)
	p.Ratify = choice(outcome.RatifyPosition)
	p.Basis = choice(outcome.PositionBasis)
	p.Declaration = choice(outcome.DeclarationAdopted)
	p.Statement = scalar(outcome.AuthorityStatement)
	p.Support = scalar(outcome.SupportRequested)
	if dt, err := model.ParseDate(o.Scalar(outcome.FollowupDate)); err == nil && !anon {
		p.FollowupDate = dt
	}
	if !anon {
		// The date of a closed meeting, with the region, can be enough to
		// tell who met; anonymised pages go without it.
		if dt, err := model.ParseDate(o.Scalar(outcome.EventDate)); err == nil {
			p.Date = dt
		}
		p.Code = r.c.Code
		p.City = cityIn(r.c.Code, o.Scalar(outcome.EventCity), lang)
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
	cellText := func(table, col string, row model.Row) string {
		return cl.text(&r, &p, table+"."+col, label(table+"."+col), row[col])
	}
	item := func(text string) Item { return Item{Country: r.name, Text: text, Anonymous: anon} }
	for _, row := range o.Tables[outcome.TableOpportunities] {
		it := item(cellText(outcome.TableOpportunities, outcome.ColOpportunity, row))
		it.Who = cellText(outcome.TableOpportunities, outcome.ColWhoCanAct, row)
		if it.Text != "" {
			p.Opportunities = append(p.Opportunities, it)
		}
	}
	for _, row := range o.Tables[outcome.TableChallenges] {
		it := item(cellText(outcome.TableChallenges, outcome.ColChallenge, row))
		t := row[outcome.ColChallengeType]
		it.Type = outcome.Display(columnOptions(outcome.TableChallenges, outcome.ColChallengeType), t, lang)
		if !t.Coded && t.Text != "" {
			it.Type = cellText(outcome.TableChallenges, outcome.ColChallengeType, row)
		}
		if it.Text != "" {
			p.Challenges = append(p.Challenges, it)
		}
	}
	for _, row := range o.Tables[outcome.TableNextSteps] {
		it := item(cellText(outcome.TableNextSteps, outcome.ColAction, row))
		it.Who = cellText(outcome.TableNextSteps, outcome.ColResponsible, row)
		if dt, err := model.ParseDate(row[outcome.ColDeadline].Text); err == nil {
			it.Deadline = dt
		}
		it.Support = row[outcome.ColCoalitionSupport].Coded && row[outcome.ColCoalitionSupport].Text == outcome.Yes
		if it.Text != "" {
			p.NextSteps = append(p.NextSteps, it)
		}
	}
	for _, row := range o.Tables[outcome.TableCommitments] {
		it := item(cellText(outcome.TableCommitments, outcome.ColWhat, row))
		it.Who = cellText(outcome.TableCommitments, outcome.ColWho, row)
		if dt, err := model.ParseDate(row[outcome.ColByWhen].Text); err == nil {
			it.Deadline = dt
		} else if !anon && row[outcome.ColByWhen].Text != "" {
			it.Type = row[outcome.ColByWhen].Text // "by the end of the year", as typed
		}
		if it.Text != "" {
			p.Commitments = append(p.Commitments, it)
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

// cityIn is the event city as the report names it: a partner types its
// capital in its own script ("Київ"), which an English report gives by the
// English name the table of capitals knows first ("Kyiv"). The table has
// no French or Spanish names of capitals, and an English one would be
// English inside a French page, so other languages, other cities and a
// city already in Latin letters stay as typed.
func cityIn(code, city, lang string) string {
	if city == "" || lang != "en" || latin(city) {
		return city
	}
	caps := names.Capitals(code)
	for _, c := range caps {
		if strings.EqualFold(norm.NFC.String(strings.TrimSpace(city)), norm.NFC.String(c)) && latin(caps[0]) {
			return caps[0]
		}
	}
	return city
}

// latin reports whether every letter of s is in the Latin script.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func statusDate(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return " on " + d.String()
}
